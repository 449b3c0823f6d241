package genserver_test

import (
	"testing"
	"testing/synctest"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/scalability-go/otpbook/otp"
	"github.com/scalability-go/otpbook/otp/code"
	"github.com/scalability-go/otpbook/otp/genserver"
	"github.com/scalability-go/otpbook/otp/proclib"
	"github.com/scalability-go/otpbook/otp/term"
)

// TestShellModule drives gen_server through the code server, as the
// shell calls it, with an Erlang-style module.
func TestShellModule(t *testing.T) {
	n, p, _ := newNode(t)
	require.NoError(t, genserver.Load(n))
	require.NoError(t, genserver.Load(n))
	cs := code.Of(n)
	_, err := cs.Load(&code.Module{Name: "erl", Impl: erl{}})
	require.NoError(t, err)
	gs := func(f string, args ...term.Term) term.Term { return cs.Apply(p, "gen_server", term.Atom(f), args) }
	name := term.Tuple{atom("local"), atom("e")}

	r := gs("start", name, atom("erl"), term.Tuple{atom("ok"), 0}, term.List{})
	pid := r.(term.Tuple)[1].(term.Pid)
	assert.Equal(t, term.Tuple{atom("ok"), pid}, r)
	assert.Equal(t, term.Tuple{atom("error"), term.Tuple{atom("already_started"), pid}},
		gs("start", name, atom("erl"), term.Tuple{atom("ok"), 0}, term.List{}))
	assert.Equal(t, atom("x"), gs("call", atom("e"), atom("x")))
	assert.Equal(t, atom("y"), gs("call", atom("e"), atom("y"), 1000))
	assert.Equal(t, term.Tuple{atom("noproc"), term.Tuple{atom("gen_server"), atom("call"), term.List{atom("nobody"), atom("y"), atom("infinity")}}},
		exitOf(func() { gs("call", atom("nobody"), atom("y"), atom("infinity")) }))
	assert.Equal(t, term.OK, gs("cast", atom("nobody"), atom("x")))
	assert.Equal(t, term.Tuple{term.List{term.Tuple{atom("nonode@nohost"), atom("x")}}, term.List{}},
		gs("multi_call", atom("e"), atom("x")))
	assert.Equal(t, term.Tuple{term.List{}, term.List{atom("nonode@nohost")}},
		gs("multi_call", term.List{atom("nonode@nohost")}, atom("nobody"), atom("x")))
	assert.Equal(t, term.Tuple{term.List{term.Tuple{atom("nonode@nohost"), atom("x")}}, term.List{atom("foo@bar")}},
		gs("multi_call", term.List{atom("nonode@nohost"), atom("foo@bar")}, atom("e"), atom("x"), 1000))
	assert.Equal(t, atom("abcast"), gs("abcast", atom("e"), term.Tuple{atom("noreply"), 1}))
	assert.Equal(t, atom("abcast"), gs("abcast", term.List{atom("nonode@nohost"), atom("foo@bar")}, atom("e"), term.Tuple{atom("noreply"), 2}))
	assert.Equal(t, atom("x"), gs("call", atom("e"), atom("x")))

	// A bad return value from a call, and the exit the caller gets.
	mref := monitor(t, p, pid)
	bad := term.Tuple{atom("return"), atom("garbage")}
	assert.Equal(t, term.Tuple{term.Tuple{atom("bad_return_value"), atom("garbage")}, term.Tuple{atom("gen_server"), atom("call"), term.List{atom("e"), bad}}},
		exitOf(func() { gs("call", atom("e"), bad) }))
	down(t, p, mref)

	// start_monitor, stop/1 and stop/3.
	r = gs("start_monitor", atom("erl"), term.Tuple{atom("ok"), 0}, term.List{term.Tuple{atom("timeout"), 1000}})
	pm := r.(term.Tuple)[1].(term.Tuple)
	assert.Equal(t, term.OK, gs("stop", pm[0]))
	assert.Equal(t, otp.Normal, down(t, p, pm[1].(term.Ref)))
	assert.Equal(t, otp.Noproc, exitOf(func() { gs("stop", pm[0]) }))
	r = gs("start", atom("erl"), term.Tuple{atom("ok"), 0}, term.List{})
	pid = r.(term.Tuple)[1].(term.Pid)
	exc := otp.Catch(func() { gs("stop", pid, otp.Normal, atom("bad")) })
	require.NotNil(t, exc)
	assert.Equal(t, atom("function_clause"), exc.Reason)
	assert.True(t, n.IsProcessAlive(pid))
	assert.Equal(t, term.OK, gs("stop", pid, atom("shutdown"), atom("infinity")))

	// init results read from terms.
	assert.Equal(t, atom("ignore"), gs("start", atom("erl"), atom("ignore"), term.List{}))
	assert.Equal(t, term.Tuple{atom("error"), atom("r")}, gs("start", atom("erl"), term.Tuple{atom("error"), atom("r")}, term.List{}))
	assert.Equal(t, term.Tuple{atom("error"), term.Tuple{atom("bad_return_value"), atom("garbage")}},
		gs("start", atom("erl"), atom("garbage"), term.List{}))
}

// TestExportedCallbacks: a code module with no Impl whose exports are
// the callbacks, called by name as Erlang calls Mod:init(Args).
func TestExportedCallbacks(t *testing.T) {
	n, p, logs := newNode(t)
	cs := code.Of(n)
	_, err := cs.Load(&code.Module{Name: "plain", Exports: map[code.FA]code.Func{
		{Function: "init", Arity: 1}: func(_ *otp.Process, a []term.Term) term.Term {
			return term.Tuple{term.OK, a[0]}
		},
		{Function: "handle_call", Arity: 3}: func(_ *otp.Process, a []term.Term) term.Term {
			return term.Tuple{atom("reply"), term.Tuple{a[0], a[2]}, a[2]}
		},
		{Function: "handle_cast", Arity: 2}: func(_ *otp.Process, a []term.Term) term.Term {
			return term.Tuple{atom("noreply"), a[0]}
		},
	}})
	require.NoError(t, err)
	pid, err := genserver.Start(p, nil, atom("plain"), 7)
	require.NoError(t, err)
	assert.Equal(t, term.Tuple{atom("x"), 7}, genserver.MustCall(p, pid, atom("x")))
	// No handle_info: OTP 25's warning, and the server goes on.
	p.Send(pid, atom("hello"))
	rec := logs.next(t, func(string) bool { return true })
	assert.Equal(t, "** Undefined handle_info in plain\n** Unhandled message: hello", rec.Message)
	genserver.Cast(p, pid, 8)
	assert.Equal(t, term.Tuple{atom("x"), 8}, genserver.MustCall(p, pid, atom("x")))
	require.NoError(t, genserver.StopServer(p, pid))
}

func TestHibernate(t *testing.T) {
	n, p, _ := newNode(t)
	pid, err := genserver.Start(p, nil, &srv{}, atom("s"))
	require.NoError(t, err)
	assert.Equal(t, term.OK, genserver.MustCall(p, pid, atom("hibernate")))
	assert.Equal(t, atom("s"), genserver.MustCall(p, pid, atom("get")))
	assert.Equal(t, term.OK, genserver.MustCall(p, pid, atom("hibernate")))
	genserver.Cast(p, pid, term.Tuple{atom("set"), atom("s2")})
	assert.Equal(t, atom("s2"), genserver.MustCall(p, pid, atom("get")))
	require.NoError(t, genserver.StopServer(p, pid))
	_ = n
}

func TestHibernateAfter(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		_, p, _ := newNode(t)
		pid, err := genserver.Start(p, nil, &srv{}, atom("s"), genserver.HibernateAfter(100*time.Millisecond))
		require.NoError(t, err)
		p.Sleep(time.Second)
		assert.Equal(t, atom("s"), genserver.MustCall(p, pid, atom("get")))
		p.Sleep(time.Second)
		assert.Equal(t, atom("pong"), genserver.MustCall(p, pid, atom("ping")))
		require.NoError(t, genserver.StopServer(p, pid))
	})
}

// TestInactivityTimeout: a timeout returned by a callback gives
// handle_info(timeout) when no message comes, and any message (a system
// one too) restarts it, as chapter 4's ping shows.
func TestInactivityTimeout(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		_, p, _ := newNode(t)
		pid, err := genserver.Start(p, nil, &srv{notify: p.Self()}, nil)
		require.NoError(t, err)
		t0 := time.Now()
		assert.Equal(t, term.OK, genserver.MustCall(p, pid, term.Tuple{atom("timeout"), 500}))
		p.Sleep(300 * time.Millisecond)
		_, err = genserver.Call(p, pid, atom("ping"))
		require.NoError(t, err)
		// ping returned no timeout: nothing more comes.
		_, ok := p.ReceiveTimeout(2 * time.Second)
		assert.False(t, ok)
		assert.Equal(t, term.OK, genserver.MustCall(p, pid, term.Tuple{atom("timeout"), 500}))
		t1 := time.Now()
		recvTerm(t, p, term.Tuple{atom("info"), atom("timeout")})
		assert.Equal(t, 500*time.Millisecond, time.Since(t1))
		_ = t0
		require.NoError(t, genserver.StopServer(p, pid))
	})
}

func TestMultiCallAbcastGo(t *testing.T) {
	n, p, _ := newNode(t)
	pid, err := genserver.Start(p, genserver.Local("m"), &srv{notify: p.Self()}, atom("s"))
	require.NoError(t, err)
	replies, bad := genserver.MultiCall(p, nil, "m", atom("ping"))
	assert.Equal(t, []genserver.NodeReply{{Node: n.Name(), Reply: atom("pong")}}, replies)
	assert.Empty(t, bad)
	replies, bad = genserver.MultiCall(p, []term.Atom{n.Name(), "foo@bar"}, "nobody", atom("ping"), time.Second)
	assert.Empty(t, replies)
	assert.Equal(t, []term.Atom{n.Name(), "foo@bar"}, bad)
	genserver.Abcast(p, nil, "m", term.Tuple{atom("set"), atom("s2")})
	assert.Equal(t, atom("s2"), genserver.MustCall(p, pid, atom("get")))
	require.NoError(t, genserver.StopServer(p, pid))
}

// TestBadReturnFromCast: {reply, ...} from handle_cast is a bad return
// value, and a negative timeout too.
func TestBadReturnFromCast(t *testing.T) {
	_, p, _ := newNode(t)
	pid, err := genserver.Start(p, nil, erl{}, term.Tuple{atom("ok"), 0})
	require.NoError(t, err)
	mref := monitor(t, p, pid)
	genserver.Cast(p, pid, term.Tuple{atom("noreply"), 1, -5})
	assert.Equal(t, term.Tuple{atom("bad_return_value"), term.Tuple{atom("noreply"), 1, -5}}, down(t, p, mref))
}

func TestEnterLoop(t *testing.T) {
	n, p, _ := newNode(t)
	pid, err := proclib.Start(p, otp.MFA{Module: "mine", Function: "init", Arity: 1}, func(cp *otp.Process) {
		require.NoError(t, cp.Node().Register("entered", cp.Self()))
		proclib.InitAck(cp, term.OK)
		genserver.EnterLoop(cp, &srv{}, genserver.Local("entered"), genserver.Ok[any](atom("s0")))
	}, 0)
	require.NoError(t, err)
	assert.Equal(t, term.OK, pid)
	assert.Equal(t, atom("s0"), genserver.MustCall(p, atom("entered"), atom("get")))
	require.NoError(t, genserver.StopServer(p, atom("entered")))

	_, err = proclib.Start(p, otp.MFA{Module: "mine", Function: "init", Arity: 1}, func(cp *otp.Process) {
		genserver.EnterLoop(cp, &srv{}, genserver.Local("nobody"), genserver.Ok[any](atom("s0")))
	}, 0)
	assert.Equal(t, term.Tuple{atom("error"), atom("process_not_registered")}, toTerm(err))
	_ = n
}

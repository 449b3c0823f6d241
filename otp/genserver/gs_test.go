package genserver_test

import (
	"errors"
	"log/slog"
	"testing"
	"testing/synctest"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/scalability-go/otpbook/otp"
	"github.com/scalability-go/otpbook/otp/gen"
	"github.com/scalability-go/otpbook/otp/genserver"
	"github.com/scalability-go/otpbook/otp/term"
)

func TestGS01Start(t *testing.T) {
	_, p, _ := newNode(t)
	pid, err := genserver.Start(p, nil, &srv{}, atom("s0"))
	require.NoError(t, err)
	r, err := genserver.Call(p, pid, atom("ping"))
	require.NoError(t, err)
	assert.Equal(t, atom("pong"), r)
	require.NoError(t, genserver.StopServer(p, pid))
	_, err = genserver.Call(p, pid, atom("x"), time.Millisecond)
	assert.Equal(t, term.Tuple{atom("noproc"), term.Tuple{atom("gen_server"), atom("call"), term.List{pid, atom("x"), 1}}},
		callReason(t, err))
	assert.ErrorIs(t, err, genserver.ErrNoproc)
}

func TestGS02StartLinkAndMonitor(t *testing.T) {
	_, p, _ := newNode(t)
	p.TrapExit(true)
	pid, err := genserver.StartLink(p, nil, &srv{}, nil)
	require.NoError(t, err)
	genserver.Cast(p, pid, term.Tuple{atom("stop"), atom("stopped")})
	recvTerm(t, p, term.Tuple{atom("EXIT"), pid, atom("stopped")})

	pid, mref, err := genserver.StartMonitor(p, nil, &srv{}, nil)
	require.NoError(t, err)
	genserver.Cast(p, pid, term.Tuple{atom("stop"), atom("stopped")})
	m := recv(t, p, func(m any) bool { d, ok := m.(otp.DownMsg); return ok && d.Ref == mref }).(otp.DownMsg)
	assert.Equal(t, otp.DownMsg{Ref: mref, Type: "process", Item: pid, Reason: atom("stopped")}, m)
}

func TestGS03AlreadyStarted(t *testing.T) {
	n, p, _ := newNode(t)
	for _, name := range []term.Term{genserver.Local("n"), genserver.Global(atom("n")), genserver.Via("global", atom("n"))} {
		ref := name
		if name.(term.Tuple)[0] == atom("local") {
			ref = atom("n") // a local name is called by its atom
		}
		pid1, err := genserver.Start(p, name, &srv{}, nil)
		require.NoError(t, err)
		for _, start := range []func() error{
			func() error { _, err := genserver.Start(p, name, &srv{}, nil); return err },
			func() error { _, err := genserver.StartLink(p, name, &srv{}, nil); return err },
			func() error { _, _, err := genserver.StartMonitor(p, name, &srv{}, nil); return err },
		} {
			err := start()
			assert.ErrorIs(t, err, genserver.ErrAlreadyStarted)
			holder, ok := genserver.AlreadyStarted(err)
			assert.True(t, ok)
			assert.Equal(t, pid1, holder)
			assert.Equal(t, term.Tuple{atom("error"), term.Tuple{atom("already_started"), pid1}},
				genserver.StartResult(term.Pid{}, err))
		}
		require.NoError(t, genserver.StopServer(p, ref))
	}
	_ = n
}

func TestGS04InitIgnore(t *testing.T) {
	n, p, _ := newNode(t)
	p.TrapExit(true)
	m := &srv{init: func(*otp.Process, term.Term) genserver.InitResult[any] { return genserver.Ignore[any]() }}
	_, err := genserver.Start(p, genserver.Local("ig"), m, nil)
	assert.ErrorIs(t, err, genserver.ErrIgnore)
	_, ok := n.WhereIs("ig")
	assert.False(t, ok)
	_, err = genserver.StartLink(p, genserver.Global(atom("ig")), m, nil)
	assert.ErrorIs(t, err, genserver.ErrIgnore)
	_, ok = gen.Where(p, genserver.Global(atom("ig")))
	assert.False(t, ok)
	assert.Equal(t, atom("ignore"), genserver.StartResult(term.Pid{}, err))
}

func TestGS05InitStopAndError(t *testing.T) {
	n, p, logs := newNode(t)
	m := &srv{init: func(_ *otp.Process, a term.Term) genserver.InitResult[any] {
		if a == atom("error") {
			return genserver.InitError[any](atom("r"))
		}
		return genserver.InitStop[any](atom("r"))
	}}
	_, err := genserver.Start(p, genserver.Local("st"), m, nil)
	assert.Equal(t, term.Tuple{atom("error"), atom("r")}, genserver.StartResult(term.Pid{}, err))
	_, ok := n.WhereIs("st")
	assert.False(t, ok)
	_, err = genserver.Start(p, genserver.Local("st"), m, atom("error"))
	assert.Equal(t, term.Tuple{atom("error"), atom("r")}, genserver.StartResult(term.Pid{}, err))
	// {stop, r} logs a crash report; {error, r} nothing.
	msgs := logs.messages()
	require.Len(t, msgs, 1)
	assert.Contains(t, msgs[0], "exception exit: r")
}

// erl is an Erlang-style callback module: init returns its argument, the
// other callbacks what the request says.
type erl struct{}

func (erl) Init(_ *otp.Process, args term.Term) term.Term { return args }
func (erl) HandleCall(_ *otp.Process, req, _, s term.Term) term.Term {
	if t, ok := req.(term.Tuple); ok && len(t) == 2 && t[0] == atom("return") {
		return t[1]
	}
	return term.Tuple{atom("reply"), req, s}
}
func (erl) HandleCast(_ *otp.Process, req, _ term.Term) term.Term { return req }

func TestGS06InitBadReturn(t *testing.T) {
	_, p, _ := newNode(t)
	for _, v := range []term.Term{atom("garbage"), term.Tuple{atom("ok"), 1, -5}, term.Tuple{atom("ok"), 1, 5, 6}} {
		_, err := genserver.Start(p, nil, erl{}, v)
		assert.Equal(t, term.Tuple{atom("error"), term.Tuple{atom("bad_return_value"), v}}, genserver.StartResult(term.Pid{}, err))
	}
	m := &srv{init: func(*otp.Process, term.Term) genserver.InitResult[any] {
		return genserver.Ok[any](1).Timeout(-5 * time.Millisecond)
	}}
	_, err := genserver.Start(p, nil, m, nil)
	assert.Equal(t, term.Tuple{atom("error"), term.Tuple{atom("bad_return_value"), term.Tuple{atom("ok"), 1, -5}}},
		genserver.StartResult(term.Pid{}, err))
}

func TestGS07InitRaises(t *testing.T) {
	_, p, _ := newNode(t)
	raise := func(f func()) *srv {
		return &srv{init: func(*otp.Process, term.Term) genserver.InitResult[any] { f(); return genserver.Ok[any](nil) }}
	}
	_, err := genserver.Start(p, nil, raise(func() { otp.Error(atom("bailout")) }), nil)
	var se *genserver.StartError
	require.ErrorAs(t, err, &se)
	assert.Equal(t, term.Tuple{atom("bailout"), atom("st")}, stripStack(se.Reason))
	_, err = genserver.Start(p, nil, raise(func() { otp.Exit(atom("bailout")) }), nil)
	assert.Equal(t, term.Tuple{atom("error"), atom("bailout")}, genserver.StartResult(term.Pid{}, err))
	_, err = genserver.Start(p, nil, raise(func() { otp.Throw(term.Tuple{atom("ok"), 7}) }), nil)
	require.NoError(t, err, "a thrown value is init's result")

	// A module without init/1: undef, naming the call.
	_, err = genserver.Start(p, nil, atom("nomod"), atom("x"))
	require.ErrorAs(t, err, &se)
	r := se.Reason.(term.Tuple)
	assert.Equal(t, atom("undef"), r[0])
	assert.Equal(t, term.Tuple{atom("nomod"), atom("init"), term.List{atom("x")}, term.List{}}, r[1].(term.List)[0])
}

func TestGS12InitTimeout(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		_, p, _ := newNode(t)
		m := &srv{notify: p.Self(), init: func(_ *otp.Process, a term.Term) genserver.InitResult[any] {
			return genserver.Ok[any](a).Timeout(50 * time.Millisecond)
		}}
		t0 := time.Now()
		pid, err := genserver.Start(p, nil, m, atom("s"))
		require.NoError(t, err)
		recvTerm(t, p, term.Tuple{atom("info"), atom("timeout")})
		assert.Equal(t, 50*time.Millisecond, time.Since(t0))
		require.NoError(t, genserver.StopServer(p, pid))
	})
}

func TestGS13Continue(t *testing.T) {
	_, p, _ := newNode(t)
	m := &srv{init: func(sp *otp.Process, a term.Term) genserver.InitResult[any] {
		sp.Send(sp.Self(), atom("hello"))
		return genserver.Ok[any](a).Continue(atom("c1"))
	}}
	m.notify = p.Self()
	pid, err := genserver.Start(p, nil, m, nil)
	require.NoError(t, err)
	first := recv(t, p, func(any) bool { return true })
	assert.Equal(t, term.Tuple{atom("continue"), atom("c1")}, first)
	recvTerm(t, p, term.Tuple{atom("info"), atom("hello")})
	require.NoError(t, genserver.StopServer(p, pid))
}

func TestGS14Call(t *testing.T) {
	_, p, _ := newNode(t)
	pid, err := genserver.Start(p, genserver.Local("c"), &srv{}, atom("s"))
	require.NoError(t, err)
	r, err := genserver.Call(p, atom("c"), term.Tuple{atom("set"), 42})
	require.NoError(t, err)
	assert.Equal(t, term.OK, r)
	assert.Equal(t, 42, genserver.MustCall(p, pid, atom("get")))
	assert.Equal(t, 42, genserver.MustCall(p, term.Tuple{atom("c"), atom("nonode@nohost")}, atom("get"), otp.Infinity))
	require.NoError(t, genserver.StopServer(p, atom("c")))
}

func TestGS15CallTimeout(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		_, p, _ := newNode(t)
		pid, err := genserver.Start(p, genserver.Local("s"), &srv{}, nil)
		require.NoError(t, err)
		req := term.Tuple{atom("sleep"), 200}
		assert.Equal(t, term.Tuple{atom("timeout"), term.Tuple{atom("gen_server"), atom("call"), term.List{atom("s"), req, 50}}},
			exitOf(func() { genserver.MustCall(p, atom("s"), req, 50*time.Millisecond) }))
		_, err = genserver.Call(p, atom("s"), req, 50*time.Millisecond)
		assert.ErrorIs(t, err, genserver.ErrTimeout)
		// The default timeout is 5 s, and the args then hold no timeout.
		t0 := time.Now()
		_, err = genserver.Call(p, pid, term.Tuple{atom("sleep"), 6000})
		assert.Equal(t, 5*time.Second, time.Since(t0))
		assert.Equal(t, term.Tuple{atom("timeout"), term.Tuple{atom("gen_server"), atom("call"), term.List{pid, term.Tuple{atom("sleep"), 6000}}}},
			callReason(t, err))
		// A quick handler answers within a 30 ms timeout.
		r, err := genserver.Call(p, pid, term.Tuple{atom("sleep"), 1}, 7*time.Second)
		require.NoError(t, err)
		assert.Equal(t, term.OK, r)
		require.NoError(t, genserver.StopServer(p, pid))
	})
}

func TestGS16NoLateReply(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		_, p, _ := newNode(t)
		pid, err := genserver.Start(p, nil, &srv{}, nil)
		require.NoError(t, err)
		_, err = genserver.Call(p, pid, term.Tuple{atom("sleep"), 200}, 50*time.Millisecond)
		require.ErrorIs(t, err, genserver.ErrTimeout)
		// The server answers at 200 ms; the reply is dropped.
		assert.Equal(t, atom("pong"), genserver.MustCall(p, pid, atom("ping")))
		p.Sleep(300 * time.Millisecond)
		assert.Empty(t, p.Flush())
		require.NoError(t, genserver.StopServer(p, pid))
	})
}

func TestGS17CallDeadPid(t *testing.T) {
	_, p, _ := newNode(t)
	pid, err := genserver.Start(p, nil, &srv{}, nil)
	require.NoError(t, err)
	require.NoError(t, genserver.StopServer(p, pid))
	assert.Equal(t, term.Tuple{atom("noproc"), term.Tuple{atom("gen_server"), atom("call"), term.List{pid, atom("ping")}}},
		exitOf(func() { genserver.MustCall(p, pid, atom("ping")) }))
}

func TestGS18CallUnregisteredAndSelf(t *testing.T) {
	_, p, _ := newNode(t)
	assert.Equal(t, term.Tuple{atom("noproc"), term.Tuple{atom("gen_server"), atom("call"), term.List{atom("nobody"), atom("ping")}}},
		exitOf(func() { genserver.MustCall(p, atom("nobody"), atom("ping")) }))
	assert.Equal(t, term.Tuple{atom("noproc"), term.Tuple{atom("gen_server"), atom("call"), term.List{atom("nobody"), atom("ping"), 1000}}},
		exitOf(func() { genserver.MustCall(p, atom("nobody"), atom("ping"), time.Second) }))
	g := genserver.Global(atom("nobody"))
	assert.Equal(t, term.Tuple{atom("noproc"), term.Tuple{atom("gen_server"), atom("call"), term.List{g, atom("x")}}},
		exitOf(func() { genserver.MustCall(p, g, atom("x")) }))
	assert.Equal(t, term.Tuple{atom("calling_self"), term.Tuple{atom("gen_server"), atom("call"), term.List{p.Self(), atom("x")}}},
		exitOf(func() { genserver.MustCall(p, p.Self(), atom("x")) }))
	_, err := genserver.Call(p, p.Self(), atom("x"))
	assert.ErrorIs(t, err, genserver.ErrCallingSelf)
	remote := term.Tuple{atom("nobody"), atom("foo@bar")}
	assert.Equal(t, term.Tuple{term.Tuple{atom("nodedown"), atom("foo@bar")}, term.Tuple{atom("gen_server"), atom("call"), term.List{remote, atom("x")}}},
		exitOf(func() { genserver.MustCall(p, remote, atom("x")) }))
}

func TestGS19CallCrash(t *testing.T) {
	_, p, logs := newNode(t)
	pid, err := genserver.Start(p, genserver.Local("frequency"), &srv{}, atom("st0"))
	require.NoError(t, err)
	mref := monitor(t, p, pid)
	r := exitOf(func() { genserver.MustCall(p, atom("frequency"), atom("crash")) })
	assert.Equal(t, term.Tuple{term.Tuple{atom("boom"), atom("st")}, term.Tuple{atom("gen_server"), atom("call"), term.List{atom("frequency"), atom("crash")}}},
		term.Tuple{stripStack(r.(term.Tuple)[0]), r.(term.Tuple)[1]})
	assert.Equal(t, term.Tuple{atom("boom"), atom("st")}, stripStack(down(t, p, mref)))
	rec := logs.next(t, func(m string) bool { return true })
	assert.Regexp(t, `(?s)^\*\* Generic server frequency terminating \n`+
		`\*\* Last message in was crash\n`+
		`\*\* When Server state == st0\n`+
		`\*\* Reason for termination ==\n`+
		`\*\* \{boom,\[.*\]\}\n`+
		`\*\* Client <0\.\d+\.\d+> stacktrace\n`+
		`\*\* \[\]$`, rec.Message)
	var report *genserver.TerminateReport
	rec.Attrs(func(a slog.Attr) bool {
		if a.Key == "report" {
			report, _ = a.Value.Any().(*genserver.TerminateReport)
		}
		return true
	})
	require.NotNil(t, report)
	assert.Equal(t, atom("frequency"), report.Name)
	assert.Equal(t, atom("crash"), report.LastMessage)
}

func TestGS20CallBadReturn(t *testing.T) {
	_, p, _ := newNode(t)
	pid, err := genserver.Start(p, nil, &srv{}, nil)
	require.NoError(t, err)
	mref := monitor(t, p, pid)
	assert.Equal(t, term.Tuple{term.Tuple{atom("bad_return_value"), atom("garbage")}, term.Tuple{atom("gen_server"), atom("call"), term.List{pid, atom("garbage")}}},
		exitOf(func() { genserver.MustCall(p, pid, atom("garbage")) }))
	assert.Equal(t, term.Tuple{atom("bad_return_value"), atom("garbage")}, down(t, p, mref))
}

func TestGS21StopWithReply(t *testing.T) {
	_, p, _ := newNode(t)
	p.TrapExit(true)
	pid, err := genserver.StartLink(p, nil, &srv{notify: p.Self()}, atom("s"))
	require.NoError(t, err)
	r := genserver.MustCall(p, pid, term.Tuple{atom("stop_reply"), atom("normal"), atom("bye")})
	assert.Equal(t, atom("bye"), r)
	// terminate ran before the reply; the EXIT comes after it.
	recvTerm(t, p, term.Tuple{atom("terminate"), atom("normal"), atom("s")})
	msgs := []term.Term{}
	m := recv(t, p, func(any) bool { return true })
	msgs = append(msgs, toTerm(m))
	assert.Equal(t, []term.Term{term.Tuple{atom("EXIT"), pid, atom("normal")}}, msgs)
}

func TestGS22StopWithoutReply(t *testing.T) {
	_, p, _ := newNode(t)
	pid, err := genserver.Start(p, nil, &srv{notify: p.Self()}, atom("s"))
	require.NoError(t, err)
	req := term.Tuple{atom("stop"), atom("myreason")}
	assert.Equal(t, term.Tuple{atom("myreason"), term.Tuple{atom("gen_server"), atom("call"), term.List{pid, req}}},
		exitOf(func() { genserver.MustCall(p, pid, req) }))
	recvTerm(t, p, term.Tuple{atom("terminate"), atom("myreason"), atom("s")})
}

func TestGS23ReplyLater(t *testing.T) {
	_, p, _ := newNode(t)
	helper := p.Spawn(func(hp *otp.Process) {
		m := hp.Receive().(term.Tuple)
		from := m[1].(gen.From)
		genserver.ReplyTo(hp, from, atom("late_reply"))
	})
	pid, err := genserver.Start(p, nil, &srv{notify: helper}, nil)
	require.NoError(t, err)
	assert.Equal(t, atom("late_reply"), genserver.MustCall(p, pid, atom("noreply")))
	require.NoError(t, genserver.StopServer(p, pid))
}

func TestGS26CastToNobody(t *testing.T) {
	_, p, _ := newNode(t)
	pid, err := genserver.Start(p, nil, &srv{}, nil)
	require.NoError(t, err)
	require.NoError(t, genserver.StopServer(p, pid))
	genserver.Cast(p, pid, atom("x"))
	genserver.Cast(p, atom("nobody"), atom("x"))
	genserver.Cast(p, genserver.Global(atom("nobody")), atom("x"))
	genserver.Cast(p, term.Tuple{atom("nobody"), atom("foo@bar")}, atom("x"))
}

func TestGS27CastStop(t *testing.T) {
	_, p, _ := newNode(t)
	pid, err := genserver.Start(p, nil, &srv{notify: p.Self()}, atom("s"))
	require.NoError(t, err)
	mref := monitor(t, p, pid)
	genserver.Cast(p, pid, term.Tuple{atom("set"), atom("s2")})
	genserver.Cast(p, pid, term.Tuple{atom("stop"), atom("r")})
	recvTerm(t, p, term.Tuple{atom("terminate"), atom("r"), atom("s2")})
	assert.Equal(t, atom("r"), down(t, p, mref))
}

func TestGS28Info(t *testing.T) {
	_, p, _ := newNode(t)
	pid, err := genserver.Start(p, nil, &srv{notify: p.Self()}, nil)
	require.NoError(t, err)
	p.Send(pid, atom("hello"))
	recvTerm(t, p, term.Tuple{atom("info"), atom("hello")})
	require.NoError(t, genserver.StopServer(p, pid))
}

// trapping is srv with exits trapped in init.
func trapping(notify term.Pid) *srv {
	return &srv{notify: notify, init: func(sp *otp.Process, a term.Term) genserver.InitResult[any] {
		sp.TrapExit(true)
		return genserver.Ok[any](a)
	}}
}

func TestGS33ParentExitTrapping(t *testing.T) {
	n, p, _ := newNode(t)
	var pid term.Pid
	parent := p.Spawn(func(pp *otp.Process) {
		pid, _ = genserver.StartLink(pp, nil, trapping(p.Self()), atom("s"))
		pp.Send(p.Self(), atom("started"))
		pp.Receive()
		otp.Exit(otp.Shutdown)
	})
	recvTerm(t, p, atom("started"))
	mref := monitor(t, p, pid)
	p.Send(parent, atom("go"))
	recvTerm(t, p, term.Tuple{atom("terminate"), otp.Shutdown, atom("s")})
	assert.Equal(t, otp.Shutdown, down(t, p, mref))
	_ = n
}

func TestGS34ParentExitNotTrapping(t *testing.T) {
	_, p, _ := newNode(t)
	var pid term.Pid
	parent := p.Spawn(func(pp *otp.Process) {
		pid, _ = genserver.StartLink(pp, nil, &srv{notify: p.Self()}, atom("s"))
		pp.Send(p.Self(), atom("started"))
		pp.Receive()
		otp.Exit(otp.Shutdown)
	})
	recvTerm(t, p, atom("started"))
	mref := monitor(t, p, pid)
	p.Send(parent, atom("go"))
	assert.Equal(t, otp.Shutdown, down(t, p, mref))
	_, ok := p.ReceiveMatch(func(m any) bool { _, ok := m.(term.Tuple); return ok }, 0)
	assert.False(t, ok, "terminate must not run")
}

func TestGS36NonParentExit(t *testing.T) {
	_, p, _ := newNode(t)
	pid, err := genserver.Start(p, nil, trapping(p.Self()), nil)
	require.NoError(t, err)
	other := p.Spawn(func(op *otp.Process) {
		require.NoError(t, op.Link(pid))
		otp.Exit(atom("bye"))
	})
	recvTerm(t, p, term.Tuple{atom("info"), term.Tuple{atom("EXIT"), other, atom("bye")}})
	assert.Equal(t, atom("pong"), genserver.MustCall(p, pid, atom("ping")))
	require.NoError(t, genserver.StopServer(p, pid))
}

func TestGS37Stop(t *testing.T) {
	n, p, _ := newNode(t)
	pid, err := genserver.Start(p, genserver.Local("st"), &srv{notify: p.Self()}, atom("s"))
	require.NoError(t, err)
	require.NoError(t, genserver.StopServer(p, atom("st")))
	recvTerm(t, p, term.Tuple{atom("terminate"), atom("normal"), atom("s")})
	assert.False(t, n.IsProcessAlive(pid))

	pid, err = genserver.Start(p, nil, &srv{notify: p.Self()}, atom("s"))
	require.NoError(t, err)
	require.NoError(t, genserver.StopServerWith(p, pid, atom("other_reason"), otp.Infinity))
	recvTerm(t, p, term.Tuple{atom("terminate"), atom("other_reason"), atom("s")})

	err = genserver.StopServer(p, pid)
	assert.ErrorIs(t, err, genserver.ErrNoproc)
	assert.Equal(t, otp.Noproc, callReason(t, err))
	assert.ErrorIs(t, genserver.StopServer(p, atom("nobody")), genserver.ErrNoproc)
	assert.ErrorIs(t, genserver.StopServer(p, genserver.Global(atom("nobody"))), genserver.ErrNoproc)

	pid, err = genserver.Start(p, nil, &srv{}, nil)
	require.NoError(t, err)
	assert.Error(t, genserver.StopServerWith(p, pid, otp.Normal, -time.Second))
	assert.True(t, n.IsProcessAlive(pid))
	require.NoError(t, genserver.StopServer(p, pid))
}

func TestGS39CastCrash(t *testing.T) {
	_, p, logs := newNode(t)
	pid, err := genserver.Start(p, nil, &srv{notify: p.Self()}, atom("s"))
	require.NoError(t, err)
	mref := monitor(t, p, pid)
	genserver.Cast(p, pid, atom("exit"))
	recvTerm(t, p, term.Tuple{atom("terminate"), atom("cast_crash"), atom("s")})
	assert.Equal(t, atom("cast_crash"), down(t, p, mref))
	rec := logs.next(t, func(m string) bool { return true })
	assert.Contains(t, rec.Message, "** Last message in was {'$gen_cast',exit}\n")
	assert.Contains(t, rec.Message, "** Reason for termination ==\n** {cast_crash,")
}

func TestCallErrorsAs(t *testing.T) {
	_, p, _ := newNode(t)
	_, err := genserver.Call(p, atom("nobody"), atom("x"))
	var ge *gen.CallError
	require.True(t, errors.As(err, &ge))
	assert.Equal(t, otp.Noproc, ge.Reason)
}

func TestStartTimeout(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		_, p, _ := newNode(t)
		m := &srv{init: func(sp *otp.Process, a term.Term) genserver.InitResult[any] {
			sp.Sleep(time.Second)
			return genserver.Ok[any](a)
		}}
		_, err := genserver.Start(p, genserver.Local("slow"), m, nil, genserver.StartTimeout(100*time.Millisecond))
		assert.ErrorIs(t, err, genserver.ErrTimeout)
		assert.Equal(t, term.Tuple{atom("error"), atom("timeout")}, genserver.StartResult(term.Pid{}, err))
		_, ok := p.Node().WhereIs("slow")
		assert.False(t, ok)
	})
}

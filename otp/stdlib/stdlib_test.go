package stdlib_test

import (
	"bytes"
	"math"
	"math/big"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/scalability-go/otpbook/otp"
	"github.com/scalability-go/otpbook/otp/code"
	"github.com/scalability-go/otpbook/otp/stdlib"
	"github.com/scalability-go/otpbook/otp/term"
)

// The behaviour of the functions that act on processes, timers, output
// and code, which calls.golden records only in part.

// env is a node with the modules loaded and an attached process.
type env struct {
	t   *testing.T
	n   *otp.Node
	p   *otp.Process
	out *bytes.Buffer
}

func newEnv(t *testing.T) *env {
	n := newNode(t)
	p := n.Attach()
	t.Cleanup(p.Detach)
	out := &bytes.Buffer{}
	p.SetOutput(out)
	return &env{t: t, n: n, p: p, out: out}
}

// call is M:F(Args...) made by the env's process.
func (e *env) call(m, f string, args ...term.Term) term.Term {
	e.t.Helper()
	return code.Of(e.n).Apply(e.p, term.Atom(m), term.Atom(f), args)
}

// raises returns the exception M:F(Args...) raises.
func (e *env) raises(m, f string, args ...term.Term) *otp.Exception {
	e.t.Helper()
	exc := otp.Catch(func() { e.call(m, f, args...) })
	require.NotNil(e.t, exc, "%s:%s raised nothing", m, f)
	return exc
}

// fun makes a fun of the given arity that runs f.
func fun(arity int, f code.Func) term.Term {
	return &term.LocalFun{Module: "stdlib_test", Arity: arity, Value: f}
}

func (e *env) receive(match func(any) bool) any {
	e.t.Helper()
	msg, ok := e.p.ReceiveMatch(match, 5*time.Second)
	require.True(e.t, ok, "no message")
	return msg
}

func (e *env) down(ref term.Ref) otp.DownMsg {
	e.t.Helper()
	return e.receive(func(m any) bool { d, ok := m.(otp.DownMsg); return ok && d.Ref == ref }).(otp.DownMsg)
}

// oneLine prints a term as ~p does, on one line.
func oneLine(t term.Term) string { return term.Pretty(t, term.PrintOptions{LineLength: -1}) }

func TestLoadIsIdempotent(t *testing.T) {
	n := newNode(t)
	require.NoError(t, stdlib.Load(n))
	for _, m := range stdlib.Modules() {
		_, ok := code.Of(n).IsLoaded(m.Name)
		assert.True(t, ok, m.Name)
		_, old := code.Of(n).Old(m.Name)
		assert.False(t, old, "%s loaded twice", m.Name)
	}
}

func TestLoadKeepsOthersModules(t *testing.T) {
	n, err := otp.NewNode()
	require.NoError(t, err)
	defer n.Stop()
	mine := &code.Module{Name: "lists", Exports: map[code.FA]code.Func{}}
	_, err = code.Of(n).Load(mine)
	require.NoError(t, err)
	require.NoError(t, stdlib.Load(n))
	m, _ := code.Of(n).IsLoaded("lists")
	assert.Empty(t, m.Exports, "stdlib replaced a module it did not load")
}

func TestSpawn(t *testing.T) {
	e := newEnv(t)
	self := e.p.Self()
	hello := fun(0, func(p *otp.Process, _ []term.Term) term.Term {
		p.Send(self, term.Tuple{term.Atom("hello"), p.Self()})
		p.Receive() // stay, for process_info
		return nil
	})
	pid := e.call("erlang", "spawn", hello).(term.Pid)
	e.receive(func(m any) bool { return term.Exact(m, term.Tuple{term.Atom("hello"), pid}) })
	info := e.call("erlang", "process_info", pid, term.Atom("initial_call"))
	assert.Equal(t, "{initial_call,{erlang,apply,2}}", term.Write(info))
	e.call("erlang", "exit", pid, term.Atom("kill"))

	pid = e.call("erlang", "spawn", term.Atom("timer"), term.Atom("sleep"), term.List{term.Atom("infinity")}).(term.Pid)
	info = e.call("erlang", "process_info", pid, term.List{term.Atom("initial_call"), term.Atom("trap_exit")})
	assert.Equal(t, "[{initial_call,{timer,sleep,1}},{trap_exit,false}]", term.Write(info))
	ref := e.call("erlang", "monitor", term.Atom("process"), pid).(term.Ref)
	e.call("erlang", "exit", pid, term.Atom("kill"))
	assert.Equal(t, term.Atom("killed"), e.down(ref).Reason)

	// A child that calls what does not exist dies of undef.
	res := e.call("erlang", "spawn_monitor", term.Atom("nosuch"), term.Atom("f"), term.List{1}).(term.Tuple)
	reason := e.down(res[1].(term.Ref)).Reason.(term.Tuple)
	assert.Equal(t, term.Atom("undef"), reason[0])
}

func TestSpawnLinkAndTrapExit(t *testing.T) {
	e := newEnv(t)
	assert.Equal(t, term.False, e.call("erlang", "process_flag", term.Atom("trap_exit"), term.True))
	crash := fun(0, func(*otp.Process, []term.Term) term.Term {
		otp.Exit(term.Atom("boom"))
		return nil
	})
	pid := e.call("erlang", "spawn_link", crash).(term.Pid)
	msg := e.receive(func(m any) bool { x, ok := m.(otp.ExitMsg); return ok && x.From == pid }).(otp.ExitMsg)
	assert.Equal(t, term.Atom("boom"), msg.Reason)

	// link/1 to a process that is gone, trapping: an EXIT message.
	assert.Equal(t, term.True, e.call("erlang", "link", pid))
	msg = e.receive(func(m any) bool { x, ok := m.(otp.ExitMsg); return ok && x.From == pid }).(otp.ExitMsg)
	assert.Equal(t, term.Atom("noproc"), msg.Reason)
	assert.Equal(t, term.True, e.call("erlang", "process_flag", term.Atom("trap_exit"), term.False))
	// ... not trapping: error noproc.
	exc := e.raises("erlang", "link", pid)
	assert.Equal(t, term.Atom("noproc"), exc.Reason)

	// spawn_monitor/1 gives {Pid, Ref}, and the DOWN message its reason.
	res := e.call("erlang", "spawn_monitor", crash).(term.Tuple)
	assert.Equal(t, term.Atom("boom"), e.down(res[1].(term.Ref)).Reason)
	assert.Equal(t, term.False, e.call("erlang", "is_process_alive", res[0]))
}

func TestLinkUnlink(t *testing.T) {
	e := newEnv(t)
	wait := fun(0, func(p *otp.Process, _ []term.Term) term.Term { p.Receive(); return nil })
	pid := e.call("erlang", "spawn", wait).(term.Pid)
	assert.Equal(t, term.True, e.call("erlang", "link", pid))
	links := e.call("erlang", "process_info", e.p.Self(), term.Atom("links"))
	assert.Equal(t, term.Tuple{term.Atom("links"), term.List{pid}}, links)
	assert.Equal(t, term.True, e.call("erlang", "unlink", pid))
	e.call("erlang", "exit", pid, term.Atom("kill"))
	assert.Equal(t, term.True, e.call("erlang", "is_process_alive", e.p.Self()))
}

func TestMonitors(t *testing.T) {
	e := newEnv(t)
	wait := fun(0, func(p *otp.Process, _ []term.Term) term.Term { p.Receive(); return nil })
	pid := e.call("erlang", "spawn", wait).(term.Pid)
	ref := e.call("erlang", "monitor", term.Atom("process"), pid).(term.Ref)
	assert.Equal(t, term.True, e.call("erlang", "demonitor", ref, term.List{term.Atom("info")}))
	assert.Equal(t, term.False, e.call("erlang", "demonitor", ref, term.List{term.Atom("info")}))

	// By name, and flushed.
	e.call("erlang", "register", term.Atom("waiter"), pid)
	ref = e.call("erlang", "monitor", term.Atom("process"), term.Atom("waiter")).(term.Ref)
	e.call("erlang", "exit", pid, term.Atom("kill"))
	e.p.ReceiveMatch(func(m any) bool { d, ok := m.(otp.DownMsg); return ok && d.Ref == ref }, 0) // may or may not be there
	assert.Equal(t, term.True, e.call("erlang", "demonitor", ref, term.List{term.Atom("flush")}))
	_, ok := e.p.ReceiveMatch(func(m any) bool { d, ok := m.(otp.DownMsg); return ok && d.Ref == ref }, 0)
	assert.False(t, ok)

	// A process that does not exist: DOWN noproc at once.
	ref = e.call("erlang", "monitor", term.Atom("process"), pid).(term.Ref)
	assert.Equal(t, term.Atom("noproc"), e.down(ref).Reason)
}

func TestNames(t *testing.T) {
	e := newEnv(t)
	self := e.p.Self()
	assert.Equal(t, term.True, e.call("erlang", "register", term.Atom("me"), self))
	assert.Equal(t, self, e.call("erlang", "whereis", term.Atom("me")))
	assert.Contains(t, e.call("erlang", "registered"), term.Atom("me"))
	e.call("erlang", "send", term.Atom("me"), term.Atom("hi"))
	e.call("erlang", "!", term.Tuple{term.Atom("me"), e.n.Name()}, term.Atom("there"))
	assert.Equal(t, term.Atom("hi"), e.p.Receive())
	assert.Equal(t, term.Atom("there"), e.p.Receive())
	assert.Equal(t, term.True, e.call("erlang", "unregister", term.Atom("me")))
	assert.Equal(t, term.Undefined, e.call("erlang", "whereis", term.Atom("me")))
	exc := e.raises("erlang", "send", term.Atom("me"), term.Atom("hi"))
	assert.Equal(t, term.Atom("badarg"), exc.Reason)
}

func TestTimers(t *testing.T) {
	e := newEnv(t)
	self := e.p.Self()
	ref := e.call("erlang", "send_after", 0, self, term.Atom("tick")).(term.Ref)
	assert.IsType(t, term.Ref{}, ref)
	assert.Equal(t, term.Atom("tick"), e.p.Receive())

	ref = e.call("erlang", "start_timer", 0, self, term.Atom("tock")).(term.Ref)
	msg := e.p.Receive().(otp.TimeoutMsg)
	assert.Equal(t, ref, msg.Ref)
	assert.Equal(t, term.Atom("tock"), msg.Msg)
	assert.Equal(t, term.False, e.call("erlang", "cancel_timer", ref))

	ref = e.call("erlang", "send_after", 100000, self, term.Atom("late")).(term.Ref)
	left := e.call("erlang", "read_timer", ref).(int)
	assert.True(t, left > 90000 && left <= 100000, left)
	left = e.call("erlang", "cancel_timer", ref).(int)
	assert.True(t, left > 90000 && left <= 100000, left)
	assert.Equal(t, term.False, e.call("erlang", "read_timer", ref))

	// A timer to a name looks it up when it expires.
	e.call("erlang", "register", term.Atom("ticker"), self)
	e.call("erlang", "send_after", 0, term.Atom("ticker"), term.Atom("named"))
	assert.Equal(t, term.Atom("named"), e.p.Receive())

	assert.Equal(t, term.OK, e.call("timer", "sleep", 0))
}

func TestExceptions(t *testing.T) {
	e := newEnv(t)
	exc := e.raises("erlang", "exit", term.Atom("bye"))
	assert.Equal(t, otp.ClassExit, exc.Class)
	exc = e.raises("erlang", "error", term.Atom("oops"))
	assert.Equal(t, otp.ClassError, exc.Class)
	assert.Equal(t, term.Atom("oops"), exc.Reason)
	exc = e.raises("erlang", "throw", term.Atom("ball"))
	assert.Equal(t, otp.ClassThrow, exc.Class)

	// A BIF's badarg carries its call and what was wrong.
	exc = e.raises("erlang", "element", 5, term.Tuple{term.Atom("a")})
	assert.Equal(t, `[{erlang,element,[5,{a}],[{error_info,#{messages => #{1 => "out of range"},module => erl_erts_errors}}]}]`,
		oneLine(exc.Stack))
	// A function_clause names the Go source as a module names its .erl file.
	exc = e.raises("lists", "last", term.List{})
	frame := exc.Stack[0].(term.Tuple)
	assert.Equal(t, term.Tuple{term.Atom("lists"), term.Atom("last"), term.List{term.List{}}}, frame[:3])
	file := frame[3].(term.List)[0].(term.Tuple)
	assert.Equal(t, "lists.go", file[1])
}

// exit/1, error/1,2 and throw/1 raise with the stacktrace erl's shell
// shows for them, without Go's frames and the paths of Go's sources;
// error/2 puts its arguments in the top frame. A fun spawned with the
// wrong arity ends its process as OTP's does.
func TestRaisedStacksAreErlangs(t *testing.T) {
	e := newEnv(t)
	const shellStack = "[{shell,apply_fun,3,[]},{erl_eval,do_apply,7,[]}]"
	for _, c := range []struct {
		f     string
		args  []term.Term
		stack string
	}{
		{"exit", []term.Term{term.Atom("x")}, shellStack},
		{"error", []term.Term{term.Atom("e")}, shellStack},
		{"throw", []term.Term{term.Atom("t")}, shellStack},
		{"error", []term.Term{term.Atom("e"), term.List{1, 2}}, "[{shell,apply_fun,[1,2],[]},{erl_eval,do_apply,7,[]}]"},
		{"error", []term.Term{term.Atom("e"), term.Atom("none")}, shellStack},
	} {
		exc := e.raises("erlang", c.f, c.args...)
		assert.Equal(t, c.stack, term.Write(exc.Stack), "erlang:%s%v", c.f, c.args)
		assert.Equal(t, c.args[0], exc.Reason)
	}

	f := fun(1, func(_ *otp.Process, args []term.Term) term.Term { return args[0] })
	ref := e.call("erlang", "spawn_monitor", f).(term.Tuple)[1]
	down := e.receive(func(m any) bool { d, ok := m.(otp.DownMsg); return ok && d.Ref == ref }).(otp.DownMsg)
	assert.Equal(t, term.Write(term.Tuple{term.Tuple{term.Atom("badarity"), term.Tuple{f, term.List{}}},
		term.List{term.Tuple{term.Atom("erlang"), term.Atom("apply"), 2, term.List{}}}}), term.Write(down.Reason))
}

func TestRaiseBIF(t *testing.T) {
	exc := otp.Catch(func() {
		stdlib.RaiseBIF(term.Atom("badarg"), "mymod", "f", []term.Term{1, 2}, stdlib.Explanation{
			Args: map[int]string{2: "not good"}, General: "in general", Cause: term.Atom("why"), Module: "mymod_errors",
		})
	})
	require.NotNil(t, exc)
	assert.Equal(t, `[{mymod,f,[1,2],[{error_info,#{cause => why,messages => #{2 => "not good",general => "in general"},module => mymod_errors}}]}]`,
		oneLine(exc.Stack))
	assert.Equal(t, `#{module => erl_erts_errors}`, term.Write(stdlib.Explanation{}.ErrorInfo()))
}

func TestOutput(t *testing.T) {
	e := newEnv(t)
	e.call("io", "format", "~p and ~w~n", term.List{term.Tuple{term.Atom("a"), "b"}, "c"})
	e.call("io", "format", term.Atom("user"), "to ~s~n", term.List{term.Atom("user")})
	e.call("io", "fwrite", term.Atom("standard_io"), "to ~s~n", term.List{term.Atom("standard_io")})
	e.call("io", "put_chars", term.List{term.Binary("bin "), "list ", term.List{0x3b1}})
	e.call("io", "nl")
	e.call("io", "write", term.Tuple{term.Atom("a"), "b"})
	e.call("io", "nl", term.Atom("user"))
	e.call("erlang", "display", term.List{1, term.Atom("two")})
	assert.Equal(t, "{a,\"b\"} and [99]\nto user\nto standard_io\nbin list α\n{a,[98]}\n[1,two]\n", e.out.String())

	// A process's output goes where its spawner's did.
	self := e.p.Self()
	child := fun(0, func(p *otp.Process, _ []term.Term) term.Term {
		code.Of(p.Node()).Apply(p, "io", "format", []term.Term{"from the child~n"})
		p.Send(self, term.Atom("done"))
		return nil
	})
	e.call("erlang", "spawn", child)
	e.receive(func(m any) bool { return m == term.Atom("done") })
	assert.Contains(t, e.out.String(), "from the child\n")

	assert.Equal(t, "[a,b]", e.call("io_lib", "format", "[~w,~w]", term.List{term.Atom("a"), term.Atom("b")}))
	assert.Equal(t, "{a,[98]}", e.call("io_lib", "write", term.Tuple{term.Atom("a"), "b"}))
	assert.Equal(t, `{a,"b"}`, e.call("io_lib", "print", term.Tuple{term.Atom("a"), "b"}))
}

func TestCode(t *testing.T) {
	e := newEnv(t)
	m := &code.Module{Name: "mine", Exports: map[code.FA]code.Func{
		{Function: "wait", Arity: 1}: func(p *otp.Process, a []term.Term) term.Term {
			p.Send(a[0].(term.Pid), term.Atom("entered"))
			p.Receive()
			return nil
		},
	}}
	_, err := code.Of(e.n).Load(m)
	require.NoError(t, err)
	assert.Equal(t, `{file,preloaded}`, term.Write(e.call("code", "is_loaded", term.Atom("mine"))))
	assert.Contains(t, e.call("code", "all_loaded"), term.Tuple{term.Atom("mine"), term.Atom("preloaded")})
	assert.Contains(t, e.call("code", "all_loaded"), term.Tuple{term.Atom("lists"), term.Atom("preloaded")})

	pid := e.call("erlang", "spawn", term.Atom("mine"), term.Atom("wait"), term.List{e.p.Self()}).(term.Pid)
	ref := e.call("erlang", "monitor", term.Atom("process"), pid).(term.Ref)
	e.receive(func(m any) bool { return m == term.Atom("entered") })
	assert.Equal(t, term.False, e.call("erlang", "check_process_code", pid, term.Atom("mine")))
	assert.Equal(t, term.True, e.call("code", "delete", term.Atom("mine")))
	assert.Equal(t, term.False, e.call("code", "is_loaded", term.Atom("mine")))
	assert.Equal(t, term.True, e.call("erlang", "check_process_code", pid, term.Atom("mine")))
	assert.Equal(t, term.False, e.call("code", "soft_purge", term.Atom("mine")))
	assert.Equal(t, term.True, e.call("code", "purge", term.Atom("mine")))
	assert.Equal(t, term.Atom("killed"), e.down(ref).Reason)
	exc := e.raises("code", "purge", 1)
	assert.Equal(t, term.Atom("function_clause"), exc.Reason)
}

func TestHigherOrderWithFuns(t *testing.T) {
	e := newEnv(t)
	double := fun(1, func(_ *otp.Process, a []term.Term) term.Term { return a[0].(int) * 2 })
	even := fun(1, func(_ *otp.Process, a []term.Term) term.Term { return term.Bool(a[0].(int)%2 == 0) })
	sum := fun(2, func(_ *otp.Process, a []term.Term) term.Term { return a[0].(int) + a[1].(int) })
	desc := fun(2, func(_ *otp.Process, a []term.Term) term.Term { return term.Bool(term.Compare(a[0], a[1]) >= 0) })
	l := term.List{1, 2, 3, 4}
	assert.Equal(t, "[2,4,6,8]", term.Write(e.call("lists", "map", double, l)))
	assert.Equal(t, "[2,4]", term.Write(e.call("lists", "filter", even, l)))
	assert.Equal(t, 10, e.call("lists", "foldl", sum, 0, l))
	assert.Equal(t, 10, e.call("lists", "foldr", sum, 0, l))
	assert.Equal(t, "{[2,4],[1,3]}", term.Write(e.call("lists", "partition", even, l)))
	assert.Equal(t, "[4,3,2,1]", term.Write(e.call("lists", "sort", desc, l)))
	assert.Equal(t, term.True, e.call("lists", "any", even, l))
	assert.Equal(t, term.False, e.call("lists", "all", even, l))
	assert.Equal(t, "[1]", term.Write(e.call("lists", "takewhile", fun(1, func(_ *otp.Process, a []term.Term) term.Term {
		return term.Bool(a[0].(int) < 2)
	}), l)))
	assert.Equal(t, 8, e.call("erlang", "apply", double, term.List{4}))
	exc := e.raises("lists", "map", double, term.List{term.Atom("x")})
	assert.Equal(t, otp.ClassError, exc.Class) // the fun's own failure

	// A stable sort: equal keys keep their order.
	byFirst := fun(2, func(_ *otp.Process, a []term.Term) term.Term {
		return term.Bool(term.Compare(a[0].(term.Tuple)[0], a[1].(term.Tuple)[0]) <= 0)
	})
	pairs := term.List{term.Tuple{2, term.Atom("a")}, term.Tuple{1, term.Atom("b")}, term.Tuple{2, term.Atom("c")}, term.Tuple{1, term.Atom("d")}}
	assert.Equal(t, "[{1,b},{1,d},{2,a},{2,c}]", term.Write(e.call("lists", "sort", byFirst, pairs)))
}

func TestTime(t *testing.T) {
	e := newEnv(t)
	d := e.call("erlang", "date").(term.Tuple)
	assert.Len(t, d, 3)
	lt := e.call("erlang", "localtime").(term.Tuple)
	assert.Len(t, lt, 2)
	assert.Len(t, e.call("erlang", "time").(term.Tuple), 3)
	secs := e.call("erlang", "system_time", term.Atom("second")).(int)
	assert.InDelta(t, time.Now().Unix(), secs, 2)
	ns := e.call("erlang", "system_time").(int)
	assert.InDelta(t, time.Now().UnixNano(), ns, float64(2*time.Second))
	ms := e.call("erlang", "system_time", 1000).(int)
	assert.InDelta(t, time.Now().UnixMilli(), ms, 2000)
	m1 := e.call("erlang", "monotonic_time").(int)
	m2 := e.call("erlang", "monotonic_time").(int)
	assert.LessOrEqual(t, m1, m2)
	u1 := e.call("erlang", "unique_integer").(int)
	u2 := e.call("erlang", "unique_integer", term.List{term.Atom("positive"), term.Atom("monotonic")}).(int)
	assert.Less(t, u1, u2)
	assert.Positive(t, u2)
}

func TestMiscellany(t *testing.T) {
	e := newEnv(t)
	h := e.call("erlang", "phash2", term.Tuple{term.Atom("a"), "b"}).(int)
	assert.True(t, h >= 0 && h < 1<<27)
	assert.Equal(t, h, e.call("erlang", "phash2", term.Tuple{term.Atom("a"), "b"}))
	h = e.call("erlang", "phash2", term.Atom("a"), 10).(int)
	assert.True(t, h >= 0 && h < 10)
	assert.Equal(t, e.n.Name(), e.call("erlang", "node"))
	assert.Equal(t, e.n.Name(), e.call("erlang", "node", e.call("erlang", "make_ref")))
	assert.Contains(t, e.call("erlang", "processes"), e.p.Self())
	info := term.Write(e.call("erlang", "process_info", e.p.Self()))
	assert.Contains(t, info, "{status,running}")
	assert.Contains(t, info, "{trap_exit,false}")
	// Go forms of terms are taken as the terms they stand for.
	assert.Equal(t, 3, e.call("erlang", "length", term.List{true, int64(2), []byte("x")}))
	assert.Equal(t, term.True, e.call("erlang", "is_atom", true))
	assert.Equal(t, term.True, e.call("erlang", "is_tuple", otp.ExitMsg{}))
	assert.Equal(t, 5, e.call("erlang", "abs", int8(-5)))
}

func TestConcurrentCalls(t *testing.T) {
	n := newNode(t)
	main := n.Attach()
	defer main.Detach()
	self := main.Self()
	const workers = 16
	for i := 0; i < workers; i++ {
		main.Spawn(func(p *otp.Process) {
			cs := code.Of(p.Node())
			child := fun(0, func(c *otp.Process, _ []term.Term) term.Term {
				c.Send(self, term.Atom("child"))
				return nil
			})
			cs.Apply(p, "erlang", "spawn", []term.Term{child})
			cs.Apply(p, "erlang", "spawn", []term.Term{term.Atom("erlang"), term.Atom("send"), term.List{self, term.Atom("child")}})
			l := cs.Apply(p, "lists", "seq", []term.Term{1, 100})
			cs.Apply(p, "lists", "sort", []term.Term{cs.Apply(p, "lists", "reverse", []term.Term{l})})
			cs.Apply(p, "io", "format", []term.Term{"", term.List{}})
			p.Send(self, term.Atom("worker"))
		})
	}
	for i := 0; i < 3*workers; i++ {
		_, ok := main.ReceiveTimeout(5 * time.Second)
		require.True(t, ok)
	}
}

// A list longer than MaxListLength is not made: the call raises
// system_limit, where OTP would run out of memory trying.
func TestListsBeyondTheLimit(t *testing.T) {
	e := newEnv(t)
	huge, _ := new(big.Int).SetString("18446744073709551616", 10)
	for _, c := range []struct {
		f    string
		args []term.Term
	}{
		{"seq", []term.Term{1, 1 << 40}},
		{"seq", []term.Term{1, 1 << 62}},
		{"seq", []term.Term{math.MinInt, math.MaxInt}},
		{"seq", []term.Term{1, huge}},
		{"seq", []term.Term{1, stdlib.MaxListLength + 1}},
		{"seq", []term.Term{1, 1 << 40, 1}},
		{"seq", []term.Term{0, math.MinInt, -1}},
		{"duplicate", []term.Term{1 << 40, term.Atom("a")}},
		{"duplicate", []term.Term{huge, term.Atom("a")}},
	} {
		exc := e.raises("lists", c.f, c.args...)
		assert.Equal(t, otp.ClassError, exc.Class, "%s%v", c.f, c.args)
		assert.Equal(t, term.Atom("system_limit"), exc.Reason, "%s%v", c.f, c.args)
	}
	// Long lists short of the limit are made, and bignums past the last
	// fixnum come after it.
	assert.Len(t, e.call("lists", "seq", 1, 1<<16), 1<<16)
	assert.Len(t, e.call("lists", "duplicate", 1<<16, term.Atom("a")), 1<<16)
	last, _ := new(big.Int).SetString("9223372036854775808", 10)
	got := e.call("lists", "seq", math.MaxInt-1, last)
	assert.Equal(t, "[9223372036854775806,9223372036854775807,9223372036854775808]", term.Write(got))
}

package sys_test

import (
	"errors"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/scalability-go/otpbook/internal/erltest"
	"github.com/scalability-go/otpbook/otp"
	"github.com/scalability-go/otpbook/otp/gen"
	"github.com/scalability-go/otpbook/otp/sys"
	"github.com/scalability-go/otpbook/otp/term"
)

var (
	ok   = term.Atom("ok")
	cnt  = term.Atom("cnt")
	get  = func(f gen.From) any { return gen.CallMsg{From: f, Request: term.Atom("get")} }
	inc1 = gen.CastMsg{Request: term.Tuple{term.Atom("inc"), 1}}
)

func getCount(t *testing.T, p *otp.Process, dest term.Term) any {
	t.Helper()
	r, err := gen.Call(p, dest, get, 5*time.Second)
	require.NoError(t, err)
	return r
}

func TestSYS01GetState(t *testing.T) {
	_, self := newNode(t)
	_, err := startCounter(self, cnt)
	require.NoError(t, err)
	gen.Send(self, cnt, inc1)
	gen.Send(self, cnt, inc1)
	st, err := sys.GetState(self, cnt)
	require.NoError(t, err)
	assert.Equal(t, 2, st)
	// Also while suspended.
	require.NoError(t, sys.Suspend(self, cnt))
	st, err = sys.GetState(self, cnt, time.Second)
	require.NoError(t, err)
	assert.Equal(t, 2, st)
	require.NoError(t, sys.Resume(self, cnt))
}

func TestSYS02ReplaceState(t *testing.T) {
	_, self := newNode(t)
	_, err := startCounter(self, cnt)
	require.NoError(t, err)
	st, err := sys.ReplaceState(self, cnt, func(s any) any { return s.(int) + 100 })
	require.NoError(t, err)
	assert.Equal(t, 100, st)
	assert.Equal(t, 100, getCount(t, self, cnt))
	require.NoError(t, sys.Suspend(self, cnt))
	st, err = sys.ReplaceState(self, cnt, func(s any) any { return s.(int) + 1 })
	require.NoError(t, err)
	assert.Equal(t, 101, st)
	require.NoError(t, sys.Resume(self, cnt))
	st, _ = sys.GetState(self, cnt)
	assert.Equal(t, 101, st)
}

func TestSYS03ReplaceStateCallbackFailed(t *testing.T) {
	_, self := newNode(t)
	_, err := startCounter(self, cnt)
	require.NoError(t, err)
	_, err = sys.ReplaceState(self, cnt, func(any) any { otp.Throw(term.Atom("fail")); return nil })
	var se *sys.Error
	require.ErrorAs(t, err, &se)
	assert.Equal(t, otp.ClassError, se.Class)
	assert.Equal(t, term.Tuple{term.Atom("callback_failed"),
		term.Tuple{term.Atom("counter"), term.Atom("system_replace_state")},
		term.Tuple{term.Atom("throw"), term.Atom("fail")}}, se.Reason)
	var cf *sys.CallbackFailed
	require.ErrorAs(t, err, &cf)
	assert.Equal(t, otp.ClassThrow, cf.Class)
	exc := otp.Catch(func() { gen.Raise(err) })
	assert.Equal(t, otp.ClassError, exc.Class)
	st, err := sys.GetState(self, cnt)
	require.NoError(t, err)
	assert.Equal(t, 0, st, "the state is unchanged")
}

func TestSYS04SuspendResume(t *testing.T) {
	_, self := newNode(t)
	pid, err := startCounter(self, cnt)
	require.NoError(t, err)
	require.NoError(t, sys.Suspend(self, cnt))
	require.NoError(t, sys.Suspend(self, cnt), "suspending twice is no error")
	_, err = gen.Call(self, cnt, get, 100*time.Millisecond)
	require.ErrorIs(t, err, gen.ErrTimeout)
	gen.Send(self, cnt, inc1)
	status, err := sys.GetStatus(self, cnt)
	require.NoError(t, err)
	items := status.(term.Tuple)[3].(term.List)
	assert.Equal(t, term.Atom("suspended"), items[1])
	info, _ := self.Node().ProcessInfo(pid)
	assert.Equal(t, 2, info.MessageQueueLen, "the call and the cast stay queued")

	require.NoError(t, sys.Resume(self, cnt))
	require.NoError(t, sys.Resume(self, cnt), "resuming twice is no error")
	assert.Equal(t, 1, getCount(t, self, cnt))
	assert.Empty(t, self.Flush(), "the late reply is dropped")
}

func TestSuspendedServesParentExit(t *testing.T) {
	_, self := newNode(t)
	test := self.Self()
	// The counter's parent ends while the counter is suspended: the
	// parent's exit signal ends it.
	parent := self.Spawn(func(p *otp.Process) {
		pid, _ := startCounter(p, nil)
		p.Send(test, pid)
		p.Receive()
		otp.Exit(term.Atom("bye"))
	})
	pid := self.Receive().(term.Pid)
	ref, _ := self.Monitor(pid)
	require.NoError(t, sys.Suspend(self, pid))
	self.Send(parent, term.Atom("go"))
	down := self.Receive().(otp.DownMsg)
	assert.Equal(t, ref, down.Ref)
	assert.Equal(t, term.Atom("bye"), down.Reason)
}

func TestGetStatus(t *testing.T) {
	_, self := newNode(t)
	pid, err := startCounter(self, cnt)
	require.NoError(t, err)
	status, err := sys.GetStatus(self, cnt)
	require.NoError(t, err)
	st := status.(term.Tuple)
	assert.Equal(t, term.Atom("status"), st[0])
	assert.Equal(t, pid, st[1])
	assert.Equal(t, term.Tuple{term.Atom("module"), term.Atom("counter")}, st[2])
	items := st[3].(term.List)
	require.Len(t, items, 5)
	assert.Contains(t, items[0], term.Tuple{term.Atom("$ancestors"), term.List{self.Self()}})
	assert.Equal(t, term.Atom("running"), items[1])
	assert.Equal(t, self.Self(), items[2])
	assert.Equal(t, term.List{}, items[3])
	assert.Equal(t, term.List{term.Tuple{term.Atom("data"), term.List{term.Tuple{"Count", 0}}}}, items[4])
}

func TestNoproc(t *testing.T) {
	_, self := newNode(t)
	_, err := sys.GetState(self, term.Atom("frequency"))
	require.ErrorIs(t, err, gen.ErrNoproc)
	var se *sys.Error
	require.ErrorAs(t, err, &se)
	want := term.Tuple{otp.Noproc, term.Tuple{term.Atom("sys"), term.Atom("get_state"), term.List{term.Atom("frequency")}}}
	assert.Equal(t, want, se.Reason)
	exc := otp.Catch(func() { gen.Raise(err) })
	assert.Equal(t, otp.ClassExit, exc.Class)
	assert.Equal(t, want, exc.Reason)

	err = sys.Trace(self, term.Atom("frequency"), true, time.Second)
	require.ErrorAs(t, err, &se)
	assert.Equal(t, term.Tuple{otp.Noproc, term.Tuple{term.Atom("sys"), term.Atom("trace"),
		term.List{term.Atom("frequency"), term.True, 1000}}}, se.Reason)
}

func TestTraceLogStatistics(t *testing.T) {
	out := &erltest.Output{}
	_, self := newNode(t, otp.Stdout(out))
	_, err := startCounter(self, cnt)
	require.NoError(t, err)
	require.NoError(t, sys.Trace(self, cnt, true))
	r, err := sys.Log(self, cnt, term.True)
	require.NoError(t, err)
	assert.Equal(t, ok, r)
	r, err = sys.Statistics(self, cnt, term.True)
	require.NoError(t, err)
	assert.Equal(t, ok, r)

	gen.Send(self, cnt, inc1)
	getCount(t, self, cnt)
	r, err = sys.Log(self, cnt, term.Atom("get")) // after the call's events
	assert.Contains(t, out.String(), "*DBG* cnt got {'$gen_cast',{inc,1}}\n*DBG* cnt got {'$gen_call',{")
	assert.Contains(t, out.String(), "*DBG* cnt sent 1 to "+term.Write(self.Self())+"\n")
	require.NoError(t, err)
	evs := r.(term.Tuple)[1].(term.List)
	require.Len(t, evs, 3)
	assert.Equal(t, term.Tuple{term.Atom("in"), inc1}, evs[0], "oldest first")

	r, err = sys.Statistics(self, cnt, term.Atom("get"))
	require.NoError(t, err)
	stats := r.(term.Tuple)[1].(term.List)
	assert.Equal(t, term.Tuple{term.Atom("messages_in"), 2}, stats[3])
	assert.Equal(t, term.Tuple{term.Atom("messages_out"), 1}, stats[4])
	assert.Equal(t, term.Atom("start_time"), stats[0].(term.Tuple)[0])

	// {true, N} while logging changes nothing, as sys's install_debug
	// leaves an option that is on; statistics true keeps the counts.
	_, err = sys.Log(self, cnt, term.Tuple{term.True, 1})
	require.NoError(t, err)
	r, _ = sys.Log(self, cnt, term.Atom("get"))
	assert.Len(t, r.(term.Tuple)[1].(term.List), 3)
	_, err = sys.Statistics(self, cnt, term.True)
	require.NoError(t, err)
	r, _ = sys.Statistics(self, cnt, term.Atom("get"))
	assert.Equal(t, term.Tuple{term.Atom("messages_in"), 2}, r.(term.Tuple)[1].(term.List)[3])

	// Off, then {true, N}: the last N from then on.
	_, err = sys.Log(self, cnt, term.False)
	require.NoError(t, err)
	_, err = sys.Log(self, cnt, term.Tuple{term.True, 1})
	require.NoError(t, err)
	getCount(t, self, cnt)
	r, _ = sys.Log(self, cnt, term.Atom("get"))
	assert.Len(t, r.(term.Tuple)[1].(term.List), 1)

	require.NoError(t, sys.NoDebug(self, cnt))
	r, _ = sys.Statistics(self, cnt, term.Atom("get"))
	assert.Equal(t, term.Tuple{ok, term.Atom("no_statistics")}, r)
	r, _ = sys.Log(self, cnt, term.Atom("get"))
	assert.Equal(t, term.Tuple{ok, term.List{}}, r)
}

func TestInstallRemove(t *testing.T) {
	_, self := newNode(t)
	_, err := startCounter(self, cnt)
	require.NoError(t, err)
	test := self.Self()
	// An alarm on the third event, which then removes itself.
	alarm := func(st any, ev term.Term, proc term.Term) any {
		n := st.(int) + 1
		if n == 3 {
			self.Node().Send(test, term.Tuple{term.Atom("alarm"), proc})
			return term.Atom("done")
		}
		return n
	}
	require.NoError(t, sys.Install(self, cnt, sys.FuncSpec{Id: term.Atom("alarm"), Func: alarm, State: 0}))
	for range 4 {
		gen.Send(self, cnt, inc1)
	}
	assert.Equal(t, term.Tuple{term.Atom("alarm"), cnt}, self.Receive())
	status, _ := sys.GetStatus(self, cnt)
	assert.Equal(t, term.List{}, status.(term.Tuple)[3].(term.List)[3], "no debug options left")

	require.NoError(t, sys.Install(self, cnt, sys.FuncSpec{Id: term.Atom("x"), Func: alarm, State: 0}))
	require.NoError(t, sys.Remove(self, cnt, term.Atom("x")))
	status, _ = sys.GetStatus(self, cnt)
	assert.Equal(t, term.List{}, status.(term.Tuple)[3].(term.List)[3])
}

func TestLogToFile(t *testing.T) {
	_, self := newNode(t)
	_, err := startCounter(self, cnt)
	require.NoError(t, err)
	file := filepath.Join(t.TempDir(), "trace.log")
	require.NoError(t, sys.LogToFile(self, cnt, file))
	gen.Send(self, cnt, inc1)
	require.NoError(t, sys.LogToFile(self, cnt, term.False))
	b, err := os.ReadFile(file)
	require.NoError(t, err)
	assert.Equal(t, "*DBG* cnt got {'$gen_cast',{inc,1}}\n", string(b))

	err = sys.LogToFile(self, cnt, filepath.Join(t.TempDir(), "no", "such", "dir"))
	var re *sys.ReplyError
	require.ErrorAs(t, err, &re)
	assert.Equal(t, term.Atom("open_file"), re.Reason)
}

func TestDebugOptionsAtStart(t *testing.T) {
	out := &erltest.Output{}
	_, self := newNode(t, otp.Stdout(out))
	_, err := startCounter(self, cnt, term.Atom("trace"), term.Atom("log"), term.Atom("statistics"))
	require.NoError(t, err)
	getCount(t, self, cnt)
	assert.Contains(t, out.String(), "*DBG* cnt got {'$gen_call'")
	r, _ := sys.Log(self, cnt, term.Atom("get"))
	assert.Len(t, r.(term.Tuple)[1].(term.List), 2)
	r, _ = sys.Statistics(self, cnt, term.Atom("get"))
	assert.Equal(t, term.Tuple{term.Atom("messages_in"), 1}, r.(term.Tuple)[1].(term.List)[3])
}

func TestChangeCodeOnlySuspended(t *testing.T) {
	_, self := newNode(t)
	_, err := startCounter(self, cnt)
	require.NoError(t, err)
	gen.Send(self, cnt, inc1)
	err = sys.ChangeCode(self, cnt, "counter", term.Atom("undefined"), 10)
	var re *sys.ReplyError
	require.ErrorAs(t, err, &re)
	assert.Equal(t, term.Atom("unknown_system_msg"), re.Reason.(term.Tuple)[0])

	require.NoError(t, sys.Suspend(self, cnt))
	require.NoError(t, sys.ChangeCode(self, cnt, "counter", term.Atom("undefined"), 10))
	err = sys.ChangeCode(self, cnt, "counter", term.Atom("undefined"), term.Atom("bad"))
	require.ErrorAs(t, err, &re)
	require.NoError(t, sys.Resume(self, cnt))
	assert.Equal(t, 10, getCount(t, self, cnt))
}

func TestTerminate(t *testing.T) {
	_, self := newNode(t)
	self.TrapExit(true)
	pid, err := startCounter(self, cnt)
	require.NoError(t, err)
	require.NoError(t, sys.Terminate(self, cnt, term.Atom("stopped")))
	msg := self.Receive().(otp.ExitMsg)
	assert.Equal(t, otp.ExitMsg{From: pid, Reason: term.Atom("stopped")}, msg)
}

func TestSystemMessagesByHand(t *testing.T) {
	_, self := newNode(t)
	pid, err := startCounter(self, cnt)
	require.NoError(t, err)
	ref := self.MakeRef()
	for _, req := range []term.Term{term.Atom("get_state"), term.Atom("bogus")} {
		self.Send(pid, term.Tuple{term.Atom("system"), term.Tuple{self.Self(), ref}, req})
		reply := self.Receive()
		assert.Equal(t, ref, reply.(term.Tuple)[0])
		if req == term.Atom("get_state") {
			assert.Equal(t, term.Tuple{ref, 0}, reply)
		} else {
			assert.Equal(t, term.Tuple{ref, term.Tuple{term.Atom("error"),
				term.Tuple{term.Atom("unknown_system_msg"), term.Atom("bogus")}}}, reply)
		}
	}
	self.Send(pid, term.Tuple{term.Atom("system"), term.Tuple{self.Self(), ref}, term.Atom("get_status")})
	reply := self.Receive().(term.Tuple)
	assert.Equal(t, term.Atom("status"), reply[1].(term.Tuple)[0])
}

func TestUnknownDebug(t *testing.T) {
	_, self := newNode(t)
	_, err := startCounter(self, cnt)
	require.NoError(t, err)
	r, err := sys.Log(self, cnt, term.Atom("bogus"))
	require.NoError(t, err)
	assert.Equal(t, term.Atom("unknown_debug"), r)
	assert.False(t, errors.Is(err, gen.ErrNoproc))
}

// get_status's debug list is sys's: the last installed first, {log, NLog}
// in sys's "last N" queue shape ([Left, Newest, ...] while it fills,
// [Reversed | Forward] once full, each entry {Event, Name, FormatFunc}), a
// function installed twice keeping its first state, and the first of the
// start options for one kind in force.
func TestDebugListAsSysKeepsIt(t *testing.T) {
	_, self := newNode(t)
	_, err := startCounter(self, cnt, term.Atom("trace"), term.Tuple{term.Atom("log"), 3}, term.Atom("log"))
	require.NoError(t, err)
	status := func() term.List {
		t.Helper()
		st, err := sys.GetStatus(self, cnt)
		require.NoError(t, err)
		return st.(term.Tuple)[3].(term.List)[3].(term.List)
	}
	events := func(l term.List) []term.Term {
		evs := make([]term.Term, len(l))
		for i, e := range l {
			evs[i] = e.(term.Tuple)[0]
		}
		return evs
	}
	dbg := status()
	require.Len(t, dbg, 2)
	assert.Equal(t, term.Tuple{term.Atom("log"), term.List{3}}, dbg[0], "{log, 3} was first, and installed last")
	assert.Equal(t, term.Tuple{term.Atom("trace"), term.True}, dbg[1])

	fn := term.Atom("f") // an id that is no Erlang fun: never called here
	require.NoError(t, sys.Install(self, cnt, sys.FuncSpec{Id: fn, Func: func(s any, _, _ term.Term) any { return s }, State: 1}))
	require.NoError(t, sys.Install(self, cnt, sys.FuncSpec{Id: fn, Func: func(s any, _, _ term.Term) any { return s }, State: 2}))
	require.NoError(t, sys.Trace(self, cnt, false))
	require.NoError(t, sys.Trace(self, cnt, true))

	in := func(n int) term.Term {
		return term.Tuple{term.Atom("in"), gen.CastMsg{Request: term.Tuple{term.Atom("inc"), n}}}
	}
	gen.Send(self, cnt, gen.CastMsg{Request: term.Tuple{term.Atom("inc"), 1}})
	dbg = status()
	require.Len(t, dbg, 3)
	assert.Equal(t, term.Tuple{term.Atom("trace"), term.True}, dbg[0], "turned on again: first")
	assert.Equal(t, fn, dbg[1].(term.Tuple)[0])
	assert.Equal(t, 1, dbg[1].(term.Tuple)[1].(term.Tuple)[1], "the first install's state stays")
	nlog := dbg[2].(term.Tuple)[1].(term.List)
	assert.Equal(t, 2, nlog[0], "room for two more")
	assert.Equal(t, []term.Term{in(1)}, events(nlog[1:]))
	assert.Equal(t, cnt, nlog[1].(term.Tuple)[1], "the name the event was recorded under")

	for n := 2; n <= 4; n++ {
		gen.Send(self, cnt, gen.CastMsg{Request: term.Tuple{term.Atom("inc"), n}})
	}
	// Full after 3; the 4th found the forward list spent: [[] | F].
	nlog = status()[2].(term.Tuple)[1].(term.List)
	assert.Equal(t, term.List{}, nlog[0])
	assert.Equal(t, []term.Term{in(2), in(3), in(4)}, events(nlog[1:]))
	gen.Send(self, cnt, gen.CastMsg{Request: term.Tuple{term.Atom("inc"), 5}})
	nlog = status()[2].(term.Tuple)[1].(term.List)
	assert.Equal(t, []term.Term{in(5)}, events(nlog[0].(term.List)))
	assert.Equal(t, []term.Term{in(3), in(4)}, events(nlog[1:]))
	r, err := sys.Log(self, cnt, term.Atom("get"))
	require.NoError(t, err)
	assert.Equal(t, term.List{in(3), in(4), in(5)}, r.(term.Tuple)[1], "oldest first")
}

// An error's reason names the sys function as send_system_msg's mfa does.
func TestErrorReasonsNameAsSys(t *testing.T) {
	_, self := newNode(t)
	nobody := term.Atom("nobody")
	reason := func(err error) term.Term {
		var se *sys.Error
		require.ErrorAs(t, err, &se)
		return se.Reason.(term.Tuple)[1]
	}
	f := func(s any) any { return s }
	_, err := sys.ReplaceState(self, nobody, f)
	mfa := reason(err).(term.Tuple)
	assert.Equal(t, term.List{nobody}, mfa[2])
	assert.Equal(t, term.Atom("replace_state"), mfa[1].(term.Tuple)[0], "{sys, {replace_state, F}, [Name]}")
	assert.Equal(t, term.Tuple{term.Atom("sys"), term.Tuple{term.Atom("debug"), term.Atom("no_debug")}, term.List{nobody}},
		reason(sys.NoDebug(self, nobody)))
	assert.Equal(t, term.Tuple{term.Atom("sys"), term.Atom("terminate"), term.List{nobody, otp.Normal, 10}},
		reason(sys.Terminate(self, nobody, otp.Normal, 10*time.Millisecond)))
	_, err = sys.GetState(self, nobody, -time.Millisecond)
	var se *sys.Error
	require.ErrorAs(t, err, &se)
	assert.Equal(t, term.Tuple{gen.FunctionClause, term.Tuple{term.Atom("sys"), term.Atom("get_state"), term.List{nobody, -1}}}, se.Reason)
}

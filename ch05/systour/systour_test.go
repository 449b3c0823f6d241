// Book: chapter 5, "Controlling OTP Behaviours" (The sys Module; Tracing and Logging; System Messages; Statistics, Status, and State).

package systour_test

import (
	"errors"
	"os"
	"path/filepath"
	"testing"
	"testing/synctest"
	"time"

	"github.com/scalability-go/otpbook/ch04/frequency"
	"github.com/scalability-go/otpbook/ch05/internal/golden"
	"github.com/scalability-go/otpbook/ch05/systour"
	"github.com/scalability-go/otpbook/internal/erltest"
	"github.com/scalability-go/otpbook/otp"
	"github.com/scalability-go/otpbook/otp/gen"
	"github.com/scalability-go/otpbook/otp/genserver"
	"github.com/scalability-go/otpbook/otp/sys"
	"github.com/scalability-go/otpbook/otp/term"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// p prints a term as ~p does, on one line: strings as strings.
func p(t term.Term) string { return golden.Flat(term.Print(t)) }

var (
	atomGet = term.Atom("get")
	atomIn  = term.Atom("in")
)

// start starts the frequency server, with options, in a fresh node.
func start(t *testing.T, opts ...genserver.Option) (*erltest.Env, term.Pid) {
	t.Helper()
	e := erltest.New(t)
	pid, err := frequency.StartLink(e.Self, opts...)
	require.NoError(t, err)
	t.Cleanup(func() { _ = sys.Terminate(e.Self, frequency.Name, term.Atom("normal")) })
	return e, pid
}

// sync waits until the server has handled what was sent to it before: a
// system message is served in order with the messages ahead of it.
func sync(t *testing.T, e *erltest.Env) {
	t.Helper()
	_, err := sys.GetState(e.Self, frequency.Name)
	require.NoError(t, err)
}

// session is the chapter's: a call, a cast and a plain message.
func session(t *testing.T, e *erltest.Env, pid term.Pid) {
	t.Helper()
	f, err := frequency.Allocate(e.Self)
	require.NoError(t, err)
	require.Equal(t, 10, f)
	frequency.Deallocate(e.Self, 10)
	e.Self.Send(pid, term.Atom("hello"))
	sync(t, e)
}

// stop stops the server with the stop cast and waits for it to be gone.
func stop(t *testing.T, e *erltest.Env, pid term.Pid) {
	t.Helper()
	ref, err := e.Self.Monitor(pid)
	require.NoError(t, err)
	frequency.Stop(e.Self)
	_, ok := e.Self.ReceiveMatch(func(m any) bool { d, ok := m.(otp.DownMsg); return ok && d.Ref == ref }, erltest.Wait)
	require.True(t, ok)
}

const traceWant = `*DBG* frequency got call {allocate,<PID1>} from <PID1>
*DBG* frequency sent {ok,10} to <PID1>, new state {[11,12,13,14,15],[{10,<PID1>}]}
*DBG* frequency got cast {deallocate,10}
*DBG* frequency new state {[10,11,12,13,14,15],[]}
*DBG* frequency got hello
*DBG* frequency new state {[10,11,12,13,14,15],[]}
`

// Trace prints every event as it happens; the stop cast is the last line.
// (Long lines are compared unbroken: see golden.Flat.)
func TestTrace(t *testing.T) {
	e, pid := start(t)
	require.NoError(t, sys.Trace(e.Self, frequency.Name, true))
	session(t, e, pid)
	assert.Equal(t, traceWant, golden.Normalize(golden.Flat(e.Out.Take())))

	require.NoError(t, sys.Trace(e.Self, frequency.Name, false))
	_, err := frequency.Allocate(e.Self)
	require.NoError(t, err)
	assert.Empty(t, e.Out.Take())

	require.NoError(t, sys.Trace(e.Self, frequency.Name, true))
	stop(t, e, pid)
	assert.Equal(t, "*DBG* frequency got cast stop\n", e.Out.Take())
}

// Log keeps the last 10 events (true) or N ({true, N}), oldest first;
// print prints them as trace does; false forgets them.
func TestLog(t *testing.T) {
	e, pid := start(t)
	r, err := sys.Log(e.Self, frequency.Name, term.True)
	require.NoError(t, err)
	assert.Equal(t, term.OK, r)
	session(t, e, pid)

	r, err = sys.Log(e.Self, frequency.Name, atomGet)
	require.NoError(t, err)
	events := r.(term.Tuple)[1].(term.List)
	require.Len(t, events, 6)
	call := events[0].(term.Tuple)
	assert.Equal(t, atomIn, call[0])
	assert.Equal(t, frequency.AllocateRequest(e.Self.Self()), call[1].(gen.CallMsg).Request)
	out := events[1].(term.Tuple)
	assert.Equal(t, "out", string(out[0].(term.Atom)))
	assert.Equal(t, term.Tuple{term.OK, 10}, out[1])
	assert.Equal(t, call[1].(gen.CallMsg).From, out[2])
	assert.Equal(t, "{[11,12,13,14,15],[{10,"+term.Write(e.Self.Self())+"}]}", term.Write(out[3]))
	assert.Equal(t, "{in,{'$gen_cast',{deallocate,10}}}", term.Write(events[2]))
	assert.Equal(t, "{noreply,{[10,11,12,13,14,15],[]}}", term.Write(events[3]))
	assert.Equal(t, "{in,hello}", term.Write(events[4]))
	assert.Equal(t, "{noreply,{[10,11,12,13,14,15],[]}}", term.Write(events[5]))

	_, err = sys.Log(e.Self, frequency.Name, term.Atom("print"))
	require.NoError(t, err)
	assert.Equal(t, traceWant, golden.Normalize(golden.Flat(e.Out.Take())))

	// The default capacity is 10: twelve more events leave the last ten.
	for range 6 {
		e.Self.Send(pid, term.Atom("tick"))
	}
	sync(t, e)
	r, _ = sys.Log(e.Self, frequency.Name, atomGet)
	events = r.(term.Tuple)[1].(term.List)
	require.Len(t, events, sys.DefaultLogSize)
	assert.Equal(t, "{in,tick}", term.Write(events[0]))

	// false stops and forgets.
	_, err = sys.Log(e.Self, frequency.Name, term.False)
	require.NoError(t, err)
	r, _ = sys.Log(e.Self, frequency.Name, atomGet)
	assert.Equal(t, "{ok,[]}", term.Write(r))

	// {true, 2}: two calls and a cast leave the cast and its new state.
	_, err = sys.Log(e.Self, frequency.Name, term.Tuple{term.True, 2})
	require.NoError(t, err)
	_, _ = frequency.Allocate(e.Self)
	_, _ = frequency.Allocate(e.Self)
	frequency.Deallocate(e.Self, 11)
	sync(t, e)
	r, _ = sys.Log(e.Self, frequency.Name, atomGet)
	assert.Equal(t, "{ok,[{in,{'$gen_cast',{deallocate,11}}},{noreply,{[11,12,13,14,15],[{10,"+
		term.Write(e.Self.Self())+"}]}}]}", term.Write(r))
}

// log_to_file writes the trace lines to a file until false; a file that
// cannot be opened is {error, open_file}.
func TestLogToFile(t *testing.T) {
	e, pid := start(t)
	file := filepath.Join(t.TempDir(), "freq.log")
	require.NoError(t, sys.LogToFile(e.Self, frequency.Name, file))
	session(t, e, pid)
	require.NoError(t, sys.LogToFile(e.Self, frequency.Name, term.False))
	_, _ = frequency.Allocate(e.Self)
	b, err := os.ReadFile(file)
	require.NoError(t, err)
	assert.Equal(t, traceWant, golden.Normalize(golden.Flat(string(b))))

	err = sys.LogToFile(e.Self, frequency.Name, filepath.Join(t.TempDir(), "no", "such", "x.log"))
	var re *sys.ReplyError
	require.ErrorAs(t, err, &re)
	assert.Equal(t, term.Atom("open_file"), re.Reason)
}

// Statistics: a call, a cast and a plain message are three messages in,
// and the call's reply one out; after false there are none.
func TestStatistics(t *testing.T) {
	e, pid := start(t)
	r, err := sys.Statistics(e.Self, frequency.Name, atomGet)
	require.NoError(t, err)
	assert.Equal(t, "{ok,no_statistics}", term.Write(r))

	_, err = sys.Statistics(e.Self, frequency.Name, term.True)
	require.NoError(t, err)
	session(t, e, pid)
	r, err = sys.Statistics(e.Self, frequency.Name, atomGet)
	require.NoError(t, err)
	stats := map[term.Atom]term.Term{}
	for _, kv := range r.(term.Tuple)[1].(term.List) {
		stats[kv.(term.Tuple)[0].(term.Atom)] = kv.(term.Tuple)[1]
	}
	assert.Equal(t, 3, stats["messages_in"])
	assert.Equal(t, 1, stats["messages_out"])
	assert.Equal(t, 6, stats["reductions"], "Go counts the events recorded")
	assert.Len(t, stats["start_time"], 2)
	assert.Len(t, stats["current_time"], 2)

	_, err = sys.Statistics(e.Self, frequency.Name, term.False)
	require.NoError(t, err)
	r, _ = sys.Statistics(e.Self, frequency.Name, atomGet)
	assert.Equal(t, "{ok,no_statistics}", term.Write(r))
}

// get_status: gen_server's status with format_status's view of the
// state, running or suspended; noproc once the server is gone.
func TestGetStatus(t *testing.T) {
	e, pid := start(t)
	_, _ = frequency.Allocate(e.Self)
	_, _ = frequency.Allocate(e.Self)
	r, err := sys.GetStatus(e.Self, frequency.Name)
	require.NoError(t, err)
	s, ok := systour.StatusOf(r)
	require.True(t, ok)
	me := term.Write(e.Self.Self())
	assert.Equal(t, pid, s.Pid)
	assert.Equal(t, term.Atom("gen_server"), s.Module)
	assert.Equal(t, term.Atom("running"), s.SysState)
	assert.Equal(t, e.Self.Self(), s.Parent)
	assert.Empty(t, s.Debug)
	assert.Equal(t, "[{'$initial_call',{frequency,init,1}},{'$ancestors',["+me+"]}]", term.Write(s.PDict))
	assert.Equal(t, `{header,"Status for generic server frequency"}`, p(s.Misc[0]))
	assert.Equal(t, `{data,[{"Status",running},{"Parent",`+me+`},{"Logged events",[]}]}`, p(s.Misc[1]))
	assert.Equal(t, `{data,[{"State",{{available,[12,13,14,15]},{allocated,[{11,`+me+`},{10,`+me+`}]}}}]}`,
		p(s.FormatStatus()))

	require.NoError(t, sys.Suspend(e.Self, frequency.Name))
	r, err = sys.GetStatus(e.Self, frequency.Name)
	require.NoError(t, err)
	s, _ = systour.StatusOf(r)
	assert.Equal(t, term.Atom("suspended"), s.SysState)
	assert.Equal(t, `{data,[{"Status",suspended},{"Parent",`+me+`},{"Logged events",[]}]}`, p(s.Misc[1]))
	require.NoError(t, sys.Resume(e.Self, frequency.Name))

	stop(t, e, pid)
	_, err = sys.GetStatus(e.Self, frequency.Name)
	require.ErrorIs(t, err, gen.ErrNoproc)
	var se *sys.Error
	require.ErrorAs(t, err, &se)
	assert.Equal(t, "{noproc,{sys,get_status,[frequency]}}", term.Write(se.Reason))
	_, ok = systour.StatusOf(term.Atom("status"))
	assert.False(t, ok)
}

// get_state returns the raw state; replace_state installs and returns
// the new one: frequency 100 injected is the next handed out. A fun that
// panics leaves the state as it was. Both fail with noproc after stop.
func TestGetStateReplaceState(t *testing.T) {
	e, pid := start(t)
	_, _ = frequency.Allocate(e.Self)
	_, _ = frequency.Allocate(e.Self)
	s, err := systour.State(e.Self)
	require.NoError(t, err)
	me := term.Write(e.Self.Self())
	assert.Equal(t, "{[12,13,14,15],[{11,"+me+"},{10,"+me+"}]}", s.String())

	s, err = systour.Inject(e.Self, 100)
	require.NoError(t, err)
	assert.Equal(t, "{[100,12,13,14,15],[{11,"+me+"},{10,"+me+"}]}", s.String())
	f, err := frequency.Allocate(e.Self)
	require.NoError(t, err)
	assert.Equal(t, 100, f)

	_, err = sys.ReplaceState(e.Self, frequency.Name, func(any) any { panic("fail") })
	var cf *sys.CallbackFailed
	require.ErrorAs(t, err, &cf)
	assert.Equal(t, term.Atom("system_replace_state"), cf.Callback)
	s2, err := systour.State(e.Self)
	require.NoError(t, err)
	assert.Equal(t, "{[12,13,14,15],[{100,"+me+"},{11,"+me+"},{10,"+me+"}]}", s2.String())

	stop(t, e, pid)
	_, err = systour.State(e.Self)
	require.ErrorIs(t, err, gen.ErrNoproc)
	_, err = systour.Inject(e.Self, 100)
	require.ErrorIs(t, err, gen.ErrNoproc)
}

// Suspended, the server serves only system messages: a call times out, a
// cast waits in the mailbox behind it. Resumed, it handles both in order,
// the call of the caller that gave up included: its frequency is leaked.
// The call's timeout is time under test: synctest runs the clock.
func TestSuspendResume(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		e, pid := start(t)
		f, err := frequency.Allocate(e.Self)
		require.NoError(t, err)
		require.Equal(t, 10, f)
		require.NoError(t, sys.Suspend(e.Self, frequency.Name))
		require.NoError(t, sys.Suspend(e.Self, frequency.Name), "suspending twice is no error")

		caller, mref := e.Self.SpawnMonitor(func(p *otp.Process) {
			_, err := genserver.Call(p, frequency.Name, frequency.AllocateRequest(p.Self()), time.Second)
			p.Send(e.Self.Self(), err)
		})
		begin := time.Now()
		m, ok := e.Self.ReceiveMatch(func(m any) bool { _, ok := m.(error); return ok }, 2*time.Second)
		require.True(t, ok)
		assert.Equal(t, time.Second, time.Since(begin))
		require.ErrorIs(t, m.(error), genserver.ErrTimeout)
		_, ok = e.Self.ReceiveMatch(func(m any) bool { d, ok := m.(otp.DownMsg); return ok && d.Ref == mref }, erltest.Wait)
		require.True(t, ok, "the caller is gone")

		frequency.Deallocate(e.Self, 10)
		synctest.Wait()
		q, ok := systour.Queue(e.Node, frequency.Name)
		require.True(t, ok)
		require.Len(t, q, 2)
		assert.Equal(t, frequency.AllocateRequest(caller), gen.Decode(q[0]).(gen.CallMsg).Request)
		assert.Equal(t, "{'$gen_cast',{deallocate,10}}", term.Write(q[1]))
		s, err := systour.State(e.Self)
		require.NoError(t, err, "get_state works while suspended")
		assert.Equal(t, "{[11,12,13,14,15],[{10,"+term.Write(e.Self.Self())+"}]}", s.String())

		require.NoError(t, sys.Resume(e.Self, frequency.Name))
		require.NoError(t, sys.Resume(e.Self, frequency.Name), "resuming twice is no error")
		s, err = systour.State(e.Self)
		require.NoError(t, err)
		assert.Equal(t, "{[10,12,13,14,15],[{11,"+term.Write(caller)+"}]}", s.String())
		assert.False(t, e.Node.IsProcessAlive(caller))
		q, _ = systour.Queue(e.Node, frequency.Name)
		assert.Empty(t, q)
		assert.Empty(t, e.Self.Flush(), "no late reply reaches anyone")
		_ = pid
	})
}

// System messages by hand: {system, {Pid, Ref}, Request} is answered with
// {Ref, Reply}. An unknown request is {error, {unknown_system_msg, R}}.
func TestSystemMessagesByHand(t *testing.T) {
	e, pid := start(t)
	_, _ = frequency.Allocate(e.Self)
	ref := e.Self.MakeRef()
	ask := func(req term.Term) term.Term {
		t.Helper()
		e.Self.Send(pid, term.Tuple{term.Atom("system"), term.Tuple{e.Self.Self(), ref}, req})
		m, ok := e.Self.ReceiveMatch(func(m any) bool {
			t, ok := m.(term.Tuple)
			return ok && len(t) == 2 && t[0] == ref
		}, erltest.Wait)
		require.True(t, ok)
		return m.(term.Tuple)[1]
	}
	me := term.Write(e.Self.Self())
	assert.Equal(t, "{[11,12,13,14,15],[{10,"+me+"}]}", term.Write(ask(term.Atom("get_state"))))
	s, ok := systour.StatusOf(ask(term.Atom("get_status")))
	require.True(t, ok)
	assert.Equal(t, term.Atom("running"), s.SysState)
	assert.Equal(t, "{error,{unknown_system_msg,bogus}}", term.Write(ask(term.Atom("bogus"))))
	assert.Equal(t, term.OK, ask(term.Atom("suspend")))
	s, _ = systour.StatusOf(ask(term.Atom("get_status")))
	assert.Equal(t, term.Atom("suspended"), s.SysState)
	assert.Equal(t, term.OK, ask(term.Atom("resume")))
	assert.Equal(t, term.OK, ask(term.Tuple{term.Atom("debug"), term.Tuple{term.Atom("trace"), term.True}}))
	_, _ = frequency.Allocate(e.Self)
	assert.Contains(t, e.Out.Take(), "*DBG* frequency got call {allocate,"+me+"} from "+me)
	// The Go form of the same message: a gen.SystemMsg.
	e.Self.Send(pid, gen.SystemMsg{From: gen.From{Pid: e.Self.Self(), Tag: ref}, Request: term.Atom("get_state")})
	m, ok := e.Self.ReceiveMatch(func(m any) bool { t, ok := m.(term.Tuple); return ok && t[0] == ref }, erltest.Wait)
	require.True(t, ok)
	assert.IsType(t, frequency.State{}, m.(term.Tuple)[1])
}

// Debug options at start are in force from the first message.
func TestDebugAtStart(t *testing.T) {
	file := filepath.Join(t.TempDir(), "start.log")
	e, pid := start(t, genserver.Debug(term.Atom("trace"), term.Atom("log"), term.Atom("statistics"),
		term.Tuple{term.Atom("log_to_file"), file}))
	_, err := frequency.Allocate(e.Self)
	require.NoError(t, err)
	sync(t, e) // the reply goes out before the line is printed
	want := `*DBG* frequency got call {allocate,<PID1>} from <PID1>
*DBG* frequency sent {ok,10} to <PID1>, new state {[11,12,13,14,15],[{10,<PID1>}]}
`
	assert.Equal(t, want, golden.Normalize(golden.Flat(e.Out.Take())))
	r, err := sys.Log(e.Self, frequency.Name, atomGet)
	require.NoError(t, err)
	assert.Len(t, r.(term.Tuple)[1], 2)
	r, err = sys.Statistics(e.Self, frequency.Name, atomGet)
	require.NoError(t, err)
	assert.Contains(t, term.Write(r), "{messages_in,1},{messages_out,1}")
	stop(t, e, pid)
	b, err := os.ReadFile(file)
	require.NoError(t, err)
	assert.Equal(t, want+"*DBG* frequency got cast stop\n", golden.Normalize(golden.Flat(string(b))))
}

// hibernate_after: the idle server hibernates and wakes for the next
// message. (That it hibernates cannot be seen from outside in this
// runtime: process_info shows the same current function; see the
// chapter's README.) Time is the subject: synctest runs the clock.
func TestHibernateAfter(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		e, _ := start(t, genserver.HibernateAfter(100*time.Millisecond))
		for i := range 3 {
			time.Sleep(200 * time.Millisecond) // idle: the server hibernates
			synctest.Wait()
			f, err := frequency.Allocate(e.Self)
			require.NoError(t, err, "a hibernating server wakes for a call")
			assert.Equal(t, 10+i, f)
		}
		s, err := systour.State(e.Self)
		require.NoError(t, err)
		assert.Len(t, s.Allocated, 3)
	})
}

// A trace function given at start with {install, {Func, State}} sees the
// first message.
func TestInstallAtStart(t *testing.T) {
	e, _ := start(t, genserver.Debug(sys.FuncSpec{Id: term.Atom("count"), Func: func(n any, _, _ term.Term) any {
		return n.(int) + 1
	}, State: 0}))
	_, err := frequency.Allocate(e.Self)
	require.NoError(t, err)
	r, err := sys.GetStatus(e.Self, frequency.Name)
	require.NoError(t, err)
	s, _ := systour.StatusOf(r)
	require.Len(t, s.Debug, 1)
	assert.Equal(t, term.Atom("count"), s.Debug[0].(term.Tuple)[0])
	assert.Equal(t, 2, s.Debug[0].(term.Tuple)[1].(term.Tuple)[1])
	require.NoError(t, sys.Remove(e.Self, frequency.Name, term.Atom("count")))
	r, _ = sys.GetStatus(e.Self, frequency.Name)
	s, _ = systour.StatusOf(r)
	assert.Empty(t, s.Debug)
	assert.False(t, errors.Is(err, gen.ErrNoproc))
}

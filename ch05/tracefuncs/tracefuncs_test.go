// Book: chapter 5, "Controlling OTP Behaviours" (Your Own Trace Functions).

package tracefuncs_test

import (
	"testing"

	"github.com/scalability-go/otpbook/ch04/frequency"
	"github.com/scalability-go/otpbook/ch05/internal/golden"
	"github.com/scalability-go/otpbook/ch05/tracefuncs"
	"github.com/scalability-go/otpbook/internal/erltest"
	"github.com/scalability-go/otpbook/otp/gen"
	"github.com/scalability-go/otpbook/otp/sys"
	"github.com/scalability-go/otpbook/otp/term"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// start starts the frequency server in a fresh node.
func start(t *testing.T) *erltest.Env {
	t.Helper()
	e := erltest.New(t)
	_, err := frequency.StartLink(e.Self)
	require.NoError(t, err)
	t.Cleanup(func() { _ = sys.Terminate(e.Self, frequency.Name, term.Atom("normal")) })
	return e
}

// sync waits until the server has handled everything sent to it before:
// a system message is served in order with the casts and messages that
// came first from the same process.
func sync(t *testing.T, e *erltest.Env) {
	t.Helper()
	_, err := sys.GetState(e.Self, frequency.Name)
	require.NoError(t, err)
}

// session is the chapter's: a call, a cast and a raw message.
func session(t *testing.T, e *erltest.Env) {
	t.Helper()
	f, err := frequency.Allocate(e.Self)
	require.NoError(t, err)
	require.Equal(t, 10, f)
	frequency.Deallocate(e.Self, 10)
	pid, _ := e.Node.WhereIs(frequency.Name)
	e.Self.Send(pid, term.Atom("hello"))
	sync(t, e)
}

// The printer prints what the shell fun of the session prints: every
// event, numbered, with the server's name.
func TestPrinter(t *testing.T) {
	e := start(t)
	require.NoError(t, sys.Install(e.Self, frequency.Name, sys.FuncSpec{Func: tracefuncs.Printer(e.Out), State: 0}))
	session(t, e)
	// The alias's reference is as long as the node makes it: the lines
	// break where it pushes them, so they are compared flattened.
	want := `0: {in,{'$gen_call',{<PID1>,[alias|#Ref<1>]},{allocate,<PID1>}}} (frequency)
1: {out,{ok,10},{<PID1>,[alias|#Ref<1>]},{[11,12,13,14,15],[{10,<PID1>}]}} (frequency)
2: {in,{'$gen_cast',{deallocate,10}}} (frequency)
3: {noreply,{[10,11,12,13,14,15],[]}} (frequency)
4: {in,hello} (frequency)
5: {noreply,{[10,11,12,13,14,15],[]}} (frequency)
`
	assert.Equal(t, want, golden.Normalize(golden.Flat(e.Out.Take())))

	// Its state threads through: get_status shows the next number.
	status, err := sys.GetStatus(e.Self, frequency.Name)
	require.NoError(t, err)
	deb := tracefuncs.DebugOf(status)
	require.Len(t, deb, 1)
	assert.Equal(t, 6, deb[0].(term.Tuple)[1])
}

// The alarm fires once, on the third allocation, and removes itself: the
// fourth prints nothing and no debug function is left.
func TestAlarm(t *testing.T) {
	e := start(t)
	require.NoError(t, sys.Install(e.Self, frequency.Name, sys.FuncSpec{Func: tracefuncs.Alarm(e.Out, 3), State: 0}))
	for i := range 4 {
		f, err := frequency.Allocate(e.Self)
		require.NoError(t, err)
		assert.Equal(t, 10+i, f)
		if i == 1 {
			// Other messages are not allocations.
			pid, _ := e.Node.WhereIs(frequency.Name)
			e.Self.Send(pid, term.Atom("hello"))
			sync(t, e)
		}
	}
	assert.Equal(t, "*ALARM* frequency: allocation 3\n", e.Out.Take())
	status, err := sys.GetStatus(e.Self, frequency.Name)
	require.NoError(t, err)
	assert.Empty(t, tracefuncs.DebugOf(status))
}

// The counter counts by kind; its state is read back from get_status,
// and remove by its id takes it away.
func TestCounterWithID(t *testing.T) {
	e := start(t)
	id := term.Atom("counter")
	require.NoError(t, sys.Install(e.Self, frequency.Name, sys.FuncSpec{Id: id, Func: tracefuncs.Counter, State: tracefuncs.Counts{}}))
	session(t, e)
	status, err := sys.GetStatus(e.Self, frequency.Name)
	require.NoError(t, err)
	c, ok := tracefuncs.CountsOf(status)
	require.True(t, ok)
	assert.Equal(t, tracefuncs.Counts{Calls: 1, Casts: 1, Infos: 1, Replies: 1, NoReplies: 2}, c)
	assert.Equal(t, "[{calls,1},{casts,1},{infos,1},{replies,1},{noreplies,2}]", term.Write(c.Term()))

	require.NoError(t, sys.Remove(e.Self, frequency.Name, id))
	status, err = sys.GetStatus(e.Self, frequency.Name)
	require.NoError(t, err)
	_, ok = tracefuncs.CountsOf(status)
	assert.False(t, ok)
}

// Forward sends the events to a process, in order; no_debug removes it
// with everything else.
func TestForwardAndNoDebug(t *testing.T) {
	e := start(t)
	require.NoError(t, sys.Install(e.Self, frequency.Name, sys.FuncSpec{Func: tracefuncs.Forward(e.Node, e.Self.Self()), State: 0}))
	require.NoError(t, sys.Trace(e.Self, frequency.Name, true))
	session(t, e)
	var kinds []tracefuncs.Kind
	for range 6 {
		m, ok := e.Self.ReceiveMatch(func(m any) bool { _, ok := m.(tracefuncs.Event); return ok }, erltest.Wait)
		require.True(t, ok)
		ev := m.(tracefuncs.Event)
		assert.Equal(t, frequency.Name, ev.Proc)
		k, _ := tracefuncs.Classify(ev.Event)
		kinds = append(kinds, k)
	}
	assert.Equal(t, []tracefuncs.Kind{tracefuncs.Call, tracefuncs.Out, tracefuncs.Cast, tracefuncs.NoReply, tracefuncs.Info, tracefuncs.NoReply}, kinds)
	e.Out.Take()

	require.NoError(t, sys.NoDebug(e.Self, frequency.Name))
	_, err := frequency.Allocate(e.Self)
	require.NoError(t, err)
	sync(t, e)
	assert.Empty(t, e.Out.Take(), "no trace after no_debug")
	assert.Empty(t, e.Self.Flush(), "no event forwarded after no_debug")
}

func TestClassify(t *testing.T) {
	pid := term.Pid{ID: 81}
	from := gen.From{Pid: pid}
	state := term.Tuple{term.List{11}, term.List{}}
	for _, c := range []struct {
		ev   term.Term
		kind tracefuncs.Kind
		msg  any
	}{
		{term.Tuple{term.Atom("in"), gen.CallMsg{From: from, Request: term.Atom("x")}}, tracefuncs.Call, term.Atom("x")},
		{term.Tuple{term.Atom("in"), gen.CastMsg{Request: term.Atom("y")}}, tracefuncs.Cast, term.Atom("y")},
		{term.Tuple{term.Atom("in"), term.Tuple{term.Atom("$gen_cast"), term.Atom("z")}}, tracefuncs.Cast, term.Atom("z")},
		{term.Tuple{term.Atom("in"), term.Atom("hello")}, tracefuncs.Info, term.Atom("hello")},
		{term.Tuple{term.Atom("out"), term.Atom("ok"), from, state}, tracefuncs.Out, term.Atom("ok")},
		{term.Tuple{term.Atom("noreply"), state}, tracefuncs.NoReply, state},
		{term.Atom("odd"), tracefuncs.Other, nil},
		{term.Tuple{term.Atom("continue"), term.Atom("c")}, tracefuncs.Other, nil},
	} {
		k, m := tracefuncs.Classify(c.ev)
		assert.Equal(t, c.kind, k, term.Write(c.ev))
		assert.Equal(t, c.msg, m, term.Write(c.ev))
	}
	assert.Equal(t, "noreply", tracefuncs.NoReply.String())
	s, ok := tracefuncs.NewState(term.Tuple{term.Atom("noreply"), state})
	assert.True(t, ok)
	assert.Equal(t, state, s)
	_, ok = tracefuncs.NewState(term.Tuple{term.Atom("in"), state})
	assert.False(t, ok)
	assert.True(t, tracefuncs.IsAllocation(term.Tuple{term.Atom("in"), gen.CallMsg{From: from, Request: frequency.AllocateRequest(pid)}}))
	assert.False(t, tracefuncs.IsAllocation(term.Tuple{term.Atom("in"), gen.CastMsg{Request: frequency.AllocateRequest(pid)}}))
}

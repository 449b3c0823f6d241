// Book: chapter 4, "Generic Servers" (ch4/frequency.erl).

package frequency_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/scalability-go/otpbook/ch04/frequency"
	"github.com/scalability-go/otpbook/internal/erltest"
	"github.com/scalability-go/otpbook/otp"
	"github.com/scalability-go/otpbook/otp/genserver"
	"github.com/scalability-go/otpbook/otp/sys"
	"github.com/scalability-go/otpbook/otp/term"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// state returns the server's state as sys:get_state prints it.
func state(t *testing.T, e *erltest.Env) string {
	t.Helper()
	s, err := sys.GetState(e.Self, frequency.Name)
	require.NoError(t, err)
	return term.Write(s)
}

// flat removes the line breaks and indentation of a pretty-printed term.
func flat(s string) string {
	return strings.Join(strings.Fields(strings.ReplaceAll(s, `\n`, "")), "")
}

// The session of the book, step by step, from Go.
func TestSession(t *testing.T) {
	e := erltest.New(t)
	self := e.Self.Self().String()

	// Before start: the call fails with noproc, the casts return.
	_, err := frequency.Allocate(e.Self)
	require.ErrorIs(t, err, genserver.ErrNoproc)
	var ce *genserver.CallError
	require.ErrorAs(t, err, &ce)
	assert.Equal(t, "{noproc,{gen_server,call,[frequency,{allocate,"+self+"}]}}", term.Write(ce.Reason))
	frequency.Deallocate(e.Self, 10)
	frequency.Stop(e.Self)

	pid, err := frequency.Start(e.Self)
	require.NoError(t, err)
	_, err = frequency.Start(e.Self)
	require.ErrorIs(t, err, genserver.ErrAlreadyStarted)
	holder, ok := genserver.AlreadyStarted(err)
	require.True(t, ok)
	assert.Equal(t, pid, holder)
	assert.Equal(t, "{error,{already_started,"+pid.String()+"}}", term.Write(genserver.StartResult(holder, err)))

	for want := 10; want <= 15; want++ {
		f, err := frequency.Allocate(e.Self)
		require.NoError(t, err)
		assert.Equal(t, want, f)
		if want == 11 {
			assert.Equal(t, "{[12,13,14,15],[{11,"+self+"},{10,"+self+"}]}", state(t, e))
		}
	}
	_, err = frequency.Allocate(e.Self)
	assert.Equal(t, frequency.ErrNoFrequency, err)
	assert.EqualError(t, err, "{error,no_frequency}")

	// A double deallocate: 10 is in the pool twice, and the shell prints
	// [10,10] as the string "\n\n".
	frequency.Deallocate(e.Self, 10)
	frequency.Deallocate(e.Self, 10)
	assert.Equal(t, "{[10,10],[{15,"+self+"},{14,"+self+"},{13,"+self+"},{12,"+self+"},{11,"+self+"}]}", state(t, e))
	s, err := sys.GetState(e.Self, frequency.Name)
	require.NoError(t, err)
	assert.True(t, strings.HasPrefix(term.Print(s), `{"\n\n",`), term.Print(s))
	for range 2 {
		f, err := frequency.Allocate(e.Self)
		require.NoError(t, err)
		assert.Equal(t, 10, f)
	}

	// A plain message is ignored.
	e.Self.Send(pid, term.Atom("hello"))
	assert.Equal(t, "{[],[{10,"+self+"},{10,"+self+"},{15,"+self+"},{14,"+self+"},{13,"+self+"},{12,"+self+"},{11,"+self+"}]}", state(t, e))

	// stop: the server ends normal, with no report.
	mref, err := e.Self.Monitor(pid)
	require.NoError(t, err)
	e.Self.Unlink(pid)
	frequency.Stop(e.Self)
	down := e.Recv(t).(otp.DownMsg)
	assert.Equal(t, mref, down.Ref)
	assert.Equal(t, otp.Normal, down.Reason)
	assert.Empty(t, e.Log.Take())
	_, ok = e.Node.WhereIs(frequency.Name)
	assert.False(t, ok)

	// After stop: allocate fails, the casts still return.
	_, err = frequency.Allocate(e.Self)
	assert.ErrorIs(t, err, genserver.ErrNoproc)
	frequency.Deallocate(e.Self, 10)
	frequency.Stop(e.Self)
}

// An unknown cast crashes the server with function_clause, and its error
// report names the last message and shows the state as format_status
// presents it; the linked starter, trapping exits, gets the EXIT.
func TestUnknownCast(t *testing.T) {
	e := erltest.New(t)
	e.Self.TrapExit(true)
	pid, err := frequency.Start(e.Self)
	require.NoError(t, err)
	genserver.Cast(e.Self, frequency.Name, term.Atom("unknown_cast"))
	exit := e.Recv(t).(otp.ExitMsg)
	assert.Equal(t, pid, exit.From)
	assert.Equal(t, term.Atom("function_clause"), exit.Reason.(term.Tuple)[0])
	log := flat(e.Log.Take())
	assert.Contains(t, log, "**Genericserverfrequencyterminating")
	assert.Contains(t, log, "**Lastmessageinwas{'$gen_cast',unknown_cast}")
	assert.Contains(t, log, `**WhenServerstate=={data,[{`)
	assert.Contains(t, log, `{{available,[10,11,12,13,14,15]},{allocated,[]}}}]}`)
	assert.Contains(t, log, "{function_clause,[{frequency,handle_cast,[unknown_cast,{[10,11,12,13,14,15],[]}],[]}")
}

// A linked starter that does not trap exits dies with the server.
func TestLinkedCallerDies(t *testing.T) {
	e := erltest.New(t)
	started := make(chan term.Pid, 1)
	shell := e.Self.Spawn(func(p *otp.Process) {
		pid, err := frequency.Start(p)
		if err != nil {
			return
		}
		started <- pid
		p.Receive()
	})
	pid := <-started
	mref, err := e.Self.Monitor(shell)
	require.NoError(t, err)
	genserver.Cast(e.Self, frequency.Name, term.Atom("unknown_cast"))
	down := e.Recv(t).(otp.DownMsg)
	assert.Equal(t, mref, down.Ref)
	assert.Equal(t, term.Atom("function_clause"), down.Reason.(term.Tuple)[0])
	assert.False(t, e.Node.IsProcessAlive(pid))
}

// And the other way round, as "Linking Behaviours" shows: the starter
// crashes, the server, which does not trap exits, goes with it.
func TestStarterCrashKillsServer(t *testing.T) {
	e := erltest.New(t)
	started := make(chan term.Pid, 1)
	shell := e.Self.Spawn(func(p *otp.Process) {
		pid, err := frequency.Start(p)
		if err != nil {
			return
		}
		started <- pid
		p.Receive()
		otp.Error(term.Atom("badarith"))
	})
	pid := <-started
	_, err := e.Self.Monitor(pid)
	require.NoError(t, err)
	e.Self.Send(shell, term.Atom("crash"))
	down := e.Recv(t).(otp.DownMsg)
	assert.Equal(t, term.Atom("badarith"), down.Reason.(term.Tuple)[0])
	_, ok := e.Node.WhereIs(frequency.Name)
	assert.False(t, ok)
	e.Log.Take()
}

// An unknown call crashes the server, and the caller's call fails with
// the server's reason.
func TestUnknownCall(t *testing.T) {
	e := erltest.New(t)
	e.Self.TrapExit(true)
	pid, err := frequency.Start(e.Self)
	require.NoError(t, err)
	_, err = genserver.Call(e.Self, frequency.Name, term.Atom("bogus"))
	var ce *genserver.CallError
	require.ErrorAs(t, err, &ce)
	assert.True(t, strings.HasPrefix(term.Write(ce.Reason), "{{function_clause,[{frequency,handle_call,[bogus,"), term.Write(ce.Reason))
	assert.True(t, strings.HasSuffix(term.Write(ce.Reason), ",{gen_server,call,[frequency,bogus]}}"), term.Write(ce.Reason))
	exit := e.Recv(t).(otp.ExitMsg)
	assert.Equal(t, pid, exit.From)
	e.Log.Take()
}

// sys:get_status shows the state through format_status.
func TestStatus(t *testing.T) {
	e := erltest.New(t)
	_, err := frequency.Start(e.Self)
	require.NoError(t, err)
	st, err := sys.GetStatus(e.Self, frequency.Name)
	require.NoError(t, err)
	assert.Contains(t, flat(term.Print(st)), `{data,[{"State",{{available,[10,11,12,13,14,15]},{allocated,[]}}}]}`)
	frequency.Stop(e.Self)
}

// The state's own functions, as the server applies them.
func TestState(t *testing.T) {
	pid := term.Pid{}
	s := frequency.State{Free: frequency.Frequencies()}
	s, r := s.Allocate(pid)
	assert.Equal(t, "{ok,10}", term.Write(r))
	s = s.Deallocate(99)
	assert.Equal(t, "{[99,11,12,13,14,15],[{10,"+pid.String()+"}]}", s.String())
	s = s.Deallocate(10)
	assert.Equal(t, "{[10,99,11,12,13,14,15],[]}", s.String())
	empty := frequency.State{}
	_, r = empty.Allocate(pid)
	assert.Equal(t, "{error,no_frequency}", term.Write(r))
	assert.True(t, errors.Is(frequency.ErrNoFrequency, frequency.ErrNoFrequency))
}

// Book: chapter 2, "Processes and Message Passing" (ch2/echo.erl).

package echo_test

import (
	"testing"

	"github.com/scalability-go/otpbook/ch02/echo"
	"github.com/scalability-go/otpbook/internal/erltest"
	"github.com/scalability-go/otpbook/otp"
	"github.com/scalability-go/otpbook/otp/term"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var hello = term.Atom("hello")

// echo:go() prints hello and returns stop; the echo process it started
// has stopped by the time the shell could look.
func TestGo(t *testing.T) {
	e := erltest.New(t)
	assert.Equal(t, echo.Stop, echo.Go(e.Self))
	assert.Equal(t, "hello\n", e.Out.Take())
	assert.Empty(t, e.Self.Flush(), "go leaves nothing behind in the caller's mailbox")
}

func TestModuleGo(t *testing.T) {
	e := erltest.New(t, echo.Module())
	v, exc := e.Call("echo", "go")
	require.Nil(t, exc)
	assert.Equal(t, term.Atom("stop"), v)
	assert.Equal(t, "hello\n", e.Out.Take())
}

// go/0 spawns echo:loop by name: without the module the process dies of
// undef, and go/0 would wait for ever, as in Erlang.
func TestModuleLoopByName(t *testing.T) {
	e := erltest.New(t, echo.Module())
	pid := echo.SpawnByName(e.Self, "echo", "loop", false)
	info, ok := e.Node.ProcessInfo(pid)
	require.True(t, ok)
	assert.Equal(t, echo.LoopMFA, info.InitialCall)
	assert.Equal(t, hello, ask(t, e, pid, hello))

	e.Self.TrapExit(true)
	ghost := echo.SpawnByName(e.Self, "no_such_module", "loop", true)
	exit := e.Recv(t).(otp.ExitMsg)
	assert.Equal(t, ghost, exit.From)
	assert.Contains(t, term.Write(exit.Reason), "{undef,[{no_such_module,loop,[],[]}")
}

// ask sends {self(), msg} to an echo process and returns what it echoed.
func ask(t *testing.T, e *erltest.Env, pid term.Pid, msg term.Term) term.Term {
	t.Helper()
	e.Self.Send(pid, term.Tuple{e.Self.Self(), msg})
	reply, ok := e.Recv(t).(term.Tuple)
	require.True(t, ok)
	require.Len(t, reply, 2)
	require.Equal(t, pid, reply[0], "the reply names the echo process")
	return reply[1]
}

// The manual session: spawn, send, flush; two messages come back in
// order.
func TestSpawnSendFlush(t *testing.T) {
	e := erltest.New(t)
	pid := e.Self.Spawn(echo.Loop)
	e.Self.Send(pid, term.Tuple{e.Self.Self(), hello})
	e.Self.Send(pid, term.Tuple{e.Self.Self(), term.Atom("world")})
	first, second := e.Recv(t), e.Recv(t)
	assert.Equal(t, "{"+pid.String()+",hello}", term.Write(first))
	assert.Equal(t, "{"+pid.String()+",world}", term.Write(second))
}

// A message the loop does not know stays in its mailbox for ever; later
// messages are still answered, and the queue stays at one.
func TestJunkStaysQueued(t *testing.T) {
	e := erltest.New(t)
	pid := e.Self.Spawn(echo.Loop)
	e.Self.Send(pid, term.Atom("junk"))
	assert.Equal(t, hello, ask(t, e, pid, hello))
	info, ok := e.Node.ProcessInfo(pid)
	require.True(t, ok)
	assert.Equal(t, []any{term.Atom("junk")}, info.Messages)
	assert.Equal(t, 1, info.MessageQueueLen)

	for _, junk := range []term.Term{term.Tuple{1, 2, 3}, "stop", term.Atom("other")} {
		e.Self.Send(pid, junk)
	}
	assert.Equal(t, term.Atom("again"), ask(t, e, pid, term.Atom("again")))
	info, _ = e.Node.ProcessInfo(pid)
	assert.Equal(t, 4, info.MessageQueueLen)
	assert.Equal(t, "[junk,{1,2,3},\"stop\",other]", term.Print(term.List(info.Messages)))
}

// stop ends the process normally. A send to its pid afterwards is not an
// error, and nothing comes back.
func TestStopThenSendToDeadPid(t *testing.T) {
	e := erltest.New(t)
	pid := e.Self.Spawn(echo.Loop)
	ref, err := e.Self.Monitor(pid)
	require.NoError(t, err)
	e.Self.Send(pid, echo.Stop)
	down := e.Recv(t).(otp.DownMsg)
	assert.Equal(t, ref, down.Ref)
	assert.Equal(t, otp.Normal, down.Reason)
	assert.False(t, e.Node.IsProcessAlive(pid))

	e.Self.Send(pid, term.Tuple{e.Self.Self(), hello})
	require.NoError(t, e.Self.SendTo(pid, term.Tuple{e.Self.Self(), hello}))
	e.Self.Send(e.Self.Self(), term.Atom("marker"))
	assert.Equal(t, term.Atom("marker"), e.Recv(t), "no reply came before the marker")
}

// Registered names: a name is sent to like a pid; a second process
// cannot take a name in use; once the process has stopped the name is
// free, and a send to it is badarg where a send to a dead pid is silent.
func TestRegisteredName(t *testing.T) {
	e := erltest.New(t)
	pid := e.Self.Spawn(echo.Loop)
	require.NoError(t, e.Node.Register("echo", pid))
	require.NoError(t, e.Self.SendTo(term.Atom("echo"), term.Tuple{e.Self.Self(), hello}))
	assert.Equal(t, term.Tuple{pid, hello}, e.Recv(t))

	other := e.Self.Spawn(echo.Loop)
	assert.ErrorIs(t, e.Node.Register("echo", other), otp.ErrBadarg, "the name is in use")
	e.Self.Send(other, echo.Stop)

	ref, err := e.Self.Monitor(pid)
	require.NoError(t, err)
	require.NoError(t, e.Self.SendTo(term.Atom("echo"), echo.Stop))
	assert.Equal(t, otp.DownMsg{Ref: ref, Type: "process", Item: pid, Reason: otp.Normal}, e.Recv(t))
	_, ok := e.Node.WhereIs("echo")
	assert.False(t, ok, "whereis(echo) is undefined")
	assert.ErrorIs(t, e.Self.SendTo(term.Atom("echo"), echo.Stop), otp.ErrBadarg)
}

// An echo process told to answer a name nobody has crashes with badarg,
// and the node reports the crash.
func TestReplyToUnknownNameCrashes(t *testing.T) {
	e := erltest.New(t)
	pid, ref := e.Self.SpawnMonitor(echo.Loop)
	e.Self.Send(pid, term.Tuple{term.Atom("no_such_name"), hello})
	down := e.Recv(t).(otp.DownMsg)
	assert.Equal(t, ref, down.Ref)
	assert.Equal(t, "{badarg,[{echo,loop,0,[]}]}", term.Write(down.Reason))
	assert.Contains(t, e.Log.Take(), "Error in process "+pid.String())
}

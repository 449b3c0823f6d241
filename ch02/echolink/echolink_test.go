// Book: chapter 2, "Links and Monitors for Supervision" (ch2/echo_link.erl and the Links session).

package echolink_test

import (
	"testing"

	"github.com/scalability-go/otpbook/ch02/echo"
	"github.com/scalability-go/otpbook/ch02/echolink"
	"github.com/scalability-go/otpbook/internal/erltest"
	"github.com/scalability-go/otpbook/otp"
	"github.com/scalability-go/otpbook/otp/term"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var hello = term.Atom("hello")

func TestGo(t *testing.T) {
	e := erltest.New(t)
	assert.Equal(t, echo.Stop, echolink.Go(e.Self))
	assert.Equal(t, "hello\n", e.Out.Take())
	// The echo process stopped normally: the caller lives on, and, not
	// trapping exits, has no message about it.
	assert.Empty(t, e.Self.Flush())
}

func TestModuleGo(t *testing.T) {
	e := erltest.New(t, echo.Module(), echolink.Module())
	e.Self.TrapExit(true)
	v, exc := e.Call("echo_link", "go")
	require.Nil(t, exc)
	assert.Equal(t, term.Atom("stop"), v)
	assert.Equal(t, "hello\n", e.Out.Take())
	exit := e.Recv(t).(otp.ExitMsg)
	assert.Equal(t, otp.Normal, exit.Reason, "a trapping caller hears of the normal end")
}

// Without the module echo, the linked process dies of undef, and takes
// its caller with it.
func TestModuleGoNeedsEcho(t *testing.T) {
	e := erltest.New(t, echolink.Module())
	shell, _ := e.Self.SpawnMonitor(func(p *otp.Process) {
		e := &erltest.Env{Node: p.Node(), Self: p}
		e.Call("echo_link", "go")
	})
	reason := e.Recv(t).(otp.DownMsg)
	assert.Equal(t, shell, reason.Item)
	assert.Contains(t, term.Write(reason.Reason), "{undef,[{echo,loop,[],[]}")
}

// shell runs body in a process that does not trap exits, as the book's
// shell does, and returns the reason it ends with. body returns a value
// the shell sends the test before it ends normally.
func shell(t *testing.T, e *erltest.Env, body func(p *otp.Process) any) (reason term.Term, said []any) {
	t.Helper()
	test := e.Self.Self()
	pid, ref := e.Self.SpawnMonitor(func(p *otp.Process) {
		v := body(p)
		p.Send(test, v)
	})
	for {
		m := e.Recv(t)
		if d, ok := m.(otp.DownMsg); ok && d.Ref == ref {
			require.Equal(t, pid, d.Item)
			return d.Reason, said
		}
		said = append(said, m)
	}
}

// 1. An echo process told to answer a name nobody has dies of badarg; the
// shell, linked to it, dies with the same reason.
func TestLinkedCrashKillsTheShell(t *testing.T) {
	e := erltest.New(t)
	reason, said := shell(t, e, func(p *otp.Process) any {
		pid := p.Spawn(echo.Loop)
		if err := p.Link(pid); err != nil {
			return err
		}
		p.Send(pid, term.Tuple{term.Atom("no_such_name"), hello})
		return p.Receive() // the exit signal ends the shell here
	})
	assert.Equal(t, "{badarg,[{echo,loop,0,[]}]}", term.Write(reason))
	assert.Empty(t, said)
	assert.Contains(t, e.Log.Take(), "Error in process", "the echo process's crash is reported")
}

// 2. exit(Pid, kill) kills the echo process; its links get killed, not
// kill, and the shell dies of it.
func TestKillReachesLinksAsKilled(t *testing.T) {
	e := erltest.New(t)
	reason, _ := shell(t, e, func(p *otp.Process) any {
		pid := p.SpawnLink(echo.Loop)
		p.SendExit(pid, otp.Kill)
		return p.Receive()
	})
	assert.Equal(t, otp.Killed, reason)
}

// 3. exit(Pid, normal) is ignored by a process that does not trap exits,
// and a linked process that ends normally does not take the shell with it.
func TestNormalIsIgnored(t *testing.T) {
	e := erltest.New(t)
	reason, said := shell(t, e, func(p *otp.Process) any {
		pid := p.SpawnLink(echo.Loop)
		p.SendExit(pid, otp.Normal)
		p.Send(pid, term.Tuple{p.Self(), hello})
		reply := p.Receive()
		p.Monitor(pid)
		p.Send(pid, echo.Stop)
		down := p.Receive().(otp.DownMsg)
		return term.Tuple{reply, down.Reason}
	})
	assert.Equal(t, otp.Normal, reason)
	require.Len(t, said, 1)
	assert.Equal(t, "hello", term.Write(said[0].(term.Tuple)[0].(term.Tuple)[1]), "still echoing after exit(Pid, normal)")
	assert.Equal(t, otp.Normal, said[0].(term.Tuple)[1])
}

// 4. A shell that traps exits gets the three ends as messages instead.
func TestTrappedExitsAreMessages(t *testing.T) {
	e := erltest.New(t)
	e.Self.TrapExit(true)

	crasher := e.Self.SpawnLink(echo.Loop)
	e.Self.Send(crasher, term.Tuple{term.Atom("no_such_name"), hello})
	exit := e.Recv(t).(otp.ExitMsg)
	assert.Equal(t, crasher, exit.From)
	assert.Equal(t, "{badarg,[{echo,loop,0,[]}]}", term.Write(exit.Reason))

	stopper := e.Self.SpawnLink(echo.Loop)
	e.Self.Send(stopper, echo.Stop)
	assert.Equal(t, otp.ExitMsg{From: stopper, Reason: otp.Normal}, e.Recv(t))

	killed := e.Self.SpawnLink(echo.Loop)
	e.Self.SendExit(killed, otp.Kill)
	assert.Equal(t, otp.ExitMsg{From: killed, Reason: otp.Killed}, e.Recv(t))
	assert.Equal(t, "{'EXIT',"+killed.String()+",killed}", term.Write(otp.ExitMsg{From: killed, Reason: otp.Killed}.Term()))
	assert.True(t, e.Node.IsProcessAlive(e.Self.Self()))
}

// 5. Linking to a process that no longer exists is noproc: an error for a
// process that does not trap exits, an {'EXIT', Pid, noproc} message for
// one that does.
func TestLinkToDeadPid(t *testing.T) {
	e := erltest.New(t)
	pid := e.Self.Spawn(echo.Loop)
	ref, _ := e.Self.Monitor(pid)
	e.Self.Send(pid, echo.Stop)
	require.Equal(t, ref, e.Recv(t).(otp.DownMsg).Ref)

	assert.ErrorIs(t, e.Self.Link(pid), otp.ErrNoproc)
	e.Self.TrapExit(true)
	require.NoError(t, e.Self.Link(pid))
	assert.Equal(t, otp.ExitMsg{From: pid, Reason: otp.Noproc}, e.Recv(t))
}

package otp_test

// Conformance cases of section 4 (SIG): exit signals and trap_exit.

import (
	"testing"
	"testing/synctest"
	"time"

	"github.com/scalability-go/otpbook/otp"
	"github.com/scalability-go/otpbook/otp/term"
	"github.com/stretchr/testify/require"
)

// fwd is a message a forwarder received, sent on to the test.
type fwd struct{ Msg any }

// forwarder is the body of a process that sets trap_exit to trap,
// reports {ready, Self} to report and then forwards every message it
// receives to report, wrapped in fwd.
func forwarder(report term.Pid, trap bool) func(*otp.Process) {
	return func(q *otp.Process) {
		q.TrapExit(trap)
		q.Send(report, pidMsg{Tag: "ready", Pid: q.Self()})
		for {
			q.Send(report, fwd{q.Receive()})
		}
	}
}

// spawnForwarder spawns a forwarder and waits until it is ready.
func spawnForwarder(t *testing.T, p *otp.Process, trap bool) term.Pid {
	t.Helper()
	pid := p.Spawn(forwarder(p.Self(), trap))
	require.Equal(t, pid, recvPid(t, p, "ready"))
	return pid
}

// SIG-01: exit(P, normal) to a P that does not trap exits leaves it
// alive: it is still alive, and no message reached it, 1 s later.
func TestSIG01ExitNormalIgnored(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		n, p := newNode(t)
		fw := spawnForwarder(t, p, false)
		ref := monitor(t, p, fw)
		start := time.Now()
		p.SendExit(fw, otp.Normal)
		msg, ok := p.ReceiveTimeout(time.Second)
		require.False(t, ok, "got %v", msg) // neither a DOWN nor a forwarded EXIT
		require.Equal(t, time.Second, time.Since(start))
		require.True(t, n.IsProcessAlive(fw))
		p.Send(fw, term.Atom("ping"))
		require.Equal(t, fwd{term.Atom("ping")}, recv(t, p))
		require.True(t, p.Demonitor(ref, otp.Flush, otp.Info))
	})
}

// SIG-02: exit(P, normal) to a trapping P reaches it as
// {'EXIT', Sender, normal}, Sender the caller of exit/2.
func TestSIG02ExitNormalTrapped(t *testing.T) {
	n, p := newNode(t)
	fw := spawnForwarder(t, p, true)
	p.SendExit(fw, otp.Normal)
	require.Equal(t, fwd{otp.ExitMsg{From: p.Self(), Reason: otp.Normal}}, recv(t, p))

	// From another process, the sender is that process.
	sender := p.Spawn(func(s *otp.Process) { s.SendExit(fw, otp.Normal) })
	require.Equal(t, fwd{otp.ExitMsg{From: sender, Reason: otp.Normal}}, recv(t, p))
	require.True(t, n.IsProcessAlive(fw))
	requireEmpty(t, p)
}

// SIG-03: an unlinked process sends exit(P, custom) to a trapping P, which
// receives {'EXIT', Sender, custom}; large reasons arrive intact.
func TestSIG03ExitSignalWithoutLink(t *testing.T) {
	n, p := newNode(t)
	fw := spawnForwarder(t, p, true)
	for _, reason := range []term.Term{term.Atom("custom"), largeTerm()} {
		sender := p.Spawn(func(s *otp.Process) { s.SendExit(fw, reason) })
		msg := recv(t, p)
		require.Equal(t, fwd{otp.ExitMsg{From: sender, Reason: reason}}, msg)
	}
	p.SendExit(fw, largeTerm())
	require.Equal(t, fwd{otp.ExitMsg{From: p.Self(), Reason: largeTerm()}}, recv(t, p))
	info, ok := n.ProcessInfo(fw)
	require.True(t, ok)
	require.Empty(t, info.Links)
	requireEmpty(t, p)
}

// SIG-04: kill sent with exit/2 ends a trapping process, whether another
// process sends it or the process sends it itself; a monitor reports
// killed.
func TestSIG04KillIsUntrappable(t *testing.T) {
	t.Run("from another process", func(t *testing.T) {
		n, p := newNode(t)
		fw := spawnForwarder(t, p, true)
		ref := monitor(t, p, fw)
		p.SendExit(fw, otp.Kill)
		require.Equal(t, otp.DownMsg{Ref: ref, Type: "process", Item: fw, Reason: otp.Killed}, recvDown(t, p, ref))
		require.False(t, n.IsProcessAlive(fw))
		requireEmpty(t, p) // no forwarded {'EXIT', _, kill}
	})
	t.Run("from itself", func(t *testing.T) {
		n, p := newNode(t)
		me := p.Self()
		child, ref := p.SpawnMonitor(func(c *otp.Process) {
			c.TrapExit(true)
			c.SendExit(c.Self(), otp.Kill)
			c.Send(me, term.Tuple{term.Atom("after"), c.Flush()})
		})
		require.Equal(t, otp.DownMsg{Ref: ref, Type: "process", Item: child, Reason: otp.Killed}, recvDown(t, p, ref))
		require.False(t, n.IsProcessAlive(child))
		requireEmpty(t, p) // no 'after'
	})
}

// SIG-05: a trapping process linked to P that sends exit(P, kill) receives
// {'EXIT', P, killed}, not kill.
func TestSIG05KillReachesLinksAsKilled(t *testing.T) {
	n, p := newNode(t)
	p.TrapExit(true)
	me := p.Self()
	child := p.SpawnLink(func(c *otp.Process) {
		c.TrapExit(true)
		c.Send(me, pidMsg{Tag: "ready", Pid: c.Self()})
		waitForever(c)
	})
	require.Equal(t, child, recvPid(t, p, "ready"))
	p.SendExit(child, otp.Kill)
	require.Equal(t, otp.ExitMsg{From: child, Reason: otp.Killed}, recv(t, p))
	require.False(t, n.IsProcessAlive(child))
	requireEmpty(t, p)
}

// SIG-06: a process that calls exit(kill) ends with reason kill; linked
// processes that do not trap exits die with kill, not killed, and pass
// kill on as an ordinary reason.
func TestSIG06ExitKillFromSelf(t *testing.T) {
	_, p := newNode(t)
	me := p.Self()
	kill := term.Atom("kill")
	// Y - X - K, none trapping exits.
	x := p.Spawn(func(x *otp.Process) {
		k := x.SpawnLink(func(k *otp.Process) {
			k.Receive()
			otp.Exit(kill)
		})
		x.Send(me, pidMsg{Tag: "k", Pid: k})
		waitForever(x)
	})
	k := recvPid(t, p, "k")
	y := p.Spawn(linkTo(me, x))
	require.Equal(t, pidMsg{Tag: "linked", Pid: y}, recv(t, p))
	refK, refX, refY := monitor(t, p, k), monitor(t, p, x), monitor(t, p, y)

	p.Send(k, term.Atom("go"))
	require.Equal(t, otp.DownMsg{Ref: refK, Type: "process", Item: k, Reason: kill}, recvDown(t, p, refK))
	require.Equal(t, otp.DownMsg{Ref: refX, Type: "process", Item: x, Reason: kill}, recvDown(t, p, refX))
	require.Equal(t, otp.DownMsg{Ref: refY, Type: "process", Item: y, Reason: kill}, recvDown(t, p, refY))
	requireEmpty(t, p)
}

// SIG-07: a trapping process linked to one that calls exit(kill) survives
// and receives {'EXIT', Pid, kill}.
func TestSIG07TrapExitKillFromLink(t *testing.T) {
	n, p := newNode(t)
	p.TrapExit(true)
	child := p.SpawnLink(func(c *otp.Process) {
		c.Receive()
		otp.Exit(otp.Kill)
	})
	p.Send(child, term.Atom("go"))
	require.Equal(t, otp.ExitMsg{From: child, Reason: otp.Kill}, recv(t, p))
	require.True(t, n.IsProcessAlive(p.Self()))
	requireEmpty(t, p)
}

// SIG-08: when the end of a chain of processes that do not trap exits is
// killed, by exit(self(), kill) or by exit(End, kill) from outside, every
// process of the chain dies with killed, and the trapping process linked
// to the head gets {'EXIT', Head, killed}.
func TestSIG08KillPropagatesAsKilled(t *testing.T) {
	for _, tc := range []struct {
		name     string
		external bool
	}{
		{"exit(self(), kill)", false},
		{"exit(End, kill)", true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, p := newNode(t)
			p.TrapExit(true)
			pids := spawnChain(t, p, 4, func(e *otp.Process) {
				e.Receive()
				e.SendExit(e.Self(), otp.Kill)
			})
			refs := make([]term.Ref, len(pids))
			for i, pid := range pids {
				refs[i] = monitor(t, p, pid)
			}
			end := pids[len(pids)-1]
			if tc.external {
				p.SendExit(end, otp.Kill)
			} else {
				p.Send(end, term.Atom("go"))
			}
			for i := len(pids) - 1; i >= 0; i-- {
				require.Equal(t, otp.DownMsg{Ref: refs[i], Type: "process", Item: pids[i], Reason: otp.Killed},
					recvDown(t, p, refs[i]), "process %d of the chain", i)
			}
			require.Equal(t, otp.ExitMsg{From: pids[0], Reason: otp.Killed}, recvExit(t, p, pids[0]))
			requireEmpty(t, p)
		})
	}
}

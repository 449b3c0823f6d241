package otp_test

// Conformance cases of section 3 (LINK): links.

import (
	"testing"

	"github.com/scalability-go/otpbook/otp"
	"github.com/scalability-go/otpbook/otp/term"
	"github.com/stretchr/testify/require"
)

// linkTo is the body of a process that links to pid, reports
// {linked, Self} (or the error) to report, and waits.
func linkTo(report, pid term.Pid) func(*otp.Process) {
	return func(q *otp.Process) {
		if err := q.Link(pid); err != nil {
			q.Send(report, err)
			return
		}
		q.Send(report, pidMsg{Tag: "linked", Pid: q.Self()})
		waitForever(q)
	}
}

// LINK-01: B links to A from B's side; A is killed; the trapping test
// process, also linked to A, gets {'EXIT', A, killed}, and B, linked
// through its own link/1, dies with killed: links go both ways.
func TestLINK01LinksAreBidirectional(t *testing.T) {
	n, p := newNode(t)
	p.TrapExit(true)
	a := p.SpawnLink(waitForever)
	b := p.Spawn(linkTo(p.Self(), a))
	require.Equal(t, pidMsg{Tag: "linked", Pid: b}, recv(t, p))
	info, ok := n.ProcessInfo(a)
	require.True(t, ok)
	require.ElementsMatch(t, []term.Pid{p.Self(), b}, info.Links)
	refB := monitor(t, p, b)

	p.SendExit(a, otp.Kill)
	require.Equal(t, otp.ExitMsg{From: a, Reason: otp.Killed}, recvExit(t, p, a))
	require.Equal(t, otp.DownMsg{Ref: refB, Type: "process", Item: b, Reason: otp.Killed}, recvDown(t, p, refB))
	requireEmpty(t, p)
}

// survived is what a process that outlived a linked partner reports.
type survived struct {
	Down otp.DownMsg
	Rest []any // what else its mailbox held
}

// LINK-02: a process that does not trap exits dies with the reason of a
// linked partner that exits with boom, and stays alive when the partner
// exits normal.
func TestLINK02LinkedPartnerExit(t *testing.T) {
	boom := term.Atom("boom")
	t.Run("boom", func(t *testing.T) {
		_, p := newNode(t)
		me := p.Self()
		x := p.Spawn(func(x *otp.Process) {
			y := x.SpawnLink(func(y *otp.Process) {
				y.Receive()
				otp.Exit(boom)
			})
			x.Send(me, pidMsg{Tag: "y", Pid: y})
			waitForever(x)
		})
		y := recvPid(t, p, "y")
		refX, refY := monitor(t, p, x), monitor(t, p, y)
		p.Send(y, term.Atom("go"))
		require.Equal(t, otp.DownMsg{Ref: refY, Type: "process", Item: y, Reason: boom}, recvDown(t, p, refY))
		require.Equal(t, otp.DownMsg{Ref: refX, Type: "process", Item: x, Reason: boom}, recvDown(t, p, refX))
		requireEmpty(t, p)
	})
	t.Run("normal", func(t *testing.T) {
		n, p := newNode(t)
		me := p.Self()
		x := p.Spawn(func(x *otp.Process) {
			y, ref := x.SpawnOpt(func(y *otp.Process) {
				y.Receive()
			}, otp.SpawnOptions{Link: true, Monitor: true})
			x.Send(me, pidMsg{Tag: "y", Pid: y})
			down, _ := x.ReceiveMatch(func(m any) bool {
				d, ok := m.(otp.DownMsg)
				return ok && d.Ref == ref
			}, otp.Infinity)
			x.Send(me, survived{Down: down.(otp.DownMsg), Rest: x.Flush()})
			x.Send(me, term.Tuple{term.Atom("pong"), x.Receive()})
		})
		y := recvPid(t, p, "y")
		refX := monitor(t, p, x)
		p.Send(y, term.Atom("go"))
		msg := recvMatch(t, p, func(m any) bool { _, ok := m.(survived); return ok })
		s := msg.(survived)
		require.Equal(t, otp.Normal, s.Down.Reason)
		require.Equal(t, y, s.Down.Item)
		require.Empty(t, s.Rest, "no EXIT message for a process that does not trap exits")
		require.True(t, n.IsProcessAlive(x))
		p.Send(x, term.Atom("ping"))
		require.Equal(t, term.Tuple{term.Atom("pong"), term.Atom("ping")}, recv(t, p))
		require.Equal(t, otp.Normal, recvDown(t, p, refX).Reason)
		requireEmpty(t, p)
	})
}

// LINK-03: in a chain A-B-C of processes that do not trap exits, C exits
// with R; B and A die with R, and the trapping observer linked to A gets
// {'EXIT', A, R}.
func TestLINK03ChainPropagation(t *testing.T) {
	_, p := newNode(t)
	p.TrapExit(true)
	r := term.Tuple{term.Atom("chain_broken"), 3}
	pids := spawnChain(t, p, 3, func(c *otp.Process) {
		otp.Exit(c.Receive())
	})
	a, b, c := pids[0], pids[1], pids[2]
	refA, refB, refC := monitor(t, p, a), monitor(t, p, b), monitor(t, p, c)
	p.Send(c, r)
	require.Equal(t, otp.DownMsg{Ref: refC, Type: "process", Item: c, Reason: r}, recvDown(t, p, refC))
	require.Equal(t, otp.DownMsg{Ref: refB, Type: "process", Item: b, Reason: r}, recvDown(t, p, refB))
	require.Equal(t, otp.DownMsg{Ref: refA, Type: "process", Item: a, Reason: r}, recvDown(t, p, refA))
	require.Equal(t, otp.ExitMsg{From: a, Reason: r}, recvExit(t, p, a))
	requireEmpty(t, p)
}

// LINK-05: a trapping process that links to a dead local pid gets true
// (no error) and {'EXIT', Dead, noproc}. One that does not trap exits
// gets noproc (ErrNoproc) and no message.
func TestLINK05LinkToDeadPid(t *testing.T) {
	deadPid := func(t *testing.T, p *otp.Process) term.Pid {
		dead, ref := p.SpawnMonitor(func(*otp.Process) {})
		require.Equal(t, otp.Normal, recvDown(t, p, ref).Reason)
		return dead
	}
	t.Run("trapping", func(t *testing.T) {
		n, p := newNode(t)
		dead := deadPid(t, p)
		p.TrapExit(true)
		require.NoError(t, p.Link(dead))
		require.Equal(t, otp.ExitMsg{From: dead, Reason: otp.Noproc}, recv(t, p))
		requireEmpty(t, p)
		info, ok := n.ProcessInfo(p.Self())
		require.True(t, ok)
		require.Empty(t, info.Links)
	})
	t.Run("not trapping", func(t *testing.T) {
		n, p := newNode(t)
		dead := deadPid(t, p)
		require.ErrorIs(t, p.Link(dead), otp.ErrNoproc)
		require.True(t, n.IsProcessAlive(p.Self()))
		requireEmpty(t, p)
		info, ok := n.ProcessInfo(p.Self())
		require.True(t, ok)
		require.Empty(t, info.Links)
	})
}

// LINK-07: after unlink(P), P's exit sends nothing: a trapping caller
// gets no EXIT message, and one that does not trap exits survives P's
// abnormal exit.
func TestLINK07UnlinkBeforeExit(t *testing.T) {
	boom := term.Atom("boom")
	exitOnMessage := func(q *otp.Process) { otp.Exit(q.Receive()) }
	t.Run("trapping", func(t *testing.T) {
		n, p := newNode(t)
		p.TrapExit(true)
		child := p.SpawnLink(exitOnMessage)
		p.Unlink(child)
		for _, pid := range []term.Pid{p.Self(), child} {
			info, ok := n.ProcessInfo(pid)
			require.True(t, ok)
			require.Empty(t, info.Links, "links of %v", pid)
		}
		ref := monitor(t, p, child)
		p.Send(child, boom)
		require.Equal(t, otp.DownMsg{Ref: ref, Type: "process", Item: child, Reason: boom}, recvDown(t, p, ref))
		requireEmpty(t, p) // no {'EXIT', Child, boom}
	})
	t.Run("not trapping", func(t *testing.T) {
		n, p := newNode(t)
		me := p.Self()
		x := p.Spawn(func(x *otp.Process) {
			child := x.SpawnLink(exitOnMessage)
			x.Unlink(child)
			ref, _ := x.Monitor(child)
			x.Send(child, boom)
			down, _ := x.ReceiveMatch(func(m any) bool {
				d, ok := m.(otp.DownMsg)
				return ok && d.Ref == ref
			}, otp.Infinity)
			x.Send(me, survived{Down: down.(otp.DownMsg), Rest: x.Flush()})
			x.Send(me, term.Tuple{term.Atom("pong"), x.Receive()})
		})
		refX := monitor(t, p, x)
		msg := recvMatch(t, p, func(m any) bool { _, ok := m.(survived); return ok })
		s := msg.(survived)
		require.Equal(t, boom, s.Down.Reason)
		require.Empty(t, s.Rest)
		require.True(t, n.IsProcessAlive(x))
		p.Send(x, term.Atom("ping"))
		require.Equal(t, term.Tuple{term.Atom("pong"), term.Atom("ping")}, recv(t, p))
		require.Equal(t, otp.Normal, recvDown(t, p, refX).Reason)
		requireEmpty(t, p)
	})
}

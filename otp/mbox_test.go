package otp_test

// Conformance cases of section 2 (MBOX): mailboxes and selective receive.

import (
	"testing"
	"testing/synctest"
	"time"

	"github.com/scalability-go/otpbook/otp"
	"github.com/scalability-go/otpbook/otp/term"
	"github.com/stretchr/testify/require"
)

// is returns a match function that accepts msg only.
func is(msg any) func(any) bool {
	return func(m any) bool { return m == msg }
}

// seqMsg is a message numbered by its sender.
type seqMsg struct {
	From term.Pid
	N    int
}

// MBOX-01: messages from one sender arrive in the order they were sent;
// there is no order between senders, but each sender's own order holds.
func TestMBOX01OrderPerSender(t *testing.T) {
	t.Run("one sender", func(t *testing.T) {
		_, p := newNode(t)
		me := p.Self()
		p.Spawn(func(a *otp.Process) {
			a.Send(me, term.Atom("m1"))
			a.Send(me, term.Atom("m2"))
			a.Send(me, term.Atom("m3"))
		})
		require.Equal(t, term.Atom("m1"), recv(t, p))
		require.Equal(t, term.Atom("m2"), recv(t, p))
		require.Equal(t, term.Atom("m3"), recv(t, p))
		requireEmpty(t, p)
	})
	t.Run("several senders", func(t *testing.T) {
		_, p := newNode(t)
		me := p.Self()
		const senders, each = 4, 2000
		for range senders {
			p.Spawn(func(a *otp.Process) {
				for i := range each {
					a.Send(me, seqMsg{From: a.Self(), N: i})
				}
			})
		}
		next := map[term.Pid]int{}
		for range senders * each {
			m, ok := recv(t, p).(seqMsg)
			require.True(t, ok)
			require.Equal(t, next[m.From], m.N, "message from %v out of order", m.From)
			next[m.From]++
		}
		require.Len(t, next, senders)
		requireEmpty(t, p)
	})
}

// MBOX-02: a selective receive takes the matching message and leaves the
// others in their order.
func TestMBOX02SelectiveReceiveKeepsOrder(t *testing.T) {
	_, p := newNode(t)
	a, b, c := term.Atom("a"), term.Atom("b"), term.Atom("c")
	p.Send(p.Self(), a)
	p.Send(p.Self(), b)
	p.Send(p.Self(), c)
	require.Equal(t, b, recvMatch(t, p, is(b)))
	require.Equal(t, []any{a, c}, p.Flush())
}

// MBOX-03: receive ... after 0 on an empty mailbox times out at once; a
// matching message already queued wins over the timeout.
func TestMBOX03AfterZero(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		_, p := newNode(t)
		x, y := term.Atom("x"), term.Atom("y")
		start := time.Now()
		msg, ok := p.ReceiveMatch(is(x), 0)
		require.False(t, ok)
		require.Nil(t, msg)
		require.Zero(t, time.Since(start))

		// A message that does not match does not stop the timeout.
		p.Send(p.Self(), y)
		_, ok = p.ReceiveMatch(is(x), 0)
		require.False(t, ok)
		require.Zero(t, time.Since(start))

		// A matching message that is queued wins.
		p.Send(p.Self(), x)
		msg, ok = p.ReceiveMatch(is(x), 0)
		require.True(t, ok)
		require.Equal(t, x, msg)
		require.Zero(t, time.Since(start))
		require.Equal(t, []any{y}, p.Flush())
	})
}

// MBOX-04: a message that does not match, arriving while a receive with
// after 200 waits, does not restart the timer: the receive times out 200
// ms after it started, not 300.
func TestMBOX04AfterNotRestarted(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		n, p := newNode(t)
		x, y := term.Atom("x"), term.Atom("y")
		_, err := n.SendAfter(100*time.Millisecond, p.Self(), y)
		require.NoError(t, err)
		start := time.Now()
		msg, ok := p.ReceiveMatch(is(x), 200*time.Millisecond)
		require.False(t, ok)
		require.Nil(t, msg)
		require.Equal(t, 200*time.Millisecond, time.Since(start))
		require.Equal(t, []any{y}, p.Flush())
	})
}

// MBOX-06: sending to a dead pid, or to {Name, Node} where nobody has the
// name (on this node or another), raises nothing; the message is dropped.
func TestMBOX06SendToDeadOrUnknownIsSilent(t *testing.T) {
	n, p := newNode(t)
	dead, ref := p.SpawnMonitor(func(*otp.Process) {})
	recvDown(t, p, ref)
	require.False(t, n.IsProcessAlive(dead))

	msg := term.Atom("lost")
	require.NotPanics(t, func() { p.Send(dead, msg) })
	require.NoError(t, p.SendTo(dead, msg))
	require.NoError(t, p.SendTo(term.Tuple{term.Atom("nobody"), n.Name()}, msg))
	require.NoError(t, p.SendTo(term.Tuple{term.Atom("nobody"), term.Atom("other@nowhere")}, msg))
	requireEmpty(t, p)

	// Contrast: {Name, Node} with a registered local name delivers.
	require.NoError(t, n.Register("me", p.Self()))
	require.NoError(t, p.SendTo(term.Tuple{term.Atom("me"), n.Name()}, term.Atom("found")))
	require.Equal(t, []any{term.Atom("found")}, p.Flush())
}

// MBOX-07: Name ! Msg to an atom that is not registered raises badarg,
// also when the name's process has ended.
func TestMBOX07SendToUnregisteredNameIsBadarg(t *testing.T) {
	n, p := newNode(t)
	err := p.SendTo(term.Atom("nobody"), term.Atom("m"))
	require.ErrorIs(t, err, otp.ErrBadarg)

	child, ref := p.SpawnMonitor(func(c *otp.Process) { waitForever(c) })
	require.NoError(t, n.Register("gone", child))
	require.NoError(t, p.SendTo(term.Atom("gone"), term.Atom("m")))
	p.SendExit(child, otp.Kill)
	require.Equal(t, otp.Killed, recvDown(t, p, ref).Reason)
	err = p.SendTo(term.Atom("gone"), term.Atom("m"))
	require.ErrorIs(t, err, otp.ErrBadarg)
	requireEmpty(t, p)
}

// MBOX-08: the messages a process sends before it ends come before its
// exit signal: a trapping linked parent's mailbox holds exactly
// [m1, m2, {'EXIT', P, bye}], a monitoring one's [m1, m2, {'DOWN', ...}].
func TestMBOX08MessagesBeforeExitSignal(t *testing.T) {
	bye := term.Atom("bye")
	m1, m2 := term.Atom("m1"), term.Atom("m2")
	body := func(me term.Pid) func(*otp.Process) {
		return func(c *otp.Process) {
			c.Send(me, m1)
			c.Send(me, m2)
			otp.Exit(bye)
		}
	}
	t.Run("link", func(t *testing.T) {
		synctest.Test(t, func(t *testing.T) {
			_, p := newNode(t)
			p.TrapExit(true)
			child := p.SpawnLink(body(p.Self()))
			synctest.Wait() // the child has ended
			require.Equal(t, []any{m1, m2, otp.ExitMsg{From: child, Reason: bye}}, p.Flush())
		})
	})
	t.Run("monitor", func(t *testing.T) {
		synctest.Test(t, func(t *testing.T) {
			_, p := newNode(t)
			child, ref := p.SpawnMonitor(body(p.Self()))
			synctest.Wait() // the child has ended
			require.Equal(t, []any{m1, m2, otp.DownMsg{Ref: ref, Type: "process", Item: child, Reason: bye}}, p.Flush())
		})
	})
	t.Run("link, many messages", func(t *testing.T) {
		_, p := newNode(t)
		p.TrapExit(true)
		me := p.Self()
		const count = 1000
		child := p.SpawnLink(func(c *otp.Process) {
			for i := range count {
				c.Send(me, i)
			}
			otp.Exit(bye)
		})
		for i := range count {
			require.Equal(t, i, recv(t, p))
		}
		require.Equal(t, otp.ExitMsg{From: child, Reason: bye}, recv(t, p))
		requireEmpty(t, p)
	})
}

package otp_test

import (
	"testing"
	"testing/synctest"
	"time"

	"github.com/scalability-go/otpbook/otp"
	"github.com/scalability-go/otpbook/otp/term"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Conformance cases of section 7 (TMR) of conformance.md. Time is their
// subject: they run in a synctest bubble, where it is exact.

// TMR-01: erlang:send_after(50, self(), ping) → a reference; ping
// (unwrapped) arrives after 50 ms.
func TestTMR01SendAfter(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		n := mtNode(t)
		self := mtSelf(t, n)
		start := time.Now()
		ref, err := n.SendAfter(50*time.Millisecond, self.Self(), term.Atom("ping"))
		require.NoError(t, err)
		left, ok := n.ReadTimer(ref)
		require.True(t, ok)
		assert.Equal(t, 50*time.Millisecond, left)

		// Nothing before 50 ms ...
		_, ok = self.ReceiveTimeout(49 * time.Millisecond)
		assert.False(t, ok, "the message came early")
		left, ok = n.ReadTimer(ref)
		require.True(t, ok)
		assert.Equal(t, time.Millisecond, left)

		// ... and the bare message at 50 ms.
		msg := mtRecv(t, self)
		assert.Equal(t, term.Atom("ping"), msg)
		assert.Equal(t, 50*time.Millisecond, time.Since(start))
		_, ok = n.ReadTimer(ref)
		assert.False(t, ok, "an expired timer is gone")
	})
}

// TMR-02: erlang:start_timer(20, self(), ping) → TRef; the message is
// {timeout, TRef, ping}.
func TestTMR02StartTimer(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		n := mtNode(t)
		self := mtSelf(t, n)
		start := time.Now()
		tref, err := n.StartTimer(20*time.Millisecond, self.Self(), term.Atom("ping"))
		require.NoError(t, err)
		msg := mtRecv(t, self)
		assert.Equal(t, 20*time.Millisecond, time.Since(start))
		require.Equal(t, otp.TimeoutMsg{Ref: tref, Msg: term.Atom("ping")}, msg)
		assert.True(t, term.Exact(term.Tuple{term.Atom("timeout"), tref, term.Atom("ping")}, msg.(otp.TimeoutMsg).Term()))
	})
}

// TMR-03: a 1000 ms timer cancelled at once → the remaining time (here
// exactly 1000 ms); a second cancel → false; no message arrives.
func TestTMR03CancelTimer(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		n := mtNode(t)
		self := mtSelf(t, n)
		start := time.Now()
		tref, err := n.StartTimer(1000*time.Millisecond, self.Self(), term.Atom("ping"))
		require.NoError(t, err)

		left, ok := n.CancelTimer(tref)
		require.True(t, ok)
		assert.Equal(t, 1000*time.Millisecond, left)
		_, ok = n.CancelTimer(tref)
		assert.False(t, ok, "a second cancel")
		_, ok = n.ReadTimer(tref)
		assert.False(t, ok)

		msg, ok := self.ReceiveTimeout(5 * time.Second)
		assert.False(t, ok, "a cancelled timer sent %v", msg)
		assert.Equal(t, 5*time.Second, time.Since(start))

		// Cancelled later, the timer tells the time that was left.
		ref, err := n.SendAfter(time.Second, self.Self(), term.Atom("pong"))
		require.NoError(t, err)
		_, ok = self.ReceiveTimeout(300 * time.Millisecond)
		require.False(t, ok)
		left, ok = n.CancelTimer(ref)
		require.True(t, ok)
		assert.Equal(t, 700*time.Millisecond, left)
		_, ok = self.ReceiveTimeout(5 * time.Second)
		assert.False(t, ok)
	})
}

// TMR-04: a 10 ms timer has expired, then cancel_timer(TRef) → false, and
// the message is still in the mailbox.
func TestTMR04CancelExpiredTimer(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		n := mtNode(t)
		self := mtSelf(t, n)
		tref, err := n.SendAfter(10*time.Millisecond, self.Self(), term.Atom("ping"))
		require.NoError(t, err)
		self.Sleep(20 * time.Millisecond) // leaves messages queued

		_, ok := n.CancelTimer(tref)
		assert.False(t, ok)
		msg, ok := self.ReceiveTimeout(0)
		require.True(t, ok, "cancelling an expired timer removed its message")
		assert.Equal(t, term.Atom("ping"), msg)
	})
}

// TMR-09: receive x -> ... after 100 -> ok end with no matching message →
// returns only after 100 ms; a message that does not match does not
// restart the timeout.
func TestTMR09ReceiveAfter(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		n := mtNode(t)
		self := mtSelf(t, n)

		start := time.Now()
		msg, ok := self.ReceiveTimeout(100 * time.Millisecond)
		assert.False(t, ok, "got %v", msg)
		assert.Equal(t, 100*time.Millisecond, time.Since(start))

		// receive x -> ... after 100 -> ... end, while y comes at 50 ms.
		_, err := n.SendAfter(50*time.Millisecond, self.Self(), term.Atom("y"))
		require.NoError(t, err)
		start = time.Now()
		msg, ok = self.ReceiveMatch(func(m any) bool { return m == term.Atom("x") }, 100*time.Millisecond)
		assert.False(t, ok, "got %v", msg)
		assert.Equal(t, 100*time.Millisecond, time.Since(start))
		assert.Equal(t, []any{term.Atom("y")}, self.Flush())

		// after 0 only looks at the mailbox.
		start = time.Now()
		_, ok = self.ReceiveTimeout(0)
		assert.False(t, ok)
		assert.Equal(t, time.Duration(0), time.Since(start))
	})
}

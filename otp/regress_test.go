package otp_test

// Regression tests for races and crashes: each loops over a window that
// once lost a signal or crashed the program.

import (
	"io"
	"log/slog"
	"testing"
	"time"

	"github.com/scalability-go/otpbook/otp"
	"github.com/scalability-go/otpbook/otp/term"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func quietNode(t *testing.T) (*otp.Node, *otp.Process) {
	t.Helper()
	n := mtNode(t, otp.Logger(slog.New(slog.NewTextHandler(io.Discard, nil))))
	return n, mtSelf(t, n)
}

// A panic with a value that cannot be compared, or with a nil
// *Exception, is a crash like any other: it does not take the program
// down.
func TestPanicWithAnyValueIsACrash(t *testing.T) {
	_, self := quietNode(t)
	for _, v := range []any{[]int{1}, map[string]int{"a": 1}, func() {}, (*otp.Exception)(nil)} {
		pid, ref := self.SpawnMonitor(func(*otp.Process) { panic(v) })
		down := recvT(t, self).(otp.DownMsg)
		require.Equal(t, ref, down.Ref)
		require.Equal(t, pid, down.Item)
		reason, ok := down.Reason.(term.Tuple)
		require.True(t, ok, "reason %v", down.Reason)
		require.Len(t, reason, 2)
		assert.NotEmpty(t, reason[1].(term.List))
	}
}

// A killed process sends nothing after its DOWN: its death is its last
// signal.
func TestNoMessageAfterDown(t *testing.T) {
	_, self := quietNode(t)
	me := self.Self()
	for range 200 {
		gone := make(chan struct{})
		pid, ref := self.SpawnMonitor(func(p *otp.Process) {
			defer close(gone)
			for {
				p.Send(me, term.Atom("m"))
			}
		})
		require.Equal(t, term.Atom("m"), recvT(t, self))
		self.SendExit(pid, otp.Kill)
		<-gone
		msgs := self.Flush()
		seen := false
		for _, m := range msgs {
			if d, ok := m.(otp.DownMsg); ok && d.Ref == ref {
				seen = true
				continue
			}
			require.False(t, seen, "a message after the DOWN")
		}
		require.True(t, seen)
	}
}

// Linking again to a linked process that is being killed gives its real
// reason, not noproc.
func TestRelinkToDyingPartner(t *testing.T) {
	_, self := quietNode(t)
	self.TrapExit(true)
	for range 200 {
		q := self.Spawn(func(p *otp.Process) { p.Receive() })
		require.NoError(t, self.Link(q))
		self.Spawn(func(p *otp.Process) { p.SendExit(q, otp.Kill) })
		for {
			require.NoError(t, self.Link(q))
			if m, ok := self.ReceiveTimeout(0); ok {
				require.Equal(t, otp.ExitMsg{From: q, Reason: otp.Killed}, m)
				break
			}
		}
		// A link made after the death was seen finds q gone: noproc.
		for _, m := range self.Flush() {
			require.Equal(t, otp.ExitMsg{From: q, Reason: otp.Noproc}, m)
		}
	}
}

// Watchers killed while they monitor leave nothing behind on the target.
func TestKilledWatchersLeaveNoMonitor(t *testing.T) {
	n, self := quietNode(t)
	target := self.Spawn(func(p *otp.Process) { p.Receive() })
	for range 300 {
		w := self.Spawn(func(p *otp.Process) {
			for {
				ref, _ := p.Monitor(target)
				p.Demonitor(ref)
			}
		})
		ref, err := self.Monitor(w)
		require.NoError(t, err)
		self.SendExit(w, otp.Kill)
		require.Equal(t, otp.Killed, recvT(t, self).(otp.DownMsg).Reason)
		_ = ref
	}
	info, ok := n.ProcessInfo(target)
	require.True(t, ok)
	assert.Empty(t, info.MonitoredBy)
}

// A first Put racing a monitor set from another process loses neither.
func TestDictionaryAndMonitorRace(t *testing.T) {
	_, self := quietNode(t)
	me := self.Self()
	for range 300 {
		w := self.Spawn(func(p *otp.Process) {
			p.Send(me, term.Atom("go"))
			p.Put("k", 1)
			p.Receive()
		})
		require.Equal(t, term.Atom("go"), recvT(t, self))
		ref, err := self.Monitor(w)
		require.NoError(t, err)
		self.SendExit(w, otp.Kill)
		d := recvT(t, self).(otp.DownMsg)
		require.Equal(t, ref, d.Ref)
	}
}

func recvT(t *testing.T, p *otp.Process) any {
	t.Helper()
	m, ok := p.ReceiveTimeout(10 * time.Second)
	require.True(t, ok, "no message")
	return m
}

// Messages handed straight to a waiting receiver are never lost or
// reordered, even when its timeouts run out as they come.
func TestHandOffUnderTimeouts(t *testing.T) {
	_, self := quietNode(t)
	const senders, each = 4, 3000
	me := self.Self()
	for s := range senders {
		self.Spawn(func(p *otp.Process) {
			for i := range each {
				p.Send(me, [2]int{s, i})
			}
		})
	}
	next := make([]int, senders)
	got := 0
	for i := 0; got < senders*each; i++ {
		var m any
		var ok bool
		switch i % 3 {
		case 0:
			m, ok = self.ReceiveTimeout(time.Duration(i%7) * time.Microsecond)
		case 1:
			m, ok = self.ReceiveMatch(func(any) bool { return true }, time.Duration(i%5)*time.Microsecond)
		default:
			m, ok = self.ReceiveTimeout(0)
		}
		if !ok {
			continue
		}
		v := m.([2]int)
		require.Equal(t, next[v[0]], v[1], "sender %d out of order", v[0])
		next[v[0]]++
		got++
	}
	_, ok := self.ReceiveTimeout(0)
	require.False(t, ok)
}

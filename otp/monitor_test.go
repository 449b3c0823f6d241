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

// Conformance cases of section 5 (MON) of conformance.md.

// MON-01: monitor(process, P) on a live P, then P exits with frop → the
// watcher receives {'DOWN', Ref, process, P, frop} with the Ref monitor/2
// returned.
func TestMON01DownOnExit(t *testing.T) {
	n := mtNode(t)
	self := mtSelf(t, n)
	p := self.Spawn(mtExitOnMsg)
	ref, err := self.Monitor(p)
	require.NoError(t, err)

	self.Send(p, term.Atom("frop"))
	msg := mtRecv(t, self)
	require.Equal(t, otp.DownMsg{Ref: ref, Type: "process", Item: p, Reason: term.Atom("frop")}, msg)
	assert.True(t, term.Exact(
		term.Tuple{term.Atom("DOWN"), ref, term.Atom("process"), p, term.Atom("frop")},
		msg.(otp.DownMsg).Term()))
	assert.False(t, n.IsProcessAlive(p))
}

// MON-02: monitor(process, DeadPid) → a reference, and
// {'DOWN', Ref, process, DeadPid, noproc} arrives at once.
func TestMON02MonitorDeadPid(t *testing.T) {
	n := mtNode(t)
	self := mtSelf(t, n)
	dead, ref0 := self.SpawnMonitor(func(*otp.Process) {})
	require.Equal(t, otp.Normal, mtRecvDown(t, self, ref0).Reason)
	require.False(t, n.IsProcessAlive(dead))

	ref, err := self.Monitor(dead)
	require.NoError(t, err)
	assert.NotEqual(t, ref0, ref)
	msg := mtRecv(t, self)
	require.Equal(t, otp.DownMsg{Ref: ref, Type: "process", Item: dead, Reason: otp.Noproc}, msg)

	// The monitor has fired: it is gone.
	assert.False(t, self.Demonitor(ref, otp.Info))
	info, ok := n.ProcessInfo(self.Self())
	require.True(t, ok)
	assert.Empty(t, info.Monitors)
}

// MON-03: monitor(process, Name) on an unregistered atom → a reference,
// then {'DOWN', Ref, process, {Name, node()}, noproc}.
func TestMON03MonitorUnregisteredName(t *testing.T) {
	n := mtNode(t)
	self := mtSelf(t, n)
	ref, err := self.Monitor(term.Atom("nobody"))
	require.NoError(t, err)
	msg := mtRecv(t, self)
	require.Equal(t, otp.DownMsg{
		Ref:    ref,
		Type:   "process",
		Item:   term.Tuple{term.Atom("nobody"), n.Name()},
		Reason: otp.Noproc,
	}, msg)
	assert.Equal(t, "{'DOWN',"+ref.String()+",process,{nobody,nonode@nohost},noproc}",
		term.Write(msg.(otp.DownMsg).Term()))

	// {Name, node()} is the same target.
	ref2, err := self.Monitor(term.Tuple{term.Atom("nobody"), n.Name()})
	require.NoError(t, err)
	require.Equal(t, otp.DownMsg{
		Ref:    ref2,
		Type:   "process",
		Item:   term.Tuple{term.Atom("nobody"), n.Name()},
		Reason: otp.Noproc,
	}, mtRecv(t, self))
}

// MON-04: the target is registered as jeeves; monitor(process, jeeves),
// then it exits with frop → the DOWN item is {jeeves, node()}, not the pid.
func TestMON04MonitorByName(t *testing.T) {
	n := mtNode(t)
	self := mtSelf(t, n)
	p := self.Spawn(mtExitOnMsg)
	require.NoError(t, n.Register("jeeves", p))

	ref, err := self.Monitor(term.Atom("jeeves"))
	require.NoError(t, err)
	info, ok := n.ProcessInfo(self.Self())
	require.True(t, ok)
	assert.Equal(t, []term.Tuple{{term.Atom("process"), term.Tuple{term.Atom("jeeves"), n.Name()}}}, info.Monitors)
	info, ok = n.ProcessInfo(p)
	require.True(t, ok)
	assert.Equal(t, []term.Pid{self.Self()}, info.MonitoredBy)

	self.Send(p, term.Atom("frop"))
	require.Equal(t, otp.DownMsg{
		Ref:    ref,
		Type:   "process",
		Item:   term.Tuple{term.Atom("jeeves"), n.Name()},
		Reason: term.Atom("frop"),
	}, mtRecv(t, self))
}

// MON-05: two monitors on the same process → two distinct references and
// two DOWN messages.
func TestMON05TwoMonitorsTwoDowns(t *testing.T) {
	n := mtNode(t)
	self := mtSelf(t, n)
	p := self.Spawn(mtExitOnMsg)
	ref1, err := self.Monitor(p)
	require.NoError(t, err)
	ref2, err := self.Monitor(p)
	require.NoError(t, err)
	require.NotEqual(t, ref1, ref2)

	info, ok := n.ProcessInfo(p)
	require.True(t, ok)
	assert.Equal(t, []term.Pid{self.Self(), self.Self()}, info.MonitoredBy)

	self.Send(p, term.Atom("frop"))
	d1 := mtRecvDown(t, self, ref1)
	d2 := mtRecvDown(t, self, ref2)
	for _, d := range []otp.DownMsg{d1, d2} {
		assert.Equal(t, p, d.Item)
		assert.Equal(t, term.Atom("frop"), d.Reason)
	}
	// No third one: the mailbox holds nothing else.
	assert.Empty(t, self.Flush())
}

// MON-06: demonitor(Ref) before the target dies, then the target exits →
// no DOWN arrives.
func TestMON06DemonitorBeforeExit(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		n := mtNode(t)
		self := mtSelf(t, n)
		p := self.Spawn(mtExitOnMsg)
		ref, err := self.Monitor(p)
		require.NoError(t, err)
		// A second monitor tells when the target has gone.
		ref2, err := self.Monitor(p)
		require.NoError(t, err)

		assert.True(t, self.Demonitor(ref))
		info, ok := n.ProcessInfo(p)
		require.True(t, ok)
		assert.Equal(t, []term.Pid{self.Self()}, info.MonitoredBy, "the target no longer lists the removed monitor")

		self.Send(p, term.Atom("frop"))
		require.Equal(t, term.Atom("frop"), mtRecvDown(t, self, ref2).Reason)
		start := time.Now()
		msg, ok := self.ReceiveTimeout(time.Second)
		assert.False(t, ok, "unexpected message %v", msg)
		assert.Equal(t, time.Second, time.Since(start))

		// Demonitoring again is harmless; with info it reports the
		// monitor is gone.
		assert.True(t, self.Demonitor(ref))
		assert.False(t, self.Demonitor(ref, otp.Info))
	})
}

// MON-07: the target has died and its DOWN is queued → demonitor(Ref)
// returns true and the DOWN stays; demonitor(Ref, [flush]) returns true and
// removes it.
func TestMON07DemonitorFlush(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		n := mtNode(t)
		self := mtSelf(t, n)
		frop := func(*otp.Process) { otp.Exit(term.Atom("frop")) }

		// Without flush: the DOWN stays queued.
		p, ref := self.SpawnMonitor(frop)
		synctest.Wait() // p has exited and its DOWN is queued
		require.False(t, n.IsProcessAlive(p))
		info, ok := n.ProcessInfo(self.Self())
		require.True(t, ok)
		require.Equal(t, 1, info.MessageQueueLen)
		assert.True(t, self.Demonitor(ref))
		msg, ok := self.ReceiveTimeout(0)
		require.True(t, ok, "demonitor without flush removed the DOWN")
		assert.Equal(t, otp.DownMsg{Ref: ref, Type: "process", Item: p, Reason: term.Atom("frop")}, msg)

		// With flush: it is removed, and other messages stay.
		_, ref = self.SpawnMonitor(frop)
		synctest.Wait()
		self.Send(self.Self(), term.Atom("other"))
		assert.True(t, self.Demonitor(ref, otp.Flush))
		assert.Equal(t, []any{term.Atom("other")}, self.Flush())

		// flush and info: false, as a flush was needed ...
		_, ref = self.SpawnMonitor(frop)
		synctest.Wait()
		assert.False(t, self.Demonitor(ref, otp.Flush, otp.Info))
		assert.Empty(t, self.Flush())

		// ... and true when the monitor was still active.
		q := self.Spawn(mtExitOnMsg)
		ref, err := self.Monitor(q)
		require.NoError(t, err)
		assert.True(t, self.Demonitor(ref, otp.Flush, otp.Info))
		self.Send(q, term.Atom("frop"))
		synctest.Wait()
		require.False(t, n.IsProcessAlive(q))
		assert.Empty(t, self.Flush())
	})
}

// MON-11: a watcher monitors P, then the watcher dies → P is unaffected.
func TestMON11WatcherDiesTargetUnaffected(t *testing.T) {
	n := mtNode(t)
	self := mtSelf(t, n)
	p := self.Spawn(mtEcho)
	watcher, wref := self.SpawnMonitor(func(w *otp.Process) {
		_, err := w.Monitor(p)
		if err != nil {
			otp.Exit(term.Atom("monitor_failed"))
		}
		w.Send(self.Self(), term.Atom("monitoring"))
		otp.Exit(w.Receive())
	})
	require.Equal(t, term.Atom("monitoring"), mtRecv(t, self))
	info, ok := n.ProcessInfo(p)
	require.True(t, ok)
	require.Equal(t, []term.Pid{watcher}, info.MonitoredBy)

	self.Send(watcher, term.Atom("boom"))
	require.Equal(t, term.Atom("boom"), mtRecvDown(t, self, wref).Reason)

	assert.True(t, n.IsProcessAlive(p))
	info, ok = n.ProcessInfo(p)
	require.True(t, ok)
	assert.Empty(t, info.MonitoredBy, "the dead watcher's monitor is removed")
	self.Send(p, term.Tuple{self.Self(), term.Atom("still_there")})
	assert.Equal(t, term.Atom("still_there"), mtRecv(t, self))
}

// MON-12: the monitored process sends two messages to the watcher, then
// exits normal → both messages are received before the DOWN.
func TestMON12MessagesBeforeDown(t *testing.T) {
	n := mtNode(t)
	self := mtSelf(t, n)
	to := self.Self()
	for range 20 {
		p, ref := self.SpawnMonitor(func(p *otp.Process) {
			p.Send(to, term.Atom("m1"))
			p.Send(to, term.Atom("m2"))
		})
		require.Equal(t, term.Atom("m1"), mtRecv(t, self))
		require.Equal(t, term.Atom("m2"), mtRecv(t, self))
		require.Equal(t, otp.DownMsg{Ref: ref, Type: "process", Item: p, Reason: otp.Normal}, mtRecv(t, self))
	}
}

// Beyond the listed cases, real Erlang decides: monitor(process, self())
// returns a reference but creates no monitor (observed on OTP 25:
// process_info(self(), [monitors, monitored_by]) gives [] for both, and
// demonitor(Ref, [info]) returns false).
func TestMONMonitorSelf(t *testing.T) {
	n := mtNode(t)
	self := mtSelf(t, n)
	ref, err := self.Monitor(self.Self())
	require.NoError(t, err)
	info, ok := n.ProcessInfo(self.Self())
	require.True(t, ok)
	assert.Empty(t, info.Monitors)
	assert.Empty(t, info.MonitoredBy)
	assert.False(t, self.Demonitor(ref, otp.Info))
}

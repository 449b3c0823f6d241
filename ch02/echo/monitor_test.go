// Book: chapter 2, "Links and Monitors for Supervision" (Monitors, a shell session).

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

// The section's monitors, on echo processes: DOWN with normal after stop,
// with the reason of exit(Pid, crashed), and with noproc at once for a
// process that is already dead.
func TestMonitorDownReasons(t *testing.T) {
	e := erltest.New(t)
	down := func(pid term.Pid, ref term.Ref, reason term.Term) {
		t.Helper()
		assert.Equal(t, otp.DownMsg{Ref: ref, Type: "process", Item: pid, Reason: reason}, e.Recv(t))
	}

	pid := e.Self.Spawn(echo.Loop)
	ref, err := e.Self.Monitor(pid)
	require.NoError(t, err)
	e.Self.Send(pid, echo.Stop)
	down(pid, ref, otp.Normal)

	pid = e.Self.Spawn(echo.Loop)
	ref, _ = e.Self.Monitor(pid)
	e.Self.SendExit(pid, term.Atom("crashed"))
	down(pid, ref, term.Atom("crashed"))

	ref, _ = e.Self.Monitor(pid)
	down(pid, ref, otp.Noproc)
}

// demonitor stops the notification; with flush it also takes back a DOWN
// already queued.
func TestDemonitor(t *testing.T) {
	e := erltest.New(t)
	pid := e.Self.Spawn(echo.Loop)
	ref, _ := e.Self.Monitor(pid)
	e.Self.Demonitor(ref)
	e.Self.Send(pid, echo.Stop)
	watch, _ := e.Self.Monitor(pid) // the second monitor tells when it has gone
	assert.Equal(t, watch, e.Recv(t).(otp.DownMsg).Ref, "no DOWN for the removed monitor")

	pid = e.Self.Spawn(echo.Loop)
	ref, _ = e.Self.Monitor(pid)
	watch, _ = e.Self.Monitor(pid)
	e.Self.Send(pid, echo.Stop)
	// Once watch has fired the process is gone; whether the DOWN of ref
	// is queued yet or not, demonitor with flush leaves none behind.
	_, ok := e.Self.ReceiveMatch(func(m any) bool { d, ok := m.(otp.DownMsg); return ok && d.Ref == watch }, erltest.Wait)
	require.True(t, ok)
	e.Self.Demonitor(ref, otp.Flush)
	assert.Empty(t, e.Self.Flush(), "flush took back the queued DOWN")
}

// Monitors stack: two monitors, two DOWNs. They are one-way: the
// monitored process does not notice the monitoring one's end.
func TestMonitorsStackAndAreOneWay(t *testing.T) {
	e := erltest.New(t)
	pid := e.Self.Spawn(echo.Loop)
	r1, _ := e.Self.Monitor(pid)
	r2, _ := e.Self.Monitor(pid)
	assert.NotEqual(t, r1, r2)
	e.Self.Send(pid, echo.Stop)
	got := []term.Ref{e.Recv(t).(otp.DownMsg).Ref, e.Recv(t).(otp.DownMsg).Ref}
	assert.ElementsMatch(t, []term.Ref{r1, r2}, got, "one DOWN each, in no set order")

	target := e.Self.Spawn(echo.Loop)
	_, ref := e.Self.SpawnMonitor(func(p *otp.Process) {
		p.Monitor(target)
		otp.Exit(term.Atom("gone"))
	})
	down, ok := e.Self.ReceiveRef(ref, func(m any) bool { d, ok := m.(otp.DownMsg); return ok && d.Ref == ref }, erltest.Wait)
	require.True(t, ok)
	assert.Equal(t, term.Atom("gone"), down.(otp.DownMsg).Reason)
	e.Self.Send(target, term.Tuple{e.Self.Self(), term.Atom("still_here")})
	assert.Equal(t, term.Tuple{target, term.Atom("still_here")}, e.Recv(t))
}

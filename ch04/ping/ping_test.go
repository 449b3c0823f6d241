// Book: chapter 4, "Generic Servers", "Generic Server Timeouts" (ch4/ping.erl).

package ping_test

import (
	"testing"
	"testing/synctest"
	"time"

	"github.com/scalability-go/otpbook/ch04/ping"
	"github.com/scalability-go/otpbook/internal/erltest"
	"github.com/scalability-go/otpbook/otp/genserver"
	"github.com/scalability-go/otpbook/otp/sys"
	"github.com/scalability-go/otpbook/otp/term"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// at waits until d after t0 (fake time) and returns what was printed.
func at(e *erltest.Env, t0 time.Time, d time.Duration) string {
	time.Sleep(time.Until(t0.Add(d)))
	synctest.Wait()
	return e.Out.Take()
}

// The book's timeline: prints at +5 and +10; pause at +11 stops them;
// start at +18 and again at +21 (the countdown starts over); the next
// print at +26. The fake clock starts at midnight, so the seconds printed
// are those of the timeline.
func TestTimeline(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		e := erltest.New(t)
		t0 := time.Now()
		pid, err := ping.Start(e.Self, 0)
		require.NoError(t, err)
		assert.Equal(t, "", at(e, t0, 4*time.Second))
		assert.Equal(t, " 5\n", at(e, t0, 9*time.Second))
		assert.Equal(t, "10\n", at(e, t0, 11*time.Second))
		require.NoError(t, ping.Pause(e.Self))
		assert.Equal(t, "", at(e, t0, 18*time.Second))
		require.NoError(t, ping.Resume(e.Self))
		assert.Equal(t, "", at(e, t0, 21*time.Second))
		require.NoError(t, ping.Resume(e.Self))
		assert.Equal(t, "", at(e, t0, 25*time.Second))
		assert.Equal(t, "26\n", at(e, t0, 27*time.Second))
		require.NoError(t, genserver.StopServer(e.Self, pid))
	})
}

// A system message restarts the countdown too: sys:get_state at +3
// pushes the first print to +8.
func TestSystemMessageRestartsTimeout(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		e := erltest.New(t)
		t0 := time.Now()
		pid, err := ping.Start(e.Self, 0)
		require.NoError(t, err)
		time.Sleep(3 * time.Second)
		s, err := sys.GetState(e.Self, ping.Name)
		require.NoError(t, err)
		assert.Equal(t, "undefined", term.Write(s))
		assert.Equal(t, "", at(e, t0, 7*time.Second))
		assert.Equal(t, " 8\n", at(e, t0, 9*time.Second))
		require.NoError(t, genserver.StopServer(e.Self, pid))
	})
}

// With a short interval, the timeouts come one per interval, and stop
// while paused.
func TestCountTimeouts(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		e := erltest.New(t)
		t0 := time.Now()
		pid, err := ping.Start(e.Self, 50*time.Millisecond)
		require.NoError(t, err)
		assert.Equal(t, " 0\n 0\n 0\n 0\n", at(e, t0, 220*time.Millisecond))
		require.NoError(t, ping.Pause(e.Self))
		assert.Equal(t, "", at(e, t0, time.Second))
		require.NoError(t, genserver.StopServer(e.Self, pid))
	})
}

// handle_info matches timeout only: a stray message crashes the server.
func TestStrayMessageCrashes(t *testing.T) {
	e := erltest.New(t)
	pid, err := ping.Start(e.Self, 0)
	require.NoError(t, err)
	e.Self.Send(pid, term.Atom("hello"))
	reason := e.Down(t, pid)
	assert.Equal(t, "{function_clause,[{ping,handle_info,[hello,undefined],[]}]}", term.Write(reason))
	assert.Contains(t, e.Log.Take(), "** Last message in was hello")
}

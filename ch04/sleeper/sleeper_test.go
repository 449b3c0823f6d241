// Book: chapter 4, "Generic Servers", "Call Timeouts" (ch4/timeout.erl).

package sleeper_test

import (
	"testing"
	"testing/synctest"
	"time"

	"github.com/scalability-go/otpbook/ch04/sleeper"
	"github.com/scalability-go/otpbook/internal/erltest"
	"github.com/scalability-go/otpbook/otp"
	"github.com/scalability-go/otpbook/otp/genserver"
	"github.com/scalability-go/otpbook/otp/term"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// reason returns the reason a call failed with, as gen_server:call
// exits with it.
func reason(t *testing.T, err error) string {
	t.Helper()
	var ce *genserver.CallError
	require.ErrorAs(t, err, &ce)
	return term.Write(ce.Reason)
}

// The calls of the book's session, in fake time: a sleep shorter than the
// timeout answers ok; a longer one times out at the caller's timeout,
// while the server goes on; a call with infinity waits behind the queued
// requests; no late reply ever reaches the caller.
func TestCallTimeouts(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		e := erltest.New(t)
		_, err := sleeper.Start(e.Self)
		require.NoError(t, err)

		t0 := time.Now()
		require.NoError(t, sleeper.Sleep(e.Self, 100*time.Millisecond))
		assert.Equal(t, 100*time.Millisecond, time.Since(t0))

		t0 = time.Now()
		err = sleeper.Sleep(e.Self, time.Second, 500*time.Millisecond)
		require.ErrorIs(t, err, genserver.ErrTimeout)
		assert.Equal(t, "{timeout,{gen_server,call,[timeout,{sleep,1000},500]}}", reason(t, err))
		assert.Equal(t, 500*time.Millisecond, time.Since(t0))

		// The second request waits for the first: the server is
		// busy until t0+1s, then sleeps another second.
		err = sleeper.Sleep(e.Self, time.Second, 500*time.Millisecond)
		require.ErrorIs(t, err, genserver.ErrTimeout)
		assert.Equal(t, time.Second, time.Since(t0))
		require.NoError(t, sleeper.Sleep(e.Self, 10*time.Millisecond, otp.Infinity))
		assert.Equal(t, 2010*time.Millisecond, time.Since(t0))

		// The two late replies came and were dropped.
		synctest.Wait()
		assert.Empty(t, e.Self.Flush())
	})
}

// The default timeout is genserver's 5 seconds, as OTP's.
func TestDefaultTimeout(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		e := erltest.New(t)
		_, err := sleeper.Start(e.Self)
		require.NoError(t, err)
		t0 := time.Now()
		err = sleeper.Sleep(e.Self, 6*time.Second)
		require.ErrorIs(t, err, genserver.ErrTimeout)
		assert.Equal(t, "{timeout,{gen_server,call,[timeout,{sleep,6000}]}}", reason(t, err))
		assert.Equal(t, genserver.DefaultTimeout, time.Since(t0))
		// Wait for the server to finish, so that the node stops idle.
		require.NoError(t, sleeper.Sleep(e.Self, 0, otp.Infinity))
		assert.Equal(t, 6*time.Second, time.Since(t0))
	})
}

// While one client's long request runs, another client's short request
// times out although its own work is tiny: requests queue.
func TestQueuedRequestTimesOut(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		e := erltest.New(t)
		_, err := sleeper.Start(e.Self)
		require.NoError(t, err)
		done := make(chan error, 1)
		e.Self.Spawn(func(p *otp.Process) { done <- sleeper.Sleep(p, 2*time.Second) })
		synctest.Wait() // the long request is in the server
		err = sleeper.Sleep(e.Self, time.Millisecond, time.Second)
		require.ErrorIs(t, err, genserver.ErrTimeout)
		require.NoError(t, <-done)
	})
}

// {sleep, foo} crashes the server with timeout_value, and the caller's call
// fails with the server's reason.
func TestCrashReachesCaller(t *testing.T) {
	e := erltest.New(t)
	pid, err := sleeper.Start(e.Self)
	require.NoError(t, err)
	_, err = genserver.Call(e.Self, sleeper.Name, term.Tuple{term.Atom("sleep"), term.Atom("foo")})
	assert.Equal(t, "{{timeout_value,[{timer,sleep,1,[]},{timeout,handle_call,3,[]}]},{gen_server,call,[timeout,{sleep,foo}]}}", reason(t, err))
	assert.False(t, e.Node.IsProcessAlive(pid))
	log := e.Log.Take()
	assert.Contains(t, log, "Generic server timeout terminating")
	assert.Contains(t, log, "Last message in was {sleep,foo}")
}

// A cast finds no handle_cast/2: the server crashes with undef.
func TestCastIsUndef(t *testing.T) {
	e := erltest.New(t)
	pid, err := sleeper.Start(e.Self)
	require.NoError(t, err)
	mref, err := e.Self.Monitor(pid)
	require.NoError(t, err)
	genserver.Cast(e.Self, sleeper.Name, term.Atom("hello"))
	down := e.Recv(t).(otp.DownMsg)
	assert.Equal(t, mref, down.Ref)
	assert.Equal(t, "{undef,[{timeout,handle_cast,[hello,undefined],[]}]}", term.Write(down.Reason))
	e.Log.Take()
}

// A linked caller whose call times out, uncaught, dies of it, and the link
// takes the server too: the end of the book's section.
func TestUncaughtTimeoutKillsLinkedServer(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		e := erltest.New(t)
		started := make(chan term.Pid, 1)
		e.Self.Spawn(func(p *otp.Process) {
			pid, err := sleeper.StartLink(p)
			if err != nil {
				return
			}
			started <- pid
			genserver.MustCall(p, sleeper.Name, sleeper.SleepRequest(time.Second), 500*time.Millisecond)
		})
		pid := <-started
		mref, err := e.Self.Monitor(pid)
		require.NoError(t, err)
		down := e.Recv(t).(otp.DownMsg)
		assert.Equal(t, mref, down.Ref)
		assert.Equal(t, "{timeout,{gen_server,call,[timeout,{sleep,1000},500]}}", term.Write(down.Reason))
	})
}

// The shell's module: the book starts the server with gen_server:start.
func TestModule(t *testing.T) {
	e := erltest.New(t, sleeper.Module())
	pid, err := genserver.Start(e.Self, genserver.Local(sleeper.Name), sleeper.Name, term.List{})
	require.NoError(t, err)
	require.NoError(t, sleeper.Sleep(e.Self, 0))
	require.NoError(t, genserver.StopServer(e.Self, pid))
}

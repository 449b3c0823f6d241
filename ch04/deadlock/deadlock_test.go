// Book: chapter 4, "Generic Servers", "Deadlocks".

package deadlock_test

import (
	"strings"
	"testing"
	"testing/synctest"
	"time"

	"github.com/scalability-go/otpbook/ch04/deadlock"
	"github.com/scalability-go/otpbook/internal/erltest"
	"github.com/scalability-go/otpbook/otp"
	"github.com/scalability-go/otpbook/otp/genserver"
	"github.com/scalability-go/otpbook/otp/term"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// a calls b, which calls a back: after the default five seconds the three
// calls time out, and both servers crash.
//
// In erl, the three timers expire microseconds apart, in the order the
// calls were made, and each server usually crashes of its own timeout:
// a with {timeout, {gen_server, call, [b, call_other]}}, b with {timeout,
// {gen_server, call, [a, call_other]}}. In fake time they expire at the
// same instant, in no set order, so a server may see the other die first
// and crash with {ItsReason, {gen_server, call, [Other, call_other]}}
// instead: the test accepts both.
func TestDeadlock(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		e := erltest.New(t)
		a, err := deadlock.Start(e.Self, "a", "b")
		require.NoError(t, err)
		b, err := deadlock.Start(e.Self, "b", "a")
		require.NoError(t, err)
		ma, err := e.Self.Monitor(a)
		require.NoError(t, err)
		mb, err := e.Self.Monitor(b)
		require.NoError(t, err)

		t0 := time.Now()
		_, err = deadlock.Call(e.Self, "a", deadlock.CallOther)
		require.Error(t, err)
		assert.Contains(t, term.Write(err.(*genserver.CallError).Reason), "timeout,{gen_server,call,[")
		assert.True(t, strings.HasSuffix(term.Write(err.(*genserver.CallError).Reason), "{gen_server,call,[a,call_other]}}"))
		assert.Equal(t, genserver.DefaultTimeout, time.Since(t0))

		reasons := map[term.Ref]string{}
		for range 2 {
			d := e.Recv(t).(otp.DownMsg)
			reasons[d.Ref] = term.Write(d.Reason)
		}
		assert.Contains(t, reasons[ma], "{timeout,{gen_server,call,[")
		assert.Contains(t, reasons[ma], "{gen_server,call,[b,call_other]}")
		assert.Contains(t, reasons[mb], "{timeout,{gen_server,call,[")
		assert.Contains(t, reasons[mb], "{gen_server,call,[a,call_other]}")
		assert.Equal(t, genserver.DefaultTimeout, time.Since(t0))
		log := e.Log.Take()
		assert.Contains(t, log, "Generic server a terminating")
		assert.Contains(t, log, "Generic server b terminating")
		e.Self.Flush() // the late replies are dropped, but look anyway
	})
}

// The timeout of the servers' calls may be shorter: then the servers give
// up first, and the caller gets the reason a crashed with.
func TestShorterTimeout(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		e := erltest.New(t)
		_, err := deadlock.Start(e.Self, "a", "b", 100*time.Millisecond)
		require.NoError(t, err)
		_, err = deadlock.Start(e.Self, "b", "a", 100*time.Millisecond)
		require.NoError(t, err)
		t0 := time.Now()
		_, err = deadlock.Call(e.Self, "a", deadlock.CallOther)
		require.Error(t, err)
		assert.Equal(t, 100*time.Millisecond, time.Since(t0))
		reason := term.Write(err.(*genserver.CallError).Reason)
		assert.Contains(t, reason, "{timeout,{gen_server,call,[")
		assert.True(t, strings.HasSuffix(reason, ",{gen_server,call,[a,call_other]}}"), reason)
		e.Log.Take()
	})
}

// Calling yourself is noticed at once: calling_self.
func TestCallingSelf(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		e := erltest.New(t)
		c, err := deadlock.Start(e.Self, "c", "c")
		require.NoError(t, err)
		t0 := time.Now()
		r, err := deadlock.Call(e.Self, "c", deadlock.CallSelf)
		require.NoError(t, err)
		assert.Equal(t, "{'EXIT',{calling_self,{gen_server,call,["+c.String()+",ping]}}}", term.Write(r))
		assert.Equal(t, time.Duration(0), time.Since(t0))
		_, err = genserver.Call(e.Self, c, term.Atom("anything"))
		require.Error(t, err)
		e.Log.Take()
	})
}

// The shell's module: start/2 and start/3.
func TestModule(t *testing.T) {
	e := erltest.New(t, deadlock.Module())
	v, exc := e.Call(deadlock.Name, "start", term.Atom("a"), term.Atom("a"))
	require.Nil(t, exc)
	pid := v.(term.Tuple)[1].(term.Pid)
	v, exc = e.Call(deadlock.Name, "start", term.Atom("a"), term.Atom("a"), 100)
	require.Nil(t, exc)
	assert.Equal(t, "{error,{already_started,"+pid.String()+"}}", term.Write(v))
	r, err := deadlock.Call(e.Self, "a", deadlock.Ping)
	require.NoError(t, err)
	assert.Equal(t, term.Atom("pong"), r)
	require.NoError(t, genserver.StopServer(e.Self, pid))
}

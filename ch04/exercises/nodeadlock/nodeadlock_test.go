// Book: chapter 4, "Generic Servers", "Deadlocks" (exercise: avoid the deadlock).

package nodeadlock_test

import (
	"testing"
	"testing/synctest"
	"time"

	"github.com/scalability-go/otpbook/ch04/exercises/nodeadlock"
	"github.com/scalability-go/otpbook/internal/erltest"
	"github.com/scalability-go/otpbook/otp"
	"github.com/scalability-go/otpbook/otp/genserver"
	"github.com/scalability-go/otpbook/otp/term"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Two clients at once: one asks a (which asks b), the other asks b (which
// asks a). With blocking calls a waits for b while b waits for a; here
// both clients get pong with no time passing, and both servers live on.
func TestNoDeadlock(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		e := erltest.New(t)
		a, err := nodeadlock.Start(e.Self, "a", "b")
		require.NoError(t, err)
		b, err := nodeadlock.Start(e.Self, "b", "a")
		require.NoError(t, err)

		t0 := time.Now()
		results := make(chan term.Term, 2)
		for _, server := range []term.Atom{"a", "b"} {
			e.Self.Spawn(func(p *otp.Process) {
				r, err := nodeadlock.Call(p, server, nodeadlock.AskOther)
				if err != nil {
					r = err.(*genserver.CallError).Reason
				}
				results <- r
			})
		}
		assert.Equal(t, term.Atom("pong"), <-results)
		assert.Equal(t, term.Atom("pong"), <-results)
		assert.Equal(t, time.Duration(0), time.Since(t0), "well under the timeout")
		assert.True(t, e.Node.IsProcessAlive(a))
		assert.True(t, e.Node.IsProcessAlive(b))
		assert.Empty(t, e.Log.Take())
		require.NoError(t, genserver.StopServer(e.Self, a))
		require.NoError(t, genserver.StopServer(e.Self, b))
	})
}

// Many at once, from both sides.
func TestManyClients(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		e := erltest.New(t)
		_, err := nodeadlock.Start(e.Self, "a", "b")
		require.NoError(t, err)
		_, err = nodeadlock.Start(e.Self, "b", "a")
		require.NoError(t, err)
		t0 := time.Now()
		results := make(chan term.Term, 100)
		for i := range 100 {
			server := term.Atom("a")
			if i%2 == 1 {
				server = "b"
			}
			e.Self.Spawn(func(p *otp.Process) {
				r, err := nodeadlock.Call(p, server, nodeadlock.AskOther)
				if err != nil {
					r = err.(*genserver.CallError).Reason
				}
				results <- r
			})
		}
		for range 100 {
			assert.Equal(t, term.Atom("pong"), <-results)
		}
		assert.Equal(t, time.Duration(0), time.Since(t0))
	})
}

// The caller still learns when the other server is not there.
func TestOtherMissing(t *testing.T) {
	e := erltest.New(t)
	_, err := nodeadlock.Start(e.Self, "a", "nobody")
	require.NoError(t, err)
	r, err := nodeadlock.Call(e.Self, "a", nodeadlock.AskOther, time.Second)
	if err == nil {
		assert.Equal(t, "{error,{noproc,{gen_server,call,[nobody,ping]}}}", term.Write(r))
	} else {
		// A blocking solution crashes a with noproc instead.
		assert.Contains(t, term.Write(err.(*genserver.CallError).Reason), "noproc")
		e.Log.Take()
	}
}

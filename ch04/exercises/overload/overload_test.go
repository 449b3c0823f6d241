// Book: chapter 4, "Generic Servers", "Call Timeouts" (exercise: overload and deadlines).

package overload_test

import (
	"testing"
	"testing/synctest"
	"time"

	"github.com/scalability-go/otpbook/ch04/exercises/overload"
	"github.com/scalability-go/otpbook/internal/erltest"
	"github.com/scalability-go/otpbook/otp"
	"github.com/scalability-go/otpbook/otp/genserver"
	"github.com/scalability-go/otpbook/otp/sys"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// result is what one client got.
type result struct {
	freq int
	err  error
}

// storm fires n allocate calls at once, each waiting timeout, and returns
// the frequencies handed out and the number of calls that got none.
func storm(t *testing.T, e *erltest.Env, n int, timeout time.Duration) (got []int, timeouts int) {
	t.Helper()
	results := make(chan result, n)
	for range n {
		e.Self.Spawn(func(p *otp.Process) {
			f, err := overload.Allocate(p, timeout)
			results <- result{f, err}
		})
	}
	for range n {
		r := <-results
		switch {
		case r.err == nil:
			got = append(got, r.freq)
		case errorsIsTimeout(r.err), r.err == overload.ErrExpired:
			// A reply sent at the very instant of the deadline may
			// still win the race with the caller's timer.
			timeouts++
		default:
			t.Fatalf("unexpected error %v", r.err)
		}
	}
	return got, timeouts
}

func errorsIsTimeout(err error) bool {
	ce, ok := err.(*genserver.CallError)
	return ok && ce.Is(genserver.ErrTimeout)
}

// A thousand calls of 10 ms at a server that takes 1 ms each: about ten
// get a frequency, the rest time out. Once the server has worked through
// its queue, the frequencies it believes allocated are exactly those its
// clients received: none leaked to callers that gave up.
func TestNoLeakUnderOverload(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		e := erltest.New(t)
		_, err := overload.Start(e.Self)
		require.NoError(t, err)

		t0 := time.Now()
		got, timeouts := storm(t, e, 1000, 10*time.Millisecond)
		assert.Equal(t, 10*time.Millisecond, time.Since(t0))
		assert.LessOrEqual(t, len(got), 10, "requests served within 10 ms, 1 ms each")
		assert.GreaterOrEqual(t, len(got), 9)
		assert.Equal(t, 1000-len(got), timeouts)

		// sys:get_state queues behind the 991 requests still waiting.
		s, err := sys.GetState(e.Self, overload.Name, time.Minute)
		require.NoError(t, err)
		st := s.(overload.State)
		var allocated []int
		for _, a := range st.Allocated {
			allocated = append(allocated, a.Freq)
		}
		assert.ElementsMatch(t, got, allocated, "the server's allocations are those its clients received")
		assert.Len(t, st.Free, overload.Size-len(got))
	})
}

// Without overload every call is served.
func TestNoOverload(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		e := erltest.New(t)
		_, err := overload.Start(e.Self)
		require.NoError(t, err)
		for i := 1; i <= 5; i++ {
			f, err := overload.Allocate(e.Self, 10*time.Millisecond)
			require.NoError(t, err)
			assert.Equal(t, i, f)
		}
	})
}

// Book: chapter 2, "Processes and Message Passing" (exercise: the ring benchmark).

package ring_test

import (
	"testing"
	"time"

	"github.com/scalability-go/otpbook/ch02/exercises/ring"
	"github.com/scalability-go/otpbook/internal/erltest"
	"github.com/scalability-go/otpbook/otp/term"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestRun(t *testing.T) {
	for _, c := range []struct{ n, m int }{{1, 0}, {1, 5}, {2, 1}, {3, 0}, {10, 100}, {1000, 3}} {
		e := erltest.New(t)
		e.Self.Send(e.Self.Self(), term.Atom("before"))
		r, err := ring.Run(e.Self, c.n, c.m)
		require.NoError(t, err)
		assert.Equal(t, ring.Result{Processes: c.n, Rounds: c.m, Passes: c.n * c.m, Setup: r.Setup, Passing: r.Passing}, r)
		assert.GreaterOrEqual(t, r.Setup, time.Duration(0))
		assert.GreaterOrEqual(t, r.Passing, time.Duration(0))
		assert.Equal(t, []term.Pid{e.Self.Self()}, e.Node.Processes(), "n=%d m=%d: no ring process is left", c.n, c.m)
		assert.Equal(t, []any{term.Atom("before")}, e.Self.Flush(), "the caller's mailbox is as it was")
	}
}

func TestBadArgs(t *testing.T) {
	e := erltest.New(t)
	for _, c := range []struct{ n, m int }{{0, 1}, {-1, 1}, {1, -1}} {
		_, err := ring.Run(e.Self, c.n, c.m)
		assert.ErrorIs(t, err, ring.ErrBadArgs, "n=%d m=%d", c.n, c.m)
	}
	assert.Equal(t, []term.Pid{e.Self.Self()}, e.Node.Processes(), "nothing was started")
}

// BenchmarkRing reports the cost of one pass, and of starting one process.
func BenchmarkRing(b *testing.B) {
	const n, m = 1000, 100
	e := erltest.New(b)
	var setup, passing int64
	runs := 0
	for b.Loop() {
		r, err := ring.Run(e.Self, n, m)
		require.NoError(b, err)
		setup += r.Setup.Nanoseconds()
		passing += r.Passing.Nanoseconds()
		runs++
	}
	b.ReportMetric(float64(passing)/float64(runs*n*m), "ns/pass")
	b.ReportMetric(float64(setup)/float64(runs*n), "ns/spawn")
}

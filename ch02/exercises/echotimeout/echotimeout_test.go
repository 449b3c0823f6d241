// Book: chapter 2, "Processes and Message Passing" (exercise: ch2/echo.erl with a timeout).

package echotimeout_test

import (
	"strings"
	"testing"
	"testing/synctest"
	"time"

	"github.com/scalability-go/otpbook/ch02/echo"
	"github.com/scalability-go/otpbook/ch02/exercises/echotimeout"
	"github.com/scalability-go/otpbook/otp"
	"github.com/scalability-go/otpbook/otp/term"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// inBubble runs f with a node whose clock is synctest's: time passes only
// when every goroutine of the test waits, so a timeout passes at once.
func inBubble(t *testing.T, f func(t *testing.T, n *otp.Node, self *otp.Process, out *strings.Builder)) {
	synctest.Test(t, func(t *testing.T) {
		var out strings.Builder
		n, err := otp.NewNode()
		require.NoError(t, err)
		defer n.Stop()
		self := n.Attach()
		defer self.Detach()
		self.SetOutput(&out)
		f(t, n, self, &out)
	})
}

func TestAnswered(t *testing.T) {
	inBubble(t, func(t *testing.T, n *otp.Node, self *otp.Process, out *strings.Builder) {
		start := time.Now()
		assert.Equal(t, echo.Stop, echotimeout.Go(self, time.Second))
		assert.Equal(t, "hello\n", out.String())
		assert.Zero(t, time.Since(start), "an answer does not wait for the timeout")
	})
}

func TestGivesUp(t *testing.T) {
	inBubble(t, func(t *testing.T, n *otp.Node, self *otp.Process, out *strings.Builder) {
		start := time.Now()
		assert.Equal(t, echotimeout.Timeout, echotimeout.GoLate(self, time.Second))
		assert.Equal(t, time.Second, time.Since(start), "it waits exactly the timeout")
		assert.Empty(t, out.String())
	})
}

// A stopped process does not answer; other messages stay queued, in
// order; a live process's answer is taken from behind them.
func TestAsk(t *testing.T) {
	inBubble(t, func(t *testing.T, n *otp.Node, self *otp.Process, _ *strings.Builder) {
		pid, ref := self.SpawnMonitor(echo.Loop)
		self.Send(self.Self(), term.Atom("first"))
		self.Send(self.Self(), term.Tuple{term.Atom("other"), term.Atom("second")})
		reply, ok := echotimeout.Ask(self, pid, term.Atom("ping"), time.Minute)
		require.True(t, ok)
		assert.Equal(t, term.Atom("ping"), reply)

		self.Send(pid, echo.Stop)
		_, ok = self.ReceiveMatch(func(m any) bool { d, ok := m.(otp.DownMsg); return ok && d.Ref == ref }, otp.Infinity)
		require.True(t, ok)
		start := time.Now()
		_, ok = echotimeout.Ask(self, pid, term.Atom("ping"), 250*time.Millisecond)
		assert.False(t, ok)
		assert.Equal(t, 250*time.Millisecond, time.Since(start))

		assert.Equal(t, []any{term.Atom("first"), term.Tuple{term.Atom("other"), term.Atom("second")}}, self.Flush())
	})
}

// A zero timeout only looks at what is already queued.
func TestZeroTimeout(t *testing.T) {
	inBubble(t, func(t *testing.T, n *otp.Node, self *otp.Process, _ *strings.Builder) {
		pid := self.Spawn(echo.Loop)
		self.Send(pid, echo.Stop)
		_, ok := echotimeout.Ask(self, pid, term.Atom("ping"), 0)
		assert.False(t, ok)
	})
}

// Book: chapter 3, "Behaviours" (exercise: a call with a timeout, after "Message Passing: Under the Hood").

package calltimeout_test

import (
	"log/slog"
	"testing"
	"testing/synctest"
	"time"

	"github.com/scalability-go/otpbook/ch03/callserver"
	"github.com/scalability-go/otpbook/ch03/exercises/calltimeout"
	"github.com/scalability-go/otpbook/otp"
	"github.com/scalability-go/otpbook/otp/term"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// slow is a callback module that answers {slow, D} after sleeping D
// milliseconds, and any other request at once, with the request itself.
type slow struct{}

func (slow) Init(*otp.Process, term.Term) int { return 0 }
func (slow) Handle(p *otp.Process, msg term.Term, s int) (int, term.Term) {
	if t, ok := msg.(term.Tuple); ok && len(t) == 2 && t[0] == term.Atom("slow") {
		p.Sleep(time.Duration(t[1].(int)) * time.Millisecond)
	}
	return s, msg
}
func (slow) Terminate(*otp.Process, int) term.Term { return term.OK }

// inBubble runs f in a synctest bubble, with a server of slow registered
// as slow: a timeout of a second passes at once.
func inBubble(t *testing.T, f func(t *testing.T, n *otp.Node, self *otp.Process)) {
	synctest.Test(t, func(t *testing.T) {
		n, err := otp.NewNode(otp.Logger(slog.New(slog.DiscardHandler)))
		require.NoError(t, err)
		defer n.Stop()
		self := n.Attach()
		defer self.Detach()
		_, err = callserver.Start(self, "slow", slow{}, nil)
		require.NoError(t, err)
		f(t, n, self)
	})
}

func TestReplyInTime(t *testing.T) {
	inBubble(t, func(t *testing.T, n *otp.Node, self *otp.Process) {
		start := time.Now()
		r, err := calltimeout.CallTimeout(self, term.Atom("slow"), term.Atom("hi"), time.Second)
		require.NoError(t, err)
		assert.Equal(t, term.Atom("hi"), r)
		assert.Zero(t, time.Since(start))
		assert.Empty(t, self.Flush())
	})
}

// A server slower than the timeout: the call gives up after exactly the
// timeout, with no DOWN left behind; the late reply is ignored by the
// next call, which gets its own.
func TestTimeout(t *testing.T) {
	inBubble(t, func(t *testing.T, n *otp.Node, self *otp.Process) {
		start := time.Now()
		_, err := calltimeout.CallTimeout(self, term.Atom("slow"), term.Tuple{term.Atom("slow"), 2000}, time.Second)
		assert.ErrorIs(t, err, calltimeout.ErrTimeout)
		assert.EqualError(t, err, "{error,timeout}")
		assert.Equal(t, time.Second, time.Since(start))
		info, _ := n.ProcessInfo(self.Self())
		assert.Empty(t, info.Monitors, "the monitor is gone")

		r, err := calltimeout.CallTimeout(self, term.Atom("slow"), term.Atom("next"), 5*time.Second)
		require.NoError(t, err)
		assert.Equal(t, term.Atom("next"), r, "the late reply is not taken for this one")
		for _, m := range self.Flush() {
			_, down := m.(otp.DownMsg)
			assert.False(t, down, "no DOWN is left")
		}
	})
}

// No server, or a server that dies: {error, no_proc}, at once.
func TestNoProc(t *testing.T) {
	inBubble(t, func(t *testing.T, n *otp.Node, self *otp.Process) {
		start := time.Now()
		_, err := calltimeout.CallTimeout(self, term.Atom("nobody"), term.Atom("hi"), time.Second)
		assert.ErrorIs(t, err, callserver.ErrNoProc)
		dier := self.Spawn(func(p *otp.Process) { p.Receive() })
		_, err = calltimeout.CallTimeout(self, dier, term.Atom("hi"), time.Second)
		assert.ErrorIs(t, err, callserver.ErrNoProc)
		assert.Zero(t, time.Since(start))
		assert.Empty(t, self.Flush())
	})
}

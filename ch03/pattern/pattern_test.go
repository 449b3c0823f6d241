// Book: chapter 3, "Behaviours" (Process Skeletons: ch3/pattern.erl).

package pattern_test

import (
	"testing"
	"testing/synctest"

	"github.com/scalability-go/otpbook/ch03/pattern"
	"github.com/scalability-go/otpbook/internal/erltest"
	"github.com/scalability-go/otpbook/otp"
	"github.com/scalability-go/otpbook/otp/term"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The skeleton takes {handle, Msg} and loops, leaves other messages
// queued, and ends normally on stop.
func TestHandleAndStop(t *testing.T) {
	e := erltest.New(t)
	pid := pattern.Start(e.Self, term.List{})
	info, ok := e.Node.ProcessInfo(pid)
	require.True(t, ok)
	assert.Equal(t, pattern.InitMFA, info.InitialCall)

	e.Self.Send(pid, term.Tuple{pattern.HandleTag, term.Atom("hello")})
	e.Self.Send(pid, term.Atom("junk"))
	e.Self.Send(pid, term.Tuple{pattern.HandleTag, term.Atom("world")})
	ref, _ := e.Self.Monitor(pid)
	pattern.Stop(e.Self, pid)
	assert.Equal(t, otp.DownMsg{Ref: ref, Type: "process", Item: pid, Reason: otp.Normal}, e.Recv(t))
	assert.Empty(t, e.Log.Take(), "no error report")
}

// A message the skeleton does not know stays queued while it waits for
// the ones it does.
func TestUnknownStaysQueued(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		n, err := otp.NewNode()
		require.NoError(t, err)
		defer n.Stop()
		self := n.Attach()
		defer self.Detach()

		pid := pattern.Start(self, nil)
		self.Send(pid, term.Atom("junk"))
		self.Send(pid, term.Tuple{pattern.HandleTag, 1})
		self.Send(pid, term.Tuple{pattern.HandleTag, 2})
		synctest.Wait() // the skeleton has taken what it takes, and waits
		info, ok := n.ProcessInfo(pid)
		require.True(t, ok)
		assert.Equal(t, []any{term.Atom("junk")}, info.Messages)
		assert.Equal(t, term.Atom("waiting"), info.Status)
		pattern.Stop(self, pid)
	})
}

// The book's start/1 spawns server:init/1, which no module exports: the
// process ends at once with undef, and an error report, but start has
// returned its pid, as spawn/3 does.
func TestStartAsBookIsUndef(t *testing.T) {
	e := erltest.New(t)
	pid := pattern.StartAsBook(e.Self, term.List{})
	assert.IsType(t, term.Pid{}, pid)
	// The process may be gone before it can be monitored (noproc); its
	// crash is logged before it dies, so the log tells the reason.
	if reason := e.Down(t, pid); reason != otp.Noproc {
		assert.Equal(t, "{undef,[{server,init,[[]],[]}]}", term.Write(reason))
	}
	log := e.Log.Take()
	assert.Contains(t, log, "Error in process "+pid.String())
	assert.Contains(t, log, "undef")
}

// pattern:stop/1 to a name nobody has raises badarg from erlang:send/2,
// in pattern:stop/1.
func TestModuleStopNobody(t *testing.T) {
	e := erltest.New(t, pattern.Module())
	v, exc := e.Call("pattern", "start", term.List{})
	require.Nil(t, exc)
	pid := v.(term.Pid)
	down := e.Watch(t, pid)
	v, exc = e.Call("pattern", "stop", pid)
	require.Nil(t, exc)
	assert.Equal(t, term.Atom("stop"), v)
	assert.Equal(t, otp.Normal, down())

	_, exc = e.Call("pattern", "stop", term.Atom("nobody"))
	require.NotNil(t, exc)
	assert.Equal(t, term.Atom("badarg"), exc.Reason)
	assert.Equal(t, "{pattern,stop,1,[]}", term.Write(exc.Stack[1]))
}

// Book: chapter 3, "Behaviours" (Message Passing: Under the Hood: ch3/call/server.erl).

package callserver_test

import (
	"log/slog"
	"testing"
	"testing/synctest"
	"time"

	"github.com/scalability-go/otpbook/ch03/behavior"
	"github.com/scalability-go/otpbook/ch03/callserver"
	"github.com/scalability-go/otpbook/internal/erltest"
	"github.com/scalability-go/otpbook/otp"
	"github.com/scalability-go/otpbook/otp/term"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const name = behavior.Name

var allocate = term.Atom("allocate")

// request is what the frequency callback takes for allocate.
func request(p *otp.Process) term.Term { return term.Tuple{allocate, p.Self()} }

func start(t *testing.T, self *otp.Process) term.Pid {
	t.Helper()
	pid, err := callserver.Start(self, name, behavior.Frequency{}, term.List{})
	require.NoError(t, err)
	return pid
}

// inBubble runs f on a node in a synctest bubble, where time passes only
// when every goroutine waits, and synctest.Wait tells when they all do.
func inBubble(t *testing.T, f func(t *testing.T, n *otp.Node, self *otp.Process)) {
	synctest.Test(t, func(t *testing.T) {
		n, err := otp.NewNode(otp.Logger(slog.New(slog.DiscardHandler)))
		require.NoError(t, err)
		defer n.Stop()
		self := n.Attach()
		defer self.Detach()
		f(t, n, self)
	})
}

// Section point 1: no server registered. The monitor on the name fires at
// once with noproc, the send's badarg is caught, and the call returns
// {error, no_proc}, leaving nothing in the mailbox.
func TestNoServer(t *testing.T) {
	e := erltest.New(t)
	_, err := callserver.Call(e.Self, name, request(e.Self))
	assert.ErrorIs(t, err, callserver.ErrNoProc)
	assert.EqualError(t, err, "{error,no_proc}")
	assert.Empty(t, e.Self.Flush())

	_, err = callserver.Call(e.Self, term.Tuple{name, e.Node.Name()}, request(e.Self))
	assert.ErrorIs(t, err, callserver.ErrNoProc, "{Name, Node} on this node")
	_, err = callserver.Call(e.Self, 42, request(e.Self))
	assert.ErrorIs(t, err, otp.ErrBadarg, "not a destination")
}

// Normal operation is the naive server's, and every successful call
// leaves the caller's mailbox empty: the reply taken, the monitor gone.
func TestNormalCallsLeaveNothing(t *testing.T) {
	e := erltest.New(t)
	pid := start(t, e.Self)
	for want := 10; want <= 11; want++ {
		r, err := callserver.Call(e.Self, name, request(e.Self))
		require.NoError(t, err)
		assert.Equal(t, term.Tuple{term.OK, want}, r)
		assert.Empty(t, e.Self.Flush())
		info, _ := e.Node.ProcessInfo(e.Self.Self())
		assert.Empty(t, info.Monitors, "the monitor is removed")
	}
	r, err := callserver.Call(e.Self, pid, term.Tuple{term.Atom("deallocate"), 10})
	require.NoError(t, err)
	assert.Equal(t, term.OK, r, "a pid serves as well as the name")
	r, err = callserver.Stop(e.Self, name)
	require.NoError(t, err)
	assert.Equal(t, term.OK, r)
}

// Section point 2: the server dies on the request, before it replies.
// The naive call waits for ever; this one returns {error, no_proc}, and
// so does every call after.
func TestServerCrashesOnRequest(t *testing.T) {
	e := erltest.New(t)
	pid := start(t, e.Self)
	_, err := callserver.Call(e.Self, name, term.Atom("bogus"))
	assert.ErrorIs(t, err, callserver.ErrNoProc)
	assert.False(t, e.Node.IsProcessAlive(pid))
	assert.Contains(t, e.Log.Take(), "Error in process "+pid.String())
	_, err = callserver.Call(e.Self, name, request(e.Self))
	assert.ErrorIs(t, err, callserver.ErrNoProc)
	assert.Empty(t, e.Self.Flush())
}

// After stop, calls return {error, no_proc}; stop itself, with no server,
// is badarg as the naive one's.
func TestAfterStop(t *testing.T) {
	e := erltest.New(t)
	start(t, e.Self)
	_, err := callserver.Stop(e.Self, name)
	require.NoError(t, err)
	_, err = callserver.Call(e.Self, name, request(e.Self))
	assert.ErrorIs(t, err, callserver.ErrNoProc)
	_, err = callserver.Stop(e.Self, name)
	assert.ErrorIs(t, err, otp.ErrBadarg)
}

// A process that takes the request and exits, whatever the reason, makes
// the call return {error, no_proc}: the reason is lost.
func TestTakerExits(t *testing.T) {
	for _, reason := range []term.Term{otp.Normal, term.Atom("gone"), otp.Kill} {
		e := erltest.New(t)
		pid := e.Self.Spawn(func(p *otp.Process) {
			p.Receive()
			otp.Exit(reason)
		})
		_, err := callserver.Call(e.Self, pid, term.Atom("hello"))
		assert.ErrorIs(t, err, callserver.ErrNoProc, "reason %v", reason)
		assert.Empty(t, e.Self.Flush())
	}
}

// A process that answers with another reference is not answering this
// call: the caller goes on waiting (the bubble's clock moves on, and it
// still waits), until the process dies; the wrong reply stays queued.
func TestWrongReferenceIgnored(t *testing.T) {
	inBubble(t, func(t *testing.T, n *otp.Node, self *otp.Process) {
		other := n.MakeRef()
		liar := self.Spawn(func(p *otp.Process) {
			req := p.Receive().(term.Tuple)
			from := req[1].(term.Tuple)
			p.Send(from[1].(term.Pid), term.Tuple{term.Atom("reply"), other, term.Atom("lie")})
			p.Receive() // until told to go
		})
		result := make(chan error, 1)
		left := make(chan []any, 1)
		caller := self.Spawn(func(p *otp.Process) {
			_, err := callserver.Call(p, liar, term.Atom("hello"))
			result <- err
			left <- p.Flush()
		})
		time.Sleep(time.Second)
		synctest.Wait()
		info, ok := n.ProcessInfo(caller)
		require.True(t, ok)
		assert.Equal(t, term.Atom("waiting"), info.Status, "the call is still waiting")
		assert.Equal(t, []any{term.Tuple{term.Atom("reply"), other, term.Atom("lie")}}, info.Messages)

		self.Send(liar, term.Atom("go"))
		assert.ErrorIs(t, <-result, callserver.ErrNoProc)
		assert.Equal(t, []any{term.Tuple{term.Atom("reply"), other, term.Atom("lie")}}, <-left,
			"the lie stays; no DOWN")
	})
}

// Section point 3: a server that replies and dies at once. Its DOWN may
// be queued before the caller removes the monitor; the flush takes it,
// so it cannot surprise a later receive.
func TestNoDownLeftBehind(t *testing.T) {
	inBubble(t, func(t *testing.T, n *otp.Node, self *otp.Process) {
		for range 20 {
			srv := self.Spawn(func(p *otp.Process) {
				req := p.Receive().(term.Tuple)
				from := req[1].(term.Tuple)
				p.Send(from[1].(term.Pid), term.Tuple{term.Atom("reply"), from[0], term.OK})
				otp.Exit(term.Atom("bye"))
			})
			r, err := callserver.Call(self, srv, term.Atom("hello"))
			require.NoError(t, err)
			assert.Equal(t, term.OK, r)
			synctest.Wait() // the server has gone, and any DOWN would be here
			assert.False(t, n.IsProcessAlive(srv))
			assert.Empty(t, self.Flush())
		}
	})
}

// Section point 4: a reply to an earlier call, which came after its
// caller had stopped waiting, is not taken for this call's: only the
// reference of this call's monitor matches.
func TestLateReplyIgnored(t *testing.T) {
	e := erltest.New(t)
	start(t, e.Self)
	stale := term.Tuple{term.Atom("reply"), e.Node.MakeRef(), term.Tuple{term.OK, 99}}
	e.Self.Send(e.Self.Self(), stale)
	r, err := callserver.Call(e.Self, name, request(e.Self))
	require.NoError(t, err)
	assert.Equal(t, term.Tuple{term.OK, 10}, r)
	assert.Equal(t, []any{stale}, e.Self.Flush(), "the stale reply is left alone")
}

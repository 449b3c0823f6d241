// Book: chapter 3, "Behaviours" (Callback Modules: ch3/behavior/frequency.erl).

package behavior_test

import (
	"log/slog"
	"testing"
	"testing/synctest"
	"time"

	"github.com/scalability-go/otpbook/ch03/behavior"
	"github.com/scalability-go/otpbook/ch03/server"
	"github.com/scalability-go/otpbook/internal/erltest"
	"github.com/scalability-go/otpbook/otp"
	"github.com/scalability-go/otpbook/otp/term"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func alloc(t *testing.T, e *erltest.Env) int {
	t.Helper()
	f, err := behavior.Allocate(e.Self)
	require.NoError(t, err)
	return f
}

// Through the generic server, the frequency server behaves as the
// hand-written one: the same order, LIFO reuse, no validation.
func TestSameAsHandWritten(t *testing.T) {
	e := erltest.New(t)
	_, err := behavior.Start(e.Self)
	require.NoError(t, err)
	for want := 10; want <= 15; want++ {
		assert.Equal(t, want, alloc(t, e))
	}
	_, err = behavior.Allocate(e.Self)
	assert.ErrorIs(t, err, behavior.ErrNoFrequency)
	assert.EqualError(t, err, "{error,no_frequency}")

	require.NoError(t, behavior.Deallocate(e.Self, 11))
	assert.Equal(t, 11, alloc(t, e))
	require.NoError(t, behavior.Deallocate(e.Self, 10))
	require.NoError(t, behavior.Deallocate(e.Self, 10))
	assert.Equal(t, 10, alloc(t, e))
	assert.Equal(t, 10, alloc(t, e), "the double free hands 10 out twice")
	require.NoError(t, behavior.Deallocate(e.Self, 42))
	assert.Equal(t, 42, alloc(t, e), "42 was never in the pool")

	_, err = behavior.Start(e.Self)
	assert.ErrorIs(t, err, server.ErrNameInUse)
	require.NoError(t, behavior.Stop(e.Self))
	_, err = behavior.Allocate(e.Self)
	assert.ErrorIs(t, err, otp.ErrBadarg)
	assert.ErrorIs(t, behavior.Stop(e.Self), otp.ErrBadarg)
}

// The callbacks on their own: init's state, handle's replies, and
// function_clause for a request handle does not know.
func TestCallbacks(t *testing.T) {
	cb := behavior.Frequency{}
	me := term.Pid{ID: 7}
	s := cb.Init(nil, term.List{})
	assert.Equal(t, "{[10,11,12,13,14,15],[]}", term.Write(s))
	s, r := cb.Handle(nil, term.Tuple{term.Atom("allocate"), me}, s)
	assert.Equal(t, "{ok,10}", term.Write(r))
	assert.Equal(t, "{[11,12,13,14,15],[{10,<0.7.0>}]}", term.Write(s))
	s, r = cb.Handle(nil, term.Tuple{term.Atom("deallocate"), 10}, s)
	assert.Equal(t, term.OK, r)
	assert.Equal(t, "{[10,11,12,13,14,15],[]}", term.Write(s))
	assert.Equal(t, term.OK, cb.Terminate(nil, s))

	exc := otp.Catch(func() { cb.Handle(nil, term.Atom("bogus"), s) })
	require.NotNil(t, exc)
	assert.Equal(t, term.Atom("function_clause"), exc.Reason)
	assert.Equal(t, "{frequency,handle,[bogus,{[10,11,12,13,14,15],[]}],[]}", term.Write(exc.Stack[0]))
}

// A bogus request crashes the server with function_clause in
// frequency:handle/2, under server:loop/2, and leaves its client waiting
// for ever (the bubble's clock moves on 200ms; the client still waits).
func TestBogusRequestHangsClient(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		var log erltest.Output
		n, err := otp.NewNode(otp.Logger(slog.New(slog.NewTextHandler(&log, nil))))
		require.NoError(t, err)
		defer n.Stop()
		self := n.Attach()
		defer self.Detach()

		srv, err := behavior.Start(self)
		require.NoError(t, err)
		_, err = behavior.Allocate(self)
		require.NoError(t, err)
		ref, _ := self.Monitor(srv)
		client := self.Spawn(func(p *otp.Process) {
			server.Call(p, behavior.Name, term.Atom("bogus"))
			t.Error("the call returned")
		})
		down := self.Receive().(otp.DownMsg)
		require.Equal(t, ref, down.Ref)
		want := "{function_clause,[{frequency,handle,[bogus,{[11,12,13,14,15],[{10," +
			self.Self().String() + "}]}],[]},{server,loop,2,[]}]}"
		assert.Equal(t, want, term.Write(down.Reason))
		assert.Contains(t, log.Take(), "Error in process "+srv.String())

		time.Sleep(200 * time.Millisecond)
		synctest.Wait()
		info, ok := n.ProcessInfo(client)
		require.True(t, ok, "the client is alive")
		assert.Equal(t, term.Atom("waiting"), info.Status)
		assert.Equal(t, 0, info.MessageQueueLen, "no reply, and nothing else, came")
		assert.Equal(t, otp.Killed, killed(self, client))
	})
}

// killed kills pid and returns its exit reason.
func killed(self *otp.Process, pid term.Pid) term.Term {
	ref, _ := self.Monitor(pid)
	self.SendExit(pid, otp.Kill)
	m, _ := self.ReceiveMatch(func(m any) bool { d, ok := m.(otp.DownMsg); return ok && d.Ref == ref }, otp.Infinity)
	return m.(otp.DownMsg).Reason
}

package gen_test

import (
	"errors"
	"testing"
	"testing/synctest"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/scalability-go/otpbook/otp"
	"github.com/scalability-go/otpbook/otp/gen"
	"github.com/scalability-go/otpbook/otp/term"
)

func TestCallReply(t *testing.T) {
	n, self := newNode(t)
	pid := self.SpawnLink(server(self.Self()))
	r, err := gen.Call(self, pid, call(term.Atom("hi")), 5*time.Second)
	require.NoError(t, err)
	assert.Equal(t, term.Tuple{term.Atom("reply"), term.Atom("hi")}, r)

	require.NoError(t, n.Register("srv", pid))
	for _, dest := range []term.Term{term.Atom("srv"), term.Tuple{term.Atom("srv"), n.Name()}} {
		r, err = gen.Call(self, dest, call(1), otp.Infinity)
		require.NoError(t, err)
		assert.Equal(t, term.Tuple{term.Atom("reply"), 1}, r)
	}
	assert.Empty(t, self.Flush(), "no DOWN or reply left behind")
}

func TestCallNoproc(t *testing.T) {
	_, self := newNode(t)
	dead, ref := self.SpawnMonitor(func(*otp.Process) {})
	self.ReceiveMatch(func(m any) bool { d, ok := m.(otp.DownMsg); return ok && d.Ref == ref }, otp.Infinity)
	for _, dest := range []term.Term{dead, term.Atom("nobody"), term.Tuple{term.Atom("global"), term.Atom("nobody")},
		term.Tuple{term.Atom("via"), term.Atom("global"), term.Atom("nobody")}} {
		_, err := gen.Call(self, dest, call(1), time.Second)
		require.ErrorIs(t, err, gen.ErrNoproc, "%v", dest)
		var ce *gen.CallError
		require.ErrorAs(t, err, &ce)
		assert.Equal(t, otp.Noproc, ce.Reason)
	}
	assert.Empty(t, self.Flush())
}

func TestCallNodedown(t *testing.T) {
	_, self := newNode(t)
	_, err := gen.Call(self, term.Tuple{term.Atom("srv"), term.Atom("other@host")}, call(1), time.Second)
	require.ErrorIs(t, err, gen.ErrNodedown)
	assert.Equal(t, term.Tuple{gen.Nodedown, term.Atom("other@host")}, err.(*gen.CallError).Reason)
}

func TestCallCallingSelf(t *testing.T) {
	n, self := newNode(t)
	_, err := gen.Call(self, self.Self(), call(1), time.Second)
	require.ErrorIs(t, err, gen.ErrCallingSelf)
	require.NoError(t, n.Register("me", self.Self()))
	_, err = gen.Call(self, term.Atom("me"), call(1), time.Second)
	require.ErrorIs(t, err, gen.ErrCallingSelf)
}

func TestCallServerDies(t *testing.T) {
	_, self := newNode(t)
	pid := self.Spawn(server(self.Self()))
	_, err := gen.Call(self, pid, call(term.Tuple{term.Atom("die"), term.Atom("boom")}), 5*time.Second)
	var ce *gen.CallError
	require.ErrorAs(t, err, &ce)
	assert.Equal(t, term.Atom("boom"), ce.Reason)
	assert.Empty(t, self.Flush())
}

// GS-16: a reply that comes after the caller gave up is dropped.
func TestCallTimeoutNoLateReply(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		_, self := newNode(t)
		test := self.Self()
		// A server that replies only when told to, to the last caller.
		srv := self.Spawn(func(p *otp.Process) {
			var from gen.From
			for {
				switch m := p.Receive().(type) {
				case gen.CallMsg:
					from = m.From
				case term.Atom:
					gen.Reply(p, from, m)
					p.Send(test, term.Atom("replied"))
				}
			}
		})
		start := time.Now()
		_, err := gen.Call(self, srv, call(1), time.Second)
		require.ErrorIs(t, err, gen.ErrTimeout)
		assert.Equal(t, time.Second, time.Since(start))
		self.Send(srv, term.Atom("late"))
		assert.Equal(t, term.Atom("replied"), self.Receive())
		assert.Empty(t, self.Flush(), "the late reply is dropped")
		self.SendExit(srv, otp.Kill)
	})
}

func TestRaise(t *testing.T) {
	exc := otp.Catch(func() { gen.Raise(&gen.CallError{Reason: gen.Timeout}) })
	require.NotNil(t, exc)
	assert.Equal(t, otp.ClassExit, exc.Class)
	assert.Equal(t, gen.Timeout, exc.Reason)
	assert.Nil(t, otp.Catch(func() { gen.Raise(nil) }))
	exc = otp.Catch(func() { gen.Raise(errors.New("x")) })
	assert.Equal(t, otp.ClassError, exc.Class)
}

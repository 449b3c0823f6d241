// Book: chapter 2, "ETS: Erlang Term Storage" (exercise: ch2/hlr.erl that cleans up).

package hlrcleanup_test

import (
	"testing"

	"github.com/scalability-go/otpbook/ch02/exercises/hlrcleanup"
	"github.com/scalability-go/otpbook/internal/erltest"
	"github.com/scalability-go/otpbook/otp"
	"github.com/scalability-go/otpbook/otp/ets"
	"github.com/scalability-go/otpbook/otp/term"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// start starts the HLR and stops it when the test ends.
func start(t *testing.T) (*erltest.Env, term.Pid) {
	e := erltest.New(t)
	owner, err := hlrcleanup.New(e.Self)
	require.NoError(t, err)
	require.NotEqual(t, e.Self.Self(), owner, "the tables belong to an owner process of their own")
	return e, owner
}

func TestAttachLookupDetach(t *testing.T) {
	e, _ := start(t)
	p := e.Self
	require.NoError(t, hlrcleanup.Attach(p, 12345))
	pid, err := hlrcleanup.LookupID(p, 12345)
	require.NoError(t, err)
	assert.Equal(t, p.Self(), pid)
	ms, err := hlrcleanup.LookupMS(p, p.Self())
	require.NoError(t, err)
	assert.Equal(t, 12345, ms)

	found, err := hlrcleanup.Detach(p)
	require.NoError(t, err)
	assert.True(t, found)
	_, err = hlrcleanup.LookupID(p, 12345)
	assert.ErrorIs(t, err, hlrcleanup.ErrInvalid)
	found, err = hlrcleanup.Detach(p)
	require.NoError(t, err)
	assert.False(t, found)
}

// A second attach replaces the first number: no stale entry.
func TestReattachLeavesNothingBehind(t *testing.T) {
	e, _ := start(t)
	p := e.Self
	require.NoError(t, hlrcleanup.Attach(p, 1))
	require.NoError(t, hlrcleanup.Attach(p, 2))
	_, err := hlrcleanup.LookupID(p, 1)
	assert.ErrorIs(t, err, hlrcleanup.ErrInvalid, "the first number is gone")
	ms, err := hlrcleanup.LookupMS(p, p.Self())
	require.NoError(t, err)
	assert.Equal(t, 2, ms)
	// Attaching the same number again changes nothing.
	require.NoError(t, hlrcleanup.Attach(p, 2))
	pid, err := hlrcleanup.LookupID(p, 2)
	require.NoError(t, err)
	assert.Equal(t, p.Self(), pid)
}

// The entries of a process that ends go with it, whatever its reason.
func TestDeadProcessIsRemoved(t *testing.T) {
	e, _ := start(t)
	for i, reason := range []term.Term{otp.Normal, term.Atom("crashed"), otp.Kill} {
		ms := 100 + i
		self := e.Self.Self()
		q := e.Self.Spawn(func(q *otp.Process) {
			if err := hlrcleanup.Attach(q, ms); err != nil {
				otp.Exit(term.Atom("attach_failed"))
			}
			q.Send(self, term.Atom("attached"))
			q.Receive()
		})
		assert.Equal(t, term.Atom("attached"), e.Recv(t))
		pid, err := hlrcleanup.LookupID(e.Self, ms)
		require.NoError(t, err)
		require.Equal(t, q, pid)

		ref, err := e.Self.Monitor(q)
		require.NoError(t, err)
		e.Self.SendExit(q, reason)
		if reason == otp.Normal {
			e.Self.Send(q, "stop") // exit(Pid, normal) is ignored: let it return
		}
		_, ok := e.Self.ReceiveRef(ref, func(m any) bool { d, ok := m.(otp.DownMsg); return ok && d.Ref == ref }, erltest.Wait)
		require.True(t, ok)

		require.NoError(t, hlrcleanup.Sync(e.Self))
		_, err = hlrcleanup.LookupID(e.Self, ms)
		assert.ErrorIs(t, err, hlrcleanup.ErrInvalid, "reason %v", reason)
		_, err = hlrcleanup.LookupMS(e.Self, q)
		assert.ErrorIs(t, err, hlrcleanup.ErrInvalid, "reason %v", reason)
	}
}

// The tables outlive the process that called New, even one that crashes.
func TestTablesOutliveTheCaller(t *testing.T) {
	e := erltest.New(t)
	self := e.Self.Self()
	caller := e.Self.Spawn(func(q *otp.Process) {
		if _, err := hlrcleanup.New(q); err != nil {
			otp.Exit(term.Atom("new_failed"))
		}
		q.Send(self, term.Atom("made"))
		otp.Error(term.Atom("boom"))
	})
	assert.Equal(t, term.Atom("made"), e.Recv(t))
	e.Down(t, caller)
	_, err := hlrcleanup.LookupID(e.Self, 1)
	assert.ErrorIs(t, err, hlrcleanup.ErrInvalid, "the tables are still there")
	require.NoError(t, hlrcleanup.Stop(e.Self))
}

// Only the owner writes: other processes read.
func TestTablesAreProtected(t *testing.T) {
	e, owner := start(t)
	err := ets.Insert(e.Self, ets.Named(hlrcleanup.MsisdnToPid), term.Tuple{1, e.Self.Self()})
	assert.ErrorIs(t, err, term.ErrBadarg)
	got, err := ets.InfoItem(e.Self, ets.Named(hlrcleanup.MsisdnToPid), "owner")
	require.NoError(t, err)
	assert.Equal(t, owner, got)
}

// A second New fails; Stop takes the tables away.
func TestNewTwiceAndStop(t *testing.T) {
	e, owner := start(t)
	_, err := hlrcleanup.New(e.Self)
	assert.ErrorIs(t, err, term.ErrBadarg)

	ref, err := e.Self.Monitor(owner)
	require.NoError(t, err)
	require.NoError(t, hlrcleanup.Stop(e.Self))
	_, ok := e.Self.ReceiveRef(ref, func(m any) bool { d, ok := m.(otp.DownMsg); return ok && d.Ref == ref }, erltest.Wait)
	require.True(t, ok)
	_, err = hlrcleanup.LookupID(e.Self, 1)
	assert.ErrorIs(t, err, term.ErrBadarg, "the tables went with the owner")
	assert.ErrorIs(t, hlrcleanup.Attach(e.Self, 1), hlrcleanup.ErrNoOwner)
}

// Taking a number another process holds leaves that process with none,
// and its later detach or death does not take the number away.
func TestTakeOverANumber(t *testing.T) {
	e, _ := start(t)
	self := e.Self.Self()
	b := e.Self.Spawn(func(q *otp.Process) {
		if err := hlrcleanup.Attach(q, 7); err != nil {
			otp.Exit(term.Atom("attach_failed"))
		}
		q.Send(self, term.Atom("attached"))
		q.Receive()
		if _, err := hlrcleanup.Detach(q); err != nil {
			otp.Exit(term.Atom("detach_failed"))
		}
	})
	assert.Equal(t, term.Atom("attached"), e.Recv(t))
	require.NoError(t, hlrcleanup.Attach(e.Self, 7))
	_, err := hlrcleanup.LookupMS(e.Self, b)
	assert.ErrorIs(t, err, hlrcleanup.ErrInvalid, "b lost its number")

	down := e.Watch(t, b)
	e.Self.Send(b, "detach")
	assert.Equal(t, otp.Normal, down())
	require.NoError(t, hlrcleanup.Sync(e.Self))
	pid, err := hlrcleanup.LookupID(e.Self, 7)
	require.NoError(t, err)
	assert.Equal(t, e.Self.Self(), pid)
}

// New may follow Stop at once.
func TestNewAfterStop(t *testing.T) {
	e := erltest.New(t)
	for range 20 {
		_, err := hlrcleanup.New(e.Self)
		require.NoError(t, err)
		require.NoError(t, hlrcleanup.Stop(e.Self))
	}
}

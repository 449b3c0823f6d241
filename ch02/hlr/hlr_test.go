// Book: chapter 2, "ETS: Erlang Term Storage" (ch2/hlr.erl).

package hlr_test

import (
	"testing"

	"github.com/scalability-go/otpbook/ch02/hlr"
	"github.com/scalability-go/otpbook/internal/erltest"
	"github.com/scalability-go/otpbook/otp"
	"github.com/scalability-go/otpbook/otp/ets"
	"github.com/scalability-go/otpbook/otp/term"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestAttachLookupDetach(t *testing.T) {
	e := erltest.New(t)
	p := e.Self
	require.NoError(t, hlr.New(p))
	require.NoError(t, hlr.Attach(p, 12345))

	ms, err := hlr.LookupMS(p, p.Self())
	require.NoError(t, err)
	assert.Equal(t, 12345, ms)
	pid, err := hlr.LookupID(p, 12345)
	require.NoError(t, err)
	assert.Equal(t, p.Self(), pid)
	_, err = hlr.LookupID(p, 666)
	assert.ErrorIs(t, err, hlr.ErrInvalid)

	found, err := hlr.Detach(p)
	require.NoError(t, err)
	assert.True(t, found)
	_, err = hlr.LookupID(p, 12345)
	assert.ErrorIs(t, err, hlr.ErrInvalid)
	_, err = hlr.LookupMS(p, p.Self())
	assert.ErrorIs(t, err, hlr.ErrInvalid)

	found, err = hlr.Detach(p)
	require.NoError(t, err)
	assert.False(t, found, "a second detach finds nothing")
}

// Attaching twice leaves the first number behind: msisdn2pid keeps it,
// pid2msisdn knows only the second, so detach removes only that one.
func TestDoubleAttachLeavesStaleEntry(t *testing.T) {
	e := erltest.New(t)
	p := e.Self
	require.NoError(t, hlr.New(p))
	require.NoError(t, hlr.Attach(p, 1))
	require.NoError(t, hlr.Attach(p, 2))
	ms, err := hlr.LookupMS(p, p.Self())
	require.NoError(t, err)
	assert.Equal(t, 2, ms)

	_, err = hlr.Detach(p)
	require.NoError(t, err)
	pid, err := hlr.LookupID(p, 1)
	require.NoError(t, err, "the stale entry")
	assert.Equal(t, p.Self(), pid)
	_, err = hlr.LookupID(p, 2)
	assert.ErrorIs(t, err, hlr.ErrInvalid)
}

// A process that attaches and ends still resolves: nothing cleans up.
func TestDeadProcessStillResolves(t *testing.T) {
	e := erltest.New(t)
	require.NoError(t, hlr.New(e.Self))
	q, ref := e.Self.SpawnMonitor(func(q *otp.Process) {
		if err := hlr.Attach(q, 3); err != nil {
			otp.Exit(term.Atom("attach_failed"))
		}
	})
	down, ok := e.Self.ReceiveRef(ref, func(m any) bool { d, ok := m.(otp.DownMsg); return ok && d.Ref == ref }, erltest.Wait)
	require.True(t, ok)
	assert.Equal(t, otp.Normal, down.(otp.DownMsg).Reason)
	pid, err := hlr.LookupID(e.Self, 3)
	require.NoError(t, err)
	assert.Equal(t, q, pid)
	assert.False(t, e.Node.IsProcessAlive(pid))
}

// The tables belong to the process that made them, and go with it.
func TestTablesDieWithTheirOwner(t *testing.T) {
	e := erltest.New(t)
	self := e.Self.Self()
	owner := e.Self.Spawn(func(q *otp.Process) {
		if err := hlr.New(q); err != nil {
			otp.Exit(term.Atom("new_failed"))
		}
		if err := hlr.Attach(q, 7); err != nil {
			otp.Exit(term.Atom("attach_failed"))
		}
		q.Send(self, term.Atom("attached"))
		q.Receive()
	})
	ref, err := e.Self.Monitor(owner)
	require.NoError(t, err)
	assert.Equal(t, term.Atom("attached"), e.Recv(t))
	_, err = hlr.LookupID(e.Self, 7)
	require.NoError(t, err)
	e.Self.SendExit(owner, otp.Kill)
	m, ok := e.Self.ReceiveMatch(func(m any) bool { d, ok := m.(otp.DownMsg); return ok && d.Ref == ref }, erltest.Wait)
	require.True(t, ok)
	assert.Equal(t, otp.Killed, m.(otp.DownMsg).Reason)

	_, err = hlr.LookupID(e.Self, 7)
	require.ErrorIs(t, err, term.ErrBadarg, "the table went with its owner")
	var etsErr *ets.Error
	require.ErrorAs(t, err, &etsErr)
	assert.Equal(t, term.Atom("lookup"), etsErr.Function)
}

// A second new fails: the names are taken.
func TestNewTwice(t *testing.T) {
	e := erltest.New(t)
	require.NoError(t, hlr.New(e.Self))
	assert.ErrorIs(t, hlr.New(e.Self), term.ErrBadarg)
}

// The Erlang module: the book's return values, and errors as erl shows
// them, "in call from hlr:new/0".
func TestModule(t *testing.T) {
	e := erltest.New(t, hlr.Module(), ets.Module())
	call := func(f term.Atom, args ...term.Term) term.Term {
		t.Helper()
		v, exc := e.Call("hlr", f, args...)
		require.Nil(t, exc)
		return v
	}
	ok := term.Atom("ok")
	invalid := term.Tuple{term.Atom("error"), term.Atom("invalid")}
	assert.Equal(t, ok, call("new"))
	assert.Equal(t, term.Atom("true"), call("attach", 12345))
	assert.Equal(t, term.Tuple{ok, 12345}, call("lookup_ms", e.Self.Self()))
	assert.Equal(t, term.Tuple{ok, e.Self.Self()}, call("lookup_id", 12345))
	assert.Equal(t, invalid, call("lookup_id", 666))
	assert.Equal(t, term.Atom("true"), call("detach"))
	assert.Equal(t, ok, call("detach"), "an unknown caller gets ok, not true")
	assert.Equal(t, invalid, call("lookup_ms", e.Self.Self()))

	_, exc := e.Call("hlr", "new")
	require.NotNil(t, exc)
	assert.Equal(t, term.Atom("badarg"), exc.Reason)
	require.Len(t, exc.Stack, 2)
	assert.Equal(t, term.Atom("ets"), exc.Stack[0].(term.Tuple)[0])
	assert.Equal(t, term.Tuple{term.Atom("hlr"), term.Atom("new"), 0, term.List{}}, exc.Stack[1])
}

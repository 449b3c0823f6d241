// Book: chapter 4, "Generic Servers", "Termination" (exercise: a synchronous stop for ch4/frequency.erl).

package syncstop_test

import (
	"testing"

	"github.com/scalability-go/otpbook/ch04/exercises/syncstop"
	"github.com/scalability-go/otpbook/internal/erltest"
	"github.com/scalability-go/otpbook/otp"
	"github.com/scalability-go/otpbook/otp/genserver"
	"github.com/scalability-go/otpbook/otp/term"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Stop returns once the server is gone: not alive, its name free, and a
// new server may start at once.
func TestStopIsSynchronous(t *testing.T) {
	for range 20 {
		e := erltest.New(t)
		pid, err := syncstop.Start(e.Self)
		require.NoError(t, err)
		f, err := syncstop.Allocate(e.Self)
		require.NoError(t, err)
		assert.Equal(t, 10, f)
		require.NoError(t, syncstop.Stop(e.Self))
		assert.False(t, e.Node.IsProcessAlive(pid), "the server is gone when Stop returns")
		_, ok := e.Node.WhereIs(syncstop.Name)
		assert.False(t, ok, "its name is free")
		_, err = syncstop.Start(e.Self)
		require.NoError(t, err, "a new server starts at once")
		require.NoError(t, syncstop.Stop(e.Self))
		assert.Empty(t, e.Log.Take(), "a normal stop: no report")
	}
}

// The server answers the call stop with ok, and exits normal.
func TestStopCall(t *testing.T) {
	e := erltest.New(t)
	e.Self.TrapExit(true)
	pid, err := syncstop.Start(e.Self)
	require.NoError(t, err)
	r, err := genserver.Call(e.Self, syncstop.Name, syncstop.StopRequest)
	require.NoError(t, err)
	assert.Equal(t, term.OK, r)
	exit := e.Recv(t).(otp.ExitMsg)
	assert.Equal(t, pid, exit.From)
	assert.Equal(t, otp.Normal, exit.Reason)
}

// Unlike the cast, a stop with no server fails: noproc.
func TestStopWithoutServer(t *testing.T) {
	e := erltest.New(t)
	err := syncstop.Stop(e.Self)
	require.ErrorIs(t, err, genserver.ErrNoproc)
	_, err = syncstop.Start(e.Self)
	require.NoError(t, err)
	require.NoError(t, syncstop.Stop(e.Self))
	require.ErrorIs(t, syncstop.Stop(e.Self), genserver.ErrNoproc, "a second Stop")
	assert.Empty(t, e.Self.Flush(), "no DOWN left behind")
}

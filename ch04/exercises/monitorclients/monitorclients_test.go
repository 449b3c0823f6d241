// Book: chapter 4, "Generic Servers" (exercise: monitor the clients of ch4/frequency.erl).

package monitorclients_test

import (
	"testing"

	"github.com/scalability-go/otpbook/ch04/exercises/monitorclients"
	"github.com/scalability-go/otpbook/internal/erltest"
	"github.com/scalability-go/otpbook/otp"
	"github.com/scalability-go/otpbook/otp/sys"
	"github.com/scalability-go/otpbook/otp/term"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// state returns the server's state. The call is queued behind whatever
// the server was sent before, DOWN messages of clients that died included.
func state(t *testing.T, e *erltest.Env) monitorclients.State {
	t.Helper()
	s, err := sys.GetState(e.Self, monitorclients.Name)
	require.NoError(t, err)
	return s.(monitorclients.State)
}

// client spawns a process that allocates n frequencies, reports them, and
// exits with reason when told to.
func client(t *testing.T, e *erltest.Env, n int) (term.Pid, []term.Term) {
	t.Helper()
	got := make(chan []term.Term, 1)
	pid := e.Self.Spawn(func(p *otp.Process) {
		var fs []term.Term
		for range n {
			r, err := monitorclients.Allocate(p)
			if err != nil {
				return
			}
			fs = append(fs, r)
		}
		got <- fs
		reason := p.Receive()
		otp.Exit(reason)
	})
	return pid, <-got
}

func monitors(t *testing.T, e *erltest.Env, server term.Pid) int {
	info, ok := e.Node.ProcessInfo(server)
	require.True(t, ok)
	return len(info.Monitors)
}

// A client that dies holding frequencies gives them back, whatever its
// reason.
func TestDeadClientsFrequenciesComeBack(t *testing.T) {
	for _, reason := range []term.Term{otp.Normal, term.Atom("crash")} {
		e := erltest.New(t)
		server, err := monitorclients.Start(e.Self)
		require.NoError(t, err)
		pid, fs := client(t, e, 2)
		assert.Equal(t, "[{ok,10},{ok,11}]", term.Write(term.List(fs)))
		assert.Equal(t, []int{12, 13, 14, 15}, state(t, e).Free)
		assert.Equal(t, 2, monitors(t, e, server))

		mref, err := e.Self.Monitor(pid)
		require.NoError(t, err)
		e.Self.Send(pid, reason)
		assert.Equal(t, mref, e.Recv(t).(otp.DownMsg).Ref)
		s := state(t, e)
		assert.ElementsMatch(t, []int{10, 11, 12, 13, 14, 15}, s.Free)
		assert.Empty(t, s.Allocated)
		assert.Equal(t, 0, monitors(t, e, server))
	}
}

// A frequency given back is no longer watched: its client's death later
// frees nothing twice.
func TestDeallocateDemonitors(t *testing.T) {
	e := erltest.New(t)
	server, err := monitorclients.Start(e.Self)
	require.NoError(t, err)
	pid, _ := client(t, e, 1)
	monitorclients.Deallocate(e.Self, 10)
	s := state(t, e)
	assert.Equal(t, []int{10, 11, 12, 13, 14, 15}, s.Free)
	assert.Equal(t, 0, monitors(t, e, server))
	mref, err := e.Self.Monitor(pid)
	require.NoError(t, err)
	e.Self.Send(pid, otp.Normal)
	assert.Equal(t, mref, e.Recv(t).(otp.DownMsg).Ref)
	assert.Equal(t, []int{10, 11, 12, 13, 14, 15}, state(t, e).Free, "no frequency twice")
}

// Other clients keep theirs; the test's own allocations are its own.
func TestOnlyTheDeadClientsFrequencies(t *testing.T) {
	e := erltest.New(t)
	_, err := monitorclients.Start(e.Self)
	require.NoError(t, err)
	r, err := monitorclients.Allocate(e.Self)
	require.NoError(t, err)
	assert.Equal(t, "{ok,10}", term.Write(r))
	pid, _ := client(t, e, 1)
	other, _ := client(t, e, 1)
	mref, err := e.Self.Monitor(pid)
	require.NoError(t, err)
	e.Self.Send(pid, otp.Normal)
	assert.Equal(t, mref, e.Recv(t).(otp.DownMsg).Ref)
	s := state(t, e)
	assert.Equal(t, []int{11, 13, 14, 15}, s.Free)
	require.Len(t, s.Allocated, 2)
	assert.Equal(t, other, s.Allocated[0].Pid)
	assert.Equal(t, e.Self.Self(), s.Allocated[1].Pid)
	e.Self.Send(other, otp.Normal)
}

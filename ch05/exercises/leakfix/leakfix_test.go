// Book: chapter 5, "Controlling OTP Behaviours" (exercise: the leak of the suspend experiment, fixed).

package leakfix_test

import (
	"testing"
	"testing/synctest"
	"time"

	"github.com/scalability-go/otpbook/ch04/frequency"
	"github.com/scalability-go/otpbook/ch05/exercises/leakfix"
	"github.com/scalability-go/otpbook/internal/erltest"
	"github.com/scalability-go/otpbook/otp"
	"github.com/scalability-go/otpbook/otp/genserver"
	"github.com/scalability-go/otpbook/otp/sys"
	"github.com/scalability-go/otpbook/otp/term"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// suspendExperiment is the chapter's: the shell holds 10; with the server
// suspended, a client's call times out and the client ends; a cast
// gives 10 back; the server is resumed. It returns the state once the
// server has handled everything, and the client's pid.
func suspendExperiment(t *testing.T, start func(p *otp.Process) (term.Pid, error)) (frequency.State, term.Pid) {
	t.Helper()
	e := erltest.New(t)
	_, err := start(e.Self)
	require.NoError(t, err)
	t.Cleanup(func() { _ = sys.Terminate(e.Self, frequency.Name, term.Atom("normal")) })
	f, err := frequency.Allocate(e.Self)
	require.NoError(t, err)
	require.Equal(t, 10, f)
	require.NoError(t, sys.Suspend(e.Self, frequency.Name))
	client, ref := e.Self.SpawnMonitor(func(p *otp.Process) {
		_, err := genserver.Call(p, frequency.Name, frequency.AllocateRequest(p.Self()), time.Second)
		if !assert.ErrorIs(t, err, genserver.ErrTimeout) {
			return
		}
	})
	_, ok := e.Self.ReceiveMatch(func(m any) bool { d, ok := m.(otp.DownMsg); return ok && d.Ref == ref }, 2*time.Second)
	require.True(t, ok, "the client gave up and ended")
	frequency.Deallocate(e.Self, 10)
	require.NoError(t, sys.Resume(e.Self, frequency.Name))
	synctest.Wait() // the server has handled the call, the cast, and what followed
	s, err := sys.GetState(e.Self, frequency.Name)
	require.NoError(t, err)
	return s.(frequency.State), client
}

// Chapter 4's server leaks: 11 went to the client that is gone.
func TestChapter4Leaks(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		s, client := suspendExperiment(t, func(p *otp.Process) (term.Pid, error) { return frequency.StartLink(p) })
		assert.Equal(t, []frequency.Allocation{{Freq: 11, Pid: client}}, s.Allocated)
		assert.Equal(t, []term.Term{10, 12, 13, 14, 15}, s.Free)
	})
}

// Fixed: the frequency handed to the dead client comes back.
func TestFixed(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		s, _ := suspendExperiment(t, leakfix.StartLink)
		assert.Empty(t, s.Allocated)
		assert.ElementsMatch(t, []term.Term{10, 11, 12, 13, 14, 15}, s.Free)
	})
}

// A client that dies holding frequencies gives them back; the others
// keep theirs.
func TestClientDies(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		e := erltest.New(t)
		_, err := leakfix.StartLink(e.Self)
		require.NoError(t, err)
		defer func() { _ = sys.Terminate(e.Self, frequency.Name, term.Atom("normal")) }()
		f, err := frequency.Allocate(e.Self)
		require.NoError(t, err)
		client := e.Self.Spawn(func(p *otp.Process) {
			for range 2 {
				_, _ = frequency.Allocate(p)
			}
			p.Receive()
		})
		synctest.Wait()
		s, _ := sys.GetState(e.Self, frequency.Name)
		require.Len(t, s.(frequency.State).Allocated, 3)

		e.Self.SendExit(client, term.Atom("kill"))
		synctest.Wait()
		s, _ = sys.GetState(e.Self, frequency.Name)
		assert.Equal(t, []frequency.Allocation{{Freq: f, Pid: e.Self.Self()}}, s.(frequency.State).Allocated)
		assert.Len(t, s.(frequency.State).Free, 5)

		// Other messages are still ignored, and deallocate still works.
		pid, _ := e.Node.WhereIs(frequency.Name)
		e.Self.Send(pid, term.Atom("hello"))
		frequency.Deallocate(e.Self, f)
		synctest.Wait()
		s, _ = sys.GetState(e.Self, frequency.Name)
		assert.Empty(t, s.(frequency.State).Allocated)
	})
}

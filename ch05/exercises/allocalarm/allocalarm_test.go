// Book: chapter 5, "Controlling OTP Behaviours" (exercise: an allocation alarm as a trace function).

package allocalarm_test

import (
	"testing"

	"github.com/scalability-go/otpbook/ch04/frequency"
	"github.com/scalability-go/otpbook/ch05/exercises/allocalarm"
	"github.com/scalability-go/otpbook/internal/erltest"
	"github.com/scalability-go/otpbook/otp/sys"
	"github.com/scalability-go/otpbook/otp/term"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// alarms returns the alarm messages in the test process's mailbox, once
// the server has handled everything sent to it before.
func alarms(t *testing.T, e *erltest.Env) []any {
	t.Helper()
	_, err := sys.GetState(e.Self, frequency.Name)
	require.NoError(t, err)
	var out []any
	for _, m := range e.Self.Flush() {
		switch m.(type) {
		case allocalarm.Raised, allocalarm.Cleared:
			out = append(out, m)
		}
	}
	return out
}

// Raised once when the sixth frequency goes, not again on a refused
// allocation; cleared once when one comes back, not again on the next;
// raised again when it goes.
func TestAlarm(t *testing.T) {
	e := erltest.New(t)
	_, err := frequency.StartLink(e.Self)
	require.NoError(t, err)
	t.Cleanup(func() { _ = sys.Terminate(e.Self, frequency.Name, term.Atom("normal")) })
	require.NoError(t, sys.Install(e.Self, frequency.Name, sys.FuncSpec{Func: allocalarm.Alarm(e.Node, e.Self.Self()), State: false}))

	for range 5 {
		_, err := frequency.Allocate(e.Self)
		require.NoError(t, err)
	}
	assert.Empty(t, alarms(t, e), "one frequency left")
	_, err = frequency.Allocate(e.Self)
	require.NoError(t, err)
	raised := allocalarm.Raised{Proc: frequency.Name}
	assert.Equal(t, []any{raised}, alarms(t, e))
	_, err = frequency.Allocate(e.Self)
	require.ErrorIs(t, err, frequency.ErrNoFrequency)
	assert.Empty(t, alarms(t, e), "raised already")

	frequency.Deallocate(e.Self, 12)
	assert.Equal(t, []any{allocalarm.Cleared{Proc: frequency.Name}}, alarms(t, e))
	frequency.Deallocate(e.Self, 13)
	pid, _ := e.Node.WhereIs(frequency.Name)
	e.Self.Send(pid, term.Atom("hello"))
	assert.Empty(t, alarms(t, e), "cleared already")

	for range 2 {
		_, err := frequency.Allocate(e.Self)
		require.NoError(t, err)
	}
	assert.Equal(t, []any{raised}, alarms(t, e))
	assert.Equal(t, "{alarm_raised,frequency}", term.Write(raised.Term()))
	assert.Equal(t, "{alarm_cleared,frequency}", term.Write(allocalarm.Cleared{Proc: frequency.Name}.Term()))

	// The function stays installed, its state threaded through.
	r, err := sys.GetStatus(e.Self, frequency.Name)
	require.NoError(t, err)
	deb := r.(term.Tuple)[3].(term.List)[3].(term.List)
	require.Len(t, deb, 1)
	assert.Equal(t, true, deb[0].(term.Tuple)[1])
}

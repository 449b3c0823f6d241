// Book: chapter 5, "Controlling OTP Behaviours" (exercise: format_status for privacy).

package privacy_test

import (
	"strings"
	"testing"

	"github.com/scalability-go/otpbook/ch04/frequency"
	"github.com/scalability-go/otpbook/ch05/exercises/privacy"
	"github.com/scalability-go/otpbook/internal/erltest"
	"github.com/scalability-go/otpbook/otp"
	"github.com/scalability-go/otpbook/otp/genserver"
	"github.com/scalability-go/otpbook/otp/sys"
	"github.com/scalability-go/otpbook/otp/term"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// holder spawns a client that allocates a frequency and holds it until
// it gets a message; it returns once the frequency is allocated.
func holder(t *testing.T, e *erltest.Env) term.Pid {
	t.Helper()
	pid := e.Self.Spawn(func(p *otp.Process) {
		_, err := frequency.Allocate(p)
		p.Send(e.Self.Self(), err)
		p.Receive()
	})
	m, ok := e.Self.ReceiveMatch(func(m any) bool { _, ok := m.(error); return ok || m == nil }, erltest.Wait)
	require.True(t, ok)
	require.Nil(t, m)
	t.Cleanup(func() { e.Self.Send(pid, term.Atom("bye")) })
	return pid
}

// get_status shows the counts, and no pid of a client.
func TestGetStatus(t *testing.T) {
	e := erltest.New(t)
	_, err := privacy.StartLink(e.Self)
	require.NoError(t, err)
	t.Cleanup(func() { _ = sys.Terminate(e.Self, frequency.Name, term.Atom("normal")) })
	c1, c2 := holder(t, e), holder(t, e)
	r, err := sys.GetStatus(e.Self, frequency.Name)
	require.NoError(t, err)
	misc := r.(term.Tuple)[3].(term.List)[4].(term.List)
	assert.Equal(t, `{data,[{"State",{{available,4},{allocated,2}}}]}`, strings.ReplaceAll(term.Print(misc[len(misc)-1]), "\n", ""))
	assert.NotContains(t, term.Print(r), term.Write(c1), "no client pid")
	assert.NotContains(t, term.Print(r), term.Write(c2), "no client pid")

	// get_state is not format_status: it shows all.
	s, err := sys.GetState(e.Self, frequency.Name)
	require.NoError(t, err)
	assert.Len(t, s.(frequency.State).Allocated, 2)
}

// The error report of a crash uses it too, for the state it shows.
// (The reason's stacktrace still holds handle_call's arguments, the state
// among them, as in OTP.)
func TestCrashReport(t *testing.T) {
	e := erltest.New(t)
	e.Self.TrapExit(true)
	pid, err := privacy.StartLink(e.Self)
	require.NoError(t, err)
	holder(t, e)
	_, err = genserver.Call(e.Self, frequency.Name, term.Atom("bogus"))
	require.Error(t, err, "an unknown call crashes the server")
	_, ok := e.Self.ReceiveMatch(func(m any) bool { x, ok := m.(otp.ExitMsg); return ok && x.From == pid }, erltest.Wait)
	require.True(t, ok)
	log := e.Log.Take()
	assert.Contains(t, log, `** When Server state == {data,[{\"State\",{{available,5},{allocated,1}}}]}`)
}

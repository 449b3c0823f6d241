// Book: chapter 3, "Behaviours" (exercise: clean up on stop in the frequency server).

package stopcleanup_test

import (
	"testing"

	"github.com/scalability-go/otpbook/ch03/exercises/stopcleanup"
	"github.com/scalability-go/otpbook/internal/erltest"
	"github.com/scalability-go/otpbook/otp"
	"github.com/scalability-go/otpbook/otp/term"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Two clients hold frequencies, the test two more: on stop each hears of
// each of its frequencies, and a frequency given back is not revoked.
// The server sends the revocations before it replies to the stop, so
// they are in the clients' mailboxes once Stop has returned.
func TestStopRevokes(t *testing.T) {
	e := erltest.New(t)
	_, err := stopcleanup.Start(e.Self)
	require.NoError(t, err)
	var clients []term.Pid
	for range 2 {
		c := e.Self.Spawn(func(p *otp.Process) {
			r, _ := stopcleanup.Allocate(p)
			p.Send(e.Self.Self(), r)
			p.ReceiveMatch(func(any) bool { return false }, otp.Infinity) // keep the mailbox
		})
		clients = append(clients, c)
		e.Recv(t) // it holds its frequency
	}
	stopcleanup.Allocate(e.Self) // 12
	stopcleanup.Allocate(e.Self) // 13
	server, _ := e.Node.WhereIs(stopcleanup.Name)
	e.Self.Send(server, term.Tuple{term.Atom("request"), e.Self.Self(), term.Tuple{term.Atom("deallocate"), 12}})
	e.Recv(t) // {reply, ok}

	r, err := stopcleanup.Stop(e.Self)
	require.NoError(t, err)
	assert.Equal(t, term.OK, r)
	assert.Equal(t, []any{term.Tuple{stopcleanup.Revoked, 13}}, e.Self.Flush(), "13 is revoked, 12 was given back")
	for i, c := range clients {
		info, ok := e.Node.ProcessInfo(c)
		require.True(t, ok)
		assert.Equal(t, []any{term.Tuple{stopcleanup.Revoked, 10 + i}}, info.Messages)
		e.Self.SendExit(c, otp.Kill)
	}
}

// With nothing allocated, stop sends nothing.
func TestStopNothingHeld(t *testing.T) {
	e := erltest.New(t)
	_, err := stopcleanup.Start(e.Self)
	require.NoError(t, err)
	_, err = stopcleanup.Stop(e.Self)
	require.NoError(t, err)
	assert.Empty(t, e.Self.Flush())
}

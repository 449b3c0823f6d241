package gen_test

import (
	"testing"
	"testing/synctest"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/scalability-go/otpbook/otp"
	"github.com/scalability-go/otpbook/otp/gen"
	"github.com/scalability-go/otpbook/otp/proclib"
	"github.com/scalability-go/otpbook/otp/term"
)

var initMFA = otp.MFA{Module: "srv", Function: "init", Arity: 1}

func okBody(p *otp.Process, parent term.Pid) {
	proclib.InitAck(p, term.Tuple{term.Atom("ok"), p.Self(), parent})
	p.Receive()
}

func TestStart(t *testing.T) {
	_, self := newNode(t)
	name := term.Tuple{term.Atom("local"), term.Atom("srv")}
	pid, _, ack, err := gen.Start(self, gen.Link, name, initMFA, okBody, gen.StartOptions{})
	require.NoError(t, err)
	assert.Equal(t, term.Tuple{term.Atom("ok"), pid, self.Self()}, ack)
	where, ok := gen.Where(self, name)
	require.True(t, ok)
	assert.Equal(t, pid, where)

	// The name is taken.
	self.TrapExit(true)
	_, _, ack, err = gen.Start(self, gen.Link, name, initMFA, okBody, gen.StartOptions{})
	require.ErrorIs(t, err, gen.ErrAlreadyStarted)
	assert.Equal(t, term.Tuple{term.Atom("error"), term.Tuple{term.Atom("already_started"), pid}}, ack)
	assert.Empty(t, self.Flush(), "no EXIT of the process that found the name taken")

	// NoLink: the process is its own parent.
	p2, _, ack, err := gen.Start(self, gen.NoLink, nil, initMFA, okBody, gen.StartOptions{})
	require.NoError(t, err)
	assert.Equal(t, term.Tuple{term.Atom("ok"), p2, p2}, ack)

	// Monitor.
	p3, mref, _, err := gen.Start(self, gen.Monitor, nil, initMFA, okBody, gen.StartOptions{})
	require.NoError(t, err)
	self.SendExit(p3, otp.Kill)
	down := self.Receive().(otp.DownMsg)
	assert.Equal(t, mref, down.Ref)
	self.SendExit(pid, otp.Kill)
	self.SendExit(p2, otp.Kill)
}

func TestStartTimeout(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		_, self := newNode(t)
		pid, _, ack, err := gen.Start(self, gen.NoLink, nil, initMFA, func(p *otp.Process, _ term.Pid) { p.Receive() },
			gen.StartOptions{Timeout: 100 * time.Millisecond})
		require.ErrorIs(t, err, proclib.ErrTimeout)
		assert.Equal(t, term.Tuple{term.Atom("error"), term.Atom("timeout")}, ack)
		assert.False(t, self.Node().IsProcessAlive(pid))
	})
}

func TestStartInitCrash(t *testing.T) {
	_, self := newNode(t)
	_, _, ack, err := gen.Start(self, gen.NoLink, nil, initMFA, func(*otp.Process, term.Pid) { otp.Exit(term.Atom("bad")) },
		gen.StartOptions{})
	require.Error(t, err)
	assert.Equal(t, term.Tuple{term.Atom("error"), term.Atom("bad")}, ack)
}

package otp_test

import (
	"testing"
	"time"

	"github.com/scalability-go/otpbook/otp"
	"github.com/scalability-go/otpbook/otp/term"
	"github.com/stretchr/testify/require"
)

func TestSmoke(t *testing.T) {
	n, err := otp.NewNode()
	require.NoError(t, err)
	defer n.Stop()
	p := n.Attach()
	defer p.Detach()
	p.TrapExit(true)
	child := p.SpawnLink(func(c *otp.Process) {
		m := c.Receive()
		c.Send(m.(term.Pid), term.Atom("pong"))
		otp.Exit(term.Atom("bye"))
	})
	p.Send(child, p.Self())
	require.Equal(t, term.Atom("pong"), p.Receive())
	msg, ok := p.ReceiveTimeout(time.Second)
	require.True(t, ok)
	require.Equal(t, otp.ExitMsg{From: child, Reason: term.Atom("bye")}, msg)

	c2, ref := p.SpawnMonitor(func(c *otp.Process) { panic("boom") })
	msg = p.Receive()
	d := msg.(otp.DownMsg)
	require.Equal(t, ref, d.Ref)
	require.Equal(t, c2, d.Item)
	t.Log(term.Print(d.Reason))
}

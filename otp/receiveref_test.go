package otp_test

import (
	"testing"
	"time"

	"github.com/scalability-go/otpbook/otp"
	"github.com/scalability-go/otpbook/otp/term"
	"github.com/stretchr/testify/require"
)

// TestReceiveRefSkipsOlderMessages: a receive for a reply tagged with a
// fresh reference does not look at the messages queued before the
// reference was made (OTP's receive marker), and still finds replies that
// arrive later, in order.
func TestReceiveRefSkipsOlderMessages(t *testing.T) {
	n, err := otp.NewNode()
	require.NoError(t, err)
	defer n.Stop()
	self := n.Attach()
	defer self.Detach()

	for i := range 1000 {
		self.Send(self.Self(), i)
	}
	looked := 0
	isReply := func(ref term.Ref) func(any) bool {
		return func(m any) bool {
			looked++
			r, ok := m.(term.Tuple)
			return ok && r[0] == ref
		}
	}

	ref := self.MakeRef()
	server := self.Spawn(func(p *otp.Process) {
		req := p.Receive().(term.Tuple)
		p.Send(req[0].(term.Pid), term.Atom("noise"))
		p.Send(req[0].(term.Pid), term.Tuple{req[1], term.Atom("reply")})
	})
	self.Send(server, term.Tuple{self.Self(), ref})
	msg, ok := self.ReceiveRef(ref, isReply(ref), time.Minute)
	require.True(t, ok)
	require.Equal(t, term.Tuple{ref, term.Atom("reply")}, msg)
	require.LessOrEqual(t, looked, 2, "looked at messages older than the reference")

	// A monitor's reference sets the marker too.
	looked = 0
	_, mref := self.SpawnMonitor(func(*otp.Process) {})
	mref2, err := self.Monitor(term.Atom("nobody"))
	require.NoError(t, err)
	msg, ok = self.ReceiveRef(mref2, func(m any) bool {
		looked++
		d, ok := m.(otp.DownMsg)
		return ok && d.Ref == mref2
	}, time.Minute)
	require.True(t, ok)
	require.Equal(t, otp.Noproc, msg.(otp.DownMsg).Reason)
	require.LessOrEqual(t, looked, 2)

	// With an older reference, every message is looked at, and none lost.
	looked = 0
	_, ok = self.ReceiveRef(mref, func(m any) bool {
		looked++
		d, ok := m.(otp.DownMsg)
		return ok && d.Ref == mref
	}, time.Minute)
	require.True(t, ok)
	require.Greater(t, looked, 1000)
	rest := self.Flush()
	require.Len(t, rest, 1001) // 0..999 and noise
	require.Equal(t, 0, rest[0])
	require.Equal(t, term.Atom("noise"), rest[1000])
}

package gen_test

import (
	"testing"

	"github.com/stretchr/testify/require"
	"go.uber.org/goleak"

	"github.com/scalability-go/otpbook/otp"
	"github.com/scalability-go/otpbook/otp/gen"
	"github.com/scalability-go/otpbook/otp/term"
)

func TestMain(m *testing.M) {
	goleak.VerifyTestMain(m)
}

func newNode(t testing.TB) (*otp.Node, *otp.Process) {
	t.Helper()
	n, err := otp.NewNode()
	require.NoError(t, err)
	self := n.Attach()
	t.Cleanup(func() {
		self.Detach()
		n.Stop()
	})
	return n, self
}

// server is a trivial server loop: it replies {reply, Request} to each
// call, dies with Reason on {die, Reason}, and forwards a cast to to.
func server(to term.Pid) func(p *otp.Process) {
	return func(p *otp.Process) {
		for {
			switch m := gen.Decode(p.Receive()).(type) {
			case gen.CallMsg:
				if t, ok := m.Request.(term.Tuple); ok && len(t) == 2 && t[0] == term.Atom("die") {
					otp.Exit(t[1])
				}
				if m.Request == term.Atom("ignore") {
					continue
				}
				gen.Reply(p, m.From, term.Tuple{term.Atom("reply"), m.Request})
			case gen.CastMsg:
				p.Send(to, m)
			}
		}
	}
}

func call(req any) func(gen.From) any {
	return func(f gen.From) any { return gen.CallMsg{From: f, Request: req} }
}

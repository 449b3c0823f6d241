package sys_test

import (
	"log/slog"
	"testing"

	"github.com/stretchr/testify/require"
	"go.uber.org/goleak"

	"github.com/scalability-go/otpbook/otp"
)

func TestMain(m *testing.M) {
	goleak.VerifyTestMain(m)
}

func newNode(t testing.TB, opts ...otp.Option) (*otp.Node, *otp.Process) {
	t.Helper()
	n, err := otp.NewNode(append([]otp.Option{otp.Logger(slog.New(slog.DiscardHandler))}, opts...)...)
	require.NoError(t, err)
	self := n.Attach()
	t.Cleanup(func() {
		self.Detach()
		n.Stop()
	})
	return n, self
}

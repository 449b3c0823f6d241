package proclib_test

import (
	"context"
	"log/slog"
	"sync"
	"testing"

	"github.com/stretchr/testify/require"
	"go.uber.org/goleak"

	"github.com/scalability-go/otpbook/otp"
)

func TestMain(m *testing.M) {
	goleak.VerifyTestMain(m)
}

// records is a slog handler that keeps what is logged.
type records struct {
	mu   sync.Mutex
	recs []slog.Record
}

func (h *records) Enabled(context.Context, slog.Level) bool { return true }
func (h *records) Handle(_ context.Context, r slog.Record) error {
	h.mu.Lock()
	defer h.mu.Unlock()
	h.recs = append(h.recs, r.Clone())
	return nil
}
func (h *records) WithAttrs([]slog.Attr) slog.Handler { return h }
func (h *records) WithGroup(string) slog.Handler      { return h }

func (h *records) all() []slog.Record {
	h.mu.Lock()
	defer h.mu.Unlock()
	return append([]slog.Record(nil), h.recs...)
}

// newNode makes a node whose reports go to the returned handler, and a
// process attached to it for the test to act through.
func newNode(t testing.TB) (*otp.Node, *otp.Process, *records) {
	t.Helper()
	h := &records{}
	n, err := otp.NewNode(otp.Logger(slog.New(h)))
	require.NoError(t, err)
	self := n.Attach()
	t.Cleanup(func() {
		self.Detach()
		n.Stop()
	})
	return n, self, h
}

package otp_test

import (
	"context"
	"log/slog"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/scalability-go/otpbook/otp"
	"github.com/scalability-go/otpbook/otp/term"
	"github.com/stretchr/testify/require"
)

// mtWait is how long a test waits for a message that must come. It is
// generous: a message that is due comes at once, and a lost one fails
// the test rather than hanging it.
const mtWait = 10 * time.Second

// mtNode makes a node that is stopped when the test ends.
func mtNode(t *testing.T, opts ...otp.Option) *otp.Node {
	t.Helper()
	n, err := otp.NewNode(opts...)
	require.NoError(t, err)
	t.Cleanup(n.Stop)
	return n
}

// mtSelf makes the test a process of n, detached when the test ends.
func mtSelf(t *testing.T, n *otp.Node) *otp.Process {
	t.Helper()
	p := n.Attach()
	t.Cleanup(p.Detach)
	return p
}

// mtRecv takes the oldest message, failing the test if none comes.
func mtRecv(t *testing.T, p *otp.Process) any {
	t.Helper()
	msg, ok := p.ReceiveTimeout(mtWait)
	require.True(t, ok, "no message came")
	return msg
}

// mtRecvDown takes the DOWN message of the monitor ref, failing the test
// if none comes.
func mtRecvDown(t *testing.T, p *otp.Process, ref term.Ref) otp.DownMsg {
	t.Helper()
	msg, ok := p.ReceiveMatch(func(m any) bool {
		d, ok := m.(otp.DownMsg)
		return ok && d.Ref == ref
	}, mtWait)
	require.True(t, ok, "no DOWN message for %v", ref)
	return msg.(otp.DownMsg)
}

// mtExitOnMsg is a process body that waits for a message and exits with
// it as its reason.
func mtExitOnMsg(p *otp.Process) {
	otp.Exit(p.Receive())
}

// mtIdle is a process body that waits for the message stop and then
// returns (reason normal). Other messages stay queued.
func mtIdle(p *otp.Process) {
	p.ReceiveMatch(func(m any) bool { return m == term.Atom("stop") }, otp.Infinity)
}

// mtEcho is a process body that answers {From, Msg} with Msg until it is
// sent stop.
func mtEcho(p *otp.Process) {
	for {
		switch m := p.Receive().(type) {
		case term.Tuple:
			p.Send(m[0].(term.Pid), m[1])
		case term.Atom:
			if m == "stop" {
				return
			}
		}
	}
}

// mtClosed reports whether a channel is closed (or has a value ready),
// without waiting.
func mtClosed[T any](ch <-chan T) bool {
	select {
	case <-ch:
		return true
	default:
		return false
	}
}

// mtDone reports whether a context is done, without waiting.
func mtDone(ctx context.Context) bool { return mtClosed(ctx.Done()) }

// mtRecorder is a slog.Handler that keeps the records it is given.
type mtRecorder struct {
	mu      sync.Mutex
	records []slog.Record
}

func (r *mtRecorder) Enabled(context.Context, slog.Level) bool { return true }

func (r *mtRecorder) Handle(_ context.Context, rec slog.Record) error {
	r.mu.Lock()
	r.records = append(r.records, rec.Clone())
	r.mu.Unlock()
	return nil
}

func (r *mtRecorder) WithAttrs([]slog.Attr) slog.Handler { return r }
func (r *mtRecorder) WithGroup(string) slog.Handler      { return r }

// Records returns the records kept so far.
func (r *mtRecorder) Records() []slog.Record {
	r.mu.Lock()
	defer r.mu.Unlock()
	return slices.Clone(r.records)
}

// mtAttrs returns a record's attributes by key.
func mtAttrs(rec slog.Record) map[string]any {
	m := map[string]any{}
	rec.Attrs(func(a slog.Attr) bool {
		m[a.Key] = a.Value.Any()
		return true
	})
	return m
}

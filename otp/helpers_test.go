package otp_test

// Helpers shared by the package's conformance tests.

import (
	"bytes"
	"io"
	"log/slog"
	"sync"
	"testing"
	"time"

	"github.com/scalability-go/otpbook/otp"
	"github.com/scalability-go/otpbook/otp/term"
	"github.com/stretchr/testify/require"
)

// waitFor is how long a test waits for a message that must come. It is
// generous: it only bounds a test that would otherwise hang.
const waitFor = 5 * time.Second

// newNode makes a node whose log goes nowhere, stopped when the test
// ends, and attaches a process to it for the test to act through.
func newNode(t testing.TB) (*otp.Node, *otp.Process) {
	t.Helper()
	n, err := otp.NewNode(otp.Logger(slog.New(slog.NewTextHandler(io.Discard, nil))))
	require.NoError(t, err)
	t.Cleanup(n.Stop)
	return n, n.Attach()
}

// logBuffer is an io.Writer safe for the node's goroutines to log to.
type logBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *logBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *logBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

// newLoggedNode is newNode with a log that the test can read.
func newLoggedNode(t testing.TB) (*otp.Node, *otp.Process, *logBuffer) {
	t.Helper()
	log := &logBuffer{}
	n, err := otp.NewNode(otp.Logger(slog.New(slog.NewTextHandler(log, nil))))
	require.NoError(t, err)
	t.Cleanup(n.Stop)
	return n, n.Attach(), log
}

// recv takes the oldest message, failing the test if none comes.
func recv(t testing.TB, p *otp.Process) any {
	t.Helper()
	msg, ok := p.ReceiveTimeout(waitFor)
	require.True(t, ok, "no message came")
	return msg
}

// recvMatch takes the oldest message match accepts, failing the test if
// none comes.
func recvMatch(t testing.TB, p *otp.Process, match func(any) bool) any {
	t.Helper()
	msg, ok := p.ReceiveMatch(match, waitFor)
	require.True(t, ok, "no matching message came")
	return msg
}

// recvDown takes the DOWN message of the monitor ref.
func recvDown(t testing.TB, p *otp.Process, ref term.Ref) otp.DownMsg {
	t.Helper()
	msg := recvMatch(t, p, func(m any) bool {
		d, ok := m.(otp.DownMsg)
		return ok && d.Ref == ref
	})
	return msg.(otp.DownMsg)
}

// recvExit takes the EXIT message from pid.
func recvExit(t testing.TB, p *otp.Process, from term.Pid) otp.ExitMsg {
	t.Helper()
	msg := recvMatch(t, p, func(m any) bool {
		e, ok := m.(otp.ExitMsg)
		return ok && e.From == from
	})
	return msg.(otp.ExitMsg)
}

// monitor monitors pid, failing the test on error.
func monitor(t testing.TB, p *otp.Process, pid term.Pid) term.Ref {
	t.Helper()
	ref, err := p.Monitor(pid)
	require.NoError(t, err)
	return ref
}

// requireEmpty checks that p's mailbox holds nothing.
func requireEmpty(t testing.TB, p *otp.Process) {
	t.Helper()
	require.Empty(t, p.Flush(), "mailbox not empty")
}

// waitForever is the body of a process that only waits to be ended.
func waitForever(p *otp.Process) {
	p.ReceiveMatch(func(any) bool { return false }, otp.Infinity)
}

// pidMsg is a message carrying a pid, with a tag to tell it apart.
type pidMsg struct {
	Tag term.Atom
	Pid term.Pid
}

// recvPid takes the pidMsg with tag.
func recvPid(t testing.TB, p *otp.Process, tag term.Atom) term.Pid {
	t.Helper()
	msg := recvMatch(t, p, func(m any) bool {
		pm, ok := m.(pidMsg)
		return ok && pm.Tag == tag
	})
	return msg.(pidMsg).Pid
}

// chainMsg is what each process of a chain made by spawnChain reports.
type chainMsg struct {
	I   int
	Pid term.Pid
}

// spawnChain makes a chain of length processes that do not trap exits,
// each linked to the next: p spawn-links the head, the head spawn-links
// the second, and so on. Every process but the last waits for ever; the
// last runs end. It returns the pids, head first, once every process
// has reported.
func spawnChain(t testing.TB, p *otp.Process, length int, end func(*otp.Process)) []term.Pid {
	t.Helper()
	me := p.Self()
	var at func(i int) func(*otp.Process)
	at = func(i int) func(*otp.Process) {
		return func(q *otp.Process) {
			q.Send(me, chainMsg{I: i, Pid: q.Self()})
			if i == length-1 {
				end(q)
				return
			}
			q.SpawnLink(at(i + 1))
			waitForever(q)
		}
	}
	p.SpawnLink(at(0))
	pids := make([]term.Pid, length)
	for i := range pids {
		msg := recvMatch(t, p, func(m any) bool {
			c, ok := m.(chainMsg)
			return ok && c.I == i
		})
		pids[i] = msg.(chainMsg).Pid
	}
	return pids
}

// What the chapters' tests share.

// Package erltest holds what the chapter's tests share: a node to run
// in, with the io output of its processes captured, and a way to call a
// module's function as the shell would and catch what it raises.
package erltest

import (
	"bytes"
	"log/slog"
	"sync"
	"testing"
	"time"

	"github.com/scalability-go/otpbook/otp"
	"github.com/scalability-go/otpbook/otp/code"
	"github.com/scalability-go/otpbook/otp/term"
	"github.com/stretchr/testify/require"
)

// Wait is how long a test waits for a message that must come. Tests do
// not sleep; this only bounds a wait for something that is already on its
// way, so that a bug fails the test instead of hanging it.
const Wait = 5 * time.Second

// Output is an io.Writer safe for several processes at once: the
// captured io output of a node.
type Output struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (o *Output) Write(b []byte) (int, error) {
	o.mu.Lock()
	defer o.mu.Unlock()
	return o.buf.Write(b)
}

// String returns what was written since the last Take, and keeps it.
func (o *Output) String() string {
	o.mu.Lock()
	defer o.mu.Unlock()
	return o.buf.String()
}

// Take returns what was written since the last Take, and forgets it.
func (o *Output) Take() string {
	o.mu.Lock()
	defer o.mu.Unlock()
	s := o.buf.String()
	o.buf.Reset()
	return s
}

// Env is a node for one test, a process attached to the test's goroutine
// (the shell of the book's sessions), and the io output of the node's
// processes.
type Env struct {
	Node *otp.Node
	Self *otp.Process
	Out  *Output
	// Log is what the node logged: the error reports of processes
	// that crashed.
	Log *Output
}

// New makes a node with the modules loaded, stopped when the test ends.
// Its processes' io output goes to Out, and its reports to Log.
func New(t testing.TB, modules ...*code.Module) *Env {
	t.Helper()
	out, log := &Output{}, &Output{}
	n, err := otp.NewNode(otp.Stdout(out), otp.Logger(slog.New(slog.NewTextHandler(log, nil))))
	require.NoError(t, err)
	t.Cleanup(n.Stop)
	for _, m := range modules {
		_, err := code.Of(n).Load(m)
		require.NoError(t, err)
	}
	self := n.Attach()
	t.Cleanup(self.Detach)
	return &Env{Node: n, Self: self, Out: out, Log: log}
}

// Call calls Module:Function(Args...) from the test's process, as the
// shell does, and returns its value, or the exception it raised.
func (e *Env) Call(module, function term.Atom, args ...term.Term) (v term.Term, exc *otp.Exception) {
	exc = otp.Catch(func() {
		v = code.Of(e.Node).Apply(e.Self, module, function, args)
	})
	return v, exc
}

// Recv returns the next message of the test's process, failing the test
// if none comes within Wait.
func (e *Env) Recv(t testing.TB) any {
	t.Helper()
	m, ok := e.Self.ReceiveTimeout(Wait)
	require.True(t, ok, "no message came")
	return m
}

// Watch monitors pid and returns a function that waits for it to end and
// returns its exit reason. Watch before doing what ends the process: Down
// on a process that has already ended gives noproc.
func (e *Env) Watch(t testing.TB, pid term.Pid) func() term.Term {
	t.Helper()
	ref, err := e.Self.Monitor(pid)
	require.NoError(t, err)
	return func() term.Term {
		t.Helper()
		m, ok := e.Self.ReceiveRef(ref, func(m any) bool {
			d, ok := m.(otp.DownMsg)
			return ok && d.Ref == ref
		}, Wait)
		require.True(t, ok, "%v did not end", pid)
		return m.(otp.DownMsg).Reason
	}
}

// Down monitors pid and waits for it to end, returning its exit reason.
// The process must be alive when Down is called (see Watch).
func (e *Env) Down(t testing.TB, pid term.Pid) term.Term {
	t.Helper()
	ref, err := e.Self.Monitor(pid)
	require.NoError(t, err)
	m, ok := e.Self.ReceiveMatch(func(m any) bool {
		d, ok := m.(otp.DownMsg)
		return ok && d.Ref == ref
	}, Wait)
	require.True(t, ok, "%v did not end", pid)
	return m.(otp.DownMsg).Reason
}

// Top returns the innermost frame of an exception's stacktrace.
func Top(t testing.TB, exc *otp.Exception) term.Term {
	t.Helper()
	require.NotNil(t, exc, "no exception")
	require.NotEmpty(t, exc.Stack, "no stacktrace")
	return exc.Stack[0]
}

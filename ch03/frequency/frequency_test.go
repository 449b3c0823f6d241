// Book: chapter 3, "Behaviours" (ch3/frequency.erl: the hand-written frequency server).

package frequency_test

import (
	"sync"
	"testing"

	"github.com/scalability-go/otpbook/ch03/frequency"
	"github.com/scalability-go/otpbook/internal/erltest"
	"github.com/scalability-go/otpbook/otp"
	"github.com/scalability-go/otpbook/otp/term"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func start(t *testing.T, e *erltest.Env) term.Pid {
	t.Helper()
	pid, err := frequency.Start(e.Self)
	require.NoError(t, err)
	return pid
}

func alloc(t *testing.T, e *erltest.Env) int {
	t.Helper()
	f, err := frequency.Allocate(e.Self)
	require.NoError(t, err)
	return f
}

// 10, 11, ..., 15, then {error, no_frequency}, which leaves the state as
// it was.
func TestAllocationOrder(t *testing.T) {
	e := erltest.New(t)
	start(t, e)
	for want := 10; want <= 15; want++ {
		assert.Equal(t, want, alloc(t, e))
	}
	for range 2 {
		_, err := frequency.Allocate(e.Self)
		assert.ErrorIs(t, err, frequency.ErrNoFrequency)
		assert.EqualError(t, err, "{error,no_frequency}")
	}
	require.NoError(t, frequency.Stop(e.Self))
}

// A frequency given back goes to the head of the free list: the next
// allocation hands it out again.
func TestLIFOReuse(t *testing.T) {
	e := erltest.New(t)
	start(t, e)
	for range 3 {
		alloc(t, e)
	}
	require.NoError(t, frequency.Deallocate(e.Self, 11))
	assert.Equal(t, 11, alloc(t, e))
	require.NoError(t, frequency.Deallocate(e.Self, 12))
	require.NoError(t, frequency.Deallocate(e.Self, 10))
	assert.Equal(t, 10, alloc(t, e))
	assert.Equal(t, 12, alloc(t, e))
	assert.Equal(t, 13, alloc(t, e))
}

// Nothing is checked: a frequency freed twice is handed out twice, one
// never in the pool joins it, and a frequency held by another process can
// be freed by anyone.
func TestNoValidation(t *testing.T) {
	e := erltest.New(t)
	start(t, e)
	for range 6 {
		alloc(t, e)
	}
	require.NoError(t, frequency.Deallocate(e.Self, 10))
	require.NoError(t, frequency.Deallocate(e.Self, 10))
	assert.Equal(t, 10, alloc(t, e))
	assert.Equal(t, 10, alloc(t, e), "the double free hands 10 out twice")

	require.NoError(t, frequency.Deallocate(e.Self, 99))
	assert.Equal(t, 99, alloc(t, e), "99 was never in the pool")

	got := make(chan int, 1)
	e.Self.Spawn(func(p *otp.Process) {
		require.NoError(t, frequency.Deallocate(p, 15)) // the test's frequency
		f, _ := frequency.Allocate(p)
		got <- f
	})
	assert.Equal(t, 15, <-got, "another process freed and took the test's 15")
}

// The state's bookkeeping, on its own: the newest allocation first;
// deallocate forgets the first pair with an equal frequency (==: 10.0
// forgets 10) and prepends the frequency as given.
func TestStateBookkeeping(t *testing.T) {
	a, b := term.Pid{ID: 1}, term.Pid{ID: 2}
	s := frequency.State{Free: frequency.Frequencies()}
	s, r := s.Allocate(a)
	assert.Equal(t, term.Tuple{term.OK, 10}, r)
	s, _ = s.Allocate(b)
	assert.Equal(t, "{[12,13,14,15],[{11,<0.2.0>},{10,<0.1.0>}]}", term.Write(s))
	s = s.Deallocate(10.0)
	assert.Equal(t, "{[10.0,12,13,14,15],[{11,<0.2.0>}]}", term.Write(s))
	empty := frequency.State{}
	s2, r := empty.Allocate(a)
	assert.Equal(t, empty, s2)
	assert.Equal(t, "{error,no_frequency}", term.Write(r))
}

// A second Start fails with badarg ("name is in use"), having spawned a
// second server which runs on, nameless; the first server is untouched.
func TestStartTwice(t *testing.T) {
	e := erltest.New(t)
	first := start(t, e)
	orphan, err := frequency.Start(e.Self)
	assert.ErrorIs(t, err, frequency.ErrRunning)
	assert.ErrorIs(t, err, otp.ErrBadarg)
	assert.NotEqual(t, first, orphan)
	assert.True(t, e.Node.IsProcessAlive(orphan), "the second server runs on")
	info, _ := e.Node.ProcessInfo(orphan)
	assert.Equal(t, term.Atom(""), info.RegisteredName)
	assert.Equal(t, frequency.InitMFA, info.InitialCall)
	where, _ := e.Node.WhereIs(frequency.Name)
	assert.Equal(t, first, where)
	assert.Equal(t, 10, alloc(t, e))
}

// After stop, whereis(frequency) is undefined and every client function
// fails with badarg; before start too.
func TestCallsWithoutServer(t *testing.T) {
	e := erltest.New(t)
	_, err := frequency.Allocate(e.Self)
	assert.ErrorIs(t, err, frequency.ErrNotRunning)

	pid := start(t, e)
	_, err = e.Self.Monitor(pid)
	require.NoError(t, err)
	require.NoError(t, frequency.Stop(e.Self))
	assert.Equal(t, otp.Normal, e.Recv(t).(otp.DownMsg).Reason, "the server ends normally")
	_, ok := e.Node.WhereIs(frequency.Name)
	assert.False(t, ok)
	_, err = frequency.Allocate(e.Self)
	assert.ErrorIs(t, err, otp.ErrBadarg)
	assert.ErrorIs(t, frequency.Deallocate(e.Self, 10), frequency.ErrNotRunning)
	assert.ErrorIs(t, frequency.Stop(e.Self), frequency.ErrNotRunning)
}

// A request the loop does not know is never received: it stays in the
// server's mailbox, and the server goes on answering.
func TestUnknownRequestStaysQueued(t *testing.T) {
	e := erltest.New(t)
	pid := start(t, e)
	bogus := term.Tuple{term.Atom("request"), e.Self.Self(), term.Atom("bogus")}
	require.NoError(t, e.Self.SendTo(frequency.Name, bogus))
	require.NoError(t, e.Self.SendTo(frequency.Name, term.Atom("junk")))
	assert.Equal(t, 10, alloc(t, e))
	info, _ := e.Node.ProcessInfo(pid)
	assert.Equal(t, []any{bogus, term.Atom("junk")}, info.Messages)
}

// Fifty client processes allocate at once: the six frequencies go to six
// of them, each to one, and the others get {error, no_frequency}.
func TestConcurrentClients(t *testing.T) {
	e := erltest.New(t)
	start(t, e)
	const clients = 50
	var (
		mu     sync.Mutex
		got    []int
		failed int
	)
	done := make([]term.Ref, 0, clients)
	for range clients {
		_, ref := e.Self.SpawnMonitor(func(p *otp.Process) {
			f, err := frequency.Allocate(p)
			mu.Lock()
			defer mu.Unlock()
			if err != nil {
				failed++
				return
			}
			got = append(got, f)
		})
		done = append(done, ref)
	}
	for range done {
		assert.Equal(t, otp.Normal, e.Recv(t).(otp.DownMsg).Reason)
	}
	assert.ElementsMatch(t, []int{10, 11, 12, 13, 14, 15}, got)
	assert.Equal(t, clients-6, failed)
}

package otp_test

// Conformance cases of section 1 (PROC): processes and exit reasons.

import (
	"fmt"
	"testing"
	"testing/synctest"

	"github.com/scalability-go/otpbook/otp"
	"github.com/scalability-go/otpbook/otp/term"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// requireStacktrace checks that st is a stacktrace: a non-empty list.
func requireStacktrace(t *testing.T, st term.Term) {
	t.Helper()
	l, ok := st.(term.List)
	require.True(t, ok, "stacktrace %#v is not a list", st)
	require.NotEmpty(t, l, "empty stacktrace")
}

// PROC-01: a trapping parent spawn-links a child whose function returns;
// the parent receives {'EXIT', Child, normal}.
func TestPROC01SpawnLinkNormalExit(t *testing.T) {
	_, p := newNode(t)
	p.TrapExit(true)
	child := p.SpawnLink(func(*otp.Process) {})
	require.Equal(t, otp.ExitMsg{From: child, Reason: otp.Normal}, recv(t, p))
	requireEmpty(t, p)
}

// largeTerm builds a large nested term of binaries, lists and tuples. Each
// call builds a new one, equal to the others.
func largeTerm() term.Term {
	bin := make(term.Binary, 256*1024)
	for i := range bin {
		bin[i] = byte(i % 251)
	}
	items := make(term.List, 0, 2000)
	for i := range 2000 {
		items = append(items, term.Tuple{
			term.Atom("item"), i, term.Binary(fmt.Sprintf("value %d", i)),
			term.List{i, term.Tuple{}, term.List{}, term.Atom(fmt.Sprintf("a%d", i))},
		})
	}
	var nested term.Term = term.Atom("bottom")
	for i := range 500 {
		nested = term.Tuple{i, term.List{nested, term.Binary{byte(i)}}}
	}
	return term.Tuple{term.Atom("large"), bin, items, nested, term.Binary{}}
}

// PROC-02: a trapping parent linked to and monitoring a child that calls
// exit(Term) with a large nested term receives both the EXIT and the DOWN
// message with Term intact.
func TestPROC02LargeExitReason(t *testing.T) {
	_, p := newNode(t)
	p.TrapExit(true)
	child, ref := p.SpawnOpt(func(*otp.Process) {
		otp.Exit(largeTerm())
	}, otp.SpawnOptions{Link: true, Monitor: true})
	want := largeTerm()
	require.Equal(t, otp.ExitMsg{From: child, Reason: want}, recvExit(t, p, child))
	require.Equal(t, otp.DownMsg{Ref: ref, Type: "process", Item: child, Reason: want}, recvDown(t, p, ref))
	requireEmpty(t, p)
}

// PROC-03: a linked child that raises error(R) uncaught exits with
// {R, St}, St a non-empty list; the crash is logged.
func TestPROC03ErrorReasonHasStacktrace(t *testing.T) {
	badmatch := term.Tuple{term.Atom("badmatch"), 2}
	for _, tc := range []struct {
		name   string
		raise  func()
		reason term.Term
	}{
		{"error", func() { otp.Error(badmatch) }, badmatch},
		{"go panic", func() { panic(term.Atom("boom")) }, term.Atom("boom")},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, p, log := newLoggedNode(t)
			p.TrapExit(true)
			child := p.SpawnLink(func(*otp.Process) { tc.raise() })
			exit := recvExit(t, p, child)
			reason, ok := exit.Reason.(term.Tuple)
			require.True(t, ok, "reason %v is not a tuple", exit.Reason)
			require.Len(t, reason, 2)
			require.Equal(t, tc.reason, reason[0])
			requireStacktrace(t, reason[1])
			requireEmpty(t, p)
			assert.Contains(t, log.String(), "Error in process "+child.String())
		})
	}
}

// PROC-04: a linked child that throws V uncaught exits with
// {{nocatch, V}, St}.
func TestPROC04ThrowReasonIsNocatch(t *testing.T) {
	_, p := newNode(t)
	p.TrapExit(true)
	v := term.Tuple{term.Atom("thrown"), term.List{1, 2, 3}}
	child := p.SpawnLink(func(*otp.Process) { otp.Throw(v) })
	exit := recvExit(t, p, child)
	reason, ok := exit.Reason.(term.Tuple)
	require.True(t, ok, "reason %v is not a tuple", exit.Reason)
	require.Len(t, reason, 2)
	require.Equal(t, term.Tuple{term.Atom("nocatch"), v}, reason[0])
	requireStacktrace(t, reason[1])
	requireEmpty(t, p)
}

// PROC-06: spawn_link and spawn_monitor are atomic: a child that has
// exited before the parent runs again still yields {'EXIT', Child, early}
// or {'DOWN', Ref, process, Child, early}, never noproc.
func TestPROC06SpawnAtomicWithEarlyExit(t *testing.T) {
	early := term.Atom("early")
	t.Run("spawn_link", func(t *testing.T) {
		synctest.Test(t, func(t *testing.T) {
			n, p := newNode(t)
			p.TrapExit(true)
			child := p.SpawnLink(func(*otp.Process) { otp.Exit(early) })
			synctest.Wait() // the child has run and exited
			require.False(t, n.IsProcessAlive(child))
			require.Equal(t, otp.ExitMsg{From: child, Reason: early}, recv(t, p))
			requireEmpty(t, p)
		})
	})
	t.Run("spawn_monitor", func(t *testing.T) {
		synctest.Test(t, func(t *testing.T) {
			n, p := newNode(t)
			child, ref := p.SpawnMonitor(func(*otp.Process) { otp.Exit(early) })
			synctest.Wait() // the child has run and exited
			require.False(t, n.IsProcessAlive(child))
			require.Equal(t, otp.DownMsg{Ref: ref, Type: "process", Item: child, Reason: early}, recv(t, p))
			requireEmpty(t, p)
		})
	})
}

// PROC-08: a process that does not trap exits and calls
// exit(self(), normal) ends at once with reason normal; the code after the
// call does not run.
func TestPROC08ExitSelfNormal(t *testing.T) {
	n, p := newNode(t)
	p.TrapExit(true)
	me := p.Self()
	child, ref := p.SpawnOpt(func(c *otp.Process) {
		c.SendExit(c.Self(), otp.Normal)
		c.Send(me, term.Atom("after"))
	}, otp.SpawnOptions{Link: true, Monitor: true})
	require.Equal(t, otp.ExitMsg{From: child, Reason: otp.Normal}, recvExit(t, p, child))
	require.Equal(t, otp.DownMsg{Ref: ref, Type: "process", Item: child, Reason: otp.Normal}, recvDown(t, p, ref))
	require.False(t, n.IsProcessAlive(child))
	requireEmpty(t, p) // no 'after'

	// Contrast: a trapping process gets the signal as a message and goes
	// on, as in Erlang.
	child, ref = p.SpawnMonitor(func(c *otp.Process) {
		c.TrapExit(true)
		c.SendExit(c.Self(), otp.Normal)
		c.Send(me, term.Tuple{term.Atom("after"), c.Flush()})
	})
	require.Equal(t, term.Tuple{term.Atom("after"), []any{otp.ExitMsg{From: child, Reason: otp.Normal}}}, recv(t, p))
	require.Equal(t, otp.Normal, recvDown(t, p, ref).Reason)
	requireEmpty(t, p)
}

// PROC-09: exit(self(), die) inside catch cannot be caught: the process
// ends with die, and the code after the catch does not run.
func TestPROC09ExitSelfInsideCatch(t *testing.T) {
	_, p := newNode(t)
	me := p.Self()
	child, ref := p.SpawnMonitor(func(c *otp.Process) {
		exc := otp.Catch(func() { c.SendExit(c.Self(), term.Atom("die")) })
		c.Send(me, term.Tuple{term.Atom("caught"), exc})
	})
	require.Equal(t, otp.DownMsg{Ref: ref, Type: "process", Item: child, Reason: term.Atom("die")}, recvDown(t, p, ref))
	requireEmpty(t, p) // no 'caught'
}

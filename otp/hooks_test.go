package otp_test

import (
	"testing"
	"testing/synctest"
	"time"

	"github.com/scalability-go/otpbook/otp"
	"github.com/scalability-go/otpbook/otp/term"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// A reply sent under an alias arrives while the monitor is active, and is
// dropped once the caller has demonitored: no late reply.
func TestMonitorAliasDropsLateReplies(t *testing.T) {
	_, p := newNode(t)
	server := p.Spawn(func(q *otp.Process) {
		for {
			m := recv(t, q).(term.Tuple)
			q.SendAlias(m[0].(term.Pid), m[1].(term.Ref), term.Tuple{m[1], term.Atom("reply")})
		}
	})
	ref, err := p.MonitorAlias(server)
	require.NoError(t, err)
	p.Send(server, term.Tuple{p.Self(), ref})
	got, ok := p.ReceiveRef(ref, func(m any) bool {
		tu, ok := m.(term.Tuple)
		return ok && tu[0] == ref
	}, waitFor)
	require.True(t, ok)
	assert.Equal(t, term.Tuple{ref, term.Atom("reply")}, got)

	p.Demonitor(ref, otp.Flush)
	p.Send(server, term.Tuple{p.Self(), ref})
	// A plain message sent after the request arrives after the reply would:
	// the reply was dropped.
	ref2, err := p.MonitorAlias(server)
	require.NoError(t, err)
	p.Send(server, term.Tuple{p.Self(), ref2})
	got = recv(t, p)
	assert.Equal(t, term.Tuple{ref2, term.Atom("reply")}, got)
	requireEmpty(t, p)

	// A plain reference, or another process's, is no alias.
	p.SendAlias(p.Self(), p.MakeRef(), "x")
	requireEmpty(t, p)
}

// The DOWN message ends the alias.
func TestMonitorAliasEndsWithDown(t *testing.T) {
	_, p := newNode(t)
	q := p.Spawn(func(q *otp.Process) { recv(t, q) })
	ref, err := p.MonitorAlias(q)
	require.NoError(t, err)
	p.Send(q, "go")
	recvDown(t, p, ref)
	p.SendAlias(p.Self(), ref, "late")
	requireEmpty(t, p)
}

// Exit hooks run before links and monitors fire, and with the reason.
func TestOnExitRunsBeforeDown(t *testing.T) {
	n, p := newNode(t)
	released := make(chan term.Term, 1)
	q := p.Spawn(func(q *otp.Process) { recv(t, q); otp.Exit(term.Atom("bye")) })
	require.True(t, n.OnExit(q, "a", func(pid term.Pid, reason term.Term) {
		assert.Equal(t, q, pid)
		released <- reason
	}))
	require.True(t, n.OnExit(q, "b", func(term.Pid, term.Term) { t.Error("removed hook ran") }))
	require.True(t, n.OnExit(q, "b", nil))
	ref := monitor(t, p, q)
	p.Send(q, "go")
	d := recvDown(t, p, ref)
	assert.Equal(t, term.Atom("bye"), d.Reason)
	select {
	case r := <-released:
		assert.Equal(t, term.Atom("bye"), r)
	default:
		t.Fatal("the hook had not run when the DOWN came")
	}
	assert.False(t, n.OnExit(q, "a", func(term.Pid, term.Term) {}), "a dead process takes no hook")
}

// Node.Send delivers from outside any process.
func TestNodeSend(t *testing.T) {
	n, p := newNode(t)
	n.Send(p.Self(), "hi")
	assert.Equal(t, "hi", recv(t, p))
	n.Send(term.Pid{Node: n.Name(), ID: 1 << 20}, "nobody") // dropped
}

// Hibernate returns when a message comes, and leaves it queued.
func TestHibernate(t *testing.T) {
	_, p := newNode(t)
	q := p.Spawn(func(q *otp.Process) {
		q.Hibernate()
		m := recv(t, q)
		q.Send(m.(term.Pid), "woke")
	})
	p.Send(q, p.Self())
	assert.Equal(t, "woke", recv(t, p))
}

// A hibernating process can be killed.
func TestHibernateKilled(t *testing.T) {
	_, p := newNode(t)
	q := p.Spawn(func(q *otp.Process) { q.Hibernate() })
	ref := monitor(t, p, q)
	p.SendExit(q, otp.Kill)
	assert.Equal(t, otp.Killed, recvDown(t, p, ref).Reason)
}

func TestDictionary(t *testing.T) {
	_, p := newNode(t)
	assert.Empty(t, p.Dictionary())
	p.Put(term.Atom("a"), 1)
	p.Put(term.Atom("b"), 2)
	p.Erase(term.Atom("b"))
	assert.Equal(t, []term.Tuple{{term.Atom("a"), 1}}, p.Dictionary())
}

// Demonitor with Flush takes the DOWN of a monitor that fired, also when
// other messages were queued before it.
func TestDemonitorFlushAfterFire(t *testing.T) {
	_, p := newNode(t)
	for i := range 10 {
		p.Send(p.Self(), i)
	}
	q := p.Spawn(func(q *otp.Process) { recv(t, q) })
	ref := monitor(t, p, q)
	p.Send(q, "go")
	// Wait for the DOWN without taking it: a message sent after it.
	recvDown(t, p, ref)
	ref2 := monitor(t, p, q) // noproc at once
	p.Send(p.Self(), "after")
	assert.False(t, p.Demonitor(ref2, otp.Flush, otp.Info), "it had fired")
	var rest []any
	for _, m := range p.Flush() {
		rest = append(rest, m)
	}
	assert.Equal(t, []any{0, 1, 2, 3, 4, 5, 6, 7, 8, 9, "after"}, rest)
}

// The receive timer is kept between receives: a timeout, a message, and a
// timeout again all come out right.
func TestReceiveTimerReuse(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		_, p := newNode(t)
		_, ok := p.ReceiveTimeout(10 * time.Millisecond)
		assert.False(t, ok)
		p.Send(p.Self(), "m")
		m, ok := p.ReceiveTimeout(time.Hour)
		assert.True(t, ok)
		assert.Equal(t, "m", m)
		start := time.Now()
		_, ok = p.ReceiveTimeout(20 * time.Millisecond)
		assert.False(t, ok)
		assert.Equal(t, 20*time.Millisecond, time.Since(start))
	})
}

// A hibernating process says so in its current function.
func TestHibernateCurrentFunction(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		n, p := newNode(t)
		q := p.Spawn(func(q *otp.Process) {
			q.Hibernate()
			q.Receive()
			q.Receive()
		})
		synctest.Wait()
		info, ok := n.ProcessInfo(q)
		require.True(t, ok)
		assert.Equal(t, otp.MFA{Module: "erlang", Function: "hibernate", Arity: 3}, info.CurrentFunction)
		assert.Equal(t, term.Atom("waiting"), info.Status)
		p.Send(q, "wake")
		synctest.Wait()
		info, ok = n.ProcessInfo(q)
		require.True(t, ok)
		assert.Equal(t, info.InitialCall, info.CurrentFunction)
		p.Send(q, "end")
	})
}

// A message a waiting selective receive does not take is queued without
// waking the receiver, and one it takes is handed over: the match function
// runs once for each.
func TestSelectiveReceiveLooksOnceAtEachMessage(t *testing.T) {
	_, p := newNode(t)
	self := p.Self()
	var looked []any
	q := p.Spawn(func(q *otp.Process) {
		q.Send(self, "ready")
		q.ReceiveMatch(func(m any) bool {
			looked = append(looked, m)
			return m == "b"
		}, otp.Infinity)
		q.Send(self, q.Flush())
	})
	assert.Equal(t, "ready", recv(t, p))
	p.Send(q, "a")
	p.Send(q, "b")
	p.Send(q, "c")
	rest := recv(t, p)
	assert.Contains(t, [][]any{{"a"}, {"a", "c"}}, rest, "a stays queued, in order")
	assert.Equal(t, []any{"a", "b"}, looked[len(looked)-2:])
	assert.LessOrEqual(t, len(looked), 2+1, "each message looked at once (and a, queued before the wait, at most once more)")
}

// A match function that panics when a sender runs it does not hurt the
// sender: the receiver panics in its own receive.
func TestSelectiveReceiveMatchPanics(t *testing.T) {
	_, p := newNode(t)
	self := p.Self()
	q := p.Spawn(func(q *otp.Process) {
		q.Send(self, "ready")
		q.ReceiveMatch(func(m any) bool {
			if m == "bad" {
				panic("bad message")
			}
			return false
		}, otp.Infinity)
	})
	ref := monitor(t, p, q)
	assert.Equal(t, "ready", recv(t, p))
	p.Send(q, "ok")
	p.Send(q, "bad")
	d := recvDown(t, p, ref)
	assert.Contains(t, term.Print(d.Reason), `"bad message"`)
	p.Send(p.Self(), "sender lives")
	assert.Equal(t, "sender lives", recv(t, p))
}

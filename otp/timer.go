package otp

import (
	"fmt"
	"time"

	"github.com/scalability-go/otpbook/otp/term"
)

type timer struct {
	t        *time.Timer
	deadline time.Time
	dest     *Process // nil for a timer to a name
}

// SendAfter sends msg to dest after d, as erlang:send_after/3 does, and
// returns the timer's reference. dest is a pid or a registered name (an
// Atom, looked up when the timer expires). A timer to a pid belongs to
// that process: it is cancelled when the process ends. A negative d, or a
// dest that is neither, is an error wrapping ErrBadarg.
func (n *Node) SendAfter(d time.Duration, dest term.Term, msg any) (term.Ref, error) {
	return n.startTimer(d, dest, msg, false)
}

// StartTimer is SendAfter for the message {timeout, Ref, Msg} (a
// TimeoutMsg), where Ref is the returned reference, as
// erlang:start_timer/3 does.
func (n *Node) StartTimer(d time.Duration, dest term.Term, msg any) (term.Ref, error) {
	return n.startTimer(d, dest, msg, true)
}

func (n *Node) startTimer(d time.Duration, dest term.Term, msg any, wrap bool) (term.Ref, error) {
	what := "send_after"
	if wrap {
		what = "start_timer"
	}
	if d < 0 {
		return term.Ref{}, fmt.Errorf("%s: negative time %v: %w", what, d, ErrBadarg)
	}
	var to *Process
	var name term.Atom
	byName := false
	switch v := dest.(type) {
	case term.Pid:
		to = n.lookup(v)
		if to == nil && !n.isLocal(v) {
			return term.Ref{}, fmt.Errorf("%s: %v is not a local process: %w", what, v, ErrBadarg)
		}
	case term.Atom:
		name, byName = v, true
	default:
		return term.Ref{}, fmt.Errorf("%s: destination %s: %w", what, term.Write(dest), ErrBadarg)
	}
	ref := n.MakeRef()
	if wrap {
		msg = TimeoutMsg{Ref: ref, Msg: msg}
	}
	if to == nil && !byName {
		return ref, nil // a dead process: nothing will come
	}
	t := &timer{deadline: time.Now().Add(d), dest: to}
	n.timerMu.Lock()
	if n.stopped.Load() {
		n.timerMu.Unlock()
		return ref, nil
	}
	n.timers[ref] = t
	t.t = time.AfterFunc(d, func() { n.expire(ref, name, msg) })
	n.timerMu.Unlock()
	if to != nil {
		to.mu.Lock()
		alive := !to.dead.Load()
		if alive {
			x := to.ext()
			if x.timers == nil {
				x.timers = make(map[term.Ref]struct{})
			}
			x.timers[ref] = struct{}{}
		}
		to.mu.Unlock()
		if !alive {
			n.cancelTimer(ref)
		}
	}
	return ref, nil
}

func (n *Node) expire(ref term.Ref, name term.Atom, msg any) {
	n.timerMu.Lock()
	t, ok := n.timers[ref]
	delete(n.timers, ref)
	n.timerMu.Unlock()
	if !ok {
		return
	}
	to := t.dest
	if to == nil {
		to = n.whereis(name)
		if to == nil {
			return
		}
	}
	to.mu.Lock()
	if !to.dead.Load() {
		if t.dest != nil && to.x != nil {
			delete(to.x.timers, ref)
		}
		to.deliver(msg)
	}
	to.mu.Unlock()
}

// CancelTimer cancels a timer, as erlang:cancel_timer/1 does, and returns
// the time that was left. It reports false when there is no such timer:
// it has expired (its message stays queued), was cancelled, or never
// existed.
func (n *Node) CancelTimer(ref term.Ref) (left time.Duration, ok bool) {
	t := n.cancelTimer(ref)
	if t == nil {
		return 0, false
	}
	if t.dest != nil {
		t.dest.mu.Lock()
		if t.dest.x != nil {
			delete(t.dest.x.timers, ref)
		}
		t.dest.mu.Unlock()
	}
	return max(time.Until(t.deadline), 0), true
}

func (n *Node) cancelTimer(ref term.Ref) *timer {
	n.timerMu.Lock()
	t, ok := n.timers[ref]
	delete(n.timers, ref)
	n.timerMu.Unlock()
	if !ok {
		return nil
	}
	t.t.Stop()
	return t
}

// ReadTimer returns the time left on a timer, as erlang:read_timer/1
// does; false when there is no such timer.
func (n *Node) ReadTimer(ref term.Ref) (left time.Duration, ok bool) {
	n.timerMu.Lock()
	t, ok := n.timers[ref]
	n.timerMu.Unlock()
	if !ok {
		return 0, false
	}
	return max(time.Until(t.deadline), 0), true
}

package otp

import (
	"fmt"
	"math"
	"time"

	"github.com/scalability-go/otpbook/otp/term"
)

// Infinity is the timeout that never expires, as Erlang's infinity.
const Infinity time.Duration = math.MaxInt64

// Send sends msg to pid, as Pid ! Msg does. It never fails: a message to a
// process that does not exist is dropped. Messages from one process to
// another arrive in the order they were sent.
//
// Inside a node a message can be any Go value; the sender must not modify
// it afterwards. Only terms (see package term) can go to another node.
func (p *Process) Send(pid term.Pid, msg any) {
	p.check()
	if q := p.node.lookup(pid); q != nil {
		q.mu.Lock()
		p.handOver(q, msg)
	}
}

// handOver delivers msg from p to q, whose lock the caller holds; it lets
// go of the lock.
func (p *Process) handOver(q *Process, msg any) {
	// A sender killed since its check sends nothing more: its death,
	// already signalled, is its last signal.
	if q.dead.Load() || (p != nil && p.dead.Load()) {
		q.mu.Unlock()
		return
	}
	if !q.waiting {
		q.push(msg)
		q.mu.Unlock()
		return
	}
	// q waits. When it waits for any message (its mailbox is then empty,
	// or it would not wait), or in a selective receive that takes this
	// one, it has looked at every message it had and taken none: this one
	// is the first it takes, and is handed over itself. A message its
	// receive does not take is queued, and q goes on waiting. Otherwise
	// (a match function that panicked, a hibernating process) the message
	// is queued and q is told to look. The hand-over is outside the lock,
	// so that q does not wake to find it held; the channel is empty, so
	// the send does not block.
	var v any = wakeToken{}
	switch {
	case q.waitAny:
		v = msg
	case q.mbox != nil && q.mbox.waitMatch != nil:
		switch accepts(q.mbox.waitMatch, msg) {
		case takes:
			v = msg
		case passes:
			q.push(msg)
			q.mu.Unlock()
			return
		default:
			q.push(msg)
		}
	default:
		q.push(msg)
	}
	q.waiting = false
	if q.mbox != nil {
		q.mbox.waitMatch = nil
	}
	q.mu.Unlock()
	q.wake <- v
}

// What a waiting receiver's match function makes of a message.
const (
	takes = iota
	passes
	panics
)

// accepts runs a waiting receiver's match function on msg, in the sender.
// A match function that panics decides nothing here: the message is
// queued for the receiver, in whose own receive it panics again.
func accepts(match func(any) bool, msg any) (verdict int) {
	defer func() {
		if recover() != nil {
			verdict = panics
		}
	}()
	if match(msg) {
		return takes
	}
	return passes
}

// Send sends msg to pid from outside any process: from an exit hook (see
// OnExit), a Go callback, a main function. Like Process.Send, it never
// fails; a message to a process that does not exist is dropped.
func (n *Node) Send(pid term.Pid, msg any) {
	if q := n.lookup(pid); q != nil {
		q.mu.Lock()
		(*Process)(nil).handOver(q, msg)
	}
}

// SendTo sends msg to a destination as ! does: a pid, a registered name
// (an Atom), or {Name, Node} (a term.Tuple). Sending to a name that is not
// registered is an error wrapping ErrBadarg, as Erlang raises badarg;
// sending to {Name, Node} never fails: the message is dropped when nobody
// has the name, or when the node is not this one and is not reachable.
func (p *Process) SendTo(dest term.Term, msg any) error {
	p.check()
	switch d := dest.(type) {
	case term.Pid:
		p.Send(d, msg)
		return nil
	case term.Atom:
		q := p.node.whereis(d)
		if q == nil {
			return fmt.Errorf("send to %s: not registered: %w", term.Write(d), ErrBadarg)
		}
		p.Send(q.Self(), msg)
		return nil
	case term.Tuple:
		if len(d) == 2 {
			name, ok1 := d[0].(term.Atom)
			nd, ok2 := d[1].(term.Atom)
			if ok1 && ok2 {
				if nd == p.node.name {
					if q := p.node.whereis(name); q != nil {
						p.Send(q.Self(), msg)
					}
				}
				return nil
			}
		}
	}
	return fmt.Errorf("send to %s: not a pid, a name or {Name, Node}: %w", term.Write(dest), ErrBadarg)
}

// Receive takes the oldest message from the mailbox, waiting for one as
// long as it takes: receive Msg -> Msg end.
func (p *Process) Receive() any {
	msg, _ := p.receive(nil, 0, Infinity)
	return msg
}

// ReceiveTimeout takes the oldest message from the mailbox, waiting at most
// d: receive Msg -> Msg after D -> timeout end. It reports false if no
// message came in time. A d of 0 only looks at what is queued; Infinity
// waits as long as it takes; a negative d is taken as 0.
func (p *Process) ReceiveTimeout(d time.Duration) (any, bool) {
	return p.receive(nil, 0, d)
}

// ReceiveMatch is Erlang's selective receive: it takes the oldest message
// that match accepts, leaving the others queued in order, and waits at
// most after for one to come (see ReceiveTimeout for its values). The
// timeout runs from the call: messages that do not match do not restart
// it. It reports false on timeout.
//
// match is called with the process's mailbox locked: it must only look at
// the message, not call into the runtime.
func (p *Process) ReceiveMatch(match func(msg any) bool, after time.Duration) (any, bool) {
	return p.receive(match, 0, after)
}

// ReceiveRef is ReceiveMatch for a reply that carries ref, a reference the
// process made with MakeRef or Monitor: when ref is the last reference the
// process made, messages that were queued before it was made cannot hold
// it and are not looked at, so a call stays fast however deep the mailbox
// is (OTP's receive marker). With any other ref it is ReceiveMatch.
func (p *Process) ReceiveRef(ref term.Ref, match func(msg any) bool, after time.Duration) (any, bool) {
	var from uint64
	if num, ok := p.node.refNumber(ref); ok {
		p.mu.Lock()
		if p.mbox != nil && p.mbox.markRef == num {
			from = p.mbox.markSeq
		}
		p.mu.Unlock()
	}
	return p.receive(match, from, after)
}

// receive takes the first message at or after sequence number from that
// match accepts, waiting at most after.
//
// A receive that has to wait for its timeout does not select on a timer
// channel, which costs a call more than the rest of its wait: the process
// keeps one timer (see armTimer), whose function wakes it with a
// timeoutToken when its deadline has passed.
func (p *Process) receive(match func(any) bool, from uint64, after time.Duration) (any, bool) {
	p.check()
	if after < 0 {
		after = 0
	}
	var deadline time.Time // once the receive has to wait, with a timeout
	for {
		msg, ok, resume, dead := p.take(match, from, after != 0, deadline)
		if dead {
			p.unwind()
		}
		if ok {
			return msg, true
		}
		if after == 0 {
			return nil, false
		}
		from = resume
		if after != Infinity && deadline.IsZero() {
			now := time.Now()
			deadline = now.Add(after)
			p.armTimer(now, deadline)
		}
		switch v := (<-p.wake).(type) {
		case wakeToken:
			// look again
		case timeoutToken:
			p.check()
			return nil, false
		default:
			p.check()      // killed as the message came
			return v, true // handed over by its sender
		}
	}
}

// timeoutToken is what the receive timer wakes a process with when its
// deadline has passed.
type timeoutToken struct{}

// armTimer sets the deadline of the receive the process waits in, and
// makes sure the process's receive timer is due at the deadline or before.
// The timer is made once and kept, and is not stopped when a receive
// returns: a process that receives with a timeout again and again, as a
// client making calls does, mostly finds it due before its own deadline
// already, and the timer sets itself again when it finds it came early.
func (p *Process) armTimer(now, deadline time.Time) {
	p.mu.Lock()
	defer p.mu.Unlock()
	x := p.ext()
	if p.waiting {
		x.waitDeadline = deadline
	}
	switch {
	case x.recvTimer == nil:
		x.recvTimer = time.AfterFunc(deadline.Sub(now), p.receiveTimedOut)
		x.timerAt = deadline
	case x.timerAt.After(deadline) || !x.timerAt.After(now):
		x.recvTimer.Reset(deadline.Sub(now))
		x.timerAt = deadline
	}
}

// receiveTimedOut is the receive timer's function: it wakes the process
// with a timeoutToken when it waits in a receive whose deadline has
// passed, sets the timer again when the deadline is still to come, and
// does nothing when the process is not waiting with a deadline.
func (p *Process) receiveTimedOut() {
	p.mu.Lock()
	x := p.x
	if !p.waiting || x.waitDeadline.IsZero() {
		p.mu.Unlock()
		return
	}
	if rest := time.Until(x.waitDeadline); rest > 0 {
		x.timerAt = x.waitDeadline
		x.recvTimer.Reset(rest)
		p.mu.Unlock()
		return
	}
	p.waiting = false
	x.waitDeadline = time.Time{}
	p.mu.Unlock()
	p.wake <- timeoutToken{}
}

// take looks for a message; when there is none and wait is set, it marks
// the process as waiting before it lets go of the lock, so that the next
// message wakes it, with deadline as the deadline of the wait (zero: none,
// or not known yet). It takes nothing from a dead process.
func (p *Process) take(match func(any) bool, from uint64, wait bool, deadline time.Time) (msg any, ok bool, resume uint64, dead bool) {
	p.mu.Lock()
	if p.dead.Load() {
		p.mu.Unlock()
		return nil, false, 0, true
	}
	if match == nil {
		msg, ok, resume = p.mbox.take(nil, from)
	} else {
		msg, ok, resume = p.takeMatch(match, from)
	}
	if !ok && wait {
		if p.wake == nil {
			p.wake = make(chan any, 1)
		}
		p.waiting = true
		p.waitAny = match == nil
		if match != nil {
			if p.mbox == nil {
				p.mbox = &mailbox{}
			}
			p.mbox.waitMatch = match
		} else if p.mbox != nil {
			p.mbox.waitMatch = nil
		}
		if p.x != nil {
			p.x.waitDeadline = deadline
		}
	}
	p.mu.Unlock()
	return msg, ok, resume, false
}

// takeMatch calls the user's match function: if it panics, the lock must
// still be let go.
func (p *Process) takeMatch(match func(any) bool, from uint64) (msg any, ok bool, resume uint64) {
	returned := false
	defer func() {
		if !returned {
			p.mu.Unlock()
		}
	}()
	msg, ok, resume = p.mbox.take(match, from)
	returned = true
	return msg, ok, resume
}

// Flush takes every message from the mailbox and returns them in order,
// as the shell's flush() does.
func (p *Process) Flush() []any {
	p.check()
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.mbox.drain()
}

// Sleep suspends the process for d, as timer:sleep/1 does. Messages stay
// queued; a killed process unwinds.
func (p *Process) Sleep(d time.Duration) {
	p.receive(func(any) bool { return false }, 0, d)
}

// MakeRef returns a reference unique on the node, as make_ref() does, and
// sets the receive marker to it (see ReceiveRef).
func (p *Process) MakeRef() term.Ref {
	return p.newMonitorRef()
}

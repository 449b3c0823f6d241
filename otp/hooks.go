package otp

import (
	"time"

	"github.com/scalability-go/otpbook/otp/term"
)

// OnExit sets what happens to a process's resources when it ends: f is
// called with the pid and the exit reason after the process has left the
// process table and its name is free, and before its links and monitors
// fire, so whoever learns of the death from an exit signal or a DOWN
// message finds the resources released. It is how ETS deletes, or hands to
// an heir, the tables a process owns.
//
// Hooks are kept by key, one per key: a second OnExit with the same key
// replaces the first, and a nil f removes it. OnExit reports false, and
// sets nothing, when pid is not a live process of the node.
//
// f runs on whatever goroutine buries the process (the process's own, or
// one that killed it) with no lock of the runtime held; it must not block.
// It may send messages (Node.Send) and call OnExit for other processes.
func (n *Node) OnExit(pid term.Pid, key any, f func(pid term.Pid, reason term.Term)) bool {
	q := n.lookup(pid)
	if q == nil {
		return false
	}
	q.mu.Lock()
	defer q.mu.Unlock()
	if q.dead.Load() {
		return false
	}
	x := q.ext()
	if f == nil {
		delete(x.onExit, key)
		return true
	}
	if x.onExit == nil {
		x.onExit = make(map[any]func(term.Pid, term.Term))
	}
	x.onExit[key] = f
	return true
}

// Hibernate waits until a message is in the mailbox, without taking it,
// having first given back the memory the mailbox holds, as
// erlang:hibernate/3 does before it calls its function. Go cannot discard
// the caller's stack; proclib.Hibernate unwinds it for processes started
// with proclib. A killed process unwinds.
//
// While it waits, ProcessInfo reports {erlang, hibernate, 3} as the
// process's current function, as process_info does in OTP.
func (p *Process) Hibernate() {
	p.check()
	defer func() {
		p.mu.Lock()
		p.ext().hibernating = false
		p.mu.Unlock()
	}()
	for {
		p.mu.Lock()
		if p.dead.Load() {
			p.mu.Unlock()
			p.unwind()
		}
		p.ext().hibernating = true
		if p.mbox != nil {
			if p.mbox.len() > 0 {
				p.mu.Unlock()
				return
			}
			p.mbox.reset()
			p.mbox.q = nil
		}
		if p.wake == nil {
			p.wake = make(chan any, 1)
		}
		p.waiting = true
		p.waitAny = false
		if p.mbox != nil {
			p.mbox.waitMatch = nil
		}
		p.x.waitDeadline = time.Time{}
		p.mu.Unlock()
		<-p.wake
	}
}

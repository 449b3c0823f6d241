package otp

import (
	"errors"
	"fmt"

	"github.com/scalability-go/otpbook/otp/term"
)

// Exit signals, links and the death of a process.
//
// Every signal is delivered synchronously by the goroutine that sends it,
// under the receiver's lock: a message is queued, an exit signal is turned
// into a message or kills the receiver on the spot. So signals from one
// sender reach a receiver in the order they were sent, messages before the
// exit signal of the sender's death, and a killed process is dead for
// everyone by the time the killer's call returns. No goroutine ever holds
// two process locks at once.

// ErrNoproc is the error of Link when the process to link to does not
// exist and the caller does not trap exits (Erlang raises noproc).
var ErrNoproc = errors.New("noproc")

// Link links the calling process to pid, as link/1 does. Links are
// bidirectional: when either process ends, the other gets an exit signal
// with its reason. Linking to oneself, or twice, does nothing.
//
// When pid is not alive, a caller that traps exits gets
// {'EXIT', Pid, noproc} and Link returns nil; any other caller gets
// ErrNoproc, where Erlang raises noproc.
func (p *Process) Link(pid term.Pid) error {
	p.check()
	if pid == p.Self() {
		return nil
	}
	p.mu.Lock()
	if p.dead.Load() {
		p.mu.Unlock()
		p.unwind()
	}
	if _, ok := p.links[pid]; ok {
		// Linked already: the partner's exit signal will come.
		p.mu.Unlock()
		return nil
	}
	p.addLink(pid)
	p.mu.Unlock()
	q := p.node.lookup(pid)
	if q != nil {
		q.mu.Lock()
		if !q.dead.Load() {
			q.addLink(p.Self())
			q.mu.Unlock()
			// If p was killed meanwhile, its burial may have missed the
			// link on q's side: signal q as the burial would have.
			p.node.relink(p, q)
			return nil
		}
		q.mu.Unlock()
	}
	reason := Noproc
	if !p.node.isLocal(pid) {
		reason = Noconnection
	}
	// The target is gone: the link becomes the exit signal.
	p.mu.Lock()
	_, linked := p.links[pid]
	delete(p.links, pid)
	trapping := p.trapExit
	if linked && trapping {
		p.deliver(ExitMsg{From: pid, Reason: reason})
	}
	p.mu.Unlock()
	if !trapping {
		return fmt.Errorf("link %v: %w", pid, ErrNoproc)
	}
	return nil
}

// Unlink removes the link between the calling process and pid, as
// unlink/1 does. Once it returns, the link has no more effect on the
// caller; an {'EXIT', Pid, Reason} message already queued stays queued.
func (p *Process) Unlink(pid term.Pid) {
	p.check()
	p.mu.Lock()
	delete(p.links, pid)
	p.mu.Unlock()
	if q := p.node.lookup(pid); q != nil {
		q.mu.Lock()
		delete(q.links, p.Self())
		q.mu.Unlock()
	}
}

func (p *Process) addLink(pid term.Pid) {
	if p.links == nil {
		p.links = make(map[term.Pid]struct{})
	}
	p.links[pid] = struct{}{}
}

// SendExit sends an exit signal with reason to pid, as exit(Pid, Reason)
// does:
//
//   - kill ends pid whether or not it traps exits; its reason is killed.
//   - A process that traps exits receives {'EXIT', Self, Reason}.
//   - normal is ignored by a process that does not trap exits, unless it
//     is the caller itself, which then ends with reason normal.
//   - Any other reason ends a process that does not trap exits.
//
// A signal to a process that does not exist is dropped. When the caller
// ends itself, SendExit does not return.
func (p *Process) SendExit(pid term.Pid, reason term.Term) {
	p.check()
	if q := p.node.lookup(pid); q != nil {
		q.mu.Lock()
		d := false
		// A sender killed meanwhile sends nothing more: its death was
		// its last signal.
		if q == p || !p.dead.Load() {
			d = q.exitSignal(p.Self(), reason, false)
		}
		q.mu.Unlock()
		if d {
			p.node.bury(q)
		}
	}
	p.check()
}

// exitSignal handles an exit signal from from, under p's lock. A link
// signal is ignored unless the link is still there. It reports whether it
// killed p, whose burial is then the caller's to do.
func (p *Process) exitSignal(from term.Pid, reason term.Term, link bool) bool {
	if p.dead.Load() {
		return false
	}
	if link {
		if _, ok := p.links[from]; !ok {
			return false
		}
		delete(p.links, from)
	} else if reason == term.Term(Kill) {
		return p.markDead(Killed)
	}
	switch {
	case p.trapExit:
		p.deliver(ExitMsg{From: from, Reason: reason})
		return false
	case reason == term.Term(Normal):
		if !link && from == p.Self() {
			return p.markDead(Normal)
		}
		return false
	default:
		return p.markDead(reason)
	}
}

// relink gives q the exit signal of the link with p if p died while the
// link was being made. The link's presence on q's side decides, so the
// signal is never given twice.
func (n *Node) relink(p, q *Process) {
	if !p.dead.Load() {
		return
	}
	p.mu.Lock()
	reason := *p.reason
	p.mu.Unlock()
	q.mu.Lock()
	d := q.exitSignal(p.Self(), reason, true)
	q.mu.Unlock()
	if d {
		n.bury(q)
	}
}

// deliver queues a message, under p's lock, and wakes p if it waits.
func (p *Process) deliver(msg any) {
	p.push(msg)
	p.wakeUp()
}

// wakeToken is the value that wakes a waiting process to look at its
// mailbox (or at its death) again.
type wakeToken struct{}

// wakeUp wakes p, under p's lock, if it waits. The channel is empty while
// p waits and no one has woken it, so the send does not block.
func (p *Process) wakeUp() {
	if p.waiting {
		p.waiting = false
		p.wake <- wakeToken{}
	}
}

// push queues a message, under p's lock.
func (p *Process) push(msg any) {
	if p.mbox == nil {
		p.mbox = &mailbox{}
	}
	p.mbox.push(msg)
}

// The commonest exit reasons, boxed once: a process that ends with one of
// them costs no allocation.
var (
	normalReason term.Term = Normal
	killedReason term.Term = Killed
)

// boxReason returns a pointer to reason, which Process keeps so that a
// live process does not carry room for it.
func boxReason(reason term.Term) *term.Term {
	switch reason {
	case normalReason:
		return &normalReason
	case killedReason:
		return &killedReason
	}
	boxed := new(term.Term)
	*boxed = reason
	return boxed
}

// markDead makes p dead with reason, under p's lock, and reports whether
// it did (false if p was dead already). The caller must then bury p.
func (p *Process) markDead(reason term.Term) bool {
	if p.dead.Load() {
		return false
	}
	p.reason = boxReason(reason)
	p.dead.Store(true)
	p.wakeUp()
	if p.x != nil && p.x.cancel != nil {
		p.x.cancel()
	}
	return true
}

// terminate ends p with reason, if it has not ended already.
func (n *Node) terminate(p *Process, reason term.Term) {
	p.mu.Lock()
	d := p.markDead(reason)
	p.mu.Unlock()
	if d {
		n.bury(p)
	}
}

// bury does what follows the death of p: its name is freed, it leaves the
// process table, its timers are cancelled, its monitors are removed, and
// its links and monitors fire. Processes that die of its exit signal are
// buried in turn, without recursion.
func (n *Node) bury(p *Process) {
	work := []*Process{p}
	for len(work) > 0 {
		p := work[len(work)-1]
		work = work[:len(work)-1]

		p.mu.Lock()
		reason := *p.reason
		name := p.regName()
		links := p.links
		p.links = nil
		var monitors, monitoredBy monSet
		var timers map[term.Ref]struct{}
		var hooks map[any]func(term.Pid, term.Term)
		if x := p.x; x != nil {
			monitors, monitoredBy, timers = x.monitors, x.monitoredBy, x.timers
			x.monitors, x.monitoredBy, x.timers = monSet{}, monSet{}, nil
			hooks, x.onExit = x.onExit, nil
			if x.recvTimer != nil {
				// A dead process waits for nothing: its timer would
				// only keep it from being collected until it fired.
				x.recvTimer.Stop()
			}
		}
		p.mu.Unlock()

		if name != "" {
			n.regMu.Lock()
			if n.names[name] == p {
				delete(n.names, name)
			}
			n.regMu.Unlock()
		}
		n.procs.delete(p.num)
		for ref := range timers {
			n.cancelTimer(ref)
		}
		for _, f := range hooks {
			f(p.Self(), reason)
		}
		for key, m := range monitors.all {
			if m.target == nil {
				continue // a monitor of nothing, firing at once
			}
			m.target.mu.Lock()
			if m.target.x != nil {
				m.target.x.monitoredBy.del(key)
			}
			m.target.mu.Unlock()
		}
		for pid := range links {
			q := n.lookup(pid)
			if q == nil {
				continue
			}
			q.mu.Lock()
			d := q.exitSignal(p.Self(), reason, true)
			q.mu.Unlock()
			if d {
				work = append(work, q)
			}
		}
		for _, m := range monitoredBy.all {
			m.fire(reason)
		}
	}
}

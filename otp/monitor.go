package otp

import (
	"fmt"

	"github.com/scalability-go/otpbook/otp/term"
)

// A monitor is held by its watcher and set on its target; it fires once.
// It is kept small, as a call makes one: its reference is made again from
// key, and its item from the target or the name.
type monitor struct {
	key     uint64 // the reference's number, the key of the maps that hold it
	watcher *Process
	target  *Process
	name    term.Atom // the name, for a monitor set by name; "" for a pid
	alias   bool      // the reference is also an alias (see MonitorAlias)
}

// ref returns the monitor's reference.
func (m *monitor) ref() term.Ref { return m.watcher.node.refOf(m.key) }

// item returns what the DOWN message names: the pid, or {Name, Node}.
func (m *monitor) item() term.Term {
	if m.name != "" {
		return term.Tuple{m.name, m.watcher.node.name}
	}
	return m.target.Self()
}

// fire delivers the monitor's DOWN message, unless the watcher has
// removed the monitor in the meantime.
func (m *monitor) fire(reason term.Term) {
	w := m.watcher
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.dead.Load() || w.x == nil {
		return
	}
	if w.x.monitors.del(m.key) == nil {
		return
	}
	w.deliver(DownMsg{Ref: m.ref(), Type: "process", Item: m.item(), Reason: reason})
}

func (p *Process) addMonitor(m *monitor) {
	x := p.ext()
	x.monitors.put(m.key, m)
}

// newMonitorRef makes a reference and sets the receive marker to it.
func (p *Process) newMonitorRef() term.Ref {
	ref, _ := p.newRef()
	return ref
}

// newRef makes a reference, sets the receive marker to it, and returns it
// with its number.
func (p *Process) newRef() (term.Ref, uint64) {
	num := p.node.nextRef.Add(1)
	p.mu.Lock()
	p.setMarker(num)
	p.mu.Unlock()
	return p.node.refOf(num), num
}

// setMarker sets the receive marker, under p's lock, to the reference
// numbered num: messages queued from now on may hold it.
func (p *Process) setMarker(num uint64) {
	if p.mbox == nil {
		p.mbox = &mailbox{}
	}
	p.mbox.markRef = num
	p.mbox.markSeq = p.mbox.next
}

// Monitor starts monitoring a process, as monitor(process, Target) does,
// and returns the monitor's reference. Target is a pid, a registered name
// (an Atom), or {Name, Node} (a term.Tuple). When the target ends, the
// caller receives a DownMsg, {'DOWN', Ref, process, Item, Reason}, where
// Item is the pid, or {Name, Node} for a monitor set by name. A target
// that does not exist gives a DownMsg with reason noproc at once. Each
// call makes a new monitor.
//
// The reference also sets the receive marker, as MakeRef does, so that a
// ReceiveRef for it need not look at older messages.
//
// A target that is not a pid, an atom or {Name, Node} is an error that
// wraps ErrBadarg, as is a name on another node when the node is not
// distributed.
func (p *Process) Monitor(target term.Term) (term.Ref, error) {
	return p.monitor(target, false)
}

// MonitorAlias is Monitor whose reference is also an alias of the caller,
// as monitor(process, Target, [{alias, demonitor}]) makes it: a message
// sent with SendAlias to the caller under the reference arrives only while
// the monitor is active, that is until Demonitor removes it or its DOWN
// message is delivered. A reply that comes after its caller gave up
// waiting is so dropped rather than left in the caller's mailbox, which is
// how a call made with it (gen_server:call) leaves no late replies.
func (p *Process) MonitorAlias(target term.Term) (term.Ref, error) {
	return p.monitor(target, true)
}

func (p *Process) monitor(target term.Term, alias bool) (term.Ref, error) {
	p.check()
	var q *Process
	var item term.Term
	var name term.Atom
	switch t := target.(type) {
	case term.Pid:
		item = target // the interface as it came: no new allocation
		q = p.node.lookup(t)
	case term.Atom:
		item = term.Tuple{t, p.node.name}
		name = t
		q = p.node.whereis(t)
	case term.Tuple:
		if len(t) != 2 {
			return term.Ref{}, fmt.Errorf("monitor %s: %w", term.Write(target), ErrBadarg)
		}
		nm, ok1 := t[0].(term.Atom)
		nd, ok2 := t[1].(term.Atom)
		if !ok1 || !ok2 {
			return term.Ref{}, fmt.Errorf("monitor %s: %w", term.Write(target), ErrBadarg)
		}
		if nd != p.node.name {
			return term.Ref{}, fmt.Errorf("monitor %s: node is not reachable: %w", term.Write(target), ErrBadarg)
		}
		item, name = target, nm
		q = p.node.whereis(nm)
	default:
		return term.Ref{}, fmt.Errorf("monitor %s: %w", term.Write(target), ErrBadarg)
	}
	if q == p {
		// A process does not monitor itself: the reference is all.
		ref, _ := p.newRef()
		return ref, nil
	}
	// The reference, the receive marker and the monitor in one hold of
	// the lock.
	key := p.node.nextRef.Add(1)
	ref := p.node.refOf(key)
	m := &monitor{key: key, watcher: p, target: q, name: name, alias: alias}
	p.mu.Lock()
	p.setMarker(key)
	p.addMonitor(m)
	p.mu.Unlock()
	if q != nil {
		q.mu.Lock()
		if !q.dead.Load() {
			if p.dead.Load() {
				// Killed since the monitor was added: its burial may
				// have missed it, so it is not set on q.
				q.mu.Unlock()
				p.unwind()
			}
			// Killed from now on, the burial finds the monitor among
			// p's, and removes it from q once this lock is let go.
			q.ext().monitoredBy.put(key, m)
			q.mu.Unlock()
			return ref, nil
		}
		q.mu.Unlock()
	}
	// No such process: the DOWN comes at once, and the monitor, gone
	// with it, is no alias any more.
	reason := Noproc
	if pid, ok := item.(term.Pid); ok && !p.node.isLocal(pid) {
		reason = Noconnection
	}
	p.mu.Lock()
	if !p.dead.Load() && p.x.monitors.del(key) != nil {
		p.deliver(DownMsg{Ref: ref, Type: "process", Item: item, Reason: reason})
	}
	p.mu.Unlock()
	return ref, nil
}

// DemonitorOption modifies Demonitor, as the options of demonitor/2 do.
type DemonitorOption int

const (
	// Flush removes a DOWN message of the monitor from the mailbox, if
	// one is queued.
	Flush DemonitorOption = 1 << iota
	// Info makes Demonitor report whether it found the monitor.
	Info
)

// Demonitor removes a monitor, as demonitor/2 does. Once it returns, no
// DOWN message of the monitor will arrive; one already queued stays unless
// Flush is given. It returns true, or with Info whether the monitor was
// found and removed (false: it had fired, or never existed).
func (p *Process) Demonitor(ref term.Ref, opts ...DemonitorOption) bool {
	p.check()
	var o DemonitorOption
	for _, x := range opts {
		o |= x
	}
	key, ours := p.node.refNumber(ref)
	p.mu.Lock()
	var m *monitor
	if p.x != nil && ours {
		m = p.x.monitors.del(key)
	}
	if o&Flush != 0 && m == nil {
		// A monitor still held has not fired: its DOWN cannot be queued.
		// One that fired left its DOWN after the reference was made, so
		// the search starts at the receive marker when ref is it.
		var from uint64
		if ours && p.mbox != nil && p.mbox.markRef == key {
			from = p.mbox.markSeq
		}
		p.mbox.take(func(msg any) bool {
			d, ok := msg.(DownMsg)
			return ok && d.Ref == ref
		}, from)
	}
	p.mu.Unlock()
	if m != nil && m.target != nil {
		t := m.target
		t.mu.Lock()
		if t.x != nil {
			t.x.monitoredBy.del(key)
		}
		t.mu.Unlock()
	}
	if o&Info != 0 {
		return m != nil
	}
	return true
}

// SendAlias sends msg to the process to under alias, a reference that
// process made with MonitorAlias, as Alias ! Msg does: the message is
// dropped unless the monitor is still active, so a reply to a caller that
// has given up never reaches it. Like Send, it never fails.
func (p *Process) SendAlias(to term.Pid, alias term.Ref, msg any) {
	p.check()
	key, ok := p.node.refNumber(alias)
	if !ok {
		return
	}
	q := p.node.lookup(to)
	if q == nil {
		return
	}
	q.mu.Lock()
	if q.x == nil {
		q.mu.Unlock()
		return
	}
	if m := q.x.monitors.get(key); m == nil || !m.alias {
		q.mu.Unlock()
		return
	}
	p.handOver(q, msg)
}

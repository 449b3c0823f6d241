package otp

import (
	"fmt"
	"slices"

	"github.com/scalability-go/otpbook/otp/term"
)

// Register gives pid the name, as register/2 does. It is an error wrapping
// ErrBadarg when the name is taken or is undefined; when pid is not a live
// process of this node; or when pid already has a name (a process has at
// most one). The empty atom ” cannot be registered here (Erlang allows
// it): it is an error wrapping ErrBadarg too.
func (n *Node) Register(name term.Atom, pid term.Pid) error {
	if name == term.Undefined || name == "" {
		return fmt.Errorf("register %s: reserved name: %w", term.Write(name), ErrBadarg)
	}
	p := n.lookup(pid)
	if p == nil {
		return fmt.Errorf("register %s, %v: not a live local process: %w", term.Write(name), pid, ErrBadarg)
	}
	n.regMu.Lock()
	defer n.regMu.Unlock()
	if q, ok := n.names[name]; ok && !q.dead.Load() {
		return fmt.Errorf("register %s: already registered to %v: %w", term.Write(name), q.Self(), ErrBadarg)
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	switch {
	case p.dead.Load():
		return fmt.Errorf("register %s, %v: not a live local process: %w", term.Write(name), pid, ErrBadarg)
	case p.regName() != "":
		return fmt.Errorf("register %s, %v: already registered as %s: %w", term.Write(name), pid, term.Write(p.regName()), ErrBadarg)
	}
	p.ext().name = name
	n.names[name] = p
	return nil
}

// Unregister removes a registered name, as unregister/1 does. It is an
// error wrapping ErrBadarg when the name is not registered.
func (n *Node) Unregister(name term.Atom) error {
	n.regMu.Lock()
	defer n.regMu.Unlock()
	p, ok := n.names[name]
	if !ok {
		return fmt.Errorf("unregister %s: not registered: %w", term.Write(name), ErrBadarg)
	}
	delete(n.names, name)
	p.mu.Lock()
	p.x.name = ""
	p.mu.Unlock()
	return nil
}

// WhereIs returns the pid registered under name, as whereis/1 does; ok is
// false (Erlang's undefined) when nobody is.
func (n *Node) WhereIs(name term.Atom) (pid term.Pid, ok bool) {
	if p := n.whereis(name); p != nil {
		return p.Self(), true
	}
	return term.Pid{}, false
}

func (n *Node) whereis(name term.Atom) *Process {
	n.regMu.RLock()
	p := n.names[name]
	n.regMu.RUnlock()
	if p == nil || p.dead.Load() {
		return nil
	}
	return p
}

// Registered returns the registered names, sorted, as registered/0 does
// (in no particular order).
func (n *Node) Registered() []term.Atom {
	n.regMu.RLock()
	names := make([]term.Atom, 0, len(n.names))
	for name, p := range n.names {
		if !p.dead.Load() {
			names = append(names, name)
		}
	}
	n.regMu.RUnlock()
	slices.Sort(names)
	return names
}

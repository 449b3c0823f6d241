package gen

import (
	"fmt"
	"sync"

	"github.com/scalability-go/otpbook/otp"
	"github.com/scalability-go/otpbook/otp/code"
	"github.com/scalability-go/otpbook/otp/term"
)

const (
	atomLocal  term.Atom = "local"
	atomGlobal term.Atom = "global"
	atomVia    term.Atom = "via"
)

// Registry is a name registry that {via, Module, Name} names refer to: the
// Impl of Module in the node's code server implements it, as an Erlang
// module exports register_name/2, unregister_name/1, whereis_name/1 and
// send/2. (A module that exports those four functions instead serves as
// well: Where and the others call them by name.)
type Registry interface {
	// RegisterName gives pid the name; false (no) if it is taken.
	RegisterName(p *otp.Process, name term.Term, pid term.Pid) bool
	UnregisterName(p *otp.Process, name term.Term)
	WhereisName(p *otp.Process, name term.Term) (term.Pid, bool)
	// Send sends msg to the process with the name; an error wrapping
	// otp.ErrBadarg if nobody has it (Erlang exits {badarg, {Name, Msg}}).
	Send(p *otp.Process, name term.Term, msg any) error
}

// Global returns the node's registry of {global, Name} names, which
// global:register_name/2 and its siblings serve in Erlang. Until
// distribution exists it is local to the node; a name is removed when the
// process that holds it ends, as global does.
func Global(n *otp.Node) Registry { return globalOf(n) }

type globalKey struct{}

// hookKey is the key of the exit hook that removes a global name.
type hookKey struct{ name string }

type globalRegistry struct {
	n     *otp.Node
	mu    sync.Mutex
	names map[string]term.Pid // by term.Write of the name, which tells terms apart as =:= does
}

func globalOf(n *otp.Node) *globalRegistry {
	return n.Value(globalKey{}, func() any {
		return &globalRegistry{n: n, names: make(map[string]term.Pid)}
	}).(*globalRegistry)
}

func (g *globalRegistry) RegisterName(_ *otp.Process, name term.Term, pid term.Pid) bool {
	key := term.Write(name)
	g.mu.Lock()
	if _, taken := g.names[key]; taken {
		g.mu.Unlock()
		return false
	}
	for _, held := range g.names {
		if held == pid {
			// global: a process has at most one global name.
			g.mu.Unlock()
			return false
		}
	}
	g.names[key] = pid
	g.mu.Unlock()
	if !g.n.OnExit(pid, hookKey{key}, func(pid term.Pid, _ term.Term) { g.drop(key, pid) }) {
		g.drop(key, pid)
		return false
	}
	return true
}

func (g *globalRegistry) drop(key string, pid term.Pid) {
	g.mu.Lock()
	defer g.mu.Unlock()
	if g.names[key] == pid {
		delete(g.names, key)
	}
}

func (g *globalRegistry) UnregisterName(_ *otp.Process, name term.Term) {
	key := term.Write(name)
	g.mu.Lock()
	pid, ok := g.names[key]
	delete(g.names, key)
	g.mu.Unlock()
	if ok {
		g.n.OnExit(pid, hookKey{key}, nil)
	}
}

func (g *globalRegistry) WhereisName(_ *otp.Process, name term.Term) (term.Pid, bool) {
	g.mu.Lock()
	defer g.mu.Unlock()
	pid, ok := g.names[term.Write(name)]
	return pid, ok
}

func (g *globalRegistry) Send(p *otp.Process, name term.Term, msg any) error {
	pid, ok := g.WhereisName(p, name)
	if !ok {
		return fmt.Errorf("global send to %s: %w", term.Write(name), otp.ErrBadarg)
	}
	p.Send(pid, msg)
	return nil
}

// viaRegistry finds the registry of a {via, Module, Name} name: the Impl of
// Module, or its exported functions, or for global the node's global
// registry.
func viaRegistry(p *otp.Process, module term.Term) (Registry, bool) {
	mod, ok := module.(term.Atom)
	if !ok {
		return nil, false
	}
	if m, ok := code.Of(p.Node()).IsLoaded(mod); ok {
		if r, ok := m.Impl.(Registry); ok {
			return r, true
		}
		return exportRegistry{mod}, true
	}
	if mod == atomGlobal {
		return globalOf(p.Node()), true
	}
	return nil, false
}

// exportRegistry calls a module's register_name/2, unregister_name/1,
// whereis_name/1 and send/2 by name.
type exportRegistry struct{ mod term.Atom }

func (r exportRegistry) apply(p *otp.Process, f term.Atom, args ...term.Term) term.Term {
	return code.Of(p.Node()).Apply(p, r.mod, f, args)
}

func (r exportRegistry) RegisterName(p *otp.Process, name term.Term, pid term.Pid) bool {
	return r.apply(p, "register_name", name, pid) == term.Atom("yes")
}

func (r exportRegistry) UnregisterName(p *otp.Process, name term.Term) {
	r.apply(p, "unregister_name", name)
}

func (r exportRegistry) WhereisName(p *otp.Process, name term.Term) (term.Pid, bool) {
	pid, ok := r.apply(p, "whereis_name", name).(term.Pid)
	return pid, ok
}

func (r exportRegistry) Send(p *otp.Process, name term.Term, msg any) (err error) {
	if exc := otp.Catch(func() { r.apply(p, "send", name, msg) }); exc != nil {
		return fmt.Errorf("%s:send: %w", r.mod, exc)
	}
	return nil
}

// Where returns the pid a name stands for, as gen:where/1 does: name is
// {local, Name}, {global, Name} or {via, Module, Name}; a pid, an atom and
// {Name, Node} of this node are taken too. ok is false (Erlang's
// undefined) when nobody has the name.
func Where(p *otp.Process, name term.Term) (term.Pid, bool) {
	switch n := name.(type) {
	case term.Pid:
		return n, p.Node().IsProcessAlive(n)
	case term.Atom:
		return p.Node().WhereIs(n)
	case term.Tuple:
		switch {
		case len(n) == 2 && n[0] == atomLocal:
			if a, ok := n[1].(term.Atom); ok {
				return p.Node().WhereIs(a)
			}
		case len(n) == 2 && n[0] == atomGlobal:
			return globalOf(p.Node()).WhereisName(p, n[1])
		case len(n) == 3 && n[0] == atomVia:
			if r, ok := viaRegistry(p, n[1]); ok {
				return r.WhereisName(p, n[2])
			}
		case len(n) == 2:
			a, ok1 := n[0].(term.Atom)
			nd, ok2 := n[1].(term.Atom)
			if ok1 && ok2 && nd == p.Node().Name() {
				return p.Node().WhereIs(a)
			}
		}
	}
	return term.Pid{}, false
}

// NameError is the exception gen:start raises for a malformed name, before
// spawning anything: error badarg ({local, N} with N no atom),
// function_clause (no name at all), or undef ({via, M, N} with M not
// loaded).
type NameError struct {
	Name   term.Term
	Reason term.Term
	Stack  term.List
}

func (e *NameError) Error() string {
	return "gen: bad name " + term.Write(e.Name) + ": " + term.Write(e.Reason)
}

// Exception is error Reason, raised where gen:start raises it.
func (e *NameError) Exception() *otp.Exception {
	return &otp.Exception{Class: otp.ClassError, Reason: e.Reason, Stack: e.Stack}
}

// whereName is gen:where/1 of a start's name: the holder, whether the name
// is taken, and the *NameError of a malformed name.
func whereName(p *otp.Process, name term.Term) (term.Pid, bool, error) {
	startFrame := term.Tuple{term.Atom("gen"), term.Atom("start"), 6, term.List{}}
	whereFrame := term.Tuple{term.Atom("gen"), term.Atom("where"), 1, term.List{}}
	t, _ := name.(term.Tuple)
	switch {
	case len(t) == 2 && t[0] == atomLocal:
		a, ok := t[1].(term.Atom)
		if !ok {
			return term.Pid{}, false, &NameError{Name: name, Reason: term.Atom("badarg"), Stack: term.List{
				term.Tuple{term.Atom("erlang"), term.Atom("whereis"), term.List{t[1]}, term.List{}},
				whereFrame, startFrame}}
		}
		pid, taken := p.Node().WhereIs(a)
		return pid, taken, nil
	case len(t) == 2 && t[0] == atomGlobal:
		pid, taken := globalOf(p.Node()).WhereisName(p, t[1])
		return pid, taken, nil
	case len(t) == 3 && t[0] == atomVia:
		r, found := viaRegistry(p, t[1])
		if !found {
			return term.Pid{}, false, &NameError{Name: name, Reason: term.Atom("undef"), Stack: term.List{
				term.Tuple{t[1], term.Atom("whereis_name"), term.List{t[2]}, term.List{}}, startFrame}}
		}
		pid, taken := r.WhereisName(p, t[2])
		return pid, taken, nil
	}
	return term.Pid{}, false, &NameError{Name: name, Reason: term.Atom("function_clause"), Stack: term.List{
		term.Tuple{term.Atom("gen"), term.Atom("where"), term.List{name}, term.List{}}, startFrame}}
}

// Register registers the calling process under name, {local, N},
// {global, N} or {via, Module, N}, as gen's start does in the new process.
// When the name is taken it returns the pid that holds it and false; the
// zero Pid and false when the name is malformed or the registration was
// refused for another reason (the process already has a local name).
func Register(p *otp.Process, name term.Term) (holder term.Pid, ok bool) {
	t, isTuple := name.(term.Tuple)
	if !isTuple {
		return term.Pid{}, false
	}
	switch {
	case len(t) == 2 && t[0] == atomLocal:
		a, isAtom := t[1].(term.Atom)
		if !isAtom {
			return term.Pid{}, false
		}
		if err := p.Node().Register(a, p.Self()); err != nil {
			holder, _ := p.Node().WhereIs(a)
			return holder, false
		}
		return p.Self(), true
	case len(t) == 2 && t[0] == atomGlobal:
		g := globalOf(p.Node())
		if !g.RegisterName(p, t[1], p.Self()) {
			holder, _ := g.WhereisName(p, t[1])
			return holder, false
		}
		return p.Self(), true
	case len(t) == 3 && t[0] == atomVia:
		r, found := viaRegistry(p, t[1])
		if !found {
			return term.Pid{}, false
		}
		if !r.RegisterName(p, t[2], p.Self()) {
			holder, _ := r.WhereisName(p, t[2])
			return holder, false
		}
		return p.Self(), true
	}
	return term.Pid{}, false
}

// Unregister removes a name Register gave, as gen's unregister_name/1.
func Unregister(p *otp.Process, name term.Term) {
	t, ok := name.(term.Tuple)
	if !ok {
		return
	}
	switch {
	case len(t) == 2 && t[0] == atomLocal:
		if a, ok := t[1].(term.Atom); ok {
			_ = p.Node().Unregister(a)
		}
	case len(t) == 2 && t[0] == atomGlobal:
		globalOf(p.Node()).UnregisterName(p, t[1])
	case len(t) == 3 && t[0] == atomVia:
		if r, ok := viaRegistry(p, t[1]); ok {
			r.UnregisterName(p, t[2])
		}
	}
}

// Send sends msg to a pid, a registered name (Atom), {Name, Node},
// {global, Name} or {via, Module, Name}. As gen_server:cast, it never fails:
// a message to nobody is dropped.
func Send(p *otp.Process, dest term.Term, msg any) {
	switch d := dest.(type) {
	case term.Pid:
		p.Send(d, msg)
	case term.Atom:
		_ = p.SendTo(d, msg)
	case term.Tuple:
		switch {
		case len(d) == 2 && d[0] == atomGlobal:
			_ = globalOf(p.Node()).Send(p, d[1], msg)
		case len(d) == 3 && d[0] == atomVia:
			if r, ok := viaRegistry(p, d[1]); ok {
				_ = r.Send(p, d[2], msg)
			}
		default:
			_ = p.SendTo(d, msg)
		}
	}
}

// NameOf returns what a process started under a name calls itself in
// reports and *DBG* lines, as gen_server's name/1: N for {local, N},
// {global, N} and {via, Module, N}; anything else as it is (a pid).
func NameOf(name term.Term) term.Term {
	if t, ok := name.(term.Tuple); ok {
		switch {
		case len(t) == 2 && (t[0] == atomLocal || t[0] == atomGlobal):
			return t[1]
		case len(t) == 3 && t[0] == atomVia:
			return t[2]
		}
	}
	return name
}

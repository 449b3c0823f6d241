// Package code is the code server: modules by name, each with a current
// and an old version, as Erlang's code module keeps them.
//
// Go cannot replace compiled code in a running program, so a module here
// is a Go value registered under a name: its exported functions (callable
// by name, as the shell, rpc and remote spawns call them) and whatever
// implementation it carries (a behaviour's callbacks, a struct of
// functions). What the code server keeps are OTP's rules about versions,
// which chapters 2, 5 and 12 of the book rely on:
//
//   - At most two versions of a module exist: current and old. Load makes
//     the current version old and installs the new one.
//   - A process runs the version it entered (Enter). A loop that enters
//     the module again on every turn, as a fully qualified call does,
//     moves to the current version; a loop that keeps what it entered, as
//     a local call does, stays on the old one.
//   - Loading a version while an old one exists purges the old one first,
//     killing the processes that still run it. Purge does the same;
//     SoftPurge refuses while any process runs the old version.
//
// Calling a function that is not exported raises error undef, as in
// Erlang.
package code

import (
	"fmt"
	"slices"
	"strconv"
	"sync"

	"github.com/scalability-go/otpbook/otp"
	"github.com/scalability-go/otpbook/otp/term"
)

// A Func is an exported function: it is called by the process that makes
// the call, with the call's arguments, and returns the call's value.
// Exceptions are raised as otp.Error, otp.Exit and otp.Throw raise them.
type Func func(p *otp.Process, args []term.Term) term.Term

// FA names an exported function within its module: Function/Arity.
type FA struct {
	Function term.Atom
	Arity    int
}

func (fa FA) String() string { return string(fa.Function) + "/" + strconv.Itoa(fa.Arity) }

// A Module is one version of a module.
type Module struct {
	// Name is the module's name.
	Name term.Atom
	// Vsn is its version, as the -vsn attribute gives it. Load gives a
	// module without one a version of its own: the number of the load.
	Vsn term.Term
	// Exports are its exported functions.
	Exports map[FA]Func
	// Impl is whatever else the module carries: the callbacks of a
	// behaviour, a struct of functions for a process to run.
	Impl any
	// Records are the record definitions the module declares with
	// -record (its own and those of the headers it includes), as the
	// shell's rr/1 reads them from the module; nil when it has none.
	Records []RecordDef
}

// RecordDef is a record definition, -record(Name, {Field, ...}).
type RecordDef struct {
	Name   term.Atom
	Fields []RecordField
}

// RecordField is a field of a record definition. Default and Type are
// Erlang source text, read and printed by the shell: Default is the
// expression that gives the field's value when a record is made without
// it ("[]", "0"), or "" for none (the value is then undefined); Type is
// the field's type ("inet | inet6"), or "" for none.
type RecordField struct {
	Name    term.Atom
	Default string
	Type    string
}

// Lookup returns the exported function Name/Arity.
func (m *Module) Lookup(name term.Atom, arity int) (Func, bool) {
	if m == nil {
		return nil, false
	}
	f, ok := m.Exports[FA{name, arity}]
	return f, ok
}

// version is a loaded version of a module, and the processes that run it.
type version struct {
	mod   *Module
	procs map[term.Pid]struct{}
}

type slot struct {
	current, old *version
}

// Server is a node's code server.
type Server struct {
	node  *otp.Node
	mu    sync.Mutex
	mods  map[term.Atom]*slot
	loads int
	// runs maps a process to the version of each module it has entered.
	runs map[term.Pid]map[term.Atom]*version
}

type serverKey struct{}

// Of returns the code server of a node.
func Of(n *otp.Node) *Server {
	return n.Value(serverKey{}, func() any {
		return &Server{node: n, mods: map[term.Atom]*slot{}, runs: map[term.Pid]map[term.Atom]*version{}}
	}).(*Server)
}

// Load installs m as the current version of its module, as
// code:load_binary does after the shell's c/1 has purged: the current
// version becomes old, and an old version that existed is purged first,
// killing the processes that still run it. It returns whether it killed
// any. A module with no name is an error wrapping otp.ErrBadarg.
func (s *Server) Load(m *Module) (killed bool, err error) {
	if m == nil || m.Name == "" {
		return false, fmt.Errorf("code: load: module without a name: %w", otp.ErrBadarg)
	}
	s.mu.Lock()
	s.loads++
	if m.Vsn == nil {
		c := *m
		c.Vsn = s.loads
		m = &c
	}
	sl := s.mods[m.Name]
	if sl == nil {
		sl = &slot{}
		s.mods[m.Name] = sl
	}
	victims := s.purgeLocked(m.Name, sl)
	sl.old = sl.current
	sl.current = &version{mod: m, procs: map[term.Pid]struct{}{}}
	s.mu.Unlock()
	return s.kill(victims), nil
}

// purgeLocked drops the old version of a module and returns the live
// processes that still run it.
func (s *Server) purgeLocked(name term.Atom, sl *slot) []term.Pid {
	if sl.old == nil {
		return nil
	}
	var victims []term.Pid
	for pid := range sl.old.procs {
		if s.node.IsProcessAlive(pid) {
			victims = append(victims, pid)
		}
		s.forget(pid, name, sl.old)
	}
	sl.old = nil
	slices.SortFunc(victims, func(a, b term.Pid) int { return term.Compare(a, b) })
	return victims
}

func (s *Server) forget(pid term.Pid, name term.Atom, v *version) {
	if r := s.runs[pid]; r != nil && r[name] == v {
		delete(r, name)
		if len(r) == 0 {
			delete(s.runs, pid)
		}
	}
}

// kill ends the processes with reason killed, and returns whether there
// were any.
func (s *Server) kill(pids []term.Pid) bool {
	if len(pids) == 0 {
		return false
	}
	k := s.node.Attach()
	defer k.Detach()
	for _, pid := range pids {
		k.SendExit(pid, otp.Kill)
	}
	return true
}

// Purge removes the old version of a module, killing the processes that
// still run it, as code:purge/1 does. It returns whether it killed any.
func (s *Server) Purge(name term.Atom) bool {
	s.mu.Lock()
	var victims []term.Pid
	if sl := s.mods[name]; sl != nil {
		victims = s.purgeLocked(name, sl)
		s.dropIfEmpty(name, sl)
	}
	s.mu.Unlock()
	return s.kill(victims)
}

// SoftPurge removes the old version of a module unless a process still
// runs it, as code:soft_purge/1 does: it returns false, and removes
// nothing, when one does.
func (s *Server) SoftPurge(name term.Atom) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	sl := s.mods[name]
	if sl == nil || sl.old == nil {
		return true
	}
	for pid := range sl.old.procs {
		if s.node.IsProcessAlive(pid) {
			return false
		}
	}
	s.purgeLocked(name, sl)
	s.dropIfEmpty(name, sl)
	return true
}

// Delete makes the current version of a module old, so that it can no
// longer be called by name, as code:delete/1 does. It returns false, and
// does nothing, when the module is not loaded or already has an old
// version.
func (s *Server) Delete(name term.Atom) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	sl := s.mods[name]
	if sl == nil || sl.current == nil || sl.old != nil {
		return false
	}
	sl.old, sl.current = sl.current, nil
	return true
}

func (s *Server) dropIfEmpty(name term.Atom, sl *slot) {
	if sl.current == nil && sl.old == nil {
		delete(s.mods, name)
	}
}

// CheckProcessCode reports whether pid runs the old version of a module,
// as erlang:check_process_code/2 does.
func (s *Server) CheckProcessCode(pid term.Pid, name term.Atom) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	sl := s.mods[name]
	if sl == nil || sl.old == nil {
		return false
	}
	_, ok := sl.old.procs[pid]
	return ok && s.node.IsProcessAlive(pid)
}

// IsLoaded returns the current version of a module, as code:is_loaded/1
// tells whether there is one.
func (s *Server) IsLoaded(name term.Atom) (*Module, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if sl := s.mods[name]; sl != nil && sl.current != nil {
		return sl.current.mod, true
	}
	return nil, false
}

// Old returns the old version of a module, if there is one.
func (s *Server) Old(name term.Atom) (*Module, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if sl := s.mods[name]; sl != nil && sl.old != nil {
		return sl.old.mod, true
	}
	return nil, false
}

// AllLoaded returns the names of the loaded modules, sorted, as
// code:all_loaded/0 lists them.
func (s *Server) AllLoaded() []term.Atom {
	s.mu.Lock()
	defer s.mu.Unlock()
	var names []term.Atom
	for name, sl := range s.mods {
		if sl.current != nil {
			names = append(names, name)
		}
	}
	slices.Sort(names)
	return names
}

// Enter returns the current version of a module and records that p runs
// it, as a fully qualified call into the module does, until p enters the
// module again. (Apply records it only while the call runs.) A process runs one
// version of each module: the one it entered last. A loop that calls Enter
// on every turn follows upgrades; one that keeps the *Module it got stays
// on its version, and is killed when that version is purged.
func (s *Server) Enter(p *otp.Process, name term.Atom) (*Module, error) {
	m, _, _, err := s.enter(p.Self(), name)
	return m, err
}

// enter is Enter, which also returns the version the process ran before
// (nil for none) and the one it runs now, for leave.
func (s *Server) enter(pid term.Pid, name term.Atom) (m *Module, prev, cur *version, err error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	sl := s.mods[name]
	if sl == nil || sl.current == nil {
		return nil, nil, nil, fmt.Errorf("code: module %s is not loaded: %w", term.Write(name), ErrUndef)
	}
	v := sl.current
	r := s.runs[pid]
	if r == nil {
		if len(s.runs) > 64 && len(s.runs)&(len(s.runs)-1) == 0 {
			s.sweep()
		}
		r = map[term.Atom]*version{}
		s.runs[pid] = r
	}
	prev = r[name]
	if prev != nil && prev != v {
		delete(prev.procs, pid)
	}
	r[name] = v
	v.procs[pid] = struct{}{}
	return v.mod, prev, v, nil
}

// leave undoes enter when the call it was made for returns: the process
// runs the version it ran before again, if that version is still loaded,
// or no version of the module.
func (s *Server) leave(pid term.Pid, name term.Atom, prev, cur *version) {
	if prev == cur {
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	r := s.runs[pid]
	if r == nil || r[name] != cur {
		return // entered again since, or purged
	}
	delete(cur.procs, pid)
	if sl := s.mods[name]; prev != nil && sl != nil && (sl.current == prev || sl.old == prev) {
		r[name] = prev
		prev.procs[pid] = struct{}{}
		return
	}
	delete(r, name)
	if len(r) == 0 {
		delete(s.runs, pid)
	}
}

// sweep forgets the processes that have ended, so that a long-lived node
// does not keep them.
func (s *Server) sweep() {
	for pid, r := range s.runs {
		if s.node.IsProcessAlive(pid) {
			continue
		}
		for _, v := range r {
			delete(v.procs, pid)
		}
		delete(s.runs, pid)
	}
}

package proclib

import (
	"sync"

	"github.com/scalability-go/otpbook/otp"
	"github.com/scalability-go/otpbook/otp/term"
)

// The keys of the process dictionary that proc_lib sets, as OTP names them.
const (
	KeyAncestors   term.Atom = "$ancestors"
	KeyInitialCall term.Atom = "$initial_call"
)

// initP is the initial call process_info reports for a proc_lib process, as
// in OTP: proc_lib:init_p/5. TranslateInitialCall gives the real one.
var initP = otp.MFA{Module: "proc_lib", Function: "init_p", Arity: 5}

// parentKey keeps the parent's pid in the dictionary: $ancestors may hold
// its registered name instead.
type parentKey struct{}

// Spawn starts fn as a proc_lib process, as proc_lib:spawn/3 does: its
// dictionary holds "$ancestors" (the caller's registered name, or its pid,
// then the caller's own ancestors) and "$initial_call" ({M, F, Arity} of
// mfa); process_info reports {proc_lib, init_p, 5} as its initial call, and
// TranslateInitialCall mfa. If fn ends with an exception other than exit
// normal, shutdown or {shutdown, _}, a crash report is logged (see
// CrashReport) before the process exits with the same reason.
func Spawn(p *otp.Process, mfa otp.MFA, fn func(*otp.Process)) term.Pid {
	pid, _ := SpawnOpt(p, mfa, fn, otp.SpawnOptions{})
	return pid
}

// SpawnLink is Spawn with a link to the caller, as proc_lib:spawn_link/3.
func SpawnLink(p *otp.Process, mfa otp.MFA, fn func(*otp.Process)) term.Pid {
	pid, _ := SpawnOpt(p, mfa, fn, otp.SpawnOptions{Link: true})
	return pid
}

// SpawnOpt is Spawn with options, as proc_lib:spawn_opt/4. The reference
// is the monitor's when o.Monitor is set. o.InitialCall is ignored: the
// initial call is proc_lib's, and mfa the translated one.
func SpawnOpt(p *otp.Process, mfa otp.MFA, fn func(*otp.Process), o otp.SpawnOptions) (term.Pid, term.Ref) {
	if fn == nil {
		otp.Error(term.Atom("badarg"))
	}
	parent := p.Self()
	ancestors := append(term.List{myName(p)}, ancestorsOf(p)...)
	ic := initP
	o.InitialCall = &ic
	return p.SpawnOpt(func(c *otp.Process) { run(c, parent, ancestors, mfa, fn) }, o)
}

// myName is what a process is called in its children's $ancestors: its
// registered name, or its pid.
func myName(p *otp.Process) term.Term {
	if info, ok := p.Node().ProcessInfo(p.Self()); ok && info.RegisteredName != "" {
		return info.RegisteredName
	}
	return p.Self()
}

func ancestorsOf(p *otp.Process) term.List {
	if l, ok := p.Get(KeyAncestors).(term.List); ok {
		return l
	}
	return nil
}

// run is the body of every proc_lib process: it records what proc_lib
// records, runs fn, hibernating when fn asks, and turns an exception into a
// crash report and an exit.
func run(c *otp.Process, parent term.Pid, ancestors term.List, mfa otp.MFA, fn func(*otp.Process)) {
	c.Put(KeyAncestors, ancestors)
	c.Put(KeyInitialCall, mfa.Term())
	c.Put(parentKey{}, parent)
	infoOf(c.Node()).add(c, ancestors, mfa)
	for fn != nil {
		var next func(*otp.Process)
		exc := otp.Catch(func() { fn(c) })
		if exc == nil {
			return
		}
		if h, ok := exc.Reason.(*hibernation); ok {
			next = h.fn
			c.Hibernate()
			fn = next
			continue
		}
		crashed(c, exc)
	}
}

// crashed logs the crash report of an exception (none for exit normal,
// shutdown or {shutdown, _}) and ends the process with its reason.
func crashed(c *otp.Process, exc *otp.Exception) {
	if !quiet(exc) {
		logCrash(c, exc)
	}
	// An exit, so that the runtime does not report the crash a second
	// time as "Error in process ...".
	panic(&otp.Exception{Class: otp.ClassExit, Reason: exc.ExitReason()})
}

// quiet reports whether an exception ends a process without a report.
func quiet(exc *otp.Exception) bool {
	if exc.Class != otp.ClassExit {
		return false
	}
	switch r := exc.Reason.(type) {
	case term.Atom:
		return r == otp.Normal || r == otp.Shutdown
	case term.Tuple:
		return len(r) == 2 && r[0] == otp.Shutdown
	}
	return false
}

// Parent returns the parent of a proc_lib process, the process that
// spawned it, as proc_lib's get_parent does; for another process the
// first of its "$ancestors" (a name there is looked up); the zero Pid when
// there is none.
func Parent(p *otp.Process) term.Pid {
	if pid, ok := p.Get(parentKey{}).(term.Pid); ok {
		return pid
	}
	if l := ancestorsOf(p); len(l) > 0 {
		switch a := l[0].(type) {
		case term.Pid:
			return a
		case term.Atom:
			pid, _ := p.Node().WhereIs(a)
			return pid
		}
	}
	return term.Pid{}
}

// InitialCall returns the initial call of a proc_lib process of the node,
// {Module, Function, Arity} as it was spawned, as proc_lib:initial_call/1
// gives {Module, Function, Args} (with dummy arguments); false when pid is
// not a live proc_lib process.
func InitialCall(n *otp.Node, pid term.Pid) (otp.MFA, bool) {
	if i, ok := infoOf(n).get(pid); ok {
		return i.mfa, true
	}
	return otp.MFA{}, false
}

// TranslateInitialCall returns the initial call of a process as
// proc_lib:translate_initial_call/1 does: the proc_lib initial call for a
// proc_lib process, and process_info's initial call for any other;
// {proc_lib, init_p, 5} for a process that is not alive.
func TranslateInitialCall(n *otp.Node, pid term.Pid) otp.MFA {
	if mfa, ok := InitialCall(n, pid); ok {
		return mfa
	}
	if info, ok := n.ProcessInfo(pid); ok {
		return info.InitialCall
	}
	return initP
}

// Ancestors returns the ancestors of a live proc_lib process of the node,
// as they were when it was spawned.
func Ancestors(n *otp.Node, pid term.Pid) (term.List, bool) {
	if i, ok := infoOf(n).get(pid); ok {
		return i.ancestors, true
	}
	return nil, false
}

// procInfo is what proclib knows of each live proc_lib process of a node,
// so that a crash report can show the ancestors and initial call of its
// neighbours (Erlang reads them from the neighbour's dictionary, which
// another goroutine cannot read here).
type procInfo struct {
	ancestors term.List
	mfa       otp.MFA
}

type registry struct{ m sync.Map }

type registryKey struct{}

func infoOf(n *otp.Node) *registry {
	return n.Value(registryKey{}, func() any { return new(registry) }).(*registry)
}

func (r *registry) add(c *otp.Process, ancestors term.List, mfa otp.MFA) {
	pid := c.Self()
	r.m.Store(pid, procInfo{ancestors: ancestors, mfa: mfa})
	if !c.Node().OnExit(pid, registryKey{}, func(pid term.Pid, _ term.Term) { r.m.Delete(pid) }) {
		r.m.Delete(pid)
	}
}

func (r *registry) get(pid term.Pid) (procInfo, bool) {
	v, ok := r.m.Load(pid)
	if !ok {
		return procInfo{}, false
	}
	return v.(procInfo), true
}

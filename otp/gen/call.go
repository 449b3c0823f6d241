package gen

import (
	"errors"
	"sync"
	"time"

	"github.com/scalability-go/otpbook/otp"
	"github.com/scalability-go/otpbook/otp/term"
)

// Reasons of a failed call, as gen:call exits with them.
const (
	Timeout     term.Atom = "timeout"
	CallingSelf term.Atom = "calling_self"
	Nodedown    term.Atom = "nodedown"
)

// Sentinels matched by a *CallError's Reason, so that errors.Is tells why a
// call failed: errors.Is(err, gen.ErrTimeout).
var (
	ErrTimeout     = errors.New("timeout")
	ErrNoproc      = errors.New("noproc")
	ErrCallingSelf = errors.New("calling_self")
	// ErrNodedown matches the reason {nodedown, Node}.
	ErrNodedown = errors.New("nodedown")
)

// CallError is the failure of Call. Reason is the reason gen:call exits
// with: timeout, noproc, calling_self, {nodedown, Node}, or the server's
// exit reason when it died before replying.
type CallError struct{ Reason term.Term }

func (e *CallError) Error() string { return "gen call: exit " + term.Write(e.Reason) }

// Is matches the sentinels ErrTimeout, ErrNoproc, ErrCallingSelf and
// ErrNodedown by Reason.
func (e *CallError) Is(target error) bool {
	switch target {
	case ErrTimeout:
		return e.Reason == Timeout
	case ErrNoproc:
		return e.Reason == otp.Noproc
	case ErrCallingSelf:
		return e.Reason == CallingSelf
	case ErrNodedown:
		t, ok := e.Reason.(term.Tuple)
		return ok && len(t) == 2 && t[0] == Nodedown
	}
	return false
}

// Exception is what gen:call raises for this failure: exit Reason.
func (e *CallError) Exception() *otp.Exception {
	return &otp.Exception{Class: otp.ClassExit, Reason: e.Reason}
}

// Raiser is an error that knows the exception OTP raises for it. Every
// client error of gen, proclib, sys and the behaviours is one.
type Raiser interface {
	error
	Exception() *otp.Exception
}

// Raise raises the exception the OTP function raises where the Go function
// returned err, so that a caller that wants OTP's behaviour writes
//
//	state, err := sys.GetState(p, "frequency")
//	gen.Raise(err) // exit {noproc, {sys, get_state, [frequency]}}
//
// Raise does nothing when err is nil; an error that is not a Raiser is
// raised as error with the error itself as reason.
func Raise(err error) {
	if err == nil {
		return
	}
	var r Raiser
	if errors.As(err, &r) {
		panic(r.Exception())
	}
	panic(&otp.Exception{Class: otp.ClassError, Reason: err})
}

// Call sends wrap(from) to dest and waits at most timeout for the reply,
// as gen:call/4 does. It monitors the server with an alias
// (otp.Process.MonitorAlias), sends, and waits for the ReplyMsg with that
// tag or the DOWN. On timeout it removes the monitor, and with it the
// alias, so that a reply sent later is dropped rather than left in the
// caller's mailbox; a reply that came meanwhile is taken.
//
// dest is a pid, a registered name (an Atom), {Name, Node}, {global, Name}
// or {via, Module, Name}. A timeout of Infinity waits as long as it takes.
// The error is a *CallError whose Reason is gen:call's exit reason:
// timeout, noproc (no such name or process), calling_self, {nodedown,
// Node}, or the server's exit reason; FunctionClause, with nothing sent,
// for a negative timeout or a dest that is no server reference (IsDest).
func Call(p *otp.Process, dest term.Term, wrap func(From) any, timeout time.Duration) (any, error) {
	if timeout < 0 || !IsDest(dest) {
		// gen:call's guard, or do_for_proc's clauses, refuse it before
		// anything is sent.
		return nil, &CallError{Reason: FunctionClause}
	}
	var target term.Pid
	switch d := dest.(type) {
	case term.Pid:
		target = d
	case term.Atom:
		pid, ok := p.Node().WhereIs(d)
		if !ok {
			return nil, &CallError{Reason: otp.Noproc}
		}
		target = pid
	default:
		t, node, err := resolve(p, dest)
		if err != nil {
			return nil, err
		}
		if node != "" {
			// A name on another node: until distribution exists, no
			// other node is reachable.
			return nil, &CallError{Reason: term.Tuple{Nodedown, node}}
		}
		target = t
	}
	if target == p.Self() {
		return nil, &CallError{Reason: CallingSelf}
	}
	mt := dest // a pid given as dest is monitored without boxing it again
	if _, ok := dest.(term.Pid); !ok {
		mt = target
	}
	ref, err := p.MonitorAlias(mt)
	if err != nil {
		return nil, &CallError{Reason: otp.Noproc}
	}
	p.Send(target, wrap(From{Pid: p.Self(), Tag: ref, Alias: true}))
	w := waiters.Get().(*waiter)
	w.ref = ref
	msg, ok := p.ReceiveRef(ref, w.match, timeout)
	waiters.Put(w)
	if !ok {
		p.Demonitor(ref, otp.Flush)
		if msg, ok := p.ReceiveRef(ref, replyOnly(ref), 0); ok {
			return msg.(ReplyMsg).Reply, nil
		}
		return nil, &CallError{Reason: Timeout}
	}
	switch m := msg.(type) {
	case ReplyMsg:
		p.Demonitor(ref, otp.Flush)
		return m.Reply, nil
	case otp.DownMsg:
		if m.Reason == otp.Noconnection {
			return nil, &CallError{Reason: term.Tuple{Nodedown, p.Node().Name()}}
		}
		return nil, &CallError{Reason: m.Reason}
	}
	panic("unreachable")
}

// FunctionClause is the reason of a call refused for its arguments, as
// gen:call's guard (a negative timeout) and do_for_proc (a destination
// that is no server reference) raise it: {function_clause, Stack}, with
// an empty stack.
var FunctionClause = term.Tuple{term.Atom("function_clause"), term.List{}}

// IsDest reports whether dest is a server reference gen takes: a pid, an
// atom, {global, Name}, {via, Module, Name} or {Name, Node} with Node an
// atom. Anything else is a function_clause in gen:call (and gen_server:cast,
// whose clauses are the same).
func IsDest(dest term.Term) bool {
	switch d := dest.(type) {
	case term.Pid, term.Atom:
		return true
	case term.Tuple:
		switch {
		case len(d) == 2 && d[0] == atomGlobal:
			return true
		case len(d) == 3 && d[0] == atomVia:
			return true
		case len(d) == 2:
			_, ok := d[1].(term.Atom)
			return ok
		}
	}
	return false
}

// A waiter matches the reply tagged ref or the DOWN of the monitor ref.
// Waiters are pooled, with their match func made once, so that a call
// does not allocate a closure.
type waiter struct {
	ref   term.Ref
	match func(any) bool
}

var waiters = sync.Pool{New: func() any {
	w := new(waiter)
	w.match = w.replyOrDown
	return w
}}

func (w *waiter) replyOrDown(msg any) bool {
	switch m := msg.(type) {
	case ReplyMsg:
		return m.Tag == w.ref
	case otp.DownMsg:
		return m.Ref == w.ref
	}
	return false
}

func replyOnly(ref term.Ref) func(any) bool {
	return func(msg any) bool {
		m, ok := msg.(ReplyMsg)
		return ok && m.Tag == ref
	}
}

// resolve finds the pid of a destination given as a tuple: {Name, Node},
// {global, Name}, {via, Module, Name}. node is set, and the pid is not,
// when the destination is on another node.
func resolve(p *otp.Process, dest term.Term) (pid term.Pid, node term.Atom, err error) {
	t, ok := dest.(term.Tuple)
	if !ok {
		return pid, "", &CallError{Reason: otp.Noproc}
	}
	switch {
	case len(t) == 2 && (t[0] == atomGlobal):
		if pid, ok := globalOf(p.Node()).WhereisName(p, t[1]); ok {
			return pid, "", nil
		}
	case len(t) == 3 && t[0] == atomVia:
		if pid, ok := Where(p, dest); ok {
			return pid, "", nil
		}
	case len(t) == 2:
		name, ok1 := t[0].(term.Atom)
		nd, ok2 := t[1].(term.Atom)
		if ok1 && ok2 {
			if nd != p.Node().Name() {
				return pid, nd, nil
			}
			if pid, ok := p.Node().WhereIs(name); ok {
				return pid, "", nil
			}
		}
	}
	return pid, "", &CallError{Reason: otp.Noproc}
}

// Reply sends reply to the caller of a call, as gen:reply/2 does: under
// the caller's alias when From has one, so that a caller that gave up never
// gets it, and otherwise as the plain message {Tag, Reply} ({TagTerm,
// Reply} for a tag that is no reference).
func Reply(p *otp.Process, to From, reply any) {
	if to.TagTerm != nil {
		p.Send(to.Pid, term.Tuple{to.TagTerm, reply})
		return
	}
	if to.Alias {
		p.SendAlias(to.Pid, to.Tag, ReplyMsg{Tag: to.Tag, Reply: reply, Alias: true})
		return
	}
	p.Send(to.Pid, term.Tuple{to.Tag, reply})
}

package genserver

import (
	"errors"
	"reflect"
	"strings"

	"github.com/scalability-go/otpbook/otp"
	"github.com/scalability-go/otpbook/otp/code"
	"github.com/scalability-go/otpbook/otp/gen"
	"github.com/scalability-go/otpbook/otp/term"
)

// Impl is a callback module as the server loop calls it, its state's type
// erased: what a code.Module's Impl holds for a gen_server callback
// module (NewModule puts one there). Adapt makes one of a Callbacks[S];
// AdaptTerms one of a TermCallbacks. The server also takes, as a module's
// Impl, a TermCallbacks or a Callbacks[any] as they are, and a module
// with no Impl whose exported functions are the callbacks (init/1,
// handle_call/3, ...), called as Mod:Function(Args) is in Erlang.
type Impl struct {
	name           term.Atom
	init           func(p *otp.Process, args term.Term) Result[any]
	handleCall     func(p *otp.Process, req any, from gen.From, s any) Result[any]
	handleCast     func(p *otp.Process, req any, s any) Result[any]
	handleInfo     func(p *otp.Process, msg any, s any) Result[any]
	handleContinue func(p *otp.Process, c any, s any) Result[any]
	terminate      func(p *otp.Process, reason term.Term, s any)
	codeChange     func(p *otp.Process, oldVsn, old, extra term.Term) (any, error)
	formatStatus   func(p *otp.Process, opt term.Atom, pdict term.Term, s any) term.Term
	// fromTerm makes a state of the module's type of a term (StateFromTerm);
	// nil when the state type has no such hook.
	fromTerm func(v any) (any, error)
}

// StateFromTerm is the hook by which a typed callback module's state is
// made from an Erlang term: a state type S implements it (with a value
// receiver, so that S's zero value can be asked) when a state given as a
// term must become an S, as when sys:replace_state is called from the
// shell with an Erlang fun, which takes the state's term form and returns
// a term. FromTerm reads the term as S's Term method writes it; an error
// makes replace_state fail with {callback_failed, {gen_server,
// system_replace_state}, {error, Reason}} and the state stay. A callback
// module (the Callbacks[S] value) may implement StateFromTerm[S] instead,
// as its StateFromTerm method.
type StateFromTerm[S any] interface {
	FromTerm(t term.Term) (S, error)
}

// StateFromTermModule is StateFromTerm implemented by the callback module.
type StateFromTermModule[S any] interface {
	StateFromTerm(t term.Term) (S, error)
}

// stateFromTerm returns the hook of a typed module, if S or cb has one.
func stateFromTerm[S any](cb any) func(term.Term) (S, error) {
	if h, ok := cb.(StateFromTermModule[S]); ok {
		return h.StateFromTerm
	}
	var zero S
	if h, ok := any(zero).(StateFromTerm[S]); ok {
		return h.FromTerm
	}
	return nil
}

// BadStateTermError is the error of a StateFromTerm hook that could not
// read a term: Reason is the reason of the callback_failed it makes.
type BadStateTermError struct{ Reason term.Term }

func (e *BadStateTermError) Error() string {
	return "genserver: bad state term: " + term.Write(e.Reason)
}

// Term returns the reason.
func (e *BadStateTermError) Term() term.Term { return e.Reason }

// Name returns the module name the callbacks report under: in error
// reports, in undef errors, and in initial_call.
func (m *Impl) Name() term.Atom { return m.name }

// erase turns a typed result into one of state any.
func erase[S any](r Result[S]) Result[any] {
	return Result[any]{kind: r.kind, act: r.act, state: r.state, reply: r.reply,
		reason: r.reason, timeout: r.timeout, cont: r.cont, raw: r.raw}
}

// stateOf returns the state as the typed callbacks take it. A state of
// another type (a new version of a module that did not convert it with
// CodeChange) makes the callback fail with a badarg-like error.
func stateOf[S any](s any) S {
	if s == nil {
		var zero S
		return zero
	}
	v, ok := s.(S)
	if !ok {
		if from := stateFromTerm[S](nil); from != nil {
			if v, err := from(s); err == nil {
				return v
			}
		}
		var zero S
		otp.Error(term.Tuple{term.Atom("bad_state"), term.Tuple{
			term.Atom(reflect.TypeOf(s).String()), term.Atom(reflect.TypeOf(&zero).Elem().String())}})
	}
	return v
}

// Adapt makes a typed callback module into an Impl, the form a
// code.Module's Impl holds and Start takes. The module's name is the last
// element of the Go package path of cb's type (frequency for a type of
// package .../ch04/frequency); NewModule names it explicitly.
func Adapt[S any](cb Callbacks[S]) *Impl {
	m := &Impl{name: goModuleName(cb)}
	if from := stateFromTerm[S](cb); from != nil {
		m.fromTerm = func(v any) (any, error) {
			if _, ok := v.(S); ok || v == nil {
				return v, nil
			}
			return from(v)
		}
	}
	m.init = func(p *otp.Process, args term.Term) Result[any] { return erase(cb.Init(p, args).r) }
	m.handleCall = func(p *otp.Process, req any, from gen.From, s any) Result[any] {
		return erase(cb.HandleCall(p, req, from, stateOf[S](s)))
	}
	m.handleCast = func(p *otp.Process, req any, s any) Result[any] {
		return erase(cb.HandleCast(p, req, stateOf[S](s)))
	}
	if h, ok := cb.(InfoHandler[S]); ok {
		m.handleInfo = func(p *otp.Process, msg any, s any) Result[any] {
			return erase(h.HandleInfo(p, msg, stateOf[S](s)))
		}
	}
	if h, ok := cb.(ContinueHandler[S]); ok {
		m.handleContinue = func(p *otp.Process, c any, s any) Result[any] {
			return erase(h.HandleContinue(p, c, stateOf[S](s)))
		}
	}
	if h, ok := cb.(Terminator[S]); ok {
		m.terminate = func(p *otp.Process, reason term.Term, s any) { h.Terminate(p, reason, stateOf[S](s)) }
	}
	if h, ok := cb.(CodeChanger[S]); ok {
		m.codeChange = func(p *otp.Process, oldVsn, old, extra term.Term) (any, error) {
			return h.CodeChange(p, oldVsn, old, extra)
		}
	}
	if h, ok := cb.(StatusFormatter[S]); ok {
		m.formatStatus = func(p *otp.Process, opt term.Atom, pdict term.Term, s any) term.Term {
			return h.FormatStatus(p, opt, pdict, stateOf[S](s))
		}
	}
	return m
}

// goModuleName names a Go callback value's module after its package.
func goModuleName(v any) term.Atom {
	t := reflect.TypeOf(v)
	for t != nil && t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	if t == nil {
		return "undefined"
	}
	path := t.PkgPath()
	if i := strings.LastIndexByte(path, '/'); i >= 0 {
		path = path[i+1:]
	}
	if path == "" {
		return term.Atom(strings.ToLower(t.Name()))
	}
	return term.Atom(path)
}

// NewModule makes a code module named name whose Impl is cb adapted: load
// it with code.Of(n).Load, and start it by name (Start(p, nil,
// term.Atom(name), args)), as gen_server:start(Name, Args, Opts) does
// from the shell. Loading a new version of the module makes the running
// servers take the new version's callbacks from their next callback on.
func NewModule[S any](name term.Atom, cb Callbacks[S]) *code.Module {
	m := Adapt(cb)
	m.name = name
	return &code.Module{Name: name, Impl: m}
}

// TermCallbacks is a callback module written as Erlang writes one: each
// callback takes the terms the Erlang callback takes (From as {Pid, Tag})
// and returns the term it returns ({reply, Reply, State}, {noreply, State,
// hibernate}, ...), which the server reads as gen_server does, a bad
// return value included. Optional callbacks are the interfaces
// TermInfoHandler, TermContinueHandler, TermTerminator, TermCodeChanger
// and TermStatusFormatter. A code.Module's Impl may be a TermCallbacks.
type TermCallbacks interface {
	Init(p *otp.Process, args term.Term) term.Term
	HandleCall(p *otp.Process, req, from, state term.Term) term.Term
	HandleCast(p *otp.Process, req, state term.Term) term.Term
}

// TermInfoHandler is handle_info/2 of a TermCallbacks.
type TermInfoHandler interface {
	HandleInfo(p *otp.Process, msg, state term.Term) term.Term
}

// TermContinueHandler is handle_continue/2 of a TermCallbacks.
type TermContinueHandler interface {
	HandleContinue(p *otp.Process, cont, state term.Term) term.Term
}

// TermTerminator is terminate/2 of a TermCallbacks; its value is ignored.
type TermTerminator interface {
	Terminate(p *otp.Process, reason, state term.Term) term.Term
}

// TermCodeChanger is code_change/3 of a TermCallbacks: it returns {ok,
// NewState} or {error, Reason}.
type TermCodeChanger interface {
	CodeChange(p *otp.Process, oldVsn, state, extra term.Term) term.Term
}

// TermStatusFormatter is format_status/2 of a TermCallbacks: Opt is
// normal or terminate, Args is [PDict, State].
type TermStatusFormatter interface {
	FormatStatus(p *otp.Process, opt, args term.Term) term.Term
}

// AdaptTerms makes a TermCallbacks into an Impl named name.
func AdaptTerms(name term.Atom, cb TermCallbacks) *Impl {
	m := &Impl{name: name}
	m.init = func(p *otp.Process, args term.Term) Result[any] {
		return Result[any]{kind: kRaw, raw: cb.Init(p, args)}
	}
	m.handleCall = func(p *otp.Process, req any, from gen.From, s any) Result[any] {
		return Result[any]{kind: kRaw, raw: cb.HandleCall(p, req, from.Term(), s)}
	}
	m.handleCast = func(p *otp.Process, req any, s any) Result[any] {
		return Result[any]{kind: kRaw, raw: cb.HandleCast(p, req, s)}
	}
	if h, ok := cb.(TermInfoHandler); ok {
		m.handleInfo = func(p *otp.Process, msg any, s any) Result[any] {
			return Result[any]{kind: kRaw, raw: h.HandleInfo(p, msg, s)}
		}
	}
	if h, ok := cb.(TermContinueHandler); ok {
		m.handleContinue = func(p *otp.Process, c any, s any) Result[any] {
			return Result[any]{kind: kRaw, raw: h.HandleContinue(p, c, s)}
		}
	}
	if h, ok := cb.(TermTerminator); ok {
		m.terminate = func(p *otp.Process, reason term.Term, s any) { h.Terminate(p, reason, s) }
	}
	if h, ok := cb.(TermCodeChanger); ok {
		m.codeChange = func(p *otp.Process, oldVsn, old, extra term.Term) (any, error) {
			return codeChangeResult(h.CodeChange(p, oldVsn, old, extra))
		}
	}
	if h, ok := cb.(TermStatusFormatter); ok {
		m.formatStatus = func(p *otp.Process, opt term.Atom, pdict term.Term, s any) term.Term {
			return h.FormatStatus(p, opt, term.List{pdict, s})
		}
	}
	return m
}

// CodeChangeError is the failure of a code change: Reason is what
// code_change returned instead of {ok, NewState} (or the exception it
// raised, as {'EXIT', Reason}), which sys:change_code returns.
type CodeChangeError struct{ Reason term.Term }

func (e *CodeChangeError) Error() string { return "genserver: code_change: " + term.Write(e.Reason) }

// Term returns the reason.
func (e *CodeChangeError) Term() term.Term { return e.Reason }

func codeChangeResult(t term.Term) (any, error) {
	if tp, ok := t.(term.Tuple); ok && len(tp) == 2 && tp[0] == term.OK {
		return tp[1], nil
	}
	return nil, &CodeChangeError{Reason: t}
}

// exportsImpl makes the Impl of a module whose callbacks are its exported
// functions, each called through the code server as Mod:F(Args) is.
func exportsImpl(cs *code.Server, mod *code.Module) *Impl {
	name := mod.Name
	apply := func(p *otp.Process, f term.Atom, args ...term.Term) term.Term {
		return cs.Apply(p, name, f, args)
	}
	m := &Impl{name: name}
	m.init = func(p *otp.Process, args term.Term) Result[any] {
		return Result[any]{kind: kRaw, raw: apply(p, "init", args)}
	}
	m.handleCall = func(p *otp.Process, req any, from gen.From, s any) Result[any] {
		return Result[any]{kind: kRaw, raw: apply(p, "handle_call", req, from.Term(), s)}
	}
	m.handleCast = func(p *otp.Process, req any, s any) Result[any] {
		return Result[any]{kind: kRaw, raw: apply(p, "handle_cast", req, s)}
	}
	if _, ok := mod.Lookup("handle_info", 2); ok {
		m.handleInfo = func(p *otp.Process, msg any, s any) Result[any] {
			return Result[any]{kind: kRaw, raw: apply(p, "handle_info", msg, s)}
		}
	}
	if _, ok := mod.Lookup("handle_continue", 2); ok {
		m.handleContinue = func(p *otp.Process, c any, s any) Result[any] {
			return Result[any]{kind: kRaw, raw: apply(p, "handle_continue", c, s)}
		}
	}
	if _, ok := mod.Lookup("terminate", 2); ok {
		m.terminate = func(p *otp.Process, reason term.Term, s any) { apply(p, "terminate", reason, s) }
	}
	m.codeChange = func(p *otp.Process, oldVsn, old, extra term.Term) (any, error) {
		var r term.Term
		if exc := otp.Catch(func() { r = apply(p, "code_change", oldVsn, old, extra) }); exc != nil {
			return nil, &CodeChangeError{Reason: term.Tuple{term.Atom("EXIT"), exc.ExitReason()}}
		}
		return codeChangeResult(r)
	}
	if _, ok := mod.Lookup("format_status", 2); ok {
		m.formatStatus = func(p *otp.Process, opt term.Atom, pdict term.Term, s any) term.Term {
			return apply(p, "format_status", opt, term.List{pdict, s})
		}
	}
	return m
}

// errNotCallbacks is the error of a module whose Impl is no callback
// module.
var errNotCallbacks = errors.New("genserver: not a gen_server callback module")

// implOf returns the Impl of a module version.
func implOf(cs *code.Server, mod *code.Module) (*Impl, error) {
	switch v := mod.Impl.(type) {
	case *Impl:
		return v, nil
	case TermCallbacks:
		return AdaptTerms(mod.Name, v), nil
	case Callbacks[any]:
		m := Adapt(v)
		m.name = mod.Name
		return m, nil
	case nil:
		return exportsImpl(cs, mod), nil
	}
	return nil, errNotCallbacks
}

// valueImpl returns the Impl of a Go value given to Start.
func valueImpl(v any) (*Impl, bool) {
	switch v := v.(type) {
	case *Impl:
		return v, v != nil
	case TermCallbacks:
		return AdaptTerms(goModuleName(v), v), true
	case Callbacks[any]:
		return Adapt(v), true
	}
	return nil, false
}

package code

import (
	"errors"

	"github.com/scalability-go/otpbook/otp"
	"github.com/scalability-go/otpbook/otp/term"
)

// ErrUndef is wrapped by the errors of calls to a module that is not
// loaded or a function it does not export: Erlang's undef.
var ErrUndef = errors.New("undef")

// Lookup returns the current version's exported function
// Module:Function/Arity.
func (s *Server) Lookup(module, function term.Atom, arity int) (Func, bool) {
	m, ok := s.IsLoaded(module)
	if !ok {
		return nil, false
	}
	return m.Lookup(function, arity)
}

// Apply calls Module:Function(Args...) in the current version of the
// module, as apply/3 and a fully qualified call do: the calling process
// runs the current version while the call runs, and what it ran before
// once the call returns, so that a purge does not kill a process that
// merely called into a module once. A function that is not exported, or a
// module that is not loaded, raises error undef, whose stacktrace begins
// with {Module, Function, Args, []}, as in Erlang.
func (s *Server) Apply(p *otp.Process, module, function term.Atom, args []term.Term) term.Term {
	pid := p.Self()
	m, prev, cur, err := s.enter(pid, module)
	if err == nil {
		// The process runs the module while the call runs, as a
		// process whose stack holds the module's code does: a loop
		// that never returns runs it for good.
		defer s.leave(pid, module, prev, cur)
		if f, ok := m.Lookup(function, len(args)); ok {
			return f(p, args)
		}
	}
	panic(&otp.Exception{
		Class:  otp.ClassError,
		Reason: term.Atom("undef"),
		Stack:  term.List{term.Tuple{module, function, term.List(append([]term.Term(nil), args...)), term.List{}}},
	})
}

// CallFun calls a fun with args, as F(Args...) does: an export fun
// (term.ExportFun) through Apply, and a local fun (term.LocalFun or
// *term.LocalFun) by calling its Value, which must be a Func. A fun of
// another arity raises error {badarity, {Fun, Args}}; anything else raises
// error {badfun, F}, as in Erlang.
func (s *Server) CallFun(p *otp.Process, f term.Term, args []term.Term) term.Term {
	switch fun := f.(type) {
	case term.ExportFun:
		if fun.Arity != len(args) {
			applyError(term.Tuple{term.Atom("badarity"), term.Tuple{f, term.List(args)}})
		}
		return s.Apply(p, fun.Module, fun.Function, args)
	case *term.LocalFun:
		if fun != nil {
			return s.callLocal(p, *fun, f, args)
		}
	case term.LocalFun:
		return s.callLocal(p, fun, f, args)
	}
	// What is not a fun at all: erl's shell raises badfun as it applies
	// it, and so does the evaluator here, which calls funs through
	// CallFun.
	panic(&otp.Exception{Class: otp.ClassError, Reason: term.Tuple{term.Atom("badfun"), f},
		Stack: term.List{
			term.Tuple{term.Atom("shell"), term.Atom("apply_fun"), 3, term.List{}},
			term.Tuple{term.Atom("erl_eval"), term.Atom("do_apply"), 6, term.List{}},
		}})
}

func (s *Server) callLocal(p *otp.Process, fun term.LocalFun, f term.Term, args []term.Term) term.Term {
	call, ok := fun.Value.(Func)
	if !ok {
		applyError(term.Tuple{term.Atom("badfun"), f})
	}
	if fun.Arity != len(args) {
		reason := term.Tuple{term.Atom("badarity"), term.Tuple{f, term.List(args)}}
		if fun.Module == "erl_eval" {
			// An interpreted fun: OTP's erl_eval finds the arity wrong.
			panic(&otp.Exception{Class: otp.ClassError, Reason: reason,
				Stack: term.List{term.Tuple{term.Atom("erl_eval"), term.Atom("do_apply"), 6, term.List{}}}})
		}
		applyError(reason)
	}
	return call(p, args)
}

// applyError raises error reason, a badfun or badarity of a call of a
// fun, with the stacktrace OTP's emulator gives it, [{erlang, apply, 2,
// []}], not Go's.
func applyError(reason term.Term) {
	panic(&otp.Exception{Class: otp.ClassError, Reason: reason,
		Stack: term.List{term.Tuple{term.Atom("erlang"), term.Atom("apply"), 2, term.List{}}}})
}

// The errors the chapters' modules raise, as Erlang raises them.

// Package erl raises the exceptions Erlang raises, for the chapter's
// modules: the Go functions that stand for the book's Erlang functions
// over terms fail as the Erlang ones do, with the same class, reason and
// the top of the same stacktrace, so that a shell prints
// "** exception error: no function clause matching ex1:factorial(-1)" as
// erl does.
//
// A stack frame is {Module, Function, ArityOrArgs, Location}: the frame of
// a function_clause or undef error carries the call's arguments, any other
// frame the arity. Location is [] here, as Go code has no Erlang file and
// line to give.
package erl

import (
	"github.com/scalability-go/otpbook/otp"
	"github.com/scalability-go/otpbook/otp/term"
)

// Frame returns the stack frame {Module, Function, ArityOrArgs, []}.
func Frame(module, function term.Atom, arityOrArgs term.Term) term.Tuple {
	return term.Tuple{module, function, arityOrArgs, term.List{}}
}

// Raise raises an exception of class error with reason and the stack
// frames given, innermost first, as erlang:error/1 raises it from the
// function of the first frame. It does not return.
func Raise(reason term.Term, stack ...term.Tuple) {
	s := make(term.List, len(stack))
	for i, f := range stack {
		s[i] = f
	}
	panic(&otp.Exception{Class: otp.ClassError, Reason: reason, Stack: s})
}

// FunctionClause raises error function_clause for the call
// Module:Function(Args...), which no clause of the function matches.
func FunctionClause(module, function term.Atom, args ...term.Term) {
	Raise(term.Atom("function_clause"), Frame(module, function, term.List(append([]term.Term{}, args...))))
}

// Badarith raises error badarith from Module:Function/Arity, where an
// arithmetic operator was given something that is not a number.
func Badarith(module, function term.Atom, arity int) {
	Raise(term.Atom("badarith"), Frame(module, function, arity))
}

// Badmatch raises error {badmatch, Value} from Module:Function/Arity,
// where Value did not match the pattern it was matched against.
func Badmatch(value term.Term, module, function term.Atom, arity int) {
	Raise(term.Tuple{term.Atom("badmatch"), value}, Frame(module, function, arity))
}

// CaseClause raises error {case_clause, Value} from Module:Function/Arity,
// where no clause of a case expression matched Value.
func CaseClause(value term.Term, module, function term.Atom, arity int) {
	Raise(term.Tuple{term.Atom("case_clause"), value}, Frame(module, function, arity))
}

// Badarg raises error badarg from Module:Function/Arity, where a built-in
// (a send to a name, say) refused its argument.
func Badarg(module, function term.Atom, arity int) {
	Raise(term.Atom("badarg"), Frame(module, function, arity))
}

// SystemLimit raises error system_limit from Module:Function/Arity. The
// chapter's modules raise it where the Erlang function would recurse
// without end until the node ran out of memory.
func SystemLimit(module, function term.Atom, arity int) {
	Raise(term.Atom("system_limit"), Frame(module, function, arity))
}

// In runs f as the body of Module:Function/Arity, which calls out to other
// functions: an exception that one of them raises leaves with the frame
// {Module, Function, Arity, []} after the callee's frames, as an Erlang
// stacktrace names the caller, and the shell prints "in call from
// hlr:new/0".
func In(module, function term.Atom, arity int, f func() term.Term) term.Term {
	defer func() {
		if r := recover(); r != nil {
			if exc, ok := r.(*otp.Exception); ok && exc.Class != otp.ClassThrow {
				stack := append(term.List{}, exc.Stack...)
				exc = &otp.Exception{Class: exc.Class, Reason: exc.Reason, Stack: append(stack, Frame(module, function, arity))}
				panic(exc)
			}
			panic(r)
		}
	}()
	return f()
}

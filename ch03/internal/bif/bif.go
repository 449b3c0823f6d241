// Book: chapter 3, "Behaviours" (the errors of the chapter's modules).

// Package bif raises, for the chapter's modules, the errors of the
// built-in functions the book's Erlang calls (a send to a name nobody has,
// a register of a name in use), with the stack frames of the Erlang
// functions that called them, so that the shell prints
//
//	** exception error: bad argument
//	     in function  erlang:send/2
//	        called as erlang:send(frequency,{request,<0.81.0>,allocate})
//	        *** argument 1: invalid destination
//	     in call from frequency:call/1
//
// as erl does for the same module compiled without line information.
package bif

import (
	"github.com/scalability-go/otpbook/internal/erl"
	"github.com/scalability-go/otpbook/otp"
	"github.com/scalability-go/otpbook/otp/stdlib"
	"github.com/scalability-go/otpbook/otp/term"
)

// Caller is the frame {Module, Function, Arity, []} of the Erlang function
// that called the failing built-in.
func Caller(module, function term.Atom, arity int) term.Tuple {
	return erl.Frame(module, function, arity)
}

// raise raises badarg from erlang:Function(Args...), explained as OTP 25
// explains it, called from the callers, innermost first.
func raise(function term.Atom, args []term.Term, why map[int]string, callers []term.Tuple) {
	exc := otp.Catch(func() {
		stdlib.RaiseBIF(term.Atom("badarg"), "erlang", function, args, stdlib.Explanation{Args: why})
	})
	for _, c := range callers {
		exc.Stack = append(exc.Stack, c)
	}
	panic(exc)
}

// Send sends msg to dest as Dest ! Msg does in the callers, and raises
// badarg ("invalid destination") when dest is a name nobody has.
func Send(p *otp.Process, dest, msg term.Term, callers ...term.Tuple) {
	if err := p.SendTo(dest, msg); err != nil {
		raise("send", []term.Term{dest, msg}, map[int]string{1: "invalid destination"}, callers)
	}
}

// Register gives pid the name as register/2 does in the callers, and
// raises badarg ("name is in use") when the name is taken. It returns
// true, register's value.
func Register(p *otp.Process, name term.Term, pid term.Pid, callers ...term.Tuple) term.Term {
	a, ok := name.(term.Atom)
	if !ok {
		raise("register", []term.Term{name, pid}, map[int]string{1: "not an atom"}, callers)
	}
	if err := p.Node().Register(a, pid); err != nil {
		why := map[int]string{1: "name is in use"}
		if !p.Node().IsProcessAlive(pid) {
			why = map[int]string{2: "the pid does not refer to an existing process"}
		}
		raise("register", []term.Term{name, pid}, why, callers)
	}
	return term.True
}

// Monitor monitors target as erlang:monitor(process, Target) does in the
// callers, and raises badarg when target is neither a pid, a name nor
// {Name, Node}.
func Monitor(p *otp.Process, target term.Term, callers ...term.Tuple) term.Ref {
	ref, err := p.Monitor(target)
	if err != nil {
		raise("monitor", []term.Term{term.Atom("process"), target}, map[int]string{2: "not a pid"}, callers)
	}
	return ref
}

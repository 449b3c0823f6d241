// Book: chapter 2, "Recursion and Pattern Matching" (exercise: a safe ch2/ex1.erl).

// Package safefactorial is an exercise: a factorial that returns
// {error, bad_argument} for a bad argument instead of crashing its caller,
// as ex1:factorial/1 does. See README.md.
package safefactorial

import (
	"github.com/scalability-go/otpbook/otp"
	"github.com/scalability-go/otpbook/otp/code"
	"github.com/scalability-go/otpbook/otp/term"
)

// BadArgument is what Factorial returns for an argument that is not a
// non-negative integer: {error, bad_argument}.
var BadArgument = term.Tuple{term.Atom("error"), term.Atom("bad_argument")}

// Module returns the Erlang module safe_factorial, exporting factorial/1,
// which is Factorial.
func Module() *code.Module {
	return &code.Module{
		Name: "safe_factorial",
		Exports: map[code.FA]code.Func{
			{Function: "factorial", Arity: 1}: func(_ *otp.Process, args []term.Term) term.Term {
				return Factorial(args[0])
			},
		},
	}
}

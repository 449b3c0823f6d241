// Book: chapter 2, "Recursion and Pattern Matching" (ch2/ex1.erl).

package ex1

import (
	"math/big"

	"github.com/scalability-go/otpbook/internal/erl"
	"github.com/scalability-go/otpbook/otp"
	"github.com/scalability-go/otpbook/otp/code"
	"github.com/scalability-go/otpbook/otp/term"
)

// Module returns the Erlang module ex1, exporting factorial/1 (see
// FactorialTerm).
func Module() *code.Module {
	return &code.Module{
		Name: "ex1",
		Exports: map[code.FA]code.Func{
			{Function: "factorial", Arity: 1}: func(p *otp.Process, args []term.Term) term.Term {
				return FactorialTerm(p, args[0])
			},
		},
	}
}

// FactorialTerm is ex1:factorial/1 over terms, in process p. It returns
// N! for a non-negative integer N (an int, or a *big.Int when it does not
// fit), and otherwise fails as the Erlang function does, because its
// clauses are "N is the integer 0" and "N > 0" in Erlang's term order:
//
//   - a negative integer raises error function_clause for factorial(N);
//   - a float passes the guard and counts down until it is not above
//     zero, and that value, 0.0 for 3.0 or -0.5 for 2.5, matches no
//     clause (0.0 is not the integer 0): error function_clause for it;
//   - an atom, a tuple, a list ... is greater than 0 in term order, so it
//     passes the guard, and N - 1 raises error badarith.
//
// Where Erlang would recurse without end (a positive integer beyond Go's
// int, or a float too large for N - 1 to differ from N) the node would run
// out of memory; this raises error system_limit instead. A long
// computation can be killed (see erl.Watch).
func FactorialTerm(p *otp.Process, n term.Term) term.Term {
	switch v := n.(type) {
	case float64:
		return floatFactorial(p, v)
	case float32:
		return floatFactorial(p, float64(v))
	}
	i, ok := term.Integer(n)
	if !ok {
		// Not a number: above 0 in term order, and not arithmetic.
		erl.Badarith("ex1", "factorial", 1)
	}
	b, big := i.(*big.Int)
	switch {
	case big && b.Sign() > 0:
		erl.SystemLimit("ex1", "factorial", 1)
	case big || i.(int) < 0:
		erl.FunctionClause("ex1", "factorial", i)
	}
	return term.NormInt(factorial(p, i.(int)))
}

// factorial returns n! for n >= 0, multiplying from the bottom of the
// recursion up, as the Erlang function's returns do.
func factorial(p *otp.Process, n int) *big.Int {
	f := big.NewInt(1)
	var k big.Int
	for i := 2; i <= n; i++ {
		erl.Watch(p, i)
		f.Mul(f, k.SetInt64(int64(i)))
	}
	return f
}

// floatFactorial fails as factorial(F) does for a float F: F counts down
// by one while it is above zero, and the value it stops at has no clause.
func floatFactorial(p *otp.Process, f float64) term.Term {
	for i := 1; f > 0; i++ {
		erl.Watch(p, i)
		next := f - 1
		if next == f {
			erl.SystemLimit("ex1", "factorial", 1)
		}
		f = next
	}
	erl.FunctionClause("ex1", "factorial", f)
	return nil
}

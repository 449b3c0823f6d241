//go:build !exercise

// Book: chapter 2, "Recursion and Pattern Matching" (exercise: a safe ch2/ex1.erl).

package safefactorial

import (
	"math/big"

	"github.com/scalability-go/otpbook/otp/term"
)

// Factorial returns n! for a non-negative integer n, and BadArgument,
// {error, bad_argument}, for anything else. It raises nothing.
//
// In Erlang it is ex1's two clauses, with the guard is_integer(N) added
// to the second, and a third clause that matches what is left.
func Factorial(n term.Term) term.Term {
	i, ok := term.Integer(n)
	if !ok {
		return BadArgument
	}
	b, _ := term.BigInt(i)
	if b.Sign() < 0 {
		return BadArgument
	}
	f := big.NewInt(1)
	var k big.Int
	for k.SetInt64(2); k.Cmp(b) <= 0; k.Add(&k, big.NewInt(1)) {
		f.Mul(f, &k)
	}
	return term.NormInt(f)
}

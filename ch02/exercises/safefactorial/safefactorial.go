//go:build exercise

// Book: chapter 2, "Recursion and Pattern Matching" (exercise: a safe ch2/ex1.erl).

package safefactorial

import "github.com/scalability-go/otpbook/otp/term"

// Factorial returns n! for a non-negative integer n, and BadArgument,
// {error, bad_argument}, for anything else. It raises nothing.
func Factorial(n term.Term) term.Term {
	// Your code here.
	return nil
}

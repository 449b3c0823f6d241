// Book: chapter 2, "Recursion and Pattern Matching" (ch2/ex1.erl).

// Package ex1 is the book's first function: factorial, written as
// clauses picked by pattern and guard, and recursion instead of a loop.
//
// Factorial is the Go function; Module is the Erlang module ex1, whose
// factorial/1 takes any term and fails as the Erlang one does.
package ex1

import (
	"errors"
	"fmt"
	"math/big"
)

// ErrFunctionClause is wrapped by the error of a call that no clause of
// the Erlang function matches: Erlang raises error function_clause.
var ErrFunctionClause = errors.New("function_clause")

// Factorial returns n!, exactly: Erlang integers have no fixed size, so
// the result is a *big.Int (20! still fits in 64 bits, 21! does not).
//
// It has the Erlang function's two clauses: 0 gives 1, and n > 0 gives
// n * (n-1)!. A negative n matches neither: the error wraps
// ErrFunctionClause and reads "no function clause matching
// ex1:factorial(-1)", where Erlang crashes the caller with that error.
func Factorial(n int) (*big.Int, error) {
	switch {
	case n == 0:
		return big.NewInt(1), nil
	case n > 0:
		f, err := Factorial(n - 1)
		if err != nil {
			return nil, err
		}
		return f.Mul(f, big.NewInt(int64(n))), nil
	}
	return nil, fmt.Errorf("no function clause matching ex1:factorial(%d): %w", n, ErrFunctionClause)
}

// Book: chapter 2, "List Comprehensions: generate and test" (ch2/queens.erl).

package queens

import (
	"math/big"

	"github.com/scalability-go/otpbook/internal/erl"
	"github.com/scalability-go/otpbook/otp"
	"github.com/scalability-go/otpbook/otp/code"
	"github.com/scalability-go/otpbook/otp/term"
)

// Module returns the Erlang module queens, exporting queens/1 (see
// QueensTerm).
func Module() *code.Module {
	return &code.Module{
		Name: "queens",
		Exports: map[code.FA]code.Func{
			{Function: "queens", Arity: 1}: func(p *otp.Process, args []term.Term) term.Term {
				return QueensTerm(args[0])
			},
		},
	}
}

// QueensTerm is queens:queens/1: the placements of Queens(n) for a
// non-negative integer n, as a list of lists of integers. queens(0) is
// [[]], and queens(1) is [[1],...,[8]] (which the shell prints ending in
// "\b": [8] is a printable string to it).
//
// Anything that is not a number raises error badarith, as N - 1 does in
// Erlang. Where Erlang recurses without end, for a negative integer or a
// float (no float matches the clause for 0), the node would run out of
// memory; this raises error system_limit instead. For an integer above 8
// the answer is [] at once, however large.
func QueensTerm(n term.Term) term.Term {
	switch n.(type) {
	case float64, float32:
		erl.SystemLimit("queens", "queens", 1)
	}
	i, ok := term.Integer(n)
	if !ok {
		erl.Badarith("queens", "queens", 1)
	}
	if b, isBig := i.(*big.Int); isBig {
		if b.Sign() < 0 {
			erl.SystemLimit("queens", "queens", 1)
		}
		return term.List{}
	}
	if i.(int) < 0 {
		erl.SystemLimit("queens", "queens", 1)
	}
	return Placements(Queens(i.(int)))
}

// Placements returns placements as an Erlang list of lists of integers.
func Placements(placements [][]int) term.List {
	l := make(term.List, len(placements))
	for i, cols := range placements {
		row := make(term.List, len(cols))
		for j, c := range cols {
			row[j] = c
		}
		l[i] = row
	}
	return l
}

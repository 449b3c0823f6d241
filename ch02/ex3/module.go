// Book: chapter 2, "Functional Influence" (ch2/ex3.erl).

package ex3

import (
	"math/big"

	"github.com/scalability-go/otpbook/internal/erl"
	"github.com/scalability-go/otpbook/otp"
	"github.com/scalability-go/otpbook/otp/code"
	"github.com/scalability-go/otpbook/otp/term"
)

// Module returns the Erlang module ex3, exporting filter/2 and
// is_even/1 (see FilterTerm and IsEvenTerm), so that the shell can pass
// fun ex3:is_even/1 to ex3:filter/2.
func Module() *code.Module {
	return &code.Module{
		Name: "ex3",
		Exports: map[code.FA]code.Func{
			{Function: "filter", Arity: 2}: func(p *otp.Process, args []term.Term) term.Term {
				return FilterTerm(p, args[0], args[1])
			},
			{Function: "is_even", Arity: 1}: func(p *otp.Process, args []term.Term) term.Term {
				return IsEvenTerm(args[0])
			},
		},
	}
}

// FilterTerm is ex3:filter/2 in process p: the elements of list for which
// the fun pred returns exactly true (the atom; any other value drops the
// element), as a list. pred is called in p, on each element in order.
//
// As in Erlang, the empty list gives [] whatever pred is. A pred that is
// not a fun raises error {badfun, Pred}, and one of another arity error
// {badarity, {Pred, [X]}}, at the first element; a list that ends in
// something other than [] raises error function_clause for
// filter(Pred, Tail) once the elements before it have been tested.
func FilterTerm(p *otp.Process, pred, list term.Term) term.Term {
	kept := term.List{}
	for i := 1; ; i++ {
		erl.Watch(p, i)
		if erl.IsNil(list) {
			return kept
		}
		x, tail, ok := erl.Uncons(list)
		if !ok {
			erl.FunctionClause("ex3", "filter", pred, list)
		}
		if term.Exact(apply(p, pred, x), term.Atom("true")) {
			kept = append(kept, x)
		}
		list = tail
	}
}

// apply calls pred(x), raising badfun and badarity from filter/2 as the
// Erlang call P(X) in its body does.
func apply(p *otp.Process, pred, x term.Term) term.Term {
	arity := -1
	switch f := pred.(type) {
	case term.ExportFun:
		arity = f.Arity
	case term.LocalFun:
		arity = f.Arity
	case *term.LocalFun:
		if f != nil {
			arity = f.Arity
		}
	}
	switch arity {
	case -1:
		erl.Raise(term.Tuple{term.Atom("badfun"), pred}, erl.Frame("ex3", "filter", 2))
	case 1:
	default:
		erl.Raise(term.Tuple{term.Atom("badarity"), term.Tuple{pred, term.List{x}}}, erl.Frame("ex3", "filter", 2))
	}
	return code.Of(p.Node()).CallFun(p, pred, []term.Term{x})
}

// IsEvenTerm is ex3:is_even/1: true when the integer x rem 2 is 0, false
// when it is 1 or -1. rem takes integers only: anything else, a float
// such as 2.0 included, raises error badarith from erlang:'rem'/2.
func IsEvenTerm(x term.Term) term.Term {
	switch v := x.(type) {
	case int:
		return term.Bool(v%2 == 0)
	case *big.Int:
		return term.Bool(v.Bit(0) == 0)
	}
	i, ok := term.Integer(x)
	if !ok {
		erl.Raise(term.Atom("badarith"),
			erl.Frame("erlang", "rem", term.List{x, 2}),
			erl.Frame("ex3", "is_even", 1))
	}
	return IsEvenTerm(i)
}

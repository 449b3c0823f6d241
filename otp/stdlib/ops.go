package stdlib

import (
	"math"
	"math/big"

	"github.com/scalability-go/otpbook/otp"
	"github.com/scalability-go/otpbook/otp/term"
)

// The operators as functions of erlang, for fun erlang:'+'/2 and apply:
//
//	+ - * / div rem band bor bxor bsl bsr (2) + - bnot (1)
//	== /= =< < >= > =:= =/= (2)  and or xor (2) not (1)  ++ -- ! (2)
//
// A bad argument raises badarith (arithmetic) or badarg, from the frame
// {erlang, Op, Args, [...]}, which the shell prints as "in operator".

// maxShift is the largest number of bits bsl makes before it raises
// system_limit.
const maxShift = 1 << 26

func opError(reason term.Term, op string, args []term.Term) {
	RaiseBIF(reason, "erlang", term.Atom(op), args, Explanation{})
}

func opBIFs(e exports) {
	for _, op := range []string{"+", "-", "*", "/", "div", "rem", "band", "bor", "bxor", "bsl", "bsr"} {
		e.def(op, 2, func(_ *otp.Process, args []term.Term) term.Term {
			v, reason := arith(op, norm(args[0]), norm(args[1]))
			if reason != nil {
				opError(reason, op, args)
			}
			return v
		})
	}
	cmp := map[string]func(a, b term.Term) bool{
		"==":  term.Equal,
		"/=":  func(a, b term.Term) bool { return !term.Equal(a, b) },
		"=:=": term.Exact,
		"=/=": func(a, b term.Term) bool { return !term.Exact(a, b) },
		"<":   func(a, b term.Term) bool { return term.Compare(a, b) < 0 },
		"=<":  func(a, b term.Term) bool { return term.Compare(a, b) <= 0 },
		">":   func(a, b term.Term) bool { return term.Compare(a, b) > 0 },
		">=":  func(a, b term.Term) bool { return term.Compare(a, b) >= 0 },
	}
	for op, f := range cmp {
		e.def(op, 2, func(_ *otp.Process, args []term.Term) term.Term {
			return term.Bool(f(args[0], args[1]))
		})
	}
	for _, op := range []string{"and", "or", "xor"} {
		e.def(op, 2, func(_ *otp.Process, args []term.Term) term.Term {
			x, ok1 := boolOf(args[0])
			y, ok2 := boolOf(args[1])
			if !ok1 || !ok2 {
				opError(badarg, op, args)
			}
			switch op {
			case "and":
				return term.Bool(x && y)
			case "or":
				return term.Bool(x || y)
			}
			return term.Bool(x != y)
		})
	}
	e.def("not", 1, func(_ *otp.Process, args []term.Term) term.Term {
		x, ok := boolOf(args[0])
		if !ok {
			opError(badarg, "not", args)
		}
		return term.Bool(!x)
	})
	e.def("-", 1, func(_ *otp.Process, args []term.Term) term.Term {
		switch v := norm(args[0]).(type) {
		case float64:
			return -v
		default:
			if b, ok := bigOf(v); ok {
				return intTerm(b.Neg(b))
			}
		}
		opError(badarith, "-", args)
		return nil
	})
	e.def("+", 1, func(_ *otp.Process, args []term.Term) term.Term {
		if !isNumber(args[0]) {
			opError(badarith, "+", args)
		}
		return norm(args[0])
	})
	e.def("bnot", 1, func(_ *otp.Process, args []term.Term) term.Term {
		b, ok := bigOf(args[0])
		if !ok {
			opError(badarith, "bnot", args)
		}
		return intTerm(b.Not(b))
	})
	e.def("++", 2, func(_ *otp.Process, args []term.Term) term.Term {
		elems, ok := properList(args[0])
		if !ok {
			opError(badarg, "++", args)
		}
		return term.Cons(args[1], elems...)
	})
	e.def("--", 2, func(_ *otp.Process, args []term.Term) term.Term {
		a, ok1 := properList(args[0])
		b, ok2 := properList(args[1])
		if !ok1 || !ok2 {
			opError(badarg, "--", args)
		}
		return subtract(a, b)
	})
	e.def("!", 2, func(p *otp.Process, args []term.Term) term.Term {
		if err := p.SendTo(norm(args[0]), args[1]); err != nil {
			opError(badarg, "!", args)
		}
		return args[1]
	})
}

func boolOf(t term.Term) (bool, bool) {
	switch norm(t) {
	case term.True:
		return true, true
	case term.False:
		return false, true
	}
	return false, false
}

// subtract is A -- B: each element of B removes the first element of A
// that matches it exactly.
func subtract(a, b []term.Term) term.List {
	out := append(term.List{}, a...)
	for _, y := range b {
		for i, x := range out {
			if term.Exact(x, y) {
				out = append(out[:i], out[i+1:]...)
				break
			}
		}
	}
	return out
}

// arith applies a binary arithmetic operator to normalized numbers. It
// returns the reason of the error when it fails: badarith, or
// system_limit for a shift too large.
func arith(op string, a, b term.Term) (term.Term, term.Term) {
	if !isNumber(a) || !isNumber(b) {
		return nil, badarith
	}
	x, xInt := bigOf(a)
	y, yInt := bigOf(b)
	if op == "/" || (!xInt || !yInt) {
		switch op {
		case "+", "-", "*", "/":
		default:
			return nil, badarith
		}
		f, ok1 := floatOf(a)
		g, ok2 := floatOf(b)
		if !ok1 || !ok2 {
			return nil, badarith
		}
		var r float64
		switch op {
		case "+":
			r = f + g
		case "-":
			r = f - g
		case "*":
			r = f * g
		case "/":
			if g == 0 {
				return nil, badarith
			}
			r = f / g
		}
		if math.IsInf(r, 0) || math.IsNaN(r) {
			return nil, badarith
		}
		return r, nil
	}
	z := new(big.Int)
	switch op {
	case "+":
		z.Add(x, y)
	case "-":
		z.Sub(x, y)
	case "*":
		z.Mul(x, y)
	case "div", "rem":
		if y.Sign() == 0 {
			return nil, badarith
		}
		if op == "div" {
			z.Quo(x, y)
		} else {
			z.Rem(x, y)
		}
	case "band":
		z.And(x, y)
	case "bor":
		z.Or(x, y)
	case "bxor":
		z.Xor(x, y)
	case "bsl", "bsr":
		if op == "bsr" {
			y.Neg(y)
		}
		switch {
		case y.Sign() >= 0:
			if x.Sign() == 0 {
				return 0, nil
			}
			if !y.IsInt64() || y.Int64()+int64(x.BitLen()) > maxShift {
				return nil, term.Atom("system_limit")
			}
			z.Lsh(x, uint(y.Int64()))
		default:
			y.Neg(y)
			if !y.IsInt64() || y.Int64() > int64(x.BitLen()) {
				if x.Sign() < 0 {
					return -1, nil
				}
				return 0, nil
			}
			z.Rsh(x, uint(y.Int64()))
		}
	}
	return intTerm(z), nil
}

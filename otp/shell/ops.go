package shell

import (
	"math"
	"math/big"
	"math/bits"
	"unicode/utf8"

	"github.com/scalability-go/otpbook/otp"
	"github.com/scalability-go/otpbook/otp/term"
)

// The operators, as the erlang module's BIFs erlang:'+'/2 and the others
// compute them. An operator that fails raises what erl raises: error
// badarith (arithmetic), badarg (boolean and list operators), with the
// stacktrace [{erlang, Op, Args, []}], from which the shell prints
// "in operator +/2, called as 1 + a".

var (
	evAtomBadarith    = term.Atom("badarith")
	evAtomBadarg      = term.Atom("badarg")
	evAtomSystemLimit = term.Atom("system_limit")
	evAtomErlang      = term.Atom("erlang")
)

// raise raises error reason with the given stacktrace.
func evRaise(reason term.Term, stack term.List) {
	if stack == nil {
		stack = term.List{}
	}
	panic(&otp.Exception{Class: otp.ClassError, Reason: reason, Stack: stack})
}

// opError raises error reason from operator op applied to args.
func evOpError(reason term.Term, op string, args ...term.Term) {
	evRaise(reason, term.List{term.Tuple{evAtomErlang, term.Atom(op), term.List(args), term.List{}}})
}

// number kinds
const (
	evNotNum = iota
	evSmall
	evBigNum
	evFloatNum
)

// numOf classifies a number, normalising the accepted Go forms: an int
// (small), a *big.Int outside int's range (big) or a float64.
func evNum(t term.Term) (term.Term, int) {
	switch v := t.(type) {
	case int:
		return v, evSmall
	case float64:
		return v, evFloatNum
	case *big.Int:
		n := term.NormInt(v)
		if _, ok := n.(int); ok {
			return n, evSmall
		}
		return n, evBigNum
	case float32:
		return float64(v), evFloatNum
	}
	if n, ok := term.Integer(t); ok {
		if _, ok := n.(int); ok {
			return n, evSmall
		}
		return n, evBigNum
	}
	return t, evNotNum
}

func evBig(t term.Term) *big.Int {
	if b, ok := t.(*big.Int); ok {
		return b
	}
	return big.NewInt(int64(t.(int)))
}

// toFloat converts a number to a float64; ok is false for an integer too
// large for a float.
func evFloat(t term.Term, kind int) (float64, bool) {
	switch kind {
	case evSmall:
		return float64(t.(int)), true
	case evFloatNum:
		return t.(float64), true
	case evBigNum:
		f, _ := new(big.Float).SetInt(t.(*big.Int)).Float64()
		if math.IsInf(f, 0) {
			return 0, false
		}
		return f, true
	}
	return 0, false
}

// BinaryOp applies a binary operator to two values: + - * / div rem band
// bor bxor bsl bsr and or xor == /= =< < >= > =:= =/= ++ --. It raises
// what erl raises for bad arguments. (andalso, orelse and ! are not
// functions of two values: the evaluator does them.)
func BinaryOp(op string, a, b term.Term) term.Term {
	switch op {
	case "+", "-", "*", "/", "div", "rem", "band", "bor", "bxor", "bsl", "bsr":
		return evArith(op, a, b)
	case "==":
		return term.Bool(term.Equal(a, b))
	case "/=":
		return term.Bool(!term.Equal(a, b))
	case "=:=":
		return term.Bool(term.Exact(a, b))
	case "=/=":
		return term.Bool(!term.Exact(a, b))
	case "<":
		return term.Bool(term.Compare(a, b) < 0)
	case "=<":
		return term.Bool(term.Compare(a, b) <= 0)
	case ">":
		return term.Bool(term.Compare(a, b) > 0)
	case ">=":
		return term.Bool(term.Compare(a, b) >= 0)
	case "and", "or", "xor":
		x, ok1 := evBool(a)
		y, ok2 := evBool(b)
		if !ok1 || !ok2 {
			evOpError(evAtomBadarg, op, a, b)
		}
		switch op {
		case "and":
			return term.Bool(x && y)
		case "or":
			return term.Bool(x || y)
		}
		return term.Bool(x != y)
	case "++":
		return evAppend(a, b)
	case "--":
		return evSubtract(a, b)
	}
	evOpError(term.Tuple{term.Atom("badop"), term.Atom(op)}, op, a, b)
	return nil
}

// UnaryOp applies a unary operator: - + not bnot.
func UnaryOp(op string, a term.Term) term.Term {
	x, kind := evNum(a)
	switch op {
	case "-":
		switch kind {
		case evSmall:
			if v := x.(int); v != math.MinInt {
				return -v
			}
			return term.NormInt(new(big.Int).Neg(evBig(x)))
		case evBigNum:
			return term.NormInt(new(big.Int).Neg(x.(*big.Int)))
		case evFloatNum:
			return -x.(float64)
		}
		evOpError(evAtomBadarith, op, a)
	case "+":
		if kind == evNotNum {
			evOpError(evAtomBadarith, op, a)
		}
		return x
	case "bnot":
		switch kind {
		case evSmall:
			return ^x.(int)
		case evBigNum:
			return term.NormInt(new(big.Int).Not(x.(*big.Int)))
		}
		evOpError(evAtomBadarith, op, a)
	case "not":
		if v, ok := evBool(a); ok {
			return term.Bool(!v)
		}
		evOpError(evAtomBadarg, op, a)
	}
	evOpError(term.Tuple{term.Atom("badop"), term.Atom(op)}, op, a)
	return nil
}

func evBool(t term.Term) (bool, bool) {
	switch v := t.(type) {
	case term.Atom:
		switch v {
		case term.True:
			return true, true
		case term.False:
			return false, true
		}
	case bool:
		return v, true
	}
	return false, false
}

// evMaxBits is the largest integer, in bits, that bsl makes before it
// raises system_limit.
const evMaxBits = 1 << 26

func evArith(op string, a0, b0 term.Term) term.Term {
	a, ka := evNum(a0)
	b, kb := evNum(b0)
	if ka == evNotNum || kb == evNotNum {
		evOpError(evAtomBadarith, op, a0, b0)
	}
	switch op {
	case "+", "-", "*":
		if ka == evFloatNum || kb == evFloatNum {
			x, ok1 := evFloat(a, ka)
			y, ok2 := evFloat(b, kb)
			if !ok1 || !ok2 {
				evOpError(evAtomBadarith, op, a0, b0)
			}
			var r float64
			switch op {
			case "+":
				r = x + y
			case "-":
				r = x - y
			default:
				r = x * y
			}
			if math.IsInf(r, 0) || math.IsNaN(r) {
				evOpError(evAtomBadarith, op, a0, b0)
			}
			return r
		}
		if ka == evSmall && kb == evSmall {
			x, y := a.(int), b.(int)
			switch op {
			case "+":
				if s := x + y; (s > x) == (y > 0) {
					return s
				}
			case "-":
				if s := x - y; (s < x) == (y > 0) {
					return s
				}
			default:
				hi, lo := bits.Mul64(uint64(evAbs(x)), uint64(evAbs(y)))
				if hi == 0 && lo <= math.MaxInt64 && x != math.MinInt && y != math.MinInt {
					if (x < 0) != (y < 0) {
						return -int(lo)
					}
					return int(lo)
				}
			}
		}
		r := new(big.Int)
		switch op {
		case "+":
			r.Add(evBig(a), evBig(b))
		case "-":
			r.Sub(evBig(a), evBig(b))
		default:
			r.Mul(evBig(a), evBig(b))
		}
		return term.NormInt(r)
	case "/":
		x, ok1 := evFloat(a, ka)
		y, ok2 := evFloat(b, kb)
		if !ok1 || !ok2 || y == 0 {
			evOpError(evAtomBadarith, op, a0, b0)
		}
		r := x / y
		if math.IsInf(r, 0) || math.IsNaN(r) {
			evOpError(evAtomBadarith, op, a0, b0)
		}
		return r
	}
	// Integer operators.
	if ka == evFloatNum || kb == evFloatNum {
		evOpError(evAtomBadarith, op, a0, b0)
	}
	switch op {
	case "div", "rem":
		if kb == evSmall && b.(int) == 0 {
			evOpError(evAtomBadarith, op, a0, b0)
		}
		if ka == evSmall && kb == evSmall && !(a.(int) == math.MinInt && b.(int) == -1) {
			if op == "div" {
				return a.(int) / b.(int)
			}
			return a.(int) % b.(int)
		}
		if op == "div" {
			return term.NormInt(new(big.Int).Quo(evBig(a), evBig(b)))
		}
		return term.NormInt(new(big.Int).Rem(evBig(a), evBig(b)))
	case "band", "bor", "bxor":
		if ka == evSmall && kb == evSmall {
			switch op {
			case "band":
				return a.(int) & b.(int)
			case "bor":
				return a.(int) | b.(int)
			}
			return a.(int) ^ b.(int)
		}
		r := new(big.Int)
		switch op {
		case "band":
			r.And(evBig(a), evBig(b))
		case "bor":
			r.Or(evBig(a), evBig(b))
		default:
			r.Xor(evBig(a), evBig(b))
		}
		return term.NormInt(r)
	case "bsl", "bsr":
		if kb == evBigNum {
			// A shift by a bignum: everything goes, or nothing fits.
			left := (op == "bsl") == (b.(*big.Int).Sign() > 0)
			if !left || evIsZero(a) {
				if evSign(a) < 0 {
					return -1
				}
				return 0
			}
			evOpError(evAtomSystemLimit, op, a0, b0)
		}
		n := b.(int)
		if op == "bsr" {
			if n == math.MinInt {
				evOpError(evAtomSystemLimit, op, a0, b0)
			}
			n = -n
		}
		if n <= 0 {
			// Right shift (arithmetic, rounding down).
			if n < -(evMaxBits + 64) {
				if evSign(a) < 0 {
					return -1
				}
				return 0
			}
			if ka == evSmall {
				if -n >= 63 {
					if a.(int) < 0 {
						return -1
					}
					return 0
				}
				return a.(int) >> uint(-n)
			}
			return term.NormInt(new(big.Int).Rsh(a.(*big.Int), uint(-n)))
		}
		if evIsZero(a) {
			return 0
		}
		if n > evMaxBits || evBitLen(a)+n > evMaxBits {
			evOpError(evAtomSystemLimit, op, a0, b0)
		}
		if ka == evSmall && n < 62 {
			x := a.(int)
			if r := x << uint(n); r>>uint(n) == x {
				return r
			}
		}
		return term.NormInt(new(big.Int).Lsh(evBig(a), uint(n)))
	}
	evOpError(term.Tuple{term.Atom("badop"), term.Atom(op)}, op, a0, b0)
	return nil
}

func evAbs(x int) uint64 {
	if x < 0 {
		return uint64(-x)
	}
	return uint64(x)
}

func evIsZero(t term.Term) bool {
	i, ok := t.(int)
	return ok && i == 0
}

func evSign(t term.Term) int {
	switch v := t.(type) {
	case int:
		switch {
		case v < 0:
			return -1
		case v > 0:
			return 1
		}
		return 0
	case *big.Int:
		return v.Sign()
	}
	return 0
}

func evBitLen(t term.Term) int {
	if v, ok := t.(int); ok {
		return bits.Len64(evAbs(v))
	}
	return t.(*big.Int).BitLen()
}

// properList returns the elements of a proper list, which may be a Go
// string.
func evProperList(t term.Term) ([]term.Term, bool) {
	switch v := t.(type) {
	case term.List:
		return v, true
	case string:
		l := make([]term.Term, 0, len(v))
		for _, r := range v {
			l = append(l, int(r))
		}
		return l, true
	}
	return nil, false
}

// isList reports whether t is a proper list.
func evIsList(t term.Term) bool {
	switch t.(type) {
	case term.List, string:
		return true
	}
	return false
}

func evAppend(a, b term.Term) term.Term {
	if s, ok := a.(string); ok {
		if s == "" {
			return b
		}
		if t, ok := b.(string); ok && utf8.ValidString(s) && utf8.ValidString(t) {
			return s + t
		}
	}
	l, ok := evProperList(a)
	if !ok {
		evOpError(evAtomBadarg, "++", a, b)
	}
	if len(l) == 0 {
		return b
	}
	return term.Cons(b, l...)
}

func evSubtract(a, b term.Term) term.Term {
	l, ok1 := evProperList(a)
	r, ok2 := evProperList(b)
	if !ok1 || !ok2 {
		evOpError(evAtomBadarg, "--", a, b)
	}
	if len(r) == 0 {
		return a
	}
	out := append(term.List(nil), l...)
	removed := make([]bool, len(out))
	for _, x := range r {
		for i, y := range out {
			if !removed[i] && term.Exact(x, y) {
				removed[i] = true
				break
			}
		}
	}
	res := make(term.List, 0, len(out))
	for i, y := range out {
		if !removed[i] {
			res = append(res, y)
		}
	}
	return res
}

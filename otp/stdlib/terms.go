package stdlib

import (
	"math"
	"math/big"

	"github.com/scalability-go/otpbook/otp/term"
)

// norm turns the Go forms that stand for terms into the canonical ones:
// Termers into their terms, bool into an atom, other integer types into
// int or *big.Int, float32 into float64, []byte into a Binary.
func norm(t term.Term) term.Term {
	for {
		switch v := t.(type) {
		case term.Atom, term.Tuple, term.List, string, int, float64, term.Pid, term.Ref:
			return t
		case term.Termer:
			t = v.Term()
			continue
		case bool:
			return term.Bool(v)
		case float32:
			return float64(v)
		case []byte:
			return term.Binary(v)
		case *big.Int:
			i, _ := term.Integer(v)
			return i
		}
		if i, ok := term.Integer(t); ok {
			return i
		}
		return t
	}
}

func atomOf(t term.Term) (term.Atom, bool) {
	a, ok := norm(t).(term.Atom)
	return a, ok
}

// intOf returns an integer that fits an int.
func intOf(t term.Term) (int, bool) {
	i, ok := norm(t).(int)
	return i, ok
}

func isInteger(t term.Term) bool { return term.IsInteger(norm(t)) }

func isNumber(t term.Term) bool { return term.KindOf(norm(t)) == term.KindNumber }

func isFloat(t term.Term) bool {
	_, ok := norm(t).(float64)
	return ok
}

func isFun(t term.Term) bool { return term.KindOf(t) == term.KindFun }

// funArity returns a fun's arity.
func funArity(t term.Term) (int, bool) {
	switch f := norm(t).(type) {
	case term.ExportFun:
		return f.Arity, true
	case term.LocalFun:
		return f.Arity, true
	case *term.LocalFun:
		if f != nil {
			return f.Arity, true
		}
	}
	return 0, false
}

// isFunN reports whether t is a fun of arity n.
func isFunN(t term.Term, n int) bool {
	a, ok := funArity(t)
	return ok && a == n
}

// listView returns the elements of a list and its tail: nil for a proper
// list, the tail term for an improper one. ok is false when t is not a
// list at all.
func listView(t term.Term) (elems []term.Term, tail term.Term, ok bool) {
	switch v := norm(t).(type) {
	case term.List:
		return v, nil, true
	case string:
		l := make([]term.Term, 0, len(v))
		for _, r := range v {
			l = append(l, int(r))
		}
		return l, nil, true
	case term.ImproperList:
		return v.Elems, v.Tail, true
	}
	return nil, nil, false
}

// properList returns the elements of a proper list.
func properList(t term.Term) ([]term.Term, bool) {
	elems, tail, ok := listView(t)
	if !ok || tail != nil {
		return nil, false
	}
	return elems, true
}

// isList is is_list/1: true for [] and every cons, improper or not.
func isList(t term.Term) bool {
	k := term.KindOf(norm(t))
	return k == term.KindList || k == term.KindNil
}

// listMsg is what erl_erts_errors says of an argument that must be a
// proper list: "" when it is one.
func listMsg(t term.Term) string {
	_, tail, ok := listView(t)
	switch {
	case !ok:
		return "not a list"
	case tail != nil:
		return "not a proper list"
	}
	return ""
}

// consList makes [Elems... | Tail]: a List when tail is nil or a proper
// list.
func consList(elems []term.Term, tail term.Term) term.Term {
	if tail == nil {
		return term.List(elems)
	}
	return term.Cons(tail, elems...)
}

// intTerm returns the canonical form of the integer in b.
func intTerm(b *big.Int) term.Term { return term.NormInt(b) }

// bigOf returns an integer as a *big.Int.
func bigOf(t term.Term) (*big.Int, bool) { return term.BigInt(norm(t)) }

// floatOf returns a number as a float64; ok is false for a number that
// does not fit one, and for what is not a number.
func floatOf(t term.Term) (float64, bool) {
	switch v := norm(t).(type) {
	case float64:
		return v, true
	case int:
		return float64(v), true
	case *big.Int:
		f, _ := new(big.Float).SetInt(v).Float64()
		if math.IsInf(f, 0) {
			return 0, false
		}
		return f, true
	}
	return 0, false
}

// add is Erlang's +: integers exactly, floats as floats. ok is false when
// either is not a number or the sum is not a finite float.
func add(a, b term.Term) (term.Term, bool) {
	a, b = norm(a), norm(b)
	if x, ok := a.(int); ok {
		if y, ok := b.(int); ok {
			s := x + y
			if (s > x) == (y > 0) {
				return s, true
			}
		}
	}
	if term.IsInteger(a) && term.IsInteger(b) {
		x, _ := term.BigInt(a)
		y, _ := term.BigInt(b)
		return intTerm(x.Add(x, y)), true
	}
	if !isNumber(a) || !isNumber(b) {
		return nil, false
	}
	x, ok1 := floatOf(a)
	y, ok2 := floatOf(b)
	if !ok1 || !ok2 {
		return nil, false
	}
	s := x + y
	if math.IsInf(s, 0) || math.IsNaN(s) {
		return nil, false
	}
	return s, true
}

// textOf returns a flat list of characters as a Go string.
func textOf(t term.Term) (string, bool) {
	if s, ok := norm(t).(string); ok {
		return s, true
	}
	elems, ok := properList(t)
	if !ok {
		return "", false
	}
	rs := make([]rune, 0, len(elems))
	for _, e := range elems {
		c, ok := intOf(e)
		if !ok || !validChar(c) {
			return "", false
		}
		rs = append(rs, rune(c))
	}
	return string(rs), true
}

// validChar reports whether c is a Unicode code point that Erlang allows
// in a string: 0..16#10FFFF, not a surrogate.
func validChar(c int) bool {
	return c >= 0 && c <= 0x10FFFF && (c < 0xD800 || c > 0xDFFF)
}

// str makes an Erlang string of s.
func str(s string) term.Term { return s }

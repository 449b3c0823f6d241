package matchspec

import (
	"math/big"

	"github.com/scalability-go/otpbook/otp/term"
)

// maxNesting bounds how deeply nested a specification may be. Compilation
// recurses over the term; this keeps hostile input from exhausting the
// stack.
const maxNesting = 10000

// canon returns t in the canonical forms of package term, all the way
// down: Termers replaced by their terms, bool by atoms, integers of every Go
// type by int or *big.Int, float32 by float64, []byte by Binary. Strings
// stay strings. The compiler only meets canonical terms.
func canon(t term.Term, depth int) (term.Term, error) {
	if depth > maxNesting {
		return nil, errorf("Match specification nested too deeply.")
	}
	switch v := t.(type) {
	case term.Atom, int, string, float64, term.Binary, term.BitString,
		term.Pid, term.Port, term.Ref, term.ExportFun, term.LocalFun:
		return t, nil
	case *big.Int:
		return term.NormInt(v), nil
	case bool:
		return term.Bool(v), nil
	case float32:
		return float64(v), nil
	case []byte:
		return term.Binary(v), nil
	case *term.LocalFun:
		if v != nil {
			return *v, nil
		}
	case term.Tuple:
		out := make(term.Tuple, len(v))
		for i, e := range v {
			c, err := canon(e, depth+1)
			if err != nil {
				return nil, err
			}
			out[i] = c
		}
		return out, nil
	case term.List:
		out := make(term.List, len(v))
		for i, e := range v {
			c, err := canon(e, depth+1)
			if err != nil {
				return nil, err
			}
			out[i] = c
		}
		return out, nil
	case term.ImproperList:
		elems := make([]term.Term, len(v.Elems))
		for i, e := range v.Elems {
			c, err := canon(e, depth+1)
			if err != nil {
				return nil, err
			}
			elems[i] = c
		}
		tail, err := canon(v.Tail, depth+1)
		if err != nil {
			return nil, err
		}
		return term.Cons(tail, elems...), nil
	case term.Map:
		entries := make([]term.MapEntry, 0, v.Len())
		for k, x := range v.All() {
			ck, err := canon(k, depth+1)
			if err != nil {
				return nil, err
			}
			cx, err := canon(x, depth+1)
			if err != nil {
				return nil, err
			}
			entries = append(entries, term.MapEntry{Key: ck, Value: cx})
		}
		return term.NewMap(entries...), nil
	case term.Termer:
		return canon(v.Term(), depth+1)
	}
	if i, ok := term.Integer(t); ok {
		return i, nil
	}
	return nil, errorf("%T is not a term.", t)
}

// unwrap turns a Termer into its term and a bool into an atom, so that
// type switches at run time see the term a Go value stands for.
func unwrap(t term.Term) term.Term {
	for {
		switch v := t.(type) {
		case term.Termer:
			t = v.Term()
			continue
		case bool:
			if v {
				return trueT
			}
			return falseT
		}
		return t
	}
}

// Boxed atoms that the evaluator returns without allocating.
var (
	trueT  term.Term = term.True
	falseT term.Term = term.False
	exitT  term.Term = term.Atom("EXIT")
	nilT   term.Term = term.List(nil)
)

func boolT(b bool) term.Term {
	if b {
		return trueT
	}
	return falseT
}

// isTrue reports whether t is the atom true.
func isTrue(t term.Term) bool {
	switch v := t.(type) {
	case term.Atom:
		return v == term.True
	case bool:
		return v
	case term.Termer:
		return isTrue(unwrap(t))
	}
	return false
}

// boolOf returns the truth value of the atoms true and false; ok is false
// for any other term.
func boolOf(t term.Term) (b, ok bool) {
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
	case term.Termer:
		return boolOf(unwrap(t))
	}
	return false, false
}

// variable returns the number of the match variable '$N', or -1 when a is
// not a variable. As in ERTS, N is read into a 32-bit signed integer that
// wraps around, and a name that reads as negative is no variable.
func variable(a term.Atom) int {
	s := string(a)
	if len(s) < 2 || s[0] != '$' {
		return -1
	}
	if s == "$0" {
		return 0
	}
	if s[1] == '0' {
		return -1
	}
	var n int32
	for i := 1; i < len(s); i++ {
		c := s[i]
		if c < '0' || c > '9' {
			return -1
		}
		n = n*10 + int32(c-'0')
	}
	if n < 0 {
		return -1
	}
	return int(n)
}

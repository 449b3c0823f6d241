// Book: chapter 2, "Recursion and Pattern Matching" (lists as head and tail).

package erl

import (
	"unicode/utf8"

	"github.com/scalability-go/otpbook/otp/term"
)

// IsNil reports whether t is the empty list [] (an empty term.List, or
// the empty string, which is the same Erlang term).
func IsNil(t term.Term) bool {
	switch v := t.(type) {
	case term.List:
		return len(v) == 0
	case string:
		return v == ""
	}
	return false
}

// Uncons matches t against the pattern [Head | Tail]. It reports false
// when t is not a non-empty list. A Go string is the list of its
// characters, as an Erlang string is; the tail of an improper list is
// whatever it ends in.
func Uncons(t term.Term) (head, tail term.Term, ok bool) {
	switch v := t.(type) {
	case term.List:
		if len(v) > 0 {
			return v[0], v[1:], true
		}
	case string:
		if v != "" {
			r, size := utf8.DecodeRuneInString(v)
			return int(r), v[size:], true
		}
	case term.ImproperList:
		if len(v.Elems) > 0 {
			return v.Elems[0], term.Cons(v.Tail, v.Elems[1:]...), true
		}
		return Uncons(v.Tail)
	case *term.ImproperList:
		if v != nil {
			return Uncons(*v)
		}
	}
	return nil, nil, false
}

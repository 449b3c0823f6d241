package matchspec

import (
	"fmt"
	"strconv"

	"github.com/scalability-go/otpbook/otp/term"
)

// Error is the error of an invalid match specification or pattern. It
// wraps term.ErrBadarg, the error ets:select raises for it, and Msg says
// what is wrong in the words of ERTS's match specification compiler
// ("Variable $3 is unbound.").
type Error struct {
	Msg string
}

func (e *Error) Error() string { return "badarg: " + e.Msg }

// Unwrap returns term.ErrBadarg.
func (e *Error) Unwrap() error { return term.ErrBadarg }

func errorf(format string, args ...any) error {
	return &Error{Msg: fmt.Sprintf(format, args...)}
}

// show prints a term as ERTS's %T prints it in its messages: as ~w does,
// but with lists of printable characters as strings and with atoms quoted
// only when they are not of the form [a-z][a-zA-Z0-9_@]* (reserved words
// such as and are not quoted).
func show(t term.Term) string {
	return string(appendShow(nil, t, 0))
}

func appendShow(dst []byte, t term.Term, depth int) []byte {
	if depth > 20 {
		return append(dst, "..."...)
	}
	switch v := t.(type) {
	case term.Atom:
		return appendAtom(dst, v)
	case term.Tuple:
		dst = append(dst, '{')
		for i, e := range v {
			if i > 0 {
				dst = append(dst, ',')
			}
			dst = appendShow(dst, e, depth+1)
		}
		return append(dst, '}')
	case string:
		if printable(v) {
			return strconv.AppendQuote(dst, v)
		}
	case term.List:
		if s, ok := listString(v); ok {
			return strconv.AppendQuote(dst, s)
		}
		dst = append(dst, '[')
		for i, e := range v {
			if i > 0 {
				dst = append(dst, ',')
			}
			dst = appendShow(dst, e, depth+1)
		}
		return append(dst, ']')
	case term.ImproperList:
		dst = append(dst, '[')
		for i, e := range v.Elems {
			if i > 0 {
				dst = append(dst, ',')
			}
			dst = appendShow(dst, e, depth+1)
		}
		dst = append(dst, '|')
		dst = appendShow(dst, v.Tail, depth+1)
		return append(dst, ']')
	}
	return term.AppendWrite(dst, t, -1, true)
}

func appendAtom(dst []byte, a term.Atom) []byte {
	plain := len(a) > 0 && a[0] >= 'a' && a[0] <= 'z'
	for i := 0; plain && i < len(a); i++ {
		c := a[i]
		plain = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '@'
	}
	if plain {
		return append(dst, a...)
	}
	return term.AppendWrite(dst, a, -1, true)
}

func printable(s string) bool {
	for _, r := range s {
		if r < 32 || r > 126 {
			return false
		}
	}
	return s != ""
}

func listString(l term.List) (string, bool) {
	if len(l) == 0 {
		return "", false
	}
	b := make([]byte, len(l))
	for i, e := range l {
		c, ok := e.(int)
		if !ok || c < 32 || c > 126 {
			return "", false
		}
		b[i] = byte(c)
	}
	return string(b), true
}

package matchspec

import (
	"fmt"

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

// show prints a term on one line, for error messages.
func show(t term.Term) string {
	return term.Pretty(t, term.PrintOptions{LineLength: -1, Depth: 20})
}

// Book: chapter 2, "Recursion and Pattern Matching" (ch2/ex2.erl).

// Package ex2 walks a list twice over: once as a function of two clauses
// (the empty list, and a head with a tail), once as one function holding
// a case expression. Both print every element as ~p does, each followed
// by a tab, and a newline at the end: clause selection and case are the
// same pattern matching.
//
// PrintAll and AllPrint are the Go functions; Module is the Erlang module
// ex2, whose print_all/1 and all_print/1 print to the calling process's
// output.
package ex2

import (
	"io"

	"github.com/scalability-go/otpbook/otp/term"
)

// PrintAll writes each element of xs to w as ~p prints it, followed by a
// tab, then a newline; for no elements, just the newline. It is written
// as the Erlang function's two clauses: one for the empty list, one for
// the first element and the rest, which it recurses on. It returns the
// first error of w, or of a value that is not a term.
func PrintAll(w io.Writer, xs []term.Term) error {
	if len(xs) == 0 {
		_, err := io.WriteString(w, "\n")
		return err
	}
	if err := printElement(w, xs[0]); err != nil {
		return err
	}
	return PrintAll(w, xs[1:])
}

// AllPrint does what PrintAll does, written as one function whose body
// picks between the two cases, as the Erlang one does with a case
// expression.
func AllPrint(w io.Writer, xs []term.Term) error {
	switch {
	case len(xs) == 0:
		_, err := io.WriteString(w, "\n")
		return err
	default:
		if err := printElement(w, xs[0]); err != nil {
			return err
		}
		return AllPrint(w, xs[1:])
	}
}

// printElement writes x as io:format("~p\t", [X]) does.
func printElement(w io.Writer, x term.Term) error {
	s, err := term.Format("~p\t", x)
	if err != nil {
		return err
	}
	_, err = io.WriteString(w, s)
	return err
}

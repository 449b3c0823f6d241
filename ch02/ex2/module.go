// Book: chapter 2, "Recursion and Pattern Matching" (ch2/ex2.erl).

package ex2

import (
	"io"

	"github.com/scalability-go/otpbook/internal/erl"
	"github.com/scalability-go/otpbook/otp"
	"github.com/scalability-go/otpbook/otp/code"
	"github.com/scalability-go/otpbook/otp/term"
)

// Module returns the Erlang module ex2, exporting print_all/1 and
// all_print/1 (see PrintAllTerm and AllPrintTerm).
func Module() *code.Module {
	return &code.Module{
		Name: "ex2",
		Exports: map[code.FA]code.Func{
			{Function: "print_all", Arity: 1}: func(p *otp.Process, args []term.Term) term.Term {
				return PrintAllTerm(p, args[0])
			},
			{Function: "all_print", Arity: 1}: func(p *otp.Process, args []term.Term) term.Term {
				return AllPrintTerm(p, args[0])
			},
		},
	}
}

// PrintAllTerm is ex2:print_all/1: it prints the elements of the list to
// p's output (Process.Output, the group leader) as PrintAll does, one
// io:format call each, and returns ok. Where the list ends in something
// that is not [] (foo, or the b of [a|b]) no clause matches it: after
// printing the elements before it, it raises error function_clause for
// print_all(Tail).
func PrintAllTerm(p *otp.Process, list term.Term) term.Term {
	for i := 1; ; i++ {
		erl.Watch(p, i)
		if erl.IsNil(list) {
			write(p, "\n")
			return term.Atom("ok")
		}
		x, tail, ok := erl.Uncons(list)
		if !ok {
			erl.FunctionClause("ex2", "print_all", list)
		}
		printTerm(p, x)
		list = tail
	}
}

// AllPrintTerm is ex2:all_print/1: PrintAllTerm written with a case
// expression, so that a list ending in something other than [] raises
// error {case_clause, Tail} from all_print/1 instead.
func AllPrintTerm(p *otp.Process, list term.Term) term.Term {
	for i := 1; ; i++ {
		erl.Watch(p, i)
		x, tail, ok := erl.Uncons(list)
		switch {
		case erl.IsNil(list):
			write(p, "\n")
			return term.Atom("ok")
		case ok:
			printTerm(p, x)
			list = tail
		default:
			erl.CaseClause(list, "ex2", "all_print", 1)
		}
	}
}

// printTerm prints x to p's output as io:format("~p\t", [X]) does.
func printTerm(p *otp.Process, x term.Term) {
	s, err := term.Format("~p\t", x)
	if err != nil {
		erl.Badarg("io", "format", 2)
	}
	write(p, s)
}

func write(p *otp.Process, s string) {
	_, _ = io.WriteString(p.Output(), s)
}

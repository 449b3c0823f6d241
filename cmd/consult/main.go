// Command consult reads files of Erlang terms, as file:consult/1 does, and
// prints each term as the Erlang shell prints a value: the first program of
// the runtime's term layer (package otp/term), and a way to check a .app,
// .rel, .appup or sys.config file.
//
// Usage:
//
//	consult [-w] [file ...]
//
// With no file it reads standard input. Each term is printed on its own,
// laid out as ~p lays it out in 80 columns; -w prints it on one line as ~w
// does. An error in a file is reported as file:line:column: message, with
// OTP's message ("syntax error before: '}'"), and the exit status is 1.
package main

import (
	"bufio"
	"flag"
	"fmt"
	"io"
	"os"

	"github.com/scalability-go/otpbook/otp/term"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("consult", flag.ContinueOnError)
	fs.SetOutput(stderr)
	oneLine := fs.Bool("w", false, "print each term on one line, as ~w does")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: consult [-w] [file ...]")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return 2
	}
	out := bufio.NewWriter(stdout)
	defer out.Flush()
	print := func(ts []term.Term) {
		for _, t := range ts {
			if *oneLine {
				fmt.Fprintln(out, term.Write(t))
			} else {
				fmt.Fprintln(out, term.Pretty(t, term.PrintOptions{Unicode: true}))
			}
		}
	}
	if fs.NArg() == 0 {
		ts, err := term.Consult(stdin)
		if err != nil {
			fmt.Fprintf(stderr, "consult: %v\n", err)
			return 1
		}
		print(ts)
		return 0
	}
	status := 0
	for _, name := range fs.Args() {
		ts, err := term.ConsultFile(name)
		if err != nil {
			out.Flush()
			fmt.Fprintf(stderr, "consult: %v\n", err)
			status = 1
			continue
		}
		print(ts)
	}
	return status
}

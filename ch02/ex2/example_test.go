// Book: chapter 2, "Recursion and Pattern Matching" (ch2/ex2.erl).

package ex2_test

import (
	"fmt"
	"strings"

	"github.com/scalability-go/otpbook/ch02/ex2"
	"github.com/scalability-go/otpbook/otp"
	"github.com/scalability-go/otpbook/otp/code"
	"github.com/scalability-go/otpbook/otp/term"
)

// The printed text is shown quoted, so that its tabs can be seen.
func ExamplePrintAll() {
	var b strings.Builder
	ex2.PrintAll(&b, []term.Term{term.Atom("one"), term.Atom("two"), term.Atom("three")})
	ex2.AllPrint(&b, []term.Term{"a string", term.Tuple{term.Atom("a"), term.Atom("tuple")}, 1.5})
	ex2.PrintAll(&b, nil)
	fmt.Printf("%q\n", b.String())
	// Output:
	// "one\ttwo\tthree\t\n\"a string\"\t{a,tuple}\t1.5\t\n\n"
}

// ex2:print_all([one,two,three]) in the shell, whose output is the
// node's standard output unless the process sets its own.
func ExampleModule() {
	var b strings.Builder
	n, _ := otp.NewNode(otp.Stdout(&b))
	defer n.Stop()
	self := n.Attach()
	defer self.Detach()
	cs := code.Of(n)
	cs.Load(ex2.Module())

	v := cs.Apply(self, "ex2", "print_all", []term.Term{term.List{term.Atom("one"), term.Atom("two"), term.Atom("three")}})
	fmt.Printf("%q %v\n", b.String(), v)
	// Output:
	// "one\ttwo\tthree\t\n" ok
}

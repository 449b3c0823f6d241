// Book: chapter 2, "Recursion and Pattern Matching" (ch2/ex1.erl).

package ex1_test

import (
	"fmt"

	"github.com/scalability-go/otpbook/ch02/ex1"
	"github.com/scalability-go/otpbook/otp"
	"github.com/scalability-go/otpbook/otp/code"
	"github.com/scalability-go/otpbook/otp/term"
)

func ExampleFactorial() {
	for _, n := range []int{0, 5, 20, 25, -1} {
		f, err := ex1.Factorial(n)
		fmt.Println(f, err)
	}
	// Output:
	// 1 <nil>
	// 120 <nil>
	// 2432902008176640000 <nil>
	// 15511210043330985984000000 <nil>
	// <nil> no function clause matching ex1:factorial(-1): function_clause
}

// The module as the shell calls it: ex1:factorial(5), and the exceptions
// of the section's session.
func ExampleModule() {
	n, _ := otp.NewNode()
	defer n.Stop()
	self := n.Attach()
	defer self.Detach()
	cs := code.Of(n)
	cs.Load(ex1.Module())

	fmt.Println(cs.Apply(self, "ex1", "factorial", []term.Term{5}))
	for _, arg := range []term.Term{-1, 3.0, term.Atom("a")} {
		exc := otp.Catch(func() { cs.Apply(self, "ex1", "factorial", []term.Term{arg}) })
		fmt.Println(exc.Class, exc.Reason, term.Write(exc.Stack[0]))
	}
	// Output:
	// 120
	// error function_clause {ex1,factorial,[-1],[]}
	// error function_clause {ex1,factorial,[0.0],[]}
	// error badarith {ex1,factorial,1,[]}
}

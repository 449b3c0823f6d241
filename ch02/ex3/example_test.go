// Book: chapter 2, "Functional Influence" (ch2/ex3.erl).

package ex3_test

import (
	"fmt"

	"github.com/scalability-go/otpbook/ch02/ex3"
	"github.com/scalability-go/otpbook/otp"
	"github.com/scalability-go/otpbook/otp/code"
	"github.com/scalability-go/otpbook/otp/term"
)

// A named function and a closure as the predicate.
func ExampleFilter() {
	xs := []int{1, 2, 3, 4, 5, 6}
	fmt.Println(ex3.Filter(ex3.IsEven, xs))
	fmt.Println(ex3.Filter(func(x int) bool { return x > 3 }, xs))
	// Output:
	// [2 4 6]
	// [4 5 6]
}

// ex3:filter(fun ex3:is_even/1, [1,2,3,4,5,6]) in the shell.
func ExampleModule() {
	n, _ := otp.NewNode()
	defer n.Stop()
	self := n.Attach()
	defer self.Detach()
	cs := code.Of(n)
	cs.Load(ex3.Module())

	isEven := term.ExportFun{Module: "ex3", Function: "is_even", Arity: 1}
	fmt.Println(cs.Apply(self, "ex3", "filter", []term.Term{isEven, term.List{1, 2, 3, 4, 5, 6}}))
	exc := otp.Catch(func() { cs.Apply(self, "ex3", "is_even", []term.Term{term.Atom("a")}) })
	fmt.Println(exc.Class, exc.Reason)
	// Output:
	// [2,4,6]
	// error badarith
}

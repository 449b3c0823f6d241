package code_test

import (
	"fmt"

	"github.com/scalability-go/otpbook/otp"
	"github.com/scalability-go/otpbook/otp/code"
	"github.com/scalability-go/otpbook/otp/term"
)

// A module is loaded under its name and called by name; loading a new
// version makes the current one old.
func Example() {
	n, _ := otp.NewNode()
	defer n.Stop()
	self := n.Attach()
	defer self.Detach()

	version := func(v int) *code.Module {
		return &code.Module{Name: "greeter", Vsn: v, Exports: map[code.FA]code.Func{
			{Function: "hello", Arity: 1}: func(_ *otp.Process, args []term.Term) term.Term {
				return term.Tuple{term.Atom("hello"), args[0], v}
			},
		}}
	}
	cs := code.Of(n)
	cs.Load(version(1))
	fmt.Println(cs.Apply(self, "greeter", "hello", []term.Term{term.Atom("joe")}))
	cs.Load(version(2))
	fmt.Println(cs.Apply(self, "greeter", "hello", []term.Term{term.Atom("mike")}))
	old, _ := cs.Old("greeter")
	fmt.Println(old.Vsn, cs.AllLoaded())

	exc := otp.Catch(func() { cs.Apply(self, "greeter", "goodbye", nil) })
	fmt.Println(exc.Class, exc.Reason)
	// Output:
	// {hello,joe,1}
	// {hello,mike,2}
	// 1 [greeter]
	// error undef
}

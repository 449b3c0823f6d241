// Book: chapter 4, "Generic Servers", "Deadlocks".

package deadlock_test

import (
	"fmt"
	"time"

	"github.com/scalability-go/otpbook/ch04/deadlock"
	"github.com/scalability-go/otpbook/otp"
	"github.com/scalability-go/otpbook/otp/genserver"
	"github.com/scalability-go/otpbook/otp/term"
)

// A server that calls itself is told at once; a server asked for ping
// answers pong.
func Example_callingSelf() {
	n, _ := otp.NewNode()
	defer n.Stop()
	self := n.Attach()
	defer self.Detach()

	deadlock.Start(self, "c", "c")
	fmt.Println(deadlock.Call(self, "c", deadlock.Ping))
	r, _ := deadlock.Call(self, "c", deadlock.CallSelf)
	fmt.Println(term.Write(r.(term.Tuple)[1].(term.Tuple)[0]))
	genserver.StopServer(self, term.Atom("c"))
	// Output:
	// pong <nil>
	// calling_self
}

// a calls b, which calls a back: nobody answers until the calls time out.
func Example_deadlock() {
	n, _ := otp.NewNode()
	defer n.Stop()
	self := n.Attach()
	defer self.Detach()

	deadlock.Start(self, "a", "b", 50*time.Millisecond)
	deadlock.Start(self, "b", "a", 50*time.Millisecond)
	_, err := deadlock.Call(self, "a", deadlock.CallOther)
	fmt.Println(err != nil)
	// Output:
	// true
}

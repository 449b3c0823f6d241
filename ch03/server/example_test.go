// Book: chapter 3, "Behaviours" (The Generic Server: ch3/behavior/server.erl).

package server_test

import (
	"fmt"

	"github.com/scalability-go/otpbook/ch03/server"
	"github.com/scalability-go/otpbook/otp"
	"github.com/scalability-go/otpbook/otp/term"
)

// A callback module of a few lines is a whole server: the spawning,
// registering, message passing and looping are the generic server's.
func Example() {
	n, _ := otp.NewNode()
	defer n.Stop()
	self := n.Attach()
	defer self.Detach()

	server.Start(self, "counter", counter{}, 0)
	fmt.Println(server.Call(self, "counter", term.Atom("hello")))
	fmt.Println(server.Call(self, "counter", term.Atom("world")))
	fmt.Println(server.Stop(self, "counter"))
	// Output:
	// {1,hello} <nil>
	// {2,world} <nil>
	// {served,2} <nil>
}

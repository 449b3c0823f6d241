// Book: chapter 3, "Behaviours" (Message Passing: Under the Hood: ch3/call/server.erl).

package callserver_test

import (
	"fmt"
	"io"
	"log/slog"

	"github.com/scalability-go/otpbook/ch03/behavior"
	"github.com/scalability-go/otpbook/ch03/callserver"
	"github.com/scalability-go/otpbook/otp"
	"github.com/scalability-go/otpbook/otp/term"
)

// The call under a monitor: no server, a server, a server that crashes on
// the request; and never anything left in the caller's mailbox.
func ExampleCall() {
	n, _ := otp.NewNode(otp.Logger(slog.New(slog.NewTextHandler(io.Discard, nil))))
	defer n.Stop()
	self := n.Attach()
	defer self.Detach()
	allocate := term.Tuple{term.Atom("allocate"), self.Self()}

	fmt.Println(callserver.Call(self, behavior.Name, allocate))
	callserver.Start(self, behavior.Name, behavior.Frequency{}, nil)
	fmt.Println(callserver.Call(self, behavior.Name, allocate))
	fmt.Println(callserver.Call(self, behavior.Name, term.Atom("bogus")))
	fmt.Println(callserver.Call(self, behavior.Name, allocate))
	fmt.Println(len(self.Flush()))
	// Output:
	// <nil> {error,no_proc}
	// {ok,10} <nil>
	// <nil> {error,no_proc}
	// <nil> {error,no_proc}
	// 0
}

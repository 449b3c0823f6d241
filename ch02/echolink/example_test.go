// Book: chapter 2, "Links and Monitors for Supervision" (ch2/echo_link.erl).

package echolink_test

import (
	"fmt"
	"log/slog"
	"os"

	"github.com/scalability-go/otpbook/ch02/echo"
	"github.com/scalability-go/otpbook/ch02/echolink"
	"github.com/scalability-go/otpbook/otp"
	"github.com/scalability-go/otpbook/otp/term"
)

// echo_link:go() prints hello and returns stop; its caller, linked to an
// echo process that stopped normally, lives on.
func ExampleGo() {
	n, _ := otp.NewNode(otp.Stdout(os.Stdout))
	defer n.Stop()
	self := n.Attach()
	defer self.Detach()

	fmt.Println(echolink.Go(self))
	fmt.Println(n.IsProcessAlive(self.Self()))
	// Output:
	// hello
	// stop
	// true
}

// A shell that traps exits is told how its linked echo processes ended.
// (The crash is also reported to the node's logger, discarded here.)
func Example_trapExit() {
	n, _ := otp.NewNode(otp.Logger(slog.New(slog.DiscardHandler)))
	defer n.Stop()
	self := n.Attach()
	defer self.Detach()
	self.TrapExit(true)

	pid := self.SpawnLink(echo.Loop)
	self.Send(pid, echo.Stop)
	fmt.Println(self.Receive().(otp.ExitMsg).Reason)

	pid = self.SpawnLink(echo.Loop)
	self.SendExit(pid, otp.Kill)
	fmt.Println(self.Receive().(otp.ExitMsg).Reason)

	pid = self.SpawnLink(echo.Loop)
	self.Send(pid, term.Tuple{term.Atom("no_such_name"), term.Atom("hello")})
	fmt.Println(term.Write(self.Receive().(otp.ExitMsg).Reason))
	// Output:
	// normal
	// killed
	// {badarg,[{echo,loop,0,[]}]}
}

// Book: chapter 2, "Processes and Message Passing" (ch2/echo.erl).

package echo_test

import (
	"fmt"
	"os"

	"github.com/scalability-go/otpbook/ch02/echo"
	"github.com/scalability-go/otpbook/otp"
	"github.com/scalability-go/otpbook/otp/code"
	"github.com/scalability-go/otpbook/otp/term"
)

// echo:go() prints hello and returns stop.
func ExampleGo() {
	n, _ := otp.NewNode(otp.Stdout(os.Stdout))
	defer n.Stop()
	self := n.Attach()
	defer self.Detach()

	fmt.Println(echo.Go(self))
	// Output:
	// hello
	// stop
}

// The shell session: spawn an echo process, send it {self(), hello} and a
// message it does not know, and look at what came back and what stayed.
func ExampleLoop() {
	n, _ := otp.NewNode()
	defer n.Stop()
	self := n.Attach()
	defer self.Detach()

	pid := self.Spawn(echo.Loop)
	self.Send(pid, term.Atom("junk"))
	self.Send(pid, term.Tuple{self.Self(), term.Atom("hello")})
	reply := self.Receive().(term.Tuple)
	fmt.Println(reply[0] == pid, reply[1])
	info, _ := n.ProcessInfo(pid)
	fmt.Println(info.Messages, info.MessageQueueLen)
	self.Send(pid, echo.Stop)
	// Output:
	// true hello
	// [junk] 1
}

// echo:go() called by name, as the shell calls it.
func ExampleModule() {
	n, _ := otp.NewNode(otp.Stdout(os.Stdout))
	defer n.Stop()
	self := n.Attach()
	defer self.Detach()
	cs := code.Of(n)
	cs.Load(echo.Module())

	fmt.Println(cs.Apply(self, "echo", "go", nil))
	// Output:
	// hello
	// stop
}

// Book: chapter 3, "Behaviours" (Process Skeletons: ch3/pattern.erl).

package pattern_test

import (
	"fmt"

	"github.com/scalability-go/otpbook/ch03/pattern"
	"github.com/scalability-go/otpbook/otp"
	"github.com/scalability-go/otpbook/otp/term"
)

// Start, handle a message, stop: the life of every server process.
func ExampleStart() {
	n, _ := otp.NewNode()
	defer n.Stop()
	self := n.Attach()
	defer self.Detach()

	pid := pattern.Start(self, term.List{})
	self.Send(pid, term.Tuple{pattern.HandleTag, term.Atom("hello")})
	ref, _ := self.Monitor(pid)
	pattern.Stop(self, pid)
	down := self.Receive().(otp.DownMsg)
	fmt.Println(down.Ref == ref, down.Reason)
	// Output: true normal
}

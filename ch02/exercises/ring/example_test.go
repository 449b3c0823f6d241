// Book: chapter 2, "Processes and Message Passing" (exercise: the ring benchmark).

package ring_test

import (
	"fmt"

	"github.com/scalability-go/otpbook/ch02/exercises/ring"
	"github.com/scalability-go/otpbook/otp"
)

// A ring of a thousand processes, the message round it ten times.
func ExampleRun() {
	n, _ := otp.NewNode()
	defer n.Stop()
	self := n.Attach()
	defer self.Detach()

	r, err := ring.Run(self, 1000, 10)
	fmt.Println(r.Processes, r.Rounds, r.Passes, err)
	// Output: 1000 10 10000 <nil>
}

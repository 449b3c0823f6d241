// Book: chapter 3, "Behaviours" (Callback Modules: ch3/behavior/frequency.erl).

package behavior_test

import (
	"fmt"

	"github.com/scalability-go/otpbook/ch03/behavior"
	"github.com/scalability-go/otpbook/otp"
)

// The frequency server again, now a callback module of the generic
// server: the client sees no difference.
func Example() {
	n, _ := otp.NewNode()
	defer n.Stop()
	self := n.Attach()
	defer self.Detach()

	behavior.Start(self)
	fmt.Println(behavior.Allocate(self))
	fmt.Println(behavior.Allocate(self))
	fmt.Println(behavior.Deallocate(self, 10))
	fmt.Println(behavior.Allocate(self))
	fmt.Println(behavior.Stop(self))
	// Output:
	// 10 <nil>
	// 11 <nil>
	// <nil>
	// 10 <nil>
	// <nil>
}

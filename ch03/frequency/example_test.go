// Book: chapter 3, "Behaviours" (ch3/frequency.erl: the hand-written frequency server).

package frequency_test

import (
	"fmt"

	"github.com/scalability-go/otpbook/ch03/frequency"
	"github.com/scalability-go/otpbook/otp"
)

// The book's session: seven allocations, the last refused; a frequency
// given back is the next one handed out; after stop, calls fail.
func Example() {
	n, _ := otp.NewNode()
	defer n.Stop()
	self := n.Attach()
	defer self.Detach()

	frequency.Start(self)
	for range 7 {
		fmt.Println(frequency.Allocate(self))
	}
	frequency.Deallocate(self, 11)
	fmt.Println(frequency.Allocate(self))
	fmt.Println(frequency.Stop(self))
	_, err := frequency.Allocate(self)
	fmt.Println(err)
	// Output:
	// 10 <nil>
	// 11 <nil>
	// 12 <nil>
	// 13 <nil>
	// 14 <nil>
	// 15 <nil>
	// 0 {error,no_frequency}
	// 11 <nil>
	// <nil>
	// frequency is not registered: badarg
}

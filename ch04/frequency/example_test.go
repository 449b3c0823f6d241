// Book: chapter 4, "Generic Servers" (ch4/frequency.erl).

package frequency_test

import (
	"errors"
	"fmt"

	"github.com/scalability-go/otpbook/ch04/frequency"
	"github.com/scalability-go/otpbook/otp"
	"github.com/scalability-go/otpbook/otp/genserver"
	"github.com/scalability-go/otpbook/otp/sys"
)

// The book's session: seven allocations, the last refused; a frequency
// freed twice is handed out twice; stop is a cast, and after it calls
// fail with noproc.
func Example() {
	n, _ := otp.NewNode()
	defer n.Stop()
	self := n.Attach()
	defer self.Detach()

	_, err := frequency.Allocate(self)
	fmt.Println(err)
	frequency.Start(self)
	_, err = frequency.Start(self)
	fmt.Println(errors.Is(err, genserver.ErrAlreadyStarted))
	for range 7 {
		fmt.Println(frequency.Allocate(self))
	}
	frequency.Deallocate(self, 10)
	frequency.Deallocate(self, 10)
	s, _ := sys.GetState(self, frequency.Name)
	fmt.Println(s.(frequency.State).Free)
	fmt.Println(frequency.Allocate(self))
	fmt.Println(frequency.Allocate(self))

	pid, _ := n.WhereIs(frequency.Name)
	self.Monitor(pid)
	frequency.Stop(self)
	fmt.Println(self.Receive().(otp.DownMsg).Reason)
	_, err = frequency.Allocate(self)
	fmt.Println(errors.Is(err, genserver.ErrNoproc))
	// Output:
	// genserver: {noproc,{gen_server,call,[frequency,{allocate,<0.1.0>}]}}
	// true
	// 10 <nil>
	// 11 <nil>
	// 12 <nil>
	// 13 <nil>
	// 14 <nil>
	// 15 <nil>
	// 0 {error,no_frequency}
	// [10 10]
	// 10 <nil>
	// 10 <nil>
	// normal
	// true
}

// Book: chapter 4, "Generic Servers", "Call Timeouts" (ch4/timeout.erl).

package sleeper_test

import (
	"errors"
	"fmt"
	"time"

	"github.com/scalability-go/otpbook/ch04/sleeper"
	"github.com/scalability-go/otpbook/otp"
	"github.com/scalability-go/otpbook/otp/genserver"
)

// A call that waits longer than its timeout fails with the reason
// gen_server:call exits with; the server is unaffected, and its late
// reply never arrives.
func Example() {
	n, _ := otp.NewNode()
	defer n.Stop()
	self := n.Attach()
	defer self.Detach()

	sleeper.Start(self)
	fmt.Println(sleeper.Sleep(self, 10*time.Millisecond))
	err := sleeper.Sleep(self, 200*time.Millisecond, 50*time.Millisecond)
	fmt.Println(errors.Is(err, genserver.ErrTimeout), err)
	fmt.Println(sleeper.Sleep(self, 0, otp.Infinity)) // waits behind the 200 ms
	fmt.Println(self.Flush())
	// Output:
	// <nil>
	// true genserver: {timeout,{gen_server,call,[timeout,{sleep,200},50]}}
	// <nil>
	// []
}

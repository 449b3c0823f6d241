// Book: chapter 4, "Generic Servers", "Hibernating Behaviours".

package hibernate_test

import (
	"fmt"

	"github.com/scalability-go/otpbook/ch04/hibernate"
	"github.com/scalability-go/otpbook/otp"
)

// The server drops its data and hibernates; the next call wakes it, and it
// answers with its state as it left it.
func Example() {
	n, _ := otp.NewNode()
	defer n.Stop()
	self := n.Attach()
	defer self.Detach()

	hibernate.Start(self)
	hibernate.Fill(self, 1_000_000)
	fmt.Println(hibernate.Size(self))
	hibernate.Hibernate(self)
	fmt.Println(hibernate.Size(self))
	hibernate.Clear(self)
	fmt.Println(hibernate.Size(self))
	// Output:
	// 1000000 <nil>
	// 1000000 <nil>
	// 0 <nil>
}

// Book: chapter 2, "Upgrading Modules" (a shell session).

package upgrade_test

import (
	"fmt"

	"github.com/scalability-go/otpbook/ch02/upgrade"
	"github.com/scalability-go/otpbook/otp"
	"github.com/scalability-go/otpbook/otp/code"
)

// A fully qualified loop follows the module to new versions; a local
// loop stays on the version it entered, and dies when it is purged.
func Example() {
	n, _ := otp.NewNode()
	defer n.Stop()
	self := n.Attach()
	defer self.Detach()

	upgrade.Load(n, 1)
	q, l := upgrade.StartQualified(self), upgrade.StartLocal(self)
	ask := func() {
		vq, _ := upgrade.Ask(self, q)
		vl, err := upgrade.Ask(self, l)
		var local any = vl
		if err != nil {
			local = err.(*upgrade.EndedError).Reason
		}
		fmt.Println("qualified:", vq, "local:", local)
	}
	ask()
	upgrade.Load(n, 2)
	ask()
	ask()
	fmt.Println("soft purge:", code.Of(n).SoftPurge(upgrade.Loop))
	killed, _ := upgrade.Load(n, 3)
	fmt.Println("killed:", killed)
	ask()
	ask()
	// Output:
	// qualified: 1 local: 1
	// qualified: 1 local: 1
	// qualified: 2 local: 1
	// soft purge: false
	// killed: true
	// qualified: 2 local: noproc
	// qualified: 3 local: noproc
}

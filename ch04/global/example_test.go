// Book: chapter 4, "Generic Servers", "Going Global".

package global_test

import (
	"fmt"

	"github.com/scalability-go/otpbook/ch04/frequency"
	"github.com/scalability-go/otpbook/ch04/global"
	"github.com/scalability-go/otpbook/otp"
	"github.com/scalability-go/otpbook/otp/genserver"
	"github.com/scalability-go/otpbook/otp/term"
)

// The frequency server under {global, frequency}: called through the
// global name or {via, global, frequency}, not through the local one.
func Example() {
	n, _ := otp.NewNode()
	defer n.Stop()
	self := n.Attach()
	defer self.Detach()

	pid, _ := global.StartLink(self, global.Name)
	fmt.Println(global.Allocate(self, global.Name))
	fmt.Println(global.Allocate(self, genserver.Via("global", frequency.Name)))
	_, err := global.StartLink(self, global.Name)
	holder, _ := genserver.AlreadyStarted(err)
	fmt.Println(holder == pid)
	_, err = frequency.Allocate(self)
	fmt.Println(err)
	_, err = genserver.Call(self, genserver.Global(term.Atom("nobody")), term.Atom("ping"))
	fmt.Println(err)
	// Output:
	// 10 <nil>
	// 11 <nil>
	// true
	// genserver: {noproc,{gen_server,call,[frequency,{allocate,<0.1.0>}]}}
	// genserver: {noproc,{gen_server,call,[{global,nobody},ping]}}
}

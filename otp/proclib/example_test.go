package proclib_test

import (
	"fmt"

	"github.com/scalability-go/otpbook/otp"
	"github.com/scalability-go/otpbook/otp/proclib"
	"github.com/scalability-go/otpbook/otp/term"
)

func ExampleStartLink() {
	n, _ := otp.NewNode()
	defer n.Stop()
	self := n.Attach()
	defer self.Detach()

	ret, err := proclib.StartLink(self, otp.MFA{Module: "db", Function: "init", Arity: 1}, func(p *otp.Process) {
		proclib.InitAck(p, term.Tuple{term.Atom("ok"), term.Atom("ready")})
		p.Receive()
	}, otp.Infinity)
	fmt.Println(term.Write(ret), err)
	// Output: {ok,ready} <nil>
}

package gen_test

import (
	"errors"
	"fmt"
	"time"

	"github.com/scalability-go/otpbook/otp"
	"github.com/scalability-go/otpbook/otp/gen"
	"github.com/scalability-go/otpbook/otp/term"
)

func ExampleCall() {
	n, _ := otp.NewNode()
	defer n.Stop()
	self := n.Attach()
	defer self.Detach()

	echo := self.Spawn(func(p *otp.Process) {
		for {
			if m, ok := gen.Decode(p.Receive()).(gen.CallMsg); ok {
				gen.Reply(p, m.From, term.Tuple{term.Atom("echo"), m.Request})
			}
		}
	})
	reply, _ := gen.Call(self, echo, func(f gen.From) any { return gen.CallMsg{From: f, Request: term.Atom("hi")} }, time.Second)
	fmt.Println(term.Write(reply))

	_, err := gen.Call(self, term.Atom("nobody"), func(f gen.From) any { return gen.CallMsg{From: f} }, time.Second)
	fmt.Println(errors.Is(err, gen.ErrNoproc), err)
	// Output:
	// {echo,hi}
	// true gen call: exit noproc
}

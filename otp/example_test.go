package otp_test

import (
	"errors"
	"fmt"
	"time"

	"github.com/scalability-go/otpbook/otp"
	"github.com/scalability-go/otpbook/otp/term"
)

// A process that echoes what it is sent, and a main function that acts as
// a process to talk to it.
func Example() {
	n, _ := otp.NewNode()
	defer n.Stop()
	self := n.Attach()
	defer self.Detach()

	echo := self.Spawn(func(p *otp.Process) {
		for {
			msg := p.Receive().(term.Tuple) // {From, Text}
			p.Send(msg[0].(term.Pid), msg[1])
		}
	})
	self.Send(echo, term.Tuple{self.Self(), "hello"})
	fmt.Println(self.Receive())
	// Output: hello
}

// A process that traps exits learns of a linked process's end as a
// message.
func ExampleProcess_SpawnLink() {
	n, _ := otp.NewNode()
	defer n.Stop()
	self := n.Attach()
	defer self.Detach()

	self.TrapExit(true)
	child := self.SpawnLink(func(p *otp.Process) {
		otp.Exit(term.Atom("bye"))
	})
	msg := self.Receive().(otp.ExitMsg)
	fmt.Println(msg.From == child, msg.Reason)
	fmt.Println(term.Write(msg.Term()) == term.Write(term.Tuple{term.Atom("EXIT"), child, term.Atom("bye")}))
	// Output:
	// true bye
	// true
}

// A monitor tells of a process's end, and of a process that never was.
func ExampleProcess_Monitor() {
	n, _ := otp.NewNode()
	defer n.Stop()
	self := n.Attach()
	defer self.Detach()

	_, ref := self.SpawnMonitor(func(p *otp.Process) { panic("boom") })
	down := self.Receive().(otp.DownMsg)
	fmt.Println(down.Ref == ref, term.Print(down.Reason.(term.Tuple)[0]))

	self.Monitor(term.Atom("nobody"))
	fmt.Println(self.Receive().(otp.DownMsg).Reason)
	// Output:
	// true "boom"
	// noproc
}

// A selective receive takes the message it looks for and leaves the rest
// in order.
func ExampleProcess_ReceiveMatch() {
	n, _ := otp.NewNode()
	defer n.Stop()
	self := n.Attach()
	defer self.Detach()

	for _, m := range []term.Atom{"a", "b", "c"} {
		self.Send(self.Self(), m)
	}
	b, _ := self.ReceiveMatch(func(m any) bool { return m == term.Atom("b") }, otp.Infinity)
	fmt.Println(b, self.Flush())
	_, ok := self.ReceiveTimeout(0)
	fmt.Println(ok)
	// Output:
	// b [a c]
	// false
}

// Names: sending to a name nobody has is badarg, as in Erlang.
func ExampleNode_Register() {
	n, _ := otp.NewNode()
	defer n.Stop()
	self := n.Attach()
	defer self.Detach()

	fmt.Println(n.Register("me", self.Self()))
	pid, _ := n.WhereIs("me")
	fmt.Println(pid == self.Self(), n.Registered())
	err := self.SendTo(term.Atom("nobody"), "hi")
	fmt.Println(errors.Is(err, otp.ErrBadarg))
	// Output:
	// <nil>
	// true [me]
	// true
}

// A timer sends a message later; StartTimer wraps it as {timeout, Ref, Msg}.
func ExampleNode_StartTimer() {
	n, _ := otp.NewNode()
	defer n.Stop()
	self := n.Attach()
	defer self.Detach()

	ref, _ := n.StartTimer(10*time.Millisecond, self.Self(), term.Atom("tick"))
	msg := self.Receive().(otp.TimeoutMsg)
	fmt.Println(msg.Ref == ref, msg.Msg)
	_, ok := n.CancelTimer(ref)
	fmt.Println(ok)
	// Output:
	// true tick
	// false
}

// Catch is Erlang's catch: Exit, Error and Throw raise exceptions, and so
// does any Go panic.
func ExampleCatch() {
	e := otp.Catch(func() { otp.Throw(term.Atom("ball")) })
	fmt.Println(e.Class, e.Reason)
	e = otp.Catch(func() { otp.Exit(term.Atom("stop")) })
	fmt.Println(e.Class, e.ExitReason())
	var m map[string]int
	e = otp.Catch(func() { m["x"] = 1 })
	fmt.Println(e.Class, e.Reason)
	// Output:
	// throw ball
	// exit stop
	// error assignment to entry in nil map
}

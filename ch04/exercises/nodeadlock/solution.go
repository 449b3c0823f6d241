//go:build !exercise

// Book: chapter 4, "Generic Servers", "Deadlocks" (exercise: avoid the deadlock).

package nodeadlock

import (
	"github.com/scalability-go/otpbook/otp"
	"github.com/scalability-go/otpbook/otp/gen"
	"github.com/scalability-go/otpbook/otp/genserver"
	"github.com/scalability-go/otpbook/otp/term"
)

// askOther is handle_call(ask_other, From, State): the caller must get
// what the other server answers to ping (pong), and the server must not
// wait for it.
//
// The server hands the call to a helper process and returns {noreply,
// State} at once; the helper calls the other server and answers the
// caller through From. The server is free for the other server's ping
// meanwhile. A failed call is answered {error, Reason} rather than
// crashing anyone.
func askOther(p *otp.Process, from gen.From, s State) genserver.Result[State] {
	other := s.Other
	p.Spawn(func(helper *otp.Process) {
		r, err := genserver.Call(helper, other, Ping)
		if err != nil {
			r = term.Tuple{term.Atom("error"), err.(*genserver.CallError).Reason}
		}
		genserver.ReplyTo(helper, from, r)
	})
	return genserver.NoReply(s)
}

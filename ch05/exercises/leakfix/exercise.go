//go:build exercise

// Book: chapter 5, "Controlling OTP Behaviours" (exercise: the leak of the suspend experiment, fixed).

package leakfix

import (
	"github.com/scalability-go/otpbook/ch04/frequency"
	"github.com/scalability-go/otpbook/otp"
	"github.com/scalability-go/otpbook/otp/gen"
	"github.com/scalability-go/otpbook/otp/genserver"
)

// HandleCall is handle_call({allocate, Pid}, From, State): allocate, and
// monitor the client.
func (Server) HandleCall(p *otp.Process, req any, from gen.From, s frequency.State) genserver.Result[frequency.State] {
	// Your code here. (This is chapter 4's: it leaks.)
	return frequency.Server{}.HandleCall(p, req, from, s)
}

// HandleInfo gives back the frequencies of a client that died; other
// messages are ignored.
func (Server) HandleInfo(p *otp.Process, msg any, s frequency.State) genserver.Result[frequency.State] {
	// Your code here.
	return genserver.NoReply(s)
}

//go:build !exercise

// Book: chapter 5, "Controlling OTP Behaviours" (exercise: the leak of the suspend experiment, fixed).

package leakfix

import (
	"github.com/scalability-go/otpbook/ch04/frequency"
	"github.com/scalability-go/otpbook/otp"
	"github.com/scalability-go/otpbook/otp/gen"
	"github.com/scalability-go/otpbook/otp/genserver"
	"github.com/scalability-go/otpbook/otp/term"
)

// HandleCall is handle_call({allocate, Pid}, From, State): allocate, and
// monitor the client.
func (Server) HandleCall(p *otp.Process, req any, from gen.From, s frequency.State) genserver.Result[frequency.State] {
	r := frequency.Server{}.HandleCall(p, req, from, s) // chapter 4's: crashes on anything else
	if t, ok := req.(term.Tuple); ok && len(t) == 2 {
		if pid, ok := t[1].(term.Pid); ok {
			_, _ = p.Monitor(pid)
		}
	}
	return r
}

// HandleInfo gives back the frequencies of a client that died; other
// messages are ignored.
func (Server) HandleInfo(_ *otp.Process, msg any, s frequency.State) genserver.Result[frequency.State] {
	d, ok := msg.(otp.DownMsg)
	if !ok {
		return genserver.NoReply(s)
	}
	for _, a := range s.Allocated {
		if a.Pid == d.Item {
			s = s.Deallocate(a.Freq)
		}
	}
	return genserver.NoReply(s)
}

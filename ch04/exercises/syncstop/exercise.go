//go:build exercise

// Book: chapter 4, "Generic Servers", "Termination" (exercise: a synchronous stop for ch4/frequency.erl).

package syncstop

import (
	"github.com/scalability-go/otpbook/ch04/frequency"
	"github.com/scalability-go/otpbook/otp"
	"github.com/scalability-go/otpbook/otp/genserver"
)

// handleStop is handle_call(stop, _From, State): the server answers ok
// and stops with reason normal, running terminate first.
func handleStop(p *otp.Process, s frequency.State) genserver.Result[frequency.State] {
	// Your code here.
	return genserver.NoReply(s)
}

// Stop stops the server registered as frequency with the call stop, and
// returns once the server has terminated: its process is gone and its name
// free. With no server, the error matches genserver.ErrNoproc.
func Stop(p *otp.Process) error {
	// Your code here.
	return nil
}

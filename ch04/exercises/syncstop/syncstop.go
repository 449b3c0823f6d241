// Book: chapter 4, "Generic Servers", "Termination" (exercise: a synchronous stop for ch4/frequency.erl).

// Package syncstop is an exercise: the frequency server of package
// frequency whose stop is a call that returns once the server is gone.
// See README.md.
package syncstop

import (
	"github.com/scalability-go/otpbook/ch04/frequency"
	"github.com/scalability-go/otpbook/otp"
	"github.com/scalability-go/otpbook/otp/gen"
	"github.com/scalability-go/otpbook/otp/genserver"
	"github.com/scalability-go/otpbook/otp/term"
)

// Name is the server's registered name.
const Name = frequency.Name

// StopRequest is the call stop.
const StopRequest term.Atom = "stop"

// Server is the callback module: frequency.Server, whose handle_call also
// serves the call stop (handleStop).
type Server struct{ frequency.Server }

// HandleCall serves stop with handleStop, and allocate as frequency does.
func (s Server) HandleCall(p *otp.Process, req any, from gen.From, st frequency.State) genserver.Result[frequency.State] {
	if req == StopRequest {
		return handleStop(p, st)
	}
	return s.Server.HandleCall(p, req, from, st)
}

// Start starts the server, registered as frequency and linked to p.
func Start(p *otp.Process) (term.Pid, error) {
	return genserver.StartLink(p, genserver.Local(Name), genserver.Adapt[frequency.State](Server{}), term.List{})
}

// Allocate is frequency.Allocate.
func Allocate(p *otp.Process) (int, error) { return frequency.Allocate(p) }

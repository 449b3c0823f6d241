// Book: chapter 3, "Behaviours" (exercise: clean up on stop in the frequency server).

// Package stopcleanup is an exercise: the frequency server of package
// behavior whose terminate tells the clients still holding a frequency
// that it is gone. See README.md.
package stopcleanup

import (
	"github.com/scalability-go/otpbook/ch03/behavior"
	"github.com/scalability-go/otpbook/ch03/server"
	"github.com/scalability-go/otpbook/otp"
	"github.com/scalability-go/otpbook/otp/term"
)

// Name is the server's registered name.
const Name term.Atom = "frequency"

// Revoked is the tag of the message a holder gets on stop:
// {revoked, Freq}.
const Revoked term.Atom = "revoked"

// Frequency is the callback module: behavior.Frequency with Terminate.
type Frequency struct{ behavior.Frequency }

// Start starts the server.
func Start(p *otp.Process) (term.Pid, error) {
	return server.Start(p, Name, Frequency{}, term.List{})
}

// Allocate asks for a frequency.
func Allocate(p *otp.Process) (term.Term, error) {
	return server.Call(p, Name, term.Tuple{term.Atom("allocate"), p.Self()})
}

// Stop stops the server, returning what Terminate returned.
func Stop(p *otp.Process) (term.Term, error) { return server.Stop(p, Name) }

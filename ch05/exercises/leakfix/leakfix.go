// Book: chapter 5, "Controlling OTP Behaviours" (exercise: the leak of the suspend experiment, fixed).

// Package leakfix is an exercise: chapter 4's frequency server, which
// hands a frequency to a caller that gave up or died, made to take it
// back when the caller is gone, by monitoring its clients. See README.md.
package leakfix

import (
	"github.com/scalability-go/otpbook/ch04/frequency"
	"github.com/scalability-go/otpbook/otp"
	"github.com/scalability-go/otpbook/otp/genserver"
	"github.com/scalability-go/otpbook/otp/term"
)

// Server is the callback module: chapter 4's, whose callbacks it embeds,
// with its own HandleCall and HandleInfo.
type Server struct{ frequency.Server }

var _ genserver.InfoHandler[frequency.State] = Server{}

// Callbacks returns the callback module, named frequency as chapter 4's.
func Callbacks() *genserver.Impl {
	return genserver.NewModule[frequency.State](frequency.Name, Server{}).Impl.(*genserver.Impl)
}

// StartLink starts the server, registered as frequency, linked to p; the
// clients are chapter 4's (frequency.Allocate, ...).
func StartLink(p *otp.Process) (term.Pid, error) {
	return genserver.StartLink(p, genserver.Local(frequency.Name), Callbacks(), term.List{})
}

// Book: chapter 5, "Controlling OTP Behaviours" (exercise: format_status for privacy).

// Package privacy is an exercise: chapter 4's frequency server with a
// format_status that hides who holds the frequencies, for sys:get_status
// and for crash reports. See README.md.
package privacy

import (
	"github.com/scalability-go/otpbook/ch04/frequency"
	"github.com/scalability-go/otpbook/otp"
	"github.com/scalability-go/otpbook/otp/genserver"
	"github.com/scalability-go/otpbook/otp/term"
)

// Server is the callback module: chapter 4's, whose callbacks it embeds,
// with its own FormatStatus.
type Server struct{ frequency.Server }

var _ genserver.StatusFormatter[frequency.State] = Server{}

// Callbacks returns the callback module, named frequency as chapter 4's.
func Callbacks() *genserver.Impl {
	return genserver.NewModule[frequency.State](frequency.Name, Server{}).Impl.(*genserver.Impl)
}

// StartLink starts the server, registered as frequency, linked to p; the
// clients are chapter 4's (frequency.Allocate, ...).
func StartLink(p *otp.Process) (term.Pid, error) {
	return genserver.StartLink(p, genserver.Local(frequency.Name), Callbacks(), term.List{})
}

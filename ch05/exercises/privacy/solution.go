//go:build !exercise

// Book: chapter 5, "Controlling OTP Behaviours" (exercise: format_status for privacy).

package privacy

import (
	"github.com/scalability-go/otpbook/ch04/frequency"
	"github.com/scalability-go/otpbook/otp"
	"github.com/scalability-go/otpbook/otp/term"
)

// FormatStatus is format_status(Opt, [PDict, State]): {data, [{"State",
// {{available, NFree}, {allocated, NAllocated}}}]}, counts only.
func (Server) FormatStatus(_ *otp.Process, _ term.Atom, _ term.Term, s frequency.State) term.Term {
	return term.Tuple{term.Atom("data"), term.List{term.Tuple{"State", term.Tuple{
		term.Tuple{term.Atom("available"), len(s.Free)},
		term.Tuple{term.Atom("allocated"), len(s.Allocated)},
	}}}}
}

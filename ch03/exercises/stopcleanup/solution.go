//go:build !exercise

// Book: chapter 3, "Behaviours" (exercise: clean up on stop in the frequency server).

package stopcleanup

import (
	"github.com/scalability-go/otpbook/ch03/behavior"
	"github.com/scalability-go/otpbook/otp"
	"github.com/scalability-go/otpbook/otp/term"
)

// Terminate sends every client still holding a frequency the message
// {revoked, Freq}, one for each frequency it holds, and returns ok.
func (Frequency) Terminate(p *otp.Process, s behavior.State) term.Term {
	for _, a := range s.Allocated {
		if pid, ok := a.Pid.(term.Pid); ok {
			p.Send(pid, term.Tuple{Revoked, a.Freq})
		}
	}
	return term.OK
}

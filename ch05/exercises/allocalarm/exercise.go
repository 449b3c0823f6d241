//go:build exercise

// Book: chapter 5, "Controlling OTP Behaviours" (exercise: an allocation alarm as a trace function).

package allocalarm

import (
	"github.com/scalability-go/otpbook/otp"
	"github.com/scalability-go/otpbook/otp/sys"
	"github.com/scalability-go/otpbook/otp/term"
)

// Alarm returns a trace function whose state is whether the alarm is
// raised: it sends to Raised{Proc} when the server's free list becomes
// empty, and Cleared{Proc} when it is no longer empty.
func Alarm(n *otp.Node, to term.Pid) sys.DebugFunc {
	return func(state any, ev, proc term.Term) any {
		// Your code here.
		return state
	}
}

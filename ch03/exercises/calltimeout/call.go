//go:build exercise

// Book: chapter 3, "Behaviours" (exercise: a call with a timeout, after "Message Passing: Under the Hood").

package calltimeout

import (
	"time"

	"github.com/scalability-go/otpbook/ch03/callserver"
	"github.com/scalability-go/otpbook/otp"
	"github.com/scalability-go/otpbook/otp/term"
)

// CallTimeout is callserver.Call that waits at most d for the reply: it
// returns ErrTimeout when none came in time, callserver.ErrNoProc when
// the server is not there or dies first, and leaves no DOWN behind.
func CallTimeout(p *otp.Process, dest, msg term.Term, d time.Duration) (term.Term, error) {
	// Your code here. This one waits for as long as it takes.
	return callserver.Call(p, dest, msg)
}

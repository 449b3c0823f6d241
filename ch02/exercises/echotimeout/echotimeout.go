//go:build exercise

// Book: chapter 2, "Processes and Message Passing" (exercise: ch2/echo.erl with a timeout).

package echotimeout

import (
	"time"

	"github.com/scalability-go/otpbook/otp"
	"github.com/scalability-go/otpbook/otp/term"
)

// Ask sends {self(), msg} from p to the echo process echo and returns
// its answer: the Reply of the message {Echo, Reply} that echo sends
// back. It waits at most timeout, and reports false if no answer came.
// Other messages of p stay queued, in order.
func Ask(p *otp.Process, echo term.Pid, msg term.Term, timeout time.Duration) (term.Term, bool) {
	// Your code here.
	return nil, false
}

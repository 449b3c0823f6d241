//go:build !exercise

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
//
// In Erlang: receive {Echo, Reply} -> Reply after Timeout -> timeout end.
func Ask(p *otp.Process, echo term.Pid, msg term.Term, timeout time.Duration) (term.Term, bool) {
	p.Send(echo, term.Tuple{p.Self(), msg})
	answer, ok := p.ReceiveMatch(func(m any) bool {
		t, ok := m.(term.Tuple)
		return ok && len(t) == 2 && t[0] == echo
	}, timeout)
	if !ok {
		return nil, false
	}
	return answer.(term.Tuple)[1], true
}

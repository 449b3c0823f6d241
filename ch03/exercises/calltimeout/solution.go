//go:build !exercise

// Book: chapter 3, "Behaviours" (exercise: a call with a timeout, after "Message Passing: Under the Hood").

package calltimeout

import (
	"fmt"
	"time"

	"github.com/scalability-go/otpbook/ch03/callserver"
	"github.com/scalability-go/otpbook/otp"
	"github.com/scalability-go/otpbook/otp/term"
)

// CallTimeout is callserver.Call that waits at most d for the reply: it
// returns ErrTimeout when none came in time, callserver.ErrNoProc when
// the server is not there or dies first, and leaves no DOWN behind.
//
// A reply that comes after the timeout still reaches p's mailbox, as
// {reply, Ref, Reply} with the reference of the abandoned call: no later
// call takes it, as each waits for its own reference. (gen_server:call
// sends its request under a monitor alias, which the server replies to,
// and which dies with the timeout: there the late reply is dropped.)
func CallTimeout(p *otp.Process, dest, msg term.Term, d time.Duration) (term.Term, error) {
	ref, err := p.Monitor(dest)
	if err != nil {
		return nil, fmt.Errorf("calltimeout: bad destination %s: %w", term.Write(dest), err)
	}
	_ = p.SendTo(dest, term.Tuple{term.Atom("request"), term.Tuple{ref, p.Self()}, msg})
	m, _ := p.ReceiveRef(ref, func(m any) bool {
		switch v := m.(type) {
		case term.Tuple:
			return len(v) == 3 && v[0] == term.Atom("reply") && v[1] == ref
		case otp.DownMsg:
			return v.Ref == ref
		}
		return false
	}, d)
	switch v := m.(type) {
	case term.Tuple:
		p.Demonitor(ref, otp.Flush)
		return v[2], nil
	case otp.DownMsg:
		return nil, callserver.ErrNoProc
	}
	p.Demonitor(ref, otp.Flush)
	return nil, ErrTimeout
}

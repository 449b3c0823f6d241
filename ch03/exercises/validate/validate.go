// Book: chapter 3, "Behaviours" (exercise: validate deallocation in the frequency server).

// Package validate is an exercise: the frequency server of package
// behavior, whose deallocate checks that the frequency is allocated, and
// to the process that frees it. See README.md.
package validate

import (
	"github.com/scalability-go/otpbook/ch03/behavior"
	"github.com/scalability-go/otpbook/ch03/server"
	"github.com/scalability-go/otpbook/otp"
	"github.com/scalability-go/otpbook/otp/term"
)

// Name is the server's registered name.
const Name term.Atom = "frequency"

// ErrNotAllocated is the answer to a deallocate of a frequency that the
// client does not hold: {error, not_allocated}.
var ErrNotAllocated = behavior.Error{Reason: "not_allocated"}

// Frequency is the callback module: behavior.Frequency, whose handle
// takes {deallocate, Freq, Pid} and answers it with Deallocate.
type Frequency struct{ behavior.Frequency }

// Handle handles {allocate, Pid} as behavior.Frequency does, and
// {deallocate, Freq, Pid} with Deallocate.
func (f Frequency) Handle(p *otp.Process, msg term.Term, s behavior.State) (behavior.State, term.Term) {
	if t, ok := msg.(term.Tuple); ok && len(t) == 3 && t[0] == term.Atom("deallocate") {
		return Deallocate(s, t[1], t[2])
	}
	return f.Frequency.Handle(p, msg, s)
}

// Start starts the server.
func Start(p *otp.Process) (term.Pid, error) {
	return server.Start(p, Name, Frequency{}, term.List{})
}

// Allocate asks for a frequency: {ok, Freq} or {error, no_frequency}.
func Allocate(p *otp.Process) (term.Term, error) {
	return server.Call(p, Name, term.Tuple{term.Atom("allocate"), p.Self()})
}

// DeallocateFreq gives back a frequency p holds: ok, or {error,
// not_allocated}.
func DeallocateFreq(p *otp.Process, f term.Term) (term.Term, error) {
	return server.Call(p, Name, term.Tuple{term.Atom("deallocate"), f, p.Self()})
}

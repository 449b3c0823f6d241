// Book: chapter 3, "Behaviours" (exercise: one frequency per client).

// Package onefreq is an exercise: the frequency server of package
// behavior, which hands a client at most one frequency. See README.md.
package onefreq

import (
	"github.com/scalability-go/otpbook/ch03/behavior"
	"github.com/scalability-go/otpbook/ch03/server"
	"github.com/scalability-go/otpbook/otp"
	"github.com/scalability-go/otpbook/otp/term"
)

// Name is the server's registered name.
const Name term.Atom = "frequency"

// ErrAlreadyAllocated is the answer to allocate from a client that holds
// a frequency: {error, already_allocated}.
var ErrAlreadyAllocated = behavior.Error{Reason: "already_allocated"}

// Frequency is the callback module: behavior.Frequency, whose handle
// answers {allocate, Pid} with Allocate.
type Frequency struct{ behavior.Frequency }

// Handle handles {allocate, Pid} with Allocate, and {deallocate, Freq}
// as behavior.Frequency does.
func (f Frequency) Handle(p *otp.Process, msg term.Term, s behavior.State) (behavior.State, term.Term) {
	if t, ok := msg.(term.Tuple); ok && len(t) == 2 && t[0] == term.Atom("allocate") {
		return Allocate(s, t[1])
	}
	return f.Frequency.Handle(p, msg, s)
}

// Start starts the server.
func Start(p *otp.Process) (term.Pid, error) {
	return server.Start(p, Name, Frequency{}, term.List{})
}

// AllocateFreq asks for a frequency: {ok, Freq}, {error, no_frequency}
// or {error, already_allocated}.
func AllocateFreq(p *otp.Process) (term.Term, error) {
	return server.Call(p, Name, term.Tuple{term.Atom("allocate"), p.Self()})
}

// DeallocateFreq gives a frequency back.
func DeallocateFreq(p *otp.Process, f term.Term) (term.Term, error) {
	return server.Call(p, Name, term.Tuple{term.Atom("deallocate"), f})
}

//go:build exercise

// Book: chapter 4, "Generic Servers" (exercise: monitor the clients of ch4/frequency.erl).

package monitorclients

import (
	"github.com/scalability-go/otpbook/otp"
	"github.com/scalability-go/otpbook/otp/term"
)

// allocate hands the head of the free list to pid, monitoring pid, and
// returns the new state and {ok, Freq}; or s and {error, no_frequency}.
func allocate(p *otp.Process, s State, pid term.Pid) (State, term.Term) {
	// Your code here.
	return s, term.Tuple{term.Atom("error"), term.Atom("no_frequency")}
}

// deallocate takes freq back, if it is allocated, and removes the monitor
// on its client.
func deallocate(p *otp.Process, s State, freq int) State {
	// Your code here.
	return s
}

// down takes back the frequency the dead client of d held, if any.
func down(s State, d otp.DownMsg) State {
	// Your code here.
	return s
}

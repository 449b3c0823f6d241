//go:build !exercise

// Book: chapter 4, "Generic Servers" (exercise: monitor the clients of ch4/frequency.erl).

package monitorclients

import (
	"slices"

	"github.com/scalability-go/otpbook/otp"
	"github.com/scalability-go/otpbook/otp/term"
)

// allocate hands the head of the free list to pid, monitoring pid, and
// returns the new state and {ok, Freq}; or s and {error, no_frequency}.
func allocate(p *otp.Process, s State, pid term.Pid) (State, term.Term) {
	if len(s.Free) == 0 {
		return s, term.Tuple{term.Atom("error"), term.Atom("no_frequency")}
	}
	ref, err := p.Monitor(pid)
	if err != nil {
		// Only a pid of another node could fail; refuse it.
		return s, term.Tuple{term.Atom("error"), term.Atom("badarg")}
	}
	f := s.Free[0]
	s.Free = s.Free[1:]
	s.Allocated = append([]Allocation{{f, pid, ref}}, s.Allocated...)
	return s, term.Tuple{term.OK, f}
}

// deallocate takes freq back, if it is allocated, and removes the monitor
// on its client (with its DOWN, should one be queued already).
func deallocate(p *otp.Process, s State, freq int) State {
	i := slices.IndexFunc(s.Allocated, func(a Allocation) bool { return a.Freq == freq })
	if i < 0 {
		return s
	}
	p.Demonitor(s.Allocated[i].Ref, otp.Flush)
	s.Allocated = slices.Delete(s.Allocated, i, i+1)
	s.Free = append([]int{freq}, s.Free...)
	return s
}

// down takes back the frequency the dead client of d held, if any: the
// allocation with d's reference.
func down(s State, d otp.DownMsg) State {
	i := slices.IndexFunc(s.Allocated, func(a Allocation) bool { return a.Ref == d.Ref })
	if i < 0 {
		return s
	}
	s.Free = append([]int{s.Allocated[i].Freq}, s.Free...)
	s.Allocated = slices.Delete(s.Allocated, i, i+1)
	return s
}

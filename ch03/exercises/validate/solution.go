//go:build !exercise

// Book: chapter 3, "Behaviours" (exercise: validate deallocation in the frequency server).

package validate

import (
	"github.com/scalability-go/otpbook/ch03/behavior"
	"github.com/scalability-go/otpbook/otp/term"
)

// Deallocate gives freq back on behalf of pid: when pid holds freq it
// returns the state with freq free again, and ok; otherwise the state
// unchanged and {error, not_allocated} (ErrNotAllocated.Term()).
func Deallocate(s behavior.State, freq, pid term.Term) (behavior.State, term.Term) {
	for i, a := range s.Allocated {
		if term.Exact(a.Freq, freq) && term.Exact(a.Pid, pid) {
			alloc := append(append([]behavior.Allocation{}, s.Allocated[:i]...), s.Allocated[i+1:]...)
			return behavior.State{Free: append([]term.Term{freq}, s.Free...), Allocated: alloc}, term.OK
		}
	}
	return s, ErrNotAllocated.Term()
}

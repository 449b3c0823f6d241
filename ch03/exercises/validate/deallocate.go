//go:build exercise

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
	// Your code here. This is the book's: it checks nothing.
	return s.Deallocate(freq), term.OK
}

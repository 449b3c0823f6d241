//go:build exercise

// Book: chapter 3, "Behaviours" (exercise: one frequency per client).

package onefreq

import (
	"github.com/scalability-go/otpbook/ch03/behavior"
	"github.com/scalability-go/otpbook/otp/term"
)

// Allocate hands pid the head of the free list, as s.Allocate does,
// unless pid already holds a frequency: then it returns s unchanged and
// {error, already_allocated} (ErrAlreadyAllocated.Term()).
func Allocate(s behavior.State, pid term.Term) (behavior.State, term.Term) {
	// Your code here. This is the book's: a client may take them all.
	return s.Allocate(pid)
}

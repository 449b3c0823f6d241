//go:build exercise

// Book: chapter 3, "Behaviours" (exercise: asynchronous requests in the generic server).

package cast

import (
	"github.com/scalability-go/otpbook/otp"
	"github.com/scalability-go/otpbook/otp/term"
)

// Cast sends msg to the server registered as name, as {cast, Msg}, and
// returns at once: no reply comes. It returns ErrNotRunning when nobody
// has the name.
func Cast(p *otp.Process, name term.Atom, msg term.Term) error {
	// Your code here.
	return nil
}

// Deallocate gives a frequency back with a cast of {deallocate, F}.
func Deallocate(p *otp.Process, f term.Term) error {
	// Your code here.
	return nil
}

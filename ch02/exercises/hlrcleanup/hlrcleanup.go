//go:build exercise

// Book: chapter 2, "ETS: Erlang Term Storage" (exercise: ch2/hlr.erl that cleans up).

package hlrcleanup

import (
	"errors"

	"github.com/scalability-go/otpbook/otp"
	"github.com/scalability-go/otpbook/otp/term"
)

// ErrNoOwner is the error of a call when no owner process runs.
var ErrNoOwner = errors.New("hlr: no owner process")

// New starts the owner process, registered as Owner, which creates the
// tables (protected, named) and then serves Attach, Detach, Sync and Stop.
// It returns the owner's pid once the tables exist, or the error of
// ets.New when they could not be made (the names are taken).
func New(p *otp.Process) (term.Pid, error) {
	// Your code here.
	return term.Pid{}, nil
}

// Attach makes p the handler of ms, and of ms only: the number p had
// before, if any, is removed, and so is ms from the process that had it.
// The owner monitors p from then on.
func Attach(p *otp.Process, ms int) error {
	// Your code here.
	return nil
}

// Detach removes p's number, both ways, and reports whether p had one.
func Detach(p *otp.Process) (bool, error) {
	// Your code here.
	return false, nil
}

// Sync returns once the owner has removed the entries of every attached
// process that is no longer alive.
func Sync(p *otp.Process) error {
	// Your code here.
	return nil
}

// Stop stops the owner, and returns once it is gone: the tables and the
// owner's name go with it.
func Stop(p *otp.Process) error {
	// Your code here.
	return nil
}

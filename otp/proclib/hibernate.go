package proclib

import (
	"github.com/scalability-go/otpbook/otp"
	"github.com/scalability-go/otpbook/otp/term"
)

// hibernation is the reason of the exception Hibernate raises to unwind
// the caller's stack up to the proc_lib wrapper.
type hibernation struct{ fn func(*otp.Process) }

// Hibernate makes a proc_lib process hibernate, as proc_lib:hibernate/3
// does: the caller's stack is discarded (unwound up to the wrapper every
// proc_lib process runs in), the process waits for a message with its
// mailbox's memory given back (otp.Process.Hibernate), and then fn is
// called, with the same crash reporting as the process's first function.
//
// Hibernate does not return. It must be called from a process started by
// this package, and not from within otp.Catch, which would catch the
// unwinding; elsewhere it raises error badarg.
func Hibernate(p *otp.Process, fn func(*otp.Process)) {
	if _, ok := p.Get(parentKey{}).(term.Pid); !ok || fn == nil {
		otp.Error(term.Atom("badarg"))
	}
	// An empty, non-nil stack: the runtime does not collect a stacktrace
	// for an unwinding that is not an error.
	panic(&otp.Exception{Class: otp.ClassThrow, Reason: &hibernation{fn: fn}, Stack: term.List{}})
}

// Book: chapter 5, "Controlling OTP Behaviours" (exercise: an allocation alarm as a trace function).

// Package allocalarm is an exercise: a trace function, installed in the
// running frequency server with sys:install, that raises an alarm when
// the last frequency is handed out and clears it when one comes back.
// See README.md.
package allocalarm

import "github.com/scalability-go/otpbook/otp/term"

// Raised is the message Alarm sends when the free list becomes empty.
type Raised struct{ Proc term.Term }

// Term returns {alarm_raised, Proc}.
func (r Raised) Term() term.Term { return term.Tuple{term.Atom("alarm_raised"), r.Proc} }

// Cleared is the message Alarm sends when a frequency comes back.
type Cleared struct{ Proc term.Term }

// Term returns {alarm_cleared, Proc}.
func (c Cleared) Term() term.Term { return term.Tuple{term.Atom("alarm_cleared"), c.Proc} }

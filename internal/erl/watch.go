// Book: chapter 2, "Recursion and Pattern Matching" (long recursions).

package erl

import "github.com/scalability-go/otpbook/otp"

// Watch lets a long computation in process p be killed: called on every
// step, it looks, every 1024 steps, whether p has been killed, and if so
// unwinds p as its next call into the runtime would. Go cannot stop a
// goroutine from outside (see package otp), so a loop that never calls
// the runtime must look for itself.
func Watch(p *otp.Process, step int) {
	if p != nil && step&1023 == 0 && p.Context().Err() != nil {
		p.Sleep(0)
	}
}

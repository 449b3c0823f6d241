//go:build exercise

// Book: chapter 4, "Generic Servers", "Deadlocks" (exercise: avoid the deadlock).

package nodeadlock

import (
	"github.com/scalability-go/otpbook/otp"
	"github.com/scalability-go/otpbook/otp/gen"
	"github.com/scalability-go/otpbook/otp/genserver"
)

// askOther is handle_call(ask_other, From, State): the caller must get
// what the other server answers to ping (pong), and the server must not
// wait for it.
func askOther(p *otp.Process, from gen.From, s State) genserver.Result[State] {
	// This is the deadlock: while a waits for b, b waits for a.
	return genserver.Reply(genserver.MustCall(p, s.Other, Ping), s)
}

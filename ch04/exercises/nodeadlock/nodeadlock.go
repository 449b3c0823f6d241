// Book: chapter 4, "Generic Servers", "Deadlocks" (exercise: avoid the deadlock).

// Package nodeadlock is an exercise: two servers that each call the other
// on behalf of their clients, without the deadlock of package deadlock.
// See README.md.
package nodeadlock

import (
	"time"

	"github.com/scalability-go/otpbook/internal/erl"
	"github.com/scalability-go/otpbook/otp"
	"github.com/scalability-go/otpbook/otp/gen"
	"github.com/scalability-go/otpbook/otp/genserver"
	"github.com/scalability-go/otpbook/otp/term"
)

// The calls the server knows: ask_other (ask the other server for ping,
// and reply what it replied) and ping (reply pong).
const (
	AskOther term.Atom = "ask_other"
	Ping     term.Atom = "ping"
)

// State is the server's state: the name of the other server.
type State struct{ Other term.Atom }

// Term returns the other server's name.
func (s State) Term() term.Term { return s.Other }

// Server is the callback module.
type Server struct{}

// Start starts a server registered as name, whose other server is other.
func Start(p *otp.Process, name, other term.Atom) (term.Pid, error) {
	return genserver.Start(p, genserver.Local(name), genserver.Adapt[State](Server{}), other)
}

// Call calls the server registered as name.
func Call(p *otp.Process, name, req term.Atom, timeout ...time.Duration) (term.Term, error) {
	return genserver.Call(p, name, req, timeout...)
}

// Init is init(Other).
func (Server) Init(_ *otp.Process, other term.Term) genserver.InitResult[State] {
	return genserver.Ok(State{Other: other.(term.Atom)})
}

// HandleCall serves ask_other with askOther, and ping.
func (Server) HandleCall(p *otp.Process, req any, from gen.From, s State) genserver.Result[State] {
	switch req {
	case AskOther:
		return askOther(p, from, s)
	case Ping:
		return genserver.Reply(term.Atom("pong"), s)
	}
	erl.FunctionClause("nodeadlock", "handle_call", req, from.Term(), s.Term())
	panic("unreachable")
}

// HandleCast ignores casts.
func (Server) HandleCast(_ *otp.Process, _ any, s State) genserver.Result[State] {
	return genserver.NoReply(s)
}

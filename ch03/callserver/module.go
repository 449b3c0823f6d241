// Book: chapter 3, "Behaviours" (Message Passing: Under the Hood: ch3/call/server.erl).

package callserver

import (
	"github.com/scalability-go/otpbook/ch03/internal/bif"
	"github.com/scalability-go/otpbook/ch03/server"
	"github.com/scalability-go/otpbook/otp"
	"github.com/scalability-go/otpbook/otp/code"
	"github.com/scalability-go/otpbook/otp/term"
)

// Module returns the Erlang module server of ch3/call, exporting start/2,
// stop/1, call/2 and init/2, with package server's callback modules by
// name (server.Named).
//
// call/2 returns {error, no_proc} where the naive one raised badarg or
// waited for ever; it raises badarg from monitor/2 for a destination
// that is neither a pid, a name nor {Name, Node}. start/2 and stop/1
// fail as the naive ones do.
func Module() *code.Module {
	return &code.Module{
		Name: "server",
		Exports: map[code.FA]code.Func{
			{Function: "start", Arity: 2}: func(p *otp.Process, args []term.Term) term.Term {
				name, _ := args[0].(term.Atom)
				pid, _ := p.SpawnOpt(func(q *otp.Process) {
					Init(q, server.Named(name), args[1])
				}, otp.SpawnOptions{InitialCall: &InitMFA})
				return bif.Register(p, args[0], pid, bif.Caller("server", "start", 2))
			},
			{Function: "call", Arity: 2}: func(p *otp.Process, args []term.Term) term.Term {
				ref := bif.Monitor(p, args[0], bif.Caller("server", "call", 2))
				_ = p.SendTo(args[0], term.Tuple{request, term.Tuple{ref, p.Self()}, args[1]})
				r, err := await(p, ref)
				if err != nil {
					return ErrNoProc.Term()
				}
				return r
			},
			{Function: "stop", Arity: 1}: func(p *otp.Process, args []term.Term) term.Term {
				bif.Send(p, args[0], term.Tuple{stop, p.Self()}, bif.Caller("server", "stop", 1))
				return receiveReply(p)
			},
			{Function: "init", Arity: 2}: func(p *otp.Process, args []term.Term) term.Term {
				name, _ := args[0].(term.Atom)
				Init(p, server.Named(name), args[1])
				return term.OK
			},
		},
	}
}

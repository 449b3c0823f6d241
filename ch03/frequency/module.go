// Book: chapter 3, "Behaviours" (ch3/frequency.erl: the hand-written frequency server).

package frequency

import (
	"github.com/scalability-go/otpbook/ch03/internal/bif"
	"github.com/scalability-go/otpbook/otp"
	"github.com/scalability-go/otpbook/otp/code"
	"github.com/scalability-go/otpbook/otp/term"
)

// Module returns the Erlang module frequency, exporting start/0, stop/0,
// allocate/0, deallocate/1 and init/0 (the server's body, exported for
// spawn/3).
//
// Its functions fail as the Erlang ones do: a client function called
// while no server runs raises badarg from erlang:send/2 ("invalid
// destination") in frequency:call/1, and start/0 while one runs raises
// badarg from register/2 ("name is in use") in frequency:start/0, after
// spawning the second server. deallocate/1 takes any term.
func Module() *code.Module {
	fn := func(f func(p *otp.Process, args []term.Term) term.Term) code.Func { return f }
	return &code.Module{
		Name: Name,
		Exports: map[code.FA]code.Func{
			{Function: "start", Arity: 0}: fn(func(p *otp.Process, _ []term.Term) term.Term {
				pid, _ := p.SpawnOpt(Init, otp.SpawnOptions{InitialCall: &InitMFA})
				return bif.Register(p, Name, pid, bif.Caller(Name, "start", 0))
			}),
			{Function: "stop", Arity: 0}: fn(func(p *otp.Process, _ []term.Term) term.Term {
				return callTerm(p, stop)
			}),
			{Function: "allocate", Arity: 0}: fn(func(p *otp.Process, _ []term.Term) term.Term {
				return callTerm(p, allocate)
			}),
			{Function: "deallocate", Arity: 1}: fn(func(p *otp.Process, args []term.Term) term.Term {
				return callTerm(p, term.Tuple{deallocate, args[0]})
			}),
			{Function: "init", Arity: 0}: fn(func(p *otp.Process, _ []term.Term) term.Term {
				Init(p)
				return term.OK
			}),
		},
	}
}

// callTerm is frequency:call/1: call, raising badarg where the Erlang
// send does.
func callTerm(p *otp.Process, msg term.Term) term.Term {
	bif.Send(p, Name, term.Tuple{request, p.Self(), msg}, bif.Caller(Name, "call", 1))
	return receiveReply(p)
}

// Book: chapter 3, "Behaviours" (The Generic Server: ch3/behavior/server.erl).

package server

import (
	"github.com/scalability-go/otpbook/ch03/internal/bif"
	"github.com/scalability-go/otpbook/internal/erl"
	"github.com/scalability-go/otpbook/otp"
	"github.com/scalability-go/otpbook/otp/code"
	"github.com/scalability-go/otpbook/otp/term"
)

// Module returns the Erlang module server, exporting start/2, stop/1,
// call/2 and init/2 (a server's body, exported for spawn/3).
//
// start(Name, Args) starts a server whose callback module is the module
// Name (see Named). call/2 and stop/1 raise badarg from erlang:send/2
// ("invalid destination") when nobody has the name, and start/2 raises
// badarg from register/2 ("name is in use") when somebody has, as the
// Erlang does.
func Module() *code.Module {
	return &code.Module{
		Name: "server",
		Exports: map[code.FA]code.Func{
			{Function: "start", Arity: 2}: func(p *otp.Process, args []term.Term) term.Term {
				name, _ := args[0].(term.Atom)
				pid, _ := p.SpawnOpt(func(q *otp.Process) {
					Init(q, Named(name), args[1])
				}, otp.SpawnOptions{InitialCall: &InitMFA})
				return bif.Register(p, args[0], pid, bif.Caller("server", "start", 2))
			},
			{Function: "call", Arity: 2}: func(p *otp.Process, args []term.Term) term.Term {
				bif.Send(p, args[0], term.Tuple{request, p.Self(), args[1]}, bif.Caller("server", "call", 2))
				return receiveReply(p)
			},
			{Function: "stop", Arity: 1}: func(p *otp.Process, args []term.Term) term.Term {
				bif.Send(p, args[0], term.Tuple{stop, p.Self()}, bif.Caller("server", "stop", 1))
				return receiveReply(p)
			},
			{Function: "init", Arity: 2}: func(p *otp.Process, args []term.Term) term.Term {
				name, _ := args[0].(term.Atom)
				Init(p, Named(name), args[1])
				return term.OK
			},
		},
	}
}

// Named is the callback module called by name, as the Erlang server
// calls Mod:init(Args), Mod:handle(Msg, State) and Mod:terminate(State):
// through the node's code server, in the module's current version. A
// module that is not loaded, or does not export the function, raises
// undef; a handle/2 that returns anything but {NewState, Reply} raises
// {badmatch, Value} in server:loop/2.
type Named term.Atom

// Init calls Mod:init(Args).
func (m Named) Init(p *otp.Process, args term.Term) term.Term {
	return code.Of(p.Node()).Apply(p, term.Atom(m), "init", []term.Term{args})
}

// Handle calls Mod:handle(Msg, State).
func (m Named) Handle(p *otp.Process, msg, state term.Term) (term.Term, term.Term) {
	v := code.Of(p.Node()).Apply(p, term.Atom(m), "handle", []term.Term{msg, state})
	t, ok := v.(term.Tuple)
	if !ok || len(t) != 2 {
		erl.Raise(term.Tuple{term.Atom("badmatch"), v}) // loop adds its frame
	}
	return t[0], t[1]
}

// Terminate calls Mod:terminate(State).
func (m Named) Terminate(p *otp.Process, state term.Term) term.Term {
	return code.Of(p.Node()).Apply(p, term.Atom(m), "terminate", []term.Term{state})
}

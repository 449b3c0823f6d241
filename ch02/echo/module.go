// Book: chapter 2, "Processes and Message Passing" (ch2/echo.erl).

package echo

import (
	"github.com/scalability-go/otpbook/otp"
	"github.com/scalability-go/otpbook/otp/code"
	"github.com/scalability-go/otpbook/otp/term"
)

// Module returns the Erlang module echo, exporting go/0 and loop/0.
//
// go/0 is Go, except that the process it spawns calls echo:loop() by
// name, as spawn(echo, loop, []) does: it runs the current version of
// the module echo, and crashes with undef when none is loaded. loop/0 is
// Loop, run by the calling process; it returns true when told to stop.
func Module() *code.Module {
	return &code.Module{
		Name: "echo",
		Exports: map[code.FA]code.Func{
			{Function: "go", Arity: 0}: func(p *otp.Process, _ []term.Term) term.Term {
				return Talk(p, SpawnByName(p, "echo", "loop", false))
			},
			{Function: "loop", Arity: 0}: func(p *otp.Process, _ []term.Term) term.Term {
				Loop(p)
				return term.Atom("true")
			},
		},
	}
}

// SpawnByName starts a process that calls Module:Function() through p's
// node's code server, as spawn(Module, Function, []) does, or
// spawn_link when link is set, and returns its pid. process_info reports
// {Module, Function, 0} as its initial call.
func SpawnByName(p *otp.Process, module, function term.Atom, link bool) term.Pid {
	cs := code.Of(p.Node())
	pid, _ := p.SpawnOpt(func(q *otp.Process) {
		cs.Apply(q, module, function, nil)
	}, otp.SpawnOptions{Link: link, InitialCall: &otp.MFA{Module: module, Function: function, Arity: 0}})
	return pid
}

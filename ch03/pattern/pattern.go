// Book: chapter 3, "Behaviours" (Process Skeletons: ch3/pattern.erl).

// Package pattern is the skeleton every server process follows: it is
// spawned; it initialises its state; it loops, receiving a message,
// handling it and looping again with the new state; and, told to stop, it
// cleans up and ends. The specific parts, what the state is, how a
// message changes it and what cleaning up means, are stubs here: the
// chapter's point is what remains, the part every server shares.
//
// The process takes {handle, Msg}, which it hands to the handler, and
// stop, on which it terminates; any other message stays in its mailbox.
//
// The book's start/1 spawns server:init/1, not its own init/1: no module
// exports that function (the chapter's server module has init/2), so the
// process it starts dies at once of undef, and start still returns its
// pid. Start here spawns its own Init, as the book meant; StartAsBook
// keeps the slip, to show what it does.
package pattern

import (
	"github.com/scalability-go/otpbook/otp"
	"github.com/scalability-go/otpbook/otp/code"
	"github.com/scalability-go/otpbook/otp/term"
)

// Messages the process takes.
const (
	HandleTag term.Atom = "handle" // {handle, Msg}: handle Msg
	StopMsg   term.Atom = "stop"   // stop: clean up and end
)

// InitMFA is the process's initial call, {pattern, init, 1}.
var InitMFA = otp.MFA{Module: "pattern", Function: "init", Arity: 1}

// Start spawns a process that initialises its state from args and loops
// (pattern:start/1), and returns its pid.
func Start(p *otp.Process, args term.Term) term.Pid {
	pid, _ := p.SpawnOpt(func(q *otp.Process) { Init(q, args) }, otp.SpawnOptions{InitialCall: &InitMFA})
	return pid
}

// StartAsBook is pattern:start/1 as the book prints it: it spawns a
// process that calls server:init(Args) by name through the node's code
// server, as spawn(server, init, [Args]) does. With no module server
// exporting init/1 the process ends at once with {undef, [{server, init,
// [Args], []}]}, and the node logs the error; StartAsBook has returned its
// pid all the same.
func StartAsBook(p *otp.Process, args term.Term) term.Pid {
	cs := code.Of(p.Node())
	pid, _ := p.SpawnOpt(func(q *otp.Process) {
		cs.Apply(q, "server", "init", []term.Term{args})
	}, otp.SpawnOptions{InitialCall: &otp.MFA{Module: "server", Function: "init", Arity: 1}})
	return pid
}

// Stop tells the process pid to stop (pattern:stop/1).
func Stop(p *otp.Process, pid term.Pid) {
	p.Send(pid, StopMsg)
}

// Init is the process's body (pattern:init/1): the generic skeleton,
// calling the specific parts.
func Init(p *otp.Process, args term.Term) {
	state := initialize(args)
	loop(p, state)
}

// loop is the server loop: receive, handle, loop with the new state; or
// terminate.
func loop(p *otp.Process, state term.Term) {
	for {
		m, _ := p.ReceiveMatch(known, otp.Infinity)
		if m == StopMsg {
			terminate(state)
			return
		}
		state = handle(m.(term.Tuple)[1], state)
	}
}

// known matches {handle, Msg} and stop.
func known(m any) bool {
	if t, ok := m.(term.Tuple); ok {
		return len(t) == 2 && t[0] == HandleTag
	}
	return m == StopMsg
}

// The specific parts, stubs: a real server fills them in.

// initialize makes the initial state from the arguments of Start.
func initialize(args term.Term) term.Term { return term.OK }

// handle returns the state after msg.
func handle(msg, state term.Term) term.Term { return state }

// terminate cleans up.
func terminate(state term.Term) term.Term { return term.OK }

// Book: chapter 2, "Upgrading Modules" (a shell session; the book has no file for it).

// Package upgrade emulates the book's upgrade of a module while processes
// run it. Go cannot replace compiled code in a running program, so the
// module here is a value in the node's code server (package otp/code),
// which keeps OTP's rules about versions:
//
//   - A module has at most two versions: current and old. Loading a new
//     version makes the current one old.
//   - A process that calls the module fully qualified (loop:qualified())
//     runs the current version from that call on; a process that loops
//     through a local call keeps the version it entered, even once that
//     version is old.
//   - Loading a version while an old one exists first purges the old one,
//     killing the processes still running it. A soft purge refuses
//     instead, while any process runs it.
//
// The versioned module is loop (Version gives each version), whose
// processes answer {From, version} with the number of the version that
// received it. Qualified and Local are its two loops. Module is the Erlang
// module upgrade, which starts and asks loops and loads versions, for the
// shell: a separate module, so that the shell never runs code of loop
// itself, and so is never killed by a purge of it.
package upgrade

import (
	"github.com/scalability-go/otpbook/internal/erl"
	"github.com/scalability-go/otpbook/otp"
	"github.com/scalability-go/otpbook/otp/code"
	"github.com/scalability-go/otpbook/otp/term"
)

// Loop is the name of the versioned module.
const Loop term.Atom = "loop"

// Request is the atom of a request: a loop answers {From, version} with
// {Pid, Vsn}, Pid being its own.
const Request term.Atom = "version"

// Stop is the message that ends a loop normally.
const Stop term.Atom = "stop"

// Code is one version of the module loop: what the version does on one
// turn of either loop. Its Vsn is the number it answers with.
type Code struct {
	Vsn int
}

// Version returns version vsn of the module loop, to load with
// code.Server.Load. It exports qualified/0 and local/0, the loops, so
// that spawn(loop, qualified, []) starts one; its Impl is a Code.
func Version(vsn int) *code.Module {
	return &code.Module{
		Name: Loop,
		Vsn:  vsn,
		Impl: Code{Vsn: vsn},
		Exports: map[code.FA]code.Func{
			{Function: "qualified", Arity: 0}: func(p *otp.Process, _ []term.Term) term.Term {
				Qualified(p)
				return term.Atom("true")
			},
			{Function: "local", Arity: 0}: func(p *otp.Process, _ []term.Term) term.Term {
				Local(p)
				return term.Atom("true")
			},
		},
	}
}

// Qualified is the loop that calls itself fully qualified,
// loop:qualified(), after each request: it runs the version it entered
// until the request comes, answers with that version's number, and moves
// to whatever version is current for the next request. So after a load
// it answers once more with the old number (it was waiting in the old
// version), then with the new one.
//
// The fully qualified call is made before the answer leaves (in Erlang
// it comes just after), so that whoever has the answer knows which
// version the loop now waits in. It ends normally on stop, and with
// error undef when no version of loop is loaded.
func Qualified(p *otp.Process) {
	c := enter(p, "qualified")
	for {
		from, ok := c.await(p)
		if !ok {
			return
		}
		next := enter(p, "qualified") // loop:qualified()
		c.answer(p, from)
		c = next
	}
}

// Local is the loop that calls itself locally: it enters the current
// version once and runs it for ever, answering every request with that
// version's number, even once it is old, until it is purged, which kills
// the process. It ends normally on stop.
func Local(p *otp.Process) {
	c := enter(p, "local")
	for {
		from, ok := c.await(p)
		if !ok {
			return
		}
		c.answer(p, from)
	}
}

// enter makes p run the current version of loop, as a call by name does.
func enter(p *otp.Process, function term.Atom) Code {
	m, err := code.Of(p.Node()).Enter(p, Loop)
	if err != nil {
		erl.Raise(term.Atom("undef"), erl.Frame(Loop, function, term.List{}))
	}
	return m.Impl.(Code)
}

// await waits in version c for a request or stop, leaving other messages
// queued. It returns where to answer, or false on stop.
func (c Code) await(p *otp.Process) (from term.Term, ok bool) {
	msg, _ := p.ReceiveMatch(func(m any) bool {
		t, ok := m.(term.Tuple)
		return m == Stop || ok && len(t) == 2 && t[1] == Request
	}, otp.Infinity)
	if msg == Stop {
		return nil, false
	}
	return msg.(term.Tuple)[0], true
}

// answer sends {self(), Vsn} to from; a destination nobody has crashes
// the loop with badarg, as ! does.
func (c Code) answer(p *otp.Process, from term.Term) {
	if err := p.SendTo(from, term.Tuple{p.Self(), c.Vsn}); err != nil {
		erl.Badarg(Loop, "loop", 0)
	}
}

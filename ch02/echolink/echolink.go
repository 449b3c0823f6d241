// Book: chapter 2, "Fail Safe!" and "Links and Monitors for Supervision" (ch2/echo_link.erl).

// Package echolink is the echo program with a link: go/0 spawns the echo
// process linked to the caller, so that if either dies of an error the
// other dies too, unless it traps exits, in which case it is told by an
// {'EXIT', Pid, Reason} message. A process that ends normally does not
// take its links with it: go/0 stops its echo process and lives on.
//
// As in the book, the linked process runs the echo module's loop (package
// echo), not a copy of its own.
//
// Go is the book's go/0; Module is the Erlang module echo_link.
package echolink

import (
	"github.com/scalability-go/otpbook/ch02/echo"
	"github.com/scalability-go/otpbook/otp"
	"github.com/scalability-go/otpbook/otp/code"
	"github.com/scalability-go/otpbook/otp/term"
)

// Go is echo_link's go/0, in process p: echo.Go with the echo process
// spawned linked to p. It prints hello to p's output and returns stop.
func Go(p *otp.Process) term.Term {
	pid, _ := p.SpawnOpt(echo.Loop, otp.SpawnOptions{Link: true, InitialCall: &echo.LoopMFA})
	return echo.Talk(p, pid)
}

// Module returns the Erlang module echo_link, exporting go/0 and loop/0.
//
// Its go/0 spawn_links a process that calls echo:loop() by name, as the
// book's does: with no module echo loaded, that process dies of undef,
// and the caller, linked to it, dies too unless it traps exits. Its
// loop/0 is its own copy of the echo loop (in Go, echo.Loop itself), which
// go/0 does not use.
func Module() *code.Module {
	return &code.Module{
		Name: "echo_link",
		Exports: map[code.FA]code.Func{
			{Function: "go", Arity: 0}: func(p *otp.Process, _ []term.Term) term.Term {
				return echo.Talk(p, echo.SpawnByName(p, "echo", "loop", true))
			},
			{Function: "loop", Arity: 0}: func(p *otp.Process, _ []term.Term) term.Term {
				echo.Loop(p)
				return term.Atom("true")
			},
		},
	}
}

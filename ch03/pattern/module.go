// Book: chapter 3, "Behaviours" (Process Skeletons: ch3/pattern.erl).

package pattern

import (
	"github.com/scalability-go/otpbook/ch03/internal/bif"
	"github.com/scalability-go/otpbook/otp"
	"github.com/scalability-go/otpbook/otp/code"
	"github.com/scalability-go/otpbook/otp/term"
)

// Module returns the Erlang module pattern, exporting start/1 (which
// spawns its own init/1: see StartAsBook for the book's), init/1 and
// stop/1, which sends stop to the process and returns stop.
func Module() *code.Module {
	return &code.Module{
		Name: "pattern",
		Exports: map[code.FA]code.Func{
			{Function: "start", Arity: 1}: func(p *otp.Process, args []term.Term) term.Term {
				return Start(p, args[0])
			},
			{Function: "init", Arity: 1}: func(p *otp.Process, args []term.Term) term.Term {
				Init(p, args[0])
				return term.OK
			},
			{Function: "stop", Arity: 1}: func(p *otp.Process, args []term.Term) term.Term {
				bif.Send(p, args[0], StopMsg, bif.Caller("pattern", "stop", 1))
				return StopMsg
			},
		},
	}
}

// Book: chapter 4, "Generic Servers" (ch4/frequency.erl).

package frequency

import (
	"github.com/scalability-go/otpbook/otp"
	"github.com/scalability-go/otpbook/otp/code"
	"github.com/scalability-go/otpbook/otp/genserver"
	"github.com/scalability-go/otpbook/otp/term"
)

// Module returns the Erlang module frequency: the client functions
// start/0, stop/0, allocate/0 and deallocate/1, and, as the module's
// implementation, the gen_server callbacks, so that the shell's
// gen_server:start(frequency, [], []) finds them through the code server
// as it finds a compiled module's.
//
// Its functions return and fail as the Erlang ones do: start/0 returns
// {ok, Pid} or {error, {already_started, Pid}}; allocate/0 returns {ok,
// Freq} or {error, no_frequency}, and exits with {noproc, {gen_server,
// call, [frequency, {allocate, Pid}]}} when no server runs; stop/0 and
// deallocate/1 return ok. deallocate/1 takes any term, as the Erlang does.
func Module() *code.Module {
	m := genserver.NewModule[State](Name, Server{})
	fn := func(f func(p *otp.Process, args []term.Term) term.Term) code.Func { return f }
	m.Exports = map[code.FA]code.Func{
		{Function: "start", Arity: 0}: fn(func(p *otp.Process, _ []term.Term) term.Term {
			return genserver.StartResult(genserver.StartLink(p, genserver.Local(Name), Name, term.List{}))
		}),
		{Function: "stop", Arity: 0}: fn(func(p *otp.Process, _ []term.Term) term.Term {
			genserver.Cast(p, Name, stop)
			return term.OK
		}),
		{Function: "allocate", Arity: 0}: fn(func(p *otp.Process, _ []term.Term) term.Term {
			return genserver.MustCall(p, Name, AllocateRequest(p.Self()))
		}),
		{Function: "deallocate", Arity: 1}: fn(func(p *otp.Process, args []term.Term) term.Term {
			genserver.Cast(p, Name, term.Tuple{deallocate, args[0]})
			return term.OK
		}),
	}
	return m
}

// Book: chapter 4, "Generic Servers", "Starting a Server" and "Termination".

// Package lifecycle is a callback module for trying out how a gen_server
// starts and how it ends, the two sections of the chapter that show no
// example file of their own: what init returns is its argument, and what
// a callback returns is in its request, so that a session can go through
// every case.
//
//	init(Ret)                           returns Ret: {ok, S}, {ok, S, T},
//	                                    {ok, S, hibernate}, ignore, {stop, R}, or
//	                                    anything else (a bad return value)
//	init({trap_exit, Ret})              traps exits first
//	init({sleep, Ms, Ret})              sleeps first (for the start timeout)
//	init({raise, Class, R})             raises R as error, exit or throw
//	handle_call({return, R}, _, _)      returns R ({stop, normal, ok, S}, ...)
//	handle_call(Req, _, S)              replies Req
//	handle_cast({return, R}, _)         returns R
//	handle_info({return, R}, _)         returns R
//	handle_info(Msg, S)                 prints handle_info(Msg, S)
//	terminate(Reason, S)                prints terminate(Reason, S)
//
// What start returns, on OTP 25 (Start's error in Go):
//
//	{ok, S}, {ok, S, 100}, {ok, S, hibernate}  {ok, Pid}
//	ignore                                     ignore (genserver.ErrIgnore)
//	{stop, R}                                  {error, R}, and a crash report
//	bogus                                      {error, {bad_return_value, bogus}}
//	error(R)                                   {error, {R, Stack}}
//	exit(R)                                    {error, R}
//	throw(V)                                   as if init had returned V
//	slower than the {timeout, T} option        {error, timeout}
//
// and how a server ends:
//
//   - {stop, R, ...} from a callback: terminate(R, S) runs, then the
//     server exits with R; {stop, R, Reply, S} answers the caller after
//     terminate;
//   - normal, shutdown and {shutdown, _} make no error report; any other
//     reason does, followed by a crash report;
//   - gen_server:stop(Pid) runs terminate(normal, S) and returns ok;
//   - an exit signal from the parent (the process that called start_link)
//     runs terminate with its reason if the server traps exits, and kills
//     it at once if not; from any other process, a trapping server gets
//     {'EXIT', Pid, Reason} in handle_info and goes on;
//   - exit(Pid, kill) kills it at once: terminate does not run.
package lifecycle

import (
	"fmt"
	"io"
	"time"

	"github.com/scalability-go/otpbook/otp"
	"github.com/scalability-go/otpbook/otp/code"
	"github.com/scalability-go/otpbook/otp/genserver"
	"github.com/scalability-go/otpbook/otp/term"
)

// Name is the module's name.
const Name term.Atom = "lifecycle"

// Server is the callback module lifecycle, written as Erlang writes one:
// terms in, terms out (genserver.TermCallbacks).
type Server struct{}

var (
	_ genserver.TermCallbacks   = Server{}
	_ genserver.TermInfoHandler = Server{}
	_ genserver.TermTerminator  = Server{}
)

// Callbacks returns the callback module, named lifecycle, as
// genserver.Start takes it.
func Callbacks() *genserver.Impl { return genserver.AdaptTerms(Name, Server{}) }

// Module returns the Erlang module lifecycle, whose implementation is the
// callbacks: gen_server:start(lifecycle, {ok, s}, []) starts one.
func Module() *code.Module { return &code.Module{Name: Name, Impl: Callbacks()} }

// Return is the request {return, R}: the callback that gets it returns R.
func Return(r term.Term) term.Term { return term.Tuple{term.Atom("return"), r} }

// Init is init(Ret); see the package documentation.
func (s Server) Init(p *otp.Process, args term.Term) term.Term {
	if t, ok := args.(term.Tuple); ok {
		switch {
		case len(t) == 2 && t[0] == term.Atom("trap_exit"):
			p.TrapExit(true)
			return s.Init(p, t[1])
		case len(t) == 3 && t[0] == term.Atom("sleep"):
			if ms, ok := t[1].(int); ok {
				p.Sleep(time.Duration(ms) * time.Millisecond)
				return s.Init(p, t[2])
			}
		case len(t) == 3 && t[0] == term.Atom("raise"):
			switch t[1] {
			case term.Atom("error"):
				otp.Error(t[2])
			case term.Atom("exit"):
				otp.Exit(t[2])
			case term.Atom("throw"):
				otp.Throw(t[2])
			}
		}
	}
	return args
}

// isReturn matches {return, R}.
func isReturn(req term.Term) (term.Term, bool) {
	t, ok := req.(term.Tuple)
	if ok && len(t) == 2 && t[0] == term.Atom("return") {
		return t[1], true
	}
	return nil, false
}

// HandleCall returns R for {return, R}, and replies any other request.
func (Server) HandleCall(_ *otp.Process, req, _, s term.Term) term.Term {
	if r, ok := isReturn(req); ok {
		return r
	}
	return term.Tuple{term.Atom("reply"), req, s}
}

// HandleCast returns R for {return, R}, and ignores any other request.
func (Server) HandleCast(_ *otp.Process, req, s term.Term) term.Term {
	if r, ok := isReturn(req); ok {
		return r
	}
	return term.Tuple{term.Atom("noreply"), s}
}

// HandleInfo returns R for {return, R}, and prints any other message.
func (Server) HandleInfo(p *otp.Process, msg, s term.Term) term.Term {
	if r, ok := isReturn(msg); ok {
		return r
	}
	_, _ = io.WriteString(p.Output(), fmt.Sprintf("handle_info(%s, %s)\n", term.Print(msg), term.Print(s)))
	return term.Tuple{term.Atom("noreply"), s}
}

// Terminate prints terminate(Reason, S).
func (Server) Terminate(p *otp.Process, reason, s term.Term) term.Term {
	_, _ = io.WriteString(p.Output(), fmt.Sprintf("terminate(%s, %s)\n", term.Print(reason), term.Print(s)))
	return term.OK
}

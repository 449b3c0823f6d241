// Book: chapter 4, "Generic Servers", "Generic Server Timeouts" (ch4/ping.erl).

// Package ping shows the inactivity timeout of a gen_server: a callback
// that returns a timeout T as the last element of its tuple ({ok, State,
// T}, {reply, R, State, T}, {noreply, State, T}) makes the server call
// handle_info(timeout, State) when no message has come for T milliseconds.
// Any message that comes first, a system message (sys:get_state) too,
// cancels it; the callback that handles it sets the next one, or none.
//
// The server prints the seconds of the wall clock ("~2.w": " 5", "10")
// every five seconds. The call pause (reply paused) returns no timeout, so
// the printing stops; the call start (reply started) returns one, so it
// resumes five seconds later. Its handle_info matches timeout only: any
// other plain message crashes the server with function_clause.
//
// The book starts it with gen_server:start({local, ping}, ping, [], []).
// Here, an integer Args is the interval in milliseconds, so that a session
// need not wait five seconds (the book's init ignores its argument).
package ping

import (
	"fmt"
	"io"
	"time"

	"github.com/scalability-go/otpbook/internal/erl"
	"github.com/scalability-go/otpbook/otp"
	"github.com/scalability-go/otpbook/otp/code"
	"github.com/scalability-go/otpbook/otp/gen"
	"github.com/scalability-go/otpbook/otp/genserver"
	"github.com/scalability-go/otpbook/otp/term"
)

// Name is the module's name, and the server's registered name.
const Name term.Atom = "ping"

// Timeout is the book's ?TIMEOUT: five seconds.
const Timeout = 5 * time.Second

// State is the server's state: the interval, which the book's server does
// not keep (its state is undefined; the interval is a macro).
type State struct{ Every time.Duration }

// Term returns undefined, the book's state.
func (State) Term() term.Term { return term.Atom("undefined") }

// Start starts the server registered as ping, unlinked, printing every
// interval (Timeout when it is 0).
func Start(p *otp.Process, every time.Duration) (term.Pid, error) {
	return genserver.Start(p, genserver.Local(Name), Callbacks(), int(every/time.Millisecond))
}

// Pause makes the server stop printing: the call pause, answered paused.
func Pause(p *otp.Process) error { return call(p, "pause") }

// Resume makes it print again, an interval from now: the call start,
// answered started.
func Resume(p *otp.Process) error { return call(p, "start") }

func call(p *otp.Process, req term.Atom) error {
	_, err := genserver.Call(p, Name, req)
	return err
}

// Server is the callback module ping: init/1, handle_call/3 and
// handle_info/2.
type Server struct{}

// Callbacks returns the callback module, named ping, as Start takes it.
func Callbacks() *genserver.Impl { return Module().Impl.(*genserver.Impl) }

// Module returns the Erlang module ping, whose implementation is the
// gen_server callbacks.
func Module() *code.Module { return genserver.NewModule[State](Name, Server{}) }

// Init is init(_Args): no state to speak of, and the first timeout.
func (Server) Init(_ *otp.Process, args term.Term) genserver.InitResult[State] {
	s := State{Every: Timeout}
	if ms, ok := args.(int); ok && ms > 0 {
		s.Every = time.Duration(ms) * time.Millisecond
	}
	return genserver.Ok(s).Timeout(s.Every)
}

// HandleCall is handle_call(start, ...), which replies started and sets
// the timeout, and handle_call(pause, ...), which replies paused and sets
// none.
func (Server) HandleCall(_ *otp.Process, req any, from gen.From, s State) genserver.Result[State] {
	switch req {
	case term.Atom("start"):
		return genserver.Reply(term.Atom("started"), s).Timeout(s.Every)
	case term.Atom("pause"):
		return genserver.Reply(term.Atom("paused"), s)
	}
	erl.FunctionClause(Name, "handle_call", req, from.Term(), s.Term())
	panic("unreachable")
}

// HandleCast stands for the handle_cast/2 the book's module lacks: a cast
// crashes the server with undef.
func (Server) HandleCast(_ *otp.Process, req any, s State) genserver.Result[State] {
	erl.Raise(term.Atom("undef"), erl.Frame(Name, "handle_cast", term.List{req, s.Term()}))
	panic("unreachable")
}

// HandleInfo is handle_info(timeout, State): print the seconds of the
// clock, and set the timeout again.
func (Server) HandleInfo(p *otp.Process, msg any, s State) genserver.Result[State] {
	if msg != term.Atom("timeout") {
		erl.FunctionClause(Name, "handle_info", msg, s.Term())
	}
	_, _ = io.WriteString(p.Output(), fmt.Sprintf("%2d\n", time.Now().Second()))
	return genserver.NoReply(s).Timeout(s.Every)
}

// Book: chapter 4, "Generic Servers", "Call Timeouts" (ch4/timeout.erl).

// Package sleeper is the book's timeout example, a server that sleeps for
// as long as it is asked before it answers, with which "Call Timeouts"
// explores what happens to a call that waits too long. Its Erlang module
// keeps the book's name, timeout; the Go package is named sleeper, as
// timeout means enough things in Go already.
//
// The server holds no state (undefined) and knows one call, {sleep, Ms}:
// it sleeps Ms milliseconds and replies ok. What the chapter shows with
// it, on OTP 25:
//
//   - gen_server:call waits 5 seconds by default; call/3 takes another
//     timeout, or infinity. A caller whose reply does not come in time
//     exits with {timeout, {gen_server, call, [timeout, {sleep, 1000},
//     500]}} (Sleep returns that as a *genserver.CallError matching
//     genserver.ErrTimeout); the server does not notice, and goes on.
//   - The reply that comes after the caller gave up is dropped: calls are
//     made under an alias, which the caller deactivates when it times
//     out, so flush() shows nothing. The book, written before OTP 24,
//     shows the late {Ref, ok} arriving in the shell's mailbox, where it
//     would confuse the next receive.
//   - Requests queue: a short request behind a long one times out although
//     its own work is tiny.
//   - {sleep, foo} crashes the server (timer:sleep raises timeout_value),
//     and the caller's call fails with the server's reason:
//     {{timeout_value, Stack}, {gen_server, call, [timeout, {sleep, foo}]}}.
//
// The book's file has no handle_cast/2 (the compiler warns); Go requires
// the method, which fails as the missing function does: a cast crashes the
// server with undef.
package sleeper

import (
	"time"

	"github.com/scalability-go/otpbook/internal/erl"
	"github.com/scalability-go/otpbook/otp"
	"github.com/scalability-go/otpbook/otp/code"
	"github.com/scalability-go/otpbook/otp/gen"
	"github.com/scalability-go/otpbook/otp/genserver"
	"github.com/scalability-go/otpbook/otp/term"
)

// Name is the module's name, and the name the book registers the server
// under: timeout.
const Name term.Atom = "timeout"

// undefined is the server's state.
const undefined term.Atom = "undefined"

// Start starts the server registered as timeout, unlinked, as the book
// does from the shell: gen_server:start({local, timeout}, timeout, [], []).
func Start(p *otp.Process) (term.Pid, error) {
	return genserver.Start(p, genserver.Local(Name), Callbacks(), term.List{})
}

// StartLink is Start with the server linked to p.
func StartLink(p *otp.Process) (term.Pid, error) {
	return genserver.StartLink(p, genserver.Local(Name), Callbacks(), term.List{})
}

// SleepRequest is the call {sleep, Ms}.
func SleepRequest(d time.Duration) term.Term {
	return term.Tuple{term.Atom("sleep"), int(d / time.Millisecond)}
}

// Sleep asks the server registered as timeout to sleep for d before it
// answers, and waits for the answer at most timeout (genserver's default
// of 5 seconds when none is given; otp.Infinity to wait as long as it
// takes).
func Sleep(p *otp.Process, d time.Duration, timeout ...time.Duration) error {
	_, err := genserver.Call(p, Name, SleepRequest(d), timeout...)
	return err
}

// Server is the callback module timeout: init/1 and handle_call/3.
type Server struct{}

// Callbacks returns the callback module, named timeout, as Start takes it.
func Callbacks() *genserver.Impl { return Module().Impl.(*genserver.Impl) }

// Module returns the Erlang module timeout: the gen_server callbacks,
// which the shell starts with gen_server:start({local, timeout}, timeout,
// [], []), as the book does (the module has no start function).
func Module() *code.Module { return genserver.NewModule[term.Term](Name, Server{}) }

// Init is init(_Args): the state undefined.
func (Server) Init(*otp.Process, term.Term) genserver.InitResult[term.Term] {
	return genserver.Ok[term.Term](undefined)
}

// HandleCall is handle_call({sleep, Ms}, _From, State): sleep, reply ok.
// A sleep of something that is no time raises timeout_value from
// timer:sleep/1; any other request is a function_clause.
func (Server) HandleCall(p *otp.Process, req any, from gen.From, s term.Term) genserver.Result[term.Term] {
	t, ok := req.(term.Tuple)
	if !ok || len(t) != 2 || t[0] != term.Atom("sleep") {
		erl.FunctionClause(Name, "handle_call", req, from.Term(), s)
	}
	switch ms := t[1].(type) {
	case int:
		if ms >= 0 {
			p.Sleep(time.Duration(ms) * time.Millisecond)
			return genserver.Reply(term.OK, s)
		}
	case term.Atom:
		if ms == "infinity" {
			p.Sleep(otp.Infinity)
		}
	}
	erl.Raise(term.Atom("timeout_value"), erl.Frame("timer", "sleep", 1), erl.Frame(Name, "handle_call", 3))
	panic("unreachable")
}

// HandleCast stands for the handle_cast/2 the book's module lacks: a cast
// crashes the server with undef, as the call of a missing function does.
func (Server) HandleCast(_ *otp.Process, req any, s term.Term) genserver.Result[term.Term] {
	erl.Raise(term.Atom("undef"), erl.Frame(Name, "handle_cast", term.List{req, s}))
	panic("unreachable")
}

// Book: chapter 4, "Generic Servers", "Deadlocks".

// Package deadlock shows the deadlock "Deadlocks" warns about: two
// servers, a and b, where a's handle_call calls b synchronously and b's
// handle_call calls a back. a is busy waiting for b, so b's request waits
// in a's mailbox, and b waits for a: neither answers until the calls time
// out. The caller's call to a, a's call to b and b's call to a all fail
// with timeout (after five seconds by default), and both servers crash
// with {timeout, {gen_server, call, [b|a, call_other]}}.
//
// A server that calls itself would wait for ever; gen_server notices it at
// once, and the call exits with {calling_self, {gen_server, call, [Pid,
// ping]}}.
//
// The book shows both in prose; the module deadlock here is a server whose
// state is the name of the other server, with the calls call_other (call
// the other server with call_other, and reply what it replies), call_self
// (call yourself with ping, under catch, and reply what that gives) and
// ping (reply pong). Exercise nodeadlock removes the deadlock.
package deadlock

import (
	"time"

	"github.com/scalability-go/otpbook/internal/erl"
	"github.com/scalability-go/otpbook/otp"
	"github.com/scalability-go/otpbook/otp/code"
	"github.com/scalability-go/otpbook/otp/gen"
	"github.com/scalability-go/otpbook/otp/genserver"
	"github.com/scalability-go/otpbook/otp/term"
)

// Name is the module's name.
const Name term.Atom = "deadlock"

// The calls the server knows.
const (
	CallOther term.Atom = "call_other"
	CallSelf  term.Atom = "call_self"
	Ping      term.Atom = "ping"
)

// State is the server's state: the name of the other server, and the
// timeout of the calls it makes (0: gen_server:call/2's default of five
// seconds).
type State struct {
	Other   term.Atom
	Timeout time.Duration
}

// Term returns the other server's name, as the Erlang state is.
func (s State) Term() term.Term { return s.Other }

// Start starts a server registered as name whose other server is other,
// as deadlock:start(Name, Other) does, unlinked. Its calls to other wait
// timeout (genserver.DefaultTimeout when none is given).
func Start(p *otp.Process, name, other term.Atom, timeout ...time.Duration) (term.Pid, error) {
	args := term.Term(other)
	if len(timeout) > 0 {
		args = term.Tuple{other, int(timeout[0] / time.Millisecond)}
	}
	return genserver.Start(p, genserver.Local(name), Callbacks(), args)
}

// Call calls the server registered as name with req (CallOther, CallSelf
// or Ping), waiting timeout (genserver.DefaultTimeout when none is given).
func Call(p *otp.Process, name term.Atom, req term.Atom, timeout ...time.Duration) (term.Term, error) {
	return genserver.Call(p, name, req, timeout...)
}

// Server is the callback module deadlock.
type Server struct{}

// Callbacks returns the callback module, named deadlock, as Start takes it.
func Callbacks() *genserver.Impl { return Module().Impl.(*genserver.Impl) }

// Module returns the Erlang module deadlock: start/2 (Name, Other),
// start/3 (Name, Other, TimeoutMs, for sessions that need not wait five
// seconds), and the gen_server callbacks.
func Module() *code.Module {
	m := genserver.NewModule[State](Name, Server{})
	fn := func(f func(p *otp.Process, args []term.Term) term.Term) code.Func { return f }
	start := func(p *otp.Process, name, args term.Term) term.Term {
		n, ok := name.(term.Atom)
		if !ok {
			erl.FunctionClause(Name, "start", name, args)
		}
		return genserver.StartResult(genserver.Start(p, genserver.Local(n), Name, args))
	}
	m.Exports = map[code.FA]code.Func{
		{Function: "start", Arity: 2}: fn(func(p *otp.Process, a []term.Term) term.Term {
			return start(p, a[0], a[1])
		}),
		{Function: "start", Arity: 3}: fn(func(p *otp.Process, a []term.Term) term.Term {
			return start(p, a[0], term.Tuple{a[1], a[2]})
		}),
	}
	return m
}

// Init is init(Other), or init({Other, TimeoutMs}).
func (Server) Init(_ *otp.Process, args term.Term) genserver.InitResult[State] {
	switch a := args.(type) {
	case term.Atom:
		return genserver.Ok(State{Other: a})
	case term.Tuple:
		other, ok1 := a[0].(term.Atom)
		ms, ok2 := a[1].(int)
		if len(a) == 2 && ok1 && ok2 {
			return genserver.Ok(State{Other: other, Timeout: time.Duration(ms) * time.Millisecond})
		}
	}
	erl.FunctionClause(Name, "init", args)
	panic("unreachable")
}

// HandleCall serves call_other, call_self and ping.
func (Server) HandleCall(p *otp.Process, req any, from gen.From, s State) genserver.Result[State] {
	switch req {
	case CallOther:
		// The call exits the server when it fails, as in Erlang.
		var timeout []time.Duration
		if s.Timeout > 0 {
			timeout = append(timeout, s.Timeout)
		}
		return genserver.Reply(genserver.MustCall(p, s.Other, CallOther, timeout...), s)
	case CallSelf:
		_, err := genserver.Call(p, p.Self(), Ping)
		var reply term.Term = term.OK
		if err != nil {
			// catch gen_server:call(self(), ping)
			reply = term.Tuple{term.Atom("EXIT"), err.(*genserver.CallError).Reason}
		}
		return genserver.Reply(reply, s)
	case Ping:
		return genserver.Reply(term.Atom("pong"), s)
	}
	erl.FunctionClause(Name, "handle_call", req, from.Term(), s.Term())
	panic("unreachable")
}

// HandleCast ignores casts.
func (Server) HandleCast(_ *otp.Process, _ any, s State) genserver.Result[State] {
	return genserver.NoReply(s)
}

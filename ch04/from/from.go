// Book: chapter 4, "Generic Servers", "Using From" (ch4/from.erl).

// Package from shows that handle_call need not return the reply: it gets
// From, the caller's handle, answers with gen_server:reply(From, Reply)
// whenever it likes (ReplyTo in Go, from any process that holds From), and
// returns {noreply, State}.
//
// The server keeps a running sum. The call {add, N} is answered ok at
// once; then the server works for a second, adds N, prints
// "From:<From>, Sum:<Sum>" and returns {noreply, Sum}. What the book shows
// with it, on OTP 25:
//
//   - the call returns at once, the line comes a second later; From
//     prints as {<0.81.0>,[alias|#Ref<...>]} (an opaque term: older
//     releases showed a plain reference);
//   - two calls in a row take a second: the second waits in the queue
//     until the server has done the first's work;
//   - a call with a 500 ms timeout made while the server still works
//     times out, and is still served later: the sum grows;
//   - {add, foo} is answered ok, then the server crashes with badarith;
//   - a plain message is logged as a warning ("Undefined handle_info in
//     from"), as the module has no handle_info/2, and the server goes on;
//     a cast crashes it with undef, as it has no handle_cast/2.
//
// The module has no start function; the book starts it with
// gen_server:start(from, 0, []).
package from

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

// Name is the module's name.
const Name term.Atom = "from"

// Work is how long the server works on a request after it has answered:
// the book's timer:sleep(1000).
const Work = time.Second

// Start starts an unnamed server whose sum is sum, as gen_server:start(from,
// Sum, []) does, and returns its pid.
func Start(p *otp.Process, sum int) (term.Pid, error) {
	return genserver.Start(p, nil, Callbacks(), sum)
}

// AddRequest is the call {add, N}.
func AddRequest(n term.Term) term.Term { return term.Tuple{term.Atom("add"), n} }

// Add asks the server to add n to its sum, and returns when the server has
// answered ok: at once, unless it is still working on an earlier request.
// timeout is as for genserver.Call.
func Add(p *otp.Process, server term.Pid, n int, timeout ...time.Duration) error {
	_, err := genserver.Call(p, server, AddRequest(n), timeout...)
	return err
}

// Server is the callback module from: init/1 and handle_call/3.
type Server struct{}

// Callbacks returns the callback module, named from, as Start takes it.
func Callbacks() *genserver.Impl { return Module().Impl.(*genserver.Impl) }

// Module returns the Erlang module from, whose implementation is the
// gen_server callbacks (gen_server:start(from, 0, []) starts it).
func Module() *code.Module { return genserver.NewModule[term.Term](Name, Server{}) }

// Init is init(Sum): the state is the sum.
func (Server) Init(_ *otp.Process, sum term.Term) genserver.InitResult[term.Term] {
	return genserver.Ok(sum)
}

// HandleCall is handle_call({add, Data}, From, Sum): reply ok to From
// first, then work, add, print, and return {noreply, NewSum}.
func (Server) HandleCall(p *otp.Process, req any, from gen.From, sum term.Term) genserver.Result[term.Term] {
	t, ok := req.(term.Tuple)
	if !ok || len(t) != 2 || t[0] != term.Atom("add") {
		erl.FunctionClause(Name, "handle_call", req, from.Term(), sum)
	}
	genserver.ReplyTo(p, from, term.OK)
	p.Sleep(Work)
	newSum := add(t[1], sum)
	_, _ = io.WriteString(p.Output(), fmt.Sprintf("From:%s, Sum:%s\n", term.Print(from.Term()), term.Print(newSum)))
	return genserver.NoReply(newSum)
}

// HandleCast stands for the handle_cast/2 the book's module lacks: a cast
// crashes the server with undef.
func (Server) HandleCast(_ *otp.Process, req any, s term.Term) genserver.Result[term.Term] {
	erl.Raise(term.Atom("undef"), erl.Frame(Name, "handle_cast", term.List{req, s}))
	panic("unreachable")
}

// add is add(Data, Sum): Data + Sum, badarith unless both are integers.
func add(data, sum term.Term) term.Term {
	a, ok1 := data.(int)
	b, ok2 := sum.(int)
	if !ok1 || !ok2 {
		erl.Raise(term.Atom("badarith"), erl.Frame("erlang", "+", term.List{data, sum}), erl.Frame(Name, "add", 2))
	}
	return a + b
}

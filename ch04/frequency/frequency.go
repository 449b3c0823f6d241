// Book: chapter 4, "Generic Servers" (ch4/frequency.erl).

// Package frequency is the book's frequency server rewritten as a
// gen_server: the pool of radio frequencies of chapter 3, whose generic
// part (spawning, registering, the call protocol, replies, termination,
// error reports) is now package otp/genserver's, and whose specific part
// is the callback module here.
//
// The server is registered as frequency and linked to whoever starts it
// (start_link). Its state is {Free, Allocated}: the frequencies to hand
// out, [10,11,12,13,14,15] at first, the next one first; and the
// {Frequency, ClientPid} pairs handed out, the newest first. Clients talk
// to it through gen_server:
//
//	allocate()      call {allocate, Pid}   -> {ok, Freq} | {error, no_frequency}
//	deallocate(F)   cast {deallocate, F}   -> ok
//	stop()          cast stop              -> ok
//
// The two casts return ok whether or not a server runs; allocate exits
// with {noproc, {gen_server, call, [frequency, {allocate, Pid}]}} when
// none does (an error in Go). Any other call or cast crashes the server
// with function_clause, as the book's clauses do; a plain message is
// ignored by handle_info. format_status presents the state as
// [{"State", {{available, Free}, {allocated, Allocated}}}] to sys:get_status
// and to the error report.
//
// The server checks nothing, as the book's does not: a frequency freed
// twice is in the pool twice, and anyone may free anyone's frequency.
//
// Start, StartLink, Allocate, Deallocate and Stop are the client
// functions for Go callers; Server is the callback module; Module is the
// Erlang module frequency for the shell, which exports the client
// functions and serves as the callback module of gen_server:start.
package frequency

import (
	"fmt"
	"slices"

	"github.com/scalability-go/otpbook/internal/erl"
	"github.com/scalability-go/otpbook/otp"
	"github.com/scalability-go/otpbook/otp/gen"
	"github.com/scalability-go/otpbook/otp/genserver"
	"github.com/scalability-go/otpbook/otp/term"
)

// Name is the server's registered name, and its module's name.
const Name term.Atom = "frequency"

// Atoms of the protocol.
const (
	allocate   term.Atom = "allocate"
	deallocate term.Atom = "deallocate"
	stop       term.Atom = "stop"
)

// Error is an error the server answers with: {error, Reason} in Erlang.
// It prints as that term.
type Error struct{ Reason term.Atom }

func (e Error) Error() string { return term.Write(e.Term()) }

// Term returns {error, Reason}.
func (e Error) Term() term.Term { return term.Tuple{term.Atom("error"), e.Reason} }

// ErrNoFrequency is the answer to allocate when every frequency is taken:
// {error, no_frequency}.
var ErrNoFrequency = Error{"no_frequency"}

// Frequencies returns the frequencies a new server hands out, in the
// order it hands them out. The book hard-codes them.
func Frequencies() []term.Term { return []term.Term{10, 11, 12, 13, 14, 15} }

// Start starts the server, registered as frequency, as frequency:start/0
// does: with gen_server:start_link, so the server is linked to p. When
// the name is taken the error matches genserver.ErrAlreadyStarted and
// genserver.AlreadyStarted gives the running server's pid. Start is
// StartLink; both names are kept so that Go callers read as they mean.
func Start(p *otp.Process) (term.Pid, error) { return StartLink(p) }

// StartLink starts the server linked to p (gen_server:start_link({local,
// frequency}, frequency, [], [])) and returns its pid once init has run.
func StartLink(p *otp.Process, opts ...genserver.Option) (term.Pid, error) {
	return genserver.StartLink(p, genserver.Local(Name), Callbacks(), term.List{}, opts...)
}

// Allocate asks the server for a frequency (frequency:allocate/0): the
// head of the free list, or ErrNoFrequency when it is empty. When no
// server runs the error is the call's: a *genserver.CallError matching
// genserver.ErrNoproc, whose reason is {noproc, {gen_server, call,
// [frequency, {allocate, Pid}]}}.
func Allocate(p *otp.Process) (int, error) {
	r, err := genserver.Call(p, Name, AllocateRequest(p.Self()))
	if err != nil {
		return 0, err
	}
	t := r.(term.Tuple)
	if t[0] == term.Atom("error") {
		return 0, Error{t[1].(term.Atom)}
	}
	f, ok := t[1].(int)
	if !ok {
		// Only the shell can put a frequency that is no int in the pool.
		return 0, fmt.Errorf("frequency: %s is not an integer", term.Write(t[1]))
	}
	return f, nil
}

// Deallocate gives a frequency back (frequency:deallocate/1), with a
// cast: it returns at once, whether or not a server runs.
func Deallocate(p *otp.Process, f int) {
	genserver.Cast(p, Name, term.Tuple{deallocate, f})
}

// Stop asks the server to stop (frequency:stop/0), with a cast: it
// returns at once, whether or not a server runs, and the server ends with
// reason normal when it gets to the request. (Exercise syncstop makes it
// a call.)
func Stop(p *otp.Process) {
	genserver.Cast(p, Name, stop)
}

// AllocateRequest is the call {allocate, Pid}.
func AllocateRequest(pid term.Pid) term.Term { return term.Tuple{allocate, pid} }

// State is the server's state, {Free, Allocated} in Erlang: the
// frequencies to hand out, the next first, and who holds the others,
// the newest first. sys:get_state returns it, and it prints as the
// Erlang tuple: {[12,13,14,15],[{11,<0.83.0>},{10,<0.83.0>}]}.
type State struct {
	Free      []term.Term
	Allocated []Allocation
}

// Allocation is a frequency handed out, {Freq, Pid} in Erlang.
type Allocation struct {
	Freq term.Term
	Pid  term.Pid
}

// Term returns {Freq, Pid}.
func (a Allocation) Term() term.Term { return term.Tuple{a.Freq, a.Pid} }

// Term returns {Free, Allocated}.
func (s State) Term() term.Term {
	alloc := make(term.List, len(s.Allocated))
	for i, a := range s.Allocated {
		alloc[i] = a.Term()
	}
	return term.Tuple{term.List(slices.Clone(s.Free)), alloc}
}

// String prints the state as Erlang does.
func (s State) String() string { return term.Write(s.Term()) }

// FromTerm reads a state from its term, {Free, Allocated}: the hook by
// which the server takes a state made in Erlang (sys:replace_state with a
// fun from the shell; see genserver.StateFromTerm).
func (State) FromTerm(t term.Term) (State, error) {
	bad := fmt.Errorf("frequency: bad state %s", term.Write(t))
	tu, ok := t.(term.Tuple)
	if !ok || len(tu) != 2 {
		return State{}, bad
	}
	free, ok1 := listOf(tu[0])
	alloc, ok2 := listOf(tu[1])
	if !ok1 || !ok2 {
		return State{}, bad
	}
	s := State{Free: free}
	for _, a := range alloc {
		fp, ok := a.(term.Tuple)
		if !ok || len(fp) != 2 {
			return State{}, bad
		}
		pid, ok := fp[1].(term.Pid)
		if !ok {
			return State{}, bad
		}
		s.Allocated = append(s.Allocated, Allocation{Freq: fp[0], Pid: pid})
	}
	return s, nil
}

// listOf reads a proper list, which may come as a string of characters.
func listOf(t term.Term) ([]term.Term, bool) {
	switch v := t.(type) {
	case term.List:
		return slices.Clone(v), true
	case string:
		l := []term.Term{}
		for _, r := range v {
			l = append(l, int(r))
		}
		return l, true
	}
	return nil, false
}

// Allocate hands the head of the free list to pid and returns the new
// state and the reply, {ok, Freq}; or the state unchanged and {error,
// no_frequency} when the free list is empty.
func (s State) Allocate(pid term.Pid) (State, term.Term) {
	if len(s.Free) == 0 {
		return s, ErrNoFrequency.Term()
	}
	f := s.Free[0]
	return State{
		Free:      slices.Clone(s.Free[1:]),
		Allocated: append([]Allocation{{f, pid}}, s.Allocated...),
	}, term.Tuple{term.OK, f}
}

// Deallocate puts freq at the head of the free list and forgets the first
// allocation of a frequency equal to it (lists:keydelete/3), if any. It
// checks nothing.
func (s State) Deallocate(freq term.Term) State {
	alloc := slices.Clone(s.Allocated)
	if i := slices.IndexFunc(alloc, func(a Allocation) bool { return term.Equal(a.Freq, freq) }); i >= 0 {
		alloc = slices.Delete(alloc, i, i+1)
	}
	return State{Free: append([]term.Term{freq}, s.Free...), Allocated: alloc}
}

// Server is the callback module: init/1, handle_call/3, handle_cast/2,
// handle_info/2, terminate/2 and format_status/2.
type Server struct{}

var (
	_ genserver.Callbacks[State]       = Server{}
	_ genserver.InfoHandler[State]     = Server{}
	_ genserver.Terminator[State]      = Server{}
	_ genserver.StatusFormatter[State] = Server{}
)

// Callbacks returns the callback module, named frequency, as Start takes it.
func Callbacks() *genserver.Impl { return genserver.Adapt[State](Server{}) }

// Init is init([]): the state {[10,11,12,13,14,15], []}.
func (Server) Init(p *otp.Process, _ term.Term) genserver.InitResult[State] {
	return genserver.Ok(State{Free: Frequencies()})
}

// HandleCall is handle_call({allocate, Pid}, From, State). Any other
// request crashes the server with function_clause.
func (Server) HandleCall(p *otp.Process, req any, from gen.From, s State) genserver.Result[State] {
	if t, ok := req.(term.Tuple); ok && len(t) == 2 && t[0] == allocate {
		if pid, ok := t[1].(term.Pid); ok {
			ns, reply := s.Allocate(pid)
			return genserver.Reply(reply, ns)
		}
	}
	erl.FunctionClause(Name, "handle_call", termOf(req), from.Term(), s.Term())
	panic("unreachable")
}

// HandleCast is handle_cast({deallocate, Freq}, State) and
// handle_cast(stop, State), which stops the server with reason normal.
// Any other request crashes the server with function_clause.
func (Server) HandleCast(p *otp.Process, req any, s State) genserver.Result[State] {
	switch r := req.(type) {
	case term.Tuple:
		if len(r) == 2 && r[0] == deallocate {
			return genserver.NoReply(s.Deallocate(r[1]))
		}
	case term.Atom:
		if r == stop {
			return genserver.Stop(otp.Normal, s)
		}
	}
	erl.FunctionClause(Name, "handle_cast", termOf(req), s.Term())
	panic("unreachable")
}

// HandleInfo is handle_info(_Msg, State): plain messages are ignored.
func (Server) HandleInfo(p *otp.Process, _ any, s State) genserver.Result[State] {
	return genserver.NoReply(s)
}

// Terminate is terminate(_Reason, _State): nothing to do. (The book notes
// that it should tell the clients holding frequencies.)
func (Server) Terminate(*otp.Process, term.Term, State) {}

// FormatStatus is format_status(_Opt, [_PDict, {Free, Allocated}]):
// {data, [{"State", {{available, Free}, {allocated, Allocated}}}]}, the
// state as sys:get_status and the error report show it.
func (Server) FormatStatus(_ *otp.Process, _ term.Atom, _ term.Term, s State) term.Term {
	st := s.Term().(term.Tuple)
	return term.Tuple{term.Atom("data"), term.List{term.Tuple{"State", term.Tuple{
		term.Tuple{term.Atom("available"), st[0]},
		term.Tuple{term.Atom("allocated"), st[1]},
	}}}}
}

// termOf returns a message as the Erlang term it is.
func termOf(v any) term.Term {
	if t, ok := v.(term.Termer); ok {
		return t.Term()
	}
	return v
}

// Book: chapter 4, "Generic Servers" (exercise: monitor the clients of ch4/frequency.erl).

// Package monitorclients is an exercise: the frequency server of package
// frequency, which monitors each client it hands a frequency to and takes
// the frequency back when the client dies. See README.md.
package monitorclients

import (
	"slices"

	"github.com/scalability-go/otpbook/internal/erl"
	"github.com/scalability-go/otpbook/otp"
	"github.com/scalability-go/otpbook/otp/gen"
	"github.com/scalability-go/otpbook/otp/genserver"
	"github.com/scalability-go/otpbook/otp/term"
)

// Name is the server's registered name.
const Name term.Atom = "frequency"

// State is {Free, Allocated}, where each allocation also holds the
// reference of the monitor on its client.
type State struct {
	Free      []int
	Allocated []Allocation
}

// Allocation is a frequency handed out: {Freq, Pid, Ref}.
type Allocation struct {
	Freq int
	Pid  term.Pid
	Ref  term.Ref
}

// Term returns {Free, [{Freq, Pid, Ref}]}.
func (s State) Term() term.Term {
	free := term.List{}
	for _, f := range s.Free {
		free = append(free, f)
	}
	alloc := term.List{}
	for _, a := range s.Allocated {
		alloc = append(alloc, term.Tuple{a.Freq, a.Pid, a.Ref})
	}
	return term.Tuple{free, alloc}
}

// clone returns a copy of s that shares nothing with it.
func (s State) clone() State {
	return State{Free: slices.Clone(s.Free), Allocated: slices.Clone(s.Allocated)}
}

// Server is the callback module.
type Server struct{}

// Start starts the server, registered as frequency and linked to p.
func Start(p *otp.Process) (term.Pid, error) {
	return genserver.StartLink(p, genserver.Local(Name), genserver.Adapt[State](Server{}), term.List{})
}

// Allocate asks for a frequency: {ok, Freq} or {error, no_frequency}.
func Allocate(p *otp.Process) (term.Term, error) {
	return genserver.Call(p, Name, term.Tuple{term.Atom("allocate"), p.Self()})
}

// Deallocate gives a frequency back (a cast).
func Deallocate(p *otp.Process, f int) {
	genserver.Cast(p, Name, term.Tuple{term.Atom("deallocate"), f})
}

// Init starts with [10..15] free.
func (Server) Init(*otp.Process, term.Term) genserver.InitResult[State] {
	return genserver.Ok(State{Free: []int{10, 11, 12, 13, 14, 15}})
}

// HandleCall serves {allocate, Pid} with allocate.
func (Server) HandleCall(p *otp.Process, req any, from gen.From, s State) genserver.Result[State] {
	if t, ok := req.(term.Tuple); ok && len(t) == 2 && t[0] == term.Atom("allocate") {
		if pid, ok := t[1].(term.Pid); ok {
			ns, reply := allocate(p, s.clone(), pid)
			return genserver.Reply(reply, ns)
		}
	}
	erl.FunctionClause(Name, "handle_call", req, from.Term(), s.Term())
	panic("unreachable")
}

// HandleCast serves {deallocate, Freq} with deallocate.
func (Server) HandleCast(p *otp.Process, req any, s State) genserver.Result[State] {
	if t, ok := req.(term.Tuple); ok && len(t) == 2 && t[0] == term.Atom("deallocate") {
		if f, ok := t[1].(int); ok {
			return genserver.NoReply(deallocate(p, s.clone(), f))
		}
	}
	erl.FunctionClause(Name, "handle_cast", req, s.Term())
	panic("unreachable")
}

// HandleInfo passes the DOWN of a client to down, and ignores anything
// else.
func (Server) HandleInfo(p *otp.Process, msg any, s State) genserver.Result[State] {
	if d, ok := msg.(otp.DownMsg); ok {
		return genserver.NoReply(down(s.clone(), d))
	}
	return genserver.NoReply(s)
}

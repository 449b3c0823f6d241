// Book: chapter 3, "Behaviours" (Callback Modules and Extracting Generic Behaviours: ch3/behavior/frequency.erl).

// Package behavior is the frequency server of package frequency split in
// two: the generic part is package server, and this package is the
// specific part, the callback module frequency. Going through the
// hand-written server line by line, the book sorts what every server does
// (spawn and register, send and wait, receive and reply, loop) from what
// only this one does, which is what is left here:
//
//   - Starting the server: the name and the initial state (Init).
//   - The client functions: their names and what their requests hold
//     (Allocate sends {allocate, Pid}, Deallocate {deallocate, Freq}).
//   - The server loop: how a request changes the state, and the reply
//     (Handle), and what stopping does (Terminate: nothing, ok).
//   - Functions internal to the server: the bookkeeping of State.
//
// It behaves as the hand-written server does, checks as little, and
// shares its state, {Free, Allocated}, and its order. A request Handle
// does not know (server:call(frequency, bogus)) crashes the server, with
// function_clause for frequency:handle(bogus, State), and leaves the
// client waiting for ever with server's naive call; with package
// callserver's call, the client gets {error, no_proc}.
//
// Frequency is the callback module for Go, over server.Callback; Start,
// Allocate, Deallocate and Stop are the client functions. Module is the
// Erlang module frequency, whose client functions call the module server
// by name: whichever of the two is loaded, as in Erlang.
package behavior

import (
	"fmt"

	"github.com/scalability-go/otpbook/ch03/server"
	"github.com/scalability-go/otpbook/internal/erl"
	"github.com/scalability-go/otpbook/otp"
	"github.com/scalability-go/otpbook/otp/term"
)

// Name is the server's registered name, which is also the name of its
// callback module.
const Name term.Atom = "frequency"

// Atoms of the requests.
const (
	allocate   term.Atom = "allocate"
	deallocate term.Atom = "deallocate"
)

// Error is an error the server answers with: {error, Reason} in Erlang.
// It prints as that term.
type Error struct{ Reason term.Atom }

func (e Error) Error() string { return term.Write(e.Term()) }

// Term returns {error, Reason}.
func (e Error) Term() term.Term { return term.Tuple{term.Error, e.Reason} }

// ErrNoFrequency is the answer to allocate when every frequency is taken.
var ErrNoFrequency = Error{"no_frequency"}

// Frequency is the callback module frequency, for package server (and
// package callserver, whose Callback is the same).
type Frequency struct{}

var _ server.Callback[State] = Frequency{}

// Init returns the initial state: every frequency free (frequency:init/1).
// args is not used.
func (Frequency) Init(_ *otp.Process, _ term.Term) State {
	return State{Free: []term.Term{10, 11, 12, 13, 14, 15}}
}

// Handle handles {allocate, Pid} and {deallocate, Freq}
// (frequency:handle/2). Any other request raises function_clause for
// frequency:handle(Msg, State), which ends the server.
func (Frequency) Handle(_ *otp.Process, msg term.Term, s State) (State, term.Term) {
	if t, ok := msg.(term.Tuple); ok && len(t) == 2 {
		switch t[0] {
		case allocate:
			return s.Allocate(t[1])
		case deallocate:
			return s.Deallocate(t[1]), term.OK
		}
	}
	erl.FunctionClause(Name, "handle", msg, s)
	return s, nil
}

// Terminate does nothing, and returns ok (frequency:terminate/1).
func (Frequency) Terminate(_ *otp.Process, _ State) term.Term { return term.OK }

// Start starts the server (frequency:start/0). See server.Start.
func Start(p *otp.Process) (term.Pid, error) {
	return server.Start(p, Name, Frequency{}, term.List{})
}

// Allocate asks for a frequency (frequency:allocate/0): the head of the
// free list, or ErrNoFrequency.
func Allocate(p *otp.Process) (int, error) {
	r, err := server.Call(p, Name, term.Tuple{allocate, p.Self()})
	if err != nil {
		return 0, err
	}
	return fromReply(r)
}

// fromReply reads {ok, Freq} or {error, Reason}.
func fromReply(r term.Term) (int, error) {
	t := r.(term.Tuple)
	if t[0] == term.Error {
		return 0, Error{t[1].(term.Atom)}
	}
	f, ok := t[1].(int)
	if !ok {
		return 0, fmt.Errorf("frequency: %s is not an integer", term.Write(t[1]))
	}
	return f, nil
}

// Deallocate gives a frequency back (frequency:deallocate/1).
func Deallocate(p *otp.Process, f int) error {
	_, err := server.Call(p, Name, term.Tuple{deallocate, f})
	return err
}

// Stop stops the server (frequency:stop/0).
func Stop(p *otp.Process) error {
	_, err := server.Stop(p, Name)
	return err
}

// State is the server's state, {Free, Allocated} in Erlang, as the
// hand-written server keeps it.
type State struct {
	Free      []term.Term
	Allocated []Allocation
}

// Allocation is a frequency handed out, {Freq, Pid} in Erlang. Pid is
// what the request named, a pid from the client functions.
type Allocation struct {
	Freq, Pid term.Term
}

// Term returns {Freq, Pid}.
func (a Allocation) Term() term.Term { return term.Tuple{a.Freq, a.Pid} }

// Term returns {Free, Allocated}.
func (s State) Term() term.Term {
	alloc := make(term.List, len(s.Allocated))
	for i, a := range s.Allocated {
		alloc[i] = a.Term()
	}
	return term.Tuple{term.List(append([]term.Term{}, s.Free...)), alloc}
}

// Allocate hands the head of the free list to pid: the new state and
// {ok, Freq}, or the same state and {error, no_frequency}.
func (s State) Allocate(pid term.Term) (State, term.Term) {
	if len(s.Free) == 0 {
		return s, ErrNoFrequency.Term()
	}
	f := s.Free[0]
	return State{
		Free:      s.Free[1:],
		Allocated: append([]Allocation{{f, pid}}, s.Allocated...),
	}, term.Tuple{term.OK, f}
}

// Deallocate puts freq at the head of the free list, and forgets the
// first allocation of a frequency equal to it, if any (lists:keydelete/3).
func (s State) Deallocate(freq term.Term) State {
	alloc := s.Allocated
	for i, a := range alloc {
		if term.Equal(a.Freq, freq) {
			alloc = append(append([]Allocation{}, alloc[:i]...), alloc[i+1:]...)
			break
		}
	}
	return State{Free: append([]term.Term{freq}, s.Free...), Allocated: alloc}
}

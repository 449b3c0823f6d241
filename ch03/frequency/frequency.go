// Book: chapter 3, "Behaviours" (ch3/frequency.erl: the hand-written frequency server).

// Package frequency is the book's running example as chapter 3 first
// writes it, by hand, on raw processes: a server in a mobile network's
// base station that hands out radio frequencies to the phones that make a
// call, and takes them back when the call ends.
//
// The server is one process, registered as frequency, whose state is
// {Free, Allocated}: the frequencies it may hand out, [10,11,12,13,14,15]
// at first, and the {Frequency, ClientPid} pairs of those handed out,
// newest first. Clients talk to it with the protocol
//
//	client -> server   {request, Pid, allocate}
//	                   {request, Pid, {deallocate, Freq}}
//	                   {request, Pid, stop}
//	server -> client   {reply, Reply}
//
// and each client function sends a request and waits, for as long as it
// takes, for the first {reply, Reply} in its mailbox.
//
// The server checks nothing, as the book's does not: a frequency freed
// twice is in the pool twice, and handed out twice; a frequency that was
// never in the pool (99) joins it; anyone may free anyone's frequency.
// A request the loop does not know stays in its mailbox for ever, and a
// client that sent one would wait for ever. Start while the server runs
// fails, but only after it has spawned a second server, which runs on,
// nameless. These are the rough edges the rest of the chapter, and
// gen_server in the next, smooth out.
//
// Start, Allocate, Deallocate and Stop are the client functions for Go
// callers; Init is the server's body. Module is the Erlang module
// frequency, for the shell.
package frequency

import (
	"fmt"

	"github.com/scalability-go/otpbook/otp"
	"github.com/scalability-go/otpbook/otp/term"
)

// Name is the server's registered name.
const Name term.Atom = "frequency"

// Atoms of the protocol.
const (
	request    term.Atom = "request"
	reply      term.Atom = "reply"
	allocate   term.Atom = "allocate"
	deallocate term.Atom = "deallocate"
	stop       term.Atom = "stop"
)

// InitMFA is the initial call of the server process, {frequency, init, 0},
// as spawn(frequency, init, []) starts it.
var InitMFA = otp.MFA{Module: "frequency", Function: "init", Arity: 0}

// Error is an error the server answers with: {error, Reason} in Erlang.
// It prints as that term.
type Error struct{ Reason term.Atom }

func (e Error) Error() string { return term.Write(e.Term()) }

// Term returns {error, Reason}.
func (e Error) Term() term.Term { return term.Tuple{term.Atom("error"), e.Reason} }

// ErrNoFrequency is the answer to allocate when every frequency is taken:
// {error, no_frequency}.
var ErrNoFrequency = Error{"no_frequency"}

var (
	// ErrNotRunning is the error of a client function when no process
	// is registered as frequency: the send to the name is badarg in
	// Erlang ("invalid destination").
	ErrNotRunning = fmt.Errorf("frequency is not registered: %w", otp.ErrBadarg)
	// ErrRunning is the error of Start when the name frequency is in
	// use: register/2 is badarg in Erlang ("name is in use").
	ErrRunning = fmt.Errorf("frequency: name is in use: %w", otp.ErrBadarg)
)

// Frequencies returns the frequencies a new server hands out, in the
// order it hands them out. The book hard-codes them; a real base station
// would ask its controller.
func Frequencies() []term.Term { return []term.Term{10, 11, 12, 13, 14, 15} }

// Start spawns the server and registers it as frequency (frequency:start/0).
// When the name is taken it returns ErrRunning, having spawned a second
// server that nobody can reach by name, as the Erlang does: spawn comes
// before register. It returns the pid of the process it spawned.
func Start(p *otp.Process) (term.Pid, error) {
	pid, _ := p.SpawnOpt(Init, otp.SpawnOptions{InitialCall: &InitMFA})
	if err := p.Node().Register(Name, pid); err != nil {
		return pid, ErrRunning
	}
	return pid, nil
}

// Allocate asks the server for a frequency (frequency:allocate/0): the
// head of the free list, or ErrNoFrequency when it is empty.
func Allocate(p *otp.Process) (int, error) {
	r, err := call(p, allocate)
	if err != nil {
		return 0, err
	}
	t := r.(term.Tuple)
	if t[0] == term.Atom("error") {
		return 0, Error{t[1].(term.Atom)}
	}
	f, ok := t[1].(int)
	if !ok {
		// Only the module can put a frequency that is no int in the pool.
		return 0, fmt.Errorf("frequency: %s is not an integer", term.Write(t[1]))
	}
	return f, nil
}

// Deallocate gives a frequency back (frequency:deallocate/1): it goes to
// the head of the free list, whoever held it, and whether or not anyone did.
func Deallocate(p *otp.Process, f int) error {
	_, err := call(p, term.Tuple{deallocate, f})
	return err
}

// Stop stops the server (frequency:stop/0): it answers, then ends with
// reason normal.
func Stop(p *otp.Process) error {
	_, err := call(p, stop)
	return err
}

// call sends {request, self(), msg} to the server and waits for the first
// {reply, Reply} in p's mailbox, for as long as it takes.
func call(p *otp.Process, msg term.Term) (term.Term, error) {
	if err := p.SendTo(Name, term.Tuple{request, p.Self(), msg}); err != nil {
		return nil, ErrNotRunning
	}
	return receiveReply(p), nil
}

// receiveReply waits for the first {reply, Reply} in p's mailbox and
// returns Reply.
func receiveReply(p *otp.Process) term.Term {
	m, _ := p.ReceiveMatch(isReply, otp.Infinity)
	return m.(term.Tuple)[1]
}

// isReply matches {reply, Reply}.
func isReply(m any) bool {
	t, ok := m.(term.Tuple)
	return ok && len(t) == 2 && t[0] == reply
}

// Init is the server's body (frequency:init/0): it makes the initial state
// and loops.
func Init(p *otp.Process) {
	loop(p, State{Free: Frequencies()})
}

// loop receives the requests it knows, oldest first, and leaves any other
// message queued.
func loop(p *otp.Process, s State) {
	for {
		m, _ := p.ReceiveMatch(isRequest, otp.Infinity)
		req := m.(term.Tuple)
		from := req[1].(term.Pid)
		switch msg := req[2].(type) {
		case term.Atom:
			if msg == stop {
				p.Send(from, term.Tuple{reply, term.OK})
				return
			}
			var r term.Term
			s, r = s.Allocate(from)
			p.Send(from, term.Tuple{reply, r})
		case term.Tuple:
			s = s.Deallocate(msg[1])
			p.Send(from, term.Tuple{reply, term.OK})
		}
	}
}

// isRequest matches the requests the loop knows: {request, Pid, allocate},
// {request, Pid, {deallocate, Freq}} and {request, Pid, stop}.
func isRequest(m any) bool {
	t, ok := m.(term.Tuple)
	if !ok || len(t) != 3 || t[0] != request {
		return false
	}
	if _, ok := t[1].(term.Pid); !ok {
		return false
	}
	switch msg := t[2].(type) {
	case term.Atom:
		return msg == allocate || msg == stop
	case term.Tuple:
		return len(msg) == 2 && msg[0] == deallocate
	}
	return false
}

// State is the server's state, {Free, Allocated} in Erlang: the
// frequencies to hand out, the next first, and who holds the others,
// the newest first.
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
	return term.Tuple{term.List(append([]term.Term{}, s.Free...)), alloc}
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
		Free:      s.Free[1:],
		Allocated: append([]Allocation{{f, pid}}, s.Allocated...),
	}, term.Tuple{term.OK, f}
}

// Deallocate puts freq at the head of the free list and forgets the first
// allocation of a frequency equal to it (==, as lists:keydelete/3
// compares), if there is one. It checks nothing.
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

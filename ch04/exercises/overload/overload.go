// Book: chapter 4, "Generic Servers", "Call Timeouts" (exercise: overload and deadlines).

// Package overload is an exercise: a frequency server too slow for its
// clients, which hands out frequencies to callers that have given up on
// them, and the deadline that stops the leak. See README.md.
package overload

import (
	"errors"
	"time"

	"github.com/scalability-go/otpbook/internal/erl"
	"github.com/scalability-go/otpbook/otp"
	"github.com/scalability-go/otpbook/otp/gen"
	"github.com/scalability-go/otpbook/otp/genserver"
	"github.com/scalability-go/otpbook/otp/term"
)

// Name is the server's registered name.
const Name term.Atom = "frequency"

// Work is how long the server takes over each request.
const Work = time.Millisecond

// Size is the number of frequencies in the pool.
const Size = 100

// ErrNoFrequency is the answer when the pool is empty.
var ErrNoFrequency = errors.New("{error,no_frequency}")

// ErrExpired is the answer to a request the server took up after its
// deadline: nobody was waiting for it any more.
var ErrExpired = errors.New("{error,expired}")

// AllocateRequest is the call {allocate, Pid, Deadline}: the deadline is
// when the caller stops waiting.
type AllocateRequest struct {
	Pid      term.Pid
	Deadline time.Time
}

// Term returns {allocate, Pid, Deadline}, the deadline in microseconds.
func (r AllocateRequest) Term() term.Term {
	return term.Tuple{term.Atom("allocate"), r.Pid, int(r.Deadline.UnixMicro())}
}

// State is {Free, Allocated}.
type State struct {
	Free      []int
	Allocated []Allocation
}

// Allocation is {Freq, Pid}.
type Allocation struct {
	Freq int
	Pid  term.Pid
}

// Term returns {Free, Allocated}.
func (s State) Term() term.Term {
	free, alloc := term.List{}, term.List{}
	for _, f := range s.Free {
		free = append(free, f)
	}
	for _, a := range s.Allocated {
		alloc = append(alloc, term.Tuple{a.Freq, a.Pid})
	}
	return term.Tuple{free, alloc}
}

// Start starts the server, registered as frequency, unlinked.
func Start(p *otp.Process) (term.Pid, error) {
	return genserver.Start(p, genserver.Local(Name), genserver.Adapt[State](Server{}), term.List{})
}

// Allocate asks for a frequency and waits at most timeout for it.
func Allocate(p *otp.Process, timeout time.Duration) (int, error) {
	req := AllocateRequest{Pid: p.Self(), Deadline: time.Now().Add(timeout)}
	r, err := genserver.Call(p, Name, req, timeout)
	if err != nil {
		return 0, err
	}
	switch r := r.(type) {
	case int:
		return r, nil
	case error:
		return 0, r
	}
	return 0, errors.New("overload: unexpected reply")
}

// Server is the callback module.
type Server struct{}

// Init fills the pool with 1..Size.
func (Server) Init(*otp.Process, term.Term) genserver.InitResult[State] {
	s := State{Free: make([]int, Size)}
	for i := range s.Free {
		s.Free[i] = i + 1
	}
	return genserver.Ok(s)
}

// HandleCall works on an allocate request for Work, then hands it to
// handleAllocate.
func (Server) HandleCall(p *otp.Process, req any, from gen.From, s State) genserver.Result[State] {
	r, ok := req.(AllocateRequest)
	if !ok {
		erl.FunctionClause(Name, "handle_call", req, from.Term(), s.Term())
	}
	p.Sleep(Work)
	ns, reply := handleAllocate(s, r, time.Now())
	return genserver.Reply(reply, ns)
}

// HandleCast ignores casts.
func (Server) HandleCast(_ *otp.Process, _ any, s State) genserver.Result[State] {
	return genserver.NoReply(s)
}

// allocate hands the head of the free list to pid: the new state and the
// frequency, or s and ErrNoFrequency.
func allocate(s State, pid term.Pid) (State, any) {
	if len(s.Free) == 0 {
		return s, ErrNoFrequency
	}
	f := s.Free[0]
	return State{
		Free:      s.Free[1:],
		Allocated: append([]Allocation{{f, pid}}, s.Allocated...),
	}, f
}

package genserver_test

import (
	"errors"
	"fmt"
	"slices"

	"github.com/scalability-go/otpbook/otp"
	"github.com/scalability-go/otpbook/otp/code"
	"github.com/scalability-go/otpbook/otp/gen"
	"github.com/scalability-go/otpbook/otp/genserver"
	"github.com/scalability-go/otpbook/otp/term"
)

// The frequency server of chapter 4 ("Generic Servers"): a pool of radio
// frequencies handed out by a gen_server registered as frequency.

// freqs is the server's state, {Free, Allocated} in the book.
type freqs struct {
	free      []int
	allocated []allocation
}

type allocation struct {
	freq int
	pid  term.Pid
}

// Term shows the state as the book's Erlang does, in *DBG* lines, sys
// and error reports.
func (s *freqs) Term() term.Term {
	free, alloc := term.List{}, term.List{}
	for _, f := range s.free {
		free = append(free, f)
	}
	for _, a := range s.allocated {
		alloc = append(alloc, term.Tuple{a.freq, a.pid})
	}
	return term.Tuple{free, alloc}
}

// frequency is the callback module: init/1, handle_call/3,
// handle_cast/2, handle_info/2, terminate/2 and format_status/2.
type frequency struct{}

// allocateReq is the call {allocate, Pid}.
type allocateReq struct{ pid term.Pid }

// deallocateReq is the cast {deallocate, Freq}.
type deallocateReq struct{ freq int }

var errNoFrequency = errors.New("no_frequency")

func (frequency) Init(p *otp.Process, _ term.Term) genserver.InitResult[*freqs] {
	return genserver.Ok(&freqs{free: []int{10, 11, 12, 13, 14, 15}})
}

func (frequency) HandleCall(p *otp.Process, req any, from gen.From, s *freqs) genserver.Result[*freqs] {
	switch r := req.(type) {
	case allocateReq:
		if len(s.free) == 0 {
			return genserver.Reply(term.Tuple{term.Atom("error"), term.Atom("no_frequency")}, s)
		}
		f := s.free[0]
		ns := &freqs{free: s.free[1:], allocated: append([]allocation{{f, r.pid}}, s.allocated...)}
		return genserver.Reply(term.Tuple{term.OK, f}, ns)
	}
	otp.Error(term.Atom("function_clause"))
	return genserver.NoReply(s)
}

func (frequency) HandleCast(p *otp.Process, req any, s *freqs) genserver.Result[*freqs] {
	switch r := req.(type) {
	case deallocateReq:
		ns := &freqs{free: append([]int{r.freq}, s.free...)}
		ns.allocated = slices.DeleteFunc(slices.Clone(s.allocated), func(a allocation) bool { return a.freq == r.freq })
		return genserver.NoReply(ns)
	case term.Atom:
		if r == "stop" {
			return genserver.Stop(otp.Normal, s)
		}
	}
	otp.Error(term.Atom("function_clause"))
	return genserver.NoReply(s)
}

// HandleInfo ignores stray messages.
func (frequency) HandleInfo(p *otp.Process, msg any, s *freqs) genserver.Result[*freqs] {
	return genserver.NoReply(s)
}

func (frequency) Terminate(p *otp.Process, reason term.Term, s *freqs) {}

func (frequency) FormatStatus(p *otp.Process, opt term.Atom, pdict term.Term, s *freqs) term.Term {
	st := s.Term().(term.Tuple)
	return term.Tuple{term.Atom("data"), term.List{term.Tuple{"State",
		term.Tuple{term.Tuple{term.Atom("available"), st[0]}, term.Tuple{term.Atom("allocated"), st[1]}}}}}
}

// The client functions.

func start(p *otp.Process) (term.Pid, error) {
	return genserver.StartLink(p, genserver.Local("frequency"), term.Atom("frequency"), nil)
}

func allocate(p *otp.Process) (int, error) {
	r, err := genserver.Call(p, term.Atom("frequency"), allocateReq{p.Self()})
	if err != nil {
		return 0, err
	}
	if t := r.(term.Tuple); t[0] == term.OK {
		return t[1].(int), nil
	}
	return 0, errNoFrequency
}

func deallocate(p *otp.Process, f int) { genserver.Cast(p, term.Atom("frequency"), deallocateReq{f}) }

func stop(p *otp.Process) { genserver.Cast(p, term.Atom("frequency"), term.Atom("stop")) }

func Example_frequency() {
	n, _ := otp.NewNode()
	defer n.Stop()
	p := n.Attach()
	defer p.Detach()
	// The module is loaded under its name, as a compiled .beam is.
	code.Of(n).Load(genserver.NewModule[*freqs]("frequency", frequency{}))

	_, err := allocate(p)
	fmt.Println("before start:", err)

	pid, err := start(p)
	fmt.Println("started:", err == nil)
	_, err = start(p)
	holder, _ := genserver.AlreadyStarted(err)
	fmt.Println("again:", errors.Is(err, genserver.ErrAlreadyStarted), holder == pid)

	for range 7 {
		f, err := allocate(p)
		fmt.Println("allocate:", f, err)
	}
	deallocate(p, 11)
	f, _ := allocate(p)
	fmt.Println("allocate after deallocate:", f)

	mref, _ := p.Monitor(pid)
	stop(p)
	fmt.Println("stopped:", p.Receive().(otp.DownMsg).Reason == otp.Normal, mref != term.Ref{})
	// Output:
	// before start: genserver: {noproc,{gen_server,call,[frequency,{allocate,<0.1.0>}]}}
	// started: true
	// again: true true
	// allocate: 10 <nil>
	// allocate: 11 <nil>
	// allocate: 12 <nil>
	// allocate: 13 <nil>
	// allocate: 14 <nil>
	// allocate: 15 <nil>
	// allocate: 0 no_frequency
	// allocate after deallocate: 11
	// stopped: true true
}

// Term prints the request as the book's {allocate, Pid}.
func (r allocateReq) Term() term.Term { return term.Tuple{term.Atom("allocate"), r.pid} }

// Term prints the request as the book's {deallocate, Freq}.
func (r deallocateReq) Term() term.Term { return term.Tuple{term.Atom("deallocate"), r.freq} }

package genserver

import (
	"errors"
	"time"

	"github.com/scalability-go/otpbook/otp"
	"github.com/scalability-go/otpbook/otp/gen"
	"github.com/scalability-go/otpbook/otp/term"
)

// DefaultTimeout is the time a call waits for its reply when no timeout
// is given: OTP's 5 seconds.
const DefaultTimeout = 5 * time.Second

// The errors a call fails with, matched with errors.Is through CallError:
// they are package gen's.
var (
	ErrTimeout     = gen.ErrTimeout     // the reply did not come in time
	ErrNoproc      = gen.ErrNoproc      // no such server
	ErrCallingSelf = gen.ErrCallingSelf // a server called itself
	ErrNodedown    = gen.ErrNodedown    // the server's node is not reachable
)

// CallError is the failure of a call, or of stop: Reason is the reason
// OTP's function exits with, such as {timeout, {gen_server, call,
// [frequency, allocate, 500]}} or {noproc, {gen_server, call,
// [frequency, allocate]}} for a call, and noproc for stop. errors.Is
// matches ErrTimeout, ErrNoproc, ErrCallingSelf and ErrNodedown;
// errors.As finds the *gen.CallError underneath, whose Reason is the first
// element.
type CallError struct {
	Reason term.Term
	err    error
}

func (e *CallError) Error() string { return "genserver: " + term.Write(e.Reason) }

// Unwrap returns the error of package gen the call failed with.
func (e *CallError) Unwrap() error { return e.err }

// Is matches the sentinels by the reason, for errors made without a gen
// error underneath.
func (e *CallError) Is(target error) bool {
	r := e.Reason
	if t, ok := r.(term.Tuple); ok && len(t) == 2 {
		if mfa, ok := t[1].(term.Tuple); ok && len(mfa) == 3 {
			r = t[0] // {Reason, {M, F, Args}}
		}
	}
	switch target {
	case ErrTimeout:
		return r == atomTimeout
	case ErrNoproc:
		return r == otp.Noproc
	case ErrCallingSelf:
		return r == term.Atom("calling_self")
	case ErrNodedown:
		t, ok := r.(term.Tuple)
		return ok && len(t) == 2 && t[0] == term.Atom("nodedown")
	}
	return false
}

// Term returns the reason.
func (e *CallError) Term() term.Term { return e.Reason }

// Exception is what the OTP function raises for this failure: exit
// Reason (gen.Raise raises it).
func (e *CallError) Exception() *otp.Exception {
	return &otp.Exception{Class: otp.ClassExit, Reason: e.Reason}
}

// Call makes a synchronous call, as gen_server:call/2,3: it sends
// {'$gen_call', From, Request} to dest and waits for the reply, at most
// timeout (DefaultTimeout when none is given; otp.Infinity waits as long
// as it takes). dest is a pid, a registered name (term.Atom), {Name,
// Node}, {global, Name} or {via, Module, Name}.
//
// The error is a *CallError whose Reason is what gen_server:call exits
// with: {R, {gen_server, call, [Dest, Request]}} ([Dest, Request,
// Timeout] when a timeout was given), where R is timeout, noproc,
// calling_self, {nodedown, Node}, or the server's exit reason when it
// died handling the call; {function_clause, []}, with nothing sent, for a
// negative timeout or a dest that is no server reference. A reply that comes after the timeout never
// reaches the caller (the call is made under a monitor alias).
func Call(p *otp.Process, dest term.Term, req any, timeout ...time.Duration) (any, error) {
	t := DefaultTimeout
	if len(timeout) > 0 {
		t = timeout[0]
	}
	r, err := gen.Call(p, dest, func(f gen.From) any { return gen.CallMsg{From: f, Request: req} }, t)
	if err != nil {
		return nil, callError(err, dest, req, timeout)
	}
	return r, nil
}

func callError(err error, dest term.Term, req any, timeout []time.Duration) error {
	args := term.List{dest, toTerm(req)}
	if len(timeout) > 0 {
		args = append(args, durationTerm(timeout[0]))
	}
	return &CallError{Reason: term.Tuple{reasonOf(err), term.Tuple{atomGenServer, term.Atom("call"), args}}, err: err}
}

// MustCall is Call that fails as gen_server:call does in Erlang: the
// calling process exits with the reason (an exit exception, which
// otp.Catch catches as Erlang's catch does).
func MustCall(p *otp.Process, dest term.Term, req any, timeout ...time.Duration) any {
	r, err := Call(p, dest, req, timeout...)
	if err != nil {
		var ce *CallError
		reason := reasonOf(err)
		if errors.As(err, &ce) {
			reason = ce.Reason
		}
		exitIn(reason, term.Tuple{atomGenServer, term.Atom("call"), 2 + len(timeout), term.List{}})
	}
	return r
}

// Cast sends the asynchronous request {'$gen_cast', Request} to dest, as
// gen_server:cast/2 does. It never fails, whether or not dest exists; a
// dest that is no server reference is dropped too (gen_server:cast, and
// Module's cast/2, raise function_clause for it).
func Cast(p *otp.Process, dest term.Term, req any) {
	gen.Send(p, dest, gen.CastMsg{Request: req})
}

// ReplyTo answers a call whose handle_call returned NoReply, as
// gen_server:reply/2 does. Any process holding from may reply. A caller
// that has given up never gets the reply.
func ReplyTo(p *otp.Process, from gen.From, reply any) {
	gen.Reply(p, from, reply)
}

// NodeReply is one reply of MultiCall: {Node, Reply}.
type NodeReply struct {
	Node  term.Atom
	Reply any
}

// Term returns {Node, Reply}.
func (r NodeReply) Term() term.Term { return term.Tuple{r.Node, toTerm(r.Reply)} }

// MultiCall calls the server registered locally as name on each of nodes
// and collects the replies, as gen_server:multi_call/2,3,4 does: it
// returns {Replies, BadNodes}, where a bad node is one on which the
// server does not exist, died, or did not answer within timeout (one
// timeout for all; otp.Infinity when none is given). nil nodes means
// the local node (and, once distribution exists, the connected ones).
// Until distribution exists every other node is bad.
func MultiCall(p *otp.Process, nodes []term.Atom, name term.Atom, req any, timeout ...time.Duration) ([]NodeReply, []term.Atom) {
	t := otp.Infinity
	if len(timeout) > 0 {
		t = timeout[0]
	}
	self := p.Node().Name()
	if nodes == nil {
		nodes = []term.Atom{self}
	}
	deadline := time.Now().Add(t)
	var replies []NodeReply
	var bad []term.Atom
	for _, n := range nodes {
		if n != self {
			bad = append(bad, n)
			continue
		}
		left := otp.Infinity
		if t != otp.Infinity {
			left = max(time.Until(deadline), 0)
		}
		r, err := gen.Call(p, name, func(f gen.From) any { return gen.CallMsg{From: f, Request: req} }, left)
		if err != nil {
			bad = append(bad, n)
			continue
		}
		replies = append(replies, NodeReply{Node: n, Reply: r})
	}
	return replies, bad
}

// Abcast casts request to the server registered locally as name on each
// of nodes (nil: the local node), as gen_server:abcast/2,3 does. It never
// fails.
func Abcast(p *otp.Process, nodes []term.Atom, name term.Atom, req any) {
	if nodes == nil {
		nodes = []term.Atom{p.Node().Name()}
	}
	for _, n := range nodes {
		gen.Send(p, term.Tuple{name, n}, gen.CastMsg{Request: req})
	}
}

// StopServer stops a server with reason normal and waits for it to
// terminate, as gen_server:stop/1 does.
func StopServer(p *otp.Process, dest term.Term) error {
	return StopServerWith(p, dest, otp.Normal, otp.Infinity)
}

// StopServerWith stops a server with reason and waits at most timeout
// for it to terminate, as gen_server:stop/3 does (through
// sys:terminate): terminate(Reason, State) runs in the server, which
// then exits with reason. The error is a *CallError whose Reason is what
// stop exits with: noproc when there is no such server, timeout, the
// reason the server exited with when it was not reason, or, when the
// system message itself failed otherwise, {R, {sys, terminate, [Pid,
// Reason, Timeout]}} (R calling_self, or the reason the server died of
// before replying), as proc_lib:stop exits. A negative
// timeout is an invalid timeout: the error's reason is function_clause
// and nothing is sent.
func StopServerWith(p *otp.Process, dest term.Term, reason term.Term, timeout time.Duration) error {
	if timeout < 0 {
		return &CallError{Reason: term.Atom("function_clause")}
	}
	pid, err := whereFor(p, dest)
	if err != nil {
		return err
	}
	mref, merr := p.Monitor(pid)
	if merr != nil {
		return &CallError{Reason: otp.Noproc, err: ErrNoproc}
	}
	start := time.Now()
	_, err = gen.Call(p, pid, func(f gen.From) any {
		return gen.SystemMsg{From: f, Request: term.Tuple{term.Atom("terminate"), reason}}
	}, timeout)
	if err != nil {
		p.Demonitor(mref, otp.Flush)
		r := reasonOf(err)
		if r == otp.Noproc || r == atomTimeout {
			return &CallError{Reason: r, err: err}
		}
		// proc_lib:stop passes on sys:terminate's exit as it is.
		return &CallError{Reason: term.Tuple{r, term.Tuple{term.Atom("sys"), term.Atom("terminate"),
			term.List{pid, reason, durationTerm(timeout)}}}, err: err}
	}
	left := otp.Infinity
	if timeout != otp.Infinity {
		left = max(timeout-time.Since(start), 0)
	}
	msg, ok := p.ReceiveRef(mref, func(m any) bool {
		d, isDown := m.(otp.DownMsg)
		return isDown && d.Ref == mref
	}, left)
	if !ok {
		p.Demonitor(mref, otp.Flush)
		return &CallError{Reason: atomTimeout, err: ErrTimeout}
	}
	if r := msg.(otp.DownMsg).Reason; !term.Equal(r, reason) {
		return &CallError{Reason: r}
	}
	return nil
}

// whereFor is gen's do_for_proc: the pid of a server, or noproc.
func whereFor(p *otp.Process, dest term.Term) (term.Pid, error) {
	switch d := dest.(type) {
	case term.Pid:
		return d, nil
	case term.Tuple:
		if len(d) == 2 {
			if node, ok := d[1].(term.Atom); ok && d[0] != term.Atom("global") {
				if node != p.Node().Name() {
					return term.Pid{}, &CallError{Reason: term.Tuple{term.Atom("nodedown"), node}, err: ErrNodedown}
				}
				return whereFor(p, d[0])
			}
		}
	}
	var pid term.Pid
	var ok bool
	if a, isAtom := dest.(term.Atom); isAtom {
		pid, ok = p.Node().WhereIs(a)
	} else {
		pid, ok = gen.Where(p, dest)
	}
	if !ok {
		return term.Pid{}, &CallError{Reason: otp.Noproc, err: ErrNoproc}
	}
	return pid, nil
}

// exitIn raises exit reason with a stacktrace of one frame, so that the
// shell names the function that exited ("in function  gen_server:call/2"),
// as erl does.
func exitIn(reason term.Term, frame term.Tuple) {
	panic(&otp.Exception{Class: otp.ClassExit, Reason: reason, Stack: term.List{frame}})
}

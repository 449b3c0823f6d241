// Book: chapter 3, "Behaviours" (Message Passing: Under the Hood: ch3/call/server.erl).

// Package callserver is package server with the call done right: the
// generic server as the book rewrites it once it has looked at what can go
// wrong between a request and its reply. It has the same Callback, the
// same Start and Stop, and runs the same callback modules (package
// behavior's Frequency); only the call differs.
//
// Before it sends, the client monitors the server, by name. The request
// carries the monitor's reference, {request, {Ref, Pid}, Msg}, and the
// server's reply carries it back, {reply, Ref, Reply}, so that the client
// takes that reply and no other: not a stale one from an earlier call,
// not one from a process that merely answers with the same shape. Then:
//
//   - No server registered: monitoring a name nobody has gives a DOWN at
//     once, with reason noproc, and the send, whose badarg is caught, is
//     lost. The call returns {error, no_proc}.
//   - The server dies before it replies (its callback crashed on the
//     request, say): the DOWN comes, and the call returns {error,
//     no_proc}, whatever the reason; the naive call waited for ever.
//   - The reply comes: the client removes the monitor with flush, so that
//     no DOWN is left in its mailbox to confuse a later receive.
//   - The server is on another node: the same, and a node that goes down
//     is a DOWN with reason noconnection, which is {error, no_proc} too.
//
// What it still lacks, and gen_server (chapter 4) has: a timeout (a live
// server that never answers keeps the caller waiting), the exit reason
// (every failure is no_proc), a link between the server and whoever
// started it, replies sent later or by another process, requests that
// need no reply, and system messages. Stop keeps the naive protocol,
// {stop, Pid} answered by {reply, Reply}, as the book's does.
//
// Module is the Erlang module server of ch3/call.
package callserver

import (
	"fmt"

	"github.com/scalability-go/otpbook/ch03/server"
	"github.com/scalability-go/otpbook/otp"
	"github.com/scalability-go/otpbook/otp/term"
)

// Callback is the callback module of a server: the same as package
// server's.
type Callback[S any] = server.Callback[S]

// Atoms of the protocol.
const (
	request term.Atom = "request"
	reply   term.Atom = "reply"
	stop    term.Atom = "stop"
)

// Error is {error, Reason}, which the call returns when no reply can come.
// It prints as that term.
type Error struct{ Reason term.Atom }

func (e Error) Error() string { return term.Write(e.Term()) }

// Term returns {error, Reason}.
func (e Error) Term() term.Term { return term.Tuple{term.Error, e.Reason} }

// ErrNoProc is the call's error when the server is not there, or dies
// before it replies: {error, no_proc}.
var ErrNoProc = Error{"no_proc"}

// ErrNotRunning is the error of Stop when nobody has the name (badarg in
// Erlang).
var ErrNotRunning = server.ErrNotRunning

// ErrNameInUse is the error of Start when the name is taken (badarg in
// Erlang).
var ErrNameInUse = server.ErrNameInUse

// InitMFA is the initial call of a server process, {server, init, 2}.
var InitMFA = server.InitMFA

// Start spawns a server running cb and registers it as name
// (server:start/2), as server.Start does.
func Start[S any](p *otp.Process, name term.Atom, cb Callback[S], args term.Term) (term.Pid, error) {
	pid, _ := p.SpawnOpt(func(q *otp.Process) { Init(q, cb, args) }, otp.SpawnOptions{InitialCall: &InitMFA})
	if err := p.Node().Register(name, pid); err != nil {
		return pid, ErrNameInUse
	}
	return pid, nil
}

// Call sends msg to the server dest, a registered name or a pid, and
// returns its reply (server:call/2), under a monitor: ErrNoProc when dest
// is not there or dies before it replies. A dest that is neither a pid, a
// name nor {Name, Node} is an error wrapping otp.ErrBadarg. Call leaves
// p's mailbox as it found it: the reply is taken, and the monitor removed
// with its DOWN, if one came.
func Call(p *otp.Process, dest term.Term, msg term.Term) (term.Term, error) {
	ref, err := p.Monitor(dest)
	if err != nil {
		return nil, fmt.Errorf("callserver: bad destination %s: %w", term.Write(dest), err)
	}
	_ = p.SendTo(dest, term.Tuple{request, term.Tuple{ref, p.Self()}, msg}) // catch Name ! ...
	return await(p, ref)
}

// await waits for {reply, Ref, Reply} or the monitor's DOWN: the end of
// the call.
func await(p *otp.Process, ref term.Ref) (term.Term, error) {
	m, _ := p.ReceiveRef(ref, func(m any) bool {
		switch v := m.(type) {
		case term.Tuple:
			return len(v) == 3 && v[0] == reply && v[1] == ref
		case otp.DownMsg:
			return v.Ref == ref
		}
		return false
	}, otp.Infinity)
	if t, ok := m.(term.Tuple); ok {
		p.Demonitor(ref, otp.Flush)
		return t[2], nil
	}
	return nil, ErrNoProc
}

// Stop stops the server registered as name and returns what its
// callback's Terminate returned (server:stop/1). Like the naive server's,
// it waits for the first {reply, Reply}, and fails with ErrNotRunning
// when nobody has the name.
func Stop(p *otp.Process, name term.Atom) (term.Term, error) {
	if err := p.SendTo(name, term.Tuple{stop, p.Self()}); err != nil {
		return nil, ErrNotRunning
	}
	return receiveReply(p), nil
}

// receiveReply waits for the first {reply, Reply} in p's mailbox.
func receiveReply(p *otp.Process) term.Term {
	m, _ := p.ReceiveMatch(func(m any) bool {
		t, ok := m.(term.Tuple)
		return ok && len(t) == 2 && t[0] == reply
	}, otp.Infinity)
	return m.(term.Tuple)[1]
}

// Init is a server's body (server:init/2).
func Init[S any](p *otp.Process, cb Callback[S], args term.Term) {
	loop(p, cb, cb.Init(p, args))
}

// loop receives {request, {Ref, Pid}, Msg}, which it answers with
// {reply, Ref, Reply}, and {stop, Pid}, oldest first, leaving any other
// message queued.
func loop[S any](p *otp.Process, cb Callback[S], state S) {
	defer addFrame()
	for {
		m, _ := p.ReceiveMatch(known, otp.Infinity)
		t := m.(term.Tuple)
		if t[0] == stop {
			r := cb.Terminate(p, state)
			p.Send(t[1].(term.Pid), term.Tuple{reply, r})
			return
		}
		var r term.Term
		state, r = cb.Handle(p, t[2], state)
		from := t[1].(term.Tuple)
		p.Send(from[1].(term.Pid), term.Tuple{reply, from[0], r})
	}
}

// known matches {request, {Ref, Pid}, Msg} and {stop, Pid}.
func known(m any) bool {
	t, ok := m.(term.Tuple)
	if !ok {
		return false
	}
	switch {
	case len(t) == 3 && t[0] == request:
		from, ok := t[1].(term.Tuple)
		if !ok || len(from) != 2 {
			return false
		}
		_, ok = from[1].(term.Pid)
		return ok
	case len(t) == 2 && t[0] == stop:
		_, ok := t[1].(term.Pid)
		return ok
	}
	return false
}

// loopFrame is server:loop/2's stack frame.
var loopFrame = term.Tuple{term.Atom("server"), term.Atom("loop"), 2, term.List{}}

// addFrame adds server:loop/2 to the stacktrace of an exception that is
// leaving the loop, and raises it on. Only a stacktrace of Erlang frames
// (a callback module's, with no Go file and line) gets it: Go's own
// frames already show the loop.
func addFrame() {
	if r := recover(); r != nil {
		if exc, ok := r.(*otp.Exception); ok && erlangFrames(exc.Stack) {
			exc.Stack = append(exc.Stack, loopFrame)
		}
		panic(r)
	}
}

// erlangFrames reports whether every frame has an empty location, as the
// chapter's modules raise them.
func erlangFrames(stack term.List) bool {
	for _, f := range stack {
		t, ok := f.(term.Tuple)
		if !ok || len(t) != 4 {
			return false
		}
		if l, ok := t[3].(term.List); !ok || len(l) != 0 {
			return false
		}
	}
	return true
}

// Book: chapter 3, "Behaviours" (The Generic Server: ch3/behavior/server.erl).

// Package server is the generic half of the frequency server, extracted
// from it: spawning and registering the server, sending a request and
// waiting for the reply, the loop that receives, dispatches and replies,
// and stopping. What is specific to a server, its initial state, how it
// handles a request and how it cleans up, comes from a callback module
// (Callback), which package behavior provides for frequencies.
//
// The protocol is the hand-written server's, made generic:
//
//	client -> server   {request, Pid, Msg}   the callback's Handle answers
//	                   {stop, Pid}           the callback's Terminate answers
//	server -> client   {reply, Reply}
//
// It is as naive as the server it came from: a call waits for the first
// {reply, Reply} in the caller's mailbox, for as long as it takes, with no
// reference to tell its reply from another and no monitor to see the
// server die. A server whose callback crashes on a request dies, and the
// client that sent it waits for ever. Package callserver repairs the call.
//
// Module is the Erlang module server, whose callback module is the module
// named as the server is (server:start(frequency, []) runs frequency's
// init/1, handle/2 and terminate/1).
package server

import (
	"fmt"

	"github.com/scalability-go/otpbook/otp"
	"github.com/scalability-go/otpbook/otp/term"
)

// Callback is the specific half of a server, a callback module whose
// state has type S. Every callback runs in the server process p.
type Callback[S any] interface {
	// Init returns the initial state, from the arguments given to
	// Start (Mod:init(Args)).
	Init(p *otp.Process, args term.Term) S
	// Handle handles a request, returning the new state and the reply
	// (Mod:handle(Msg, State) returning {NewState, Reply}).
	Handle(p *otp.Process, msg term.Term, state S) (S, term.Term)
	// Terminate cleans up, returning what Stop returns
	// (Mod:terminate(State)).
	Terminate(p *otp.Process, state S) term.Term
}

// Atoms of the protocol.
const (
	request term.Atom = "request"
	reply   term.Atom = "reply"
	stop    term.Atom = "stop"
)

// InitMFA is the initial call of a server process, {server, init, 2},
// as spawn(server, init, [Name, Args]) starts it.
var InitMFA = otp.MFA{Module: "server", Function: "init", Arity: 2}

// ErrNotRunning is the error of Call and Stop when nobody has the name:
// the send to it is badarg in Erlang ("invalid destination").
var ErrNotRunning = fmt.Errorf("server: name not registered: %w", otp.ErrBadarg)

// ErrNameInUse is the error of Start when the name is taken: register/2
// is badarg in Erlang ("name is in use").
var ErrNameInUse = fmt.Errorf("server: name is in use: %w", otp.ErrBadarg)

// Start spawns a server running cb, with the state cb.Init(args), and
// registers it as name (server:start/2). It returns the server's pid;
// when the name is taken, ErrNameInUse too, the server it spawned running
// on without a name, as the Erlang's does.
func Start[S any](p *otp.Process, name term.Atom, cb Callback[S], args term.Term) (term.Pid, error) {
	pid, _ := p.SpawnOpt(func(q *otp.Process) { Init(q, cb, args) }, otp.SpawnOptions{InitialCall: &InitMFA})
	if err := p.Node().Register(name, pid); err != nil {
		return pid, ErrNameInUse
	}
	return pid, nil
}

// Call sends msg to the server registered as name and returns its reply
// (server:call/2). It waits for the first {reply, Reply} in p's mailbox,
// for as long as it takes: if the server dies first, for ever.
func Call(p *otp.Process, name term.Atom, msg term.Term) (term.Term, error) {
	if err := p.SendTo(name, term.Tuple{request, p.Self(), msg}); err != nil {
		return nil, ErrNotRunning
	}
	return receiveReply(p), nil
}

// Stop stops the server registered as name and returns what its
// callback's Terminate returned (server:stop/1).
func Stop(p *otp.Process, name term.Atom) (term.Term, error) {
	if err := p.SendTo(name, term.Tuple{stop, p.Self()}); err != nil {
		return nil, ErrNotRunning
	}
	return receiveReply(p), nil
}

// receiveReply waits for the first {reply, Reply} in p's mailbox and
// returns Reply.
func receiveReply(p *otp.Process) term.Term {
	m, _ := p.ReceiveMatch(func(m any) bool {
		t, ok := m.(term.Tuple)
		return ok && len(t) == 2 && t[0] == reply
	}, otp.Infinity)
	return m.(term.Tuple)[1]
}

// Init is a server's body (server:init/2): it makes the state with the
// callback and loops.
func Init[S any](p *otp.Process, cb Callback[S], args term.Term) {
	loop(p, cb, cb.Init(p, args))
}

// loop receives {request, From, Msg} and {stop, From}, oldest first,
// leaving any other message queued. An exception in a callback ends the
// server, with server:loop/2 in its stacktrace, below the callback's frame.
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
		p.Send(t[1].(term.Pid), term.Tuple{reply, r})
	}
}

// known matches {request, Pid, Msg} and {stop, Pid}.
func known(m any) bool {
	t, ok := m.(term.Tuple)
	if !ok || len(t) < 2 {
		return false
	}
	if _, ok := t[1].(term.Pid); !ok {
		return false
	}
	return len(t) == 3 && t[0] == request || len(t) == 2 && t[0] == stop
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

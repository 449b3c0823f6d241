// Book: chapter 3, "Behaviours" (exercise: asynchronous requests in the generic server).

// Package cast is an exercise: package server's generic server with
// asynchronous requests, casts, which get no reply, and the frequency
// server's deallocate made one. See README.md.
package cast

import (
	"github.com/scalability-go/otpbook/ch03/behavior"
	"github.com/scalability-go/otpbook/ch03/server"
	"github.com/scalability-go/otpbook/otp"
	"github.com/scalability-go/otpbook/otp/term"
)

// Callback is a callback module of this server: server.Callback and
// HandleCast, which handles a cast and returns the new state.
type Callback[S any] interface {
	server.Callback[S]
	HandleCast(p *otp.Process, msg term.Term, state S) S
}

// ErrNotRunning is the error of Call, Cast and Stop when nobody has the
// name (badarg in Erlang).
var ErrNotRunning = server.ErrNotRunning

// Start spawns the server and registers it as name.
func Start[S any](p *otp.Process, name term.Atom, cb Callback[S], args term.Term) error {
	pid := p.Spawn(func(q *otp.Process) { loop(q, cb, cb.Init(q, args)) })
	if err := p.Node().Register(name, pid); err != nil {
		return server.ErrNameInUse
	}
	return nil
}

// Call sends {request, Self, Msg} and waits for {reply, Reply}, as
// server.Call does.
func Call(p *otp.Process, name term.Atom, msg term.Term) (term.Term, error) {
	if err := p.SendTo(name, term.Tuple{term.Atom("request"), p.Self(), msg}); err != nil {
		return nil, ErrNotRunning
	}
	m, _ := p.ReceiveMatch(isReply, otp.Infinity)
	return m.(term.Tuple)[1], nil
}

// Stop stops the server, as server.Stop does.
func Stop(p *otp.Process, name term.Atom) (term.Term, error) {
	if err := p.SendTo(name, term.Tuple{term.Atom("stop"), p.Self()}); err != nil {
		return nil, ErrNotRunning
	}
	m, _ := p.ReceiveMatch(isReply, otp.Infinity)
	return m.(term.Tuple)[1], nil
}

func isReply(m any) bool {
	t, ok := m.(term.Tuple)
	return ok && len(t) == 2 && t[0] == term.Atom("reply")
}

// loop receives {request, From, Msg}, {cast, Msg} and {stop, From}.
func loop[S any](p *otp.Process, cb Callback[S], state S) {
	for {
		m, _ := p.ReceiveMatch(func(m any) bool {
			t, ok := m.(term.Tuple)
			return ok && (len(t) == 3 && t[0] == term.Atom("request") ||
				len(t) == 2 && (t[0] == term.Atom("cast") || t[0] == term.Atom("stop")))
		}, otp.Infinity)
		t := m.(term.Tuple)
		switch t[0] {
		case term.Atom("request"):
			var r term.Term
			state, r = cb.Handle(p, t[2], state)
			p.Send(t[1].(term.Pid), term.Tuple{term.Atom("reply"), r})
		case term.Atom("cast"):
			state = cb.HandleCast(p, t[1], state)
		default:
			p.Send(t[1].(term.Pid), term.Tuple{term.Atom("reply"), cb.Terminate(p, state)})
			return
		}
	}
}

// Name is the frequency server's registered name.
const Name term.Atom = "frequency"

// Frequency is the frequency callback module, with deallocate a cast.
type Frequency struct{ behavior.Frequency }

// HandleCast handles {deallocate, Freq}.
func (Frequency) HandleCast(_ *otp.Process, msg term.Term, s behavior.State) behavior.State {
	if t, ok := msg.(term.Tuple); ok && len(t) == 2 && t[0] == term.Atom("deallocate") {
		return s.Deallocate(t[1])
	}
	return s
}

// StartFrequency starts the frequency server.
func StartFrequency(p *otp.Process) error { return Start(p, Name, Frequency{}, nil) }

// Allocate asks for a frequency: a call.
func Allocate(p *otp.Process) (term.Term, error) {
	return Call(p, Name, term.Tuple{term.Atom("allocate"), p.Self()})
}

// Book: chapter 2, "Processes and Message Passing" (ch2/echo.erl).

// Package echo is the book's first concurrent program: a process that
// sends back whatever it is sent, and stops when told to.
//
// The echo process takes, oldest first, the messages it knows: {From,
// Msg}, which it answers with {self(), Msg} sent to From, and the atom
// stop, on which it ends normally. Any other message stays in its mailbox
// for ever, and is passed over by every later receive: a selective
// receive.
//
// Loop is the process's body and Go the book's go/0; Module is the Erlang
// module echo, exporting go/0 and loop/0.
package echo

import (
	"io"

	"github.com/scalability-go/otpbook/internal/erl"
	"github.com/scalability-go/otpbook/otp"
	"github.com/scalability-go/otpbook/otp/term"
)

// Stop is the message that ends an echo process.
const Stop term.Atom = "stop"

// LoopMFA is the initial call process_info reports for an echo process,
// {echo, loop, 0}, as spawn(echo, loop, []) starts it.
var LoopMFA = otp.MFA{Module: "echo", Function: "loop", Arity: 0}

// Loop is the body of an echo process (echo:loop/0). It waits for {From,
// Msg} or stop, leaving any other message queued. It answers {From, Msg}
// with {Pid, Msg}, Pid being its own, sent to From, which may be a pid, a
// registered name or {Name, Node}; when From is a name nobody has, or not
// a destination at all, the send fails and the process ends with
// {badarg, [{echo, loop, 0, []}]}, as Erlang's ! raises badarg. On stop
// it returns, and the process ends with reason normal.
func Loop(p *otp.Process) {
	for {
		msg, _ := p.ReceiveMatch(known, otp.Infinity)
		req, ok := msg.(term.Tuple)
		if !ok {
			return // stop
		}
		if err := p.SendTo(req[0], term.Tuple{p.Self(), req[1]}); err != nil {
			erl.Badarg("echo", "loop", 0)
		}
	}
}

// known reports whether msg is one the loop takes: {From, Msg} or stop.
func known(msg any) bool {
	if t, ok := msg.(term.Tuple); ok {
		return len(t) == 2
	}
	return msg == Stop
}

// Go is the book's go/0, in process p: it spawns an echo process, talks
// to it (see Talk), and returns stop. It prints hello to p's output.
func Go(p *otp.Process) term.Term {
	pid, _ := p.SpawnOpt(Loop, otp.SpawnOptions{InitialCall: &LoopMFA})
	return Talk(p, pid)
}

// Talk is what go/0 does once the echo process is spawned: it sends pid
// {self(), hello}, waits for the answer {Pid, Msg} (only pid's answer:
// any other message stays queued), prints Msg as io:format("~w~n") does to
// p's output, sends stop, and returns stop, the value of the send. If pid
// never answers, Talk waits for ever, as the Erlang receive does (the
// exercise ch02/exercises/echotimeout adds a timeout).
func Talk(p *otp.Process, pid term.Pid) term.Term {
	p.Send(pid, term.Tuple{p.Self(), term.Atom("hello")})
	msg, _ := p.ReceiveMatch(func(m any) bool {
		t, ok := m.(term.Tuple)
		return ok && len(t) == 2 && t[0] == pid
	}, otp.Infinity)
	s, err := term.Format("~w~n", msg.(term.Tuple)[1])
	if err != nil {
		erl.Badarg("io", "format", 2)
	}
	_, _ = io.WriteString(p.Output(), s)
	p.Send(pid, Stop)
	return Stop
}

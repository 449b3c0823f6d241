//go:build !exercise

// Book: chapter 2, "Processes and Message Passing" (exercise: the ring benchmark).

package ring

import (
	"time"

	"github.com/scalability-go/otpbook/otp"
	"github.com/scalability-go/otpbook/otp/term"
)

// The ring's messages. They never leave the node, so they are Go values:
// unexported types, which no other code's messages can be mistaken for.
type (
	neighbour term.Pid // the first process's next, sent once the rest exist
	token     int      // the message going round: the passes still to make
	done      struct{} // to the caller, from the process the token ends at
	stop      struct{} // goes round once, ending each process it reaches
)

// Run starts n processes in a ring from p, passes a message round it m
// times, stops it, waits for its processes to end, and returns what it
// measured. n < 1 or m < 0 is ErrBadArgs. p's other messages stay queued.
//
// The processes are started last first, each given the pid of the one
// started before it as its next; the first is started last, and given
// its next, the last process, by a message. The token starts at the
// first process with n*m passes to make; each process passes it on with
// one fewer, and the process that gets it with none left (the first, m
// rounds later) tells p.
func Run(p *otp.Process, n, m int) (Result, error) {
	if n < 1 || m < 0 {
		return Result{}, ErrBadArgs
	}
	caller := p.Self()
	refs := make(map[term.Ref]bool, n)
	start := time.Now()

	first, ref := p.SpawnMonitor(func(q *otp.Process) {
		next := term.Pid(q.Receive().(neighbour))
		relay(q, caller, next)
	})
	refs[ref] = true
	next := first // the last process's next is the first
	for range n - 1 {
		after := next
		pid, ref := p.SpawnMonitor(func(q *otp.Process) { relay(q, caller, after) })
		refs[ref] = true
		next = pid
	}
	p.Send(first, neighbour(next))
	setup := time.Since(start)

	start = time.Now()
	p.Send(first, token(n*m))
	p.ReceiveMatch(func(msg any) bool { _, ok := msg.(done); return ok }, otp.Infinity)
	passing := time.Since(start)

	p.Send(first, stop{})
	for len(refs) > 0 {
		msg, _ := p.ReceiveMatch(func(msg any) bool {
			d, ok := msg.(otp.DownMsg)
			return ok && refs[d.Ref]
		}, otp.Infinity)
		delete(refs, msg.(otp.DownMsg).Ref)
	}
	return Result{Processes: n, Rounds: m, Passes: n * m, Setup: setup, Passing: passing}, nil
}

// relay is a ring process: it passes the token on to next until it has no
// passes left, then tells caller; on stop it passes stop on and ends.
func relay(q *otp.Process, caller, next term.Pid) {
	for {
		switch msg := q.Receive().(type) {
		case token:
			if msg == 0 {
				q.Send(caller, done{})
			} else {
				q.Send(next, msg-1)
			}
		case stop:
			q.Send(next, msg)
			return
		}
	}
}

// Book: chapter 2, "Processes and Message Passing" (exercise: ch2/echo.erl with a timeout).

// Package echotimeout is an exercise: the echo program of package echo,
// whose go/0 gives up when no answer comes in time. See README.md.
package echotimeout

import (
	"io"
	"time"

	"github.com/scalability-go/otpbook/ch02/echo"
	"github.com/scalability-go/otpbook/otp"
	"github.com/scalability-go/otpbook/otp/term"
)

// Timeout is what Go and GoLate return when no answer came in time.
const Timeout term.Atom = "timeout"

// Go is echo.Go with a timeout: it spawns an echo process, asks it to
// echo hello, and prints the answer to p's output; it stops the process,
// and returns stop. If no answer comes within timeout, it prints nothing
// and returns Timeout.
func Go(p *otp.Process, timeout time.Duration) term.Term {
	pid := p.Spawn(echo.Loop)
	return talk(p, pid, timeout)
}

// GoLate is Go with the echo process stopped before it is asked: the
// request reaches a dead process and is dropped, no answer comes, and
// GoLate returns Timeout once timeout has passed.
func GoLate(p *otp.Process, timeout time.Duration) term.Term {
	pid := p.Spawn(echo.Loop)
	p.Send(pid, echo.Stop)
	return talk(p, pid, timeout)
}

func talk(p *otp.Process, pid term.Pid, timeout time.Duration) term.Term {
	reply, ok := Ask(p, pid, term.Atom("hello"), timeout)
	if !ok {
		return Timeout
	}
	io.WriteString(p.Output(), term.MustFormat("~w~n", reply))
	p.Send(pid, echo.Stop)
	return echo.Stop
}

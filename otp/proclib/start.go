package proclib

import (
	"errors"
	"time"

	"github.com/scalability-go/otpbook/otp"
	"github.com/scalability-go/otpbook/otp/term"
)

// Sentinels matched by a *StartError's Reason with errors.Is.
var (
	// ErrTimeout: the child did not acknowledge in time, and was killed.
	ErrTimeout = errors.New("timeout")
	// ErrAlreadyStarted: the reason {already_started, Pid} of a start
	// under a name that was taken (see package gen).
	ErrAlreadyStarted = errors.New("already_started")
)

// StartError is the failure of a synchronous start: Reason is what OTP's
// start returns as {error, Reason}: the child's exit reason when it died
// before acknowledging, or timeout.
type StartError struct{ Reason term.Term }

func (e *StartError) Error() string { return "start failed: " + term.Write(e.Reason) }

// Is matches ErrTimeout and ErrAlreadyStarted by Reason.
func (e *StartError) Is(target error) bool {
	switch target {
	case ErrTimeout:
		return e.Reason == term.Atom("timeout")
	case ErrAlreadyStarted:
		t, ok := e.Reason.(term.Tuple)
		return ok && len(t) == 2 && t[0] == term.Atom("already_started")
	}
	return false
}

// Term returns {error, Reason}, what the OTP start returns.
func (e *StartError) Term() term.Term { return term.Tuple{term.Atom("error"), e.Reason} }

// Exception is an error {error, Reason}... OTP's start does not raise: it
// returns {error, Reason}. A caller that wants an exception gets exit
// Reason.
func (e *StartError) Exception() *otp.Exception {
	return &otp.Exception{Class: otp.ClassExit, Reason: e.Reason}
}

// ackMsg is the acknowledgement of InitAck ({ack, Pid, Ret}) and of
// InitFail ({nack, Pid, Ret}).
type ackMsg struct {
	pid  term.Pid
	ret  any
	nack bool
}

// Term returns {ack, Pid, Return} or {nack, Pid, Return}.
func (m ackMsg) Term() term.Term {
	tag := term.Atom("ack")
	if m.nack {
		tag = "nack"
	}
	return term.Tuple{tag, m.pid, m.ret}
}

// String prints the message as ~p does.
func (m ackMsg) String() string { return term.Print(m.Term()) }

// Start starts fn as a proc_lib process and waits for it to call InitAck,
// as proc_lib:start/4 does, returning the value it acknowledged with.
// If the child dies first, the error is a *StartError with its exit
// reason; if it does not acknowledge within timeout it is killed and the
// error's reason is timeout (errors.Is(err, ErrTimeout)). A timeout of 0
// or Infinity waits as long as it takes.
func Start(p *otp.Process, mfa otp.MFA, fn func(*otp.Process), timeout time.Duration) (any, error) {
	_, _, ret, err := StartOpt(p, mfa, fn, StartOptions{Timeout: timeout})
	return ret, err
}

// StartLink is Start with a link, as proc_lib:start_link/4. As OTP 26+
// does, when the child dies before acknowledging, a caller that traps exits
// finds no {'EXIT', Child, Reason} left in its mailbox: the error says it
// all. (A caller that does not trap exits dies of the link, unless the
// reason is normal.)
func StartLink(p *otp.Process, mfa otp.MFA, fn func(*otp.Process), timeout time.Duration) (any, error) {
	_, _, ret, err := StartOpt(p, mfa, fn, StartOptions{Link: true, Timeout: timeout})
	return ret, err
}

// StartMonitor is Start with a monitor, as proc_lib:start_monitor/4: it
// returns the monitor's reference too. When the child has died (before
// acknowledging, or after InitFail) its DOWN message is left for the
// caller.
func StartMonitor(p *otp.Process, mfa otp.MFA, fn func(*otp.Process), timeout time.Duration) (any, term.Ref, error) {
	_, ref, ret, err := StartOpt(p, mfa, fn, StartOptions{Monitor: true, Timeout: timeout})
	return ret, ref, err
}

// StartOptions are the options of StartOpt.
type StartOptions struct {
	Link    bool          // start_link
	Monitor bool          // start_monitor: the reference is returned
	Timeout time.Duration // 0 or Infinity: as long as it takes
}

// StartOpt is the synchronous start with options, as proc_lib:start/5 and
// its siblings; it returns the child's pid too (and the monitor's
// reference with o.Monitor).
func StartOpt(p *otp.Process, mfa otp.MFA, fn func(*otp.Process), o StartOptions) (pid term.Pid, ref term.Ref, ret any, err error) {
	pid, ref, ret, err = start(p, mfa, fn, o.Timeout, o.Link, o.Monitor)
	if !o.Monitor {
		ref = term.Ref{}
	}
	return pid, ref, ret, err
}

func start(p *otp.Process, mfa otp.MFA, fn func(*otp.Process), timeout time.Duration, link, keepMonitor bool) (term.Pid, term.Ref, any, error) {
	if timeout <= 0 {
		timeout = otp.Infinity
	}
	pid, ref := SpawnOpt(p, mfa, fn, otp.SpawnOptions{Link: link, Monitor: true})
	msg, ok := p.ReceiveRef(ref, func(msg any) bool {
		switch m := msg.(type) {
		case ackMsg:
			return m.pid == pid
		case otp.DownMsg:
			return m.Ref == ref
		}
		return false
	}, timeout)
	if !ok {
		if link {
			p.Unlink(pid)
		}
		p.SendExit(pid, otp.Kill)
		p.Demonitor(ref, otp.Flush)
		if link {
			flushExit(p, pid)
		}
		return pid, ref, nil, &StartError{Reason: term.Atom("timeout")}
	}
	switch m := msg.(type) {
	case ackMsg:
		if !m.nack {
			if !keepMonitor {
				p.Demonitor(ref, otp.Flush)
			}
			return pid, ref, m.ret, nil
		}
		// InitFail: the child exits at once; wait for it to be gone so
		// that its EXIT, if any, can be taken away.
		down, _ := p.ReceiveRef(ref, func(msg any) bool {
			d, ok := msg.(otp.DownMsg)
			return ok && d.Ref == ref
		}, otp.Infinity)
		if link {
			flushExit(p, pid)
		}
		if keepMonitor {
			p.Send(p.Self(), down)
		}
		return pid, ref, m.ret, nil
	case otp.DownMsg:
		if link {
			flushExit(p, pid)
		}
		if keepMonitor {
			p.Send(p.Self(), m)
		}
		return pid, ref, nil, &StartError{Reason: m.Reason}
	}
	panic("unreachable")
}

// flushExit takes a queued {'EXIT', Pid, _} away. The runtime delivers a
// dead process's exit signals before its DOWN messages, so once the DOWN
// is in, the EXIT is too.
func flushExit(p *otp.Process, pid term.Pid) {
	p.Unlink(pid)
	p.ReceiveMatch(func(msg any) bool {
		e, ok := msg.(otp.ExitMsg)
		return ok && e.From == pid
	}, 0)
}

// InitAck tells the process that started the caller with Start,
// StartLink or StartMonitor that it has started, and what the start
// returns, as proc_lib:init_ack/1 does.
func InitAck(p *otp.Process, ret any) {
	p.Send(Parent(p), ackMsg{pid: p.Self(), ret: ret})
}

// InitFail tells the starting process that the start failed, making the
// start return ret, and then ends the caller with the exception class,
// reason, as OTP 26's proc_lib:init_fail/2 does. The start returns once
// the caller has exited, and leaves no EXIT of it behind for a linked
// starter. It does not return.
func InitFail(p *otp.Process, ret any, class otp.Class, reason term.Term) {
	p.Send(Parent(p), ackMsg{pid: p.Self(), ret: ret, nack: true})
	switch class {
	case otp.ClassExit:
		otp.Exit(reason)
	case otp.ClassThrow:
		otp.Throw(reason)
	default:
		otp.Error(reason)
	}
}

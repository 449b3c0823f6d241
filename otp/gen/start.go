package gen

import (
	"errors"
	"time"

	"github.com/scalability-go/otpbook/otp"
	"github.com/scalability-go/otpbook/otp/proclib"
	"github.com/scalability-go/otpbook/otp/term"
)

// LinkKind is how a started process is tied to its starter: gen's nolink,
// link and monitor.
type LinkKind int

const (
	NoLink  LinkKind = iota // start: no link
	Link                    // start_link: linked to the starter
	Monitor                 // start_monitor: monitored by the starter
)

// ErrAlreadyStarted matches the *proclib.StartError of a start under a
// name that is taken: reason {already_started, Pid}.
var ErrAlreadyStarted = proclib.ErrAlreadyStarted

// StartOptions are the options of a behaviour's start, as gen:start/6
// takes them.
type StartOptions struct {
	// Timeout is how long the start waits for init; 0 means infinity.
	Timeout time.Duration
	// Debug are sys debug options: trace, log, {log, N}, statistics,
	// {log_to_file, F}, {install, {F, S}}, ... (sys.DebugOptions reads
	// them).
	Debug []term.Term
	// HibernateAfter makes the behaviour hibernate after this long
	// without a message; 0 never.
	HibernateAfter time.Duration
	// SpawnOpt are erlang:spawn_opt options. They are accepted and
	// ignored: heap sizes, priorities and fullsweep_after have no
	// meaning for a goroutine (link and monitor come from the LinkKind).
	SpawnOpt []term.Term
}

// Start starts a behaviour's process and waits for its init, as
// gen:start/5,6 do. It spawns through proclib (with initialCall as the
// process's "$initial_call", e.g. {Module, init, 1}) with the link kind;
// the new process registers name ({local, N}, {global, N}, {via, M, N}, or
// nil for none) and then runs body, which must end its init with
// proclib.InitAck (or proclib.InitFail). body gets the new process and its
// parent: the starter for Link and Monitor, and the new process itself for
// NoLink, as OTP's gen makes an unlinked process its own parent.
//
// Start returns the new pid, the monitor's reference (Monitor only), and
// the value body acknowledged with, passed through (the behaviour decides
// what {ok, Pid}, ignore or {error, R} mean). err is set when the start
// failed before the behaviour could decide, with ack then holding the
// {error, Reason} OTP's start returns:
//
//   - the name is taken: the new process exits normal and Reason is
//     {already_started, Holder} (errors.Is(err, ErrAlreadyStarted));
//   - the new process died before acknowledging: Reason is its exit
//     reason;
//   - it did not acknowledge within o.Timeout: it is killed and Reason is
//     timeout (errors.Is(err, proclib.ErrTimeout)).
//
// err is a *proclib.StartError, or for a malformed name the *NameError
// gen:start raises (a {local, N} whose N is no atom: badarg; a tuple that
// is no name: function_clause; a {via, M, N} whose M is not loaded:
// undef), with nothing spawned. A name that is taken is found before
// spawning, as gen:start does, and then too nothing is spawned.
//
// With Monitor, a start that failed (whatever body acknowledged, if not
// {ok, Pid} or {ok, Pid, ...}) returns once the process is gone, with its DOWN taken from
// the caller's mailbox and the zero reference, as gen's monitor_return
// does.
func Start(p *otp.Process, kind LinkKind, name term.Term, initialCall otp.MFA,
	body func(p *otp.Process, parent term.Pid), o StartOptions) (pid term.Pid, mref term.Ref, ack any, err error) {
	if name != nil {
		// gen:start looks the name up in the starter, before spawning:
		// a malformed name raises there, a taken one is already_started.
		holder, taken, err := whereName(p, name)
		if err != nil {
			return term.Pid{}, term.Ref{}, nil, err
		}
		if taken {
			err = &proclib.StartError{Reason: term.Tuple{term.Atom("already_started"), holder}}
			return term.Pid{}, term.Ref{}, term.Tuple{term.Atom("error"), err.(*proclib.StartError).Reason}, err
		}
	}
	starter := p.Self()
	fn := func(c *otp.Process) {
		if name != nil {
			if holder, ok := Register(c, name); !ok {
				proclib.InitFail(c, alreadyStarted{holder}, otp.ClassExit, otp.Normal)
			}
		}
		parent := starter
		if kind == NoLink {
			parent = c.Self()
		}
		body(c, parent)
	}
	pid, mref, ack, err = proclib.StartOpt(p, initialCall, fn,
		proclib.StartOptions{Link: kind == Link, Monitor: kind == Monitor, Timeout: o.Timeout})
	if a, ok := ack.(alreadyStarted); ok {
		err = &proclib.StartError{Reason: term.Tuple{term.Atom("already_started"), a.holder}}
	}
	if se, ok := err.(*proclib.StartError); ok {
		ack = se.Term()
	}
	if kind == Monitor && !started(ack, err) && !errors.Is(err, proclib.ErrTimeout) {
		// gen's monitor_return: a start that failed waits for the
		// process to be gone and takes its DOWN, so that the caller,
		// who never gets the reference, finds none. (A start that timed
		// out has had its monitor removed by proclib.)
		p.ReceiveRef(mref, func(msg any) bool {
			d, ok := msg.(otp.DownMsg)
			return ok && d.Ref == mref
		}, otp.Infinity)
		mref = term.Ref{}
	}
	return pid, mref, ack, err
}

// started reports whether a start succeeded: {ok, Pid} (or a longer tuple
// {ok, Pid, ...}) acknowledged.
func started(ack any, err error) bool {
	if err != nil {
		return false
	}
	t, ok := ack.(term.Tuple)
	if !ok || len(t) < 2 || t[0] != term.OK {
		return false
	}
	_, ok = t[1].(term.Pid)
	return ok
}

// alreadyStarted is the nack of a process that found its name taken.
type alreadyStarted struct{ holder term.Pid }

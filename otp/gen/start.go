package gen

import (
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
// err is a *proclib.StartError.
func Start(p *otp.Process, kind LinkKind, name term.Term, initialCall otp.MFA,
	body func(p *otp.Process, parent term.Pid), o StartOptions) (pid term.Pid, mref term.Ref, ack any, err error) {
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
	return pid, mref, ack, err
}

// alreadyStarted is the nack of a process that found its name taken.
type alreadyStarted struct{ holder term.Pid }

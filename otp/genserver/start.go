package genserver

import (
	"errors"
	"fmt"
	"time"

	"github.com/scalability-go/otpbook/otp"
	"github.com/scalability-go/otpbook/otp/code"
	"github.com/scalability-go/otpbook/otp/gen"
	"github.com/scalability-go/otpbook/otp/proclib"
	"github.com/scalability-go/otpbook/otp/term"
)

// An Option is a start option of gen_server:start/3,4 and friends.
type Option func(*gen.StartOptions)

// StartTimeout is {timeout, T}: a start whose init takes longer kills
// the server and returns {error, timeout}. The default is infinity.
func StartTimeout(d time.Duration) Option {
	return func(o *gen.StartOptions) { o.Timeout = d }
}

// Debug is {debug, Opts}: sys debug options (trace, log, {log, N},
// statistics, {log_to_file, File}, {install, {Fun, State}}) in force
// from the first message.
func Debug(opts ...term.Term) Option {
	return func(o *gen.StartOptions) { o.Debug = append(o.Debug, opts...) }
}

// HibernateAfter is {hibernate_after, T}: the server hibernates when it
// has been idle for d.
func HibernateAfter(d time.Duration) Option {
	return func(o *gen.StartOptions) { o.HibernateAfter = d }
}

// SpawnOpt is {spawn_opt, Opts}: accepted and passed on (see package gen
// for which Go honours).
func SpawnOpt(opts ...term.Term) Option {
	return func(o *gen.StartOptions) { o.SpawnOpt = append(o.SpawnOpt, opts...) }
}

// OptionsOf reads an Erlang list of start options, as gen_server:start
// takes it. Unknown options are ignored, as OTP ignores them.
func OptionsOf(t term.Term) ([]Option, error) {
	l, ok := t.(term.List)
	if !ok {
		if s, isStr := t.(string); isStr && s == "" {
			return nil, nil
		}
		return nil, fmt.Errorf("genserver: options %s are not a list: %w", term.Write(t), otp.ErrBadarg)
	}
	var opts []Option
	for _, e := range l {
		tp, ok := e.(term.Tuple)
		if !ok || len(tp) != 2 {
			continue
		}
		switch tp[0] {
		case term.Atom("timeout"):
			d, ok := durationOf(tp[1])
			if !ok {
				return nil, fmt.Errorf("genserver: bad start timeout %s: %w", term.Write(tp[1]), otp.ErrBadarg)
			}
			if d == otp.Infinity {
				d = 0
			}
			opts = append(opts, StartTimeout(d))
		case term.Atom("debug"):
			if dl, ok := tp[1].(term.List); ok {
				opts = append(opts, Debug(dl...))
			}
		case term.Atom("hibernate_after"):
			if d, ok := durationOf(tp[1]); ok && d != otp.Infinity {
				opts = append(opts, HibernateAfter(d))
			}
		case term.Atom("spawn_opt"):
			if sl, ok := tp[1].(term.List); ok {
				opts = append(opts, SpawnOpt(sl...))
			}
		}
	}
	return opts, nil
}

// Local, Global and Via make the server names {local, Name}, {global,
// Name} and {via, Module, Name}.
func Local(name term.Atom) term.Term { return term.Tuple{term.Atom("local"), name} }

// Global is {global, Name}.
func Global(name term.Term) term.Term { return term.Tuple{term.Atom("global"), name} }

// Via is {via, Module, Name}: Module is a code module whose Impl is a
// gen.Registry.
func Via(module term.Atom, name term.Term) term.Term {
	return term.Tuple{term.Atom("via"), module, name}
}

// ErrIgnore is the error of a start whose init returned ignore (the term
// ignore in Erlang).
var ErrIgnore = errors.New("genserver: init returned ignore")

// ErrAlreadyStarted matches (errors.Is) the StartError of a start whose
// name is taken: {error, {already_started, Pid}}. It is proclib's (and
// gen's) sentinel.
var ErrAlreadyStarted = proclib.ErrAlreadyStarted

// StartError is a start that returned {error, Reason}.
type StartError struct {
	Reason term.Term
	err    error
}

// Unwrap returns the *proclib.StartError underneath, if any.
func (e *StartError) Unwrap() error { return e.err }

// Exception is what a caller that wants an exception raises: exit
// Reason, as proclib's StartError does (gen.Raise).
func (e *StartError) Exception() *otp.Exception {
	return &otp.Exception{Class: otp.ClassExit, Reason: e.Reason}
}

func (e *StartError) Error() string { return "genserver: start: " + term.Write(e.Reason) }

// Is matches ErrAlreadyStarted for {already_started, Pid}, and
// ErrTimeout (gen's or proclib's) for timeout.
func (e *StartError) Is(target error) bool {
	switch target {
	case ErrAlreadyStarted:
		t, ok := e.Reason.(term.Tuple)
		return ok && len(t) == 2 && t[0] == term.Atom("already_started")
	case ErrTimeout, proclib.ErrTimeout:
		return e.Reason == atomTimeout
	}
	return false
}

// Term returns {error, Reason}.
func (e *StartError) Term() term.Term { return term.Tuple{atomError, e.Reason} }

// AlreadyStarted returns the pid of the server holding the name when err
// is {error, {already_started, Pid}}.
func AlreadyStarted(err error) (term.Pid, bool) {
	var se *StartError
	if errors.As(err, &se) {
		if t, ok := se.Reason.(term.Tuple); ok && len(t) == 2 && t[0] == term.Atom("already_started") {
			pid, ok := t[1].(term.Pid)
			return pid, ok
		}
	}
	return term.Pid{}, false
}

// StartResult returns what gen_server:start returns for the results of
// Start: {ok, Pid}, ignore or {error, Reason}.
func StartResult(pid term.Pid, err error) term.Term {
	if err == nil {
		return term.Tuple{term.OK, pid}
	}
	if errors.Is(err, ErrIgnore) {
		return atomIgnore
	}
	var se *StartError
	if errors.As(err, &se) {
		return se.Term()
	}
	return term.Tuple{atomError, term.Atom(err.Error())}
}

// Start starts a gen_server, unlinked, as gen_server:start/3,4 does, and
// returns once init has returned. name is nil (no name), {local, N},
// {global, N} or {via, M, N} (see Local, Global, Via). module is the
// callback module: a term.Atom names a module of the node's code server,
// looked up at every callback so that a new version takes over (the way
// the shell's gen_server:start names it); a *Impl, a TermCallbacks or a
// Callbacks[any] is used as it is and registers nothing (Adapt makes an
// *Impl of any Callbacks[S]). args is init's argument.
//
// The error is ErrIgnore when init returned ignore, and otherwise a
// *StartError with the reason of {error, Reason}: the reason of init's
// {stop, R} or {error, R}, {bad_return_value, V}, init's exception
// ({R, Stack} for an error, R for an exit), {already_started, Pid}, or
// timeout. A malformed name is a *gen.NameError (the exception
// gen_server:start raises: badarg, function_clause or undef), with nothing
// spawned.
func Start(p *otp.Process, name term.Term, module any, args term.Term, opts ...Option) (term.Pid, error) {
	pid, _, err := start(p, gen.NoLink, name, module, args, opts)
	return pid, err
}

// StartLink is Start with the server linked to the caller, its parent,
// as gen_server:start_link/3,4.
func StartLink(p *otp.Process, name term.Term, module any, args term.Term, opts ...Option) (term.Pid, error) {
	pid, _, err := start(p, gen.Link, name, module, args, opts)
	return pid, err
}

// StartMonitor is Start with the server monitored by the caller, as
// gen_server:start_monitor/3,4: it also returns the monitor's reference.
func StartMonitor(p *otp.Process, name term.Term, module any, args term.Term, opts ...Option) (term.Pid, term.Ref, error) {
	return start(p, gen.Monitor, name, module, args, opts)
}

func start(p *otp.Process, kind gen.LinkKind, name term.Term, module any, args term.Term, opts []Option) (term.Pid, term.Ref, error) {
	var o gen.StartOptions
	for _, opt := range opts {
		opt(&o)
	}
	s := &server{regName: name}
	switch m := module.(type) {
	case term.Atom:
		s.modName = m
		s.cs = code.Of(p.Node())
	default:
		im, ok := valueImpl(module)
		if !ok {
			return term.Pid{}, term.Ref{}, fmt.Errorf("%w: %T (make one with genserver.Adapt)", errNoModule, module)
		}
		s.direct = im
	}
	mfa := otp.MFA{Module: s.moduleName(), Function: "init", Arity: 1}
	pid, mref, ack, err := gen.Start(p, kind, name, mfa, func(cp *otp.Process, parent term.Pid) {
		s.initIt(cp, parent, args, o)
	}, o)
	if err != nil {
		var ne *gen.NameError
		if errors.As(err, &ne) {
			return term.Pid{}, term.Ref{}, err
		}
		return term.Pid{}, term.Ref{}, &StartError{Reason: reasonOf(err), err: err}
	}
	switch a := ack.(type) {
	case term.Atom:
		if a == atomIgnore {
			return term.Pid{}, term.Ref{}, ErrIgnore
		}
	case term.Tuple:
		if len(a) == 2 && a[0] == term.OK {
			if pid2, ok := a[1].(term.Pid); ok {
				return pid2, mref, nil
			}
		}
		if len(a) == 2 && a[0] == atomError {
			return term.Pid{}, term.Ref{}, &StartError{Reason: a[1]}
		}
	}
	_ = pid
	return term.Pid{}, term.Ref{}, &StartError{Reason: term.Tuple{atomBadReturn, toTerm(ack)}}
}

// reasonOf returns the Erlang reason an error of the packages below
// carries.
func reasonOf(err error) term.Term {
	var se *proclib.StartError
	if errors.As(err, &se) {
		return se.Reason
	}
	var ce *gen.CallError
	if errors.As(err, &ce) {
		return ce.Reason
	}
	var t interface{ Term() term.Term }
	if errors.As(err, &t) {
		return t.Term()
	}
	return term.Atom(err.Error())
}

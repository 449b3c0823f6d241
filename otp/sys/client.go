package sys

import (
	"errors"
	"time"

	"github.com/scalability-go/otpbook/otp"
	"github.com/scalability-go/otpbook/otp/gen"
	"github.com/scalability-go/otpbook/otp/term"
)

// DefaultTimeout is how long the client functions wait for a reply when
// no timeout is given, as sys's functions without one (gen:call's 5 s).
const DefaultTimeout = 5 * time.Second

// Error is the failure of a client function of sys, with the exception the
// OTP function raises: Class exit with Reason {CallReason, {sys, Function,
// Args}} when the system message could not be served (the process does not
// exist, did not reply in time, died), and Class error with Reason
// {callback_failed, ...} when get_state or replace_state failed in the
// process. For an exit, Unwrap gives the *gen.CallError, so that
// errors.Is(err, gen.ErrNoproc) and errors.Is(err, gen.ErrTimeout) work;
// for a callback failure, errors.As finds the *CallbackFailed.
type Error struct {
	Class  otp.Class
	Reason term.Term
	cause  error
}

func (e *Error) Error() string {
	return "sys: " + e.Class.String() + " " + term.Write(e.Reason)
}

func (e *Error) Unwrap() error { return e.cause }

// Exception is what the OTP function raises.
func (e *Error) Exception() *otp.Exception {
	return &otp.Exception{Class: e.Class, Reason: e.Reason}
}

// ReplyError is a reply {error, Reason} that the OTP function returns as
// its value (sys:log_to_file/2 with a file that cannot be opened:
// {error, open_file}); Exception raises error Reason for a caller that
// wants an exception.
type ReplyError struct{ Reason term.Term }

func (e *ReplyError) Error() string { return "sys: " + term.Write(e.Reason) }

// Exception is error Reason.
func (e *ReplyError) Exception() *otp.Exception {
	return &otp.Exception{Class: otp.ClassError, Reason: e.Reason}
}

// Request sends a system message with request to dest and waits for the
// reply, as sys's send_system_msg does; it is what every client function
// uses, and what a process's own system messages can be sent with. An
// error's reason names the sys function as send_system_msg's mfa/2 does
// from the request: {sys, F, [Dest, Arg]} for {debug, {F, Arg}},
// {sys, change_code, [Dest, M, Vsn, Extra]}, {sys, terminate, [Dest,
// Reason]}, and {sys, Request, [Dest]} for any other request (so
// {sys, {replace_state, Fun}, [Dest]} and {sys, {debug, no_debug}, [Dest]}),
// with the timeout appended when one is given. timeout is optional; the
// default is DefaultTimeout; a negative one fails with reason
// {function_clause, []} before anything is sent, as gen:call's guard does.
func Request(p *otp.Process, dest term.Term, request any, timeout ...time.Duration) (any, error) {
	t := DefaultTimeout
	if len(timeout) > 0 {
		t = timeout[0]
	}
	reply, err := gen.Call(p, dest, func(f gen.From) any { return Msg{From: f, Request: request} }, t)
	if err != nil {
		var ce *gen.CallError
		if errors.As(err, &ce) {
			var tt []term.Term
			if len(timeout) > 0 {
				tt = []term.Term{timeoutTerm(t)}
			}
			return nil, &Error{Class: otp.ClassExit, cause: ce,
				Reason: term.Tuple{ce.Reason, mfa(dest, request, tt...)}}
		}
		return nil, err
	}
	return reply, nil
}

// mfa is sys's mfa/2,3: the {sys, Function, Args} of a request, as an
// error's reason names it.
func mfa(dest term.Term, request any, timeout ...term.Term) term.Tuple {
	var f term.Term = request
	args := term.List{dest}
	if t, ok := request.(term.Tuple); ok {
		switch {
		case len(t) == 2 && t[0] == term.Atom("debug"):
			if d, ok := t[1].(term.Tuple); ok && len(d) == 2 {
				f, args = d[0], term.List{dest, d[1]}
			}
		case len(t) == 4 && t[0] == term.Atom("change_code"):
			f, args = t[0], term.List{dest, t[1], t[2], t[3]}
		case len(t) == 2 && t[0] == term.Atom("terminate"):
			f, args = t[0], term.List{dest, t[1]}
		}
	}
	return term.Tuple{term.Atom("sys"), f, append(args, timeout...)}
}

func timeoutTerm(t time.Duration) term.Term {
	if t == otp.Infinity {
		return term.Atom("infinity")
	}
	return int(t / time.Millisecond)
}

// stateReply is the reply of get_state and replace_state: {error, Reason}
// is raised as error Reason by OTP.
func stateReply(reply any, err error) (any, error) {
	if err != nil {
		return nil, err
	}
	if t, ok := reply.(term.Tuple); ok && len(t) == 2 && t[0] == atomError {
		e := &Error{Class: otp.ClassError, Reason: t[1]}
		if cf := callbackFailedOf(t[1]); cf != nil {
			e.cause = cf
		}
		return nil, e
	}
	return reply, nil
}

func callbackFailedOf(r term.Term) *CallbackFailed {
	t, ok := r.(term.Tuple)
	if !ok || len(t) != 3 || t[0] != term.Atom("callback_failed") {
		return nil
	}
	mf, ok1 := t[1].(term.Tuple)
	cr, ok2 := t[2].(term.Tuple)
	if !ok1 || !ok2 || len(mf) != 2 || len(cr) != 2 {
		return nil
	}
	cf := &CallbackFailed{Reason: cr[1]}
	cf.Module, _ = mf[0].(term.Atom)
	cf.Callback, _ = mf[1].(term.Atom)
	switch cr[0] {
	case term.Atom("exit"):
		cf.Class = otp.ClassExit
	case term.Atom("throw"):
		cf.Class = otp.ClassThrow
	}
	return cf
}

// okReply turns a reply that should be ok into an error otherwise.
func okReply(reply any, err error) error {
	if err != nil {
		return err
	}
	if reply == atomOK {
		return nil
	}
	if t, ok := reply.(term.Tuple); ok && len(t) == 2 && t[0] == atomError {
		return &ReplyError{Reason: t[1]}
	}
	return &ReplyError{Reason: reply}
}

// GetState returns the state of a special process, as sys:get_state/1,2.
func GetState(p *otp.Process, dest term.Term, timeout ...time.Duration) (any, error) {
	return stateReply(Request(p, dest, term.Atom("get_state"), timeout...))
}

// ReplaceState replaces the state of a special process with f(State) and
// returns the new state, as sys:replace_state/2,3. If f panics, the error
// is an *Error of class error with reason {callback_failed, {Module,
// system_replace_state}, {Class, Reason}} and the state is unchanged.
func ReplaceState(p *otp.Process, dest term.Term, f func(any) any, timeout ...time.Duration) (any, error) {
	return stateReply(Request(p, dest, term.Tuple{term.Atom("replace_state"), f}, timeout...))
}

// GetStatus returns {status, Pid, {module, Module}, [PDict, running |
// suspended, Parent, Debug, Misc]}, as sys:get_status/1,2.
func GetStatus(p *otp.Process, dest term.Term, timeout ...time.Duration) (term.Term, error) {
	return Request(p, dest, term.Atom("get_status"), timeout...)
}

// Suspend suspends a special process, as sys:suspend/1,2: it serves only
// system messages until Resume. Suspending twice is no error.
func Suspend(p *otp.Process, dest term.Term, timeout ...time.Duration) error {
	return okReply(Request(p, dest, term.Atom("suspend"), timeout...))
}

// Resume resumes a suspended process, as sys:resume/1,2.
func Resume(p *otp.Process, dest term.Term, timeout ...time.Duration) error {
	return okReply(Request(p, dest, term.Atom("resume"), timeout...))
}

// ChangeCode asks a suspended process to change its state for a new
// version of module, as sys:change_code/4,5. A process that is not
// suspended answers {error, {unknown_system_msg, ...}}, as in OTP.
func ChangeCode(p *otp.Process, dest term.Term, module term.Atom, oldVsn, extra term.Term, timeout ...time.Duration) error {
	return okReply(Request(p, dest, term.Tuple{term.Atom("change_code"), module, oldVsn, extra}, timeout...))
}

// Terminate makes a special process terminate with reason, as
// sys:terminate/2,3.
func Terminate(p *otp.Process, dest term.Term, reason term.Term, timeout ...time.Duration) error {
	return okReply(Request(p, dest, term.Tuple{term.Atom("terminate"), reason}, timeout...))
}

// debug sends {debug, {Func, Arg}}.
func debug(p *otp.Process, dest term.Term, function term.Atom, arg term.Term, timeout []time.Duration) (any, error) {
	return Request(p, dest, term.Tuple{term.Atom("debug"), term.Tuple{function, arg}}, timeout...)
}

// Trace turns the printing of a process's events on or off, as
// sys:trace/2,3: the process prints "*DBG* ..." lines on its output.
func Trace(p *otp.Process, dest term.Term, on bool, timeout ...time.Duration) error {
	return okReply(debug(p, dest, "trace", term.Bool(on), timeout))
}

// Log controls the log of a process's events, as sys:log/2,3: flag is
// true (the last DefaultLogSize events), {true, N}, false, get (the reply
// is {ok, Events}, oldest first) or print (printed on the process's
// output). The reply is ok or {ok, Events}.
func Log(p *otp.Process, dest term.Term, flag term.Term, timeout ...time.Duration) (term.Term, error) {
	return debug(p, dest, "log", flag, timeout)
}

// Statistics controls a process's statistics, as sys:statistics/2,3: flag
// is true, false or get, whose reply is {ok, [{start_time, T},
// {current_time, T}, {reductions, N}, {messages_in, N}, {messages_out,
// N}]} or {ok, no_statistics}. reductions counts the events recorded.
func Statistics(p *otp.Process, dest term.Term, flag term.Term, timeout ...time.Duration) (term.Term, error) {
	return debug(p, dest, "statistics", flag, timeout)
}

// LogToFile writes a process's events to a file, as sys:log_to_file/2,3;
// file false stops. A file that cannot be opened is a *ReplyError with
// reason open_file.
func LogToFile(p *otp.Process, dest term.Term, file term.Term, timeout ...time.Duration) error {
	return okReply(debug(p, dest, "log_to_file", file, timeout))
}

// Install installs a debug function in a process, as sys:install/2,3.
func Install(p *otp.Process, dest term.Term, spec FuncSpec, timeout ...time.Duration) error {
	return okReply(debug(p, dest, "install", spec.Term(), timeout))
}

// Remove removes the debug function with id (a FuncSpec's Id, or its Fun
// when it has none), as sys:remove/2,3.
func Remove(p *otp.Process, dest term.Term, id term.Term, timeout ...time.Duration) error {
	return okReply(debug(p, dest, "remove", id, timeout))
}

// NoDebug turns every debug option of a process off, as sys:no_debug/1,2.
func NoDebug(p *otp.Process, dest term.Term, timeout ...time.Duration) error {
	return okReply(Request(p, dest, term.Tuple{term.Atom("debug"), term.Atom("no_debug")}, timeout...))
}

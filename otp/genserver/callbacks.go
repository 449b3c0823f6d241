package genserver

import (
	"time"

	"github.com/scalability-go/otpbook/otp"
	"github.com/scalability-go/otpbook/otp/gen"
	"github.com/scalability-go/otpbook/otp/term"
)

// Callbacks is a gen_server callback module whose state has type S: the
// book's init/1, handle_call/3 and handle_cast/2. The optional callbacks
// are the interfaces InfoHandler, ContinueHandler, Terminator,
// CodeChanger and StatusFormatter, which a callback type implements as
// well when it needs them; OTP's defaults apply to those it does not.
//
// Every callback runs in the server process p. A callback that panics,
// or raises with otp.Error or otp.Exit, crashes the server as an
// exception in an Erlang callback does (terminate runs, an error report
// is logged); otp.Throw(v) makes v the callback's return value, which is
// then read as the Erlang term it is (see Term).
type Callbacks[S any] interface {
	// Init is init(Args): it returns Ok(state) (with .Timeout, .Hibernate
	// or .Continue), Ignore, InitStop or InitError.
	Init(p *otp.Process, args term.Term) InitResult[S]
	// HandleCall is handle_call(Request, From, State): Reply, NoReply
	// (answer later with ReplyTo), Stop or StopReply.
	HandleCall(p *otp.Process, req any, from gen.From, s S) Result[S]
	// HandleCast is handle_cast(Request, State): NoReply or Stop.
	HandleCast(p *otp.Process, req any, s S) Result[S]
}

// InfoHandler is the optional handle_info(Msg, State): every message that
// is not a call, a cast or a system message, and the atom timeout of an
// inactivity timeout. Without it a message is logged as a warning
// ("Undefined handle_info in ...") and dropped, as OTP 25 does.
type InfoHandler[S any] interface {
	HandleInfo(p *otp.Process, msg any, s S) Result[S]
}

// ContinueHandler is the optional handle_continue(Continue, State), run
// when a callback returns a result with .Continue(c). Without it such a
// result crashes the server with undef, as in OTP.
type ContinueHandler[S any] interface {
	HandleContinue(p *otp.Process, cont any, s S) Result[S]
}

// Terminator is the optional terminate(Reason, State), called when the
// server stops (see the package documentation for when).
type Terminator[S any] interface {
	Terminate(p *otp.Process, reason term.Term, s S)
}

// CodeChanger is the optional code_change(OldVsn, State, Extra), called
// through sys:change_code while the server is suspended. It is called
// on the module's new version, so it receives the old state as it was:
// of the old version's type, which need not be S. An error leaves the
// state as it was and is what sys:change_code returns.
type CodeChanger[S any] interface {
	CodeChange(p *otp.Process, oldVsn term.Term, old any, extra term.Term) (S, error)
}

// StatusFormatter is the optional format_status/2 of OTP 25:
// format_status(Opt, [PDict, State]), with opt normal (for
// sys:get_status) or terminate (for the error report). The term returned
// replaces the state in both.
type StatusFormatter[S any] interface {
	FormatStatus(p *otp.Process, opt term.Atom, pdict term.Term, s S) term.Term
}

// kind tells which return tuple a result stands for.
type kind uint8

const (
	kNoReply   kind = iota // {noreply, S}
	kReply                 // {reply, R, S}
	kStop                  // {stop, Reason, S}
	kStopReply             // {stop, Reason, Reply, S}
	kOk                    // init: {ok, S}
	kIgnore                // init: ignore
	kInitStop              // init: {stop, Reason}
	kInitError             // init: {error, Reason}
	kRaw                   // a term to decode
)

// action is what the loop does after a callback: the fourth element of a
// return tuple.
type action uint8

const (
	aNone      action = iota // wait for the next message (infinity)
	aTimeout                 // wait at most timeout, then handle_info(timeout)
	aHibernate               // hibernate until the next message
	aContinue                // run handle_continue(cont) at once
	aBad                     // not a valid action: a bad return value
)

// Result is what handle_call, handle_cast, handle_info and
// handle_continue return: one of Erlang's return tuples, made with Reply,
// NoReply, Stop, StopReply or Term, optionally with .Timeout,
// .Hibernate or .Continue as the tuple's last element. The zero Result
// is NoReply of the zero state.
type Result[S any] struct {
	kind    kind
	act     action
	state   S
	reply   any
	reason  term.Term
	timeout time.Duration
	cont    any
	raw     term.Term
}

// Reply is {reply, R, S}: the caller gets r, the server goes on with s.
func Reply[S any](r any, s S) Result[S] { return Result[S]{kind: kReply, reply: r, state: s} }

// NoReply is {noreply, S}. From handle_call it leaves the caller waiting
// for a ReplyTo.
func NoReply[S any](s S) Result[S] { return Result[S]{kind: kNoReply, state: s} }

// Stop is {stop, Reason, S}: terminate(Reason, S) runs and the server
// exits with reason. From handle_call, the caller gets no reply: its call
// fails with the reason, unless someone answered it with ReplyTo.
func Stop[S any](reason term.Term, s S) Result[S] {
	return Result[S]{kind: kStop, reason: reason, state: s}
}

// StopReply is {stop, Reason, Reply, S} from handle_call: terminate runs,
// then the caller gets r, then the server exits with reason.
func StopReply[S any](reason term.Term, r any, s S) Result[S] {
	return Result[S]{kind: kStopReply, reason: reason, reply: r, state: s}
}

// Term is a result given as the Erlang term a callback returns, such as
// {reply, ok, State} or {noreply, State, hibernate}, read as gen_server
// reads it: a term that is none of the return tuples stops the server
// with {bad_return_value, T}. Its states must have type S (any for
// modules whose state is any).
func Term[S any](t term.Term) Result[S] { return Result[S]{kind: kRaw, raw: t} }

// Timeout is the result with an inactivity timeout, {..., Timeout}: if
// no message comes within d, handle_info(timeout) runs. Infinity is no
// timeout; a negative d is a bad return value.
func (r Result[S]) Timeout(d time.Duration) Result[S] {
	r.act, r.timeout, r.cont = aTimeout, d, nil
	if d == otp.Infinity {
		r.act = aNone
	}
	if d < 0 {
		r.act = aBad
	}
	return r
}

// Hibernate is the result with hibernate: the server hibernates until
// the next message.
func (r Result[S]) Hibernate() Result[S] {
	r.act, r.cont = aHibernate, nil
	return r
}

// Continue is the result with {continue, c}: handle_continue(c, State)
// runs before any message is taken.
func (r Result[S]) Continue(c any) Result[S] {
	r.act, r.cont = aContinue, c
	return r
}

// InitResult is what Init returns: Ok (with .Timeout, .Hibernate or
// .Continue), Ignore, InitStop, InitError, or InitTerm.
type InitResult[S any] struct {
	r Result[S]
}

// Ok is {ok, S}: the server starts with state s.
func Ok[S any](s S) InitResult[S] { return InitResult[S]{Result[S]{kind: kOk, state: s}} }

// Ignore is ignore: start returns ignore (ErrIgnore in Go) and the
// process exits normal.
func Ignore[S any]() InitResult[S] { return InitResult[S]{Result[S]{kind: kIgnore}} }

// InitStop is {stop, Reason}: start returns {error, Reason} and the
// process exits with reason (a crash report is logged unless it is
// normal, shutdown or {shutdown, _}).
func InitStop[S any](reason term.Term) InitResult[S] {
	return InitResult[S]{Result[S]{kind: kInitStop, reason: reason}}
}

// InitError is {error, Reason}, new in OTP 26: start returns {error,
// Reason} and the process exits normal, with no crash report.
func InitError[S any](reason term.Term) InitResult[S] {
	return InitResult[S]{Result[S]{kind: kInitError, reason: reason}}
}

// InitTerm is the result of init given as an Erlang term, {ok, State}
// and so on; a term that is none of them is {bad_return_value, T}.
func InitTerm[S any](t term.Term) InitResult[S] { return InitResult[S]{Result[S]{kind: kRaw, raw: t}} }

// Timeout is {ok, S, Timeout}: see Result.Timeout.
func (r InitResult[S]) Timeout(d time.Duration) InitResult[S] { return InitResult[S]{r.r.Timeout(d)} }

// Hibernate is {ok, S, hibernate}.
func (r InitResult[S]) Hibernate() InitResult[S] { return InitResult[S]{r.r.Hibernate()} }

// Continue is {ok, S, {continue, c}}.
func (r InitResult[S]) Continue(c any) InitResult[S] { return InitResult[S]{r.r.Continue(c)} }

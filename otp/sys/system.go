package sys

import (
	"errors"
	"sort"

	"github.com/scalability-go/otpbook/otp"
	"github.com/scalability-go/otpbook/otp/code"
	"github.com/scalability-go/otpbook/otp/gen"
	"github.com/scalability-go/otpbook/otp/term"
)

// Msg is a system message, {system, From, Request} in Erlang. A special
// process's loop passes each one to HandleSystemMsg (gen.Decode turns the
// tuple form into it).
type Msg = gen.SystemMsg

// Callbacks is what a special process implements so that HandleSystemMsg
// can serve system messages for it: OTP's system_continue (HandleSystemMsg
// returns), system_terminate, system_code_change, system_get_state,
// system_replace_state and format_status.
type Callbacks interface {
	// SystemTerminate ends the process with reason, as
	// Mod:system_terminate/4 does. It must not return: it exits.
	SystemTerminate(p *otp.Process, reason term.Term, parent term.Pid, deb *Debug)
	// SystemCodeChange changes the process's state for a new version of
	// module (sys:change_code). An error is replied as {error, Reason}.
	SystemCodeChange(p *otp.Process, module term.Atom, oldVsn, extra term.Term) error
	// SystemGetState returns the state sys:get_state shows. An error
	// (a *CallbackFailed) is replied as {error, Reason}.
	SystemGetState(p *otp.Process) (any, error)
	// SystemReplaceState applies f to the state, installs and returns the
	// result. A panic in f is the error (Protect makes it)
	// {callback_failed, {Module, system_replace_state}, {Class, Reason}},
	// and the state stays.
	SystemReplaceState(p *otp.Process, f func(any) any) (any, error)
	// FormatStatus returns the Misc of get_status: what format_status/2
	// gives in OTP 25 (opt is normal).
	FormatStatus(p *otp.Process, opt term.Atom, pdict term.Term, sysState term.Atom, parent term.Pid, deb *Debug) term.Term
}

// CallbackFailed is the failure of a state callback: {callback_failed,
// {Module, Callback}, {Class, Reason}} in OTP, the reason sys:get_state
// and sys:replace_state raise as an error.
type CallbackFailed struct {
	Module, Callback term.Atom
	Class            otp.Class
	Reason           term.Term
}

func (e *CallbackFailed) Error() string { return term.Write(e.Term()) }

// Term returns {callback_failed, {Module, Callback}, {Class, Reason}}.
func (e *CallbackFailed) Term() term.Term {
	return term.Tuple{term.Atom("callback_failed"), term.Tuple{e.Module, e.Callback}, term.Tuple{e.Class.Atom(), e.Reason}}
}

// Protect calls f and turns an exception it raises into a *CallbackFailed
// naming module and callback, as sys does around system_get_state and
// system_replace_state. It returns nil when f returns.
func Protect(module, callback term.Atom, f func()) error {
	if exc := otp.Catch(f); exc != nil {
		return &CallbackFailed{Module: module, Callback: callback, Class: exc.Class, Reason: exc.Reason}
	}
	return nil
}

// errorTerm is the Reason of the {error, Reason} replied for err.
func errorTerm(err error) term.Term {
	var t term.Termer
	if errors.As(err, &t) {
		return t.Term()
	}
	return err.Error()
}

// HandleSystemMsg serves a system message, as sys:handle_system_msg/6 does,
// and returns the debug state to go on with. While the process is suspended
// it serves only system messages and an exit signal from its parent (as
// an {'EXIT', Parent, Reason} message, when it traps exits), leaving every
// other message queued; it returns once resumed. It does not return when
// the process terminates: on {terminate, Reason} or its parent's exit it
// calls cb.SystemTerminate (and exits with Reason if that returns).
// module names the behaviour in get_status: {module, gen_server}.
//
// The requests are OTP's: suspend, resume, get_state, {replace_state, F},
// get_status, {debug, What}, {terminate, Reason} and, while suspended,
// {change_code, Module, Vsn, Extra}; any other is replied
// {error, {unknown_system_msg, Request}}.
func HandleSystemMsg(p *otp.Process, m Msg, parent term.Pid, module term.Atom, cb Callbacks, deb *Debug) *Debug {
	suspended := false
	for {
		reply, next, terminate := doCmd(p, m.Request, suspended, parent, module, cb, deb)
		deb = next
		switch {
		case terminate != nil:
			gen.Reply(p, m.From, reply)
			terminateWith(p, terminate, parent, cb, deb)
		case m.Request == term.Atom("suspend"):
			suspended = true
		case m.Request == term.Atom("resume"):
			suspended = false
		}
		gen.Reply(p, m.From, reply)
		if !suspended {
			return deb
		}
		// Suspended: only system messages and the parent's exit.
		msg, _ := p.ReceiveMatch(func(msg any) bool {
			switch v := msg.(type) {
			case Msg:
				return true
			case otp.ExitMsg:
				return v.From == parent
			case term.Tuple:
				_, ok := gen.Decode(v).(Msg)
				return ok
			}
			return false
		}, otp.Infinity)
		if e, ok := msg.(otp.ExitMsg); ok {
			terminateWith(p, e.Reason, parent, cb, deb)
		}
		m = gen.Decode(msg).(Msg)
	}
}

func terminateWith(p *otp.Process, reason term.Term, parent term.Pid, cb Callbacks, deb *Debug) {
	cb.SystemTerminate(p, reason, parent, deb)
	deb.Close()
	otp.Exit(reason)
}

var (
	atomOK    = term.Atom("ok")
	atomError = term.Atom("error")
)

// doCmd serves one request: the reply, the new debug state, and the reason
// to terminate with (nil to go on).
func doCmd(p *otp.Process, req any, suspended bool, parent term.Pid, module term.Atom, cb Callbacks, deb *Debug) (reply term.Term, _ *Debug, terminate term.Term) {
	switch r := req.(type) {
	case term.Atom:
		switch r {
		case "suspend", "resume":
			return atomOK, deb, nil
		case "get_state":
			st, err := cb.SystemGetState(p)
			if err != nil {
				return term.Tuple{atomError, errorTerm(err)}, deb, nil
			}
			return st, deb, nil
		case "get_status":
			return Status(p, suspended, parent, module, cb, deb), deb, nil
		}
	case term.Tuple:
		switch {
		case len(r) == 2 && r[0] == term.Atom("replace_state"):
			f, ok := stateFun(p, r[1])
			if !ok {
				break
			}
			st, err := cb.SystemReplaceState(p, f)
			if err != nil {
				return term.Tuple{atomError, errorTerm(err)}, deb, nil
			}
			return st, deb, nil
		case len(r) == 2 && r[0] == term.Atom("debug"):
			reply, deb := deb.command(p, r[1])
			return reply, deb, nil
		case len(r) == 2 && r[0] == term.Atom("terminate"):
			reason := r[1]
			if reason == nil {
				reason = otp.Normal
			}
			return atomOK, deb, reason
		case len(r) == 4 && r[0] == term.Atom("change_code") && suspended:
			mod, ok := r[1].(term.Atom)
			if !ok {
				break
			}
			if err := cb.SystemCodeChange(p, mod, r[2], r[3]); err != nil {
				return term.Tuple{atomError, errorTerm(err)}, deb, nil
			}
			return atomOK, deb, nil
		}
	}
	return term.Tuple{atomError, term.Tuple{term.Atom("unknown_system_msg"), req}}, deb, nil
}

// stateFun makes a Go function of a replace_state fun: a func(any) any, or
// an Erlang fun called through the code server.
func stateFun(p *otp.Process, f any) (func(any) any, bool) {
	switch fn := f.(type) {
	case func(any) any:
		return fn, true
	case term.ExportFun, term.LocalFun, *term.LocalFun:
		return func(st any) any { return code.Of(p.Node()).CallFun(p, fn, []term.Term{st}) }, true
	}
	return nil, false
}

// Status is the reply to get_status: {status, Pid, {module, Module},
// [PDict, running|suspended, Parent, Debug, Misc]}, Misc from
// cb.FormatStatus.
func Status(p *otp.Process, suspended bool, parent term.Pid, module term.Atom, cb Callbacks, deb *Debug) term.Term {
	state := term.Atom("running")
	if suspended {
		state = "suspended"
	}
	pdict := Dictionary(p)
	misc := cb.FormatStatus(p, "normal", pdict, state, parent, deb)
	return term.Tuple{term.Atom("status"), p.Self(), term.Tuple{term.Atom("module"), module},
		term.List{pdict, state, parent, deb.Term(), misc}}
}

// Dictionary returns the calling process's dictionary as get_status shows
// it: get/0's {Key, Value} pairs whose keys are terms (Go keys private to a
// package are left out), proc_lib's "$initial_call" and "$ancestors"
// first, in the order a proc_lib process's get/0 lists them, then the
// others sorted by key.
func Dictionary(p *otp.Process) term.List {
	l := term.List{}
	for _, kv := range p.Dictionary() {
		if len(kv) == 2 && term.Valid(kv[0]) {
			l = append(l, kv)
		}
	}
	rank := func(k term.Term) int {
		switch k {
		case term.Atom("$initial_call"):
			return 0
		case term.Atom("$ancestors"):
			return 1
		}
		return 2
	}
	sort.Slice(l, func(i, j int) bool {
		ki, kj := l[i].(term.Tuple)[0], l[j].(term.Tuple)[0]
		if ri, rj := rank(ki), rank(kj); ri != rj {
			return ri < rj
		}
		return term.Compare(ki, kj) < 0
	})
	return l
}

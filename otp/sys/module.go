package sys

import (
	"time"

	"github.com/scalability-go/otpbook/otp"
	"github.com/scalability-go/otpbook/otp/code"
	"github.com/scalability-go/otpbook/otp/gen"
	"github.com/scalability-go/otpbook/otp/term"
)

// Module returns the module sys for the shell: get_state/1,2,
// replace_state/2,3, get_status/1,2, suspend/1,2, resume/1,2,
// change_code/4,5, terminate/2,3, trace/2,3, log/2,3, statistics/2,3,
// log_to_file/2,3, install/2,3, remove/2,3 and no_debug/1,2. They fail as
// sys's do: sys:get_state(nobody) raises exit {noproc, {sys, get_state,
// [nobody]}}; a failing state fun raises error {callback_failed, ...}.
// Funs (replace_state's, installed ones) are Erlang funs, called in the
// process through the code server.
func Module() *code.Module {
	m := &code.Module{Name: "sys", Exports: map[code.FA]code.Func{}}
	def := func(name string, arity int, f code.Func) {
		m.Exports[code.FA{Function: term.Atom(name), Arity: arity}] = f
	}

	// request makes Name(Dest[, Arg...][, Timeout]) sending req(args).
	request := func(name string, nargs int, req func(args []term.Term) any, state bool) {
		for _, withTimeout := range []bool{false, true} {
			arity := nargs
			if withTimeout {
				arity++
			}
			def(name, arity, func(p *otp.Process, args []term.Term) term.Term {
				var timeout []time.Duration
				base := args[:nargs]
				if withTimeout {
					d, ok := timeoutOf(args[nargs])
					if !ok {
						// gen:call's guard fails inside send_system_msg's catch.
						otp.Exit(term.Tuple{gen.FunctionClause, mfa(args[0], req(base), args[nargs])})
					}
					timeout = []time.Duration{d}
				}
				reply, err := Request(p, args[0], req(base), timeout...)
				if state {
					reply, err = stateReply(reply, err)
				}
				gen.Raise(err)
				return reply
			})
		}
	}
	atom := func(a string) func([]term.Term) any { return func([]term.Term) any { return term.Atom(a) } }
	dbg := func(what string) func([]term.Term) any {
		return func(args []term.Term) any {
			return term.Tuple{term.Atom("debug"), term.Tuple{term.Atom(what), args[1]}}
		}
	}
	request("get_state", 1, atom("get_state"), true)
	request("replace_state", 2, func(a []term.Term) any { return term.Tuple{term.Atom("replace_state"), a[1]} }, true)
	request("get_status", 1, atom("get_status"), false)
	request("suspend", 1, atom("suspend"), false)
	request("resume", 1, atom("resume"), false)
	request("change_code", 4, func(a []term.Term) any {
		return term.Tuple{term.Atom("change_code"), a[1], a[2], a[3]}
	}, false)
	request("terminate", 2, func(a []term.Term) any { return term.Tuple{term.Atom("terminate"), a[1]} }, false)
	for _, d := range []string{"trace", "log", "statistics", "log_to_file", "install", "remove"} {
		request(d, 2, dbg(d), false)
	}
	request("no_debug", 1, func([]term.Term) any { return term.Tuple{term.Atom("debug"), term.Atom("no_debug")} }, false)
	return m
}

// Load loads the module sys into the node's code server.
func Load(n *otp.Node) error {
	_, err := code.Of(n).Load(Module())
	return err
}

// timeoutOf reads a timeout: milliseconds or infinity.
func timeoutOf(t term.Term) (time.Duration, bool) {
	switch v := t.(type) {
	case int:
		if v >= 0 {
			return time.Duration(v) * time.Millisecond, true
		}
	case term.Atom:
		if v == "infinity" {
			return otp.Infinity, true
		}
	}
	return 0, false
}

package proclib

import (
	"time"

	"github.com/scalability-go/otpbook/otp"
	"github.com/scalability-go/otpbook/otp/code"
	"github.com/scalability-go/otpbook/otp/term"
)

// Module returns the module proc_lib for the shell: spawn/1,3,
// spawn_link/1,3, spawn_opt/2,4, start/3,4,5, start_link/3,4,5,
// start_monitor/3,4,5, init_ack/1,2, hibernate/3, initial_call/1 and
// translate_initial_call/1. The process started from a fun has the initial
// call {Module, '-fun-', Arity} of the fun. Spawn options are link and
// monitor; others are ignored. A start that fails returns {error, Reason}.
func Module() *code.Module {
	m := &code.Module{Name: "proc_lib", Exports: map[code.FA]code.Func{}}
	def := func(name string, arity int, f code.Func) {
		m.Exports[code.FA{Function: term.Atom(name), Arity: arity}] = f
	}

	spawnFun := func(o otp.SpawnOptions) code.Func {
		return func(p *otp.Process, args []term.Term) term.Term {
			f := args[0]
			if len(args) > 1 {
				o = spawnOptions(o, args[1])
			}
			pid, ref := SpawnOpt(p, funMFA(f), func(c *otp.Process) { code.Of(c.Node()).CallFun(c, f, nil) }, o)
			if o.Monitor {
				return term.Tuple{pid, ref}
			}
			return pid
		}
	}
	spawnMFA := func(o otp.SpawnOptions) code.Func {
		return func(p *otp.Process, args []term.Term) term.Term {
			mod, fn, argv := mfArgs(args)
			if len(args) > 3 {
				o = spawnOptions(o, args[3])
			}
			pid, ref := SpawnOpt(p, otp.MFA{Module: mod, Function: fn, Arity: len(argv)},
				func(c *otp.Process) { code.Of(c.Node()).Apply(c, mod, fn, argv) }, o)
			if o.Monitor {
				return term.Tuple{pid, ref}
			}
			return pid
		}
	}
	def("spawn", 1, spawnFun(otp.SpawnOptions{}))
	def("spawn", 3, spawnMFA(otp.SpawnOptions{}))
	def("spawn_link", 1, spawnFun(otp.SpawnOptions{Link: true}))
	def("spawn_link", 3, spawnMFA(otp.SpawnOptions{Link: true}))
	def("spawn_opt", 2, spawnFun(otp.SpawnOptions{}))
	def("spawn_opt", 4, spawnMFA(otp.SpawnOptions{}))

	startFn := func(o StartOptions) code.Func {
		return func(p *otp.Process, args []term.Term) term.Term {
			mod, fn, argv := mfArgs(args)
			o := o
			o.Timeout = otp.Infinity
			if len(args) > 3 {
				o.Timeout = timeoutOf(args[3])
			}
			if len(args) > 4 {
				so := spawnOptions(otp.SpawnOptions{}, args[4])
				o.Link = o.Link || so.Link
			}
			_, ref, ret, err := StartOpt(p, otp.MFA{Module: mod, Function: fn, Arity: len(argv)},
				func(c *otp.Process) { code.Of(c.Node()).Apply(c, mod, fn, argv) }, o)
			if err != nil {
				ret = err.(*StartError).Term()
			}
			if o.Monitor {
				return term.Tuple{ret, ref}
			}
			return ret
		}
	}
	for arity := 3; arity <= 5; arity++ {
		def("start", arity, startFn(StartOptions{}))
		def("start_link", arity, startFn(StartOptions{Link: true}))
		def("start_monitor", arity, startFn(StartOptions{Monitor: true}))
	}
	def("init_ack", 1, func(p *otp.Process, args []term.Term) term.Term {
		InitAck(p, args[0])
		return term.Atom("ok")
	})
	def("init_ack", 2, func(p *otp.Process, args []term.Term) term.Term {
		if pid, ok := args[0].(term.Pid); ok {
			p.Send(pid, ackMsg{pid: p.Self(), ret: args[1]})
		} else {
			_ = p.SendTo(args[0], ackMsg{pid: p.Self(), ret: args[1]})
		}
		return term.Atom("ok")
	})
	def("hibernate", 3, func(p *otp.Process, args []term.Term) term.Term {
		mod, fn, argv := mfArgs(args)
		Hibernate(p, func(c *otp.Process) { code.Of(c.Node()).Apply(c, mod, fn, argv) })
		return nil
	})
	def("initial_call", 1, func(p *otp.Process, args []term.Term) term.Term {
		pid, ok := args[0].(term.Pid)
		if !ok {
			otp.Error(term.Atom("function_clause"))
		}
		mfa, ok := InitialCall(p.Node(), pid)
		if !ok {
			return term.False
		}
		return term.Tuple{mfa.Module, mfa.Function, dummyArgs(mfa.Arity)}
	})
	def("translate_initial_call", 1, func(p *otp.Process, args []term.Term) term.Term {
		pid, ok := args[0].(term.Pid)
		if !ok {
			otp.Error(term.Atom("function_clause"))
		}
		return TranslateInitialCall(p.Node(), pid).Term()
	})
	return m
}

// Load loads the module proc_lib into the node's code server.
func Load(n *otp.Node) error {
	_, err := code.Of(n).Load(Module())
	return err
}

// mfArgs reads Module, Function, Args; anything else is badarg.
func mfArgs(args []term.Term) (term.Atom, term.Atom, []term.Term) {
	m, ok1 := args[0].(term.Atom)
	f, ok2 := args[1].(term.Atom)
	var argv []term.Term
	ok3 := true
	switch a := args[2].(type) {
	case term.List:
		argv = a
	case string:
		for _, r := range a {
			argv = append(argv, int(r))
		}
	default:
		ok3 = false
	}
	if !ok1 || !ok2 || !ok3 {
		otp.Error(term.Atom("badarg"))
	}
	return m, f, argv
}

func funMFA(f term.Term) otp.MFA {
	switch v := f.(type) {
	case term.ExportFun:
		return otp.MFA{Module: v.Module, Function: v.Function, Arity: v.Arity}
	case term.LocalFun:
		return otp.MFA{Module: v.Module, Function: "-fun-", Arity: v.Arity}
	case *term.LocalFun:
		return otp.MFA{Module: v.Module, Function: "-fun-", Arity: v.Arity}
	}
	otp.Error(term.Tuple{term.Atom("badfun"), f})
	return otp.MFA{}
}

// spawnOptions reads link and monitor from a spawn option list.
func spawnOptions(o otp.SpawnOptions, opts term.Term) otp.SpawnOptions {
	l, ok := opts.(term.List)
	if !ok {
		otp.Error(term.Atom("badarg"))
	}
	for _, x := range l {
		switch x {
		case term.Atom("link"):
			o.Link = true
		case term.Atom("monitor"):
			o.Monitor = true
		}
	}
	return o
}

// timeoutOf reads a timeout: milliseconds or infinity.
func timeoutOf(t term.Term) time.Duration {
	switch v := t.(type) {
	case int:
		if v >= 0 {
			if v == 0 {
				return time.Nanosecond
			}
			return time.Duration(v) * time.Millisecond
		}
	case term.Atom:
		if v == "infinity" {
			return otp.Infinity
		}
	}
	otp.Error(term.Atom("badarg"))
	return 0
}

package genserver

import (
	"errors"
	"sync"
	"time"

	"github.com/scalability-go/otpbook/otp"
	"github.com/scalability-go/otpbook/otp/code"
	"github.com/scalability-go/otpbook/otp/gen"
	"github.com/scalability-go/otpbook/otp/term"
)

// Module returns the module gen_server as the shell, rpc and apply call
// it by name: start/3,4, start_link/3,4, start_monitor/3,4, call/2,3,
// cast/2, reply/2, multi_call/2,3,4, abcast/2,3 and stop/1,3. They take
// and return Erlang terms and fail as OTP's do (call exits with {Reason,
// {gen_server, call, Args}}); a callback module is named by its atom and
// found in the node's code server.
func Module() *code.Module {
	e := map[code.FA]code.Func{}
	def := func(name string, arity int, f code.Func) {
		e[code.FA{Function: term.Atom(name), Arity: arity}] = f
	}
	for _, k := range []struct {
		name string
		kind gen.LinkKind
	}{{"start", gen.NoLink}, {"start_link", gen.Link}, {"start_monitor", gen.Monitor}} {
		def(k.name, 3, func(p *otp.Process, a []term.Term) term.Term {
			return shellStart(p, k.name, k.kind, nil, a[0], a[1], a[2], a)
		})
		def(k.name, 4, func(p *otp.Process, a []term.Term) term.Term {
			return shellStart(p, k.name, k.kind, a[0], a[1], a[2], a[3], a)
		})
	}
	def("call", 2, func(p *otp.Process, a []term.Term) term.Term {
		return MustCall(p, a[0], a[1])
	})
	def("call", 3, func(p *otp.Process, a []term.Term) term.Term {
		d, ok := durationOf(a[2])
		if !ok {
			// gen:call's guard fails inside the catch of gen_server:call.
			otp.Exit(term.Tuple{term.Tuple{term.Atom("function_clause"), term.List{}},
				term.Tuple{atomGenServer, term.Atom("call"), term.List(a)}})
		}
		r, err := Call(p, a[0], a[1], d)
		if err != nil {
			var ce *CallError
			errors.As(err, &ce)
			// The args hold the timeout as it was given.
			t := ce.Reason.(term.Tuple)
			exitIn(term.Tuple{t[0], term.Tuple{atomGenServer, term.Atom("call"), term.List(a)}},
				term.Tuple{atomGenServer, term.Atom("call"), 3, term.List{}})
		}
		return r
	})
	def("cast", 2, func(p *otp.Process, a []term.Term) term.Term {
		if !castDest(a[0]) {
			panic(&otp.Exception{Class: otp.ClassError, Reason: term.Atom("function_clause"),
				Stack: term.List{term.Tuple{atomGenServer, term.Atom("cast"), term.List(a), term.List{}}}})
		}
		Cast(p, a[0], a[1])
		return term.OK
	})
	def("reply", 2, func(p *otp.Process, a []term.Term) term.Term {
		from, ok := gen.FromTerm(a[0])
		if !ok {
			otp.Error(term.Atom("function_clause"))
		}
		ReplyTo(p, from, a[1])
		return term.OK
	})
	multi := func(p *otp.Process, a []term.Term, nodes term.Term, name, req term.Term, timeout []time.Duration) term.Term {
		n, ok := name.(term.Atom)
		if !ok {
			otp.Error(term.Atom("function_clause"))
		}
		var ns []term.Atom
		if nodes != nil {
			ns = nodeList(nodes)
		}
		replies, bad := MultiCall(p, ns, n, req, timeout...)
		rl, bl := term.List{}, term.List{}
		for _, r := range replies {
			rl = append(rl, r.Term())
		}
		for _, b := range bad {
			bl = append(bl, b)
		}
		return term.Tuple{rl, bl}
	}
	def("multi_call", 2, func(p *otp.Process, a []term.Term) term.Term { return multi(p, a, nil, a[0], a[1], nil) })
	def("multi_call", 3, func(p *otp.Process, a []term.Term) term.Term { return multi(p, a, a[0], a[1], a[2], nil) })
	def("multi_call", 4, func(p *otp.Process, a []term.Term) term.Term {
		d, ok := durationOf(a[3])
		if !ok {
			otp.Error(term.Atom("function_clause"))
		}
		return multi(p, a, a[0], a[1], a[2], []time.Duration{d})
	})
	def("abcast", 2, func(p *otp.Process, a []term.Term) term.Term {
		n, ok := a[0].(term.Atom)
		if !ok {
			otp.Error(term.Atom("function_clause"))
		}
		Abcast(p, nil, n, a[1])
		return term.Atom("abcast")
	})
	def("abcast", 3, func(p *otp.Process, a []term.Term) term.Term {
		n, ok := a[1].(term.Atom)
		if !ok {
			otp.Error(term.Atom("function_clause"))
		}
		Abcast(p, nodeList(a[0]), n, a[2])
		return term.Atom("abcast")
	})
	def("stop", 1, func(p *otp.Process, a []term.Term) term.Term {
		return shellStop(p, a[0], otp.Normal, otp.Infinity)
	})
	def("stop", 3, func(p *otp.Process, a []term.Term) term.Term {
		d, ok := durationOf(a[2])
		if !ok {
			panic(&otp.Exception{Class: otp.ClassError, Reason: term.Atom("function_clause"),
				Stack: term.List{term.Tuple{term.Atom("gen"), atomStop, term.List(a), term.List{}}}})
		}
		return shellStop(p, a[0], a[1], d)
	})
	return &code.Module{Name: atomGenServer, Exports: e}
}

// castDest reports whether gen_server:cast/2 has a clause for dest: a pid,
// an atom, {global, Name}, {via, Module, Name} or {Name, Node} of atoms.
func castDest(dest term.Term) bool {
	if t, ok := dest.(term.Tuple); ok && len(t) == 2 && t[0] != term.Atom("global") {
		_, ok1 := t[0].(term.Atom)
		_, ok2 := t[1].(term.Atom)
		return ok1 && ok2
	}
	return gen.IsDest(dest)
}

func nodeList(t term.Term) []term.Atom {
	l, ok := t.(term.List)
	if !ok {
		if s, isStr := t.(string); isStr && s == "" {
			return []term.Atom{}
		}
		otp.Error(term.Atom("function_clause"))
	}
	ns := make([]term.Atom, 0, len(l))
	for _, e := range l {
		if a, ok := e.(term.Atom); ok {
			ns = append(ns, a)
		}
	}
	return ns
}

func shellStart(p *otp.Process, fn string, kind gen.LinkKind, name, mod, args, opts term.Term, a []term.Term) term.Term {
	m, ok := mod.(term.Atom)
	o, err := OptionsOf(opts)
	if !ok || err != nil {
		otp.Error(term.Atom("function_clause"))
	}
	pid, mref, err := start(p, kind, name, m, args, o)
	var ne *gen.NameError
	if errors.As(err, &ne) {
		gen.Raise(err)
	}
	if err == nil && kind == gen.Monitor {
		return term.Tuple{term.OK, term.Tuple{pid, mref}}
	}
	return StartResult(pid, err)
}

func shellStop(p *otp.Process, dest, reason term.Term, d time.Duration) term.Term {
	if err := StopServerWith(p, dest, reason, d); err != nil {
		var ce *CallError
		reason := reasonOf(err)
		if errors.As(err, &ce) {
			reason = ce.Reason
		}
		frame := term.Tuple{term.Atom("proc_lib"), atomStop, 3, term.List{}}
		if _, found := whereFor(p, dest); found != nil {
			frame = term.Tuple{term.Atom("gen"), term.Atom("do_for_proc"), 2, term.List{}}
		}
		exitIn(reason, frame)
	}
	return term.OK
}

type loadKey struct{}

// Load loads the module gen_server (Module) into n's code server, unless
// a module of that name is loaded already. It may be called more than
// once.
func Load(n *otp.Node) error {
	mu := n.Value(loadKey{}, func() any { return &sync.Mutex{} }).(*sync.Mutex)
	mu.Lock()
	defer mu.Unlock()
	cs := code.Of(n)
	if _, ok := cs.IsLoaded(atomGenServer); ok {
		return nil
	}
	_, err := cs.Load(Module())
	return err
}

package stdlib

import (
	"time"

	"github.com/scalability-go/otpbook/otp"
	"github.com/scalability-go/otpbook/otp/code"
	"github.com/scalability-go/otpbook/otp/term"
)

// The module timer: sleep/1.
func timerModule() *code.Module {
	e := exports{}
	e.def("sleep", 1, func(p *otp.Process, args []term.Term) term.Term {
		if a, ok := atomOf(args[0]); ok && a == "infinity" {
			p.Sleep(otp.Infinity)
			return term.OK
		}
		ms, ok := bigOf(args[0])
		if !ok || ms.Sign() < 0 {
			raiseIn(term.Atom("timeout_value"), "timer", "sleep", 1)
		}
		d := otp.Infinity
		if ms.IsInt64() && ms.Int64() < int64(otp.Infinity/time.Millisecond) {
			d = time.Duration(ms.Int64()) * time.Millisecond
		}
		p.Sleep(d)
		return term.OK
	})
	return module("timer", e)
}

// The module code: purge/1, soft_purge/1, delete/1, is_loaded/1 and
// all_loaded/0, over the node's code server.
func codeModule() *code.Module {
	e := exports{}
	byName := func(name string, f func(s *code.Server, m term.Atom) term.Term) {
		e.def(name, 1, func(p *otp.Process, args []term.Term) term.Term {
			m, ok := atomOf(args[0])
			if !ok {
				fclause("code", name, args...)
			}
			return f(code.Of(p.Node()), m)
		})
	}
	byName("purge", func(s *code.Server, m term.Atom) term.Term { return term.Bool(s.Purge(m)) })
	byName("soft_purge", func(s *code.Server, m term.Atom) term.Term { return term.Bool(s.SoftPurge(m)) })
	byName("delete", func(s *code.Server, m term.Atom) term.Term { return term.Bool(s.Delete(m)) })
	byName("is_loaded", func(s *code.Server, m term.Atom) term.Term {
		if _, ok := s.IsLoaded(m); ok {
			return term.Tuple{term.Atom("file"), term.Atom("preloaded")}
		}
		return term.False
	})
	e.def("all_loaded", 0, func(p *otp.Process, _ []term.Term) term.Term {
		names := code.Of(p.Node()).AllLoaded()
		l := make(term.List, len(names))
		for i, m := range names {
			l[i] = term.Tuple{m, term.Atom("preloaded")}
		}
		return l
	})
	return module("code", e)
}

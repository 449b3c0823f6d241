// Book: chapter 3, "Behaviours" (Callback Modules: ch3/behavior/frequency.erl).

package behavior

import (
	"github.com/scalability-go/otpbook/internal/erl"
	"github.com/scalability-go/otpbook/otp"
	"github.com/scalability-go/otpbook/otp/code"
	"github.com/scalability-go/otpbook/otp/term"
)

// Module returns the Erlang module frequency of ch3/behavior: the client
// functions start/0, stop/0, allocate/0 and deallocate/1, which call the
// module server by name (server:start(frequency, []), server:call/2,
// server:stop/1), and the callbacks init/1, handle/2 and terminate/1.
//
// init/1 returns a State, which prints and compares as {Free, Allocated};
// handle/2 and terminate/1 take that or the tuple itself.
func Module() *code.Module {
	apply := func(p *otp.Process, f term.Atom, args ...term.Term) term.Term {
		return code.Of(p.Node()).Apply(p, "server", f, args)
	}
	return &code.Module{
		Name: Name,
		Exports: map[code.FA]code.Func{
			{Function: "start", Arity: 0}: func(p *otp.Process, _ []term.Term) term.Term {
				return apply(p, "start", Name, term.List{})
			},
			{Function: "stop", Arity: 0}: func(p *otp.Process, _ []term.Term) term.Term {
				return apply(p, "stop", Name)
			},
			{Function: "allocate", Arity: 0}: func(p *otp.Process, _ []term.Term) term.Term {
				return apply(p, "call", Name, term.Tuple{allocate, p.Self()})
			},
			{Function: "deallocate", Arity: 1}: func(p *otp.Process, args []term.Term) term.Term {
				return apply(p, "call", Name, term.Tuple{deallocate, args[0]})
			},
			{Function: "init", Arity: 1}: func(p *otp.Process, args []term.Term) term.Term {
				return Frequency{}.Init(p, args[0])
			},
			{Function: "handle", Arity: 2}: func(p *otp.Process, args []term.Term) term.Term {
				s, ok := stateOf(args[1])
				if !ok {
					erl.FunctionClause(Name, "handle", args[0], args[1])
				}
				s, r := Frequency{}.Handle(p, args[0], s)
				return term.Tuple{s, r}
			},
			{Function: "terminate", Arity: 1}: func(p *otp.Process, args []term.Term) term.Term {
				return term.OK
			},
		},
	}
}

// stateOf reads a state: a State, or {Free, Allocated} with Free a list
// and Allocated a list of pairs.
func stateOf(t term.Term) (State, bool) {
	if s, ok := t.(State); ok {
		return s, true
	}
	tup, ok := t.(term.Tuple)
	if !ok || len(tup) != 2 {
		return State{}, false
	}
	free, ok1 := tup[0].(term.List)
	alloc, ok2 := tup[1].(term.List)
	if (!ok1 && !isNil(tup[0])) || (!ok2 && !isNil(tup[1])) {
		return State{}, false
	}
	s := State{Free: append([]term.Term{}, free...)}
	for _, a := range alloc {
		pair, ok := a.(term.Tuple)
		if !ok || len(pair) != 2 {
			return State{}, false
		}
		s.Allocated = append(s.Allocated, Allocation{pair[0], pair[1]})
	}
	return s, true
}

// isNil reports whether t is [], in any of its Go forms.
func isNil(t term.Term) bool {
	switch v := t.(type) {
	case term.List:
		return len(v) == 0
	case string:
		return v == ""
	}
	return false
}

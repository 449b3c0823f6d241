// Book: chapter 2, "Upgrading Modules" (a shell session; the book has no file for it).

package upgrade

import (
	"github.com/scalability-go/otpbook/internal/erl"
	"github.com/scalability-go/otpbook/otp"
	"github.com/scalability-go/otpbook/otp/code"
	"github.com/scalability-go/otpbook/otp/term"
)

// Module returns the Erlang module upgrade, which drives the module loop
// from the shell. Its functions, in the order of the book's session:
//
//	start(qualified | local) -> Pid
//	    spawns a loop; loads version 1 of loop first if no version is
//	    loaded, as an interactive node loads a module on its first call.
//	ask(Pid) -> Vsn
//	    the version that answered; exits {Reason, {upgrade, ask, [Pid]}}
//	    when the loop has ended or ends first.
//	load(Vsn) -> {module, loop}
//	    loads version Vsn (an integer), purging the old version first:
//	    the book's "compile the changed file and load it".
//	check_process_code(Pid) -> boolean()
//	    whether Pid runs the old version of loop.
//	soft_purge() -> boolean()
//	    removes the old version unless a process runs it.
//	purge() -> boolean()
//	    removes the old version, killing the processes that run it;
//	    whether it killed any.
//	versions() -> {Current, Old}
//	    the loaded versions of loop, undefined where there is none.
//
// A loop answers a message {From, version} with {Pid, Vsn}, so the
// requests can also be sent by hand (Pid ! {self(), version}, flush()),
// and stop ends it.
func Module() *code.Module {
	return &code.Module{
		Name: "upgrade",
		Exports: map[code.FA]code.Func{
			{Function: "start", Arity: 1}:              startTerm,
			{Function: "ask", Arity: 1}:                askTerm,
			{Function: "load", Arity: 1}:               loadTerm,
			{Function: "check_process_code", Arity: 1}: checkTerm,
			{Function: "soft_purge", Arity: 0}: func(p *otp.Process, _ []term.Term) term.Term {
				return term.Bool(code.Of(p.Node()).SoftPurge(Loop))
			},
			{Function: "purge", Arity: 0}: func(p *otp.Process, _ []term.Term) term.Term {
				return term.Bool(code.Of(p.Node()).Purge(Loop))
			},
			{Function: "versions", Arity: 0}: versionsTerm,
		},
	}
}

func startTerm(p *otp.Process, args []term.Term) term.Term {
	cs := code.Of(p.Node())
	if _, ok := cs.IsLoaded(Loop); !ok {
		_, _ = cs.Load(Version(1))
	}
	switch args[0] {
	case term.Atom("qualified"):
		return StartQualified(p)
	case term.Atom("local"):
		return StartLocal(p)
	}
	erl.FunctionClause("upgrade", "start", args[0])
	return nil
}

func askTerm(p *otp.Process, args []term.Term) term.Term {
	pid, ok := args[0].(term.Pid)
	if !ok {
		erl.FunctionClause("upgrade", "ask", args[0])
	}
	vsn, err := Ask(p, pid)
	if err != nil {
		otp.Exit(term.Tuple{err.(*EndedError).Reason, term.Tuple{term.Atom("upgrade"), term.Atom("ask"), term.List{pid}}})
	}
	return vsn
}

func loadTerm(p *otp.Process, args []term.Term) term.Term {
	vsn, ok := args[0].(int)
	if !ok {
		erl.FunctionClause("upgrade", "load", args[0])
	}
	_, _ = Load(p.Node(), vsn)
	return term.Tuple{term.Atom("module"), Loop}
}

func checkTerm(p *otp.Process, args []term.Term) term.Term {
	pid, ok := args[0].(term.Pid)
	if !ok {
		erl.Badarg("erlang", "check_process_code", 2)
	}
	return term.Bool(code.Of(p.Node()).CheckProcessCode(pid, Loop))
}

func versionsTerm(p *otp.Process, _ []term.Term) term.Term {
	cs := code.Of(p.Node())
	vsn := func(m *code.Module, ok bool) term.Term {
		if !ok {
			return term.Atom("undefined")
		}
		return m.Vsn
	}
	return term.Tuple{vsn(cs.IsLoaded(Loop)), vsn(cs.Old(Loop))}
}

package shell

import (
	"fmt"
	"math/big"
	"strings"

	"github.com/scalability-go/otpbook/otp"
	"github.com/scalability-go/otpbook/otp/term"
)

// command runs the shell's own commands: flush(), b(), f(), f(X), q(),
// help(), i(), regs(), and those on records (records.go). It reports
// false for any other name.
func (s *Shell) command(p *otp.Process, name term.Atom, args []Expr, b *Bindings) (term.Term, bool) {
	switch {
	case name == "flush" && len(args) == 0:
		for _, m := range p.Flush() {
			fmt.Fprintf(s.out, "Shell got %s\n", term.Pretty(m, term.PrintOptions{Column: 11, LineLength: 80, Unicode: true}))
		}
	case name == "b" && len(args) == 0:
		for _, n := range b.Names() {
			v, _ := b.Get(n)
			fmt.Fprintf(s.out, "%s = %s\n", n, term.Pretty(v, s.printOpts(len(n)+4)))
		}
	case name == "f" && len(args) == 0:
		*b = Bindings{}
	case name == "f" && len(args) == 1:
		v, ok := epDeref(args[0]).(*Var)
		if !ok {
			shellFunctionClause("f", 1)
		}
		b.Delete(v.Name)
	case name == "q" && len(args) == 0:
		s.quit.Store(true)
	case name == "halt" && len(args) == 0:
		s.halted.Store(true)
		s.quit.Store(true)
	case name == "halt" && len(args) == 1:
		var v term.Term
		v, *b = s.ev.Eval(p, args[0], *b)
		status, ok := haltStatus(v)
		if !ok {
			evRaise(evAtomBadarg, term.List{term.Tuple{evAtomErlang, term.Atom("halt"), term.List{v},
				term.List{term.Tuple{term.Atom("error_info"), term.MapOf(
					term.Atom("module"), term.Atom("erl_erts_errors"),
					term.Atom("messages"), term.MapOf(1, "invalid status"))}}}})
		}
		s.status.Store(int32(status))
		s.halted.Store(true)
		s.quit.Store(true)
	case name == "help" && len(args) == 0:
		fmt.Fprint(s.out, helpText)
		return true, true
	case name == "i" && len(args) == 0:
		s.listProcesses()
	case name == "regs" && len(args) == 0:
		s.listRegistered()
	default:
		return s.recordCommand(p, name, args, b)
	}
	return term.OK, true
}

// haltStatus is the exit status halt(Status) asks for: a non-negative
// integer, of which the operating system keeps the low 8 bits, as it
// does of erl's (halt(300) exits with 44). Erlang's halt/1 also takes a
// string, a slogan for a crash dump, and abort; this shell does not
// (badarg).
func haltStatus(v term.Term) (int, bool) {
	n, ok := term.BigInt(v)
	if !ok || n.Sign() < 0 {
		return 0, false
	}
	return int(new(big.Int).And(n, big.NewInt(0xff)).Int64()), true
}

const helpText = `** shell internal commands **
b()        -- display all variable bindings
f()        -- forget all variable bindings
f(X)       -- forget the binding of variable X
flush()    -- flush any messages sent to the shell
help()     -- help info
i()        -- information about the system
q()        -- quit - shorthand for init:stop()
regs()     -- information about registered processes
rd(R,D)    -- define a record
rf()       -- remove all record information
rf(R)      -- remove record information about R
rl()       -- display all record information
rl(R)      -- display record information about R
rp(Term)   -- display Term using the shell's record information
rr(Mod)    -- read record information from a module
rr(Mod,R)  -- read selected record information from a module
`

// listProcesses prints the processes as i() does. Heap sizes and
// reductions are OTP's scheduler's; this runtime has none and prints 0.
func (s *Shell) listProcesses() {
	fmt.Fprintf(s.out, "%-21s %-37s %8s %8s %4s\n", "Pid", "Initial Call", "Heap", "Reds", "Msgs")
	fmt.Fprintf(s.out, "%-21s %-37s %8s\n", "Registered", "Current Function", "Stack")
	total := 0
	for _, pid := range s.node.Processes() {
		info, ok := s.node.ProcessInfo(pid)
		if !ok {
			continue
		}
		total += info.MessageQueueLen
		fmt.Fprintf(s.out, "%-21s %-37s %8d %8d %4d\n", pid, mfaText(info.InitialCall), 0, 0, info.MessageQueueLen)
		cur := term.Write(info.CurrentFunction)
		if mfa, ok := info.CurrentFunction.(otp.MFA); ok {
			cur = mfaText(mfa)
		}
		fmt.Fprintf(s.out, "%-21s %-37s %8d\n", string(info.RegisteredName), cur, 0)
	}
	fmt.Fprintf(s.out, "%-21s %-37s %8d %8d %4d\n", "Total", "", 0, 0, total)
}

func mfaText(m otp.MFA) string {
	return fmt.Sprintf("%s:%s/%d", term.Write(m.Module), term.Write(m.Function), m.Arity)
}

// listRegistered prints the registered processes as regs() does.
func (s *Shell) listRegistered() {
	fmt.Fprintf(s.out, "\n** Registered procs on node %s **\n", s.node.Name())
	fmt.Fprintf(s.out, "%-24s %-12s %-32s %8s %4s\n", "Name", "Pid", "Initial Call", "Reds", "Msgs")
	for _, name := range s.node.Registered() {
		pid, ok := s.node.WhereIs(name)
		if !ok {
			continue
		}
		info, ok := s.node.ProcessInfo(pid)
		if !ok {
			continue
		}
		fmt.Fprintf(s.out, "%-24s %-12s %-32s %8d %4d\n", strings.TrimSpace(term.Write(name)), pid, mfaText(info.InitialCall), 0, info.MessageQueueLen)
	}
}

package otp

import "github.com/scalability-go/otpbook/otp/term"

// Atoms the runtime gives meaning to, as exit reasons and message tags.
const (
	Normal       term.Atom = "normal"       // the reason of a process that finished its work
	Kill         term.Atom = "kill"         // the exit signal that cannot be trapped
	Killed       term.Atom = "killed"       // the reason of a process that was sent kill
	Noproc       term.Atom = "noproc"       // the target process does not exist
	Noconnection term.Atom = "noconnection" // the target's node cannot be reached
	Shutdown     term.Atom = "shutdown"     // the reason supervisors use to stop a child
)

// ExitMsg is the message a process that traps exits receives for an exit
// signal: {'EXIT', From, Reason} in Erlang. Printed or compared as a term it
// is that tuple.
type ExitMsg struct {
	From   term.Pid
	Reason term.Term
}

// Term returns {'EXIT', From, Reason}.
func (m ExitMsg) Term() term.Term { return term.Tuple{term.Atom("EXIT"), m.From, m.Reason} }

// String prints the message as ~p does.
func (m ExitMsg) String() string { return term.Print(m.Term()) }

// DownMsg is the message a monitor delivers when its target goes:
// {'DOWN', Ref, process, Item, Reason} in Erlang. Item is the pid when the
// monitor was set on a pid, and {Name, Node} when it was set on a name.
type DownMsg struct {
	Ref    term.Ref
	Type   term.Atom
	Item   term.Term
	Reason term.Term
}

// Term returns {'DOWN', Ref, Type, Item, Reason}.
func (m DownMsg) Term() term.Term {
	return term.Tuple{term.Atom("DOWN"), m.Ref, m.Type, m.Item, m.Reason}
}

// String prints the message as ~p does.
func (m DownMsg) String() string { return term.Print(m.Term()) }

// TimeoutMsg is the message a timer made by StartTimer delivers:
// {timeout, Ref, Msg} in Erlang.
type TimeoutMsg struct {
	Ref term.Ref
	Msg any
}

// Term returns {timeout, Ref, Msg}.
func (m TimeoutMsg) Term() term.Term { return term.Tuple{term.Atom("timeout"), m.Ref, m.Msg} }

// String prints the message as ~p does.
func (m TimeoutMsg) String() string { return term.Print(m.Term()) }

// MFA names a function as Module:Function/Arity, as process_info's
// initial_call and current_function do.
type MFA struct {
	Module   term.Atom
	Function term.Atom
	Arity    int
}

// Term returns {Module, Function, Arity}.
func (m MFA) Term() term.Term { return term.Tuple{m.Module, m.Function, m.Arity} }

// String prints the tuple as ~p does.
func (m MFA) String() string { return term.Print(m.Term()) }

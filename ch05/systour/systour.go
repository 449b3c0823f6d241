// Book: chapter 5, "Controlling OTP Behaviours" (The sys Module; Statistics, Status, and State).

// Package systour is the chapter's tour of package otp/sys, the sys
// module, over chapter 4's frequency server, as Go code: every
// experiment of the chapter's shell sessions (testdata/script) is a test
// or a runnable example here, with the Go API instead of the shell's.
//
//	sys:trace(frequency, true)           sys.Trace(p, frequency.Name, true)
//	sys:log(frequency, {true, 2})        sys.Log(p, frequency.Name, term.Tuple{term.True, 2})
//	sys:statistics(frequency, get)       sys.Statistics(p, frequency.Name, term.Atom("get"))
//	sys:get_status(frequency)            sys.GetStatus(p, frequency.Name)
//	sys:replace_state(frequency, Fun)    sys.ReplaceState(p, frequency.Name, func(s any) any {...})
//	sys:suspend(frequency)               sys.Suspend(p, frequency.Name)
//
// The package adds what the experiments need on top: Inject (the
// replace_state experiment), StatusOf (get_status's reply as a struct)
// and Queue (the server's mailbox, as process_info(P, messages) shows
// it).
package systour

import (
	"errors"

	"github.com/scalability-go/otpbook/ch04/frequency"
	"github.com/scalability-go/otpbook/otp"
	"github.com/scalability-go/otpbook/otp/sys"
	"github.com/scalability-go/otpbook/otp/term"
)

// Inject puts freq at the head of the running frequency server's free
// list with sys.ReplaceState, so that the next allocation hands it out,
// and returns the new state: the chapter's replace_state experiment. The
// function runs inside the server, between two messages.
func Inject(p *otp.Process, freq term.Term) (frequency.State, error) {
	s, err := sys.ReplaceState(p, frequency.Name, func(s any) any {
		st := s.(frequency.State)
		return frequency.State{Free: append([]term.Term{freq}, st.Free...), Allocated: st.Allocated}
	})
	if err != nil {
		return frequency.State{}, err
	}
	return s.(frequency.State), nil
}

// State returns the frequency server's state, as sys:get_state(frequency).
func State(p *otp.Process) (frequency.State, error) {
	s, err := sys.GetState(p, frequency.Name)
	if err != nil {
		return frequency.State{}, err
	}
	st, ok := s.(frequency.State)
	if !ok {
		return frequency.State{}, errors.New("systour: the state is not a frequency.State: " + term.Write(s))
	}
	return st, nil
}

// Status is the reply of sys:get_status, {status, Pid, {module, Module},
// [PDict, SysState, Parent, Debug, Misc]}, taken apart.
type Status struct {
	Pid      term.Pid
	Module   term.Atom // gen_server
	PDict    term.List
	SysState term.Atom // running or suspended
	Parent   term.Pid
	Debug    term.List // the debug options in force
	Misc     term.List // the behaviour's part: header, data, then format_status's
}

// StatusOf takes a get_status reply apart; false if it is not one.
func StatusOf(t term.Term) (Status, bool) {
	var s Status
	tt, ok := t.(term.Tuple)
	if !ok || len(tt) != 4 || tt[0] != term.Atom("status") {
		return s, false
	}
	mod, ok1 := tt[2].(term.Tuple)
	items, ok2 := tt[3].(term.List)
	if !ok1 || !ok2 || len(mod) != 2 || len(items) != 5 {
		return s, false
	}
	s.Pid, _ = tt[1].(term.Pid)
	s.Module, _ = mod[1].(term.Atom)
	s.PDict, _ = items[0].(term.List)
	s.SysState, _ = items[1].(term.Atom)
	s.Parent, _ = items[2].(term.Pid)
	s.Debug, _ = items[3].(term.List)
	s.Misc, _ = items[4].(term.List)
	return s, true
}

// FormatStatus returns the last element of Misc: what the callback
// module's format_status made of the state ({data, [{"State", ...}]} for
// the frequency server).
func (s Status) FormatStatus() term.Term {
	if len(s.Misc) == 0 {
		return nil
	}
	return s.Misc[len(s.Misc)-1]
}

// Queue returns the messages waiting in the mailbox of the process
// registered as name, as process_info(whereis(Name), messages) shows
// them: a suspended server's calls and casts wait there.
func Queue(n *otp.Node, name term.Atom) ([]any, bool) {
	pid, ok := n.WhereIs(name)
	if !ok {
		return nil, false
	}
	info, ok := n.ProcessInfo(pid)
	if !ok {
		return nil, false
	}
	return info.Messages, true
}

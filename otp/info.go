package otp

import (
	"slices"

	"github.com/scalability-go/otpbook/otp/term"
)

// ProcessInfo is what process_info/1,2 tells about a process.
type ProcessInfo struct {
	Pid term.Pid
	// Status is waiting while the process is blocked in a receive, and
	// running otherwise. (OTP also tells runnable from running, which
	// depends on its schedulers; Go's are not visible.)
	Status          term.Atom
	MessageQueueLen int
	Messages        []any
	Links           []term.Pid
	// Monitors are the monitors the process holds, each as
	// {process, Pid} or {process, {Name, Node}}.
	Monitors    []term.Tuple
	MonitoredBy []term.Pid
	TrapExit    bool
	// RegisteredName is the process's name, or "" (Erlang's []).
	RegisteredName term.Atom
	// InitialCall is the function the process started in: the MFA given
	// to SpawnOpt, or the Go function as {Package, Function, 1}.
	InitialCall MFA
	// CurrentFunction is the function the process runs. Go cannot look
	// into another goroutine's stack cheaply: this is the initial call,
	// or the label when one is set, or {erlang, hibernate, 3} while the
	// process hibernates.
	CurrentFunction term.Term
	// Label is what SetLabel set, or nil.
	Label term.Term
}

// ProcessInfo returns what is known of a live process of this node, as
// process_info/1 does; false (Erlang's undefined) when pid is not alive.
func (n *Node) ProcessInfo(pid term.Pid) (ProcessInfo, bool) {
	p := n.lookup(pid)
	if p == nil {
		return ProcessInfo{}, false
	}
	p.mu.Lock()
	if p.dead.Load() {
		p.mu.Unlock()
		return ProcessInfo{}, false
	}
	info := ProcessInfo{
		Pid:             pid,
		Status:          "running",
		MessageQueueLen: p.mbox.len(),
		Messages:        p.mbox.all(),
		TrapExit:        p.trapExit,
		RegisteredName:  p.regName(),
	}
	if p.waiting {
		info.Status = "waiting"
	}
	for l := range p.links {
		info.Links = append(info.Links, l)
	}
	var ic *MFA
	hibernating := false
	if x := p.x; x != nil {
		hibernating = x.hibernating
		for _, m := range x.monitors.all {
			info.Monitors = append(info.Monitors, term.Tuple{term.Atom("process"), m.item()})
		}
		for _, m := range x.monitoredBy.all {
			info.MonitoredBy = append(info.MonitoredBy, m.watcher.Self())
		}
		info.Label = x.label
		ic = x.initialCall
	}
	fn := p.fn
	p.mu.Unlock()

	if ic != nil {
		info.InitialCall = *ic
	} else {
		info.InitialCall = funcMFA(fn)
	}
	info.CurrentFunction = info.InitialCall
	if info.Label != nil {
		info.CurrentFunction = info.Label
	}
	if hibernating {
		info.CurrentFunction = MFA{Module: "erlang", Function: "hibernate", Arity: 3}
	}
	slices.SortFunc(info.Links, func(a, b term.Pid) int { return term.Compare(a, b) })
	slices.SortFunc(info.Monitors, func(a, b term.Tuple) int { return term.Compare(a, b) })
	slices.SortFunc(info.MonitoredBy, func(a, b term.Pid) int { return term.Compare(a, b) })
	return info, true
}

// Item returns one item as process_info/2 gives it, {Item, Value}, for
// the items status, message_queue_len, messages, links, monitors,
// monitored_by, trap_exit, registered_name, initial_call, current_function
// and label; false for any other.
func (i ProcessInfo) Item(item term.Atom) (term.Tuple, bool) {
	var v term.Term
	switch item {
	case "status":
		v = i.Status
	case "message_queue_len":
		v = i.MessageQueueLen
	case "messages":
		l := make(term.List, len(i.Messages))
		copy(l, i.Messages)
		v = l
	case "links":
		v = pidList(i.Links)
	case "monitors":
		l := make(term.List, len(i.Monitors))
		for k, m := range i.Monitors {
			l[k] = m
		}
		v = l
	case "monitored_by":
		v = pidList(i.MonitoredBy)
	case "trap_exit":
		v = i.TrapExit
	case "registered_name":
		if i.RegisteredName == "" {
			v = term.List{}
		} else {
			v = i.RegisteredName
		}
	case "initial_call":
		v = i.InitialCall
	case "current_function":
		v = i.CurrentFunction
	case "label":
		if i.Label == nil {
			v = term.Undefined
		} else {
			v = i.Label
		}
	default:
		return nil, false
	}
	return term.Tuple{item, v}, true
}

func pidList(pids []term.Pid) term.List {
	l := make(term.List, len(pids))
	for k, p := range pids {
		l[k] = p
	}
	return l
}

// Term returns the items process_info/1 gives that this runtime knows, in
// its order: registered_name (when there is one), current_function,
// initial_call, status, message_queue_len, links and trap_exit.
func (i ProcessInfo) Term() term.Term {
	l := term.List{}
	for _, item := range []term.Atom{"registered_name", "current_function", "initial_call", "status", "message_queue_len", "links", "trap_exit"} {
		if item == "registered_name" && i.RegisteredName == "" {
			continue
		}
		t, _ := i.Item(item)
		l = append(l, t)
	}
	return l
}

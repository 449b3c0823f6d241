// Book: chapter 5, "Controlling OTP Behaviours" (Your Own Trace Functions).

// Package tracefuncs holds trace functions of the kind sys:install/2
// installs in a running behaviour process: Go functions of type
// sys.DebugFunc, called in the server's process for every event with
// their own state, the event and the server's name, and returning their
// next state, or the atom done to remove themselves.
//
//	sys.Install(p, frequency.Name, sys.FuncSpec{Func: tracefuncs.Printer(w), State: 0})
//
// The events are those sys:log returns for a gen_server:
//
//	{in, {'$gen_call', From, Request}}   a call (gen.CallMsg inside)
//	{out, Reply, From, NewState}         its reply
//	{in, {'$gen_cast', Msg}}             a cast (gen.CastMsg inside)
//	{in, Msg}                            any other message
//	{noreply, NewState}                  the state after a cast or a message
//
// Classify tells them apart. Printer numbers and prints every event,
// Alarm raises an alarm on the nth allocation and removes itself, Counter
// counts the events by kind, and Forward sends each event to a process,
// for a test or a monitor to receive.
package tracefuncs

import (
	"fmt"
	"io"

	"github.com/scalability-go/otpbook/otp"
	"github.com/scalability-go/otpbook/otp/gen"
	"github.com/scalability-go/otpbook/otp/sys"
	"github.com/scalability-go/otpbook/otp/term"
)

// Done is what a trace function returns to remove itself.
const Done term.Atom = "done"

// Kind is the kind of an event.
type Kind int

// The kinds of events a gen_server records.
const (
	Other   Kind = iota // an event of another shape
	Call                // {in, {'$gen_call', From, Request}}
	Cast                // {in, {'$gen_cast', Msg}}
	Info                // {in, Msg}: any other message
	Out                 // {out, Reply, From, NewState}
	NoReply             // {noreply, NewState}
)

var kindNames = [...]string{"other", "call", "cast", "info", "out", "noreply"}

func (k Kind) String() string {
	if k < 0 || int(k) >= len(kindNames) {
		return fmt.Sprintf("Kind(%d)", int(k))
	}
	return kindNames[k]
}

// Classify returns the kind of an event, and its message: the request of
// a call, the message of a cast or of an info event, the reply of an out
// event and the new state of a noreply event.
func Classify(ev term.Term) (Kind, any) {
	t, ok := ev.(term.Tuple)
	if !ok || len(t) < 2 {
		return Other, nil
	}
	switch {
	case t[0] == term.Atom("in") && len(t) == 2:
		switch m := gen.Decode(t[1]).(type) {
		case gen.CallMsg:
			return Call, m.Request
		case gen.CastMsg:
			return Cast, m.Request
		default:
			return Info, m
		}
	case t[0] == term.Atom("out") && len(t) == 4:
		return Out, t[1]
	case t[0] == term.Atom("noreply") && len(t) == 2:
		return NoReply, t[1]
	}
	return Other, nil
}

// NewState returns the server's state after an out or a noreply event.
func NewState(ev term.Term) (any, bool) {
	t, ok := ev.(term.Tuple)
	switch {
	case !ok:
		return nil, false
	case t[0] == term.Atom("out") && len(t) == 4:
		return t[3], true
	case t[0] == term.Atom("noreply") && len(t) == 2:
		return t[1], true
	}
	return nil, false
}

// IsAllocation reports whether an event is the frequency server's call
// {allocate, Pid}.
func IsAllocation(ev term.Term) bool {
	k, req := Classify(ev)
	if k != Call {
		return false
	}
	t, ok := asTerm(req).(term.Tuple)
	return ok && len(t) == 2 && t[0] == term.Atom("allocate")
}

func asTerm(v any) term.Term {
	if t, ok := v.(term.Termer); ok {
		return t.Term()
	}
	return v
}

// Printer returns a trace function that prints every event as
// "N: Event (ProcState)", N being its state, a number it increments: the
// printer of the chapter's shell session,
//
//	F = fun(N, Event, ProcState) ->
//	        io:format("~p: ~p (~p)~n", [N, Event, ProcState]), N + 1
//	    end,
//	sys:install(frequency, {F, 0}).
//
// Install it with an int state. It prints on w (an io.Writer the caller
// owns and that may be written to from the server's process).
func Printer(w io.Writer) sys.DebugFunc {
	return func(state any, ev, proc term.Term) any {
		n, _ := state.(int)
		io.WriteString(w, term.MustFormat("~p: ~p (~p)~n", n, ev, proc))
		return n + 1
	}
}

// Alarm returns a trace function that counts the allocation requests it
// sees in its state (an int, 0 at first) and, on the nth, prints
// "*ALARM* Proc: allocation N" on w and returns done: it has raised its
// alarm and removes itself, so that later allocations print nothing and
// get_status lists no debug function any more.
func Alarm(w io.Writer, nth int) sys.DebugFunc {
	return func(state any, ev, proc term.Term) any {
		n, _ := state.(int)
		if !IsAllocation(ev) {
			return n
		}
		n++
		if n < nth {
			return n
		}
		io.WriteString(w, term.MustFormat("*ALARM* ~p: allocation ~p~n", proc, n))
		return Done
	}
}

// Counts is the state of Counter: how many events of each kind it saw.
type Counts struct {
	Calls, Casts, Infos, Replies, NoReplies int
}

// Term returns [{calls, N}, {casts, N}, {infos, N}, {replies, N},
// {noreplies, N}], as get_status shows the function's state.
func (c Counts) Term() term.Term {
	return term.List{
		term.Tuple{term.Atom("calls"), c.Calls},
		term.Tuple{term.Atom("casts"), c.Casts},
		term.Tuple{term.Atom("infos"), c.Infos},
		term.Tuple{term.Atom("replies"), c.Replies},
		term.Tuple{term.Atom("noreplies"), c.NoReplies},
	}
}

// Counter is a trace function that counts the events by kind; its state
// is a Counts (the zero Counts to begin with). Read it back with CountsOf
// from the server's get_status.
func Counter(state any, ev, _ term.Term) any {
	c, _ := state.(Counts)
	switch k, _ := Classify(ev); k {
	case Call:
		c.Calls++
	case Cast:
		c.Casts++
	case Info:
		c.Infos++
	case Out:
		c.Replies++
	case NoReply:
		c.NoReplies++
	}
	return c
}

// CountsOf finds the state of an installed Counter in the reply of
// sys.GetStatus: the first debug function whose state is a Counts.
func CountsOf(status term.Term) (Counts, bool) {
	for _, opt := range DebugOf(status) {
		t, ok := opt.(term.Tuple)
		if !ok || len(t) < 2 {
			continue
		}
		inner := t[len(t)-1]
		if c, ok := inner.(Counts); ok {
			return c, true
		}
		if it, ok := inner.(term.Tuple); ok && len(it) == 2 {
			if c, ok := it[1].(Counts); ok {
				return c, true
			}
		}
	}
	return Counts{}, false
}

// DebugOf returns the debug options of a get_status reply, {status, Pid,
// {module, M}, [PDict, SysState, Parent, Debug, Misc]}: the trace, log,
// statistics and installed functions in force.
func DebugOf(status term.Term) term.List {
	t, ok := status.(term.Tuple)
	if !ok || len(t) != 4 {
		return nil
	}
	items, ok := t[3].(term.List)
	if !ok || len(items) != 5 {
		return nil
	}
	deb, _ := items[3].(term.List)
	return deb
}

// Event is the message Forward sends: an event of the process named Proc.
type Event struct {
	Proc  term.Term
	Event term.Term
}

// Term returns {trace_event, Proc, Event}.
func (e Event) Term() term.Term { return term.Tuple{term.Atom("trace_event"), e.Proc, e.Event} }

// Forward returns a trace function that sends every event to the process
// to, as an Event; its state is the number of events sent. A monitor
// process (or a test) can then watch a server without the server's code
// knowing.
func Forward(n *otp.Node, to term.Pid) sys.DebugFunc {
	return func(state any, ev, proc term.Term) any {
		k, _ := state.(int)
		n.Send(to, Event{Proc: proc, Event: ev})
		return k + 1
	}
}

// Book: chapter 4, "Generic Servers", "Hibernating Behaviours".

// Package hibernate shows a server that hibernates: a callback that
// returns hibernate in place of a timeout ({reply, R, State, hibernate},
// {noreply, State, hibernate}) makes the server, once it has answered,
// discard its stack, collect its garbage and sleep in erlang:hibernate/3
// until the next message, which wakes it in the gen_server loop with its
// state as it was. It suits a process that is idle most of the time and
// has just dropped a lot of data; done after every message it costs more
// than it saves. (Chapter 5's hibernate_after start option hibernates a
// server once it has been idle for a while.)
//
// The book shows it in the shell, with no module of its own; the module
// hibernate here is a server whose state is a list: {fill, N} makes it a
// list of N integers, clear empties it and hibernates, hibernate
// hibernates keeping the list, and size answers its length.
//
// In Go, hibernating unwinds the server goroutine's stack (package
// proclib), gives back the memory its mailbox holds, and parks the
// goroutine with nothing else on its stack until a message comes; what the
// state no longer references is the garbage collector's, hibernating or
// not. process_info(Pid, current_function) is {erlang, hibernate, 3}
// while the server sleeps, as in Erlang. Erlang's per-process heap also
// shrinks visibly (from some 636,000 words to 34 after clear, on OTP 25);
// a Go heap is shared, so there is no per-process figure to show.
package hibernate

import (
	"github.com/scalability-go/otpbook/internal/erl"
	"github.com/scalability-go/otpbook/otp"
	"github.com/scalability-go/otpbook/otp/code"
	"github.com/scalability-go/otpbook/otp/gen"
	"github.com/scalability-go/otpbook/otp/genserver"
	"github.com/scalability-go/otpbook/otp/term"
)

// Name is the module's name, and the server's registered name.
const Name term.Atom = "hibernate"

// The requests.
const (
	fill      term.Atom = "fill"
	clear     term.Atom = "clear"
	hibernate term.Atom = "hibernate"
	size      term.Atom = "size"
)

// State is the server's state: a list of integers.
type State []int

// Term returns the list.
func (s State) Term() term.Term {
	l := make(term.List, len(s))
	for i, v := range s {
		l[i] = v
	}
	return l
}

// Start starts the server registered as hibernate, unlinked, with an empty
// list.
func Start(p *otp.Process, opts ...genserver.Option) (term.Pid, error) {
	return genserver.Start(p, genserver.Local(Name), Callbacks(), term.List{}, opts...)
}

// Fill makes the server's list n integers long.
func Fill(p *otp.Process, n int) error {
	_, err := genserver.Call(p, Name, term.Tuple{fill, n})
	return err
}

// Clear empties the list; the server hibernates once it has answered.
func Clear(p *otp.Process) error {
	_, err := genserver.Call(p, Name, clear)
	return err
}

// Hibernate makes the server hibernate, keeping its list.
func Hibernate(p *otp.Process) error {
	_, err := genserver.Call(p, Name, hibernate)
	return err
}

// Size returns the length of the server's list.
func Size(p *otp.Process) (int, error) {
	r, err := genserver.Call(p, Name, size)
	if err != nil {
		return 0, err
	}
	return r.(int), nil
}

// Server is the callback module hibernate.
type Server struct{}

// Callbacks returns the callback module, named hibernate, as Start takes it.
func Callbacks() *genserver.Impl { return Module().Impl.(*genserver.Impl) }

// Module returns the Erlang module hibernate: start/0, which starts the
// server registered as hibernate ({ok, Pid}), and the gen_server
// callbacks.
func Module() *code.Module {
	m := genserver.NewModule[State](Name, Server{})
	m.Exports = map[code.FA]code.Func{
		{Function: "start", Arity: 0}: func(p *otp.Process, _ []term.Term) term.Term {
			return genserver.StartResult(genserver.Start(p, genserver.Local(Name), Name, term.List{}))
		},
	}
	return m
}

// Init is init(_): an empty list.
func (Server) Init(*otp.Process, term.Term) genserver.InitResult[State] {
	return genserver.Ok(State{})
}

// HandleCall serves {fill, N}, clear, hibernate and size.
func (Server) HandleCall(_ *otp.Process, req any, from gen.From, s State) genserver.Result[State] {
	switch r := req.(type) {
	case term.Tuple:
		if n, ok := r[1].(int); len(r) == 2 && r[0] == fill && ok && n >= 0 {
			l := make(State, n)
			for i := range l {
				l[i] = i + 1
			}
			return genserver.Reply(term.OK, l)
		}
	case term.Atom:
		switch r {
		case clear:
			return genserver.Reply(term.OK, State{}).Hibernate()
		case hibernate:
			return genserver.Reply(term.OK, s).Hibernate()
		case size:
			return genserver.Reply(len(s), s)
		}
	}
	erl.FunctionClause(Name, "handle_call", req, from.Term(), s.Term())
	panic("unreachable")
}

// HandleCast ignores casts.
func (Server) HandleCast(_ *otp.Process, _ any, s State) genserver.Result[State] {
	return genserver.NoReply(s)
}

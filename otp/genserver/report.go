package genserver

import (
	"context"
	"io"
	"log/slog"
	"strings"

	"github.com/scalability-go/otpbook/otp/code"
	"github.com/scalability-go/otpbook/otp/gen"
	"github.com/scalability-go/otpbook/otp/sys"
	"github.com/scalability-go/otpbook/otp/term"
)

// TerminateReport is the error report of a gen_server that terminates
// abnormally, OTP's #{label => {gen_server, terminate}, ...}. It is
// logged through the node's slog logger at Error level: the record's
// message is the report's text (Format) and its attribute "report" holds
// the *TerminateReport.
type TerminateReport struct {
	// Name is the server's name, or its pid.
	Name term.Term
	// LastMessage is the message being handled: the request of a call,
	// {'$gen_cast', Request} of a cast, the message itself for
	// handle_info, {'EXIT', Parent, Reason} for the parent's exit, and []
	// for sys:terminate.
	LastMessage term.Term
	// State is the state as format_status(terminate, ...) presents it,
	// or the state itself without that callback.
	State term.Term
	// Log is the sys log of the server (events, oldest first).
	Log term.List
	// Reason is the reason, with the stacktrace ({Reason, Stack}) when
	// the server crashed in a callback.
	Reason term.Term
	// Client is the caller of the call being handled, or nil; ClientDead
	// tells that it is no longer alive.
	Client     term.Term
	ClientDead bool
	// ClientName is the client's registered name, or its pid.
	ClientName term.Term

	// shown is Reason as the text shows it (see fixReason).
	shown term.Term
}

// ReportHeader is the report's kind, printed by report handlers as
// "=ERROR REPORT==== ...".
func (r *TerminateReport) ReportHeader() string { return "ERROR REPORT" }

// LogValue lets slog's text and JSON handlers print the report as its
// term.
func (r *TerminateReport) LogValue() slog.Value { return slog.StringValue(term.Write(r.Term())) }

// Term returns the report as OTP's logger gets it, a map with label
// {gen_server, terminate}.
func (r *TerminateReport) Term() term.Term {
	var client term.Term = term.Atom("undefined")
	if r.Client != nil {
		if r.ClientDead {
			client = term.Tuple{r.Client, term.Atom("dead")}
		} else {
			client = term.Tuple{r.Client, term.Tuple{r.ClientName, term.List{}}}
		}
	}
	log := r.Log
	if log == nil {
		log = term.List{}
	}
	return term.MapOf(
		term.Atom("label"), term.Tuple{atomGenServer, term.Atom("terminate")},
		term.Atom("name"), r.Name,
		term.Atom("last_message"), r.LastMessage,
		term.Atom("state"), r.State,
		term.Atom("log"), log,
		term.Atom("reason"), r.Reason,
		term.Atom("client_info"), client,
	)
}

// Format returns the report's text as OTP 25 prints it:
//
//	** Generic server frequency terminating
//	** Last message in was {'$gen_cast',unknown_cast}
//	** When Server state == ...
//	** Reason for termination ==
//	** ...
func (r *TerminateReport) Format() string {
	var b strings.Builder
	b.WriteString(mustFormat("** Generic server ~tp terminating \n"+
		"** Last message in was ~tp~n"+
		"** When Server state == ~tp~n"+
		"** Reason for termination ==~n** ~tp~n",
		r.Name, r.LastMessage, r.State, r.shownReason()))
	if len(r.Log) > 0 {
		f := "** Log ==~n** [" + strings.Repeat("~tp,~n    ", len(r.Log)-1) + "~tp]~n"
		b.WriteString(mustFormat(f, r.Log...))
	}
	if r.Client != nil {
		if r.ClientDead {
			b.WriteString(mustFormat("** Client ~p is dead~n", r.Client))
		} else {
			b.WriteString(mustFormat("** Client ~tp stacktrace~n** ~tp~n", r.ClientName, term.List{}))
		}
	}
	return strings.TrimSuffix(b.String(), "\n")
}

func (r *TerminateReport) shownReason() term.Term {
	if r.shown != nil {
		return r.shown
	}
	return r.Reason
}

// fixReason is OTP's fix_reason: the text of the report says of an undef
// whose module is not loaded, or whose function is not exported, which
// it is.
func fixReason(cs *code.Server, reason term.Term) term.Term {
	t, ok := reason.(term.Tuple)
	if !ok || len(t) != 2 || t[0] != atomUndef {
		return reason
	}
	st, ok := t[1].(term.List)
	if !ok || len(st) == 0 {
		return reason
	}
	f, ok := st[0].(term.Tuple)
	if !ok || len(f) != 4 {
		return reason
	}
	mod, ok1 := f[0].(term.Atom)
	fn, ok2 := f[1].(term.Atom)
	args, ok3 := f[2].(term.List)
	if !ok1 || !ok2 || !ok3 {
		return reason
	}
	m, loaded := cs.IsLoaded(mod)
	if !loaded {
		return term.Tuple{term.Atom("module could not be loaded"), st}
	}
	if _, exported := m.Lookup(fn, len(args)); !exported {
		return term.Tuple{term.Atom("function not exported"), st}
	}
	return reason
}

func mustFormat(f string, args ...term.Term) string {
	s, err := term.Format(f, args...)
	if err != nil {
		return f
	}
	return s
}

// errorInfo logs the error report of a terminating server.
func (s *server) errorInfo(reason term.Term, stack term.List, from *gen.From, msg any, state any) {
	if s.name == term.Atom("application_controller") {
		return
	}
	n := s.p.Node()
	logger := n.Logger()
	ctx := context.Background()
	if !logger.Enabled(ctx, slog.LevelError) {
		return
	}
	defer func() { recover() }() // a report must not take down what it reports on
	r := &TerminateReport{Name: s.name, LastMessage: toTerm(msg), Log: debugLog(s.deb)}
	st, ok := s.callFormatStatus(term.Atom("terminate"), s.pdict(), state)
	if ok {
		r.State = st
	} else {
		r.State = toTerm(st)
	}
	r.Reason = reason
	if stack != nil {
		r.Reason = term.Tuple{reason, stack}
	}
	r.shown = fixReason(code.Of(n), r.Reason)
	if from != nil {
		r.Client = from.Pid
		info, alive := n.ProcessInfo(from.Pid)
		switch {
		case !alive:
			r.ClientDead = true
		case info.RegisteredName != "":
			r.ClientName = info.RegisteredName
		default:
			r.ClientName = from.Pid
		}
	}
	logger.LogAttrs(ctx, slog.LevelError, r.Format(), slog.Any("report", r))
}

// warnNoHandleInfo logs OTP 25's warning for a message to a module
// without handle_info.
func (s *server) warnNoHandleInfo(mod term.Atom, msg any) {
	logger := s.p.Node().Logger()
	ctx := context.Background()
	if !logger.Enabled(ctx, slog.LevelWarn) {
		return
	}
	text := mustFormat("** Undefined handle_info in ~p~n** Unhandled message: ~tp", mod, toTerm(msg))
	logger.LogAttrs(ctx, slog.LevelWarn, text, slog.Any("report", term.MapOf(
		term.Atom("label"), term.Tuple{atomGenServer, term.Atom("no_handle_info")},
		term.Atom("module"), mod,
		term.Atom("message"), toTerm(msg))))
}

// toTerm returns the term a Go message stands for.
func toTerm(v any) term.Term {
	if t, ok := v.(term.Termer); ok {
		return t.Term()
	}
	return v
}

// debugLog returns the events of the sys log, oldest first, as
// sys:get_log/1 does.
func debugLog(d *sys.Debug) term.List { return d.Log() }

// printEvent prints a debug event as gen_server's print_event/3 does.
func printEvent(w io.Writer, name term.Term, ev term.Term) {
	var line string
	switch e := ev.(type) {
	case term.Tuple:
		switch {
		case len(e) == 2 && e[0] == atomIn:
			switch m := gen.Decode(e[1]).(type) {
			case gen.CallMsg:
				line = mustFormat("*DBG* ~tp got call ~tp from ~tw~n", name, toTerm(m.Request), m.From.Pid)
			case gen.CastMsg:
				line = mustFormat("*DBG* ~tp got cast ~tp~n", name, toTerm(m.Request))
			default:
				line = mustFormat("*DBG* ~tp got ~tp~n", name, toTerm(e[1]))
			}
		case len(e) == 4 && e[0] == atomOut:
			to := e[2]
			if f, ok := to.(gen.From); ok {
				to = f.Pid
			} else if f, ok := gen.FromTerm(to); ok {
				to = f.Pid
			}
			line = mustFormat("*DBG* ~tp sent ~tp to ~tw, new state ~tp~n", name, toTerm(e[1]), to, toTerm(e[3]))
		case len(e) == 2 && e[0] == atomNoreply:
			line = mustFormat("*DBG* ~tp new state ~tp~n", name, toTerm(e[1]))
		}
	}
	if line == "" {
		line = mustFormat("*DBG* ~tp dbg  ~tp~n", name, toTerm(ev))
	}
	io.WriteString(w, line)
}

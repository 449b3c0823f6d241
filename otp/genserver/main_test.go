package genserver_test

import (
	"context"
	"log/slog"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
	"go.uber.org/goleak"

	"github.com/scalability-go/otpbook/otp"
	"github.com/scalability-go/otpbook/otp/gen"
	"github.com/scalability-go/otpbook/otp/genserver"
	"github.com/scalability-go/otpbook/otp/term"
)

func TestMain(m *testing.M) {
	goleak.VerifyTestMain(m)
}

// wait is how long a test waits for something that should happen at once.
const wait = 5 * time.Second

// sink is a slog handler that keeps the records logged.
type sink struct {
	mu   sync.Mutex
	recs []slog.Record
	ch   chan slog.Record
}

func (s *sink) Enabled(context.Context, slog.Level) bool { return true }
func (s *sink) Handle(_ context.Context, r slog.Record) error {
	s.mu.Lock()
	s.recs = append(s.recs, r)
	s.mu.Unlock()
	select {
	case s.ch <- r:
	default:
	}
	return nil
}
func (s *sink) WithAttrs([]slog.Attr) slog.Handler { return s }
func (s *sink) WithGroup(string) slog.Handler      { return s }

// next returns the next record whose message passes keep.
func (s *sink) next(t testing.TB, keep func(string) bool) slog.Record {
	t.Helper()
	timer := time.NewTimer(wait)
	defer timer.Stop()
	for {
		select {
		case r := <-s.ch:
			if keep(r.Message) {
				return r
			}
		case <-timer.C:
			t.Fatal("no log record came")
		}
	}
}

func (s *sink) messages() []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	var out []string
	for _, r := range s.recs {
		out = append(out, r.Message)
	}
	return out
}

// newNode makes a node whose log goes to a sink, and a process to act
// through.
func newNode(t testing.TB) (*otp.Node, *otp.Process, *sink) {
	t.Helper()
	s := &sink{ch: make(chan slog.Record, 64)}
	n, err := otp.NewNode(otp.Logger(slog.New(s)))
	require.NoError(t, err)
	p := n.Attach()
	t.Cleanup(func() {
		p.Detach()
		n.Stop()
	})
	return n, p, s
}

func atom(s string) term.Atom { return term.Atom(s) }

// srv is a test callback module of state any, each callback replaceable.
// By default: init returns Ok(args); calls answer ping with pong, get
// with the state, {set, X} with ok (state X), crash by error(boom),
// garbage with a bad return value, {stop, R} and {stop_reply, R, Reply}
// by stopping, noreply by sending From to notify; casts {set, X}, {stop,
// R} and exit (exit(cast_crash)); infos and terminate are told to notify.
type srv struct {
	notify term.Pid
	init   func(p *otp.Process, args term.Term) genserver.InitResult[any]
	call   func(p *otp.Process, req any, from gen.From, s any) genserver.Result[any]
	info   func(p *otp.Process, msg any, s any) genserver.Result[any]
}

func (m *srv) Init(p *otp.Process, args term.Term) genserver.InitResult[any] {
	if m.init != nil {
		return m.init(p, args)
	}
	return genserver.Ok[any](args)
}

func (m *srv) HandleCall(p *otp.Process, req any, from gen.From, s any) genserver.Result[any] {
	if m.call != nil {
		return m.call(p, req, from, s)
	}
	switch r := req.(type) {
	case term.Atom:
		switch r {
		case "ping":
			return genserver.Reply[any](atom("pong"), s)
		case "get":
			return genserver.Reply(s, s)
		case "crash":
			otp.Error(atom("boom"))
		case "garbage":
			return genserver.Term[any](atom("garbage"))
		case "noreply":
			p.Send(m.notify, term.Tuple{atom("from"), from})
			return genserver.NoReply(s)
		case "self":
			return genserver.Reply(genserver.MustCall(p, p.Self(), atom("ping")), s)
		case "hibernate":
			return genserver.Reply[any](term.OK, s).Hibernate()
		}
	case term.Tuple:
		switch {
		case len(r) == 2 && r[0] == atom("set"):
			return genserver.Reply[any](term.OK, r[1])
		case len(r) == 2 && r[0] == atom("sleep"):
			p.Sleep(time.Duration(r[1].(int)) * time.Millisecond)
			return genserver.Reply[any](term.OK, s)
		case len(r) == 2 && r[0] == atom("stop"):
			return genserver.Stop(r[1], s)
		case len(r) == 3 && r[0] == atom("stop_reply"):
			return genserver.StopReply(r[1], r[2], s)
		case len(r) == 2 && r[0] == atom("timeout"):
			return genserver.Reply[any](term.OK, s).Timeout(time.Duration(r[1].(int)) * time.Millisecond)
		}
	}
	return genserver.Reply[any](term.Tuple{atom("unknown"), toTerm(req)}, s)
}

func (m *srv) HandleCast(p *otp.Process, req any, s any) genserver.Result[any] {
	switch r := req.(type) {
	case term.Atom:
		if r == "exit" {
			otp.Exit(atom("cast_crash"))
		}
	case term.Tuple:
		switch {
		case len(r) == 2 && r[0] == atom("set"):
			return genserver.NoReply(r[1])
		case len(r) == 2 && r[0] == atom("stop"):
			return genserver.Stop(r[1], s)
		case len(r) == 2 && r[0] == atom("reply"):
			from, _ := gen.FromTerm(r[1])
			genserver.ReplyTo(p, from, atom("late_reply"))
			return genserver.NoReply(s)
		}
	}
	return genserver.NoReply(s)
}

func (m *srv) HandleInfo(p *otp.Process, msg any, s any) genserver.Result[any] {
	if m.info != nil {
		return m.info(p, msg, s)
	}
	if m.notify != (term.Pid{}) {
		p.Send(m.notify, term.Tuple{atom("info"), toTerm(msg)})
	}
	return genserver.NoReply(s)
}

func (m *srv) HandleContinue(p *otp.Process, c any, s any) genserver.Result[any] {
	if m.notify != (term.Pid{}) {
		p.Send(m.notify, term.Tuple{atom("continue"), toTerm(c)})
	}
	return genserver.NoReply(s)
}

func (m *srv) Terminate(p *otp.Process, reason term.Term, s any) {
	if m.notify != (term.Pid{}) {
		p.Send(m.notify, term.Tuple{atom("terminate"), reason, s})
	}
}

func toTerm(v any) term.Term {
	if t, ok := v.(term.Termer); ok {
		return t.Term()
	}
	return v
}

// recv waits for a message that match accepts.
func recv(t testing.TB, p *otp.Process, match func(any) bool) any {
	t.Helper()
	m, ok := p.ReceiveMatch(match, wait)
	require.True(t, ok, "no message came")
	return m
}

// recvTerm waits for a message equal to want (compared as terms).
func recvTerm(t testing.TB, p *otp.Process, want term.Term) {
	t.Helper()
	recv(t, p, func(m any) bool { return term.Equal(toTerm(m), want) })
}

// recvTagged waits for a tuple message whose first element is tag.
func recvTagged(t testing.TB, p *otp.Process, tag string) term.Tuple {
	t.Helper()
	return toTerm(recv(t, p, func(m any) bool {
		tp, ok := toTerm(m).(term.Tuple)
		return ok && len(tp) > 0 && tp[0] == atom(tag)
	})).(term.Tuple)
}

// down waits for the DOWN of mref and returns its reason.
func down(t testing.TB, p *otp.Process, mref term.Ref) term.Term {
	t.Helper()
	return recv(t, p, func(m any) bool {
		d, ok := m.(otp.DownMsg)
		return ok && d.Ref == mref
	}).(otp.DownMsg).Reason
}

// monitor monitors pid.
func monitor(t testing.TB, p *otp.Process, pid term.Pid) term.Ref {
	ref, err := p.Monitor(pid)
	require.NoError(t, err)
	return ref
}

// exitOf runs f and returns the reason it exits with (nil if it returns).
func exitOf(f func()) term.Term {
	exc := otp.Catch(f)
	if exc == nil {
		return nil
	}
	return exc.ExitReason()
}

// callReason returns the Reason of a *genserver.CallError.
func callReason(t testing.TB, err error) term.Term {
	t.Helper()
	require.Error(t, err)
	ce, ok := err.(*genserver.CallError)
	require.True(t, ok, "error %v is no *CallError", err)
	return ce.Reason
}

// stripStack replaces the stacktrace of {Reason, Stack} by st, for
// comparing whole reasons whose stacks are Go's.
func stripStack(r term.Term) term.Term {
	if t, ok := r.(term.Tuple); ok && len(t) == 2 {
		if _, isList := t[1].(term.List); isList {
			return term.Tuple{t[0], atom("st")}
		}
	}
	return r
}

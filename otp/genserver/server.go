package genserver

import (
	"errors"
	"time"

	"github.com/scalability-go/otpbook/otp"
	"github.com/scalability-go/otpbook/otp/code"
	"github.com/scalability-go/otpbook/otp/gen"
	"github.com/scalability-go/otpbook/otp/proclib"
	"github.com/scalability-go/otpbook/otp/sys"
	"github.com/scalability-go/otpbook/otp/term"
)

// Atoms of gen_server's protocol and results.
const (
	atomTimeout   term.Atom = "timeout"
	atomGenServer term.Atom = "gen_server"
	atomError     term.Atom = "error"
	atomIgnore    term.Atom = "ignore"
	atomUndef     term.Atom = "undef"
	atomBadReturn term.Atom = "bad_return_value"
	atomHibernate term.Atom = "hibernate"
	atomContinue  term.Atom = "continue"
	atomReply     term.Atom = "reply"
	atomNoreply   term.Atom = "noreply"
	atomStop      term.Atom = "stop"
	atomInfinity  term.Atom = "infinity"
	atomIn        term.Atom = "in"
	atomOut       term.Atom = "out"
)

// server is the state of a gen_server process's loop: OTP's loop/7
// arguments.
type server struct {
	p      *otp.Process
	parent term.Pid
	// name is what the server calls itself in reports and *DBG* lines:
	// its registered name, or its pid.
	name term.Term
	// regName is the name it was started with ({local, N}, ...), or nil.
	regName term.Term
	// modName is the callback module's name in the code server, or ""
	// when direct holds the callbacks.
	modName term.Atom
	direct  *Impl
	cs      *code.Server
	curMod  *code.Module
	cur     *Impl

	state    any
	act      action
	timeout  time.Duration
	cont     any
	hibAfter time.Duration
	deb      *sys.Debug
}

// mod returns the callback module: the current version of the module in
// the code server, entered as a fully qualified call enters it, so that a
// new version takes over at the next callback; or the Go value the
// server was started with. It returns nil when the module is not loaded
// (or is no callback module).
func (s *server) mod() *Impl {
	if s.direct != nil {
		return s.direct
	}
	// The current version is looked up every time. Entering it (which
	// records that the process runs it) is needed only when it is not
	// the version the process entered last.
	m, ok := s.cs.IsLoaded(s.modName)
	if !ok {
		return nil
	}
	if m != s.curMod {
		m, err := s.cs.Enter(s.p, s.modName)
		if err != nil {
			return nil
		}
		im, err := implOf(s.cs, m)
		if err != nil {
			return nil
		}
		s.curMod, s.cur = m, im
	}
	return s.cur
}

// impl is mod for a callback about to be called as fn(args...): a module
// that is not loaded raises undef, as Mod:fn(args...) does.
func (s *server) impl(fn term.Atom, args ...term.Term) *Impl {
	m := s.mod()
	if m == nil {
		raiseUndef(s.modName, fn, args)
	}
	return m
}

func (s *server) moduleName() term.Atom {
	if s.direct != nil {
		return s.direct.name
	}
	return s.modName
}

func raiseUndef(mod, fn term.Atom, args []term.Term) {
	panic(&otp.Exception{Class: otp.ClassError, Reason: atomUndef,
		Stack: term.List{term.Tuple{mod, fn, term.List(append([]term.Term(nil), args...)), term.List{}}}})
}

// procName is gen:name/1: the name a server calls itself by.
func procName(p *otp.Process, name term.Term) term.Term {
	if name == nil {
		return p.Self()
	}
	return gen.NameOf(name)
}

// initIt runs in the new process: init, the acknowledgement, the loop.
func (s *server) initIt(p *otp.Process, parent term.Pid, args term.Term, o gen.StartOptions) {
	s.p, s.parent = p, parent
	s.name = procName(p, s.regName)
	s.hibAfter = o.HibernateAfter
	if len(o.Debug) > 0 {
		// A log file that cannot be opened is left out; the other
		// options stay in force.
		s.deb, _ = sys.DebugOptions(o.Debug)
	}
	var r Result[any]
	if exc := otp.Catch(func() { r = s.impl("init", args).init(p, args) }); exc != nil {
		if exc.Class != otp.ClassThrow {
			s.unregister()
			panic(exc)
		}
		r = Result[any]{kind: kRaw, raw: exc.Reason}
	}
	r = decodeInit(r)
	switch r.kind {
	case kOk:
		proclib.InitAck(p, term.Tuple{term.OK, p.Self()})
		s.state = r.state
		s.setAction(r)
		s.loop()
	case kIgnore:
		s.unregister()
		proclib.InitFail(p, atomIgnore, otp.ClassExit, otp.Normal)
	case kInitStop:
		s.unregister()
		proclib.InitFail(p, term.Tuple{atomError, r.reason}, otp.ClassExit, r.reason)
	case kInitError:
		s.unregister()
		proclib.InitFail(p, term.Tuple{atomError, r.reason}, otp.ClassExit, otp.Normal)
	default:
		bad := term.Tuple{atomBadReturn, r.raw}
		s.unregister()
		proclib.InitFail(p, term.Tuple{atomError, bad}, otp.ClassExit, bad)
	}
}

func (s *server) unregister() {
	if s.regName != nil {
		gen.Unregister(s.p, s.regName)
	}
}

func (s *server) setAction(r Result[any]) {
	s.act, s.timeout, s.cont = r.act, r.timeout, r.cont
}

// loop is gen_server's main loop. It returns only by exiting.
func (s *server) loop() {
	p := s.p
	for {
		var msg any
		switch s.act {
		case aContinue:
			s.handleContinue()
			continue
		case aHibernate:
			proclib.Hibernate(p, s.wakeHib)
			return
		case aTimeout:
			m, ok := p.ReceiveTimeout(s.timeout)
			if !ok {
				m = atomTimeout
			}
			msg = m
		default:
			if s.hibAfter > 0 {
				m, ok := p.ReceiveTimeout(s.hibAfter)
				if !ok {
					s.act = aHibernate
					continue
				}
				msg = m
			} else {
				msg = p.Receive()
			}
		}
		s.handle(msg)
	}
}

// wakeHib is where a hibernated server wakes up: with a message queued.
func (s *server) wakeHib(p *otp.Process) {
	s.handle(p.Receive())
	s.loop()
}

// handle is decode_msg and handle_msg: one message.
func (s *server) handle(msg any) {
	msg = gen.Decode(msg)
	switch m := msg.(type) {
	case gen.CallMsg:
		if s.deb != nil {
			s.deb = s.deb.Event(s.p, s.name, term.Tuple{atomIn, m}, printEvent)
		}
		s.handleCall(m)
		return
	case gen.CastMsg:
		if s.deb != nil {
			s.deb = s.deb.Event(s.p, s.name, term.Tuple{atomIn, m}, printEvent)
		}
		var r Result[any]
		if exc := otp.Catch(func() {
			im := s.mod()
			if im == nil {
				raiseUndef(s.modName, "handle_cast", []term.Term{m.Request, s.state})
			}
			r = im.handleCast(s.p, m.Request, s.state)
		}); exc != nil {
			r = s.caught(exc, nil, m)
		}
		s.handleCommon(r, nil, m)
		return
	case sys.Msg:
		s.deb = sys.HandleSystemMsg(s.p, m, s.parent, atomGenServer, s, s.deb)
		return
	case otp.ExitMsg:
		if m.From == s.parent {
			s.terminate(otp.ClassExit, m.Reason, nil, false, nil, m, s.state, nil)
		}
	case term.Tuple:
		// {'EXIT', Parent, Reason} sent as a plain message counts as
		// the parent's exit, as in OTP.
		if len(m) == 3 && m[0] == term.Atom("EXIT") && m[1] == s.parent {
			s.terminate(otp.ClassExit, m[2], nil, false, nil, m, s.state, nil)
		}
	}
	if s.deb != nil {
		s.deb = s.deb.Event(s.p, s.name, term.Tuple{atomIn, msg}, printEvent)
	}
	s.handleInfo(msg)
}

func (s *server) handleInfo(msg any) {
	var r Result[any]
	if exc := otp.Catch(func() {
		m := s.impl("handle_info", msg, s.state)
		if m.handleInfo == nil {
			s.warnNoHandleInfo(m.name, msg)
			r = Result[any]{kind: kNoReply, state: s.state}
			return
		}
		r = m.handleInfo(s.p, msg, s.state)
	}); exc != nil {
		r = s.caught(exc, nil, msg)
	}
	s.handleCommon(r, nil, msg)
}

func (s *server) handleContinue() {
	c := s.cont
	s.act, s.cont = aNone, nil
	var r Result[any]
	if exc := otp.Catch(func() {
		m := s.impl("handle_continue", c, s.state)
		if m.handleContinue == nil {
			raiseUndef(m.name, "handle_continue", []term.Term{c, s.state})
		}
		r = m.handleContinue(s.p, c, s.state)
	}); exc != nil {
		r = s.caught(exc, nil, continueMsg(c))
	}
	ev := continueMsg(c)
	if s.deb != nil {
		s.deb = s.deb.Event(s.p, s.name, ev, printEvent)
	}
	s.handleCommon(r, nil, ev)
}

func continueMsg(c any) term.Tuple { return term.Tuple{atomContinue, c} }

// caught turns an exception of a callback into a result: a throw is the
// return value; anything else ends the server, with terminate.
func (s *server) caught(exc *otp.Exception, from *gen.From, msg any) Result[any] {
	if exc.Class == otp.ClassThrow {
		return Result[any]{kind: kRaw, raw: exc.Reason}
	}
	st := exc.Stack
	if st == nil {
		st = term.List{}
	}
	s.terminate(exc.Class, exc.Reason, st, true, from, msg, s.state, nil)
	panic("unreachable")
}

func (s *server) handleCall(m gen.CallMsg) {
	var r Result[any]
	if exc := otp.Catch(func() {
		im := s.mod()
		if im == nil {
			raiseUndef(s.modName, "handle_call", []term.Term{m.Request, m.From.Term(), s.state})
		}
		r = im.handleCall(s.p, m.Request, m.From, s.state)
	}); exc != nil {
		r = s.caught(exc, &m.From, m.Request)
	}
	if r.kind == kRaw {
		r = decodeCall(r.raw)
	}
	switch r.kind {
	case kReply:
		if r.act == aBad {
			break
		}
		gen.Reply(s.p, m.From, r.reply)
		if s.deb != nil {
			s.deb = s.deb.Event(s.p, s.name, term.Tuple{atomOut, r.reply, m.From, r.state}, printEvent)
		}
		s.state = r.state
		s.setAction(r)
		return
	case kStopReply:
		from, reply, nstate := m.From, r.reply, r.state
		s.terminate(otp.ClassExit, r.reason, nil, false, &from, m.Request, nstate, func() {
			gen.Reply(s.p, from, reply)
			if s.deb != nil {
				s.deb = s.deb.Event(s.p, s.name, term.Tuple{atomOut, reply, from, nstate}, printEvent)
			}
		})
	}
	s.handleCommon(r, &m.From, m.Request)
}

// handleCommon is handle_common_reply: noreply, stop, or a bad return
// value.
func (s *server) handleCommon(r Result[any], from *gen.From, msg any) {
	if r.kind == kRaw {
		r = decodeCommon(r.raw)
	}
	switch {
	case r.kind == kNoReply && r.act != aBad:
		if s.deb != nil {
			s.deb = s.deb.Event(s.p, s.name, term.Tuple{atomNoreply, r.state}, printEvent)
		}
		s.state = r.state
		s.setAction(r)
	case r.kind == kStop:
		s.terminate(otp.ClassExit, r.reason, nil, false, from, msg, r.state, nil)
	default:
		s.terminate(otp.ClassExit, term.Tuple{atomBadReturn, r.term()}, nil, false, from, msg, s.state, nil)
	}
}

// terminate is gen_server's terminate/10: the terminate callback, the
// error report unless the reason is normal, shutdown or {shutdown, _}
// (or the callback crashed), then after (the reply of {stop, R, Reply,
// S}), then the exit. stack is nil for a reason that did not come from an
// exception; report tells that the report's reason carries the stack.
func (s *server) terminate(class otp.Class, reason term.Term, stack term.List, report bool,
	from *gen.From, msg any, state any, after func()) {
	treason := reason
	if class == otp.ClassError {
		treason = term.Tuple{reason, stack}
	}
	if m := s.mod(); m != nil && m.terminate != nil {
		if exc := otp.Catch(func() { m.terminate(s.p, treason, state) }); exc != nil && exc.Class != otp.ClassThrow {
			st := exc.Stack
			if st == nil {
				st = term.List{}
			}
			s.errorInfo(exc.Reason, st, from, msg, state)
			if after != nil {
				after()
			}
			panic(exc)
		}
	}
	if !(class == otp.ClassExit && quiet(reason)) {
		if report {
			s.errorInfo(reason, stack, from, msg, state)
		} else {
			s.errorInfo(reason, nil, from, msg, state)
		}
	}
	if after != nil {
		after()
	}
	if s.deb != nil {
		s.deb.Close()
	}
	panic(&otp.Exception{Class: class, Reason: reason, Stack: stack})
}

// quiet reports whether an exit reason is one that is not reported:
// normal, shutdown or {shutdown, _}.
func quiet(reason term.Term) bool {
	switch r := reason.(type) {
	case term.Atom:
		return r == otp.Normal || r == otp.Shutdown
	case term.Tuple:
		return len(r) == 2 && r[0] == otp.Shutdown
	}
	return false
}

// The sys callbacks: *server implements sys.Callbacks.

// SystemTerminate ends the server as sys:terminate asks: terminate(Reason)
// runs, with [] as the last message, as in OTP.
func (s *server) SystemTerminate(p *otp.Process, reason term.Term, parent term.Pid, deb *sys.Debug) {
	s.deb = deb
	s.terminate(otp.ClassExit, reason, nil, false, nil, term.List{}, s.state, nil)
}

// SystemCodeChange calls code_change of the module's current version.
func (s *server) SystemCodeChange(p *otp.Process, module term.Atom, oldVsn, extra term.Term) error {
	var ns any
	var err error
	if exc := otp.Catch(func() {
		m := s.impl("code_change", oldVsn, s.state, extra)
		if m.codeChange == nil {
			raiseUndef(m.name, "code_change", []term.Term{oldVsn, s.state, extra})
		}
		ns, err = m.codeChange(p, oldVsn, s.state, extra)
	}); exc != nil {
		if exc.Class == otp.ClassThrow {
			return &CodeChangeError{Reason: exc.Reason}
		}
		return &CodeChangeError{Reason: term.Tuple{term.Atom("EXIT"), exc.ExitReason()}}
	}
	if err != nil {
		return err
	}
	s.state = ns
	return nil
}

// SystemGetState returns the state.
func (s *server) SystemGetState(p *otp.Process) (any, error) { return s.state, nil }

// SystemReplaceState replaces the state with f(state); a panic in f is
// sys's *CallbackFailed, {callback_failed, {gen_server,
// system_replace_state}, {Class, Reason}}, and the state stays. A typed
// module's StateFromTerm hook makes the state of a result that is not of
// its state type; its error is a callback_failed too.
func (s *server) SystemReplaceState(p *otp.Process, f func(any) any) (any, error) {
	var ns any
	if err := sys.Protect(atomGenServer, "system_replace_state", func() { ns = f(s.state) }); err != nil {
		return nil, err
	}
	if m := s.mod(); m != nil && m.fromTerm != nil {
		// A typed module's state made of a term (an Erlang fun's result),
		// through its StateFromTerm hook.
		var cerr error
		if err := sys.Protect(atomGenServer, "system_replace_state", func() { ns, cerr = m.fromTerm(ns) }); err != nil {
			return nil, err
		}
		if cerr != nil {
			var reason term.Term = cerr.Error()
			var t term.Termer
			if errors.As(cerr, &t) {
				reason = t.Term()
			}
			return nil, &sys.CallbackFailed{Module: atomGenServer, Callback: "system_replace_state",
				Class: otp.ClassError, Reason: reason}
		}
	}
	s.state = ns
	return ns, nil
}

// FormatStatus is the Misc part of sys:get_status.
func (s *server) FormatStatus(p *otp.Process, opt term.Atom, pdict term.Term, sysState term.Atom, parent term.Pid, deb *sys.Debug) term.Term {
	header := "Status for generic server"
	var head term.Term
	switch n := s.name.(type) {
	case term.Pid:
		head = header + " " + term.Write(n)
	case term.Atom:
		head = header + " " + string(n)
	default:
		head = term.Tuple{header, n}
	}
	status := s.formatState(opt, pdict, s.state)
	data := term.List{term.Tuple{"Status", sysState}, term.Tuple{"Parent", parent},
		term.Tuple{"Logged events", debugLog(deb)}}
	out := term.List{term.Tuple{term.Atom("header"), head}, term.Tuple{term.Atom("data"), data}}
	return append(out, status...)
}

// formatState is gen:format_status for format_status/2, as get_status
// shows it: [{data, [{"State", State}]}] without the callback, the
// callback's value (a list as it is, anything else in a list), or the
// message that it crashed.
func (s *server) formatState(opt term.Atom, pdict term.Term, state any) term.List {
	v, ok := s.callFormatStatus(opt, pdict, state)
	if !ok {
		return term.List{term.Tuple{term.Atom("data"), term.List{term.Tuple{"State", v}}}}
	}
	if l, isList := v.(term.List); isList {
		return l
	}
	return term.List{v}
}

// callFormatStatus calls format_status/2. It returns the state as it is
// and false without the callback, its crash message and false when it
// crashed, and its value and true otherwise.
func (s *server) callFormatStatus(opt term.Atom, pdict term.Term, state any) (term.Term, bool) {
	m := s.mod()
	if m == nil || m.formatStatus == nil {
		return state, false
	}
	var v term.Term
	if exc := otp.Catch(func() { v = m.formatStatus(s.p, opt, pdict, state) }); exc != nil {
		if exc.Class == otp.ClassThrow {
			return exc.Reason, true
		}
		return string(m.name) + ":format_status/2 crashed", false
	}
	return v, true
}

// pdict returns the process dictionary as get() does.
func (s *server) pdict() term.List {
	d := term.List{}
	for _, kv := range s.p.Dictionary() {
		v := kv[1]
		if t, ok := v.(term.Termer); ok {
			v = t.Term()
		}
		d = append(d, term.Tuple{kv[0], v})
	}
	return d
}

// errNoModule is returned by Start for a module that is neither an atom
// nor callbacks.
var errNoModule = errors.New("genserver: module is neither a module name nor callbacks")

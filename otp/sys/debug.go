package sys

import (
	"fmt"
	"io"
	"os"
	"sort"
	"time"

	"github.com/scalability-go/otpbook/otp"
	"github.com/scalability-go/otpbook/otp/code"
	"github.com/scalability-go/otpbook/otp/term"
)

// DefaultLogSize is how many events log (and {log, true}) keeps.
const DefaultLogSize = 10

// DebugFunc is a debug function installed with Install or the option
// {install, {Func, State}}, as sys:install/2 takes a fun: it is called with
// its state, each event and the process's state (what the behaviour passes
// as name to Debug.Event), and returns its new state; returning the atom
// done removes it. A panic in it removes it too, as OTP does.
type DebugFunc func(funcState any, event term.Term, procState term.Term) any

// FuncSpec names an installed debug function: Id identifies it for Remove
// (OTP's {FuncId, Func, FuncState}; with a nil Id, a Fun given as a term
// is its own id, as in {Func, FuncState}). Exactly one of Func and Fun is
// set: a Go function, or an Erlang fun term (from the shell), called
// through the code server.
type FuncSpec struct {
	Id    term.Term
	Func  DebugFunc
	Fun   term.Term
	State any
}

// Term returns {Id, Func, State} (or {Fun, State} without an Id), the form
// sys:install/2 takes.
func (f FuncSpec) Term() term.Term {
	fn := f.Fun
	if fn == nil {
		fn = f.Func
	}
	if f.Id == nil {
		return term.Tuple{fn, f.State}
	}
	return term.Tuple{f.Id, fn, f.State}
}

func (f FuncSpec) id() term.Term {
	if f.Id != nil {
		return f.Id
	}
	return f.Fun
}

// logged is an event in the log: the event, the name the process gave,
// and how the process prints it.
type logged struct {
	ev     term.Term
	name   term.Term
	format FormatFunc
}

// FormatFunc prints one event, in the *DBG* format of the behaviour that
// recorded it: "*DBG* frequency got call allocate from <0.80.0>".
type FormatFunc func(w io.Writer, name term.Term, ev term.Term)

type stats struct {
	start         term.Term // {{Y,M,D},{H,Mi,S}}, local time
	reductions    int
	in, out       int
	startedAtTime time.Time
}

// Debug is the debug state a special process carries, as sys's debug
// options list: trace, the log of the last N events, statistics, a log
// file and installed functions. A nil *Debug means no debugging, and costs
// nothing on the hot path: Event on nil returns nil at once.
type Debug struct {
	trace    bool
	logSize  int // 0: not logging
	log      nlog
	file     *os.File
	fileName term.Term
	stats    *stats
	funcs    []FuncSpec
	// seq orders the options as sys's list holds them, the last
	// installed first: seq[k] is when option k was installed, k one of
	// the keys below or a function's id.
	seq  map[any]int
	next int
}

// Keys of seq for the options that are not functions.
type optKey int

const (
	keyTrace optKey = iota
	keyLog
	keyFile
	keyStats
)

// installed records that option k was installed now, as sys's
// install_debug puts it at the head of the list.
func (d *Debug) installed(k any) {
	if d.seq == nil {
		d.seq = make(map[any]int)
	}
	d.next++
	d.seq[k] = d.next
}

// DebugOptions makes the debug state of the options a process is started
// with ({debug, Opts} in OTP): trace, log, {log, N}, statistics,
// {log_to_file, FileName}, {install, {Func, State}}, {install, {Id, Func,
// State}} (Func an Erlang fun, or a DebugFunc), and FuncSpec values.
// Unknown options are ignored, as sys:debug_options/1 ignores them; a log
// file that cannot be opened is left out, and reported as the error, with
// the rest of the options in force.
func DebugOptions(opts []term.Term) (*Debug, error) {
	var d *Debug
	var ferr error
	for _, o := range opts {
		switch v := o.(type) {
		case term.Atom:
			switch v {
			case "trace":
				d = d.ensure()
				d.setTrace()
			case "log":
				d = d.ensure()
				d.startLog(DefaultLogSize)
			case "statistics":
				d = d.ensure()
				d.startStats()
			}
		case FuncSpec:
			d = d.ensure()
			d.install(v)
		case term.Tuple:
			if len(v) != 2 {
				continue
			}
			switch v[0] {
			case term.Atom("log"):
				if n, ok := v[1].(int); ok && n >= 1 {
					d = d.ensure()
					d.startLog(n)
				}
			case term.Atom("log_to_file"):
				d = d.ensure()
				if err := d.openFile(v[1]); err != nil {
					ferr = err
				}
			case term.Atom("install"):
				if spec, ok := funcSpecOf(v[1]); ok {
					d = d.ensure()
					d.install(spec)
				}
			}
		}
	}
	return d, ferr
}

func (d *Debug) ensure() *Debug {
	if d == nil {
		return new(Debug)
	}
	return d
}

// empty reports whether no option is in force.
func (d *Debug) empty() bool {
	return d == nil || (!d.trace && d.logSize == 0 && d.file == nil && d.stats == nil && len(d.funcs) == 0)
}

// orNil returns nil for a Debug with nothing in force.
func (d *Debug) orNil() *Debug {
	if d.empty() {
		return nil
	}
	return d
}

func newStats() *stats {
	now := time.Now()
	return &stats{start: localTime(now), startedAtTime: now}
}

// localTime is erlang:localtime() of t: {{Y,M,D},{H,Mi,S}}.
func localTime(t time.Time) term.Term {
	t = t.Local()
	return term.Tuple{term.Tuple{t.Year(), int(t.Month()), t.Day()}, term.Tuple{t.Hour(), t.Minute(), t.Second()}}
}

// setTrace, startLog and startStats turn an option on, as sys's
// install_debug: an option already on is left as it is (its log, its
// size and its counts kept).
func (d *Debug) setTrace() {
	if !d.trace {
		d.trace = true
		d.installed(keyTrace)
	}
}

func (d *Debug) startLog(n int) {
	if d.logSize == 0 {
		d.logSize, d.log = n, nlog{}
		d.installed(keyLog)
	}
}

func (d *Debug) startStats() {
	if d.stats == nil {
		d.stats = newStats()
		d.installed(keyStats)
	}
}

func (d *Debug) openFile(name term.Term) error {
	d.closeFile()
	s, ok := fileName(name)
	if !ok {
		return fmt.Errorf("log_to_file %s: %w", term.Write(name), otp.ErrBadarg)
	}
	f, err := os.Create(s)
	if err != nil {
		return err
	}
	d.file, d.fileName = f, name
	d.installed(keyFile)
	return nil
}

func fileName(t term.Term) (string, bool) {
	switch v := t.(type) {
	case string:
		return v, true
	case term.Atom:
		return string(v), true
	case term.Binary:
		return string(v), true
	case term.List:
		b := make([]rune, 0, len(v))
		for _, c := range v {
			r, ok := c.(int)
			if !ok {
				return "", false
			}
			b = append(b, rune(r))
		}
		return string(b), true
	}
	return "", false
}

func (d *Debug) closeFile() {
	if d != nil && d.file != nil {
		d.file.Close()
		d.file, d.fileName = nil, nil
	}
}

// funcSpecOf reads {Func, State} or {Id, Func, State}.
func funcSpecOf(t term.Term) (FuncSpec, bool) {
	if s, ok := t.(FuncSpec); ok {
		return s, true
	}
	tu, ok := t.(term.Tuple)
	if !ok {
		return FuncSpec{}, false
	}
	var spec FuncSpec
	var fn term.Term
	switch len(tu) {
	case 2:
		fn, spec.State = tu[0], tu[1]
	case 3:
		spec.Id, fn, spec.State = tu[0], tu[1], tu[2]
	default:
		return FuncSpec{}, false
	}
	switch f := fn.(type) {
	case DebugFunc:
		spec.Func = f
	case func(any, term.Term, term.Term) any:
		spec.Func = f
	default:
		spec.Fun = f
	}
	return spec, true
}

// install installs a debug function, unless one with its id is installed
// already: then that one stays, with its state, as sys's install_debug
// leaves it.
func (d *Debug) install(spec FuncSpec) {
	id := spec.id()
	for _, f := range d.funcs {
		if id != nil && f.id() != nil && term.Exact(f.id(), id) {
			return
		}
	}
	d.funcs = append(d.funcs, spec)
	d.installed(funcKey(id))
}

// funcKey is the key of seq for a function's id: its printed form, as
// ids are terms (an Erlang fun, an atom) or Go functions.
func funcKey(id term.Term) any {
	if fn, ok := id.(DebugFunc); ok {
		return fmt.Sprintf("%p", fn)
	}
	return "fun " + term.Write(id)
}

func (d *Debug) remove(id term.Term) {
	for i, f := range d.funcs {
		if id != nil && f.id() != nil && term.Exact(f.id(), id) {
			d.funcs = append(d.funcs[:i:i], d.funcs[i+1:]...)
			return
		}
	}
}

// Event records an event, as sys:handle_debug/4 does: it calls the
// installed functions, logs it, writes it to the log file, counts it in
// the statistics and prints it on the process's output when tracing.
// name is what the process calls itself in *DBG* lines (its registered
// name, or its pid) and what installed functions get as the process's
// state; ev the event as the behaviour defines it ({in, Msg},
// {out, Reply, To, State}, {noreply, State}, ...); format prints one event
// as the behaviour prints it. Event on a nil *Debug does nothing.
func (d *Debug) Event(p *otp.Process, name term.Term, ev term.Term, format func(w io.Writer, name term.Term, ev term.Term)) *Debug {
	if d == nil {
		return nil
	}
	if d.trace {
		format(p.Output(), name, ev)
	}
	if d.logSize > 0 {
		d.log.put(d.logSize, logged{ev: ev, name: name, format: format})
	}
	if d.file != nil {
		format(d.file, name, ev)
	}
	if d.stats != nil {
		d.stats.count(ev)
	}
	if len(d.funcs) > 0 {
		d.callFuncs(p, name, ev)
	}
	return d.orNil()
}

// count counts an event as sys's statistics do: {in, Msg} and
// {in, Msg, From} are messages in, {out, Msg, To} and
// {out, Msg, To, State} messages out.
func (s *stats) count(ev term.Term) {
	s.reductions++
	t, ok := ev.(term.Tuple)
	if !ok || len(t) < 2 {
		return
	}
	switch {
	case t[0] == term.Atom("in") && (len(t) == 2 || len(t) == 3):
		s.in++
	case t[0] == term.Atom("out") && (len(t) == 3 || len(t) == 4):
		s.out++
	}
}

func (s *stats) term() term.Term {
	return term.List{
		term.Tuple{term.Atom("start_time"), s.start},
		term.Tuple{term.Atom("current_time"), localTime(time.Now())},
		term.Tuple{term.Atom("reductions"), s.reductions},
		term.Tuple{term.Atom("messages_in"), s.in},
		term.Tuple{term.Atom("messages_out"), s.out},
	}
}

func (d *Debug) callFuncs(p *otp.Process, name, ev term.Term) {
	kept := d.funcs[:0]
	for _, f := range d.funcs {
		var next any
		exc := otp.Catch(func() {
			if f.Func != nil {
				next = f.Func(f.State, ev, name)
			} else {
				next = code.Of(p.Node()).CallFun(p, f.Fun, []term.Term{f.State, ev, name})
			}
		})
		if exc != nil {
			if exc.Class != otp.ClassThrow || exc.Reason == term.Atom("done") {
				continue // done, or a crash: removed
			}
			next = exc.Reason // a thrown value is the new state, as in OTP
		}
		if next == term.Atom("done") {
			continue
		}
		f.State = next
		kept = append(kept, f)
	}
	clear(d.funcs[len(kept):])
	d.funcs = kept
}

// Term returns the debug options in force as get_status shows them, as
// sys's list holds them, the last installed first: {trace, true},
// {log, NLog}, {log_to_file, File}, {statistics, {Start, {reductions, R},
// In, Out}}, {Func, State} and {Id, {Func, State}}. NLog is sys's "last N"
// queue of {Event, Name, FormatFunc}: [Left, Newest, ..., Oldest] while
// it fills (Left the room left), then [Reversed | Forward] once full.
func (d *Debug) Term() term.Term {
	l := term.List{}
	if d == nil {
		return l
	}
	type opt struct {
		seq int
		t   term.Term
	}
	var opts []opt
	add := func(k any, t term.Term) { opts = append(opts, opt{d.seq[k], t}) }
	if d.trace {
		add(keyTrace, term.Tuple{term.Atom("trace"), term.True})
	}
	if d.logSize > 0 {
		add(keyLog, term.Tuple{term.Atom("log"), d.log.term(d.logSize)})
	}
	if d.file != nil {
		add(keyFile, term.Tuple{term.Atom("log_to_file"), d.fileName})
	}
	if d.stats != nil {
		add(keyStats, term.Tuple{term.Atom("statistics"), term.Tuple{d.stats.start,
			term.Tuple{term.Atom("reductions"), d.stats.reductions}, d.stats.in, d.stats.out}})
	}
	for _, f := range d.funcs {
		fn := f.Fun
		if fn == nil {
			fn = f.Func
		}
		if f.Id != nil {
			add(funcKey(f.id()), term.Tuple{f.Id, term.Tuple{fn, f.State}})
		} else {
			add(funcKey(f.id()), term.Tuple{fn, f.State})
		}
	}
	sort.SliceStable(opts, func(i, j int) bool { return opts[i].seq > opts[j].seq })
	for _, o := range opts {
		l = append(l, o.t)
	}
	return l
}

// Log returns the logged events, oldest first, as sys:get_log/1 does.
func (d *Debug) Log() term.List {
	if d == nil {
		return term.List{}
	}
	return d.events()
}

// events returns the logged events, oldest first.
func (d *Debug) events() term.List {
	items := d.log.items()
	l := make(term.List, len(items))
	for i, e := range items {
		l[i] = e.ev
	}
	return l
}

// nlog is sys's log of the last N events: the events in the order they
// came, and how many were dropped, which together give the shape of sys's
// Okasaki queue (term).
type nlog struct {
	// rev is the queue's reverse list (newest first) and fwd its forward
	// list (oldest first), as sys's nlog_put keeps them once full; full
	// tells that the log has reached its size.
	rev, fwd []logged
	full     bool
}

// put adds an event, dropping the oldest when the log holds n.
func (q *nlog) put(n int, e logged) {
	switch {
	case !q.full:
		q.rev = append(q.rev, e) // kept oldest first; term reverses
		if len(q.rev) == n {
			q.full = true
		}
	case len(q.fwd) > 0:
		q.fwd = q.fwd[1:]
		q.rev = append(q.rev, e)
	default:
		// The forward list is spent: the reverse list, with e, becomes
		// the forward list, less its oldest, and the reverse list is
		// empty.
		all := append(q.rev, e)
		q.fwd = append([]logged(nil), all[1:]...)
		q.rev = nil
	}
}

// items returns the events, oldest first.
func (q *nlog) items() []logged {
	if !q.full {
		return q.rev
	}
	return append(append([]logged(nil), q.fwd...), q.rev...)
}

// term is the queue as sys holds it: [Left | Reversed] while filling,
// [Reversed | Forward] once full. rev is held oldest first here.
func (q *nlog) term(n int) term.Term {
	rev := make(term.List, len(q.rev))
	for i, e := range q.rev {
		rev[len(q.rev)-1-i] = e.term()
	}
	if !q.full {
		return append(term.List{n - len(q.rev)}, rev...)
	}
	l := term.List{rev}
	for _, e := range q.fwd {
		l = append(l, e.term())
	}
	return l
}

// term is {Event, Name, FormatFunc}, a log entry as sys keeps it.
func (e logged) term() term.Term { return term.Tuple{e.ev, e.name, e.format} }

// Close closes the log file, if any: a process that ends with a log file
// open should close it (HandleSystemMsg does on terminate and no_debug).
func (d *Debug) Close() { d.closeFile() }

// command serves a {debug, What} request, as sys's debug_cmd: it returns
// the reply and the new debug state.
func (d *Debug) command(p *otp.Process, what term.Term) (term.Term, *Debug) {
	ok := term.Atom("ok")
	if what == term.Atom("no_debug") {
		d.closeFile()
		return ok, nil
	}
	t, isTuple := what.(term.Tuple)
	if !isTuple || len(t) != 2 {
		return term.Atom("unknown_debug"), d
	}
	arg := t[1]
	switch t[0] {
	case term.Atom("trace"):
		switch arg {
		case term.True:
			d = d.ensure()
			d.setTrace()
			return ok, d
		case term.False:
			if d != nil {
				d.trace = false
			}
			return ok, d.orNil()
		}
	case term.Atom("log"):
		switch a := arg.(type) {
		case term.Atom:
			switch a {
			case "true":
				d = d.ensure()
				d.startLog(DefaultLogSize)
				return ok, d
			case "false":
				if d != nil {
					d.logSize, d.log = 0, nlog{}
				}
				return ok, d.orNil()
			case "get":
				evs := term.List{}
				if d != nil {
					evs = d.events()
				}
				return term.Tuple{ok, evs}, d
			case "print":
				if d != nil {
					for _, e := range d.log.items() {
						e.format(p.Output(), e.name, e.ev)
					}
				}
				return ok, d
			}
		case term.Tuple:
			if len(a) == 2 && a[0] == term.True {
				if n, isInt := a[1].(int); isInt && n >= 1 {
					d = d.ensure()
					d.startLog(n)
					return ok, d
				}
			}
		}
	case term.Atom("log_to_file"):
		if arg == term.False {
			d.closeFile()
			return ok, d.orNil()
		}
		d = d.ensure()
		if err := d.openFile(arg); err != nil {
			return term.Tuple{term.Atom("error"), term.Atom("open_file")}, d.orNil()
		}
		if !p.Node().OnExit(p.Self(), fileKey{}, func(term.Pid, term.Term) { d.closeFile() }) {
			d.closeFile()
		}
		return ok, d
	case term.Atom("statistics"):
		switch arg {
		case term.True:
			d = d.ensure()
			d.startStats()
			return ok, d
		case term.False:
			if d != nil {
				d.stats = nil
			}
			return ok, d.orNil()
		case term.Atom("get"):
			if d == nil || d.stats == nil {
				return term.Tuple{ok, term.Atom("no_statistics")}, d
			}
			return term.Tuple{ok, d.stats.term()}, d
		}
	case term.Atom("install"):
		if spec, isSpec := funcSpecOf(arg); isSpec {
			d = d.ensure()
			d.install(spec)
			return ok, d
		}
	case term.Atom("remove"):
		if d != nil {
			d.remove(arg)
		}
		return ok, d.orNil()
	}
	return term.Atom("unknown_debug"), d
}

// fileKey is the key of the exit hook that closes a process's log file.
type fileKey struct{}

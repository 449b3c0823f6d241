package proclib

import (
	"context"
	"log/slog"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/scalability-go/otpbook/otp"
	"github.com/scalability-go/otpbook/otp/term"
)

// CrashReport is the report logged when a proc_lib process crashes, as
// SASL's crash report: the crasher's details and its neighbours. It is
// logged through the node's log/slog logger at level Error, with Format()
// as the record's message and the report itself as the attribute "report"
// (slog.KindAny, *CrashReport).
//
// Erlang's heap_size, stack_size and reductions are left out: Go does not
// keep them per goroutine. The stacktrace is Go's (see otp.Exception).
type CrashReport struct {
	Pid            term.Pid
	RegisteredName term.Atom // "" when none, printed []
	// InitialCall is the process's "$initial_call", nil when it was
	// erased from the dictionary.
	InitialCall *otp.MFA
	// Class, Reason and Stack are the exception: error_info
	// {Class, Reason, Stack}.
	Class           otp.Class
	Reason          term.Term
	Stack           term.List
	Ancestors       term.List
	MessageQueueLen int
	Messages        []any
	Links           []term.Pid
	// Dictionary is the process dictionary without "$ancestors" and
	// "$initial_call", as {Key, Value} pairs (see the package doc for what
	// the runtime lets proclib see of it).
	Dictionary []term.Tuple
	TrapExit   bool
	Status     term.Atom
	Neighbours []Neighbour
}

// Neighbour is a process linked to the crasher, directly or through other
// neighbours, that does not trap exits: the processes the crash is likely
// to take down with it.
type Neighbour struct {
	Pid            term.Pid
	RegisteredName term.Atom
	// InitialCall is a proc_lib process's "$initial_call", shown as
	// {M, F, ['Argument__1', ...]}, or when NotProcLib process_info's
	// initial_call, shown as {M, F, Arity} ({erlang, apply, 2} for a
	// process spawned with a fun), as proc_lib's get_initial_call does.
	InitialCall     otp.MFA
	NotProcLib      bool
	CurrentFunction term.Term
	Ancestors       term.List
	MessageQueueLen int
	Links           []term.Pid
	TrapExit        bool
	Status          term.Atom
}

// ReportHeader is the report's kind, printed by report handlers (see
// otp/shell.ReportHandler) as "=CRASH REPORT==== ...".
func (r *CrashReport) ReportHeader() string { return "CRASH REPORT" }

// String prints the report as its term, as ~p does.
func (r *CrashReport) String() string { return term.Print(r.Term()) }

// dummyArgs is proc_lib's make_dummy_args: ['Argument__1', ...].
func dummyArgs(n int) term.List {
	l := make(term.List, n)
	for i := range l {
		l[i] = term.Atom("Argument__" + strconv.Itoa(i+1))
	}
	return l
}

func pidList(ps []term.Pid) term.List {
	l := make(term.List, len(ps))
	for i, p := range ps {
		l[i] = p
	}
	return l
}

func regName(a term.Atom) term.Term {
	if a == "" {
		return term.List{}
	}
	return a
}

func tup(k string, v term.Term) term.Tuple { return term.Tuple{term.Atom(k), v} }

// initialCall is {M, F, DummyArgs} for a proc_lib process, {M, F, Arity}
// for any other.
func (nb Neighbour) initialCall() term.Term {
	if nb.NotProcLib {
		return term.Tuple{nb.InitialCall.Module, nb.InitialCall.Function, nb.InitialCall.Arity}
	}
	return term.Tuple{nb.InitialCall.Module, nb.InitialCall.Function, dummyArgs(nb.InitialCall.Arity)}
}

// crasherItems are the crasher's items in OTP's order.
func (r *CrashReport) crasherItems() []term.Tuple {
	var items []term.Tuple
	if r.InitialCall != nil {
		items = append(items, tup("initial_call",
			term.Tuple{r.InitialCall.Module, r.InitialCall.Function, dummyArgs(r.InitialCall.Arity)}))
	}
	dict := make(term.List, len(r.Dictionary))
	for i, kv := range r.Dictionary {
		dict[i] = kv
	}
	msgs := make(term.List, len(r.Messages))
	copy(msgs, r.Messages)
	items = append(items,
		tup("pid", r.Pid),
		tup("registered_name", regName(r.RegisteredName)),
		tup("error_info", term.Tuple{r.Class.Atom(), r.Reason, r.Stack}),
		tup("ancestors", r.Ancestors),
		tup("message_queue_len", r.MessageQueueLen),
		tup("messages", msgs),
		tup("links", pidList(r.Links)),
		tup("dictionary", dict),
		tup("trap_exit", term.Bool(r.TrapExit)),
		tup("status", r.Status),
	)
	return items
}

func (nb Neighbour) items() []term.Tuple {
	return []term.Tuple{
		tup("pid", nb.Pid),
		tup("registered_name", regName(nb.RegisteredName)),
		tup("initial_call", nb.initialCall()),
		tup("current_function", nb.CurrentFunction),
		tup("ancestors", nb.Ancestors),
		tup("message_queue_len", nb.MessageQueueLen),
		tup("links", pidList(nb.Links)),
		tup("trap_exit", term.Bool(nb.TrapExit)),
		tup("status", nb.Status),
	}
}

// Term returns the report as proc_lib makes it: [Crasher, Neighbours],
// Crasher a list of {Tag, Value} and Neighbours a list of
// {neighbour, [{Tag, Value}]}.
func (r *CrashReport) Term() term.Term {
	own := term.List{}
	for _, it := range r.crasherItems() {
		own = append(own, it)
	}
	nbs := term.List{}
	for _, nb := range r.Neighbours {
		l := term.List{}
		for _, it := range nb.items() {
			l = append(l, it)
		}
		nbs = append(nbs, tup("neighbour", l))
	}
	return term.List{own, nbs}
}

// Format returns the text OTP 25's default logger prints under
// =CRASH REPORT====: "  crasher:", its items, "  neighbours:" and theirs.
func (r *CrashReport) Format() string {
	var b strings.Builder
	b.WriteString("  crasher:")
	for _, it := range r.crasherItems() {
		b.WriteByte('\n')
		tag := it[0].(term.Atom)
		switch tag {
		case "initial_call":
			mfa := r.InitialCall
			b.WriteString("    initial call: " + term.Write(mfa.Module) + ":" + term.Write(mfa.Function) + "/" + strconv.Itoa(mfa.Arity))
		case "error_info":
			b.WriteString(formatException(r.Class, r.Reason, r.Stack))
		default:
			formatTag(&b, "    ", tag, it[1])
		}
	}
	b.WriteString("\n  neighbours:")
	for _, nb := range r.Neighbours {
		b.WriteString("\n    neighbour:")
		for _, it := range nb.items() {
			b.WriteByte('\n')
			formatTag(&b, "      ", it[0].(term.Atom), it[1])
		}
	}
	return b.String()
}

// formatTag writes "Indent Tag: Value" with the value printed as ~.18p.
func formatTag(b *strings.Builder, indent string, tag term.Atom, v term.Term) {
	b.WriteString(indent)
	b.WriteString(term.Write(tag))
	b.WriteString(": ")
	b.WriteString(term.Pretty(v, term.PrintOptions{Column: 18}))
}

// formatException writes the exception as erl_error:format_exception does
// in a crash report: "    exception Class: Explanation" and the frames.
func formatException(class otp.Class, reason term.Term, stack term.List) string {
	var b strings.Builder
	pre := "    exception " + class.String() + ": "
	b.WriteString(pre)
	if expl, ok := explainFrame(class, reason, stack, pre); ok {
		// erl_error's analyze_exception: the frame that explains a
		// function_clause or undef is the explanation's, not the stack's.
		b.WriteString(expl)
		stack = stack[1:]
	} else {
		b.WriteString(explain(class, reason, len(pre)+1))
	}
	first := true
	for _, f := range stack {
		line, ok := frameText(f)
		if !ok {
			continue
		}
		if first {
			b.WriteString("\n      in function  " + line)
			first = false
		} else {
			b.WriteString("\n      in call from " + line)
		}
	}
	return b.String()
}

// frameText prints a stack frame {M, F, ArityOrArgs, Location} as
// M:F/A (File, line L); the frames of proc_lib itself are left out, as OTP
// leaves out proc_lib's.
func frameText(f term.Term) (string, bool) {
	t, ok := f.(term.Tuple)
	if !ok || len(t) != 4 {
		return "", false
	}
	mod, _ := t[0].(term.Atom)
	if mod == "proclib" || mod == "proc_lib" {
		return "", false
	}
	s := term.Write(t[0]) + ":" + term.Write(t[1]) + "/"
	switch a := t[2].(type) {
	case int:
		s += strconv.Itoa(a)
	case term.List:
		s += strconv.Itoa(len(a))
	default:
		s += term.Write(a)
	}
	var file string
	line := -1
	if loc, ok := t[3].(term.List); ok {
		for _, e := range loc {
			kv, ok := e.(term.Tuple)
			if !ok || len(kv) != 2 {
				continue
			}
			switch kv[0] {
			case term.Atom("file"):
				if f, ok := kv[1].(string); ok {
					file = filepath.Base(f)
				}
			case term.Atom("line"):
				if l, ok := kv[1].(int); ok {
					line = l
				}
			}
		}
	}
	if file != "" && line >= 0 {
		s += " (" + file + ", line " + strconv.Itoa(line) + ")"
	}
	return s, true
}

// explain says what an exception's reason means, as erl_error does for
// the common errors; any other reason is printed as ~p.
func explain(class otp.Class, reason term.Term, col int) string {
	pp := func(v term.Term) string { return term.Pretty(v, term.PrintOptions{Column: col}) }
	if class != otp.ClassError {
		return pp(reason)
	}
	switch r := reason.(type) {
	case term.Atom:
		switch r {
		case "badarg":
			return "bad argument"
		case "badarith":
			return "an error occurred when evaluating an arithmetic expression"
		case "function_clause":
			return "no function clause matching"
		case "if_clause":
			return "no true branch found when evaluating an if expression"
		case "undef":
			return "undefined function"
		case "system_limit":
			return "a system limit has been reached"
		case "timeout_value":
			return "bad receive timeout value"
		case "noproc":
			return "no such process or port"
		case "notalive":
			return "the node cannot be part of a distributed system"
		}
	case term.Tuple:
		if len(r) == 2 {
			switch r[0] {
			case term.Atom("badmatch"):
				return "no match of right hand side value " + pp(r[1])
			case term.Atom("case_clause"):
				return "no case clause matching " + pp(r[1])
			case term.Atom("try_clause"):
				return "no try clause matching " + pp(r[1])
			case term.Atom("badfun"):
				return "bad function " + pp(r[1])
			case term.Atom("badarity"):
				return "bad argument count"
			case term.Atom("badkey"):
				return "bad key " + pp(r[1])
			case term.Atom("badmap"):
				return "bad map " + pp(r[1])
			}
		}
	}
	return pp(reason)
}

// explainFrame explains an error function_clause or undef by the first
// frame of its stack, as erl_error does: "no function clause matching
// M:F(Args) (File, line L)" when the frame has the call's arguments, and
// "undefined function M:F/A". ok is false for any other exception.
func explainFrame(class otp.Class, reason term.Term, stack term.List, pre string) (string, bool) {
	if class != otp.ClassError || len(stack) == 0 {
		return "", false
	}
	f, ok := stack[0].(term.Tuple)
	if !ok || len(f) != 4 {
		return "", false
	}
	switch reason {
	case term.Atom("function_clause"):
		args, ok := f[2].(term.List)
		if !ok {
			return "", false
		}
		loc := ""
		if l, ok := f[3].(term.List); ok {
			loc = location(l)
		}
		// erl_error's format_call, continuation lines under the
		// explanation's first column.
		pre1 := strings.Repeat(" ", utf8.RuneCountInString(pre))
		return formatCall("no function clause matching ", pre1, term.Write(f[0])+":"+term.Write(f[1]), args) + " " + loc, true
	case term.Atom("undef"):
		n := 0
		switch a := f[2].(type) {
		case int:
			n = a
		case term.List:
			n = len(a)
		default:
			return "", false
		}
		return "undefined function " + term.Write(f[0]) + ":" + term.Write(f[1]) + "/" + strconv.Itoa(n), true
	}
	return "", false
}

// formatCall is erl_error's format_call: ErrStr M:F(Args), the arguments
// after the call, or on a line of their own under pre1 when that takes
// fewer lines (or the call leaves no room for two short arguments).
func formatCall(errStr, pre1, mf string, args term.List) string {
	i1 := utf8.RuneCountInString(pre1 + errStr + mf)
	s1 := ppArgs(args, i1)
	s2 := ppArgs(args, utf8.RuneCountInString(pre1+mf))
	s3 := ppArgs(term.List{term.Atom("a2345"), term.Atom("b2345")}, i1)
	if strings.Contains(s3, "\n") || strings.Count(s2, "\n") < strings.Count(s1, "\n") {
		return errStr + "\n" + pre1 + mf + s2
	}
	return errStr + mf + s1
}

// ppArgs prints a call's arguments as erl_error's pp_arguments: the list
// printed from column i+1, its brackets made parentheses.
func ppArgs(args term.List, i int) string {
	s := term.Pretty(args, term.PrintOptions{Column: i + 1})
	if len(s) >= 2 && s[0] == '[' && s[len(s)-1] == ']' {
		return "(" + s[1:len(s)-1] + ")"
	}
	return s
}

// location is erl_error's location/1: "(File, line L)", or "" without
// both.
func location(loc term.List) string {
	var file string
	line := -1
	for _, e := range loc {
		kv, ok := e.(term.Tuple)
		if !ok || len(kv) != 2 {
			continue
		}
		switch kv[0] {
		case term.Atom("file"):
			switch f := kv[1].(type) {
			case string:
				file = filepath.Base(f)
			case term.Atom:
				file = string(f)
			}
		case term.Atom("line"):
			if l, ok := kv[1].(int); ok {
				line = l
			}
		}
	}
	if file == "" || line < 0 {
		return ""
	}
	return "(" + file + ", line " + strconv.Itoa(line) + ")"
}

// dictionaryOf returns a process's dictionary as the report shows it: the
// entries whose keys are terms, sorted, without proc_lib's own.
func dictionaryOf(p *otp.Process) []term.Tuple {
	d, ok := any(p).(interface{ Dictionary() []term.Tuple })
	if !ok {
		return nil
	}
	var out []term.Tuple
	for _, kv := range d.Dictionary() {
		if len(kv) != 2 || kv[0] == KeyAncestors || kv[0] == KeyInitialCall || !term.Valid(kv[0]) {
			continue // proc_lib's own entries, and Go keys private to a package
		}
		out = append(out, kv)
	}
	sort.Slice(out, func(i, j int) bool { return term.Compare(out[i][0], out[j][0]) < 0 })
	return out
}

// Report makes the crash report of an exception that is ending the calling
// process, as proc_lib does before the process exits.
func Report(c *otp.Process, exc *otp.Exception) *CrashReport {
	n := c.Node()
	r := &CrashReport{Pid: c.Self(), Class: exc.Class, Reason: exc.Reason, Stack: exc.Stack, Status: "running"}
	if r.Stack == nil {
		r.Stack = term.List{}
	}
	if t, ok := c.Get(KeyInitialCall).(term.Tuple); ok && len(t) == 3 {
		m, ok1 := t[0].(term.Atom)
		f, ok2 := t[1].(term.Atom)
		a, ok3 := t[2].(int)
		if ok1 && ok2 && ok3 {
			r.InitialCall = &otp.MFA{Module: m, Function: f, Arity: a}
		}
	}
	r.Ancestors = ancestorsOf(c)
	if r.Ancestors == nil {
		r.Ancestors = term.List{}
	}
	if info, ok := n.ProcessInfo(c.Self()); ok {
		r.RegisteredName = info.RegisteredName
		r.MessageQueueLen = info.MessageQueueLen
		r.Messages = info.Messages
		r.Links = info.Links
		r.TrapExit = info.TrapExit
	}
	r.Dictionary = dictionaryOf(c)
	r.Neighbours = neighbours(n, c.Self())
	return r
}

// maxNeighbours is how many neighbours a report shows, as OTP's.
const maxNeighbours = 15

// neighbours finds the processes linked to pid that do not trap exits,
// and theirs, breadth first, as proc_lib does.
func neighbours(n *otp.Node, pid term.Pid) []Neighbour {
	visited := map[term.Pid]bool{pid: true}
	var out []Neighbour
	queue := adjacents(n, pid)
	for len(queue) > 0 && len(out) < maxNeighbours {
		p := queue[0]
		queue = queue[1:]
		if visited[p] {
			continue
		}
		visited[p] = true
		info, ok := n.ProcessInfo(p)
		if !ok {
			continue
		}
		mfa, isProcLib := InitialCall(n, p)
		if !isProcLib {
			mfa = info.InitialCall
		}
		nb := Neighbour{Pid: p, RegisteredName: info.RegisteredName, InitialCall: mfa, NotProcLib: !isProcLib,
			CurrentFunction: info.CurrentFunction, MessageQueueLen: info.MessageQueueLen, Links: info.Links,
			TrapExit: info.TrapExit, Status: info.Status, Ancestors: term.List{}}
		if a, ok := Ancestors(n, p); ok {
			nb.Ancestors = a
		}
		out = append(out, nb)
		queue = append(queue, adjacents(n, p)...)
	}
	return out
}

func adjacents(n *otp.Node, pid term.Pid) []term.Pid {
	info, ok := n.ProcessInfo(pid)
	if !ok {
		return nil
	}
	var out []term.Pid
	for _, l := range info.Links {
		if li, ok := n.ProcessInfo(l); ok && !li.TrapExit {
			out = append(out, l)
		}
	}
	return out
}

// logCrash logs the crash report of the calling process.
func logCrash(c *otp.Process, exc *otp.Exception) {
	defer func() { recover() }() // a report must not take down what it reports on
	l := c.Node().Logger()
	ctx := context.Background()
	if !l.Enabled(ctx, slog.LevelError) {
		return
	}
	r := Report(c, exc)
	l.LogAttrs(ctx, slog.LevelError, r.Format(), slog.Any("report", r), slog.Any("pid", r.Pid))
}

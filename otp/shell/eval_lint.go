package shell

import (
	"strconv"
	"strings"

	"github.com/scalability-go/otpbook/otp"
	"github.com/scalability-go/otpbook/otp/term"
)

// Checking an expression before it is evaluated, as erl's shell does with
// erl_lint: the errors it reports as "* 1:5: variable 'X' is unbound"
// instead of evaluating anything.
//
// Check finds: variables used unbound ({unbound_var, 'X'}) or unsafe
// ({unsafe_var, 'X', {What, Where}}: bound in some clauses only of a case,
// if or receive, or in a try, a catch or the right side of andalso or
// orelse, and used after it), records that are not defined
// ({undefined_record, Name}) and fields they do not have
// ({undefined_field, Name, Field}) or that are given twice
// ({redefine_field, Name, Field}), guards that are not guard expressions
// (illegal_guard_expr), patterns that are not patterns (illegal_pattern),
// := in a map construction (illegal_map_construction), and a try's
// stacktrace variable that is already bound ({stacktrace_bound, 'S'}) or
// used in the clause's guard ({stacktrace_guard, 'S'}).
//
// erl_lint's warnings are not reported, nor its rarer errors. As in erl's
// shell, f(X) is not checked, so that the shell command can forget a
// variable that is not bound.

// CommandError is an error Check finds in an expression.
type CommandError struct {
	// Line and Column locate the offending part of the expression
	// (Column is 0 when the parser did not give one).
	Line, Column int
	// Reason is erl_lint's, as Check lists them: {unbound_var, 'X'},
	// illegal_pattern, ...
	Reason term.Term
}

// Message returns erl_lint's words for the error, such as
// "variable 'X' is unbound".
func (e *CommandError) Message() string {
	switch r := e.Reason.(type) {
	case term.Atom:
		switch r {
		case "illegal_guard_expr":
			return "illegal guard expression"
		case "illegal_pattern":
			return "illegal pattern"
		case "illegal_map_construction":
			return "only association operators '=>' are allowed in map construction"
		}
	case term.Tuple:
		if len(r) == 2 {
			switch r[0] {
			case term.Atom("unbound_var"):
				return "variable " + term.Write(r[1]) + " is unbound"
			case term.Atom("undefined_record"):
				return "record " + term.Write(r[1]) + " undefined"
			}
		}
		if len(r) == 3 {
			switch r[0] {
			case term.Atom("undefined_field"):
				return "field " + term.Write(r[2]) + " undefined in record " + term.Write(r[1])
			case term.Atom("redefine_field"):
				return "field " + term.Write(r[2]) + " already defined in record " + term.Write(r[1])
			case term.Atom("unsafe_var"):
				if w, ok := r[2].(term.Tuple); ok && len(w) == 2 {
					return "variable " + term.Write(r[1]) + " unsafe in " + term.Write(w[0]) + " " + evFormatWhere(w[1])
				}
			}
		}
		if len(r) == 2 {
			switch r[0] {
			case term.Atom("stacktrace_bound"):
				return "stacktrace variable " + term.Write(r[1]) + " must not be previously bound"
			case term.Atom("wildcard_in_update"):
				return "meaningless use of _ in update of record " + term.Write(r[1])
			case term.Atom("stacktrace_guard"):
				return "stacktrace variable " + term.Write(r[1]) + " must not be used in a guard"
			}
		}
	}
	return term.Print(e.Reason)
}

// evFormatWhere formats a location as erl_lint does in a message.
func evFormatWhere(loc term.Term) string {
	switch l := loc.(type) {
	case int:
		return "(line " + strconv.Itoa(l) + ")"
	case term.Tuple:
		if len(l) == 2 {
			return "(line " + term.Write(l[0]) + ", column " + term.Write(l[1]) + ")"
		}
	}
	return term.Write(loc)
}

// Location returns "Line:Column", or "Line" when the column is not known.
func (e *CommandError) Location() string {
	if e.Column > 0 {
		return strconv.Itoa(e.Line) + ":" + strconv.Itoa(e.Column)
	}
	return strconv.Itoa(e.Line)
}

// Error returns the error as the shell prints it after "* ":
// "1:5: variable 'X' is unbound".
func (e *CommandError) Error() string { return e.Location() + ": " + e.Message() }

// evAtomErlLint is the module of the stack frame of a command error.
var evAtomErlLint = term.Atom("erl_lint")

func (e *CommandError) exception() *otp.Exception {
	return &otp.Exception{Class: otp.ClassError, Reason: e.Reason, Stack: term.List{
		term.Tuple{evAtomErlLint, term.Atom("exprs"), 3, term.List{
			term.Tuple{term.Atom("line"), e.Line},
			term.Tuple{term.Atom("column"), e.Column},
		}},
	}}
}

// CommandErrorOf returns the command error that Exprs raised as exc, or
// false when exc is an exception of the evaluation.
func CommandErrorOf(exc *otp.Exception) (*CommandError, bool) {
	if exc == nil || exc.Class != otp.ClassError || len(exc.Stack) != 1 {
		return nil, false
	}
	f, ok := exc.Stack[0].(term.Tuple)
	if !ok || len(f) != 4 || f[0] != evAtomErlLint || f[1] != term.Atom("exprs") {
		return nil, false
	}
	info, ok := f[3].(term.List)
	if !ok || len(info) != 2 {
		return nil, false
	}
	ce := &CommandError{Reason: exc.Reason}
	for _, i := range info {
		kv, ok := i.(term.Tuple)
		if !ok || len(kv) != 2 {
			return nil, false
		}
		n, _ := kv[1].(int)
		switch kv[0] {
		case term.Atom("line"):
			ce.Line = n
		case term.Atom("column"):
			ce.Column = n
		}
	}
	return ce, true
}

// Check checks an expression in the bindings b as erl's shell does before
// it evaluates it, and returns the first error it finds, or nil. It knows
// no records: see the method Check.
func Check(x Expr, b Bindings) *CommandError {
	return (*Evaluator)(nil).Check(x, b)
}

// Check checks an expression as the function Check does, with the
// evaluator's record definitions (which may be nil).
func (e *Evaluator) Check(x Expr, b Bindings) *CommandError {
	l := &evLinter{recs: e.records()}
	bound := make(evSet, b.Len())
	for _, n := range b.Names() {
		bound[n] = nil
	}
	l.expr(x, bound)
	return l.err
}

// evSet is a set of variables: those bound, each to nil, and those
// unsafe, each to where it was bound, {What, Location} (erl_lint's
// {'case', {Line, Column}}). The linter copies a set before it adds to it.
type evSet map[string]term.Term

func (s evSet) has(name string) bool {
	_, ok := s[name]
	return ok
}

// with returns s with the variables of names, whose states win.
func (s evSet) with(names evSet) evSet {
	if len(names) == 0 {
		return s
	}
	out := make(evSet, len(s)+len(names))
	for n, v := range s {
		out[n] = v
	}
	for n, v := range names {
		out[n] = v
	}
	return out
}

// without returns s without name.
func (s evSet) without(name string) evSet {
	out := make(evSet, len(s))
	for n, v := range s {
		if n != name {
			out[n] = v
		}
	}
	return out
}

// evWhere is erl_lint's location of a construct, for unsafe variables.
func evWhere(what string, x Expr) term.Term {
	line, col := evPosOf(x)
	if col == 0 {
		return term.Tuple{term.Atom(what), line}
	}
	return term.Tuple{term.Atom(what), term.Tuple{line, col}}
}

// added returns the variables of after that are not in before, or that
// were unsafe in before and are bound in after.
func evAdded(before, after evSet) evSet {
	out := evSet{}
	for n, v := range after {
		if old, ok := before[n]; !ok || (old != nil && v == nil) {
			out[n] = v
		}
	}
	return out
}

type evLinter struct {
	err  *CommandError
	recs map[term.Atom]*RecordDef
}

// record checks a record expression's name and fields.
func (l *evLinter) record(x Expr, name term.Atom, fields []RecordField) {
	d := l.recs[name]
	if d == nil {
		l.fail(x, evTag("undefined_record", name))
		return
	}
	seen := map[term.Atom]bool{}
	for _, f := range fields {
		if f.Name != "_" && d.index(f.Name) == 0 {
			l.fail(x, term.Tuple{term.Atom("undefined_field"), name, f.Name})
			return
		}
		if seen[f.Name] {
			l.fail(x, term.Tuple{term.Atom("redefine_field"), name, f.Name})
			return
		}
		seen[f.Name] = true
	}
}

// field checks #Name.Field.
func (l *evLinter) field(x Expr, name, field term.Atom) {
	d := l.recs[name]
	if d == nil {
		l.fail(x, evTag("undefined_record", name))
	} else if d.index(field) == 0 {
		l.fail(x, term.Tuple{term.Atom("undefined_field"), name, field})
	}
}

// evPosOf returns the line and column of an expression.
func evPosOf(x Expr) (int, int) {
	if x == nil {
		return 0, 0
	}
	col := 0
	if c, ok := x.(interface{ Column() int }); ok {
		col = c.Column()
	}
	return x.Line(), col
}

func (l *evLinter) fail(x Expr, reason term.Term) {
	if l.err == nil {
		line, col := evPosOf(x)
		l.err = &CommandError{Line: line, Column: col, Reason: reason}
	}
}

// par checks expressions evaluated "in parallel", each in bound, and
// returns bound with what they bind.
func (l *evLinter) par(xs []Expr, bound evSet) evSet {
	added := evSet{}
	for _, x := range xs {
		for n, v := range evAdded(bound, l.expr(x, bound)) {
			if old, ok := added[n]; !ok || old != nil {
				added[n] = v
			}
		}
	}
	return bound.with(added)
}

// seq checks a body, each expression in what the previous bound.
func (l *evLinter) seq(xs []Expr, bound evSet) evSet {
	for _, x := range xs {
		bound = l.expr(x, bound)
	}
	return bound
}

// evExport returns bound with the variables the branches of a construct
// bind: those each branch binds are bound after it, the others unsafe
// (where is the construct's location). With all set, every variable the
// branches bind is unsafe, as after a try or a catch.
func evExport(bound evSet, branches []evSet, where term.Term, all bool) evSet {
	news := make([]evSet, len(branches))
	names := evSet{}
	for i, b := range branches {
		news[i] = evAdded(bound, b)
		for n, v := range news[i] {
			if old, ok := names[n]; !ok || old == nil {
				names[n] = v
			}
		}
	}
	out := evSet{}
	for n, v := range names {
		if v != nil {
			out[n] = where // unsafe inside: unsafe here
			continue
		}
		safe := !all
		for _, nb := range news {
			if w, ok := nb[n]; !ok || w != nil {
				safe = false
				break
			}
		}
		if safe {
			out[n] = nil
		} else {
			out[n] = where
		}
	}
	return bound.with(out)
}

// expr checks an expression and returns the variables bound after it.
func (l *evLinter) expr(x Expr, bound evSet) evSet {
	if l.err != nil || x == nil {
		return bound
	}
	if px := evPointer(x); px != nil {
		x = px
	}
	switch x := x.(type) {
	case *Lit:
	case *Var:
		if w, ok := bound[x.Name]; !ok {
			l.fail(x, evTag("unbound_var", term.Atom(x.Name)))
		} else if w != nil {
			l.fail(x, term.Tuple{term.Atom("unsafe_var"), term.Atom(x.Name), w})
		}
	case *Tuple:
		return l.par(x.Elems, bound)
	case *List:
		xs := x.Elems
		if x.Tail != nil {
			xs = append(append([]Expr(nil), xs...), x.Tail)
		}
		return l.par(xs, bound)
	case *Bin:
		var xs []Expr
		for _, s := range x.Segs {
			xs = append(xs, s.Val)
			if s.Size != nil {
				xs = append(xs, s.Size)
			}
		}
		return l.par(xs, bound)
	case *Map:
		if x.Base == nil {
			for _, a := range x.Assocs {
				if a.Exact {
					l.fail(a.Key, term.Atom("illegal_map_construction"))
				}
			}
		}
		var xs []Expr
		if x.Base != nil {
			xs = append(xs, x.Base)
		}
		for _, a := range x.Assocs {
			xs = append(xs, a.Key, a.Val)
		}
		return l.par(xs, bound)
	case *Match:
		after := l.expr(x.Right, bound)
		return after.with(l.pattern(x.Left, after, after))
	case *BinOp:
		if x.Op == "andalso" || x.Op == "orelse" {
			left := l.expr(x.Left, bound)
			return evExport(left, []evSet{l.expr(x.Right, left)}, evWhere(x.Op, x), true)
		}
		return l.par([]Expr{x.Left, x.Right}, bound)
	case *UnOp:
		return l.expr(x.X, bound)
	case *Call:
		if x.Module == nil && len(x.Args) == 1 {
			if name, ok := evAtomLit(x.Fun); ok && name == "f" {
				if _, ok := x.Args[0].(*Var); ok {
					return bound // the shell's f(X)
				}
			}
		}
		var head []Expr
		if x.Module != nil {
			head = append(head, x.Module)
		}
		if _, ok := evAtomLit(x.Fun); !ok || x.Module != nil {
			head = append(head, x.Fun)
		}
		return l.par(x.Args, l.par(head, bound))
	case *FunRef:
		var xs []Expr
		for _, y := range []Expr{x.Module, x.Name, x.Arity} {
			if y != nil {
				xs = append(xs, y)
			}
		}
		return l.par(xs, bound)
	case *Fun:
		inner := bound
		if x.Name != "" {
			inner = bound.with(evSet{x.Name: nil})
		}
		for i := range x.Clauses {
			c := &x.Clauses[i]
			head := evSet{}
			for _, pat := range c.Patterns {
				head = head.with(l.pattern(pat, head, inner))
			}
			scope := inner.with(head)
			l.guards(c.Guards, scope)
			l.seq(c.Body, scope)
		}
	case *Case:
		after := l.expr(x.X, bound)
		return evExport(after, l.clauses(x.Clauses, after), evWhere("case", x), false)
	case *If:
		return evExport(bound, l.clauses(x.Clauses, bound), evWhere("if", x), false)
	case *Receive:
		outs := l.clauses(x.Clauses, bound)
		if x.After != nil {
			outs = append(outs, l.seq(x.AfterBody, l.expr(x.After, bound)))
		}
		return evExport(bound, outs, evWhere("receive", x), false)
	case *Try:
		body := l.seq(x.Body, bound)
		outs := []evSet{body}
		outs = append(outs, l.clauses(x.Of, body)...)
		for i := range x.Catch {
			c := &x.Catch[i]
			vars := evSet{}
			if c.Class != nil {
				vars = vars.with(l.pattern(c.Class, bound, bound))
			}
			vars = vars.with(l.pattern(c.Pattern, bound.with(vars), bound))
			stackVar := ""
			if c.Stack != nil {
				if v, ok := c.Stack.(*Var); ok {
					if bound.has(v.Name) || vars.has(v.Name) {
						l.fail(v, evTag("stacktrace_bound", term.Atom(v.Name)))
					}
					stackVar = v.Name
				}
				vars = vars.with(l.pattern(c.Stack, bound.with(vars), bound))
			}
			scope := bound.with(vars)
			if stackVar != "" {
				// The stacktrace variable is not bound in the guard.
				gscope := scope.without(stackVar)
				for _, conj := range c.Guards {
					for _, g := range conj {
						evWalk(g, func(y Expr) {
							if v, ok := y.(*Var); ok && v.Name == stackVar {
								l.fail(v, evTag("stacktrace_guard", term.Atom(v.Name)))
							}
						})
					}
				}
				l.guards(c.Guards, gscope)
			} else {
				l.guards(c.Guards, scope)
			}
			outs = append(outs, l.seq(c.Body, scope))
		}
		outs = append(outs, l.seq(x.After, bound))
		return evExport(bound, outs, evWhere("try", x), true)
	case *Catch:
		return evExport(bound, []evSet{l.expr(x.X, bound)}, evWhere("catch", x), true)
	case *Block:
		return l.seq(x.Body, bound)
	case *ListComp:
		cur := bound
		for _, q := range x.Quals {
			if pq := evPointer(q); pq != nil {
				q = pq
			}
			switch q := q.(type) {
			case *Generator:
				l.expr(q.List, cur)
				cur = cur.with(l.pattern(q.Pattern, evSet{}, cur))
			case *BinGenerator:
				l.expr(q.Bin, cur)
				cur = cur.with(l.pattern(q.Pattern, evSet{}, cur))
			default:
				cur = l.expr(q, cur)
			}
		}
		l.expr(x.Elem, cur)
	case *Record:
		var xs []Expr
		if x.Base != nil {
			xs = append(xs, x.Base)
			for _, f := range x.Fields {
				if f.Name == "_" {
					l.fail(x, evTag("wildcard_in_update", x.Name))
				}
			}
		}
		l.record(x, x.Name, x.Fields)
		for _, f := range x.Fields {
			xs = append(xs, f.Val)
		}
		return l.par(xs, bound)
	case *RecordIndex:
		l.field(x, x.Name, x.Field)
	case *RecordAccess:
		after := l.expr(x.X, bound)
		l.field(x, x.Name, x.Field)
		return after
	default:
		l.fail(x, term.Atom("illegal_expr"))
	}
	return bound
}

// clauses checks case-like clauses, each in bound, and returns what each
// binds.
func (l *evLinter) clauses(cs []Clause, bound evSet) []evSet {
	outs := make([]evSet, 0, len(cs))
	for i := range cs {
		c := &cs[i]
		scope := bound
		for _, pat := range c.Patterns {
			scope = scope.with(l.pattern(pat, scope, scope))
		}
		l.guards(c.Guards, scope)
		outs = append(outs, l.seq(c.Body, scope))
	}
	return outs
}

func (l *evLinter) guards(gs [][]Expr, bound evSet) {
	for _, conj := range gs {
		for _, g := range conj {
			if !evIsGuardTest(g) {
				l.fail(g, term.Atom("illegal_guard_expr"))
				return
			}
			l.expr(g, bound)
		}
	}
}

// pattern checks a pattern and returns the variables it binds that are
// not in bound. Expressions in it (a segment's size, a map key) are
// checked in outer, with, for sizes, the variables bound before in the
// pattern.
func (l *evLinter) pattern(x Expr, bound, outer evSet) evSet {
	vars := evSet{}
	var walk func(x Expr)
	walk = func(x Expr) {
		if l.err != nil || x == nil {
			return
		}
		if px := evPointer(x); px != nil {
			x = px
		}
		switch x := x.(type) {
		case *Var:
			if x.Name == "_" {
				return
			}
			if w, ok := bound[x.Name]; ok {
				if w != nil {
					l.fail(x, term.Tuple{term.Atom("unsafe_var"), term.Atom(x.Name), w})
				}
				return
			}
			vars[x.Name] = nil
		case *Lit:
		case *Match:
			walk(x.Left)
			walk(x.Right)
		case *Tuple:
			for _, y := range x.Elems {
				walk(y)
			}
		case *List:
			for _, y := range x.Elems {
				walk(y)
			}
			walk(x.Tail)
		case *Map:
			if x.Base != nil {
				l.fail(x, term.Atom("illegal_pattern"))
				return
			}
			for _, a := range x.Assocs {
				if !a.Exact || !evIsGuardExpr(a.Key) {
					l.fail(a.Key, term.Atom("illegal_pattern"))
					return
				}
				l.expr(a.Key, outer)
				walk(a.Val)
			}
		case *Bin:
			for _, s := range x.Segs {
				if s.Size != nil {
					if !evIsGuardExpr(s.Size) {
						l.fail(s.Size, term.Atom("illegal_pattern"))
						return
					}
					l.expr(s.Size, outer.with(bound).with(vars))
				}
				switch s.Val.(type) {
				case *Var, *Lit, Var, Lit:
					walk(s.Val)
				default:
					if _, ok := evConst(s.Val); !ok {
						l.fail(s.Val, term.Atom("illegal_pattern"))
						return
					}
				}
			}
		case *BinOp:
			if x.Op == "++" {
				if _, ok := evConstList(x.Left); !ok {
					l.fail(x, term.Atom("illegal_pattern"))
					return
				}
				walk(x.Right)
				return
			}
			if _, ok := evConst(x); !ok {
				l.fail(x, term.Atom("illegal_pattern"))
			}
		case *UnOp:
			if _, ok := evConst(x); !ok {
				l.fail(x, term.Atom("illegal_pattern"))
			}
		case *Record:
			if x.Base != nil {
				l.fail(x, term.Atom("illegal_pattern"))
				return
			}
			l.record(x, x.Name, x.Fields)
			for _, f := range x.Fields {
				walk(f.Val)
			}
		case *RecordIndex:
			l.field(x, x.Name, x.Field)
		default:
			l.fail(x, term.Atom("illegal_pattern"))
		}
	}
	walk(x)
	return vars
}

// evWalk calls f on x and on every expression inside it: patterns,
// guards and bodies included.
func evWalk(x Expr, f func(Expr)) {
	if x == nil {
		return
	}
	if px := evPointer(x); px != nil {
		x = px
	}
	f(x)
	all := func(xs []Expr) {
		for _, y := range xs {
			evWalk(y, f)
		}
	}
	clause := func(c *Clause) {
		all(c.Patterns)
		for _, g := range c.Guards {
			all(g)
		}
		all(c.Body)
	}
	switch x := x.(type) {
	case *Tuple:
		all(x.Elems)
	case *List:
		all(x.Elems)
		evWalk(x.Tail, f)
	case *Bin:
		for _, s := range x.Segs {
			evWalk(s.Val, f)
			evWalk(s.Size, f)
		}
	case *Map:
		evWalk(x.Base, f)
		for _, a := range x.Assocs {
			evWalk(a.Key, f)
			evWalk(a.Val, f)
		}
	case *Match:
		evWalk(x.Left, f)
		evWalk(x.Right, f)
	case *BinOp:
		evWalk(x.Left, f)
		evWalk(x.Right, f)
	case *UnOp:
		evWalk(x.X, f)
	case *Call:
		evWalk(x.Module, f)
		evWalk(x.Fun, f)
		all(x.Args)
	case *FunRef:
		evWalk(x.Module, f)
		evWalk(x.Name, f)
		evWalk(x.Arity, f)
	case *Fun:
		for i := range x.Clauses {
			clause(&x.Clauses[i])
		}
	case *Case:
		evWalk(x.X, f)
		for i := range x.Clauses {
			clause(&x.Clauses[i])
		}
	case *If:
		for i := range x.Clauses {
			clause(&x.Clauses[i])
		}
	case *Receive:
		for i := range x.Clauses {
			clause(&x.Clauses[i])
		}
		evWalk(x.After, f)
		all(x.AfterBody)
	case *Try:
		all(x.Body)
		for i := range x.Of {
			clause(&x.Of[i])
		}
		for i := range x.Catch {
			c := &x.Catch[i]
			evWalk(c.Class, f)
			evWalk(c.Pattern, f)
			evWalk(c.Stack, f)
			for _, g := range c.Guards {
				all(g)
			}
			all(c.Body)
		}
		all(x.After)
	case *Catch:
		evWalk(x.X, f)
	case *Block:
		all(x.Body)
	case *ListComp:
		evWalk(x.Elem, f)
		all(x.Quals)
	case *Generator:
		evWalk(x.Pattern, f)
		evWalk(x.List, f)
	case *BinGenerator:
		evWalk(x.Pattern, f)
		evWalk(x.Bin, f)
	case *Record:
		evWalk(x.Base, f)
		for _, fl := range x.Fields {
			evWalk(fl.Val, f)
		}
	case *RecordAccess:
		evWalk(x.X, f)
	}
}

// evAutoImported are the functions of the erlang module that a call
// without a module calls (erl_internal:bif/2 in OTP 25).
var evAutoImported = map[evFA]bool{}

const evAutoImportedList = `abs/1 alias/0,1 apply/2,3 atom_to_binary/1,2 atom_to_list/1
binary_part/2,3 binary_to_atom/1,2 binary_to_existing_atom/1,2
binary_to_float/1 binary_to_integer/1,2 binary_to_list/1,3
binary_to_term/1,2 bit_size/1 bitstring_to_list/1 byte_size/1 ceil/1
check_old_code/1 check_process_code/2,3 date/0 delete_module/1
demonitor/1,2 disconnect_node/1 element/2 erase/0,1 error/1,2,3
exit/1,2 float/1 float_to_binary/1,2 float_to_list/1,2 floor/1
garbage_collect/0,1,2 get/0,1 get_keys/0,1 group_leader/0,2 halt/0,1,2
hd/1 integer_to_binary/1,2 integer_to_list/1,2 iolist_size/1
iolist_to_binary/1 is_alive/0 is_atom/1 is_binary/1 is_bitstring/1
is_boolean/1 is_float/1 is_function/1,2 is_integer/1 is_list/1 is_map/1
is_map_key/2 is_number/1 is_pid/1 is_port/1 is_process_alive/1
is_record/2,3 is_reference/1 is_tuple/1 length/1 link/1 list_to_atom/1
list_to_binary/1 list_to_bitstring/1 list_to_existing_atom/1
list_to_float/1 list_to_integer/1,2 list_to_pid/1 list_to_port/1
list_to_ref/1 list_to_tuple/1 load_module/2 make_ref/0 map_get/2
map_size/1 max/2 min/2 module_loaded/1 monitor/2,3 monitor_node/2
node/0,1 nodes/0,1,2 now/0 open_port/2 pid_to_list/1 port_close/1
port_command/2,3 port_connect/2 port_control/3 port_to_list/1
pre_loaded/0 process_flag/2,3 process_info/1,2 processes/0
purge_module/1 put/2 ref_to_list/1 register/2 registered/0 round/1
self/0 setelement/3 size/1 spawn/1,2,3,4 spawn_link/1,2,3,4
spawn_monitor/1,2,3,4 spawn_opt/2,3,4,5 spawn_request/1,2,3,4,5
spawn_request_abandon/1 split_binary/2 statistics/1 term_to_binary/1,2
term_to_iovec/1,2 throw/1 time/0 tl/1 trunc/1 tuple_size/1
tuple_to_list/1 unalias/1 unlink/1 unregister/1 whereis/1`

func init() {
	for _, f := range strings.Fields(evAutoImportedList) {
		name, arities, _ := strings.Cut(f, "/")
		for _, a := range strings.Split(arities, ",") {
			n, _ := strconv.Atoi(a)
			evAutoImported[evFA{term.Atom(name), n}] = true
		}
	}
}

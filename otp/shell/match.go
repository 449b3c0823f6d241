package shell

import (
	"math"
	"math/big"
	"slices"
	"unicode/utf8"

	"github.com/scalability-go/otpbook/otp"
	"github.com/scalability-go/otpbook/otp/term"
)

// Pattern matching and guards, as Erlang matches: a variable already bound
// matches only its value (=:=), '_' matches anything and binds nothing, a
// variable repeated in a pattern matches the same value in each place,
// literals match exactly (1 does not match 1.0), "ab" ++ T matches a list
// that begins with "ab", #{K := P} a map with the key K whose value matches
// P, and binary patterns take their segments apart.
//
// Matching is pure: it does not call into the process runtime, so that a
// receive can match its clauses against messages while the mailbox is
// locked. The expressions a pattern may hold (a segment's size, a map
// key) and guards are evaluated by the guard evaluator, which computes the
// guard BIFs itself.

// match matches pat against v. bs are the bindings the match adds to: a
// variable bound there matches only its value; bbs are the bindings in
// which the pattern's expressions (sizes, keys) are evaluated. It returns
// the bindings with the pattern's new variables, and whether it matched.
func (e *Evaluator) match(pr *evRun, pat Expr, v term.Term, bs, bbs Bindings) (Bindings, bool) {
	switch x := pat.(type) {
	case *Var:
		if x.Name == "_" {
			return bs, true
		}
		if old, ok := bs.Get(x.Name); ok {
			return bs, term.Exact(old, v)
		}
		bs.Set(x.Name, v)
		return bs, true
	case *Lit:
		return bs, term.Exact(x.Val, v)
	case *Match:
		bs, ok := e.match(pr, x.Left, v, bs, bbs)
		if !ok {
			return bs, false
		}
		return e.match(pr, x.Right, v, bs, bbs)
	case *Tuple:
		t, ok := evNorm(v).(term.Tuple)
		if !ok || len(t) != len(x.Elems) {
			return bs, false
		}
		for i, el := range x.Elems {
			if bs, ok = e.match(pr, el, t[i], bs, bbs); !ok {
				return bs, false
			}
		}
		return bs, true
	case *List:
		cur := v
		for _, el := range x.Elems {
			h, t, ok := evUncons(cur)
			if !ok {
				return bs, false
			}
			if bs, ok = e.match(pr, el, h, bs, bbs); !ok {
				return bs, false
			}
			cur = t
		}
		if x.Tail == nil {
			return bs, evIsNil(cur)
		}
		return e.match(pr, x.Tail, cur, bs, bbs)
	case *Map:
		m, ok := evNorm(v).(term.Map)
		if !ok || x.Base != nil {
			return bs, false
		}
		for _, a := range x.Assocs {
			k, ok := e.gexprOK(pr, a.Key, bbs)
			if !ok {
				return bs, false
			}
			mv, ok := m.Get(k)
			if !ok {
				return bs, false
			}
			if bs, ok = e.match(pr, a.Val, mv, bs, bbs); !ok {
				return bs, false
			}
		}
		return bs, true
	case *Bin:
		return e.matchBin(pr, x, v, bs, bbs)
	case *BinOp:
		if x.Op == "++" {
			prefix, ok := evConstList(x.Left)
			if !ok {
				evError(evTag("illegal_pattern", term.Atom("++")))
			}
			cur := v
			for _, c := range prefix {
				h, t, ok := evUncons(cur)
				if !ok || !term.Exact(c, h) {
					return bs, false
				}
				cur = t
			}
			return e.match(pr, x.Right, cur, bs, bbs)
		}
		c, ok := evConst(x)
		if !ok {
			evError(evTag("illegal_pattern", term.Atom(x.Op)))
		}
		return bs, term.Exact(c, v)
	case *UnOp:
		c, ok := evConst(x)
		if !ok {
			evError(evTag("illegal_pattern", term.Atom(x.Op)))
		}
		return bs, term.Exact(c, v)
	case *Record:
		if x.Base != nil {
			evError(evTag("illegal_pattern", term.Atom("record")))
		}
		return e.match(pr, e.recordPattern(x), v, bs, bbs)
	case *RecordIndex:
		return bs, term.Exact(e.fieldIndex(e.record(x.Name), x.Field), v)
	default:
		if px := evPointer(pat); px != nil {
			return e.match(pr, px, v, bs, bbs)
		}
	}
	evError(evTag("illegal_pattern", term.Atom("expression")))
	return bs, false
}

// evConst evaluates a constant expression: literals, and the operators,
// lists and tuples of them, as erl_eval folds -1 or 1 + 2 in a pattern.
func evConst(x Expr) (v term.Term, ok bool) {
	if px := evPointer(x); px != nil {
		x = px
	}
	switch x := x.(type) {
	case *Lit:
		return x.Val, true
	case *UnOp:
		a, ok := evConst(x.X)
		if !ok {
			return nil, false
		}
		return evTry(func() term.Term { return UnaryOp(x.Op, a) })
	case *BinOp:
		if x.Op == "!" || x.Op == "andalso" || x.Op == "orelse" {
			return nil, false
		}
		a, ok1 := evConst(x.Left)
		b, ok2 := evConst(x.Right)
		if !ok1 || !ok2 {
			return nil, false
		}
		return evTry(func() term.Term { return BinaryOp(x.Op, a, b) })
	case *Tuple:
		t := make(term.Tuple, len(x.Elems))
		for i, el := range x.Elems {
			if t[i], ok = evConst(el); !ok {
				return nil, false
			}
		}
		return t, true
	case *List:
		l := make(term.List, len(x.Elems))
		for i, el := range x.Elems {
			if l[i], ok = evConst(el); !ok {
				return nil, false
			}
		}
		if x.Tail == nil {
			return l, true
		}
		t, ok := evConst(x.Tail)
		if !ok {
			return nil, false
		}
		return term.Cons(t, l...), true
	}
	return nil, false
}

// evConstList evaluates the left side of a ++ pattern: a string or a list
// of constants.
func evConstList(x Expr) ([]term.Term, bool) {
	c, ok := evConst(x)
	if !ok {
		return nil, false
	}
	return evProperList(c)
}

// evTry calls f, reporting false if it raised an error.
func evTry(f func() term.Term) (v term.Term, ok bool) {
	defer func() {
		if r := recover(); r != nil {
			if exc, isExc := r.(*otp.Exception); isExc && exc.Class != otp.ClassError {
				panic(r)
			}
			v, ok = nil, false
		}
	}()
	return f(), true
}

// evNorm returns the canonical form of a term given as one of the plain
// Go values package term accepts: a Termer's term (the runtime's ExitMsg
// is {'EXIT', From, Reason}), bool as an atom, []byte as a Binary, other
// integer types as int or *big.Int.
func evNorm(t term.Term) term.Term {
	switch v := t.(type) {
	case term.Tuple, term.List, term.Atom, int, float64, string, term.Map, term.Binary:
		return t
	case term.Termer:
		return evNorm(v.Term())
	case bool:
		return term.Bool(v)
	case []byte:
		return term.Binary(v)
	case float32:
		return float64(v)
	case *term.LocalFun:
		if v != nil {
			return *v
		}
	case *big.Int:
		return term.NormInt(v)
	}
	if i, ok := term.Integer(t); ok {
		return i
	}
	return t
}

// evUncons splits a non-empty list into its head and tail.
func evUncons(t term.Term) (h, tl term.Term, ok bool) {
	switch l := t.(type) {
	case term.List:
		if len(l) == 0 {
			return nil, nil, false
		}
		return l[0], l[1:], true
	case string:
		if l == "" {
			return nil, nil, false
		}
		r, size := utf8.DecodeRuneInString(l)
		return int(r), l[size:], true
	case term.ImproperList:
		switch len(l.Elems) {
		case 0:
			return nil, nil, false
		case 1:
			return l.Elems[0], l.Tail, true
		}
		return l.Elems[0], term.ImproperList{Elems: l.Elems[1:], Tail: l.Tail}, true
	case term.Termer:
		return evUncons(l.Term())
	}
	return nil, nil, false
}

// evIsNil reports whether t is [].
func evIsNil(t term.Term) bool {
	switch l := t.(type) {
	case term.List:
		return len(l) == 0
	case string:
		return l == ""
	case term.Termer:
		return evIsNil(l.Term())
	}
	return false
}

// Guards.

// guard evaluates a guard: a disjunction (;) of conjunctions (,) of guard
// tests. An empty guard holds.
func (e *Evaluator) guard(pr *evRun, gs [][]Expr, b Bindings) bool {
	if len(gs) == 0 {
		return true
	}
	for _, conj := range gs {
		ok := true
		for _, g := range conj {
			if !e.guardTest(pr, g, b) {
				ok = false
				break
			}
		}
		if ok {
			return true
		}
	}
	return false
}

// evTypeTests are the old guard tests, integer(X) for is_integer(X).
var evTypeTests = map[term.Atom]term.Atom{
	"integer": "is_integer", "float": "is_float", "number": "is_number",
	"atom": "is_atom", "list": "is_list", "tuple": "is_tuple", "pid": "is_pid",
	"reference": "is_reference", "port": "is_port", "function": "is_function",
	"binary": "is_binary", "record": "is_record", "map": "is_map",
}

// guardTest evaluates one guard test: it holds when it evaluates to true;
// an error in it makes it false.
func (e *Evaluator) guardTest(pr *evRun, g Expr, b Bindings) (holds bool) {
	defer func() {
		if r := recover(); r != nil {
			if exc, ok := r.(*otp.Exception); ok && exc.Class != otp.ClassError {
				panic(r)
			}
			holds = false
		}
	}()
	if c, ok := g.(*Call); ok {
		if name, ok := evGuardCallName(c); ok {
			if tt, ok := evTypeTests[name]; ok {
				g = &Call{Pos: c.Pos, Fun: &Lit{Pos: c.Pos, Val: tt}, Args: c.Args}
			}
		}
	}
	v := e.gexpr(pr, g, b)
	t, ok := evBool(v)
	return ok && t
}

// gexprOK evaluates a guard expression, reporting false if it raised an
// error.
func (e *Evaluator) gexprOK(pr *evRun, x Expr, b Bindings) (term.Term, bool) {
	return evTry(func() term.Term { return e.gexpr(pr, x, b) })
}

// gexpr evaluates a guard expression: literals, variables, tuples, lists,
// maps and binaries of guard expressions, the operators but !, and calls
// of the guard BIFs.
func (e *Evaluator) gexpr(pr *evRun, x Expr, b Bindings) term.Term {
	switch x := x.(type) {
	case *Lit:
		return x.Val
	case *Var:
		if v, ok := b.Get(x.Name); ok {
			return v
		}
		evError(evTag("unbound", term.Atom(x.Name)))
	case *Tuple:
		t := make(term.Tuple, len(x.Elems))
		for i, el := range x.Elems {
			t[i] = e.gexpr(pr, el, b)
		}
		return t
	case *List:
		l := make(term.List, len(x.Elems))
		for i, el := range x.Elems {
			l[i] = e.gexpr(pr, el, b)
		}
		if x.Tail == nil {
			return l
		}
		return term.Cons(e.gexpr(pr, x.Tail, b), l...)
	case *Map:
		var m term.Map
		if x.Base != nil {
			base := e.gexpr(pr, x.Base, b)
			var ok bool
			if m, ok = evNorm(base).(term.Map); !ok {
				evError(evTag("badmap", base))
			}
		}
		for _, a := range x.Assocs {
			k := e.gexpr(pr, a.Key, b)
			v := e.gexpr(pr, a.Val, b)
			if a.Exact {
				if _, ok := m.Get(k); !ok {
					evError(evTag("badkey", k))
				}
			}
			m = m.Put(k, v)
		}
		return m
	case *Bin:
		return e.buildBin(x.Segs, func(y Expr) term.Term { return e.gexpr(pr, y, b) })
	case *BinOp:
		switch x.Op {
		case "andalso", "orelse":
			l, ok := evBool(e.gexpr(pr, x.Left, b))
			if !ok {
				evError(evAtomGuardExpr)
			}
			if l == (x.Op == "orelse") {
				return term.Bool(l)
			}
			return e.gexpr(pr, x.Right, b)
		case "!":
			evError(evAtomGuardExpr)
		}
		return BinaryOp(x.Op, e.gexpr(pr, x.Left, b), e.gexpr(pr, x.Right, b))
	case *UnOp:
		return UnaryOp(x.Op, e.gexpr(pr, x.X, b))
	case *Call:
		name, ok := evGuardCallName(x)
		if !ok {
			evError(evAtomGuardExpr)
		}
		args := make([]term.Term, len(x.Args))
		for i, a := range x.Args {
			args[i] = e.gexpr(pr, a, b)
		}
		if name == "is_record" && len(args) == 2 {
			if tag, ok := args[1].(term.Atom); ok {
				if d := e.records()[tag]; d != nil {
					args = append(args, len(d.Fields)+1)
				}
			}
		}
		return evGuardBIF(pr, name, args)
	case *RecordAccess:
		return e.recordAccess(e.gexpr(pr, x.X, b), x.Name, x.Field)
	case *RecordIndex:
		return e.fieldIndex(e.record(x.Name), x.Field)
	case *Record:
		d := e.record(x.Name)
		xs := e.recordFields(d, x.Fields)
		var t term.Tuple
		if x.Base != nil {
			old, ok := evIsRecord(e.gexpr(pr, x.Base, b), d)
			if !ok {
				evBadRecord(e.gexpr(pr, x.Base, b))
			}
			t = slices.Clone(old)
			for _, f := range x.Fields {
				t[e.fieldIndex(d, f.Name)-1] = e.gexpr(pr, f.Val, b)
			}
			return t
		}
		t = make(term.Tuple, len(xs)+1)
		t[0] = d.Name
		for i, y := range xs {
			switch {
			case y != nil:
				t[i+1] = e.gexpr(pr, y, b)
			case d.Fields[i].Default != nil:
				// A default in a guard must be a guard expression
				// too: guards do not call into the runtime.
				t[i+1] = e.gexpr(pr, d.Fields[i].Default, Bindings{})
			default:
				t[i+1] = term.Undefined
			}
		}
		return t
	case *Block:
		// begin ... end around a guard expression, as the parser may
		// give a parenthesised one.
		var v term.Term
		for _, y := range x.Body {
			v = e.gexpr(pr, y, b)
		}
		return v
	default:
		if px := evPointer(x); px != nil {
			return e.gexpr(pr, px, b)
		}
	}
	evError(evAtomGuardExpr)
	return nil
}

var evAtomGuardExpr = term.Atom("guard_expr")

// evGuardCallName returns the name of a call f(...) or erlang:f(...).
func evGuardCallName(c *Call) (term.Atom, bool) {
	if c.Module != nil {
		if m, ok := evAtomLit(c.Module); !ok || m != evAtomErlang {
			return "", false
		}
	}
	return evAtomLit(c.Fun)
}

// evFA names a function by name and arity.
type evFA struct {
	name  term.Atom
	arity int
}

// evGuardBIFs are the BIFs allowed in guards (erl_internal:guard_bif/2 and
// the type tests of OTP 25).
var evGuardBIFs = map[evFA]bool{}

func init() {
	for _, fa := range []evFA{
		{"abs", 1}, {"binary_part", 2}, {"binary_part", 3}, {"bit_size", 1},
		{"byte_size", 1}, {"ceil", 1}, {"element", 2}, {"float", 1},
		{"floor", 1}, {"hd", 1}, {"is_map_key", 2}, {"length", 1},
		{"map_get", 2}, {"map_size", 1}, {"node", 0}, {"node", 1},
		{"round", 1}, {"self", 0}, {"size", 1}, {"tl", 1}, {"trunc", 1},
		{"tuple_size", 1},
		{"is_atom", 1}, {"is_binary", 1}, {"is_bitstring", 1}, {"is_boolean", 1},
		{"is_float", 1}, {"is_function", 1}, {"is_function", 2}, {"is_integer", 1},
		{"is_list", 1}, {"is_map", 1}, {"is_number", 1}, {"is_pid", 1},
		{"is_port", 1}, {"is_record", 2}, {"is_record", 3}, {"is_reference", 1},
		{"is_tuple", 1},
	} {
		evGuardBIFs[fa] = true
	}
}

// evGuardBIF computes a guard BIF. Bad arguments raise badarg (which
// makes the guard fail).
func evGuardBIF(pr *evRun, name term.Atom, args []term.Term) term.Term {
	bad := func() term.Term {
		evRaise(evAtomBadarg, term.List{term.Tuple{evAtomErlang, name, term.List(args), term.List{}}})
		return nil
	}
	if !evGuardBIFs[evFA{name, len(args)}] {
		evError(evAtomGuardExpr)
	}
	var a term.Term
	if len(args) > 0 {
		a = evNorm(args[0])
	}
	switch name {
	case "is_atom":
		_, ok := a.(term.Atom)
		return term.Bool(ok)
	case "is_boolean":
		_, ok := evBool(a)
		return term.Bool(ok)
	case "is_integer":
		_, k := evNum(a)
		return term.Bool(k == evSmall || k == evBigNum)
	case "is_float":
		_, k := evNum(a)
		return term.Bool(k == evFloatNum)
	case "is_number":
		_, k := evNum(a)
		return term.Bool(k != evNotNum)
	case "is_list":
		switch a.(type) {
		case term.List, string, term.ImproperList:
			return term.True
		}
		return term.False
	case "is_tuple":
		_, ok := a.(term.Tuple)
		return term.Bool(ok)
	case "is_map":
		_, ok := a.(term.Map)
		return term.Bool(ok)
	case "is_pid":
		_, ok := a.(term.Pid)
		return term.Bool(ok)
	case "is_port":
		_, ok := a.(term.Port)
		return term.Bool(ok)
	case "is_reference":
		_, ok := a.(term.Ref)
		return term.Bool(ok)
	case "is_binary":
		_, ok := a.(term.Binary)
		return term.Bool(ok)
	case "is_bitstring":
		_, _, ok := evBits(a)
		return term.Bool(ok)
	case "is_function":
		k := term.KindOf(a)
		if len(args) == 1 {
			return term.Bool(k == term.KindFun)
		}
		n, ok := args[1].(int)
		if !ok || n < 0 {
			return bad()
		}
		switch f := a.(type) {
		case term.LocalFun:
			return term.Bool(f.Arity == n)
		case term.ExportFun:
			return term.Bool(f.Arity == n)
		}
		return term.False
	case "is_record":
		t, ok := a.(term.Tuple)
		tag, ok2 := args[1].(term.Atom)
		if !ok2 {
			return bad()
		}
		if len(args) == 3 {
			n, ok3 := args[2].(int)
			if !ok3 {
				return bad()
			}
			return term.Bool(ok && len(t) == n && n > 0 && t[0] == tag)
		}
		return term.Bool(ok && len(t) > 0 && t[0] == tag)
	case "abs":
		n, k := evNum(a)
		switch k {
		case evSmall, evBigNum:
			if evSign(n) < 0 {
				return UnaryOp("-", n)
			}
			return n
		case evFloatNum:
			return math.Abs(n.(float64))
		}
		return bad()
	case "float":
		n, k := evNum(a)
		if k == evNotNum {
			return bad()
		}
		f, ok := evFloat(n, k)
		if !ok {
			return bad()
		}
		return f
	case "round", "trunc", "ceil", "floor":
		n, k := evNum(a)
		switch k {
		case evSmall, evBigNum:
			return n
		case evFloatNum:
			f := n.(float64)
			switch name {
			case "round":
				f = math.Round(f)
			case "trunc":
				f = math.Trunc(f)
			case "ceil":
				f = math.Ceil(f)
			default:
				f = math.Floor(f)
			}
			if f >= -(1<<62) && f <= 1<<62 {
				return int(f)
			}
			i, _ := big.NewFloat(f).Int(nil)
			return term.NormInt(i)
		}
		return bad()
	case "hd", "tl":
		h, t, ok := evUncons(a)
		if !ok {
			return bad()
		}
		if name == "hd" {
			return h
		}
		return t
	case "length":
		l, ok := evProperList(a)
		if !ok {
			return bad()
		}
		return len(l)
	case "element":
		n, ok := a.(int)
		t, ok2 := evNorm(args[1]).(term.Tuple)
		if !ok || !ok2 || n < 1 || n > len(t) {
			return bad()
		}
		return t[n-1]
	case "tuple_size":
		t, ok := a.(term.Tuple)
		if !ok {
			return bad()
		}
		return len(t)
	case "size":
		if t, ok := a.(term.Tuple); ok {
			return len(t)
		}
		if data, n, ok := evBits(a); ok && n%8 == 0 {
			return len(data)
		}
		return bad()
	case "byte_size", "bit_size":
		_, n, ok := evBits(a)
		if !ok {
			return bad()
		}
		if name == "bit_size" {
			return n
		}
		return (n + 7) / 8
	case "map_size":
		m, ok := a.(term.Map)
		if !ok {
			return bad()
		}
		return m.Len()
	case "map_get", "is_map_key":
		m, ok := evNorm(args[1]).(term.Map)
		if !ok {
			evRaise(evTag("badmap", args[1]), nil)
		}
		v, found := m.Get(args[0])
		if name == "is_map_key" {
			return term.Bool(found)
		}
		if !found {
			evRaise(evTag("badkey", args[0]), nil)
		}
		return v
	case "self":
		return pr.p.Self()
	case "node":
		if len(args) == 0 {
			return pr.p.Node().Name()
		}
		switch v := a.(type) {
		case term.Pid:
			return v.Node
		case term.Ref:
			return v.Node
		case term.Port:
			return v.Node
		}
		return bad()
	case "binary_part":
		data, n, ok := evBits(a)
		if !ok || n%8 != 0 {
			return bad()
		}
		var start, length term.Term
		if len(args) == 2 {
			t, ok := args[1].(term.Tuple)
			if !ok || len(t) != 2 {
				return bad()
			}
			start, length = t[0], t[1]
		} else {
			start, length = args[1], args[2]
		}
		s, ok1 := start.(int)
		l, ok2 := length.(int)
		if !ok1 || !ok2 {
			return bad()
		}
		if l < 0 {
			s, l = s+l, -l
		}
		if s < 0 || l < 0 || s > len(data) || l > len(data)-s {
			return bad()
		}
		return term.Binary(append([]byte(nil), data[s:s+l]...))
	}
	return bad()
}

// evIsGuardTest reports whether x is a guard expression, as
// erl_lint:is_guard_test/1 decides for a list comprehension's filter: a
// filter that is one is evaluated as a guard (an error or a value other
// than true drops the element), any other must give true or false.
func evIsGuardTest(x Expr) bool {
	if c, ok := x.(*Call); ok {
		if name, ok := evGuardCallName(c); ok {
			if _, ok := evTypeTests[name]; ok && len(c.Args) == 1 {
				return evAllGuard(c.Args)
			}
		}
	}
	return evIsGuardExpr(x)
}

// evIsGuardExpr reports whether x may appear in a guard.
func evIsGuardExpr(x Expr) bool {
	if px := evPointer(x); px != nil {
		x = px
	}
	switch x := x.(type) {
	case *Lit, *Var:
		return true
	case *Tuple:
		return evAllGuard(x.Elems)
	case *List:
		return evAllGuard(x.Elems) && (x.Tail == nil || evIsGuardExpr(x.Tail))
	case *Map:
		if x.Base != nil && !evIsGuardExpr(x.Base) {
			return false
		}
		for _, a := range x.Assocs {
			if !evIsGuardExpr(a.Key) || !evIsGuardExpr(a.Val) {
				return false
			}
		}
		return true
	case *Bin:
		for _, s := range x.Segs {
			if !evIsGuardExpr(s.Val) || (s.Size != nil && !evIsGuardExpr(s.Size)) {
				return false
			}
		}
		return true
	case *BinOp:
		return x.Op != "!" && evIsGuardExpr(x.Left) && evIsGuardExpr(x.Right)
	case *UnOp:
		return evIsGuardExpr(x.X)
	case *Call:
		name, ok := evGuardCallName(x)
		return ok && evGuardBIFs[evFA{name, len(x.Args)}] && evAllGuard(x.Args)
	case *Block:
		return len(x.Body) == 1 && evIsGuardExpr(x.Body[0])
	case *RecordIndex:
		return true
	case *RecordAccess:
		return evIsGuardExpr(x.X)
	case *Record:
		if x.Base != nil && !evIsGuardExpr(x.Base) {
			return false
		}
		for _, f := range x.Fields {
			if !evIsGuardExpr(f.Val) {
				return false
			}
		}
		return true
	}
	return false
}

func evAllGuard(xs []Expr) bool {
	for _, x := range xs {
		if !evIsGuardExpr(x) {
			return false
		}
	}
	return true
}

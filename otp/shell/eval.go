package shell

import (
	"fmt"
	"reflect"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/scalability-go/otpbook/otp"
	"github.com/scalability-go/otpbook/otp/code"
	"github.com/scalability-go/otpbook/otp/term"
)

// The evaluator: erl_eval's semantics (OTP 25) for the expressions the
// shell reads, in Go.
//
// Values are terms (package term). Exceptions are raised as Go panics of
// *otp.Exception with erl's reasons and, where the shell prints them, the
// first stack frames erl gives: an operator's error has the frame
// {erlang, Op, Args, []}, a call of a function that does not exist
// {Module, Function, Args, []}, a failed binary construction the frame of
// eval_bits with the explanation in its error_info, and the evaluator's
// own errors (badmatch, case_clause, ...) frames of the module erl_eval,
// which the shell does not print.
//
// Sub-expressions are evaluated as erl_eval evaluates them: the elements
// of a tuple, list, binary, the operands of an operator and the arguments
// of a call "in parallel", each in the bindings before them, left to
// right, their new variables merged ({X = 1, X = 2} fails with badmatch);
// the expressions of a body in sequence.
//
// Funs are term.LocalFun values of the module erl_eval, printed as erl
// prints them (#Fun<erl_eval.42.3316493>), whose Value is a code.Func:
// BIFs and other processes call them with code.Server.CallFun. A fun
// captures the variables it uses; two funs are equal when they come from
// the same code at the same place with the same captured values. Calls in
// tail position of a fun's body (its last expression, through case, if,
// receive, begin and the right side of andalso and orelse) do not nest, so
// that a loop written as a recursive fun runs in constant Go stack; other
// calls nest, up to MaxDepth.
//
// Where it differs from erl:
//
//   - Errors in a record's field are located at the record, and errors in
//     a map association at its key: the tree has no position for a field
//     name or an association's operator.
//   - The depth of nested calls is bounded (MaxDepth), as is the nesting
//     of the evaluations of expressions, calls' included; erl's is
//     bounded by memory only.
//   - Maybe expressions and the qlc query syntax are not supported (the
//     parser does not make them).

// Evaluator evaluates the shell's expressions. Its zero value evaluates
// as erl_eval does without a local function handler: a call f(Args) of a
// function that is neither auto-imported from the erlang module nor known
// to the hooks raises error undef. It knows the records defined with
// DefineRecord. An Evaluator may be used by several processes at once
// (the funs it makes run in the processes that call them); it must not be
// copied after first use.
//
// The hooks are the shell's local function handler. They are tried, in
// this order, for every call f(Args) without a module, before the BIFs
// auto-imported from the erlang module, so that the shell can take over
// names (halt/0, for one). With either hook set, a local call that nobody
// handles raises error {shell_undef, F, Arity, []}, which the shell prints
// as "undefined shell command f/1".
type Evaluator struct {
	// LocalCall, if set, is given the call's argument expressions
	// unevaluated, as erl's shell gets them: f(X) needs the variable's
	// name, not its value. It may evaluate them with Eval, and read and
	// change the bindings b (f(X) deletes X); the bindings it leaves are
	// those after the call. It reports false for a name it does not
	// handle, leaving b as it was.
	LocalCall func(p *otp.Process, name term.Atom, args []Expr, b *Bindings) (term.Term, bool)
	// Local, if set, is given the values of the arguments, evaluated in
	// order. It reports false for a name it does not handle.
	Local func(p *otp.Process, name term.Atom, args []term.Term) (term.Term, bool)
	// MaxDepth bounds the nesting of calls of the evaluator's funs (0
	// means DefaultMaxDepth): a deeper call raises error system_limit
	// instead of exhausting Go's stack. The nesting of the evaluations of
	// expressions, in which calls nest, is bounded too, whatever MaxDepth
	// is; a fun whose body nests deeply (in try or case expressions, in
	// the arguments of calls) may reach that bound, and raise
	// system_limit, before MaxDepth.
	MaxDepth int

	// The record definitions (see DefineRecord).
	recMu sync.Mutex
	recs  atomic.Pointer[map[term.Atom]*RecordDef]
	// runs holds each process's evaluation under way (*evRun by
	// *otp.Process).
	runs sync.Map
}

// Exprs evaluates the expressions of a form, E1, ..., En., in order, as
// the shell does: each with the bindings the previous ones left. It
// returns the value of the last and the bindings after it.
//
// As erl's shell, it checks each expression before it evaluates it (see
// Check): an expression that uses an unbound variable is not evaluated,
// though the ones before it were. Such a command error is raised as error
// Reason, the reason erl_lint gives ({unbound_var, 'X'}, ...), with the
// stacktrace [{erl_lint, exprs, 3, [{line, L}, {column, C}]}];
// CommandErrorOf gets the *CommandError back from that exception. Every
// other exception is an error of the evaluation, raised as erl_eval raises
// it.
func (e *Evaluator) Exprs(p *otp.Process, exprs []Expr, b Bindings) (term.Term, Bindings) {
	pr, leave := e.enter(p)
	defer leave()
	var v term.Term
	for _, x := range exprs {
		if err := e.Check(x, b); err != nil {
			panic(err.exception())
		}
		v, b = e.eval(pr, x, b, false)
	}
	return v, b
}

// Eval evaluates one expression in the bindings b, without checking it
// first, and returns its value and the bindings after it.
func (e *Evaluator) Eval(p *otp.Process, x Expr, b Bindings) (term.Term, Bindings) {
	pr, leave := e.enter(p)
	defer leave()
	return e.eval(pr, x, b, false)
}

// enter starts an evaluation in p, and returns it with the function that
// ends it. The evaluation is registered as p's, so that a fun of the
// evaluator called back by a BIF (lists:map/2) goes on counting the depth
// from where the evaluation that called the BIF was.
func (e *Evaluator) enter(p *otp.Process) (*evRun, func()) {
	pr := &evRun{p: p}
	old, had := e.runs.Load(p)
	if had {
		pr.depth = old.(*evRun).depth
		pr.nest = old.(*evRun).nest
	}
	e.runs.Store(p, pr)
	return pr, func() {
		if had {
			e.runs.Store(p, old)
		} else {
			e.runs.Delete(p)
		}
	}
}

// evRun is an evaluation in a process: the process, the depth of the
// calls of the evaluator's funs that are under way, which MaxDepth
// bounds, and the number of evaluations of expressions under way, nested
// in each other, which evMaxNest bounds.
type evRun struct {
	p     *otp.Process
	depth int
	nest  int
}

// DefaultMaxDepth is the depth of nested calls of funs (calls in tail
// position do not nest) at which the evaluator raises error system_limit
// when MaxDepth is 0. Each level takes a few kilobytes of Go stack, whose
// size Go limits (to 1 GB on 64-bit machines); overrunning that would end
// the whole program.
const DefaultMaxDepth = 100000

// evMaxNest is the number of evaluations of expressions, nested in each
// other, at which the evaluator raises error system_limit, whatever
// MaxDepth is: an expression's evaluation recurses into its
// subexpressions', and a call of a fun that is not in tail position into
// the evaluation of the fun's body, through calls of BIFs such as
// lists:map/2 too. Each level takes from 1 to about 2.6 kilobytes of Go
// stack (3.4 with the race detector), measured with the costliest ways of
// nesting found (a fun calling itself through lists:foldl/3); at this
// bound the stack stays below 1 GB, Go's limit on 64-bit machines, beyond
// which the whole program dies.
const evMaxNest = 250000

// Stack frames of the evaluator's own errors.
var (
	evAtomErlEval = term.Atom("erl_eval")
	evStackExpr   = term.List{term.Tuple{evAtomErlEval, term.Atom("expr"), 6, term.List{}}}
)

func evError(reason term.Term) { evRaise(reason, evStackExpr) }

func evTag(tag string, v term.Term) term.Tuple { return term.Tuple{term.Atom(tag), v} }

// evTailCall is what a call in tail position of a fun's body evaluates to
// when it calls a fun of the evaluator: the fun's invocation loop makes
// the call, so that a loop written as a recursive fun runs in constant Go
// stack, as it does in Erlang.
type evTailCall struct {
	c    *evClosure
	args []term.Term
}

// eval evaluates x. When tail is set, x is in tail position of a fun's
// body, and a call of a fun of the evaluator is returned as an
// *evTailCall instead of being made.
func (e *Evaluator) eval(pr *evRun, x Expr, b Bindings, tail bool) (term.Term, Bindings) {
	if pr.nest >= evMaxNest {
		evRaise(evAtomSystemLimit, evStackExpr)
	}
	pr.nest++
	defer func() { pr.nest-- }()
	switch x := x.(type) {
	case *Lit:
		return x.Val, b
	case *Var:
		if v, ok := b.Get(x.Name); ok {
			return v, b
		}
		evError(evTag("unbound", term.Atom(x.Name)))
	case *Tuple:
		vs, nb := e.evalPar(pr, x.Elems, b)
		return term.Tuple(vs), nb
	case *List:
		return e.evalList(pr, x, b)
	case *Bin:
		return e.evalBin(pr, x, b)
	case *Map:
		return e.evalMap(pr, x, b)
	case *Match:
		v, b1 := e.eval(pr, x.Right, b, false)
		nb, ok := e.match(pr, x.Left, v, b1, b1)
		if !ok {
			evError(evTag("badmatch", v))
		}
		return v, nb
	case *BinOp:
		return e.evalBinOp(pr, x, b, tail)
	case *UnOp:
		v, nb := e.eval(pr, x.X, b, false)
		return UnaryOp(x.Op, v), nb
	case *Call:
		return e.evalCall(pr, x, b, tail)
	case *FunRef:
		return e.evalFunRef(pr, x, b)
	case *Fun:
		return e.makeFun(x, b), b
	case *Case:
		v, b1 := e.eval(pr, x.X, b, false)
		for i := range x.Clauses {
			c := &x.Clauses[i]
			if nb, ok := e.matchClause(pr, c, v, b1); ok {
				return e.body(pr, c.Body, nb, tail)
			}
		}
		evError(evTag("case_clause", v))
	case *If:
		for i := range x.Clauses {
			c := &x.Clauses[i]
			if e.guard(pr, c.Guards, b) {
				return e.body(pr, c.Body, b, tail)
			}
		}
		evError(term.Atom("if_clause"))
	case *Receive:
		return e.evalReceive(pr, x, b, tail)
	case *Try:
		return e.evalTry(pr, x, b)
	case *Catch:
		return e.evalCatch(pr, x, b)
	case *Block:
		return e.body(pr, x.Body, b, tail)
	case *ListComp:
		if x.Binary {
			return e.evalBinComp(pr, x, b), b
		}
		return e.evalListComp(pr, x, b), b
	case *Record:
		return e.evalRecord(pr, x, b)
	case *RecordIndex:
		return e.fieldIndex(e.record(x.Name), x.Field), b
	case *RecordAccess:
		v, nb := e.eval(pr, x.X, b, false)
		return e.recordAccess(v, x.Name, x.Field), nb
	case nil:
		evError(term.Tuple{term.Atom("badexpr"), term.Atom("nil")})
	default:
		if px := evPointer(x); px != nil {
			return e.eval(pr, px, b, tail)
		}
		evError(term.Tuple{term.Atom("badexpr"), term.Atom(reflect.TypeOf(x).String())})
	}
	panic("unreachable")
}

// evPointer returns a pointer to a copy of an expression given as a value
// of one of the AST's struct types, or nil.
func evPointer(x Expr) Expr {
	switch x := x.(type) {
	case Lit:
		return &x
	case Var:
		return &x
	case Tuple:
		return &x
	case List:
		return &x
	case Bin:
		return &x
	case Map:
		return &x
	case Match:
		return &x
	case BinOp:
		return &x
	case UnOp:
		return &x
	case Call:
		return &x
	case FunRef:
		return &x
	case Fun:
		return &x
	case Case:
		return &x
	case If:
		return &x
	case Receive:
		return &x
	case Try:
		return &x
	case Catch:
		return &x
	case Block:
		return &x
	case ListComp:
		return &x
	case Generator:
		return &x
	case BinGenerator:
		return &x
	case Record:
		return &x
	case RecordIndex:
		return &x
	case RecordAccess:
		return &x
	}
	return nil
}

// body evaluates a body E1, ..., En: in sequence, the last in tail
// position when tail is set.
func (e *Evaluator) body(pr *evRun, xs []Expr, b Bindings, tail bool) (term.Term, Bindings) {
	var v term.Term = term.Atom("ok")
	for i, x := range xs {
		v, b = e.eval(pr, x, b, tail && i == len(xs)-1)
	}
	return v, b
}

// evalPar evaluates expressions "in parallel", as erl_eval evaluates the
// elements of a tuple or the arguments of a call: in order, each in the
// bindings b, their new bindings merged.
func (e *Evaluator) evalPar(pr *evRun, xs []Expr, b Bindings) ([]term.Term, Bindings) {
	vs := make([]term.Term, len(xs))
	acc := b
	for i, x := range xs {
		v, nb := e.eval(pr, x, b, false)
		vs[i] = v
		acc = evMergeOrFail(b, acc, nb)
	}
	return vs, acc
}

func evMergeOrFail(orig, acc, nb Bindings) Bindings {
	acc, old, ok := evMerge(orig, acc, nb)
	if !ok {
		evError(evTag("badmatch", old))
	}
	return acc
}

func (e *Evaluator) evalList(pr *evRun, x *List, b Bindings) (term.Term, Bindings) {
	xs := x.Elems
	if x.Tail != nil {
		xs = append(append(make([]Expr, 0, len(xs)+1), xs...), x.Tail)
	}
	vs, nb := e.evalPar(pr, xs, b)
	if x.Tail == nil {
		return term.List(vs), nb
	}
	n := len(vs) - 1
	return term.Cons(vs[n], vs[:n]...), nb
}

func (e *Evaluator) evalMap(pr *evRun, x *Map, b Bindings) (term.Term, Bindings) {
	if x.Base == nil {
		m := term.Map{}
		cur := b
		for _, a := range x.Assocs {
			var k, v term.Term
			k, cur = e.eval(pr, a.Key, cur, false)
			v, cur = e.eval(pr, a.Val, cur, false)
			m = m.Put(k, v)
		}
		return m, cur
	}
	base, b1 := e.eval(pr, x.Base, b, false)
	type kv struct {
		k, v  term.Term
		exact bool
	}
	kvs := make([]kv, len(x.Assocs))
	cur := b
	for i, a := range x.Assocs {
		kvs[i].exact = a.Exact
		kvs[i].k, cur = e.eval(pr, a.Key, cur, false)
		kvs[i].v, cur = e.eval(pr, a.Val, cur, false)
	}
	nb := evMergeOrFail(b, b1, cur)
	m, ok := evNorm(base).(term.Map)
	if !ok {
		evRaise(evTag("badmap", base), term.List{term.Tuple{term.Atom("maps"), term.Atom("put"),
			term.List{term.Atom("k"), term.Atom("v"), base}, evNotAMap(3)}})
	}
	for _, a := range kvs {
		if a.exact {
			if _, ok := m.Get(a.k); !ok {
				evRaise(evTag("badkey", a.k), term.List{term.Tuple{term.Atom("maps"), term.Atom("update"),
					term.List{a.k, a.v, m}, evNotAMap(3)}})
			}
		}
		m = m.Put(a.k, a.v)
	}
	return m, nb
}

// evNotAMap is the stack frame information with which erl 25's maps
// functions explain a bad key or map: "*** argument N: not a map".
func evNotAMap(n int) term.List {
	return term.List{term.Tuple{term.Atom("error_info"), term.MapOf(
		term.Atom("module"), term.Atom("erl_stdlib_errors"),
		term.Atom("messages"), term.MapOf(n, "not a map"))}}
}

func (e *Evaluator) evalBinOp(pr *evRun, x *BinOp, b Bindings, tail bool) (term.Term, Bindings) {
	switch x.Op {
	case "andalso", "orelse":
		l, b1 := e.eval(pr, x.Left, b, false)
		lb, ok := evBool(l)
		if !ok {
			evError(evTag("badarg", l))
		}
		if lb == (x.Op == "orelse") {
			return term.Bool(lb), b1
		}
		r, _ := e.eval(pr, x.Right, b1, tail)
		return r, b1
	}
	vs, nb := e.evalPar(pr, []Expr{x.Left, x.Right}, b)
	if x.Op == "!" {
		if err := pr.p.SendTo(vs[0], vs[1]); err != nil {
			evOpError(evAtomBadarg, "!", vs[0], vs[1])
		}
		return vs[1], nb
	}
	return BinaryOp(x.Op, vs[0], vs[1]), nb
}

// Calls.

func (e *Evaluator) evalCall(pr *evRun, x *Call, b Bindings, tail bool) (term.Term, Bindings) {
	if f, ok := isFun2ms(x); ok {
		return fun2msCall(f, b, pr.p.Output()), b
	}
	if x.Module != nil {
		mf, b1 := e.evalPar(pr, []Expr{x.Module, x.Fun}, b)
		args, b2 := e.evalPar(pr, x.Args, b1)
		return e.applyMFA(pr, mf[0], mf[1], args), b2
	}
	if name, ok := evAtomLit(x.Fun); ok {
		return e.localCall(pr, name, x.Args, b)
	}
	f, b1 := e.eval(pr, x.Fun, b, false)
	args, b2 := e.evalPar(pr, x.Args, b1)
	if t, ok := f.(term.Tuple); ok && len(t) == 2 {
		_, ok1 := t[0].(term.Atom)
		_, ok2 := t[1].(term.Atom)
		if ok1 && ok2 {
			evError(evTag("badfun", f))
		}
	}
	return e.callFun(pr, f, args, tail), b2
}

func evAtomLit(x Expr) (term.Atom, bool) {
	switch l := x.(type) {
	case *Lit:
		a, ok := l.Val.(term.Atom)
		return a, ok
	case Lit:
		a, ok := l.Val.(term.Atom)
		return a, ok
	}
	return "", false
}

func (e *Evaluator) localCall(pr *evRun, name term.Atom, xs []Expr, b Bindings) (term.Term, Bindings) {
	if e.LocalCall != nil {
		nb := b
		if v, ok := e.LocalCall(pr.p, name, xs, &nb); ok {
			return v, nb
		}
	}
	args, nb := e.evalPar(pr, xs, b)
	if e.Local != nil {
		if v, ok := e.Local(pr.p, name, args); ok {
			return v, nb
		}
	}
	if name == "record_info" && len(args) == 2 {
		if v, ok := e.recordInfo(args); ok {
			return v, nb
		}
	}
	if evAutoImported[evFA{name, len(args)}] {
		return e.callBIF(pr, name, args), nb
	}
	if e.LocalCall == nil && e.Local == nil {
		evRaise(term.Atom("undef"), term.List{term.Tuple{evAtomErlEval, name, len(args), term.List{}}})
	}
	evRaise(term.Tuple{term.Atom("shell_undef"), name, len(args), term.List{}},
		term.List{term.Tuple{term.Atom("shell"), term.Atom("shell_undef"), 2, term.List{}}})
	return nil, nb
}

// callBIF calls the erlang module's function name, which is auto-imported.
func (e *Evaluator) callBIF(pr *evRun, name term.Atom, args []term.Term) term.Term {
	if name == "apply" {
		return e.apply(pr, args)
	}
	if name == "is_record" && len(args) == 2 {
		if tag, ok := args[1].(term.Atom); ok {
			if d := e.records()[tag]; d != nil {
				// is_record(R, Name) of a record the shell knows checks
				// its size too.
				args = []term.Term{args[0], tag, len(d.Fields) + 1}
			}
		}
	}
	if f, ok := code.Of(pr.p.Node()).Lookup(evAtomErlang, name, len(args)); ok {
		return f(pr.p, args)
	}
	if v, ok := e.erlangFallback(pr, name, args); ok {
		return v
	}
	evRaise(term.Atom("undef"), term.List{term.Tuple{evAtomErlang, name, term.List(args), term.List{}}})
	return nil
}

// apply is erlang:apply/2,3, which erl_eval does itself.
func (e *Evaluator) apply(pr *evRun, args []term.Term) term.Term {
	var f term.Term
	var list term.Term
	if len(args) == 3 {
		list = args[2]
	} else {
		f, list = args[0], args[1]
	}
	as, ok := evProperList(list)
	if !ok {
		evRaise(evAtomBadarg, term.List{term.Tuple{evAtomErlang, term.Atom("apply"), term.List(args), term.List{}}})
	}
	if len(args) == 3 {
		return e.applyMFA(pr, args[0], args[1], as)
	}
	return e.callFun(pr, f, as, false)
}

// applyMFA calls Module:Function(Args...).
func (e *Evaluator) applyMFA(pr *evRun, m, f term.Term, args []term.Term) term.Term {
	ma, ok1 := m.(term.Atom)
	fa, ok2 := f.(term.Atom)
	if !ok1 || !ok2 {
		n := 1
		if ok1 {
			n = 2
		}
		evRaise(evAtomBadarg, term.List{term.Tuple{evAtomErlang, term.Atom("apply"),
			term.List{m, f, term.List(args)},
			term.List{term.Tuple{term.Atom("error_info"), term.MapOf(
				term.Atom("module"), term.Atom("erl_erts_errors"),
				term.Atom("messages"), term.MapOf(n, "not an atom"))}}}})
	}
	if ma == evAtomErlang {
		if fa == "apply" && (len(args) == 2 || len(args) == 3) {
			return e.apply(pr, args)
		}
		if _, ok := code.Of(pr.p.Node()).Lookup(ma, fa, len(args)); !ok {
			// The operators and guard BIFs, when the erlang module
			// does not have them: erlang:'+'(1, 2).
			if v, ok := e.erlangFallback(pr, fa, args); ok {
				return v
			}
		}
	}
	return code.Of(pr.p.Node()).Apply(pr.p, ma, fa, args)
}

// erlangFallback computes the functions of the erlang module that the
// evaluator knows itself: the operators and the guard BIFs.
func (e *Evaluator) erlangFallback(pr *evRun, f term.Atom, args []term.Term) (term.Term, bool) {
	op := string(f)
	switch len(args) {
	case 1:
		switch op {
		case "-", "+", "not", "bnot":
			return UnaryOp(op, args[0]), true
		}
	case 2:
		switch op {
		case "+", "-", "*", "/", "div", "rem", "band", "bor", "bxor", "bsl", "bsr",
			"and", "or", "xor", "==", "/=", "=<", "<", ">=", ">", "=:=", "=/=", "++", "--":
			return BinaryOp(op, args[0], args[1]), true
		case "!":
			if err := pr.p.SendTo(args[0], args[1]); err != nil {
				evOpError(evAtomBadarg, "!", args[0], args[1])
			}
			return args[1], true
		}
	}
	if evGuardBIFs[evFA{f, len(args)}] {
		return evGuardBIF(pr, f, args), true
	}
	return nil, false
}

// callFun calls a fun. A fun of this evaluator's, called in tail
// position, is returned as an *evTailCall for its caller's loop to make.
func (e *Evaluator) callFun(pr *evRun, f term.Term, args []term.Term, tail bool) term.Term {
	if c := evClosureOf(f); c != nil && c.arity == len(args) {
		if tail {
			return &evTailCall{c, args}
		}
		return e.callClosure(pr, c, args)
	}
	return code.Of(pr.p.Node()).CallFun(pr.p, f, args)
}

// callClosure calls a fun of the evaluator, one level deeper.
func (e *Evaluator) callClosure(pr *evRun, c *evClosure, args []term.Term) term.Term {
	max := e.MaxDepth
	if max <= 0 {
		max = DefaultMaxDepth
	}
	if pr.depth >= max {
		evRaise(evAtomSystemLimit, term.List{term.Tuple{evAtomErlEval, term.Atom("eval_fun"), 8, term.List{}}})
	}
	pr.depth++
	v := c.invoke(pr, args)
	pr.depth--
	return v
}

func (e *Evaluator) evalFunRef(pr *evRun, x *FunRef, b Bindings) (term.Term, Bindings) {
	if x.Module == nil {
		name, _ := evAtomLit(x.Name)
		arity := 0
		if l, ok := x.Arity.(*Lit); ok {
			arity, _ = l.Val.(int)
		}
		evRaise(term.Atom("undef"), term.List{term.Tuple{evAtomErlEval, name, arity, term.List{}}})
	}
	vs, nb := e.evalPar(pr, []Expr{x.Module, x.Name, x.Arity}, b)
	m, ok1 := vs[0].(term.Atom)
	f, ok2 := vs[1].(term.Atom)
	a, ok3 := vs[2].(int)
	if !ok1 || !ok2 || !ok3 || a < 0 || a > 255 {
		evRaise(evAtomBadarg, term.List{term.Tuple{evAtomErlang, term.Atom("make_fun"), term.List(vs), term.List{}}})
	}
	return term.ExportFun{Module: m, Function: f, Arity: a}, nb
}

// Funs.

// evClosure is a fun the evaluator made: the fun expression and the
// bindings it captured. It is the single element of the fun's Env, and
// stands there for the term {Code, Bindings}, where Code is the fun's
// code, positions included: two funs are equal when they come from the
// same fun expression (or the same text at the same place) with the same
// values of the variables they use, as erl_eval's funs, whose environment
// holds their abstract code and bindings.
type evClosure struct {
	ev    *Evaluator
	fun   *Fun
	env   Bindings
	arity int
	base  Bindings // env, and a named fun's name bound to the fun
}

// Term returns the term the closure stands for in comparisons.
func (c *evClosure) Term() term.Term {
	return term.Tuple{evCodeKey(c.fun), c.env.Term()}
}

// evCodeKey returns a text that is the same for two expressions exactly
// when they are the same code written at the same place.
func evCodeKey(x Expr) string {
	var sb strings.Builder
	var walk func(v reflect.Value)
	walk = func(v reflect.Value) {
		switch v.Kind() {
		case reflect.Pointer, reflect.Interface:
			if v.IsNil() {
				sb.WriteString("nil")
				return
			}
			if v.Kind() == reflect.Interface {
				if t, ok := v.Interface().(term.Term); ok && !evIsNode(t) {
					sb.WriteString(fmt.Sprintf("%T:", t))
					sb.WriteString(term.Write(t))
					return
				}
			}
			walk(v.Elem())
		case reflect.Struct:
			sb.WriteString(v.Type().Name())
			sb.WriteByte('{')
			for i := range v.NumField() {
				walk(v.Field(i))
				sb.WriteByte(',')
			}
			sb.WriteByte('}')
		case reflect.Slice:
			sb.WriteByte('[')
			for i := range v.Len() {
				walk(v.Index(i))
				sb.WriteByte(',')
			}
			sb.WriteByte(']')
		case reflect.String:
			sb.WriteString(strconv.Quote(v.String()))
		case reflect.Int, reflect.Int64, reflect.Int32:
			sb.WriteString(strconv.FormatInt(v.Int(), 10))
		case reflect.Bool:
			sb.WriteString(strconv.FormatBool(v.Bool()))
		default:
			sb.WriteString(fmt.Sprint(v.Interface()))
		}
	}
	walk(reflect.ValueOf(x))
	return sb.String()
}

// evIsNode reports whether v is a node of the syntax tree.
func evIsNode(v any) bool {
	_, ok := v.(Expr)
	return ok
}

// evFunUniq is the Uniq of erl_eval's funs in OTP 25, which the shell
// prints in #Fun<erl_eval.42.3316493>.
const evFunUniq = 3316493

// evMaxFunArity is the largest arity erl_eval's funs have.
const evMaxFunArity = 20

func (e *Evaluator) makeFun(x *Fun, b Bindings) term.Term {
	arity := 0
	if len(x.Clauses) > 0 {
		arity = len(x.Clauses[0].Patterns)
	}
	if arity > evMaxFunArity {
		kind := term.Atom("fun")
		if x.Name != "" {
			kind = "named_fun"
		}
		evError(evTag("argument_limit", term.Tuple{kind, x.Line(), term.List{}}))
	}
	c := &evClosure{ev: e, fun: x, env: evCapture(x, b), arity: arity}
	index := 43 - arity
	if x.Name != "" {
		index = 20 - arity
	}
	f := term.LocalFun{
		Module: evAtomErlEval,
		Index:  uint32(index),
		Uniq:   evFunUniq,
		Arity:  arity,
		Env:    []term.Term{c},
		Value: code.Func(func(p *otp.Process, args []term.Term) term.Term {
			pr, leave := c.ev.enter(p)
			defer leave()
			return c.ev.callClosure(pr, c, args)
		}),
	}
	c.base = c.env
	if x.Name != "" {
		c.base.Set(x.Name, f)
	}
	return f
}

// evCapture returns the bindings of b that the fun uses: a fun keeps only
// the variables it refers to, as erl_eval's funs do.
func evCapture(x *Fun, b Bindings) Bindings {
	if b.Len() == 0 {
		return b
	}
	var env Bindings
	evWalk(x, func(y Expr) {
		if v, ok := y.(*Var); ok && v.Name != x.Name {
			if _, seen := env.Get(v.Name); !seen {
				if val, ok := b.Get(v.Name); ok {
					env.Set(v.Name, val)
				}
			}
		}
	})
	return env
}

// evClosureOf returns the closure of a fun this package made, or nil.
func evClosureOf(f term.Term) *evClosure {
	var lf *term.LocalFun
	switch v := f.(type) {
	case term.LocalFun:
		lf = &v
	case *term.LocalFun:
		lf = v
	default:
		return nil
	}
	if lf == nil || lf.Module != evAtomErlEval || len(lf.Env) != 1 {
		return nil
	}
	c, _ := lf.Env[0].(*evClosure)
	return c
}

// invoke calls the fun with args: the first clause whose patterns match
// and whose guard holds runs, with the head's variables shadowing those
// the fun captured. Calls in tail position of the body loop here.
func (c *evClosure) invoke(pr *evRun, args []term.Term) term.Term {
	for {
		cl, nb := c.ev.selectFunClause(pr, c.fun.Clauses, args, c.base)
		if cl == nil {
			evRaise(term.Atom("function_clause"), term.List{
				term.Tuple{evAtomErlEval, term.Atom("-inside-an-interpreted-fun-"), term.List(args), term.List{}},
				term.Tuple{evAtomErlEval, term.Atom("eval_fun"), 8, term.List{}},
			})
		}
		v, _ := c.ev.body(pr, cl.Body, nb, true)
		tc, ok := v.(*evTailCall)
		if !ok {
			return v
		}
		c, args = tc.c, tc.args
	}
}

func (e *Evaluator) selectFunClause(pr *evRun, cls []Clause, args []term.Term, base Bindings) (*Clause, Bindings) {
	for i := range cls {
		cl := &cls[i]
		if len(cl.Patterns) != len(args) {
			continue
		}
		var fresh Bindings
		ok := true
		for j, pat := range cl.Patterns {
			if fresh, ok = e.match(pr, pat, args[j], fresh, base); !ok {
				break
			}
		}
		if !ok {
			continue
		}
		nb := base.add(fresh)
		if e.guard(pr, cl.Guards, nb) {
			return cl, nb
		}
	}
	return nil, Bindings{}
}

// matchClause matches a case, receive or try clause's single pattern
// against v, in the bindings b, and tests its guard.
func (e *Evaluator) matchClause(pr *evRun, c *Clause, v term.Term, b Bindings) (Bindings, bool) {
	if len(c.Patterns) != 1 {
		return b, false
	}
	nb, ok := e.match(pr, c.Patterns[0], v, b, b)
	if !ok || !e.guard(pr, c.Guards, nb) {
		return b, false
	}
	return nb, true
}

// Receive.

func (e *Evaluator) evalReceive(pr *evRun, x *Receive, b Bindings, tail bool) (term.Term, Bindings) {
	timeout := otp.Infinity
	bt := b
	if x.After != nil {
		var t term.Term
		t, bt = e.eval(pr, x.After, b, false)
		timeout = evTimeout(t)
	}
	chosen := -1
	var cb Bindings
	match := func(msg any) bool {
		v := evNorm(msg)
		for i := range x.Clauses {
			if nb, ok := e.matchClause(pr, &x.Clauses[i], v, b); ok {
				chosen, cb = i, nb
				return true
			}
		}
		return false
	}
	if _, ok := pr.p.ReceiveMatch(match, timeout); !ok {
		return e.body(pr, x.AfterBody, bt, tail)
	}
	return e.body(pr, x.Clauses[chosen].Body, cb, tail)
}

// evMaxTimeout is the longest receive timeout, in milliseconds, that
// erl's receive accepts.
const evMaxTimeout = 1<<32 - 1

// evTimeout converts a receive timeout: infinity, or milliseconds from 0
// to evMaxTimeout; any other value raises error timeout_value, as erl's
// receive does.
func evTimeout(t term.Term) time.Duration {
	if t == term.Atom("infinity") {
		return otp.Infinity
	}
	if n, kind := evNum(t); kind == evSmall {
		if ms := n.(int); ms >= 0 && ms <= evMaxTimeout {
			return time.Duration(ms) * time.Millisecond
		}
	}
	evRaise(term.Atom("timeout_value"), term.List{term.Tuple{term.Atom("prim_eval"), term.Atom("receive"), 2, term.List{}}})
	return 0
}

// Try and catch.

func (e *Evaluator) evalTry(pr *evRun, x *Try, b Bindings) (v term.Term, nb Bindings) {
	depth := pr.depth
	exc := otp.Catch(func() { v, nb = e.body(pr, x.Body, b, false) })
	pr.depth = depth
	if exc == nil {
		if len(x.Of) > 0 {
			bv := nb
			exc = otp.Catch(func() {
				for i := range x.Of {
					if cb, ok := e.matchClause(pr, &x.Of[i], v, bv); ok {
						v, nb = e.body(pr, x.Of[i].Body, cb, false)
						return
					}
				}
				evError(evTag("try_clause", v))
			})
			pr.depth = depth
		}
	} else {
		stack := exc.Stack
		if stack == nil {
			stack = term.List{}
		}
		for i := range x.Catch {
			cc := &x.Catch[i]
			cb, ok := e.matchCatch(pr, cc, exc.Class.Atom(), exc.Reason, stack, b)
			if !ok {
				continue
			}
			exc = otp.Catch(func() { v, nb = e.body(pr, cc.Body, cb, false) })
			pr.depth = depth
			break
		}
	}
	if len(x.After) > 0 {
		e.body(pr, x.After, b, false)
	}
	if exc != nil {
		panic(exc)
	}
	return v, nb
}

func (e *Evaluator) matchCatch(pr *evRun, cc *CatchClause, class term.Atom, reason term.Term, stack term.List, b Bindings) (Bindings, bool) {
	nb := b
	ok := true
	if cc.Class == nil {
		ok = class == "throw"
	} else {
		nb, ok = e.match(pr, cc.Class, class, nb, b)
	}
	if ok {
		nb, ok = e.match(pr, cc.Pattern, reason, nb, b)
	}
	if ok && cc.Stack != nil {
		nb, ok = e.match(pr, cc.Stack, stack, nb, b)
	}
	if !ok || !e.guard(pr, cc.Guards, nb) {
		return b, false
	}
	return nb, true
}

func (e *Evaluator) evalCatch(pr *evRun, x *Catch, b Bindings) (v term.Term, nb Bindings) {
	depth := pr.depth
	exc := otp.Catch(func() { v, nb = e.eval(pr, x.X, b, false) })
	pr.depth = depth
	if exc == nil {
		return v, nb
	}
	switch exc.Class {
	case otp.ClassThrow:
		return exc.Reason, b
	case otp.ClassExit:
		return term.Tuple{term.Atom("EXIT"), exc.Reason}, b
	}
	stack := exc.Stack
	if stack == nil {
		stack = term.List{}
	}
	return term.Tuple{term.Atom("EXIT"), term.Tuple{exc.Reason, stack}}, b
}

// List and binary comprehensions.

func (e *Evaluator) evalListComp(pr *evRun, x *ListComp, b Bindings) term.List {
	out := term.List{}
	e.comprehend(pr, x, b, func(v term.Term) { out = append(out, v) })
	return out
}

// evalBinComp evaluates a binary comprehension: the bitstrings its element
// gives, joined; an element that is not a bitstring fails as erl_eval's
// <<Acc/bitstring, V/bitstring>> does.
func (e *Evaluator) evalBinComp(pr *evRun, x *ListComp, b Bindings) term.Term {
	var w evBitWriter
	e.comprehend(pr, x, b, func(v term.Term) {
		data, nbits, ok := evBits(v)
		if !ok {
			info := term.MapOf(
				term.Atom("cause"), term.Tuple{2, term.Atom("binary"), term.Atom("type"), v},
				term.Atom("function"), term.Atom("format_bs_fail"),
				term.Atom("module"), term.Atom("erl_erts_errors"),
				term.Atom("messages"), term.MapOf(term.Atom("reason"), "construction of binary failed"),
			)
			evRaise(evAtomBadarg, term.List{
				term.Tuple{evAtomErlEval, term.Atom("eval_bc1"), 7, term.List{term.Tuple{term.Atom("error_info"), info}}},
				term.Tuple{evAtomErlEval, term.Atom("eval_generate"), 8, term.List{}},
				term.Tuple{evAtomErlEval, term.Atom("eval_bc"), 7, term.List{}},
				term.Tuple{evAtomErlEval, term.Atom("expr"), 6, term.List{}},
			})
		}
		w.putBits(data, 0, nbits)
	})
	return term.NewBitString(w.buf, w.n)
}

// comprehend runs the qualifiers of a comprehension, and gives emit the
// value of its element for each combination they let through, in order.
func (e *Evaluator) comprehend(pr *evRun, x *ListComp, b Bindings, emit func(term.Term)) {
	var quals func(i int, b Bindings)
	quals = func(i int, b Bindings) {
		if i == len(x.Quals) {
			v, _ := e.eval(pr, x.Elem, b, false)
			emit(v)
			return
		}
		q := x.Quals[i]
		if px := evPointer(q); px != nil {
			q = px
		}
		switch q := q.(type) {
		case *Generator:
			l, _ := e.eval(pr, q.List, b, false)
			for {
				if evIsNil(l) {
					return
				}
				h, t, ok := evUncons(l)
				if !ok {
					evRaise(evTag("bad_generator", l), term.List{term.Tuple{evAtomErlEval, term.Atom("eval_generate"), 8, term.List{}}})
				}
				if nb, ok := e.match(pr, q.Pattern, h, Bindings{}, b); ok {
					quals(i+1, b.add(nb))
				}
				l = t
			}
		case *BinGenerator:
			bin, _ := e.eval(pr, q.Bin, b, false)
			data, nbits, ok := evBits(bin)
			if !ok {
				evRaise(evTag("bad_generator", bin), term.List{term.Tuple{evAtomErlEval, term.Atom("eval_b_generate"), 8, term.List{}}})
			}
			pat, ok := q.Pattern.(*Bin)
			if !ok {
				if pv, ok2 := q.Pattern.(Bin); ok2 {
					pat, ok = &pv, true
				}
			}
			if !ok {
				evError(evTag("illegal_pattern", term.Atom("generator")))
			}
			r := evBitReader{data: data, end: nbits}
			for r.off < r.end {
				nb, matched, more := e.matchBinGen(pr, pat, &r, b)
				if !more {
					return
				}
				if matched {
					quals(i+1, b.add(nb))
				}
			}
		default:
			if evIsGuardTest(q) {
				if e.guardTest(pr, q, b) {
					quals(i+1, b)
				}
				return
			}
			v, nb := e.eval(pr, q, b, false)
			switch t, ok := evBool(v); {
			case ok && t:
				quals(i+1, nb)
			case ok:
			default:
				evRaise(evTag("bad_filter", v), term.List{term.Tuple{evAtomErlEval, term.Atom("eval_filter"), 7, term.List{}}})
			}
		}
	}
	quals(0, b)
}

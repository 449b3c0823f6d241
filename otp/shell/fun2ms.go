package shell

import (
	"fmt"
	"io"
	"strconv"

	"github.com/scalability-go/otpbook/otp/term"
)

// ets:fun2ms/1 is a parse transform in Erlang: the compiler, or erl's shell
// for a call it is about to evaluate, turns the source of a literal fun
// into a match specification. The evaluator does the same for a call
// ets:fun2ms(fun ... end) whose argument is a fun literal: fun2ms below is
// that translation. As in erl, variables of the fun's head become '$1',
// '$2', ... in the order they appear, '_' stays '_', a variable bound to
// the whole head (fun({_, b} = O) -> O end) is '$_', object() is '$_' and
// bindings() '$*', a variable bound in the shell is {const, Value}, and
// tuples in guards and bodies are written {{...}}. What cannot be
// translated prints "Error: ..." and gives {error, transform_error}.

// fun2msClause holds the translation of one clause.
type fun2msClause struct {
	vars  map[string]term.Atom // head variables: '$N'
	whole string               // the variable bound to the whole object
	shell Bindings
	next  int
}

type fun2msError string

// isFun2ms reports whether a call is ets:fun2ms(Fun) with a literal fun.
func isFun2ms(x *Call) (*Fun, bool) {
	if x.Module == nil || len(x.Args) != 1 {
		return nil, false
	}
	m, ok1 := evAtomLit(x.Module)
	f, ok2 := evAtomLit(x.Fun)
	fn, ok3 := x.Args[0].(*Fun)
	if !ok1 || !ok2 || !ok3 || m != "ets" || f != "fun2ms" {
		return nil, false
	}
	return fn, true
}

// fun2msCall evaluates ets:fun2ms(Fun): the match specification, or
// {error, transform_error} after printing why to out.
func fun2msCall(f *Fun, b Bindings, out io.Writer) term.Term {
	ms, err := fun2ms(f, b)
	if err != "" {
		fmt.Fprintf(out, "Error: %s\n", err)
		return term.Tuple{term.Atom("error"), term.Atom("transform_error")}
	}
	return ms
}

// fun2ms translates a fun into a match specification.
func fun2ms(f *Fun, b Bindings) (ms term.List, err fun2msError) {
	defer func() {
		if r := recover(); r != nil {
			e, ok := r.(fun2msError)
			if !ok {
				panic(r)
			}
			ms, err = nil, e
		}
	}()
	ms = term.List{}
	for i := range f.Clauses {
		c := &f.Clauses[i]
		if len(c.Patterns) != 1 {
			panic(fun2msError("ets:fun2ms requires fun with single variable or tuple parameter"))
		}
		t := &fun2msClause{vars: map[string]term.Atom{}, shell: b}
		head := t.head(c.Patterns[0])
		body := make(term.List, len(c.Body))
		for j, x := range c.Body {
			body[j] = t.expr(x, "body")
		}
		if len(c.Guards) == 0 {
			ms = append(ms, term.Tuple{head, term.List{}, body})
			continue
		}
		for _, conj := range c.Guards {
			guard := make(term.List, len(conj))
			for j, x := range conj {
				guard[j] = t.expr(x, "guard")
			}
			ms = append(ms, term.Tuple{head, guard, body})
		}
	}
	return ms, ""
}

// head translates the head: a variable, a tuple, or either bound to a
// variable that stands for the whole object.
func (t *fun2msClause) head(x Expr) term.Term {
	if m, ok := x.(*Match); ok {
		if v, ok := m.Right.(*Var); ok {
			t.whole = v.Name
			return t.head(m.Left)
		}
		if v, ok := m.Left.(*Var); ok {
			t.whole = v.Name
			return t.head(m.Right)
		}
	}
	switch x.(type) {
	case *Var, *Tuple:
		return t.pattern(x)
	}
	panic(fun2msError("ets:fun2ms requires fun with single variable or tuple parameter"))
}

// pattern translates a part of the head.
func (t *fun2msClause) pattern(x Expr) term.Term {
	switch x := x.(type) {
	case *Lit:
		return x.Val
	case *Var:
		if x.Name == "_" {
			return term.Atom("_")
		}
		if v, ok := t.vars[x.Name]; ok {
			return v
		}
		if v, ok := t.shell.Get(x.Name); ok {
			return v
		}
		t.next++
		v := term.Atom("$" + strconv.Itoa(t.next))
		t.vars[x.Name] = v
		return v
	case *Tuple:
		tu := make(term.Tuple, len(x.Elems))
		for i, e := range x.Elems {
			tu[i] = t.pattern(e)
		}
		return tu
	case *List:
		elems := make([]term.Term, len(x.Elems))
		for i, e := range x.Elems {
			elems[i] = t.pattern(e)
		}
		if x.Tail == nil {
			return term.List(elems)
		}
		return term.Cons(t.pattern(x.Tail), elems...)
	}
	panic(fun2msError("fun head contains a pattern that cannot be translated into match_spec"))
}

// fun2msOps are the operators a match specification knows.
var fun2msOps = map[string]bool{
	"+": true, "-": true, "*": true, "/": true, "div": true, "rem": true,
	"band": true, "bor": true, "bxor": true, "bsl": true, "bsr": true, "bnot": true,
	"and": true, "or": true, "xor": true, "not": true, "andalso": true, "orelse": true,
	"==": true, "/=": true, "=<": true, "<": true, ">=": true, ">": true, "=:=": true, "=/=": true,
}

// fun2msBIFs are the functions a match specification can call, by arity.
var fun2msBIFs = map[string]int{
	"is_atom": 1, "is_float": 1, "is_integer": 1, "is_list": 1, "is_number": 1,
	"is_pid": 1, "is_port": 1, "is_reference": 1, "is_tuple": 1, "is_map": 1,
	"is_binary": 1, "is_function": 1, "is_record": 3, "is_map_key": 2, "map_get": 2,
	"abs": 1, "element": 2, "hd": 1, "tl": 1, "length": 1, "node": 0, "round": 1,
	"size": 1, "map_size": 1, "byte_size": 1, "bit_size": 1, "trunc": 1, "float": 1,
	"binary_part": 3, "self": 0,
}

// expr translates a guard or body expression; where is "guard" or "body".
func (t *fun2msClause) expr(x Expr, where string) term.Term {
	switch x := x.(type) {
	case *Lit:
		return x.Val
	case *Var:
		if x.Name == t.whole {
			return term.Atom("$_")
		}
		if v, ok := t.vars[x.Name]; ok {
			return v
		}
		if v, ok := t.shell.Get(x.Name); ok {
			return term.Tuple{term.Atom("const"), v}
		}
		panic(fun2msError(fmt.Sprintf("variable '%s' is unbound", x.Name)))
	case *Tuple:
		tu := make(term.Tuple, len(x.Elems))
		for i, e := range x.Elems {
			tu[i] = t.expr(e, where)
		}
		return term.Tuple{tu}
	case *List:
		elems := make([]term.Term, len(x.Elems))
		for i, e := range x.Elems {
			elems[i] = t.expr(e, where)
		}
		if x.Tail == nil {
			return term.List(elems)
		}
		return term.Cons(t.expr(x.Tail, where), elems...)
	case *BinOp:
		if !fun2msOps[x.Op] {
			panic(fun2msError(fmt.Sprintf("the operator %s cannot be translated into match_spec", x.Op)))
		}
		return term.Tuple{term.Atom(x.Op), t.expr(x.Left, where), t.expr(x.Right, where)}
	case *UnOp:
		if !fun2msOps[x.Op] {
			panic(fun2msError(fmt.Sprintf("the operator %s cannot be translated into match_spec", x.Op)))
		}
		return term.Tuple{term.Atom(x.Op), t.expr(x.X, where)}
	case *Call:
		return t.call(x, where)
	case *Map:
		if x.Base == nil {
			kv := make([]term.Term, 0, 2*len(x.Assocs))
			for _, a := range x.Assocs {
				if a.Exact {
					break
				}
				kv = append(kv, t.expr(a.Key, where), t.expr(a.Val, where))
			}
			if len(kv) == 2*len(x.Assocs) {
				return term.MapOf(kv...)
			}
		}
	}
	panic(fun2msError("fun contains an expression that cannot be translated into match_spec"))
}

// call translates a call: object(), bindings(), or a function a match
// specification knows.
func (t *fun2msClause) call(x *Call, where string) term.Term {
	name, ok := evAtomLit(x.Fun)
	if x.Module != nil {
		if m, ok1 := evAtomLit(x.Module); !ok1 || m != "erlang" || !ok {
			panic(fun2msError(fmt.Sprintf("fun containing a remote function call (called in %s) cannot be translated into match_spec", where)))
		}
	}
	if !ok {
		panic(fun2msError(fmt.Sprintf("fun containing a call of a fun (called in %s) cannot be translated into match_spec", where)))
	}
	switch {
	case x.Module == nil && name == "object" && len(x.Args) == 0:
		return term.Atom("$_")
	case x.Module == nil && name == "bindings" && len(x.Args) == 0:
		return term.Atom("$*")
	}
	if arity, ok := fun2msBIFs[string(name)]; !ok || arity != len(x.Args) {
		panic(fun2msError(fmt.Sprintf("fun containing the local function call '%s/%d' (called in %s) cannot be translated into match_spec", name, len(x.Args), where)))
	}
	call := term.Tuple{name}
	for _, a := range x.Args {
		call = append(call, t.expr(a, where))
	}
	return call
}

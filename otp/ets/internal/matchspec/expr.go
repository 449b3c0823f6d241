package matchspec

import (
	"github.com/scalability-go/otpbook/otp/term"
)

// state is the scratch space of one run: the object, the variables'
// values by slot, and the pid self() evaluates to.
type state struct {
	obj  term.Term
	self term.Pid
	b    []term.Term
}

// An evalFn evaluates a compiled guard or body expression. ok is false
// when evaluation raised an error; body expressions never return false,
// since a failing call in a body evaluates to 'EXIT'.
type evalFn func(s *state) (v term.Term, ok bool)

// exprCompiler compiles the guards or the body of one clause.
type exprCompiler struct {
	head   *headInfo
	sorted []int // slots in increasing variable number, for '$$'
	body   bool  // compiling the body: failing calls give 'EXIT'
}

// constant is an expression whose value is known at compile time.
type constant struct{ v term.Term }

// expr compiles one expression. It returns a constant when the value is
// known without running, so that enclosing lists and tuples can be built
// once.
func (c *exprCompiler) expr(e term.Term) (evalFn, *constant, error) {
	switch v := e.(type) {
	case term.Atom:
		switch v {
		case "$_":
			return func(s *state) (term.Term, bool) { return s.obj, true }, nil, nil
		case "$$":
			return c.allVars(), nil, nil
		}
		if n := variable(v); n >= 0 {
			slot, ok := c.head.slots[n]
			if !ok {
				return nil, nil, errorf("Variable $%d is unbound.", n)
			}
			return func(s *state) (term.Term, bool) { return s.b[slot], true }, nil, nil
		}
		return constFn(e)
	case term.Tuple:
		return c.tuple(v)
	case term.List:
		return c.list(e, v, nil, false)
	case term.ImproperList:
		return c.list(e, v.Elems, v.Tail, true)
	case term.Map:
		return c.mapExpr(v)
	}
	return constFn(e)
}

func constFn(v term.Term) (evalFn, *constant, error) {
	return func(*state) (term.Term, bool) { return v, true }, &constant{v}, nil
}

func (c *exprCompiler) allVars() evalFn {
	order := c.sorted
	if len(order) == 0 {
		return func(*state) (term.Term, bool) { return nilT, true }
	}
	return func(s *state) (term.Term, bool) {
		l := make(term.List, len(order))
		for i, slot := range order {
			l[i] = s.b[slot]
		}
		return l, true
	}
}

// exprs compiles a sequence of expressions, reporting whether all of them
// are constants (and then their values).
func (c *exprCompiler) exprs(es []term.Term) ([]evalFn, []term.Term, error) {
	fns := make([]evalFn, len(es))
	vals := make([]term.Term, len(es))
	allConst := true
	for i, e := range es {
		f, k, err := c.expr(e)
		if err != nil {
			return nil, nil, err
		}
		fns[i] = f
		if k != nil {
			vals[i] = k.v
		} else {
			allConst = false
		}
	}
	if !allConst {
		vals = nil
	}
	return fns, vals, nil
}

func (c *exprCompiler) list(whole term.Term, elems []term.Term, tailExpr term.Term, improper bool) (evalFn, *constant, error) {
	fns, vals, err := c.exprs(elems)
	if err != nil {
		return nil, nil, err
	}
	var tail evalFn
	var tailConst *constant
	if improper {
		if tail, tailConst, err = c.expr(tailExpr); err != nil {
			return nil, nil, err
		}
	}
	if (vals != nil || len(elems) == 0) && (!improper || tailConst != nil) {
		if !improper {
			if len(elems) == 0 {
				return constFn(whole)
			}
			return constFn(term.List(vals))
		}
		return constFn(term.Cons(tailConst.v, vals...))
	}
	return func(s *state) (term.Term, bool) {
		out := make([]term.Term, len(fns))
		for i, f := range fns {
			v, ok := f(s)
			if !ok {
				return nil, false
			}
			out[i] = v
		}
		if tail == nil {
			return term.List(out), true
		}
		t, ok := tail(s)
		if !ok {
			return nil, false
		}
		return term.Cons(t, out...), true
	}, nil, nil
}

func (c *exprCompiler) mapExpr(m term.Map) (evalFn, *constant, error) {
	var keys, vals []term.Term
	for k, v := range m.All() {
		keys = append(keys, k)
		vals = append(vals, v)
	}
	kf, kc, err := c.exprs(keys)
	if err != nil {
		return nil, nil, err
	}
	vf, vc, err := c.exprs(vals)
	if err != nil {
		return nil, nil, err
	}
	if (kc != nil || len(keys) == 0) && (vc != nil || len(vals) == 0) {
		entries := make([]term.MapEntry, len(keys))
		for i := range keys {
			entries[i] = term.MapEntry{Key: kc[i], Value: vc[i]}
		}
		return constFn(term.NewMap(entries...))
	}
	return func(s *state) (term.Term, bool) {
		entries := make([]term.MapEntry, len(kf))
		for i := range kf {
			k, ok := kf[i](s)
			if !ok {
				return nil, false
			}
			v, ok := vf[i](s)
			if !ok {
				return nil, false
			}
			entries[i] = term.MapEntry{Key: k, Value: v}
		}
		return term.NewMap(entries...), true
	}, nil, nil
}

// tuple compiles {{E1, ..., En}} (a tuple), {const, T} and calls
// {F, A1, ..., An}.
func (c *exprCompiler) tuple(v term.Tuple) (evalFn, *constant, error) {
	if len(v) == 1 {
		if inner, ok := v[0].(term.Tuple); ok {
			fns, vals, err := c.exprs(inner)
			if err != nil {
				return nil, nil, err
			}
			if vals != nil || len(inner) == 0 {
				if len(inner) == 0 {
					return constFn(term.Tuple{})
				}
				return constFn(term.Tuple(vals))
			}
			return func(s *state) (term.Term, bool) {
				out := make(term.Tuple, len(fns))
				for i, f := range fns {
					x, ok := f(s)
					if !ok {
						return nil, false
					}
					out[i] = x
				}
				return out, true
			}, nil, nil
		}
	}
	var name term.Term = term.Atom("")
	ok := false
	if len(v) > 0 {
		name, ok = v[0].(term.Atom)
	}
	if !ok || variable(name.(term.Atom)) >= 0 {
		return nil, nil, errorf("%s is neither a function call, nor a tuple (tuples are written {{ ... }}).", show(v))
	}
	return c.call(v, name.(term.Atom), v[1:])
}

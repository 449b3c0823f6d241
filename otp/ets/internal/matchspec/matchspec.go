package matchspec

import (
	"sync"

	"github.com/scalability-go/otpbook/otp/term"
)

// Spec is a compiled match specification. It is immutable and safe for
// concurrent use.
type Spec struct {
	clauses []clause
	nslots  int // the most variables any clause binds
	pool    sync.Pool
}

type clause struct {
	head   term.Term // canonical, for Key
	match  matchFn   // nil: matches anything
	quick  matchFn   // a test that binds nothing and rejects most objects the head rejects; nil: none
	guards []evalFn
	body   evalFn // the last body expression; the others cannot matter

	bodyTerms []term.Term // canonical, for KeepsKey
}

// Compile checks a match specification, a list of {Head, Guards, Body} as
// ets:select takes it, and compiles it. A bad one is an error wrapping
// term.ErrBadarg (an *Error saying what is wrong, in ERTS's words).
//
// The empty list compiles to a specification that matches nothing, as
// ets:select(T, []) returns []; ets:match_spec_compile([]) raises badarg,
// which its caller must check for.
func Compile(ms term.Term) (*Spec, error) {
	c, err := canon(ms, 0)
	if err != nil {
		return nil, err
	}
	var progs []term.Term
	switch v := c.(type) {
	case term.List:
		progs = v
	case string:
		if v != "" {
			return nil, errorf("Match program part is not a tuple of arity 3.")
		}
	case term.ImproperList:
		return nil, errorf("Match programs are not in a proper list.")
	default:
		return nil, errorf("Match programs are not in a list.")
	}
	s := &Spec{clauses: make([]clause, 0, len(progs))}
	for _, p := range progs {
		tp, ok := p.(term.Tuple)
		if !ok || len(tp) != 3 {
			return nil, errorf("Match program part is not a tuple of arity 3.")
		}
		cl, n, err := compileClause(tp[0], tp[1], tp[2])
		if err != nil {
			return nil, err
		}
		s.clauses = append(s.clauses, cl)
		s.nslots = max(s.nslots, n)
	}
	s.pool.New = func() any {
		return &state{b: make([]term.Term, s.nslots)}
	}
	return s, nil
}

// listElems returns the elements of a proper list; ok is false for any
// other term, proper is false for an improper list.
func listElems(t term.Term) (elems []term.Term, ok, proper bool) {
	switch v := t.(type) {
	case term.List:
		return v, true, true
	case string:
		for _, r := range v {
			elems = append(elems, int(r))
		}
		return elems, true, true
	case term.ImproperList:
		return nil, true, false
	}
	return nil, false, false
}

func compileClause(head, guards, body term.Term) (clause, int, error) {
	h := &headInfo{slots: map[int]int{}}
	m, err := h.compile(head)
	if err != nil {
		return clause{}, 0, err
	}
	cl := clause{head: head, match: m, quick: quickFilter(head)}
	gs, ok, proper := listElems(guards)
	if !ok {
		return clause{}, 0, errorf("Match expression is not a list.")
	}
	if !proper {
		return clause{}, 0, errorf("Match expression is not a proper list.")
	}
	sorted := h.sorted()
	gc := &exprCompiler{head: h, sorted: sorted}
	for _, g := range gs {
		f, k, err := gc.expr(g)
		if err != nil {
			return clause{}, 0, err
		}
		if k != nil {
			if isTrue(k.v) {
				continue // a guard that is always true
			}
		}
		cl.guards = append(cl.guards, f)
	}
	bs, ok, proper := listElems(body)
	if !ok || (proper && len(bs) == 0) {
		return clause{}, 0, errorf("Body clause does not return anything.")
	}
	if !proper {
		return clause{}, 0, errorf("Match expression is not a proper list.")
	}
	cl.bodyTerms = bs
	bc := &exprCompiler{head: h, sorted: sorted, body: true}
	for _, e := range bs {
		f, _, err := bc.expr(e)
		if err != nil {
			return clause{}, 0, err
		}
		cl.body = f
	}
	return cl, len(h.vars), nil
}

// Run matches obj against the spec's clauses in order; for the first
// clause whose head matches and guards hold, it returns the result of the
// body (the last expression's value) and true. self is the pid self()
// evaluates to. A clause whose guard raises an error does not match; a
// failing call in the body evaluates to the atom 'EXIT'.
//
// Run allocates nothing for an object that no clause's head matches (nor
// when guards reject it, unless a head binds the rest of a list to a
// variable); a result built by the body (a tuple, a list, '$$') is newly
// allocated, and the parts of obj in it are shared with obj, not copied.
func (s *Spec) Run(obj term.Term, self term.Pid) (term.Term, bool) {
	// Skip the clauses whose heads cannot match before taking scratch
	// space from the pool: on a table scan most objects fail here.
	first := 0
	for first < len(s.clauses) {
		if q := s.clauses[first].quick; q == nil || q(obj, nil) {
			break
		}
		first++
	}
	if first == len(s.clauses) {
		return nil, false
	}
	st := s.pool.Get().(*state)
	st.obj, st.self = obj, self
	v, ok := s.run(st, first)
	st.obj = nil
	clear(st.b)
	s.pool.Put(st)
	return v, ok
}

func (s *Spec) run(st *state, first int) (term.Term, bool) {
clauses:
	for i := first; i < len(s.clauses); i++ {
		cl := &s.clauses[i]
		if cl.match != nil && !cl.match(st.obj, st.b) {
			continue
		}
		for _, g := range cl.guards {
			v, ok := g(st)
			if !ok || !isTrue(v) {
				continue clauses
			}
		}
		return cl.body(st)
	}
	return nil, false
}

// Key returns the key that the heads of all clauses bind at position
// keypos (1-based) when it is fully bound (no variables, no '_') and the
// same (=:=) in every clause, so that select can look the key up instead
// of scanning; ok is false otherwise, and for a specification without
// clauses.
//
// As in ERTS, a key that is a map pattern without variables counts as
// bound, although as a pattern it would match larger maps too: ets:select
// looks such a key up.
func (s *Spec) Key(keypos int) (term.Term, bool) {
	var key term.Term
	for i, cl := range s.clauses {
		k, ok := headKey(cl.head, keypos)
		if !ok {
			return nil, false
		}
		if i == 0 {
			key = k
		} else if !term.Exact(k, key) {
			return nil, false
		}
	}
	return key, len(s.clauses) > 0
}

// headKey returns the element at keypos of a head when it is ground.
func headKey(head term.Term, keypos int) (term.Term, bool) {
	tp, ok := head.(term.Tuple)
	if !ok || keypos < 1 || keypos > len(tp) || !ground(tp[keypos-1]) {
		return nil, false
	}
	return tp[keypos-1], true
}

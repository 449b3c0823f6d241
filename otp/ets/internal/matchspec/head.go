package matchspec

import (
	"slices"
	"unicode/utf8"

	"github.com/scalability-go/otpbook/otp/term"
)

// A matchFn matches one term of an object against a compiled part of a
// head, binding variables in b (indexed by slot). It does not allocate
// unless it binds the rest of a list to a variable.
type matchFn func(t term.Term, b []term.Term) bool

// headInfo is what compiling a head learns: its variables and their slots.
type headInfo struct {
	slots map[int]int // variable number -> slot
	vars  []int       // variable numbers by slot
}

// sorted returns the slots in increasing variable number.
func (h *headInfo) sorted() []int {
	order := make([]int, len(h.vars))
	for i := range order {
		order[i] = i
	}
	slices.SortFunc(order, func(a, b int) int { return h.vars[a] - h.vars[b] })
	return order
}

// ground reports whether t contains no variable and no '_'. Map keys are
// literals in a head, whatever they contain.
func ground(t term.Term) bool {
	switch v := t.(type) {
	case term.Atom:
		return v != "_" && variable(v) < 0
	case term.Tuple:
		for _, e := range v {
			if !ground(e) {
				return false
			}
		}
	case term.List:
		for _, e := range v {
			if !ground(e) {
				return false
			}
		}
	case term.ImproperList:
		for _, e := range v.Elems {
			if !ground(e) {
				return false
			}
		}
		return ground(v.Tail)
	case term.Map:
		for _, x := range v.All() {
			if !ground(x) {
				return false
			}
		}
	}
	return true
}

// compile compiles pattern p (canonical). A part that matches anything
// ('_') compiles to nil; a part without variables and '_' (ground) compiles
// to a test of exact equality.
func (h *headInfo) compile(p term.Term) (matchFn, error) {
	m, _, err := h.compileAt(p)
	return m, err
}

func (h *headInfo) compileAt(p term.Term) (m matchFn, isGround bool, err error) {
	switch v := p.(type) {
	case term.Atom:
		if v == "_" {
			return nil, false, nil
		}
		n := variable(v)
		if n < 0 {
			return literal(p), true, nil
		}
		if slot, ok := h.slots[n]; ok {
			return func(t term.Term, b []term.Term) bool { return term.Exact(b[slot], t) }, false, nil
		}
		slot := len(h.vars)
		h.slots[n] = slot
		h.vars = append(h.vars, n)
		return func(t term.Term, b []term.Term) bool { b[slot] = t; return true }, false, nil
	case term.Tuple:
		return h.tuple(v)
	case term.List:
		return h.list(v, v, nil, false)
	case term.ImproperList:
		return h.list(v, v.Elems, v.Tail, true)
	case term.Map:
		return h.mapPattern(v)
	}
	return literal(p), true, nil
}

func (h *headInfo) tuple(v term.Tuple) (matchFn, bool, error) {
	n := len(v)
	elems := make([]matchFn, n)
	allGround := true
	var lits, rest []int // positions of ground parts, and of the others but '_'
	for i, e := range v {
		m, g, err := h.compileAt(e)
		if err != nil {
			return nil, false, err
		}
		elems[i] = m
		switch {
		case g:
			lits = append(lits, i)
		case m != nil:
			rest = append(rest, i)
			allGround = false
		default:
			allGround = false
		}
	}
	if allGround {
		return literal(v), true, nil
	}
	// The ground parts are tested first: they are cheap, bind nothing, and
	// are the likeliest to reject an object. The others keep their order,
	// the order in which their variables were given slots.
	idx := append(lits, rest...)
	switch len(idx) {
	case 0:
		return func(t term.Term, b []term.Term) bool {
			tp, ok := asTuple(t)
			return ok && len(tp) == n
		}, false, nil
	case 1:
		i, m := idx[0], elems[idx[0]]
		return func(t term.Term, b []term.Term) bool {
			tp, ok := asTuple(t)
			return ok && len(tp) == n && m(tp[i], b)
		}, false, nil
	case 2:
		i, mi, j, mj := idx[0], elems[idx[0]], idx[1], elems[idx[1]]
		return func(t term.Term, b []term.Term) bool {
			tp, ok := asTuple(t)
			return ok && len(tp) == n && mi(tp[i], b) && mj(tp[j], b)
		}, false, nil
	}
	return func(t term.Term, b []term.Term) bool {
		tp, ok := asTuple(t)
		if !ok || len(tp) != n {
			return false
		}
		for _, i := range idx {
			if !elems[i](tp[i], b) {
				return false
			}
		}
		return true
	}, false, nil
}

// list compiles [E1, ..., En | Tail] (whole is the pattern itself); when
// improper is false there is no tail pattern and the list must end after
// En.
func (h *headInfo) list(whole term.Term, elems []term.Term, tailPat term.Term, improper bool) (matchFn, bool, error) {
	ms := make([]matchFn, len(elems))
	allGround := true
	for i, e := range elems {
		m, g, err := h.compileAt(e)
		if err != nil {
			return nil, false, err
		}
		ms[i] = m
		allGround = allGround && g
	}
	var tail matchFn
	if improper {
		m, g, err := h.compileAt(tailPat)
		if err != nil {
			return nil, false, err
		}
		tail = m
		allGround = allGround && g
	}
	if allGround {
		return literal(whole), true, nil
	}
	n := len(ms)
	return func(t term.Term, b []term.Term) bool {
		switch v := unwrap(t).(type) {
		case term.List:
			if len(v) < n || (!improper && len(v) != n) {
				return false
			}
			for i, m := range ms {
				if m != nil && !m(v[i], b) {
					return false
				}
			}
			if tail == nil {
				return true
			}
			if len(v) == n {
				return tail(nilT, b)
			}
			return tail(v[n:], b)
		case string:
			s := v
			for _, m := range ms {
				if s == "" {
					return false
				}
				r, size := utf8.DecodeRuneInString(s)
				s = s[size:]
				if m != nil && !m(int(r), b) {
					return false
				}
			}
			if !improper {
				return s == ""
			}
			if tail == nil {
				return true
			}
			if s == "" {
				return tail(nilT, b)
			}
			return tail(s, b)
		case term.ImproperList:
			if !improper || len(v.Elems) < n {
				return false
			}
			for i, m := range ms {
				if m != nil && !m(v.Elems[i], b) {
					return false
				}
			}
			if tail == nil {
				return true
			}
			if len(v.Elems) == n {
				return tail(v.Tail, b)
			}
			return tail(term.ImproperList{Elems: v.Elems[n:], Tail: v.Tail}, b)
		}
		return false
	}, false, nil
}

func (h *headInfo) mapPattern(v term.Map) (matchFn, bool, error) {
	var keys []term.Term
	var vals []matchFn
	allGround := true
	for k, x := range v.All() {
		if a, ok := k.(term.Atom); ok {
			if a == "_" {
				return nil, false, errorf("Underscore found in map key.")
			}
			if variable(a) >= 0 {
				return nil, false, errorf("Variable found in map key.")
			}
		}
		m, g, err := h.compileAt(x)
		if err != nil {
			return nil, false, err
		}
		allGround = allGround && g
		keys = append(keys, k)
		vals = append(vals, m)
	}
	_ = allGround // a map pattern matches maps with more keys: never an equality test
	return func(t term.Term, b []term.Term) bool {
		mp, ok := unwrap(t).(term.Map)
		if !ok {
			return false
		}
		for i, k := range keys {
			x, ok := mp.Get(k)
			if !ok || (vals[i] != nil && !vals[i](x, b)) {
				return false
			}
		}
		return true
	}, false, nil
}

// literal matches terms exactly equal to c.
func literal(c term.Term) matchFn {
	switch v := c.(type) {
	case term.Atom:
		return func(t term.Term, _ []term.Term) bool {
			if a, ok := t.(term.Atom); ok {
				return a == v
			}
			return term.Exact(t, v)
		}
	case int:
		return func(t term.Term, _ []term.Term) bool {
			if i, ok := t.(int); ok {
				return i == v
			}
			return term.Exact(t, v)
		}
	}
	return func(t term.Term, _ []term.Term) bool { return term.Exact(t, c) }
}

// asTuple returns t as a tuple.
func asTuple(t term.Term) (term.Tuple, bool) {
	switch v := t.(type) {
	case term.Tuple:
		return v, true
	case term.Termer:
		return asTuple(v.Term())
	}
	return nil, false
}

// quickFilter returns a test of the parts of a head that bind nothing (the
// arity of a tuple head and its ground elements), which can run without
// scratch space for variables; nil when there is nothing to test.
func quickFilter(head term.Term) matchFn {
	if ground(head) {
		if _, isMap := head.(term.Map); !isMap {
			return literal(head)
		}
	}
	tp, ok := head.(term.Tuple)
	if !ok {
		return nil
	}
	n := len(tp)
	var idx []int
	var lits []matchFn
	for i, e := range tp {
		if _, isMap := e.(term.Map); ground(e) && !isMap {
			idx = append(idx, i)
			lits = append(lits, literal(e))
		}
	}
	return func(t term.Term, _ []term.Term) bool {
		v, ok := asTuple(t)
		if !ok || len(v) != n {
			return false
		}
		for j, i := range idx {
			if !lits[j](v[i], nil) {
				return false
			}
		}
		return true
	}
}

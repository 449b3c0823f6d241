package matchspec

import (
	"sync"

	"github.com/scalability-go/otpbook/otp/term"
)

// Pattern is a compiled match pattern, as ets:match and ets:match_object
// take it: a head of a match specification ('$N' variables, '_'). It is
// immutable and safe for concurrent use.
type Pattern struct {
	head   term.Term
	match  matchFn // nil: matches anything
	quick  matchFn // see clause.quick
	nslots int
	sorted []int // slots in increasing variable number
	pool   sync.Pool
}

// CompilePattern compiles a match pattern as ets:match and ets:match_object
// take it. The error (wrapping term.ErrBadarg) is for a map pattern with a
// variable or '_' as a key, and for values that are not terms.
func CompilePattern(pat term.Term) (*Pattern, error) {
	c, err := canon(pat, 0)
	if err != nil {
		return nil, err
	}
	h := &headInfo{slots: map[int]int{}}
	m, err := h.compile(c)
	if err != nil {
		return nil, err
	}
	p := &Pattern{head: c, match: m, quick: quickFilter(c), nslots: len(h.vars), sorted: h.sorted()}
	p.pool.New = func() any {
		b := make([]term.Term, p.nslots)
		return &b
	}
	return p, nil
}

// Match matches obj; bindings are the values of '$1', '$2', ... in
// increasing variable number (what ets:match returns for one object):
// the pattern {'$2', '$1'} against {a, b} gives [b, a], and a pattern
// without variables gives an empty, non-nil slice. It allocates only for
// the bindings of a match.
func (p *Pattern) Match(obj term.Term) (bindings []term.Term, ok bool) {
	if p.nslots == 0 {
		if p.match == nil || p.match(obj, nil) {
			return []term.Term{}, true
		}
		return nil, false
	}
	if p.quick != nil && !p.quick(obj, nil) {
		return nil, false
	}
	bp := p.pool.Get().(*[]term.Term)
	b := *bp
	if p.match(obj, b) {
		bindings = make([]term.Term, len(p.sorted))
		for i, slot := range p.sorted {
			bindings[i] = b[slot]
		}
		ok = true
	}
	clear(b)
	p.pool.Put(bp)
	return bindings, ok
}

// Matches reports whether obj matches the pattern, as ets:match_object
// selects objects. It does not allocate.
func (p *Pattern) Matches(obj term.Term) bool {
	if p.match == nil {
		return true
	}
	if p.nslots == 0 {
		return p.match(obj, nil)
	}
	if p.quick != nil && !p.quick(obj, nil) {
		return false
	}
	bp := p.pool.Get().(*[]term.Term)
	ok := p.match(obj, *bp)
	clear(*bp)
	p.pool.Put(bp)
	return ok
}

// Key returns the element at keypos (1-based) of the pattern when the
// pattern is a tuple and that element is fully bound (no variables, no
// '_'), so that match and match_object can look the key up; ok is false
// otherwise.
func (p *Pattern) Key(keypos int) (term.Term, bool) {
	return headKey(p.head, keypos)
}

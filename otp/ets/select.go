package ets

import (
	"github.com/scalability-go/otpbook/otp"
	"github.com/scalability-go/otpbook/otp/ets/internal/matchspec"
	"github.com/scalability-go/otpbook/otp/term"
)

// isMatchSpec is is_match_spec of erl_stdlib_errors: whether
// ets:match_spec_compile accepts t (it refuses []).
func isMatchSpec(t term.Term) bool {
	if l, ok := t.(term.List); !ok || len(l) == 0 {
		return false
	}
	_, err := matchspec.Compile(t)
	return err == nil
}

// A Continuation is where a select or match with a limit stopped: pass it
// to SelectContinue for the next chunk. It holds the results still to be
// given, which the first call computed. As a term (term.Termer) it is
// {'$ets_continuation', Tab, Limit, Rest}, or '$end_of_table' when Done.
type Continuation struct {
	fn    term.Atom // select, match or match_object, for errors
	tab   term.Term
	limit int
	rest  []term.Term
}

// Done reports whether there is nothing more to give.
func (c Continuation) Done() bool { return c.tab == nil }

// Term returns the continuation as Erlang sees it.
func (c Continuation) Term() term.Term {
	if c.Done() {
		return EndOfTable
	}
	return term.Tuple{term.Atom("$ets_continuation"), c.tab, c.limit, term.List(c.rest)}
}

// String prints the continuation as ~p does.
func (c Continuation) String() string { return term.Print(c.Term()) }

// continuationOf reads a continuation back from its term.
func continuationOf(t term.Term, fn term.Atom) (Continuation, bool) {
	switch v := t.(type) {
	case Continuation:
		return v, true
	case term.Tuple:
		if len(v) == 4 && v[0] == term.Atom("$ets_continuation") {
			limit, ok1 := v[2].(int)
			rest, ok2 := v[3].(term.List)
			if ok1 && ok2 && limit > 0 {
				return Continuation{fn: fn, tab: v[1], limit: limit, rest: rest}, true
			}
		}
	}
	return Continuation{}, false
}

// chunk splits results into what a call with a limit returns. As in OTP,
// a chunk of limit results has a continuation, even when there are no
// more, which then gives none.
func chunk(fn term.Atom, tab term.Term, limit int, res []term.Term) ([]term.Term, Continuation) {
	if len(res) < limit {
		return res, Continuation{}
	}
	return res[:limit:limit], Continuation{fn: fn, tab: tab, limit: limit, rest: res[limit:]}
}

// run collects what the spec gives for the table's objects, looking the
// key up when every clause binds it.
func (t *table) run(ms *matchspec.Spec, self term.Pid, reverse bool) []term.Term {
	var out []term.Term
	visit := func(o term.Tuple) bool {
		if r, ok := ms.Run(o, self); ok {
			out = append(out, r)
		}
		return true
	}
	if k, ok := ms.Key(t.keypos); ok {
		t.store.eachKey(normKey(k), visit)
	} else {
		t.store.each(reverse, visit)
	}
	return out
}

func selectArgs(tab Tab, ms term.Term, limit []int) []term.Term {
	args := []term.Term{tab.id, ms}
	if len(limit) > 0 {
		args = append(args, limit[0])
	}
	return args
}

func (tab Tab) compile(p *otp.Process, fn string, ms term.Term, limit ...int) (*table, *matchspec.Spec, error) {
	t, c := tab.table(p, false)
	if c != CauseNone {
		return nil, nil, fail(fn, c, selectArgs(tab, ms, limit)...)
	}
	spec, err := matchspec.Compile(ms)
	if err != nil || len(limit) > 0 && limit[0] < 1 {
		return nil, nil, fail(fn, CauseNone, selectArgs(tab, ms, limit)...)
	}
	return t, spec, nil
}

// Select returns what the match specification ms gives for the objects
// it matches, as ets:select/2 does: ms is a list of {Head, Guards, Body}
// clauses, and the result of an object is the value of the body of the
// first clause whose head matches it and whose guards hold.
func Select(p *otp.Process, tab Tab, ms term.Term) ([]term.Term, error) {
	t, spec, err := tab.compile(p, "select", ms)
	if err != nil {
		return nil, err
	}
	return t.run(spec, p.Self(), false), nil
}

// SelectReverse is Select in reverse order for an ordered_set, and Select
// for other tables.
func SelectReverse(p *otp.Process, tab Tab, ms term.Term) ([]term.Term, error) {
	t, spec, err := tab.compile(p, "select_reverse", ms)
	if err != nil {
		return nil, err
	}
	return t.run(spec, p.Self(), true), nil
}

// SelectLimit is Select that returns at most limit results and a
// Continuation for the rest, as ets:select/3 does; the continuation is
// Done when there were fewer than limit (with exactly limit it is not, and
// gives no more results, as in OTP).
func SelectLimit(p *otp.Process, tab Tab, ms term.Term, limit int) ([]term.Term, Continuation, error) {
	t, spec, err := tab.compile(p, "select", ms, limit)
	if err != nil {
		return nil, Continuation{}, err
	}
	res, c := chunk("select", tab.id, limit, t.run(spec, p.Self(), false))
	return res, c, nil
}

// SelectReverseLimit is SelectLimit in reverse order, as
// ets:select_reverse/3.
func SelectReverseLimit(p *otp.Process, tab Tab, ms term.Term, limit int) ([]term.Term, Continuation, error) {
	t, spec, err := tab.compile(p, "select_reverse", ms, limit)
	if err != nil {
		return nil, Continuation{}, err
	}
	res, c := chunk("select_reverse", tab.id, limit, t.run(spec, p.Self(), true))
	return res, c, nil
}

// SelectContinue returns the next chunk of a select or match with a limit,
// as ets:select/1 (match/1, match_object/1) does. A Done continuation
// gives no results. The table must still exist.
func SelectContinue(p *otp.Process, c Continuation) ([]term.Term, Continuation, error) {
	if c.Done() {
		return nil, Continuation{}, nil
	}
	tab, _ := TabOf(c.tab)
	if _, cause := tab.table(p, false); cause != CauseNone {
		return nil, Continuation{}, fail(string(c.fn), cause, c.Term())
	}
	res, next := chunk(c.fn, c.tab, c.limit, c.rest)
	return res, next, nil
}

// SelectCount returns how many objects ms gives true for.
func SelectCount(p *otp.Process, tab Tab, ms term.Term) (int, error) {
	t, spec, err := tab.compile(p, "select_count", ms)
	if err != nil {
		return 0, err
	}
	n := 0
	for _, r := range t.run(spec, p.Self(), false) {
		if r == term.True {
			n++
		}
	}
	return n, nil
}

// SelectDelete deletes the objects ms gives true for, and returns how
// many.
func SelectDelete(p *otp.Process, tab Tab, ms term.Term) (int, error) {
	t, c := tab.table(p, true)
	if c != CauseNone {
		return 0, fail("select_delete", c, tab.id, ms)
	}
	spec, err := matchspec.Compile(ms)
	if err != nil {
		return 0, fail("select_delete", CauseNone, tab.id, ms)
	}
	self := p.Self()
	return t.store.deleteIf(func(o term.Tuple) bool {
		r, ok := spec.Run(o, self)
		return ok && r == term.True
	}), nil
}

func (tab Tab) pattern(p *otp.Process, fn string, pat term.Term, write bool, limit ...int) (*table, *matchspec.Pattern, error) {
	t, c := tab.table(p, write)
	if c != CauseNone {
		return nil, nil, fail(fn, c, selectArgs(tab, pat, limit)...)
	}
	mp, err := matchspec.CompilePattern(pat)
	if err != nil || len(limit) > 0 && limit[0] < 1 {
		return nil, nil, fail(fn, CauseNone, selectArgs(tab, pat, limit)...)
	}
	return t, mp, nil
}

// matchAll visits the objects that may match the pattern.
func (t *table) matchAll(mp *matchspec.Pattern, f func(term.Tuple) bool) {
	if k, ok := mp.Key(t.keypos); ok {
		t.store.eachKey(normKey(k), f)
	} else {
		t.store.each(false, f)
	}
}

func (t *table) match(mp *matchspec.Pattern) []term.Term {
	var out []term.Term
	t.matchAll(mp, func(o term.Tuple) bool {
		if b, ok := mp.Match(o); ok {
			out = append(out, term.List(b))
		}
		return true
	})
	return out
}

func (t *table) matchObject(mp *matchspec.Pattern) []term.Term {
	var out []term.Term
	t.matchAll(mp, func(o term.Tuple) bool {
		if mp.Matches(o) {
			out = append(out, o)
		}
		return true
	})
	return out
}

// Match matches the objects of the table against pattern, as ets:match/2
// does, and returns for each object that matches the values of its
// variables '$1', '$2', ... in order. '_' matches anything.
func Match(p *otp.Process, tab Tab, pattern term.Term) ([]term.List, error) {
	t, mp, err := tab.pattern(p, "match", pattern, false)
	if err != nil {
		return nil, err
	}
	res := t.match(mp)
	out := make([]term.List, len(res))
	for i, r := range res {
		out[i] = r.(term.List)
	}
	return out, nil
}

// MatchLimit is Match with a limit, as ets:match/3 does; each result is a
// term.List of bindings.
func MatchLimit(p *otp.Process, tab Tab, pattern term.Term, limit int) ([]term.Term, Continuation, error) {
	t, mp, err := tab.pattern(p, "match", pattern, false, limit)
	if err != nil {
		return nil, Continuation{}, err
	}
	res, c := chunk("match", tab.id, limit, t.match(mp))
	return res, c, nil
}

// MatchObject returns the objects that match pattern, as
// ets:match_object/2 does.
func MatchObject(p *otp.Process, tab Tab, pattern term.Term) ([]term.Tuple, error) {
	t, mp, err := tab.pattern(p, "match_object", pattern, false)
	if err != nil {
		return nil, err
	}
	res := t.matchObject(mp)
	out := make([]term.Tuple, len(res))
	for i, r := range res {
		out[i] = r.(term.Tuple)
	}
	return out, nil
}

// MatchObjectLimit is MatchObject with a limit, as ets:match_object/3.
func MatchObjectLimit(p *otp.Process, tab Tab, pattern term.Term, limit int) ([]term.Term, Continuation, error) {
	t, mp, err := tab.pattern(p, "match_object", pattern, false, limit)
	if err != nil {
		return nil, Continuation{}, err
	}
	res, c := chunk("match_object", tab.id, limit, t.matchObject(mp))
	return res, c, nil
}

// MatchDelete deletes the objects that match pattern, as ets:match_delete.
func MatchDelete(p *otp.Process, tab Tab, pattern term.Term) error {
	t, mp, err := tab.pattern(p, "match_delete", pattern, true)
	if err != nil {
		return err
	}
	t.store.deleteIf(func(o term.Tuple) bool { return mp.Matches(o) })
	return nil
}

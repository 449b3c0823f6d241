package ets

import (
	"errors"
	"math"
	"path/filepath"
	"runtime"
	"sync"

	"github.com/scalability-go/otpbook/otp"
	"github.com/scalability-go/otpbook/otp/code"
	"github.com/scalability-go/otpbook/otp/stdlib"
	"github.com/scalability-go/otpbook/otp/term"
)

// Module returns the Erlang module ets, freshly made, for a node's code
// server: every function of the Go API under its Erlang name and arity,
// taking and returning terms.
//
//	all/0 delete/1,2 delete_all_objects/1 delete_object/2 first/1 foldl/3
//	foldr/3 give_away/3 i/0 info/1,2 insert/2 insert_new/2 last/1 lookup/2
//	lookup_element/3 match/1,2,3 match_delete/2 match_object/1,2,3 member/2
//	new/2 next/2 prev/2 rename/2 safe_fixtable/2 select/1,2,3
//	select_count/2 select_delete/2 select_reverse/1,2,3 tab2list/1 take/2
//	update_counter/3,4 update_element/3 whereis/1
//
// A bad argument raises error badarg with the error_info OTP 25 gives,
// so that the shell explains it as erl does.
func Module() *code.Module {
	e := exports{}
	e.def("new", 2, func(p *otp.Process, a []term.Term) term.Term {
		return must(newTable(p, a[0], a[1])).id
	})
	e.def("all", 0, func(p *otp.Process, _ []term.Term) term.Term {
		l := term.List{}
		for _, t := range All(p) {
			l = append(l, t.id)
		}
		return l
	})
	e.def("delete", 1, func(p *otp.Process, a []term.Term) term.Term {
		check(Delete(p, tabArg("delete", a)))
		return term.True
	})
	e.def("delete", 2, func(p *otp.Process, a []term.Term) term.Term {
		check(DeleteKey(p, tabArg("delete", a), a[1]))
		return term.True
	})
	e.def("delete_all_objects", 1, func(p *otp.Process, a []term.Term) term.Term {
		check(DeleteAllObjects(p, tabArg("delete_all_objects", a)))
		return term.True
	})
	e.def("delete_object", 2, func(p *otp.Process, a []term.Term) term.Term {
		tab := tabArg("delete_object", a)
		obj, ok := a[1].(term.Tuple)
		if !ok {
			if _, c := tab.table(p, true); c != CauseNone {
				raise(fail("delete_object", c, a...))
			}
			raise(fail("delete_object", CauseNone, a...))
		}
		check(DeleteObject(p, tab, obj))
		return term.True
	})
	e.def("first", 1, func(p *otp.Process, a []term.Term) term.Term {
		return must(First(p, tabArg("first", a)))
	})
	e.def("last", 1, func(p *otp.Process, a []term.Term) term.Term {
		return must(Last(p, tabArg("last", a)))
	})
	e.def("next", 2, func(p *otp.Process, a []term.Term) term.Term {
		return must(Next(p, tabArg("next", a), a[1]))
	})
	e.def("prev", 2, func(p *otp.Process, a []term.Term) term.Term {
		return must(Prev(p, tabArg("prev", a), a[1]))
	})
	fold := func(fn string, reverse bool) code.Func {
		return func(p *otp.Process, a []term.Term) term.Term {
			// ets:foldl fixes the table first (ets:safe_fixtable(Tab,
			// true)), which is what fails for a bad table, and then
			// folds the objects of each key with lists:foldl (foldr),
			// which fails for what is not a fun of two arguments.
			tab, ok := TabOf(a[2])
			var t *table
			c := CauseType
			if ok {
				t, c = tab.table(p, false)
			}
			if c != CauseNone {
				raiseFrom(fail("safe_fixtable", c, a[2], term.True), fn, 3)
			}
			if n, ok := funArity(a[0]); !ok || n != 2 {
				if groups := t.snapshot(reverse); len(groups) > 0 {
					panic(&otp.Exception{Class: otp.ClassError, Reason: term.Atom("function_clause"),
						Stack: term.List{
							term.Tuple{term.Atom("lists"), term.Atom(fn), term.List{a[0], a[1], tuples(groups[0])}, here()},
							term.Tuple{term.Atom("ets"), term.Atom(fn), 3, here()},
						}})
				}
				return a[1]
			}
			cs := code.Of(p.Node())
			f := func(o term.Tuple, acc term.Term) term.Term {
				return cs.CallFun(p, a[0], []term.Term{o, acc})
			}
			var r term.Term
			var err error
			if reverse {
				r, err = Foldr(p, tab, f, a[1])
			} else {
				r, err = Foldl(p, tab, f, a[1])
			}
			if err != nil {
				// The table went between the check and the fold.
				var e *Error
				if errors.As(err, &e) {
					raiseFrom(fail("safe_fixtable", e.Cause, a[2], term.True), fn, 3)
				}
				raise(err)
			}
			return r
		}
	}
	e.def("foldl", 3, fold("foldl", false))
	e.def("foldr", 3, fold("foldr", true))
	e.def("give_away", 3, func(p *otp.Process, a []term.Term) term.Term {
		check(giveAway(p, tabArg("give_away", a), a[1], a[2]))
		return term.True
	})
	e.def("i", 0, func(p *otp.Process, _ []term.Term) term.Term {
		I(p)
		return term.OK
	})
	e.def("info", 1, func(p *otp.Process, a []term.Term) term.Term {
		info, ok := Info(p, tabArg("info", a))
		if !ok {
			return term.Undefined
		}
		return info
	})
	e.def("info", 2, func(p *otp.Process, a []term.Term) term.Term {
		tab := tabArg("info", a)
		item, ok := normKey(a[1]).(term.Atom)
		if !ok {
			if _, c := tab.get(p); c != CauseNone {
				return term.Undefined
			}
			raise(fail("info", CauseNone, a...))
		}
		return must(InfoItem(p, tab, item))
	})
	e.def("insert", 2, func(p *otp.Process, a []term.Term) term.Term {
		tab := tabArg("insert", a)
		objs := objectsArg(p, "insert", tab, a)
		check(insert(p, tab, objs, false, "insert", func() term.Term { return a[1] }))
		return term.True
	})
	e.def("insert_new", 2, func(p *otp.Process, a []term.Term) term.Term {
		tab := tabArg("insert_new", a)
		objs := objectsArg(p, "insert_new", tab, a)
		return term.Bool(must(insertObjs(p, tab, objs, true, "insert_new", func() term.Term { return a[1] })))
	})
	e.def("lookup", 2, func(p *otp.Process, a []term.Term) term.Term {
		return tuples(must(Lookup(p, tabArg("lookup", a), a[1])))
	})
	e.def("lookup_element", 3, func(p *otp.Process, a []term.Term) term.Term {
		tab := tabArg("lookup_element", a)
		pos, ok := normKey(a[2]).(int)
		if !ok {
			if _, c := tab.table(p, false); c != CauseNone {
				raise(fail("lookup_element", c, a...))
			}
			raise(fail("lookup_element", CauseNone, a...))
		}
		return must(LookupElement(p, tab, a[1], pos))
	})
	e.def("member", 2, func(p *otp.Process, a []term.Term) term.Term {
		return term.Bool(must(Member(p, tabArg("member", a), a[1])))
	})
	e.def("rename", 2, func(p *otp.Process, a []term.Term) term.Term {
		return must(rename(p, tabArg("rename", a), a[1])).id
	})
	e.def("safe_fixtable", 2, func(p *otp.Process, a []term.Term) term.Term {
		tab := tabArg("safe_fixtable", a)
		b := normKey(a[1])
		if b != term.True && b != term.False {
			if _, c := tab.table(p, false); c != CauseNone {
				raise(fail("safe_fixtable", c, a...))
			}
			raise(fail("safe_fixtable", CauseNone, a...))
		}
		check(SafeFixtable(p, tab, b == term.True))
		return term.True
	})
	e.def("tab2list", 1, func(p *otp.Process, a []term.Term) term.Term {
		// ets:tab2list(Tab) is ets:match_object(Tab, '_'), and fails
		// as it does.
		tab, ok := TabOf(a[0])
		if !ok {
			raiseFrom(fail("match_object", CauseType, a[0], term.Atom("_")), "tab2list", 1)
		}
		objs, err := Tab2List(p, tab)
		var ee *Error
		if errors.As(err, &ee) {
			raiseFrom(fail("match_object", ee.Cause, a[0], term.Atom("_")), "tab2list", 1)
		}
		return tuples(must(objs, err))
	})
	e.def("take", 2, func(p *otp.Process, a []term.Term) term.Term {
		return tuples(must(Take(p, tabArg("take", a), a[1])))
	})
	e.def("update_counter", 3, func(p *otp.Process, a []term.Term) term.Term {
		return must(UpdateCounter(p, tabArg("update_counter", a), a[1], a[2]))
	})
	e.def("update_counter", 4, func(p *otp.Process, a []term.Term) term.Term {
		tab := tabArg("update_counter", a)
		def, ok := a[3].(term.Tuple)
		if !ok {
			if _, c := tab.table(p, true); c != CauseNone {
				raise(fail("update_counter", c, a...))
			}
			raise(fail("update_counter", CauseNone, a...))
		}
		return must(UpdateCounterDefault(p, tab, a[1], a[2], def))
	})
	e.def("update_element", 3, func(p *otp.Process, a []term.Term) term.Term {
		tab := tabArg("update_element", a)
		elems, ok := elementsArg(a[2])
		return term.Bool(must(updateElement(p, tab, a[1], elems, ok, func() term.Term { return a[2] })))
	})
	e.def("whereis", 1, func(p *otp.Process, a []term.Term) term.Term {
		name, ok := normKey(a[0]).(term.Atom)
		if !ok {
			raise(fail("whereis", CauseNone, a...))
		}
		if tab, ok := Whereis(p, name); ok {
			return tab.id
		}
		return term.Undefined
	})
	matchLike(e)
	return &code.Module{Name: "ets", Exports: e}
}

func matchLike(e exports) {
	limited := func(fn string, f func(*otp.Process, Tab, term.Term, int) ([]term.Term, Continuation, error)) code.Func {
		return func(p *otp.Process, a []term.Term) term.Term {
			tab := tabArg(fn, a)
			limit, ok := normKey(a[2]).(int)
			if !ok {
				limit = 0 // fails as a limit below 1 does
			}
			res, c, err := f(p, tab, a[1], limit)
			if err != nil {
				var ee *Error
				if errors.As(err, &ee) {
					ee.Args = a
				}
				raise(err)
			}
			if len(res) == 0 {
				return EndOfTable
			}
			return term.Tuple{term.List(res), c.Term()}
		}
	}
	cont := func(fn string) code.Func {
		return func(p *otp.Process, a []term.Term) term.Term {
			if a[0] == EndOfTable {
				return EndOfTable
			}
			c, ok := continuationOf(a[0], term.Atom(fn))
			if !ok {
				raise(fail(fn, CauseNone, a...))
			}
			res, next, err := SelectContinue(p, c)
			if err != nil {
				var e *Error
				errors.As(err, &e)
				raise(fail(fn, e.Cause, a...))
			}
			if len(res) == 0 {
				return EndOfTable
			}
			return term.Tuple{term.List(res), next.Term()}
		}
	}
	e.def("select", 1, cont("select"))
	e.def("select_reverse", 1, cont("select_reverse"))
	e.def("match", 1, cont("match"))
	e.def("match_object", 1, cont("match_object"))
	e.def("select", 2, func(p *otp.Process, a []term.Term) term.Term {
		return term.List(must(Select(p, tabArg("select", a), a[1])))
	})
	e.def("select", 3, limited("select", SelectLimit))
	e.def("select_reverse", 2, func(p *otp.Process, a []term.Term) term.Term {
		return term.List(must(SelectReverse(p, tabArg("select_reverse", a), a[1])))
	})
	e.def("select_reverse", 3, limited("select_reverse", SelectReverseLimit))
	e.def("select_count", 2, func(p *otp.Process, a []term.Term) term.Term {
		return must(SelectCount(p, tabArg("select_count", a), a[1]))
	})
	e.def("select_delete", 2, func(p *otp.Process, a []term.Term) term.Term {
		return must(SelectDelete(p, tabArg("select_delete", a), a[1]))
	})
	e.def("match", 2, func(p *otp.Process, a []term.Term) term.Term {
		res := must(Match(p, tabArg("match", a), a[1]))
		l := make(term.List, len(res))
		for i, r := range res {
			l[i] = r
		}
		return l
	})
	e.def("match", 3, limited("match", MatchLimit))
	e.def("match_object", 2, func(p *otp.Process, a []term.Term) term.Term {
		return tuples(must(MatchObject(p, tabArg("match_object", a), a[1])))
	})
	e.def("match_object", 3, limited("match_object", MatchObjectLimit))
	e.def("match_delete", 2, func(p *otp.Process, a []term.Term) term.Term {
		check(MatchDelete(p, tabArg("match_delete", a), a[1]))
		return term.True
	})
}

// exports builds a module's export table.
type exports map[code.FA]code.Func

func (e exports) def(name string, arity int, f code.Func) {
	e[code.FA{Function: term.Atom(name), Arity: arity}] = f
}

// tabArg returns the table argument a[0], raising badarg (cause type)
// when it is neither an atom nor a reference.
func tabArg(fn string, a []term.Term) Tab {
	tab, ok := TabOf(a[0])
	if !ok {
		raise(fail(fn, CauseType, a...))
	}
	return tab
}

// objectsArg reads the objects argument of insert: a tuple or a proper
// list of tuples.
func objectsArg(p *otp.Process, fn string, tab Tab, a []term.Term) []term.Tuple {
	switch v := a[1].(type) {
	case term.Tuple:
		return []term.Tuple{v}
	case term.List:
		objs := make([]term.Tuple, len(v))
		for i, x := range v {
			t, ok := x.(term.Tuple)
			if !ok {
				objs = nil
				break
			}
			objs[i] = t
		}
		if objs != nil || len(v) == 0 {
			return objs
		}
	case string:
		if v == "" {
			return nil
		}
	}
	if _, c := tab.table(p, true); c != CauseNone {
		raise(fail(fn, c, a...))
	}
	raise(fail(fn, CauseNone, a...))
	return nil
}

// elementsArg reads the element specification of update_element. A
// position too big for an int stands as the largest, beyond any object.
func elementsArg(t term.Term) ([]Element, bool) {
	one := func(x term.Term) (Element, bool) {
		tp, ok := x.(term.Tuple)
		if !ok || len(tp) != 2 {
			return Element{}, false
		}
		pos, ok := bigPos(tp[0])
		return Element{Pos: pos, Value: tp[1]}, ok
	}
	if l, ok := t.(term.List); ok {
		out := make([]Element, len(l))
		for i, x := range l {
			if out[i], ok = one(x); !ok {
				return nil, false
			}
		}
		return out, true
	}
	el, ok := one(t)
	return []Element{el}, ok
}

// bigPos reads a position: an integer, those too big for an int as
// math.MaxInt, those too small as -1.
func bigPos(t term.Term) (int, bool) {
	i, ok := term.Integer(t)
	if !ok {
		return 0, false
	}
	if n, small := normKey(i).(int); small {
		return n, true
	}
	if b, _ := term.BigInt(i); b.Sign() < 0 {
		return -1, true
	}
	return math.MaxInt, true
}

func tuples(objs []term.Tuple) term.List {
	l := make(term.List, len(objs))
	for i, o := range objs {
		l[i] = o
	}
	return l
}

func must[T any](v T, err error) T {
	check(err)
	return v
}

func check(err error) {
	if err != nil {
		raise(err)
	}
}

// raise raises err as the BIF raises it in OTP 25: error badarg with the
// error_info of erl_stdlib_errors.
func raise(err error) {
	var e *Error
	if !errors.As(err, &e) {
		panic(err)
	}
	var cause term.Term
	if e.Cause != CauseNone {
		cause = term.Atom(e.Cause)
	}
	stdlib.RaiseBIF(term.Atom("badarg"), "ets", e.Function, e.Args, stdlib.Explanation{
		Args:   e.Explanation(),
		Module: "erl_stdlib_errors",
		Cause:  cause,
	})
}

// raiseFrom is raise of an error of a function that ets:Caller/Arity
// calls, as the frames of the BIF and of its caller.
func raiseFrom(e *Error, caller string, arity int) {
	exc := otp.Catch(func() { raise(e) })
	exc.Stack = append(exc.Stack, term.Tuple{term.Atom("ets"), term.Atom(caller), arity, here()})
	panic(exc)
}

// here is the location of a frame raised by the caller, as the Go source
// where OTP names its .erl file: [{file, Base}, {line, Line}].
func here() term.List {
	_, file, line, ok := runtime.Caller(1)
	if !ok {
		return term.List{}
	}
	return term.List{term.Tuple{term.Atom("file"), filepath.Base(file)}, term.Tuple{term.Atom("line"), line}}
}

// funArity returns the arity of a fun, false for what is not one.
func funArity(t term.Term) (int, bool) {
	switch f := t.(type) {
	case term.ExportFun:
		return f.Arity, true
	case term.LocalFun:
		return f.Arity, true
	case *term.LocalFun:
		if f != nil {
			return f.Arity, true
		}
	}
	return 0, false
}

type loadKey struct{}

type loadState struct {
	mu   sync.Mutex
	done bool
}

// Load loads the module ets into n's code server. It is idempotent: when a
// module ets is loaded already it is left as it is.
func Load(n *otp.Node) error {
	st := n.Value(loadKey{}, func() any { return &loadState{} }).(*loadState)
	st.mu.Lock()
	defer st.mu.Unlock()
	if st.done {
		return nil
	}
	cs := code.Of(n)
	if _, ok := cs.IsLoaded("ets"); !ok {
		if _, err := cs.Load(Module()); err != nil {
			return err
		}
	}
	st.done = true
	return nil
}

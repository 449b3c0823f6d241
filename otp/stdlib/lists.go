package stdlib

import (
	"math"
	"math/big"
	"slices"

	"github.com/scalability-go/otpbook/otp"
	"github.com/scalability-go/otpbook/otp/code"
	"github.com/scalability-go/otpbook/otp/term"
)

// The module lists:
//
//	map/2 foldl/3 foldr/3 filter/2 foreach/2 any/2 all/2 partition/2
//	mapfoldl/3 dropwhile/2 takewhile/2 reverse/1,2 seq/2,3 sum/1 nth/2
//	nthtail/2 member/2 sort/1,2 usort/1 keyfind/3 keymember/3
//	keysearch/3 keysort/2 keydelete/3 keystore/4 append/1,2 flatten/1
//	zip/2 unzip/1 last/1 max/1 min/1 duplicate/2 delete/2 subtract/2
//	split/2 sublist/2,3 concat/1
//
// The BIFs of lists (keyfind/3, keymember/3, keysearch/3, member/2,
// reverse/2) fail with badarg, explained; the others fail as the Erlang
// code of OTP's lists fails: function_clause for arguments no clause
// takes, case_clause for a predicate that returns neither true nor false,
// and so on.
func listsModule() *code.Module {
	e := exports{}
	listsHigher(e)
	listsBasic(e)
	listsKeys(e)
	listsSort(e)
	return module("lists", e)
}

func call(p *otp.Process, f term.Term, args ...term.Term) term.Term {
	return code.Of(p.Node()).CallFun(p, f, args)
}

// predicate calls a predicate and returns its answer; any other result
// raises {case_clause, V} in Module:Function/Arity, as a case on it does.
func predicate(p *otp.Process, f, x term.Term, fn string, arity int) bool {
	v := norm(call(p, f, x))
	switch v {
	case term.True:
		return true
	case term.False:
		return false
	}
	raiseIn(term.Tuple{term.Atom("case_clause"), v}, "lists", fn, arity)
	return false
}

func caseClause(v term.Term, fn string, arity int) {
	raiseIn(term.Tuple{term.Atom("case_clause"), v}, "lists", fn, arity)
}

func listsHigher(e exports) {
	e.def("map", 2, func(p *otp.Process, args []term.Term) term.Term {
		f, l := args[0], args[1]
		if !isFunN(f, 1) {
			fclause("lists", "map", args...)
		}
		elems, tail, ok := listView(l)
		if !ok {
			caseClause(l, "map", 2)
		}
		out := make(term.List, len(elems))
		for i, x := range elems {
			out[i] = call(p, f, x)
		}
		if tail != nil {
			fclause("lists", "map", args...)
		}
		return out
	})
	e.def("foldl", 3, func(p *otp.Process, args []term.Term) term.Term {
		f, acc, l := args[0], args[1], args[2]
		if !isFunN(f, 2) {
			fclause("lists", "foldl", args...)
		}
		elems, tail, ok := listView(l)
		if !ok {
			caseClause(l, "foldl", 3)
		}
		for _, x := range elems {
			acc = call(p, f, x, acc)
		}
		if tail != nil {
			fclause("lists", "foldl", args...)
		}
		return acc
	})
	e.def("foldr", 3, func(p *otp.Process, args []term.Term) term.Term {
		f, acc, l := args[0], args[1], args[2]
		if !isFunN(f, 2) {
			fclause("lists", "foldr", args...)
		}
		elems, ok := properList(l)
		if !ok {
			fclause("lists", "foldr", args...)
		}
		for i := len(elems) - 1; i >= 0; i-- {
			acc = call(p, f, elems[i], acc)
		}
		return acc
	})
	e.def("filter", 2, func(p *otp.Process, args []term.Term) term.Term {
		f, l := args[0], args[1]
		if !isFunN(f, 1) {
			fclause("lists", "filter", args...)
		}
		elems, tail, ok := listView(l)
		if !ok {
			raiseIn(term.Tuple{term.Atom("bad_generator"), l}, "lists", "filter", 2)
		}
		out := term.List{}
		for _, x := range elems {
			switch v := norm(call(p, f, x)); v {
			case term.True:
				out = append(out, x)
			case term.False:
			default:
				raiseIn(term.Tuple{term.Atom("bad_filter"), v}, "lists", "filter", 2)
			}
		}
		if tail != nil {
			raiseIn(term.Tuple{term.Atom("bad_generator"), tail}, "lists", "filter", 2)
		}
		return out
	})
	e.def("foreach", 2, func(p *otp.Process, args []term.Term) term.Term {
		f, l := args[0], args[1]
		if !isFunN(f, 1) {
			fclause("lists", "foreach", args...)
		}
		elems, tail, ok := listView(l)
		if !ok {
			fclause("lists", "foreach", args...)
		}
		for _, x := range elems {
			call(p, f, x)
		}
		if tail != nil {
			fclause("lists", "foreach", args...)
		}
		return term.OK
	})
	anyAll := func(name string, stopOn bool) code.Func {
		return func(p *otp.Process, args []term.Term) term.Term {
			f, l := args[0], args[1]
			if !isFunN(f, 1) {
				fclause("lists", name, args...)
			}
			elems, tail, ok := listView(l)
			if !ok {
				caseClause(l, name, 2)
			}
			for _, x := range elems {
				if predicate(p, f, x, name, 2) == stopOn {
					return term.Bool(stopOn)
				}
			}
			if tail != nil {
				fclause("lists", name, args...)
			}
			return term.Bool(!stopOn)
		}
	}
	e.def("any", 2, anyAll("any", true))
	e.def("all", 2, anyAll("all", false))
	e.def("partition", 2, func(p *otp.Process, args []term.Term) term.Term {
		f, l := args[0], args[1]
		elems, tail, ok := listView(l)
		if !ok {
			fclause("lists", "partition", args...)
		}
		yes, no := term.List{}, term.List{}
		for _, x := range elems {
			if predicate(p, f, x, "partition", 2) {
				yes = append(yes, x)
			} else {
				no = append(no, x)
			}
		}
		if tail != nil {
			fclause("lists", "partition", args...)
		}
		return term.Tuple{yes, no}
	})
	e.def("mapfoldl", 3, func(p *otp.Process, args []term.Term) term.Term {
		f, acc, l := args[0], args[1], args[2]
		if !isFunN(f, 2) {
			fclause("lists", "mapfoldl", args...)
		}
		elems, tail, ok := listView(l)
		if !ok {
			fclause("lists", "mapfoldl", args...)
		}
		out := make(term.List, len(elems))
		for i, x := range elems {
			r := call(p, f, x, acc)
			t, ok := norm(r).(term.Tuple)
			if !ok || len(t) != 2 {
				raiseIn(term.Tuple{term.Atom("badmatch"), r}, "lists", "mapfoldl", 3)
			}
			out[i], acc = t[0], t[1]
		}
		if tail != nil {
			fclause("lists", "mapfoldl", args...)
		}
		return term.Tuple{out, acc}
	})
	e.def("dropwhile", 2, func(p *otp.Process, args []term.Term) term.Term {
		f, l := args[0], args[1]
		if !isFunN(f, 1) {
			fclause("lists", "dropwhile", args...)
		}
		elems, tail, ok := listView(l)
		if !ok {
			fclause("lists", "dropwhile", args...)
		}
		for i, x := range elems {
			if !predicate(p, f, x, "dropwhile", 2) {
				return consList(elems[i:], tail)
			}
		}
		if tail != nil {
			fclause("lists", "dropwhile", args...)
		}
		return term.List{}
	})
	e.def("takewhile", 2, func(p *otp.Process, args []term.Term) term.Term {
		f, l := args[0], args[1]
		if !isFunN(f, 1) {
			fclause("lists", "takewhile", args...)
		}
		elems, tail, ok := listView(l)
		if !ok {
			fclause("lists", "takewhile", args...)
		}
		for i, x := range elems {
			if !predicate(p, f, x, "takewhile", 2) {
				return append(term.List{}, elems[:i]...)
			}
		}
		if tail != nil {
			fclause("lists", "takewhile", args...)
		}
		return append(term.List{}, elems...)
	})
}

func listsBasic(e exports) {
	e.def("reverse", 1, func(_ *otp.Process, args []term.Term) term.Term {
		elems, ok := properList(args[0])
		if !ok {
			fclause("lists", "reverse", args...)
		}
		out := make(term.List, len(elems))
		for i, x := range elems {
			out[len(elems)-1-i] = x
		}
		return out
	})
	e.def("reverse", 2, func(_ *otp.Process, args []term.Term) term.Term {
		elems, ok := properList(args[0])
		if !ok {
			stdlibError(badarg, "lists", "reverse", args, why{1: listMsg(args[0])})
		}
		out := make([]term.Term, len(elems))
		for i, x := range elems {
			out[len(elems)-1-i] = x
		}
		return term.Cons(args[1], out...)
	})
	e.def("seq", 2, func(_ *otp.Process, args []term.Term) term.Term {
		from, ok1 := bigOf(args[0])
		to, ok2 := bigOf(args[1])
		if !ok1 || !ok2 || new(big.Int).Sub(from, big.NewInt(1)).Cmp(to) > 0 {
			fclause("lists", "seq", args...)
		}
		n := new(big.Int).Sub(to, from)
		return seqList(from, n.Add(n, big.NewInt(1)), big.NewInt(1), "seq", args)
	})
	e.def("seq", 3, func(_ *otp.Process, args []term.Term) term.Term {
		w := why{}
		var v [3]*big.Int
		for i := range v {
			n, ok := bigOf(args[i])
			if !ok {
				w[i+1] = "not an integer"
			}
			v[i] = n
		}
		if len(w) > 0 {
			stdlibError(badarg, "lists", "seq", args, w)
		}
		from, to, inc := v[0], v[1], v[2]
		// First - Inc, compared with Last.
		c := new(big.Int).Sub(from, inc).Cmp(to)
		switch s := inc.Sign(); {
		case s > 0 && c <= 0, s < 0 && c >= 0:
			// N = (Last - First + Inc) div Inc.
			n := new(big.Int).Sub(to, from)
			n.Quo(n.Add(n, inc), inc)
			return seqList(from, n, inc, "seq", args)
		case s == 0 && from.Cmp(to) == 0:
			return term.List{intTerm(from)}
		case s <= 0 && c <= 0:
			stdlibError(badarg, "lists", "seq", args, why{3: "not a positive increment"})
		default:
			stdlibError(badarg, "lists", "seq", args, why{3: "not a negative increment"})
		}
		return nil
	})
	e.def("sum", 1, func(_ *otp.Process, args []term.Term) term.Term {
		elems, ok := properList(args[0])
		if !ok {
			fclause("lists", "sum", args...)
		}
		var acc term.Term = 0
		for _, x := range elems {
			s, ok := add(acc, x)
			if !ok {
				raiseCall(badarith, "+", []term.Term{acc, x}, nil, "lists", "sum", 1)
			}
			acc = s
		}
		return acc
	})
	e.def("nth", 2, func(_ *otp.Process, args []term.Term) term.Term {
		n, ok := intOf(args[0])
		elems, _, isL := listView(args[1])
		if !ok {
			if term.Compare(args[0], 1) > 0 && isL && len(elems) > 0 {
				raiseIn(badarith, "lists", "nth", 2)
			}
			fclause("lists", "nth", args...)
		}
		if n < 1 || n > len(elems) {
			fclause("lists", "nth", args...)
		}
		return elems[n-1]
	})
	e.def("nthtail", 2, func(_ *otp.Process, args []term.Term) term.Term {
		n, ok := intOf(args[0])
		elems, tail, isL := listView(args[1])
		if !ok || n < 0 || !isL || n > len(elems) {
			fclause("lists", "nthtail", args...)
		}
		return consList(elems[n:], tail)
	})
	e.def("member", 2, func(_ *otp.Process, args []term.Term) term.Term {
		elems, tail, ok := listView(args[1])
		if !ok {
			stdlibError(badarg, "lists", "member", args, why{2: "not a list"})
		}
		for _, x := range elems {
			if term.Exact(x, args[0]) {
				return term.True
			}
		}
		if tail != nil {
			stdlibError(badarg, "lists", "member", args, why{2: "not a proper list"})
		}
		return term.False
	})
	e.def("append", 1, func(_ *otp.Process, args []term.Term) term.Term {
		lists, ok := properList(args[0])
		if !ok {
			fclause("lists", "append", args...)
		}
		if len(lists) == 0 {
			return term.List{}
		}
		var out []term.Term
		for i, l := range lists[:len(lists)-1] {
			elems, ok := properList(l)
			if !ok {
				rest := term.List(lists[i+1:])
				raiseCall(badarg, "++", []term.Term{l, appendAll(rest)}, nil, "lists", "append", 1)
			}
			out = append(out, elems...)
		}
		return term.Cons(lists[len(lists)-1], out...)
	})
	e.def("append", 2, func(_ *otp.Process, args []term.Term) term.Term {
		elems, ok := properList(args[0])
		if !ok {
			raiseCall(badarg, "++", args, nil, "lists", "append", 2)
		}
		return term.Cons(args[1], elems...)
	})
	e.def("subtract", 2, func(_ *otp.Process, args []term.Term) term.Term {
		a, ok1 := properList(args[0])
		b, ok2 := properList(args[1])
		if !ok1 || !ok2 {
			raiseCall(badarg, "--", args, nil, "lists", "subtract", 2)
		}
		return subtract(a, b)
	})
	e.def("delete", 2, func(_ *otp.Process, args []term.Term) term.Term {
		elems, tail, ok := listView(args[1])
		if !ok {
			fclause("lists", "delete", args...)
		}
		for i, x := range elems {
			if term.Exact(x, args[0]) {
				out := append(append([]term.Term{}, elems[:i]...), elems[i+1:]...)
				return consList(out, tail)
			}
		}
		if tail != nil {
			fclause("lists", "delete", args...)
		}
		return append(term.List{}, elems...)
	})
	e.def("flatten", 1, func(_ *otp.Process, args []term.Term) term.Term {
		out, ok := flatten(term.List{}, args[0])
		if !ok {
			fclause("lists", "flatten", args...)
		}
		return out
	})
	e.def("zip", 2, func(_ *otp.Process, args []term.Term) term.Term {
		a, ok1 := properList(args[0])
		b, ok2 := properList(args[1])
		if !ok1 || !ok2 || len(a) != len(b) {
			fclause("lists", "zip", args...)
		}
		out := make(term.List, len(a))
		for i := range a {
			out[i] = term.Tuple{a[i], b[i]}
		}
		return out
	})
	e.def("unzip", 1, func(_ *otp.Process, args []term.Term) term.Term {
		elems, ok := properList(args[0])
		if !ok {
			fclause("lists", "unzip", args...)
		}
		a, b := make(term.List, len(elems)), make(term.List, len(elems))
		for i, x := range elems {
			t, ok := norm(x).(term.Tuple)
			if !ok || len(t) != 2 {
				fclause("lists", "unzip", args...)
			}
			a[i], b[i] = t[0], t[1]
		}
		return term.Tuple{a, b}
	})
	e.def("last", 1, func(_ *otp.Process, args []term.Term) term.Term {
		elems, ok := properList(args[0])
		if !ok || len(elems) == 0 {
			fclause("lists", "last", args...)
		}
		return elems[len(elems)-1]
	})
	maxMin := func(name string, sign int) code.Func {
		return func(_ *otp.Process, args []term.Term) term.Term {
			elems, ok := properList(args[0])
			if !ok || len(elems) == 0 {
				fclause("lists", name, args...)
			}
			best := elems[0]
			for _, x := range elems[1:] {
				if term.Compare(x, best)*sign > 0 {
					best = x
				}
			}
			return best
		}
	}
	e.def("max", 1, maxMin("max", 1))
	e.def("min", 1, maxMin("min", -1))
	e.def("duplicate", 2, func(_ *otp.Process, args []term.Term) term.Term {
		b, ok := bigOf(args[0])
		if !ok || b.Sign() < 0 {
			fclause("lists", "duplicate", args...)
		}
		n := listLen(b, "duplicate", args)
		out := make(term.List, 0, min(n, prealloc))
		for range n {
			out = append(out, args[1])
		}
		return out
	})
	e.def("split", 2, func(_ *otp.Process, args []term.Term) term.Term {
		n, ok := intOf(args[0])
		elems, tail, isL := listView(args[1])
		if !ok || n < 0 || !isL {
			RaiseBIF(badarg, "lists", "split", args, Explanation{Module: erlStdlibErrors})
		}
		if n > len(elems) {
			if tail != nil {
				fclause("lists", "split", args...)
			}
			RaiseBIF(badarg, "lists", "split", args, Explanation{Module: erlStdlibErrors})
		}
		return term.Tuple{append(term.List{}, elems[:n]...), consList(elems[n:], tail)}
	})
	e.def("sublist", 2, func(_ *otp.Process, args []term.Term) term.Term {
		return sublist(args[0], args[1], args)
	})
	e.def("sublist", 3, func(_ *otp.Process, args []term.Term) term.Term {
		start, ok1 := capInt(args[1])
		n, ok2 := capInt(args[2])
		if !ok1 || !ok2 || n < 0 || start < 1 {
			fclause("lists", "sublist", args...)
		}
		elems, tail, ok := listView(args[0])
		if !ok {
			fclause("lists", "sublist", args...)
		}
		if start-1 > len(elems) {
			if tail != nil {
				fclause("lists", "sublist", args...)
			}
			return term.List{}
		}
		return sublist(consList(elems[start-1:], tail), n, args)
	})
	e.def("concat", 1, func(_ *otp.Process, args []term.Term) term.Term {
		things, ok := properList(args[0])
		if !ok {
			fclause("lists", "concat", args...)
		}
		var out []term.Term
		for _, t := range things {
			var s string
			switch v := norm(t).(type) {
			case term.Atom:
				s = string(v)
			case float64:
				s = floatToList(v)
			default:
				if term.IsInteger(v) {
					b, _ := term.BigInt(v)
					s = b.String()
					break
				}
				elems, ok := properList(v)
				if !ok {
					fclause("lists", "thing_to_list", t)
				}
				out = append(out, elems...)
				continue
			}
			for _, r := range s {
				out = append(out, int(r))
			}
		}
		return term.List(out)
	})
}

// appendAll is the concatenation of lists, for an error report.
func appendAll(lists term.List) term.Term {
	var out []term.Term
	for i, l := range lists {
		elems, tail, ok := listView(l)
		if !ok || tail != nil || i == len(lists)-1 {
			return term.Cons(l, out...)
		}
		out = append(out, elems...)
	}
	return term.List(out)
}

// sublist is lists:sublist/2.
func sublist(l, length term.Term, args []term.Term) term.Term {
	n, ok := capInt(length)
	elems, tail, isL := listView(l)
	if !ok || n < 0 || !isL {
		fclause("lists", "sublist", args...)
	}
	if n > len(elems) {
		if tail != nil {
			fclause("lists", "sublist", args...)
		}
		n = len(elems)
	}
	return append(term.List{}, elems[:n]...)
}

// flatten appends the elements of a deep proper list to out.
func flatten(out term.List, t term.Term) (term.List, bool) {
	elems, ok := properList(t)
	if !ok {
		return nil, false
	}
	for _, x := range elems {
		if isList(x) {
			if out, ok = flatten(out, x); !ok {
				return nil, false
			}
			continue
		}
		out = append(out, x)
	}
	return out, true
}

func listsKeys(e exports) {
	keyArgs := func(name string, args []term.Term) (int, []term.Term, term.Term) {
		w := why{}
		n, ok := intOf(args[1])
		switch {
		case !isInteger(args[1]):
			w[2] = "not an integer"
		case !ok || n < 1:
			w[2] = "out of range"
		}
		elems, tail, isL := listView(args[2])
		if !isL {
			w[3] = "not a list"
		}
		if len(w) > 0 {
			stdlibError(badarg, "lists", name, args, w)
		}
		return n, elems, tail
	}
	keyfind := func(name string, args []term.Term) term.Term {
		n, elems, tail := keyArgs(name, args)
		for _, x := range elems {
			if t, ok := norm(x).(term.Tuple); ok && len(t) >= n && term.Equal(t[n-1], args[0]) {
				return t
			}
		}
		if tail != nil {
			stdlibError(badarg, "lists", name, args, why{3: "not a proper list"})
		}
		return nil
	}
	e.def("keyfind", 3, func(_ *otp.Process, args []term.Term) term.Term {
		if t := keyfind("keyfind", args); t != nil {
			return t
		}
		return term.False
	})
	e.def("keymember", 3, func(_ *otp.Process, args []term.Term) term.Term {
		return term.Bool(keyfind("keymember", args) != nil)
	})
	e.def("keysearch", 3, func(_ *otp.Process, args []term.Term) term.Term {
		if t := keyfind("keysearch", args); t != nil {
			return term.Tuple{term.Atom("value"), t}
		}
		return term.False
	})
	// matchAt returns the index of the first tuple whose nth element
	// equals key; -1 when none does before the end or an improper tail.
	matchAt := func(elems []term.Term, n int, key term.Term) int {
		for i, x := range elems {
			if t, ok := norm(x).(term.Tuple); ok && len(t) >= n && term.Equal(t[n-1], key) {
				return i
			}
		}
		return -1
	}
	e.def("keydelete", 3, func(_ *otp.Process, args []term.Term) term.Term {
		n, ok := intOf(args[1])
		elems, tail, isL := listView(args[2])
		if !ok || n < 1 || !isL {
			fclause("lists", "keydelete", args...)
		}
		i := matchAt(elems, n, args[0])
		if i < 0 {
			if tail != nil {
				fclause("lists", "keydelete", args...)
			}
			return append(term.List{}, elems...)
		}
		out := append(append([]term.Term{}, elems[:i]...), elems[i+1:]...)
		return consList(out, tail)
	})
	e.def("keystore", 4, func(_ *otp.Process, args []term.Term) term.Term {
		n, ok := intOf(args[1])
		_, isTuple := norm(args[3]).(term.Tuple)
		elems, tail, isL := listView(args[2])
		if !ok || n < 1 || !isTuple || !isL {
			fclause("lists", "keystore", args...)
		}
		i := matchAt(elems, n, args[0])
		if i < 0 {
			if tail != nil {
				fclause("lists", "keystore", args...)
			}
			return append(append(term.List{}, elems...), args[3])
		}
		out := append([]term.Term{}, elems...)
		out[i] = args[3]
		return consList(out, tail)
	})
}

func listsSort(e exports) {
	e.def("sort", 1, func(_ *otp.Process, args []term.Term) term.Term {
		elems, ok := properList(args[0])
		if !ok {
			fclause("lists", "sort", args...)
		}
		out := append(term.List{}, elems...)
		term.Sort(out)
		return out
	})
	e.def("usort", 1, func(_ *otp.Process, args []term.Term) term.Term {
		elems, ok := properList(args[0])
		if !ok {
			fclause("lists", "usort", args...)
		}
		out := append(term.List{}, elems...)
		term.Sort(out)
		return slices.CompactFunc(out, term.Equal)
	})
	e.def("sort", 2, func(p *otp.Process, args []term.Term) term.Term {
		f := args[0]
		elems, ok := properList(args[1])
		if !ok {
			fclause("lists", "sort", args...)
		}
		le := func(a, b term.Term) bool {
			v := norm(call(p, f, a, b))
			switch v {
			case term.True:
				return true
			case term.False:
				return false
			}
			caseClause(v, "sort", 2)
			return false
		}
		return mergeSort(append(term.List{}, elems...), le)
	})
	e.def("keysort", 2, func(_ *otp.Process, args []term.Term) term.Term {
		n, ok := intOf(args[0])
		if !ok || n < 1 {
			fclause("lists", "keysort", args...)
		}
		elems, ok := properList(args[1])
		if !ok {
			caseClause(args[1], "keysort", 2)
		}
		if len(elems) < 2 {
			return append(term.List{}, elems...)
		}
		keys := make([]term.Term, len(elems))
		for i, x := range elems {
			t, ok := norm(x).(term.Tuple)
			if !ok || len(t) < n {
				w := why{1: "out of range"}
				if !ok {
					w = why{2: "not a tuple"}
				}
				raiseCall(badarg, "element", []term.Term{args[0], x}, w, "lists", "keysort", 2)
			}
			keys[i] = t[n-1]
		}
		idx := make([]int, len(elems))
		for i := range idx {
			idx[i] = i
		}
		slices.SortStableFunc(idx, func(a, b int) int { return term.Compare(keys[a], keys[b]) })
		out := make(term.List, len(elems))
		for i, j := range idx {
			out[i] = elems[j]
		}
		return out
	})
}

// mergeSort sorts l stably by le, an ordering function that says whether
// its first argument may come before its second.
func mergeSort(l term.List, le func(a, b term.Term) bool) term.List {
	if len(l) < 2 {
		return l
	}
	buf := make(term.List, len(l))
	for width := 1; width < len(l); width *= 2 {
		for lo := 0; lo < len(l); lo += 2 * width {
			mid := min(lo+width, len(l))
			hi := min(lo+2*width, len(l))
			i, j, k := lo, mid, lo
			for i < mid && j < hi {
				if le(l[i], l[j]) {
					buf[k] = l[i]
					i++
				} else {
					buf[k] = l[j]
					j++
				}
				k++
			}
			k += copy(buf[k:], l[i:mid])
			copy(buf[k:], l[j:hi])
		}
		l, buf = buf, l
	}
	return l
}

// MaxListLength is the length of the longest list that lists:seq/2,3
// and lists:duplicate/2 make. This is a deviation from OTP, which tries
// to make a longer list and runs out of memory: here the call raises
// error system_limit instead.
const MaxListLength = 1 << 28

// prealloc is the most elements a function allocates room for before
// it has made them: a list longer than this grows as it is made.
const prealloc = 1 << 12

// listLen returns n as an int, or raises system_limit from
// lists:Function(Args...) when n is beyond MaxListLength.
func listLen(n *big.Int, function string, args []term.Term) int {
	if !n.IsInt64() || n.Int64() > MaxListLength {
		systemLimit("lists", function, args...)
	}
	return int(n.Int64())
}

// seqList is the list of the n integers From, From+Inc, From+2*Inc...,
// for lists:Function(Args...).
func seqList(from, n, inc *big.Int, function string, args []term.Term) term.List {
	count := listLen(n, function, args)
	out := make(term.List, 0, min(count, prealloc))
	if count == 0 {
		return out
	}
	// The last element fits an int when the first does and so does it:
	// then no element overflows.
	last := new(big.Int).Mul(inc, big.NewInt(int64(count-1)))
	last.Add(last, from)
	if from.IsInt64() && last.IsInt64() && inc.IsInt64() {
		x, step := int(from.Int64()), int(inc.Int64())
		for k := range count {
			if k > 0 {
				x += step
			}
			out = append(out, x)
		}
		return out
	}
	x := new(big.Int).Set(from)
	for range count {
		out = append(out, intTerm(new(big.Int).Set(x)))
		x.Add(x, inc)
	}
	return out
}

// capInt returns an integer as an int, a bignum as the int nearest it:
// for a length or a position, a positive bignum is beyond any list.
func capInt(t term.Term) (int, bool) {
	b, ok := bigOf(t)
	switch {
	case !ok:
		return 0, false
	case b.IsInt64():
		return int(b.Int64()), true
	case b.Sign() > 0:
		return math.MaxInt, true
	}
	return math.MinInt, true
}

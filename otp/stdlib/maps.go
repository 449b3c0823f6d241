package stdlib

import (
	"github.com/scalability-go/otpbook/otp"
	"github.com/scalability-go/otpbook/otp/code"
	"github.com/scalability-go/otpbook/otp/term"
)

// The module maps:
//
//	new/0 get/2,3 find/2 is_key/2 keys/1 values/1 size/1 to_list/1
//	from_list/1 put/3 remove/2 update/3 take/2 merge/2 with/2 without/2
//	fold/3 map/2 filter/2
//
// A map argument that is not a map raises {badmap, Map}, a missing key
// {badkey, Key}, and other bad arguments badarg, explained as OTP 25's
// erl_stdlib_errors explains them.
func mapsModule() *code.Module {
	e := exports{}
	e.def("new", 0, func(*otp.Process, []term.Term) term.Term { return term.Map{} })
	e.def("get", 2, func(_ *otp.Process, args []term.Term) term.Term {
		m := mapArg("get", args, 2)
		v, ok := m.Get(args[0])
		if !ok {
			stdlibError(term.Tuple{term.Atom("badkey"), args[0]}, "maps", "get", args, why{1: "not present in map"})
		}
		return v
	})
	e.def("get", 3, func(_ *otp.Process, args []term.Term) term.Term {
		if v, ok := mapArg("get", args, 2).Get(args[0]); ok {
			return v
		}
		return args[2]
	})
	e.def("find", 2, func(_ *otp.Process, args []term.Term) term.Term {
		if v, ok := mapArg("find", args, 2).Get(args[0]); ok {
			return term.Tuple{term.OK, v}
		}
		return term.Error
	})
	e.def("is_key", 2, func(_ *otp.Process, args []term.Term) term.Term {
		_, ok := mapArg("is_key", args, 2).Get(args[0])
		return term.Bool(ok)
	})
	e.def("keys", 1, func(_ *otp.Process, args []term.Term) term.Term {
		return mapArg("keys", args, 1).Keys()
	})
	e.def("values", 1, func(_ *otp.Process, args []term.Term) term.Term {
		l := term.List{}
		for _, v := range mapArg("values", args, 1).All() {
			l = append(l, v)
		}
		return l
	})
	e.def("size", 1, func(_ *otp.Process, args []term.Term) term.Term {
		return mapArg("size", args, 1).Len()
	})
	e.def("to_list", 1, func(_ *otp.Process, args []term.Term) term.Term {
		l := term.List{}
		for k, v := range mapArg("to_list", args, 1).All() {
			l = append(l, term.Tuple{k, v})
		}
		return l
	})
	e.def("from_list", 1, func(_ *otp.Process, args []term.Term) term.Term {
		elems, ok := properList(args[0])
		if !ok {
			stdlibError(badarg, "maps", "from_list", args, why{1: listMsg(args[0])})
		}
		entries := make([]term.MapEntry, len(elems))
		for i, x := range elems {
			t, ok := norm(x).(term.Tuple)
			if !ok || len(t) != 2 {
				stdlibError(badarg, "maps", "from_list", args, nil)
			}
			entries[i] = term.MapEntry{Key: t[0], Value: t[1]}
		}
		return term.NewMap(entries...)
	})
	e.def("put", 3, func(_ *otp.Process, args []term.Term) term.Term {
		return mapArg("put", args, 3).Put(args[0], args[1])
	})
	e.def("remove", 2, func(_ *otp.Process, args []term.Term) term.Term {
		return mapArg("remove", args, 2).Delete(args[0])
	})
	e.def("update", 3, func(_ *otp.Process, args []term.Term) term.Term {
		m := mapArg("update", args, 3)
		if _, ok := m.Get(args[0]); !ok {
			// What OTP 25 says of a missing key.
			stdlibError(term.Tuple{term.Atom("badkey"), args[0]}, "maps", "update", args, why{3: "not a map"})
		}
		return m.Put(args[0], args[1])
	})
	e.def("take", 2, func(_ *otp.Process, args []term.Term) term.Term {
		m := mapArg("take", args, 2)
		v, ok := m.Get(args[0])
		if !ok {
			return term.Error
		}
		return term.Tuple{v, m.Delete(args[0])}
	})
	e.def("merge", 2, func(_ *otp.Process, args []term.Term) term.Term {
		a, ok1 := norm(args[0]).(term.Map)
		b, ok2 := norm(args[1]).(term.Map)
		if !ok1 || !ok2 {
			w := why{}
			bad := args[1]
			if !ok2 {
				w[2] = "not a map"
			}
			if !ok1 {
				w[1] = "not a map"
				bad = args[0]
			}
			stdlibError(term.Tuple{term.Atom("badmap"), bad}, "maps", "merge", args, w)
		}
		for k, v := range b.All() {
			a = a.Put(k, v)
		}
		return a
	})
	withWithout := func(name string, keep bool) code.Func {
		return func(_ *otp.Process, args []term.Term) term.Term {
			keys, isList := properList(args[0])
			m, isMap := norm(args[1]).(term.Map)
			if !isList || !isMap {
				w := why{}
				if msg := listMsg(args[0]); msg != "" {
					w[1] = msg
				}
				var reason term.Term = badarg
				if !isMap {
					w[2] = "not a map"
					reason = term.Tuple{term.Atom("badmap"), args[1]}
				}
				stdlibError(reason, "maps", name, args, w)
			}
			if !keep {
				for _, k := range keys {
					m = m.Delete(k)
				}
				return m
			}
			out := term.Map{}
			for _, k := range keys {
				if v, ok := m.Get(k); ok {
					out = out.Put(k, v)
				}
			}
			return out
		}
	}
	e.def("with", 2, withWithout("with", true))
	e.def("without", 2, withWithout("without", false))
	e.def("fold", 3, func(p *otp.Process, args []term.Term) term.Term {
		m := funAndMap("fold", args, 0, 3, 2)
		acc := args[1]
		for k, v := range m.All() {
			acc = call(p, args[0], k, v, acc)
		}
		return acc
	})
	e.def("map", 2, func(p *otp.Process, args []term.Term) term.Term {
		m := funAndMap("map", args, 0, 2, 1)
		out := term.Map{}
		for k, v := range m.All() {
			out = out.Put(k, call(p, args[0], k, v))
		}
		return out
	})
	e.def("filter", 2, func(p *otp.Process, args []term.Term) term.Term {
		m := funAndMap("filter", args, 0, 2, 1)
		out := term.Map{}
		for k, v := range m.All() {
			switch r := norm(call(p, args[0], k, v)); r {
			case term.True:
				out = out.Put(k, v)
			case term.False:
			default:
				raiseIn(term.Tuple{term.Atom("case_clause"), r}, "maps", "filter", 2)
			}
		}
		return out
	})
	return module("maps", e)
}

// mapArg returns argument n (from 1), which must be a map.
func mapArg(fn string, args []term.Term, n int) term.Map {
	m, ok := norm(args[n-1]).(term.Map)
	if !ok {
		stdlibError(term.Tuple{term.Atom("badmap"), args[n-1]}, "maps", fn, args, why{n: "not a map"})
	}
	return m
}

// funAndMap checks the fun (argument f, from 0) of the given arity and
// the map (argument mi, from 0) of maps:fold/3, map/2 and filter/2.
func funAndMap(fn string, args []term.Term, f, arity, mi int) term.Map {
	m, isMap := norm(args[mi]).(term.Map)
	if !isFunN(args[f], arity) {
		w := why{f + 1: "not a fun that takes " + [...]string{"no arguments", "one argument", "two arguments", "three arguments"}[arity]}
		if !isMap {
			w[mi+1] = "not a map or an iterator"
		}
		stdlibError(badarg, "maps", fn, args, w)
	}
	if !isMap {
		stdlibError(term.Tuple{term.Atom("badmap"), args[mi]}, "maps", fn, args, why{mi + 1: "not a map or an iterator"})
	}
	return m
}

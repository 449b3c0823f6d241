package matchspec

import (
	"unicode/utf8"

	"github.com/scalability-go/otpbook/otp/term"
)

// Guard functions of arity 0 to 3. Each returns ok false where the
// Erlang function raises an error.
type (
	bif0 func(s *state) (term.Term, bool)
	bif1 func(a term.Term) (term.Term, bool)
	bif2 func(a, b term.Term) (term.Term, bool)
	bif3 func(a, b, c term.Term) (term.Term, bool)
)

// kindTest makes a type test.
func kindTest(kinds ...term.Kind) bif1 {
	return func(a term.Term) (term.Term, bool) {
		k := term.KindOf(a)
		for _, want := range kinds {
			if k == want {
				return trueT, true
			}
		}
		return falseT, true
	}
}

// bifs are the functions that OTP 25 allows in match specifications of
// the table dialect, by name/arity.
var bifs = map[string]any{
	"is_atom/1":      kindTest(term.KindAtom),
	"is_float/1":     bif1(func(a term.Term) (term.Term, bool) { x, ok := toNum(a); return boolT(ok && x.kind == numFloat), true }),
	"is_integer/1":   bif1(func(a term.Term) (term.Term, bool) { x, ok := toNum(a); return boolT(ok && x.kind != numFloat), true }),
	"is_list/1":      kindTest(term.KindList, term.KindNil),
	"is_number/1":    kindTest(term.KindNumber),
	"is_pid/1":       kindTest(term.KindPid),
	"is_port/1":      kindTest(term.KindPort),
	"is_reference/1": kindTest(term.KindRef),
	"is_tuple/1":     kindTest(term.KindTuple),
	"is_map/1":       kindTest(term.KindMap),
	"is_binary/1": bif1(func(a term.Term) (term.Term, bool) {
		switch unwrap(a).(type) {
		case term.Binary, []byte:
			return trueT, true
		}
		return falseT, true
	}),
	"is_function/1": kindTest(term.KindFun),
	"is_record/3":   bif3(isRecord),
	"is_map_key/2": bif2(func(k, m term.Term) (term.Term, bool) {
		mp, ok := unwrap(m).(term.Map)
		if !ok {
			return nil, false
		}
		_, has := mp.Get(k)
		return boolT(has), true
	}),
	"map_get/2": bif2(func(k, m term.Term) (term.Term, bool) {
		mp, ok := unwrap(m).(term.Map)
		if !ok {
			return nil, false
		}
		return mp.Get(k)
	}),
	"map_size/1": bif1(func(m term.Term) (term.Term, bool) {
		mp, ok := unwrap(m).(term.Map)
		if !ok {
			return nil, false
		}
		return mp.Len(), true
	}),
	"abs/1":     bif1(absNum),
	"element/2": bif2(element),
	"hd/1": bif1(func(l term.Term) (term.Term, bool) {
		h, _, ok := cons(l, false)
		return h, ok
	}),
	"tl/1": bif1(func(l term.Term) (term.Term, bool) {
		_, t, ok := cons(l, true)
		return t, ok
	}),
	"length/1": bif1(length),
	"node/0": bif0(func(s *state) (term.Term, bool) {
		return nodeName(s.self.Node), true
	}),
	"node/1": bif1(func(a term.Term) (term.Term, bool) {
		switch v := unwrap(a).(type) {
		case term.Pid:
			return nodeName(v.Node), true
		case term.Port:
			return nodeName(v.Node), true
		case term.Ref:
			return nodeName(v.Node), true
		}
		return nil, false
	}),
	"round/1": bif1(func(a term.Term) (term.Term, bool) { return toInteger(a, true) }),
	"trunc/1": bif1(func(a term.Term) (term.Term, bool) { return toInteger(a, false) }),
	"float/1": bif1(toFloat),
	"size/1": bif1(func(a term.Term) (term.Term, bool) {
		if tp, ok := asTuple(a); ok {
			return len(tp), true
		}
		n, ok := bitSize(a)
		return n / 8, ok
	}),
	"byte_size/1": bif1(func(a term.Term) (term.Term, bool) {
		n, ok := bitSize(a)
		return (n + 7) / 8, ok
	}),
	"bit_size/1": bif1(func(a term.Term) (term.Term, bool) {
		n, ok := bitSize(a)
		return n, ok
	}),
	"binary_part/3": bif3(binaryPart),
	"binary_part/2": bif2(func(bin, pos term.Term) (term.Term, bool) {
		tp, ok := asTuple(pos)
		if !ok || len(tp) != 2 {
			return nil, false
		}
		return binaryPart(bin, tp[0], tp[1])
	}),
	"+/1": bif1(func(a term.Term) (term.Term, bool) {
		if !isNumber(a) {
			return nil, false
		}
		return a, true
	}),
	"-/1":    bif1(neg),
	"+/2":    bif2(func(a, b term.Term) (term.Term, bool) { return arith('+', a, b) }),
	"-/2":    bif2(func(a, b term.Term) (term.Term, bool) { return arith('-', a, b) }),
	"*/2":    bif2(func(a, b term.Term) (term.Term, bool) { return arith('*', a, b) }),
	"//2":    bif2(divide),
	"div/2":  bif2(func(a, b term.Term) (term.Term, bool) { return intOp("div", a, b) }),
	"rem/2":  bif2(func(a, b term.Term) (term.Term, bool) { return intOp("rem", a, b) }),
	"band/2": bif2(func(a, b term.Term) (term.Term, bool) { return intOp("band", a, b) }),
	"bor/2":  bif2(func(a, b term.Term) (term.Term, bool) { return intOp("bor", a, b) }),
	"bxor/2": bif2(func(a, b term.Term) (term.Term, bool) { return intOp("bxor", a, b) }),
	"bsl/2":  bif2(func(a, b term.Term) (term.Term, bool) { return intOp("bsl", a, b) }),
	"bsr/2":  bif2(func(a, b term.Term) (term.Term, bool) { return intOp("bsr", a, b) }),
	"bnot/1": bif1(bnot),
	">/2":    bif2(func(a, b term.Term) (term.Term, bool) { return boolT(term.Compare(a, b) > 0), true }),
	">=/2":   bif2(func(a, b term.Term) (term.Term, bool) { return boolT(term.Compare(a, b) >= 0), true }),
	"</2":    bif2(func(a, b term.Term) (term.Term, bool) { return boolT(term.Compare(a, b) < 0), true }),
	"=</2":   bif2(func(a, b term.Term) (term.Term, bool) { return boolT(term.Compare(a, b) <= 0), true }),
	"==/2":   bif2(func(a, b term.Term) (term.Term, bool) { return boolT(term.Equal(a, b)), true }),
	"=:=/2":  bif2(func(a, b term.Term) (term.Term, bool) { return boolT(term.Exact(a, b)), true }),
	"/=/2":   bif2(func(a, b term.Term) (term.Term, bool) { return boolT(!term.Equal(a, b)), true }),
	"=/=/2":  bif2(func(a, b term.Term) (term.Term, bool) { return boolT(!term.Exact(a, b)), true }),
	"not/1": bif1(func(a term.Term) (term.Term, bool) {
		x, ok := boolOf(a)
		return boolT(!x), ok
	}),
	"xor/2": bif2(func(a, b term.Term) (term.Term, bool) {
		x, ok1 := boolOf(a)
		y, ok2 := boolOf(b)
		return boolT(x != y), ok1 && ok2
	}),
}

// traceForms are the special forms of the trace dialect, with the name
// ERTS gives them in its error message.
var traceForms = map[term.Atom]string{
	"message":         "message",
	"return_trace":    "return_trace",
	"exception_trace": "exception_trace",
	"process_dump":    "process_dump",
	"enable_trace":    "enable_trace",
	"disable_trace":   "disable_trace",
	"trace":           "trace",
	"display":         "display",
	"caller":          "caller",
	"caller_line":     "caller_line",
	"set_seq_token":   "set_seq_trace",
	"get_seq_token":   "get_seq_token",
	"silent":          "silent",
	"is_seq_trace":    "is_seq_trace",
}

// traceBifs are functions only the trace dialect may call.
var traceBifs = map[string]bool{"get_tcw/0": true, "set_tcw/1": true, "set_tcw_fake/1": true}

func nodeName(n term.Atom) term.Term {
	if n == "" {
		return term.Atom("nonode@nohost")
	}
	return n
}

// The range of ERTS's small (immediate) integers on a 64-bit machine.
const (
	minSmall = -1 << 59
	maxSmall = 1<<59 - 1
)

func isRecord(t, tag, size term.Term) (term.Term, bool) {
	a, ok := unwrap(tag).(term.Atom)
	if !ok {
		return nil, false
	}
	n, ok := toNum(size)
	if !ok || n.kind != numInt || n.i < minSmall || n.i > maxSmall {
		return nil, false // is_record/3 wants a small integer
	}
	tp, ok := asTuple(t)
	if !ok || len(tp) != n.i || len(tp) == 0 {
		return falseT, true
	}
	return boolT(term.Exact(tp[0], a)), true
}

func element(i, t term.Term) (term.Term, bool) {
	n, ok := toNum(i)
	if !ok || n.kind != numInt {
		return nil, false
	}
	tp, ok := asTuple(t)
	if !ok || n.i < 1 || n.i > len(tp) {
		return nil, false
	}
	return tp[n.i-1], true
}

// cons splits a non-empty list into head and tail; the tail is made only
// when wantTail is set.
func cons(l term.Term, wantTail bool) (h, t term.Term, ok bool) {
	switch v := unwrap(l).(type) {
	case term.List:
		if len(v) == 0 {
			return nil, nil, false
		}
		if wantTail {
			t = v[1:]
		}
		return v[0], t, true
	case string:
		if v == "" {
			return nil, nil, false
		}
		r, size := utf8.DecodeRuneInString(v)
		if wantTail {
			t = v[size:]
		}
		return int(r), t, true
	case term.ImproperList:
		if wantTail {
			if len(v.Elems) == 1 {
				t = v.Tail
			} else {
				t = term.ImproperList{Elems: v.Elems[1:], Tail: v.Tail}
			}
		}
		return v.Elems[0], t, true
	}
	return nil, nil, false
}

func length(l term.Term) (term.Term, bool) {
	switch v := unwrap(l).(type) {
	case term.List:
		return len(v), true
	case string:
		return utf8.RuneCountInString(v), true
	}
	return nil, false
}

func bitSize(t term.Term) (int, bool) {
	switch v := unwrap(t).(type) {
	case term.Binary:
		return len(v) * 8, true
	case []byte:
		return len(v) * 8, true
	case term.BitString:
		return v.BitLen(), true
	}
	return 0, false
}

func binaryPart(bin, start, length term.Term) (term.Term, bool) {
	var b []byte
	switch v := unwrap(bin).(type) {
	case term.Binary:
		b = v
	case []byte:
		b = v
	case term.BitString:
		b = v.Bytes[:v.BitLen()/8] // the whole bytes
	default:
		return nil, false
	}
	s, ok1 := toNum(start)
	l, ok2 := toNum(length)
	if !ok1 || !ok2 || s.kind != numInt || l.kind != numInt {
		return nil, false
	}
	from, n := s.i, l.i
	if from < 0 || from > len(b) {
		return nil, false
	}
	if n < 0 {
		if -n > from {
			return nil, false
		}
		from, n = from+n, -n
	}
	if n > len(b)-from {
		return nil, false
	}
	return term.Binary(b[from : from+n : from+n]), true
}

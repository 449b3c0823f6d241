package term

import (
	"bytes"
	"cmp"
	"math"
	"math/big"
	"slices"
	"strings"
	"unicode/utf8"
)

// Compare orders two terms in Erlang's term order and returns -1, 0 or +1.
// Numbers compare by value, so Compare(1, 1.0) is 0, as 1 == 1.0 is true
// in Erlang; this is the order of <, =<, lists:sort/1 and lists:max/1.
// Classes order as number < atom < reference < fun < port < pid < tuple <
// map < nil < list < bitstring. Go values that are not terms sort after all
// terms.
func Compare(a, b Term) int { return compare(a, b, false) }

// Equal reports whether a == b in Erlang: numbers are equal by value
// (1 == 1.0), every other term must match exactly.
func Equal(a, b Term) bool { return compare(a, b, false) == 0 }

// Exact reports whether a =:= b in Erlang: the terms are identical, so
// 1 and 1.0 differ. The accepted Go forms of a term are exact equals of
// its canonical form ("ab" =:= List{97, 98}, true =:= Atom("true")).
func Exact(a, b Term) bool { return compare(a, b, true) == 0 }

// Sort sorts ts in term order, as lists:sort/1 does. Terms that compare
// equal without being identical (1 and 1.0) are all kept; Sort leaves them
// in their input order, where lists:sort/1 promises no order among them.
func Sort(ts []Term) {
	slices.SortStableFunc(ts, Compare)
}

// compareKey is map key order: exact, with every integer before every float.
func compareKey(a, b Term) int { return compare(a, b, true) }

// MaxDepth is how deeply nested a term this package follows. Printing
// elides what lies deeper as "..."; comparing panics with the atom
// system_limit, which a process raises as error system_limit. Erlang has
// no such limit, but Go's stack, unlike Erlang's heap, cannot grow to hold
// millions of nested calls, and overflowing it ends the whole program.
const MaxDepth = 100_000

// SystemLimit is the panic value of a comparison of terms nested deeper
// than MaxDepth.
const SystemLimit Atom = "system_limit"

func compare(a, b Term, exact bool) int { return compareAt(a, b, exact, 0) }

func compareAt(a, b Term, exact bool, depth int) int {
	if depth >= MaxDepth {
		panic(SystemLimit)
	}
	// Fast paths for the commonest pairs.
	switch x := a.(type) {
	case int:
		if y, ok := b.(int); ok {
			return cmp.Compare(x, y)
		}
	case Atom:
		if y, ok := b.(Atom); ok {
			return strings.Compare(string(x), string(y))
		}
	}
	a, b = unwrap(a), unwrap(b)
	ka, kb := KindOf(a), KindOf(b)
	if ka != kb {
		return cmp.Compare(ka, kb)
	}
	switch ka {
	case KindNumber:
		return compareNumbers(a, b, exact)
	case KindAtom:
		return strings.Compare(atomText(a), atomText(b))
	case KindRef:
		return compareRefs(a.(Ref), b.(Ref))
	case KindFun:
		return compareFuns(a, b, exact)
	case KindPort:
		x, y := a.(Port), b.(Port)
		if c := strings.Compare(string(x.Node), string(y.Node)); c != 0 {
			return c
		}
		if c := cmp.Compare(x.Creation, y.Creation); c != 0 {
			return c
		}
		return cmp.Compare(x.ID, y.ID)
	case KindPid:
		x, y := a.(Pid), b.(Pid)
		if c := strings.Compare(string(x.Node), string(y.Node)); c != 0 {
			return c
		}
		if c := cmp.Compare(x.Creation, y.Creation); c != 0 {
			return c
		}
		if c := cmp.Compare(x.Serial, y.Serial); c != 0 {
			return c
		}
		return cmp.Compare(x.ID, y.ID)
	case KindTuple:
		x, y := a.(Tuple), b.(Tuple)
		if c := cmp.Compare(len(x), len(y)); c != 0 {
			return c
		}
		for i := range x {
			if c := compareAt(x[i], y[i], exact, depth+1); c != 0 {
				return c
			}
		}
		return 0
	case KindMap:
		return compareMaps(a.(Map), b.(Map), exact, depth+1)
	case KindNil:
		return 0
	case KindList:
		return compareLists(a, b, exact, depth+1)
	case KindBitString:
		return compareBits(a, b)
	}
	// Both invalid: order by Go type name, then printed value, so that the
	// order stays total.
	return strings.Compare(goString(a), goString(b))
}

// unwrap turns Termers into their terms and a few Go forms into canonical ones.
func unwrap(t Term) Term {
	for {
		switch v := t.(type) {
		case Termer:
			t = v.Term()
			continue
		case bool:
			return Bool(v)
		case *LocalFun:
			if v == nil {
				return t
			}
			return *v
		}
		return t
	}
}

func atomText(t Term) string {
	if a, ok := t.(Atom); ok {
		return string(a)
	}
	return string(Bool(t.(bool)))
}

func compareNumbers(a, b Term, exact bool) int {
	fa, aIsFloat := floatOf(a)
	fb, bIsFloat := floatOf(b)
	switch {
	case aIsFloat && bIsFloat:
		return compareFloats(fa, fb)
	case !aIsFloat && !bIsFloat:
		return compareInts(a, b)
	case exact:
		// Map key order: every integer before every float.
		if aIsFloat {
			return 1
		}
		return -1
	case aIsFloat:
		return -compareIntFloat(b, fa)
	default:
		return compareIntFloat(a, fb)
	}
}

func compareFloats(x, y float64) int {
	// -0.0 and 0.0 are equal in term order (OTP 25).
	switch {
	case x < y:
		return -1
	case x > y:
		return 1
	}
	return 0
}

func compareInts(a, b Term) int {
	x, okx := smallInt(a)
	y, oky := smallInt(b)
	if okx && oky {
		return cmp.Compare(x, y)
	}
	bx, _ := BigInt(a)
	by, _ := BigInt(b)
	return bx.Cmp(by)
}

// compareIntFloat compares an integer with a float exactly, as OTP does.
func compareIntFloat(i Term, f float64) int {
	if x, ok := smallInt(i); ok && x >= -(1<<53) && x <= 1<<53 {
		return compareFloats(float64(x), f)
	}
	if math.IsInf(f, 0) || math.IsNaN(f) {
		return -int(math.Copysign(1, f))
	}
	bi, _ := BigInt(i)
	return new(big.Float).SetInt(bi).Cmp(new(big.Float).SetFloat64(f))
}

func compareRefs(x, y Ref) int {
	if c := strings.Compare(string(x.Node), string(y.Node)); c != 0 {
		return c
	}
	if c := cmp.Compare(x.Creation, y.Creation); c != 0 {
		return c
	}
	if c := cmp.Compare(x.N, y.N); c != 0 {
		return c
	}
	for i := int(x.N) - 1; i >= 0; i-- {
		if c := cmp.Compare(x.ID[i], y.ID[i]); c != 0 {
			return c
		}
	}
	return 0
}

// Local funs sort before export funs, as in OTP.
func compareFuns(a, b Term, exact bool) int {
	xe, xIsExport := a.(ExportFun)
	ye, yIsExport := b.(ExportFun)
	switch {
	case xIsExport && yIsExport:
		if c := strings.Compare(string(xe.Module), string(ye.Module)); c != 0 {
			return c
		}
		if c := strings.Compare(string(xe.Function), string(ye.Function)); c != 0 {
			return c
		}
		return cmp.Compare(xe.Arity, ye.Arity)
	case xIsExport:
		return 1
	case yIsExport:
		return -1
	}
	x, y := a.(LocalFun), b.(LocalFun)
	if c := strings.Compare(string(x.Module), string(y.Module)); c != 0 {
		return c
	}
	if c := cmp.Compare(x.Index, y.Index); c != 0 {
		return c
	}
	if c := cmp.Compare(x.Uniq, y.Uniq); c != 0 {
		return c
	}
	if c := cmp.Compare(len(x.Env), len(y.Env)); c != 0 {
		return c
	}
	for i := range x.Env {
		if c := compare(x.Env[i], y.Env[i], exact); c != 0 {
			return c
		}
	}
	return 0
}

func compareMaps(x, y Map, exact bool, depth int) int {
	if c := cmp.Compare(x.Len(), y.Len()); c != 0 {
		return c
	}
	for i := range x.entries {
		if c := compareKey(x.entries[i].Key, y.entries[i].Key); c != 0 {
			return c
		}
	}
	for i := range x.entries {
		if c := compareAt(x.entries[i].Value, y.entries[i].Value, exact, depth); c != 0 {
			return c
		}
	}
	return 0
}

// listCursor walks the cells of a list term of any accepted form.
type listCursor struct {
	elems []Term
	str   string
	tail  Term // what follows the elements; nil means []
}

func newCursor(t Term) listCursor {
	switch v := t.(type) {
	case List:
		return listCursor{elems: v}
	case string:
		return listCursor{str: v}
	case ImproperList:
		return listCursor{elems: v.Elems, tail: v.Tail}
	}
	return listCursor{}
}

// next returns the next element, or ok false at the end of the elements.
func (c *listCursor) next() (Term, bool) {
	if len(c.elems) > 0 {
		e := c.elems[0]
		c.elems = c.elems[1:]
		return e, true
	}
	if c.str != "" {
		r, n := utf8.DecodeRuneInString(c.str)
		c.str = c.str[n:]
		return int(r), true
	}
	return nil, false
}

func compareLists(a, b Term, exact bool, depth int) int {
	if x, ok := a.(string); ok {
		if y, ok := b.(string); ok {
			return strings.Compare(x, y) // UTF-8 order is code point order
		}
	}
	ca, cb := newCursor(a), newCursor(b)
	for {
		x, okx := ca.next()
		y, oky := cb.next()
		switch {
		case okx && oky:
			if c := compareAt(x, y, exact, depth); c != 0 {
				return c
			}
			continue
		case !okx && !oky:
			return compareTails(ca.tail, cb.tail, exact, depth)
		case !okx:
			// a's cells are done: its tail faces the non-empty rest of b.
			return tailVersusList(ca.tail)
		default:
			return -tailVersusList(cb.tail)
		}
	}
}

// compareTails compares the tails of two lists whose cells were equal.
// A nil tail is [].
func compareTails(x, y Term, exact bool, depth int) int {
	if x == nil {
		x = List(nil)
	}
	if y == nil {
		y = List(nil)
	}
	return compareAt(x, y, exact, depth)
}

// tailVersusList compares the tail of a list whose cells ran out ([] when
// nil, else an improper tail, which is never a list) with a non-empty list.
func tailVersusList(tail Term) int {
	if tail == nil {
		return -1
	}
	return cmp.Compare(KindOf(tail), KindList)
}

func bitsOf(t Term) ([]byte, int) {
	switch v := t.(type) {
	case Binary:
		return v, len(v) * 8
	case []byte:
		return v, len(v) * 8
	case BitString:
		return v.Bytes, v.BitLen()
	}
	return nil, 0
}

func compareBits(a, b Term) int {
	x, nx := bitsOf(a)
	y, ny := bitsOf(b)
	n := min(nx, ny)
	whole := n / 8
	if c := bytes.Compare(x[:whole], y[:whole]); c != 0 {
		return c
	}
	if rem := n % 8; rem != 0 {
		mask := byte(0xff << (8 - rem))
		if c := cmp.Compare(x[whole]&mask, y[whole]&mask); c != 0 {
			return c
		}
	}
	return cmp.Compare(nx, ny)
}

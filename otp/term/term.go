package term

import (
	"fmt"
	"math/big"
)

// Term is any Erlang value. The concrete types of this package are the
// canonical forms; see the package documentation for the plain Go values
// that are accepted in their place.
type Term = any

// Atom is an Erlang atom. The name is UTF-8 text; atoms are equal when
// their names are, and order by the code points of their names.
type Atom string

// Atoms that the runtime and the book use everywhere.
const (
	True      Atom = "true"
	False     Atom = "false"
	OK        Atom = "ok"
	Error     Atom = "error"
	Undefined Atom = "undefined"
)

// Bool returns the atom true or false.
func Bool(b bool) Atom {
	if b {
		return True
	}
	return False
}

// Tuple is an Erlang tuple: {a, 1}.
type Tuple []Term

// List is a proper Erlang list. A nil or empty List is the empty list [].
// A list of integers that are character codes is an Erlang string: the
// string "abc" and List{97, 98, 99} are the same term.
type List []Term

// ImproperList is a list whose tail is not a list: [a, b | c]. Elems holds
// at least one element and Tail is never a List (or a string), since such a
// value is a proper list; use Cons to build one with that guarantee.
type ImproperList struct {
	Elems []Term
	Tail  Term
}

// Cons returns [h1, ..., hn | tail]: a List when tail is a proper list, an
// ImproperList otherwise. With no elements it returns tail itself.
func Cons(tail Term, elems ...Term) Term {
	if len(elems) == 0 {
		return tail
	}
	switch t := tail.(type) {
	case List:
		out := make(List, 0, len(elems)+len(t))
		return append(append(out, elems...), t...)
	case string:
		out := make(List, 0, len(elems)+len(t))
		out = append(out, elems...)
		for _, r := range t {
			out = append(out, int(r))
		}
		return out
	case ImproperList:
		return ImproperList{Elems: append(append([]Term(nil), elems...), t.Elems...), Tail: t.Tail}
	}
	return ImproperList{Elems: append([]Term(nil), elems...), Tail: tail}
}

// Binary is an Erlang binary: a sequence of bytes, <<"abc">>.
type Binary []byte

// BitString is a bitstring whose length is not a whole number of bytes:
// <<1:3>>. Bits is the number of bits used in the last byte of Bytes
// (1 to 7); they are its high bits, and the unused low bits are zero.
// Use NewBitString to build one; a bitstring of whole bytes is a Binary.
type BitString struct {
	Bytes []byte
	Bits  uint8
}

// NewBitString returns the first nbits bits of data as a term: a Binary
// when nbits is a multiple of 8, a BitString otherwise. It panics if data
// is shorter than nbits.
func NewBitString(data []byte, nbits int) Term {
	n := (nbits + 7) / 8
	if n > len(data) || nbits < 0 {
		panic("term: NewBitString: data shorter than nbits")
	}
	b := append([]byte(nil), data[:n]...)
	if nbits%8 == 0 {
		return Binary(b)
	}
	bits := uint8(nbits % 8)
	b[n-1] &= byte(0xff << (8 - bits))
	return BitString{Bytes: b, Bits: bits}
}

// BitLen reports the length of the bitstring in bits.
func (b BitString) BitLen() int { return (len(b.Bytes)-1)*8 + int(b.Bits) }

// Pid is a process identifier. Pids are comparable Go values and can be
// used as map keys. A pid prints as <0.ID.Serial> on its own node.
type Pid struct {
	Node     Atom
	ID       uint32
	Serial   uint32
	Creation uint32
}

// Ref is a reference, as make_ref() makes. N is the number of words of ID
// in use (3 for the references a node makes, up to 5 from other nodes);
// ID[0] is the least significant word. Refs are comparable Go values.
type Ref struct {
	Node     Atom
	Creation uint32
	N        uint8
	ID       [5]uint32
}

// Port is an opaque port identifier; it prints as #Port<0.ID>.
type Port struct {
	Node     Atom
	ID       uint64
	Creation uint32
}

// ExportFun is an external fun, fun Module:Function/Arity.
type ExportFun struct {
	Module   Atom
	Function Atom
	Arity    int
}

// LocalFun is a fun defined in a module (or in the shell): it prints as
// #Fun<Module.Index.Uniq>. Env holds its free variables, which take part
// in equality as they do in Erlang, and Value whatever the runtime executes
// (for example a Go closure); Value is ignored by comparison and printing.
type LocalFun struct {
	Module Atom
	Index  uint32
	Uniq   uint32
	Arity  int
	Env    []Term
	Value  any
}

// Termer is implemented by Go types that stand for an Erlang term, such as
// a struct that is the Go form of a tagged tuple. Comparison and printing
// use the term it returns.
type Termer interface {
	Term() Term
}

// Kind is the class of a term in Erlang's term order:
// number < atom < reference < fun < port < pid < tuple < map < nil < list < bitstring.
type Kind int

// The kinds, in term order. Invalid is a Go value that is not a term.
const (
	KindNumber Kind = iota
	KindAtom
	KindRef
	KindFun
	KindPort
	KindPid
	KindTuple
	KindMap
	KindNil
	KindList
	KindBitString
	KindInvalid
)

var kindNames = [...]string{"number", "atom", "reference", "fun", "port", "pid", "tuple", "map", "nil", "list", "bitstring", "invalid"}

func (k Kind) String() string {
	if k < 0 || int(k) >= len(kindNames) {
		return fmt.Sprintf("Kind(%d)", int(k))
	}
	return kindNames[k]
}

// KindOf reports the term-order class of t.
func KindOf(t Term) Kind {
	switch v := t.(type) {
	case int, int8, int16, int32, int64, uint, uint8, uint16, uint32, uint64, uintptr, *big.Int, float64, float32:
		return KindNumber
	case Atom, bool:
		return KindAtom
	case Ref:
		return KindRef
	case ExportFun, LocalFun:
		return KindFun
	case *LocalFun:
		if v == nil {
			return KindInvalid
		}
		return KindFun
	case Port:
		return KindPort
	case Pid:
		return KindPid
	case Tuple:
		return KindTuple
	case Map:
		return KindMap
	case List:
		if len(v) == 0 {
			return KindNil
		}
		return KindList
	case string:
		if v == "" {
			return KindNil
		}
		return KindList
	case ImproperList:
		return KindList
	case Binary, []byte, BitString:
		return KindBitString
	case Termer:
		return KindOf(v.Term())
	}
	return KindInvalid
}

// Valid reports whether t is a term: one of this package's types, or an
// accepted plain Go value, all the way down.
func Valid(t Term) bool {
	switch v := t.(type) {
	case Tuple:
		for _, e := range v {
			if !Valid(e) {
				return false
			}
		}
		return true
	case List:
		for _, e := range v {
			if !Valid(e) {
				return false
			}
		}
		return true
	case ImproperList:
		if len(v.Elems) == 0 || KindOf(v.Tail) == KindList || KindOf(v.Tail) == KindNil || !Valid(v.Tail) {
			return false
		}
		for _, e := range v.Elems {
			if !Valid(e) {
				return false
			}
		}
		return true
	case Map:
		for _, e := range v.entries {
			if !Valid(e.Key) || !Valid(e.Value) {
				return false
			}
		}
		return true
	case BitString:
		return v.Bits >= 1 && v.Bits <= 7 && len(v.Bytes) > 0
	case float64:
		return !isNaNOrInf(v)
	case Termer:
		return Valid(v.Term())
	}
	return KindOf(t) != KindInvalid
}

// String methods print terms as ~p does, so that fmt shows Erlang's
// notation.

func (t Tuple) String() string        { return Print(t) }
func (l List) String() string         { return Print(l) }
func (l ImproperList) String() string { return Print(l) }
func (m Map) String() string          { return Print(m) }
func (b Binary) String() string       { return Print(b) }
func (b BitString) String() string    { return Print(b) }
func (p Pid) String() string          { return string(appendOpaque(nil, p)) }
func (r Ref) String() string          { return string(appendOpaque(nil, r)) }
func (p Port) String() string         { return string(appendOpaque(nil, p)) }
func (f ExportFun) String() string    { return string(appendOpaque(nil, f)) }
func (f LocalFun) String() string     { return string(appendOpaque(nil, f)) }

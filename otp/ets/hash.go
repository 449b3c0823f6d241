package ets

import (
	"math"
	"math/big"

	"github.com/scalability-go/otpbook/otp/term"
)

// Keys of set, bag and duplicate_bag tables are hashed consistently with
// exact equality (=:=): every Go form of a term (int8 or *big.Int for a
// small integer, "ab" for [97,98], a Termer for its term) hashes as its
// canonical form does. A small integer hashes by a bijective mix of its
// value, so that two integer keys with the same hash are the same key.

// Tags that keep terms of different kinds apart in a hash.
const (
	tagInt uint64 = iota + 1
	tagBig
	tagFloat
	tagAtom
	tagRef
	tagFun
	tagPort
	tagPid
	tagTuple
	tagMap
	tagNil
	tagCons
	tagBin
	tagBits
	tagOther
)

// mix is the finaliser of splitmix64: a bijection on uint64 that spreads
// the bits of consecutive integers over the whole word.
func mix(x uint64) uint64 {
	x ^= x >> 30
	x *= 0xbf58476d1ce4e5b9
	x ^= x >> 27
	x *= 0x94d049bb133111eb
	x ^= x >> 31
	return x
}

// normKey returns the canonical form of a key at its top level: an int
// for any small integer, an Atom for a bool, the term of a Termer. Inner
// parts are left as they are: hashing and Exact see through them.
func normKey(k term.Term) term.Term {
	for {
		switch v := k.(type) {
		case int, term.Atom, term.Tuple, float64, term.Pid, term.Ref, term.List, term.Binary:
			return k
		case bool:
			return term.Bool(v)
		case float32:
			return float64(v)
		case []byte:
			return term.Binary(v)
		case term.Termer:
			k = v.Term()
			continue
		}
		if i, ok := term.Integer(k); ok {
			return i
		}
		return k
	}
}

// hashKey hashes a key made canonical by normKey.
func hashKey(k term.Term) uint64 {
	switch v := k.(type) {
	case int:
		return mix(uint64(v))
	case term.Atom:
		return mix(hashString(offset^tagAtom, string(v)))
	}
	h := hasher(offset)
	h.term(k)
	return mix(uint64(h))
}

const (
	offset = 14695981039346656037
	prime  = 1099511628211
)

// hasher is FNV-1a over 64-bit words and bytes.
type hasher uint64

func (h *hasher) word(w uint64) {
	*h = hasher((uint64(*h) ^ w) * prime)
}

func hashString(h uint64, s string) uint64 {
	for i := 0; i < len(s); i++ {
		h = (h ^ uint64(s[i])) * prime
	}
	return (h ^ uint64(len(s))) * prime
}

func (h *hasher) str(s string) { *h = hasher(hashString(uint64(*h), s)) }

func (h *hasher) bytes(b []byte) {
	x := uint64(*h)
	for _, c := range b {
		x = (x ^ uint64(c)) * prime
	}
	*h = hasher((x ^ uint64(len(b))) * prime)
}

func (h *hasher) term(t term.Term) {
	switch v := t.(type) {
	case int:
		h.word(tagInt)
		h.word(uint64(v))
	case term.Atom:
		h.word(tagAtom)
		h.str(string(v))
	case bool:
		h.word(tagAtom)
		h.str(string(term.Bool(v)))
	case float64:
		h.float(v)
	case float32:
		h.float(float64(v))
	case term.Tuple:
		h.word(tagTuple)
		h.word(uint64(len(v)))
		for _, e := range v {
			h.term(e)
		}
	case term.List:
		for _, e := range v {
			h.word(tagCons)
			h.term(e)
		}
		h.word(tagNil)
	case string:
		for _, r := range v {
			h.word(tagCons)
			h.word(tagInt)
			h.word(uint64(r))
		}
		h.word(tagNil)
	case term.ImproperList:
		var tail term.Term = v
		for {
			il, ok := tail.(term.ImproperList)
			if !ok {
				break
			}
			for _, e := range il.Elems {
				h.word(tagCons)
				h.term(e)
			}
			tail = il.Tail
		}
		h.term(tail)
	case term.Binary:
		h.word(tagBin)
		h.bytes(v)
	case []byte:
		h.word(tagBin)
		h.bytes(v)
	case term.BitString:
		h.word(tagBits)
		h.bytes(v.Bytes)
		h.word(uint64(v.Bits))
	case term.Pid:
		h.word(tagPid)
		h.str(string(v.Node))
		h.word(uint64(v.ID)<<32 | uint64(v.Serial))
		h.word(uint64(v.Creation))
	case term.Ref:
		h.word(tagRef)
		h.str(string(v.Node))
		h.word(uint64(v.Creation))
		for i := 0; i < int(v.N) && i < len(v.ID); i++ {
			h.word(uint64(v.ID[i]))
		}
	case term.Port:
		h.word(tagPort)
		h.str(string(v.Node))
		h.word(v.ID)
		h.word(uint64(v.Creation))
	case term.Map:
		h.word(tagMap)
		h.word(uint64(v.Len()))
		for k, x := range v.All() {
			h.term(k)
			h.term(x)
		}
	case term.ExportFun:
		h.word(tagFun)
		h.str(string(v.Module))
		h.str(string(v.Function))
		h.word(uint64(v.Arity))
	case term.LocalFun:
		h.localFun(v)
	case *term.LocalFun:
		if v != nil {
			h.localFun(*v)
		} else {
			h.word(tagOther)
		}
	case *big.Int:
		if v.IsInt64() && v.Int64() >= math.MinInt && v.Int64() <= math.MaxInt {
			h.word(tagInt)
			h.word(uint64(v.Int64()))
			return
		}
		h.word(tagBig)
		h.word(uint64(v.Sign() + 1))
		h.bytes(v.Bytes())
	case term.Termer:
		h.term(v.Term())
	default:
		if i, ok := term.Integer(t); ok {
			h.term(i)
			return
		}
		// Not a term: Exact compares such values; they all share a hash.
		h.word(tagOther)
	}
}

func (h *hasher) float(f float64) {
	h.word(tagFloat)
	if f == 0 {
		f = 0 // -0.0 =:= 0.0 in OTP 25
	}
	h.word(math.Float64bits(f))
}

// localFun hashes the parts of a fun that equality always compares.
func (h *hasher) localFun(f term.LocalFun) {
	h.word(tagFun)
	h.str(string(f.Module))
	h.word(uint64(f.Index)<<32 | uint64(f.Uniq))
}

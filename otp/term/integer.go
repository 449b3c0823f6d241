package term

import (
	"math"
	"math/big"
)

// Integers. A small integer is a Go int; an integer outside int's range is
// a *big.Int. Every function of this package that makes an integer makes it
// in that one form, so a value has one representation. Other Go integer
// types (int64, uint8, ...) are accepted as input everywhere, and a
// *big.Int that fits in an int is accepted too and means the same number.

// BigInt returns the integer t as a new *big.Int. ok is false when t is
// not an integer.
func BigInt(t Term) (b *big.Int, ok bool) {
	if v, isBig := t.(*big.Int); isBig {
		return new(big.Int).Set(v), true
	}
	if i, u, kind := intParts(t); kind != 0 {
		if kind == 1 {
			return big.NewInt(i), true
		}
		return new(big.Int).SetUint64(u), true
	}
	return nil, false
}

// NormInt returns b in its canonical form: an int when it fits, else b.
func NormInt(b *big.Int) Term {
	if b.IsInt64() {
		v := b.Int64()
		if v >= math.MinInt && v <= math.MaxInt {
			return int(v)
		}
	}
	return b
}

// Integer returns the canonical form of an integer term of any accepted Go
// type. ok is false when t is not an integer.
func Integer(t Term) (i Term, ok bool) {
	switch v := t.(type) {
	case int:
		return v, true
	case *big.Int:
		return NormInt(v), true
	}
	x, u, kind := intParts(t)
	switch kind {
	case 1:
		if x >= math.MinInt && x <= math.MaxInt {
			return int(x), true
		}
		return big.NewInt(x), true
	case 2:
		if u <= math.MaxInt {
			return int(u), true
		}
		return new(big.Int).SetUint64(u), true
	}
	return nil, false
}

// IsInteger reports whether t is an integer.
func IsInteger(t Term) bool {
	if _, ok := t.(*big.Int); ok {
		return true
	}
	_, _, kind := intParts(t)
	return kind != 0
}

// intParts splits a fixed-size Go integer: kind 1 is signed (in i), kind 2
// an unsigned value above MaxInt64 (in u), kind 0 not a fixed-size integer.
func intParts(t Term) (i int64, u uint64, kind int) {
	switch v := t.(type) {
	case int:
		return int64(v), 0, 1
	case int8:
		return int64(v), 0, 1
	case int16:
		return int64(v), 0, 1
	case int32:
		return int64(v), 0, 1
	case int64:
		return v, 0, 1
	case uint8:
		return int64(v), 0, 1
	case uint16:
		return int64(v), 0, 1
	case uint32:
		return int64(v), 0, 1
	case uint, uint64, uintptr:
		var x uint64
		switch w := v.(type) {
		case uint:
			x = uint64(w)
		case uint64:
			x = w
		case uintptr:
			x = uint64(w)
		}
		if x <= math.MaxInt64 {
			return int64(x), 0, 1
		}
		return 0, x, 2
	}
	return 0, 0, 0
}

// smallInt returns t as an int64 when it is an integer that fits.
func smallInt(t Term) (int64, bool) {
	if b, ok := t.(*big.Int); ok {
		if b.IsInt64() {
			return b.Int64(), true
		}
		return 0, false
	}
	i, _, kind := intParts(t)
	return i, kind == 1
}

func isNaNOrInf(f float64) bool { return math.IsNaN(f) || math.IsInf(f, 0) }

// floatOf returns t as a float64 when it is a float.
func floatOf(t Term) (float64, bool) {
	switch v := t.(type) {
	case float64:
		return v, true
	case float32:
		return float64(v), true
	}
	return 0, false
}

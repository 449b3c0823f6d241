package matchspec

import (
	"math"
	"math/big"
	"math/bits"

	"github.com/scalability-go/otpbook/otp/term"
)

// maxShiftBits bounds the size of the result of bsl: a larger result is an
// error (system_limit in OTP, whose own bound is far larger), so that a
// match specification cannot make the runtime allocate without bound.
const maxShiftBits = 1 << 24

// A num is a number taken apart: an int, a *big.Int outside int's range,
// or a float.
type num struct {
	kind int // numInt, numBig, numFloat
	i    int
	b    *big.Int
	f    float64
}

const (
	numInt = iota
	numBig
	numFloat
)

func toNum(t term.Term) (num, bool) {
	switch v := t.(type) {
	case int:
		return num{kind: numInt, i: v}, true
	case float64:
		return num{kind: numFloat, f: v}, true
	case float32:
		return num{kind: numFloat, f: float64(v)}, true
	case *big.Int:
		if v.IsInt64() && v.Int64() >= math.MinInt && v.Int64() <= math.MaxInt {
			return num{kind: numInt, i: int(v.Int64())}, true
		}
		return num{kind: numBig, b: v}, true
	case term.Termer:
		return toNum(v.Term())
	}
	if i, ok := term.Integer(t); ok {
		return toNum(i)
	}
	return num{}, false
}

func (n num) term() term.Term {
	switch n.kind {
	case numInt:
		return n.i
	case numBig:
		return term.NormInt(n.b)
	}
	return n.f
}

func (n num) big() *big.Int {
	if n.kind == numBig {
		return n.b
	}
	return big.NewInt(int64(n.i))
}

// float converts n to a float; ok is false when it is too large.
func (n num) float() (float64, bool) {
	switch n.kind {
	case numInt:
		return float64(n.i), true
	case numBig:
		f, _ := new(big.Float).SetInt(n.b).Float64()
		return f, !math.IsInf(f, 0)
	}
	return n.f, true
}

func floatResult(f float64) (term.Term, bool) {
	if math.IsNaN(f) || math.IsInf(f, 0) {
		return nil, false
	}
	return f, true
}

// arith applies +, - or * (op '+', '-', '*').
func arith(op byte, a, b term.Term) (term.Term, bool) {
	x, ok := toNum(a)
	if !ok {
		return nil, false
	}
	y, ok := toNum(b)
	if !ok {
		return nil, false
	}
	if x.kind == numFloat || y.kind == numFloat {
		fx, ok1 := x.float()
		fy, ok2 := y.float()
		if !ok1 || !ok2 {
			return nil, false
		}
		switch op {
		case '+':
			return floatResult(fx + fy)
		case '-':
			return floatResult(fx - fy)
		}
		return floatResult(fx * fy)
	}
	if x.kind == numInt && y.kind == numInt {
		switch op {
		case '+':
			s := x.i + y.i
			if (s > x.i) == (y.i > 0) {
				return s, true
			}
		case '-':
			d := x.i - y.i
			if (d < x.i) == (y.i > 0) {
				return d, true
			}
		case '*':
			hi, lo := bits.Mul64(uint64(abs64(x.i)), uint64(abs64(y.i)))
			if hi == 0 && lo <= math.MaxInt64 && x.i != math.MinInt && y.i != math.MinInt {
				p := int(lo)
				if (x.i < 0) != (y.i < 0) {
					p = -p
				}
				return p, true
			}
		}
	}
	r := new(big.Int)
	switch op {
	case '+':
		r.Add(x.big(), y.big())
	case '-':
		r.Sub(x.big(), y.big())
	default:
		r.Mul(x.big(), y.big())
	}
	return term.NormInt(r), true
}

func abs64(i int) int {
	if i < 0 {
		return -i
	}
	return i
}

// intOps are div, rem, band, bor, bxor, bsl and bsr: integers only.
func intOp(op string, a, b term.Term) (term.Term, bool) {
	x, ok := toNum(a)
	if !ok || x.kind == numFloat {
		return nil, false
	}
	y, ok := toNum(b)
	if !ok || y.kind == numFloat {
		return nil, false
	}
	small := x.kind == numInt && y.kind == numInt
	switch op {
	case "div", "rem":
		if (y.kind == numInt && y.i == 0) || (y.kind == numBig && y.b.Sign() == 0) {
			return nil, false
		}
		if small && !(x.i == math.MinInt && y.i == -1) {
			if op == "div" {
				return x.i / y.i, true
			}
			return x.i % y.i, true
		}
		if op == "div" {
			return term.NormInt(new(big.Int).Quo(x.big(), y.big())), true
		}
		return term.NormInt(new(big.Int).Rem(x.big(), y.big())), true
	case "band":
		if small {
			return x.i & y.i, true
		}
		return term.NormInt(new(big.Int).And(x.big(), y.big())), true
	case "bor":
		if small {
			return x.i | y.i, true
		}
		return term.NormInt(new(big.Int).Or(x.big(), y.big())), true
	case "bxor":
		if small {
			return x.i ^ y.i, true
		}
		return term.NormInt(new(big.Int).Xor(x.big(), y.big())), true
	case "bsl", "bsr":
		if y.kind == numBig {
			// Shifting by more than any int: everything or nothing.
			left := (op == "bsl") == (y.b.Sign() > 0)
			if left {
				if x.kind == numInt && x.i == 0 {
					return 0, true
				}
				return nil, false
			}
			if x.big().Sign() < 0 {
				return -1, true
			}
			return 0, true
		}
		n := y.i
		if op == "bsr" {
			if n == math.MinInt {
				return shift(x, math.MaxInt)
			}
			n = -n
		}
		return shift(x, n)
	}
	return nil, false
}

// shift returns x bsl n (a negative n shifts right, rounding down).
func shift(x num, n int) (term.Term, bool) {
	if n <= 0 {
		if n < -1<<30 {
			n = -1 << 30
		}
		if x.kind == numInt {
			if -n >= 63 {
				if x.i < 0 {
					return -1, true
				}
				return 0, true
			}
			return x.i >> uint(-n), true
		}
		return term.NormInt(new(big.Int).Rsh(x.b, uint(-n))), true
	}
	if x.kind == numInt && x.i == 0 {
		return 0, true
	}
	if x.big().BitLen()+n > maxShiftBits {
		return nil, false
	}
	if x.kind == numInt && n < 63 {
		r := x.i << uint(n)
		if r>>uint(n) == x.i {
			return r, true
		}
	}
	return term.NormInt(new(big.Int).Lsh(x.big(), uint(n))), true
}

func bnot(a term.Term) (term.Term, bool) {
	x, ok := toNum(a)
	if !ok || x.kind == numFloat {
		return nil, false
	}
	if x.kind == numInt {
		return ^x.i, true
	}
	return term.NormInt(new(big.Int).Not(x.b)), true
}

func neg(a term.Term) (term.Term, bool) {
	x, ok := toNum(a)
	if !ok {
		return nil, false
	}
	switch {
	case x.kind == numFloat:
		return -x.f, true
	case x.kind == numInt && x.i != math.MinInt:
		return -x.i, true
	}
	return term.NormInt(new(big.Int).Neg(x.big())), true
}

func absNum(a term.Term) (term.Term, bool) {
	x, ok := toNum(a)
	if !ok {
		return nil, false
	}
	switch {
	case x.kind == numFloat:
		return math.Abs(x.f), true
	case x.kind == numInt && x.i != math.MinInt:
		return abs64(x.i), true
	}
	return term.NormInt(new(big.Int).Abs(x.big())), true
}

func divide(a, b term.Term) (term.Term, bool) {
	x, ok := toNum(a)
	if !ok {
		return nil, false
	}
	y, ok := toNum(b)
	if !ok {
		return nil, false
	}
	fx, ok1 := x.float()
	fy, ok2 := y.float()
	if !ok1 || !ok2 || fy == 0 {
		return nil, false
	}
	return floatResult(fx / fy)
}

// toInteger rounds (round) or truncates (trunc) a number to an integer.
func toInteger(a term.Term, round bool) (term.Term, bool) {
	x, ok := toNum(a)
	if !ok {
		return nil, false
	}
	if x.kind != numFloat {
		return x.term(), true
	}
	f := math.Trunc(x.f)
	if round {
		f = math.Round(x.f)
	}
	if f >= math.MinInt && f < -math.MinInt {
		return int(f), true
	}
	i, _ := big.NewFloat(f).Int(nil)
	return term.NormInt(i), true
}

func toFloat(a term.Term) (term.Term, bool) {
	x, ok := toNum(a)
	if !ok {
		return nil, false
	}
	f, ok := x.float()
	if !ok {
		return nil, false
	}
	return f, true
}

func isNumber(t term.Term) bool {
	_, ok := toNum(t)
	return ok
}

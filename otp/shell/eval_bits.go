package shell

import (
	"math"
	"math/big"
	"unicode/utf8"

	"github.com/scalability-go/otpbook/otp/term"
)

// Binaries: construction <<Seg, ...>> and matching, with the segment types
// integer, float (16, 32 and 64 bits), binary (bytes), bitstring (bits),
// utf8, utf16 and utf32, sizes, units, signedness and endianness (native
// is little, as on the machines Go runs on).

// evBits returns the bytes and the length in bits of a bitstring.
func evBits(t term.Term) ([]byte, int, bool) {
	switch v := t.(type) {
	case term.Binary:
		return v, len(v) * 8, true
	case []byte:
		return v, len(v) * 8, true
	case term.BitString:
		return v.Bytes, v.BitLen(), true
	case term.Termer:
		return evBits(v.Term())
	}
	return nil, 0, false
}

// evSegSpec is a segment's type specifiers.
type evSegSpec struct {
	typ    string // integer, float, binary, bitstring, utf8, utf16, utf32
	unit   int
	signed bool
	little bool
}

func evSpecOf(types []string) evSegSpec {
	s := evSegSpec{typ: "integer"}
	for _, t := range types {
		switch t {
		case "integer", "float", "binary", "bitstring", "utf8", "utf16", "utf32":
			s.typ = t
		case "bytes":
			s.typ = "binary"
		case "bits":
			s.typ = "bitstring"
		case "signed":
			s.signed = true
		case "unsigned":
			s.signed = false
		case "little", "native":
			s.little = true
		case "big":
			s.little = false
		default:
			if len(t) > 5 && t[:5] == "unit:" {
				n := 0
				for _, c := range t[5:] {
					if c < '0' || c > '9' {
						n = 0
						break
					}
					n = n*10 + int(c-'0')
				}
				if n > 0 {
					s.unit = n
				}
			}
		}
	}
	if s.unit == 0 {
		s.unit = 1
		if s.typ == "binary" {
			s.unit = 8
		}
	}
	return s
}

// evStringLit returns the text of a string literal, which stands in a
// binary for one segment per character.
func evStringLit(x Expr) (string, bool) {
	switch l := x.(type) {
	case *Lit:
		s, ok := l.Val.(string)
		return s, ok
	case Lit:
		s, ok := l.Val.(string)
		return s, ok
	}
	return "", false
}

// evalBin evaluates a binary construction.
func (e *Evaluator) evalBin(pr *evRun, x *Bin, b Bindings) (term.Term, Bindings) {
	cur := b
	v := e.buildBin(x.Segs, func(y Expr) term.Term {
		var v term.Term
		v, cur = e.eval(pr, y, cur, false)
		return v
	})
	return v, cur
}

// buildBin builds a binary, evaluating the segments' values and sizes
// with ev.
func (e *Evaluator) buildBin(segs []BinSeg, ev func(Expr) term.Term) term.Term {
	var w evBitWriter
	for i, seg := range segs {
		spec := evSpecOf(seg.Types)
		if s, ok := evStringLit(seg.Val); ok {
			var size term.Term
			if seg.Size != nil {
				size = ev(seg.Size)
			}
			for _, r := range s {
				evPutSeg(&w, i+1, spec, int(r), size)
			}
			continue
		}
		v := evNorm(ev(seg.Val))
		var size term.Term
		if seg.Size != nil {
			size = ev(seg.Size)
		}
		evPutSeg(&w, i+1, spec, v, size)
	}
	return term.NewBitString(w.buf, w.n)
}

// evBinFail raises the badarg of a failed binary construction, with the
// error information from which the shell prints "construction of binary
// failed" and what was wrong with the segment.
func evBinFail(seg int, typ, kind string, v term.Term) {
	var what string
	pv := term.Print(v)
	if term.IsInteger(v) {
		pv = term.Write(v)
	}
	switch kind {
	case "invalid":
		what = "expected one of the supported sizes 16, 32, or 64 but got: " + pv
	case "no_float":
		what = "the value " + pv + " is outside the range expressible as a float"
	case "unit":
		what = "the size of the value " + pv + " is not a multiple of the unit for the segment"
	case "short":
		what = "the value " + pv + " is shorter than the size of the segment"
	case "size":
		what = "expected a non-negative integer as size but got: " + pv
	default:
		switch typ {
		case "binary", "bitstring":
			what = "expected a binary but got: " + pv
		case "float":
			what = "expected a float or an integer but got: " + pv
		case "integer":
			what = "expected an integer but got: " + pv
		default:
			what = "expected a non-negative integer encodable as " + typ + " but got: " + pv
		}
	}
	general := "segment " + term.Write(seg) + " of type '" + typ + "': " + what
	info := term.MapOf(
		term.Atom("cause"), term.Tuple{seg, term.Atom(typ), term.Atom(kind), v},
		term.Atom("function"), term.Atom("format_bs_fail"),
		term.Atom("module"), term.Atom("erl_erts_errors"),
		term.Atom("override_segment_position"), seg,
		term.Atom("messages"), term.MapOf(
			term.Atom("general"), general,
			term.Atom("reason"), "construction of binary failed"),
	)
	evRaise(evAtomBadarg, term.List{term.Tuple{term.Atom("eval_bits"), term.Atom("eval_exp_field"), 6,
		term.List{term.Tuple{term.Atom("error_info"), info}}}})
}

// evSizeBits returns a segment's size in bits: size (nil for the
// default def) times the unit.
func evSizeBits(size term.Term, unit, def int) (int, bool) {
	if size == nil {
		return def, true
	}
	n, ok := evNorm(size).(int)
	if !ok || n < 0 || n > math.MaxInt32 {
		return 0, false
	}
	return n * unit, true
}

func evPutSeg(w *evBitWriter, seg int, spec evSegSpec, v term.Term, size term.Term) {
	switch spec.typ {
	case "integer":
		bits, ok := evSizeBits(size, spec.unit, 8)
		if !ok {
			evBinFail(seg, spec.typ, "size", size)
		}
		n, k := evNum(v)
		if k != evSmall && k != evBigNum {
			evBinFail(seg, spec.typ, "type", v)
		}
		w.putInt(n, bits, spec.little)
	case "float":
		bits, ok := evSizeBits(size, spec.unit, 64)
		if !ok {
			evBinFail(seg, spec.typ, "size", size)
		}
		n, k := evNum(v)
		if k == evNotNum {
			evBinFail(seg, spec.typ, "type", v)
		}
		f, ok := evFloat(n, k)
		if !ok {
			evBinFail(seg, spec.typ, "no_float", v)
		}
		var u uint64
		switch bits {
		case 64:
			u = math.Float64bits(f)
		case 32:
			f32 := float32(f)
			if math.IsInf(float64(f32), 0) {
				evBinFail(seg, spec.typ, "no_float", v)
			}
			u = uint64(math.Float32bits(f32))
		case 16:
			h, ok := evFloat16(f)
			if !ok {
				evBinFail(seg, spec.typ, "no_float", v)
			}
			u = uint64(h)
		default:
			evBinFail(seg, spec.typ, "invalid", bits)
		}
		w.putInt(int(u), bits, spec.little) // the bits of u, even as a negative int
	case "binary", "bitstring":
		data, n, ok := evBits(v)
		if !ok {
			evBinFail(seg, spec.typ, "type", v)
		}
		if size != nil {
			bits, ok := evSizeBits(size, spec.unit, 0)
			if !ok {
				evBinFail(seg, spec.typ, "size", size)
			}
			if n < bits {
				evBinFail(seg, spec.typ, "short", v)
			}
			n = bits
		} else if n%spec.unit != 0 {
			evBinFail(seg, spec.typ, "unit", v)
		}
		w.putBits(data, 0, n)
	case "utf8", "utf16", "utf32":
		c, ok := v.(int)
		if !ok || c < 0 || c > utf8.MaxRune || (c >= 0xD800 && c <= 0xDFFF) {
			evBinFail(seg, spec.typ, "type", v)
		}
		switch spec.typ {
		case "utf8":
			w.putBits(utf8.AppendRune(nil, rune(c)), 0, utf8.RuneLen(rune(c))*8)
		case "utf16":
			if c < 0x10000 {
				w.putInt(c, 16, spec.little)
			} else {
				c -= 0x10000
				w.putInt(0xD800|c>>10, 16, spec.little)
				w.putInt(0xDC00|c&0x3FF, 16, spec.little)
			}
		default:
			w.putInt(c, 32, spec.little)
		}
	}
}

// evFloat16 converts to IEEE 754 half precision, rounding to nearest
// even; it reports false when f is too large.
func evFloat16(f float64) (uint16, bool) {
	var sign uint16
	if math.Signbit(f) {
		sign = 0x8000
	}
	a := math.Abs(f)
	if a == 0 {
		return sign, true
	}
	if a >= 65520 {
		return 0, false
	}
	if a < math.Ldexp(1, -14) {
		m := math.RoundToEven(a / math.Ldexp(1, -24))
		return sign | uint16(m), true
	}
	frac, exp := math.Frexp(a) // a = frac * 2^exp, frac in [0.5, 1)
	e := exp - 1
	m := math.RoundToEven((frac*2 - 1) * 1024)
	if m == 1024 {
		m = 0
		e++
	}
	if e > 15 {
		return 0, false
	}
	return sign | uint16(e+15)<<10 | uint16(m), true
}

func evFromFloat16(h uint16) (float64, bool) {
	sign := 1.0
	if h&0x8000 != 0 {
		sign = -1
	}
	exp := int(h>>10) & 0x1F
	mant := float64(h & 0x3FF)
	switch exp {
	case 0:
		return sign * math.Ldexp(mant, -24), true
	case 31:
		return 0, false
	}
	return sign * math.Ldexp(1+mant/1024, exp-15), true
}

// evBitWriter builds a bitstring.
type evBitWriter struct {
	buf []byte
	n   int // bits
}

// putChunk appends the k (1 to 8) high bits of c.
func (w *evBitWriter) putChunk(c byte, k int) {
	c &= byte(0xFF << (8 - k))
	r := w.n % 8
	if r == 0 {
		w.buf = append(w.buf, c)
	} else {
		w.buf[len(w.buf)-1] |= c >> r
		if k > 8-r {
			w.buf = append(w.buf, c<<(8-r))
		}
	}
	w.n += k
}

// putBits appends nbits bits of data from bit offset off.
func (w *evBitWriter) putBits(data []byte, off, nbits int) {
	if w.n%8 == 0 && off%8 == 0 {
		full := nbits / 8
		w.buf = append(w.buf, data[off/8:off/8+full]...)
		w.n += full * 8
		off += full * 8
		nbits -= full * 8
	}
	for nbits > 0 {
		k := min(8, nbits)
		w.putChunk(evByteAt(data, off), k)
		off += k
		nbits -= k
	}
}

// evByteAt returns the 8 bits of data from bit offset off (zeros past its
// end).
func evByteAt(data []byte, off int) byte {
	i, r := off/8, off%8
	c := data[i] << r
	if r != 0 && i+1 < len(data) {
		c |= data[i+1] >> (8 - r)
	}
	return c
}

// putInt appends the low bits bits of the integer n, in two's complement.
func (w *evBitWriter) putInt(n term.Term, bits int, little bool) {
	if bits == 0 {
		return
	}
	nbytes := (bits + 7) / 8
	be := make([]byte, nbytes) // the value, right-aligned
	if i, ok := n.(int); ok && bits <= 64 {
		u := uint64(i)
		for j := nbytes - 1; j >= 0; j-- {
			be[j] = byte(u)
			u >>= 8
		}
	} else {
		// x mod 2^(nbytes*8), which fits in be.
		mod := new(big.Int).Lsh(big.NewInt(1), uint(nbytes*8))
		x := new(big.Int).Mod(evBig(n), mod)
		x.FillBytes(be)
	}
	if !little {
		w.putBits(be, nbytes*8-bits, bits)
		return
	}
	k, r := bits/8, bits%8
	for j := 0; j < k; j++ {
		w.putChunk(be[nbytes-1-j], 8)
	}
	if r > 0 {
		w.putChunk(be[0]<<(8-r), r)
	}
}

// evBitReader reads a bitstring.
type evBitReader struct {
	data     []byte
	off, end int
}

// take returns the next nbits bits, left-aligned in bytes.
func (r *evBitReader) take(nbits int) ([]byte, bool) {
	if nbits < 0 || r.end-r.off < nbits {
		return nil, false
	}
	out := make([]byte, (nbits+7)/8)
	if r.off%8 == 0 {
		copy(out, r.data[r.off/8:])
	} else {
		for i := range out {
			out[i] = evByteAt(r.data, r.off+8*i)
		}
	}
	if rem := nbits % 8; rem != 0 {
		out[len(out)-1] &= byte(0xFF << (8 - rem))
	}
	r.off += nbits
	return out, true
}

// takeInt reads a bits-bit integer.
func (r *evBitReader) takeInt(bits int, signed, little bool) (term.Term, bool) {
	if bits == 0 {
		return 0, r.off <= r.end
	}
	nbytes := (bits + 7) / 8
	var be []byte // right-aligned
	if !little {
		raw, ok := r.take(bits)
		if !ok {
			return nil, false
		}
		// Shift right by the padding.
		pad := nbytes*8 - bits
		be = make([]byte, nbytes)
		for i := nbytes - 1; i >= 0; i-- {
			v := uint16(raw[i]) >> pad
			if i > 0 && pad > 0 {
				v |= uint16(raw[i-1]) << (8 - pad)
			}
			be[i] = byte(v)
		}
	} else {
		if r.end-r.off < bits {
			return nil, false
		}
		k, rem := bits/8, bits%8
		be = make([]byte, nbytes)
		for j := 0; j < k; j++ {
			c, _ := r.take(8)
			be[nbytes-1-j] = c[0]
		}
		if rem > 0 {
			c, _ := r.take(rem)
			be[0] = c[0] >> (8 - rem)
		}
	}
	if bits <= 63 {
		var u uint64
		for _, c := range be {
			u = u<<8 | uint64(c)
		}
		v := int(u)
		if signed && u>>(bits-1)&1 == 1 {
			v -= 1 << bits
		}
		return v, true
	}
	x := new(big.Int).SetBytes(be)
	if signed && x.Bit(bits-1) == 1 {
		x.Sub(x, new(big.Int).Lsh(big.NewInt(1), uint(bits)))
	}
	return term.NormInt(x), true
}

// segment reading outcomes
const (
	evSegOK    = iota
	evSegShort // not enough bits, or a size that is not one
	evSegBad   // the bits are there but are not a value of the type
)

// readSeg reads one segment's value. size is nil when not given.
func (r *evBitReader) readSeg(spec evSegSpec, size term.Term) (term.Term, int) {
	switch spec.typ {
	case "integer":
		bits, ok := evSizeBits(size, spec.unit, 8)
		if !ok {
			return nil, evSegShort
		}
		v, ok := r.takeInt(bits, spec.signed, spec.little)
		if !ok {
			return nil, evSegShort
		}
		return v, evSegOK
	case "float":
		bits, ok := evSizeBits(size, spec.unit, 64)
		if !ok || (bits != 16 && bits != 32 && bits != 64) {
			return nil, evSegShort
		}
		v, ok := r.takeInt(bits, false, spec.little)
		if !ok {
			return nil, evSegShort
		}
		var u uint64
		if i, isInt := v.(int); isInt {
			u = uint64(i)
		} else {
			u = v.(*big.Int).Uint64()
		}
		var f float64
		switch bits {
		case 64:
			f = math.Float64frombits(u)
		case 32:
			f = float64(math.Float32frombits(uint32(u)))
		default:
			if f, ok = evFromFloat16(uint16(u)); !ok {
				return nil, evSegBad
			}
		}
		if math.IsInf(f, 0) || math.IsNaN(f) {
			return nil, evSegBad
		}
		return f, evSegOK
	case "binary", "bitstring":
		var bits int
		if size == nil {
			bits = r.end - r.off
			if bits%spec.unit != 0 {
				return nil, evSegShort
			}
		} else {
			var ok bool
			if bits, ok = evSizeBits(size, spec.unit, 0); !ok {
				return nil, evSegShort
			}
		}
		raw, ok := r.take(bits)
		if !ok {
			return nil, evSegShort
		}
		return term.NewBitString(raw, bits), evSegOK
	case "utf8":
		if (r.end-r.off) < 8 || size != nil {
			return nil, evSegShort
		}
		c := evByteAt(r.data, r.off)
		n := 1
		switch {
		case c >= 0xF0:
			n = 4
		case c >= 0xE0:
			n = 3
		case c >= 0xC0:
			n = 2
		}
		save := r.off
		raw, ok := r.take(n * 8)
		if !ok {
			r.off = save
			return nil, evSegBad
		}
		ru, size := utf8.DecodeRune(raw)
		if ru == utf8.RuneError && size <= 1 {
			r.off = save
			return nil, evSegBad
		}
		return int(ru), evSegOK
	case "utf16":
		if size != nil {
			return nil, evSegShort
		}
		save := r.off
		v, ok := r.takeInt(16, false, spec.little)
		if !ok {
			return nil, evSegShort
		}
		c := v.(int)
		if c >= 0xD800 && c <= 0xDBFF {
			v2, ok := r.takeInt(16, false, spec.little)
			if !ok || v2.(int) < 0xDC00 || v2.(int) > 0xDFFF {
				r.off = save
				return nil, evSegBad
			}
			return 0x10000 + (c-0xD800)<<10 + (v2.(int) - 0xDC00), evSegOK
		}
		if c >= 0xDC00 && c <= 0xDFFF {
			r.off = save
			return nil, evSegBad
		}
		return c, evSegOK
	case "utf32":
		if size != nil {
			return nil, evSegShort
		}
		save := r.off
		v, ok := r.takeInt(32, false, spec.little)
		if !ok {
			return nil, evSegShort
		}
		c := v.(int)
		if c > utf8.MaxRune || (c >= 0xD800 && c <= 0xDFFF) {
			r.off = save
			return nil, evSegBad
		}
		return c, evSegOK
	}
	return nil, evSegShort
}

// segSize evaluates a segment's size in a pattern: a literal, or an
// expression of variables bound earlier in the pattern (bs) or outside it
// (bbs). ok is false when it cannot be evaluated.
func (e *Evaluator) segSize(pr *evRun, x Expr, bs, bbs Bindings) (term.Term, bool) {
	switch s := x.(type) {
	case *Lit:
		return s.Val, true
	case *Var:
		if v, ok := bs.Get(s.Name); ok {
			return v, true
		}
		return bbs.Get(s.Name)
	}
	return e.gexprOK(pr, x, bbs.add(bs))
}

// matchSegs matches the segments of a binary pattern against the bits of
// r. In a binary generator (gen), a segment whose value does not match
// does not stop the reading: the rest of the pattern is read past, so that
// the generator can go on from there. It returns evSegOK when everything
// matched, evSegBad when the bits were there but did not match, and
// evSegShort when the pattern could not be read.
func (e *Evaluator) matchSegs(pr *evRun, segs []BinSeg, r *evBitReader, bs, bbs Bindings, gen bool) (Bindings, int) {
	status := evSegOK
	for _, seg := range segs {
		spec := evSpecOf(seg.Types)
		var size term.Term
		if seg.Size != nil {
			var ok bool
			if size, ok = e.segSize(pr, seg.Size, bs, bbs); !ok {
				return bs, evSegShort
			}
		}
		if s, ok := evStringLit(seg.Val); ok {
			for _, c := range s {
				v, st := r.readSeg(spec, size)
				if st == evSegShort {
					return bs, evSegShort
				}
				if st == evSegBad || !term.Exact(v, int(c)) {
					if !gen {
						return bs, evSegBad
					}
					status = evSegBad
				}
			}
			continue
		}
		v, st := r.readSeg(spec, size)
		switch st {
		case evSegShort:
			return bs, evSegShort
		case evSegBad:
			if !gen {
				return bs, evSegBad
			}
			status = evSegBad
			continue
		}
		if status != evSegOK {
			continue
		}
		var ok bool
		if bs, ok = e.match(pr, seg.Val, v, bs, bbs); !ok {
			if !gen {
				return bs, evSegBad
			}
			status = evSegBad
		}
	}
	return bs, status
}

// matchBin matches a whole bitstring against a binary pattern.
func (e *Evaluator) matchBin(pr *evRun, x *Bin, v term.Term, bs, bbs Bindings) (Bindings, bool) {
	data, n, ok := evBits(v)
	if !ok {
		return bs, false
	}
	r := evBitReader{data: data, end: n}
	nb, st := e.matchSegs(pr, x.Segs, &r, bs, bbs, false)
	if st != evSegOK || r.off != r.end {
		return bs, false
	}
	return nb, true
}

// matchBinGen takes the next element of a binary generator Pattern <= Bin:
// the new variables when it matched, and more false when the rest of the
// bits cannot be read as the pattern, which ends the generator.
func (e *Evaluator) matchBinGen(pr *evRun, pat *Bin, r *evBitReader, b Bindings) (nb Bindings, matched, more bool) {
	start := r.off
	nb, st := e.matchSegs(pr, pat.Segs, r, Bindings{}, b, true)
	switch {
	case st == evSegShort || r.off == start:
		r.off = r.end
		return nb, false, false
	case st == evSegBad:
		return nb, false, true
	}
	return nb, true, true
}

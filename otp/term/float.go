package term

import (
	"strconv"
	"strings"
)

// FormatFloat returns f as Erlang prints a float (float_to_list(F, [short]),
// ~w and ~p): the shortest digits that read back as f, always with a
// fraction ("1.0"), in plain notation when that is no longer than the
// exponent form and the value is below 2^53, otherwise as 1.0e10.
func FormatFloat(f float64) string { return string(AppendFloat(nil, f)) }

// AppendFloat appends FormatFloat(f) to dst.
func AppendFloat(dst []byte, f float64) []byte {
	if isNaNOrInf(f) {
		// Not an Erlang float: printed as other Go values that are no terms.
		return append(dst, goString(f)...)
	}
	var tmp [32]byte
	// Shortest round-trip digits, in exponent form d.ddde±XX.
	s := strconv.AppendFloat(tmp[:0], f, 'e', -1, 64)
	neg := s[0] == '-'
	if neg {
		s = s[1:]
	}
	epos := strings.IndexByte(string(s), 'e')
	mant, expText := s[:epos], s[epos+1:]
	exp, _ := strconv.Atoi(string(expText))
	digits := make([]byte, 0, 24)
	digits = append(digits, mant[0])
	if len(mant) > 2 {
		digits = append(digits, mant[2:]...)
	}
	if neg {
		dst = append(dst, '-')
	}
	// The exponent form: d.ddd e X, with at least one fraction digit.
	sci := make([]byte, 0, 32)
	sci = append(sci, digits[0], '.')
	if len(digits) > 1 {
		sci = append(sci, digits[1:]...)
	} else {
		sci = append(sci, '0')
	}
	sci = append(sci, 'e')
	sci = strconv.AppendInt(sci, int64(exp), 10)

	abs := f
	if abs < 0 {
		abs = -abs
	}
	if abs >= 1<<53 {
		return append(dst, sci...)
	}
	// The plain form.
	plain := make([]byte, 0, 40)
	switch {
	case exp < 0:
		plain = append(plain, '0', '.')
		for i := 0; i < -exp-1; i++ {
			plain = append(plain, '0')
		}
		plain = append(plain, digits...)
	case exp+1 >= len(digits):
		plain = append(plain, digits...)
		for i := len(digits); i < exp+1; i++ {
			plain = append(plain, '0')
		}
		plain = append(plain, '.', '0')
	default:
		plain = append(plain, digits[:exp+1]...)
		plain = append(plain, '.')
		plain = append(plain, digits[exp+1:]...)
	}
	if len(plain) <= len(sci) {
		return append(dst, plain...)
	}
	return append(dst, sci...)
}

package term

import (
	"errors"
	"fmt"
	"math"
	"math/big"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// ErrBadarg is the error of a format that does not fit its arguments, the
// case in which io_lib:format/2 raises badarg. The errors of Format,
// AppendFormat and FormatTerms wrap it (test with errors.Is) and say what
// did not fit.
var ErrBadarg = errors.New("badarg")

// Limits that keep a format from making unbounded output. Erlang has no
// such limits: there a huge width only takes time and memory.
const (
	// MaxFieldWidth is the largest field width or precision accepted,
	// whether written in the format or taken from an argument with *.
	// A larger one is an error. It also caps the column that ~p and ~P
	// lay a term out from (and so indent its lines to) when the directive
	// starts further right than that.
	MaxFieldWidth = 1 << 16

	// MaxPadding is how many characters one call may produce beyond the
	// text of its arguments and format: padding, characters repeated by
	// a field width (~10c, ~5n), the stars of a value that does not fit
	// its field, and the zeros that fill a float's precision. A call that
	// needs more fails.
	MaxPadding = 1 << 20
)

// Format returns io_lib:format(Format, Args) flattened to a string: the
// format text with each control sequence (~p, ~s, ~w, ~5.2f, ...) replaced
// by its arguments, exactly as Erlang/OTP 25 formats them. The format is
// an Erlang string: its characters are the runes of the Go string. Output
// characters are encoded in UTF-8.
//
// The control sequences are ~Field.Precision.PadModC, where Field and
// Precision are numbers or * (taken from the next argument), Pad is a
// character or * (taken from the next argument), Mod is any of t (Unicode)
// and l (no string detection for ~p and ~P), and C is one of
//
//	~  a tilde             n  a newline          i  ignore an argument
//	c  a character         s  a string, binary, atom or iolist
//	w  ~w of a term        W  ~w with a depth argument
//	p  ~p of a term        P  ~p with a depth argument
//	e  float, 1.23000e+4   f  float, 12300.000000   g  float, e or f form
//	b  integer, base P, lowercase              B  integer, uppercase
//	x  integer with a prefix argument, lower   X  upper case
//	+  integer as 16#ff    #  integer as 16#FF
//
// ~p and ~P lay the term out with Pretty from the column at which the
// directive starts (counting every character since the start of the
// output or the last newline, with tabs to multiples of 8), so that
// continuation lines line up as they do in Erlang.
//
// The error, which wraps ErrBadarg, is returned in every case in which
// io_lib:format raises badarg: an argument of the wrong type, too few or
// too many arguments, an unknown control character, a base outside 2..36,
// a left-adjusted ~p or ~n, a precision larger than the field, and so on.
// It is also returned where Erlang would produce a list that is not text
// (a ~tc of -1, or a pad character that is not a character), where Erlang
// would not terminate (a negative precision for ~c, ~w or ~~), and when a
// field exceeds MaxFieldWidth or the padding exceeds MaxPadding.
func Format(format string, args ...Term) (string, error) {
	out, err := AppendFormat(nil, format, args...)
	if err != nil {
		return "", err
	}
	return string(out), nil
}

// MustFormat is like Format but panics if the format does not fit its
// arguments. It is meant for formats that are constants of the program.
func MustFormat(format string, args ...Term) string {
	s, err := Format(format, args...)
	if err != nil {
		panic(err)
	}
	return s
}

// AppendFormat appends what Format returns to dst and returns the extended
// slice. On error it returns dst unchanged (its length as it was) and the
// error; the bytes after len(dst) may have been written to.
func AppendFormat(dst []byte, format string, args ...Term) ([]byte, error) {
	f := formatter{buf: dst, start: len(dst), scan: len(dst), args: args, budget: MaxPadding}
	if !utf8.ValidString(format) {
		format = validText(format)
	}
	err := f.run(format)
	if err == nil && f.argi < len(f.args) {
		err = badarg("%d arguments left over", len(f.args)-f.argi)
	}
	if err != nil {
		return dst[:f.start], err
	}
	return f.buf, nil
}

// FormatTerms is io_lib:format(Format, Args) with both given as terms, as
// the shell passes them. Format is an Erlang string (a Go string, or a
// List of character codes), a binary (its bytes are the characters) or an
// atom; Args is a proper list. Otherwise the error wraps ErrBadarg.
//
// Elements of a Format list that are themselves lists or binaries are
// copied to the output as text and count as one column, as in Erlang; a
// control sequence cannot span one.
func FormatTerms(format Term, args Term) (string, error) {
	argv, ok := properList(args)
	if !ok {
		return "", badarg("the arguments are not a proper list")
	}
	segs, err := formatSegments(format)
	if err != nil {
		return "", err
	}
	f := formatter{args: argv, budget: MaxPadding}
	for _, s := range segs {
		if !s.isChunk {
			err = f.run(s.text)
		} else {
			f.column()
			f.buf = append(f.buf, s.chunk...)
			f.scan = len(f.buf)
			f.col++
		}
		if err != nil {
			return "", err
		}
	}
	if f.argi < len(f.args) {
		return "", badarg("%d arguments left over", len(f.args)-f.argi)
	}
	return string(f.buf), nil
}

func badarg(format string, a ...any) error {
	return fmt.Errorf("%w: io_lib:format: "+format, append([]any{ErrBadarg}, a...)...)
}

// validText returns s with each byte that is not part of valid UTF-8
// replaced by U+FFFD, as the characters of s are read everywhere else.
func validText(s string) string {
	b := make([]byte, 0, len(s)+8)
	for _, r := range s {
		b = utf8.AppendRune(b, r)
	}
	return string(b)
}

// properList returns the elements of a proper list.
func properList(t Term) ([]Term, bool) {
	switch v := unwrap(t).(type) {
	case List:
		return v, true
	case string:
		out := make([]Term, 0, len(v))
		for _, r := range v {
			out = append(out, int(r))
		}
		return out, true
	}
	return nil, false
}

// A segment of a format given as a term: format text, or a nested list or
// binary copied as it is (chunk, UTF-8).
type segment struct {
	text    string
	chunk   []byte
	isChunk bool
}

func formatSegments(format Term) ([]segment, error) {
	switch v := unwrap(format).(type) {
	case string:
		if !utf8.ValidString(v) {
			v = validText(v)
		}
		return []segment{{text: v}}, nil
	case Atom:
		return []segment{{text: string(v)}}, nil
	case Binary:
		return []segment{{text: latin1Text(v)}}, nil
	case []byte:
		return []segment{{text: latin1Text(v)}}, nil
	case List:
		var segs []segment
		var text []byte
		for _, e := range v {
			e = unwrap(e)
			if c, ok := smallInt(e); ok {
				if !validChar(c) {
					return nil, badarg("format character %d is not a Unicode code point", c)
				}
				text = utf8.AppendRune(text, rune(c))
				continue
			}
			switch unwrap(e).(type) {
			case List, string, ImproperList, Binary, []byte:
				var f formatter
				f.budget = MaxPadding
				if err := f.appendChars(e, true); err != nil {
					return nil, err
				}
				if len(text) > 0 {
					segs = append(segs, segment{text: string(text)})
					text = text[:0]
				}
				segs = append(segs, segment{chunk: f.buf, isChunk: true})
				continue
			}
			return nil, badarg("the format is not a string")
		}
		if len(text) > 0 || len(segs) == 0 {
			segs = append(segs, segment{text: string(text)})
		}
		return segs, nil
	}
	return nil, badarg("the format is not a string, binary or atom")
}

// latin1Text returns the bytes of b as characters 0..255, in UTF-8.
func latin1Text(b []byte) string {
	out := make([]byte, 0, len(b)+8)
	for _, c := range b {
		out = utf8.AppendRune(out, rune(c))
	}
	return string(out)
}

func validChar(c int64) bool {
	return c >= 0 && c <= unicode.MaxRune && (c < 0xD800 || c > 0xDFFF)
}

// none marks a field width or precision that is not given.
const none = math.MinInt

// A spec is one parsed control sequence.
type spec struct {
	verb      rune
	width     int // none or >= 0
	left      bool
	prec      int  // none, or any value taken with *
	pad       Term // the pad character: a rune, or any term taken with *
	unicode   bool
	noStrings bool
}

// formatter holds the state of one call.
type formatter struct {
	buf    []byte
	start  int // where this call's output begins in buf
	args   []Term
	argi   int
	budget int // characters of padding still allowed
	scan   int // buf[start:scan] has been counted into col
	col    int // the column (0-based) at scan
}

func (f *formatter) next() (Term, bool) {
	if f.argi >= len(f.args) {
		return nil, false
	}
	a := f.args[f.argi]
	f.argi++
	return a, true
}

// run formats the text s, which ends where a control sequence must have
// ended.
func (f *formatter) run(s string) error {
	for i := 0; i < len(s); {
		j := strings.IndexByte(s[i:], '~')
		if j < 0 {
			f.buf = append(f.buf, s[i:]...)
			break
		}
		j += i
		f.buf = append(f.buf, s[i:j]...)
		n, err := f.directive(s[j+1:])
		if err != nil {
			return err
		}
		i = j + 1 + n
	}
	return nil
}

// directive parses and formats the control sequence at the start of s
// (after the ~) and returns how many bytes of s it took.
func (f *formatter) directive(s string) (int, error) {
	sp := spec{width: none, prec: none, pad: ' '}
	p := 0
	// Field width, maybe negative (left-adjusted).
	neg := p < len(s) && s[p] == '-'
	if neg {
		p++
	}
	w, p, err := f.fieldValue(s, p, false)
	if err != nil {
		return 0, err
	}
	if neg {
		if w == none {
			return 0, badarg("~- without a field width")
		}
		w = -w
	}
	if w != none && w < 0 {
		sp.left, w = true, -w
	}
	sp.width = w
	// Precision.
	if p < len(s) && s[p] == '.' {
		sp.prec, p, err = f.fieldValue(s, p+1, true)
		if err != nil {
			return 0, err
		}
	}
	// Pad character.
	if p+1 < len(s) && s[p] == '.' {
		if s[p+1] == '*' && f.argi < len(f.args) {
			sp.pad, _ = f.next()
			p += 2
		} else {
			r, n := utf8.DecodeRuneInString(s[p+1:])
			sp.pad = r
			p += 1 + n
		}
	}
	// Modifiers.
	for ; p < len(s) && (s[p] == 't' || s[p] == 'l'); p++ {
		if s[p] == 't' {
			sp.unicode = true
		} else {
			sp.noStrings = true
		}
	}
	if p == len(s) {
		return 0, badarg("the format ends inside a control sequence")
	}
	r, n := utf8.DecodeRuneInString(s[p:])
	sp.verb = r
	return p + n, f.control(&sp)
}

// fieldValue reads a field width or precision at s[p:]: digits, * (an
// integer argument), or nothing (none). A negative precision, which is an
// error for all but ~p and ~P (where it means column 1), is clamped to
// -MaxFieldWidth rather than refused.
func (f *formatter) fieldValue(s string, p int, prec bool) (int, int, error) {
	if p < len(s) && s[p] == '*' {
		if f.argi < len(f.args) {
			a := unwrap(f.args[f.argi])
			if IsInteger(a) {
				f.argi++
				v, ok := smallInt(a)
				if prec && (v < -MaxFieldWidth || !ok && a.(*big.Int).Sign() < 0) {
					return -MaxFieldWidth, p + 1, nil
				}
				if !ok || v > MaxFieldWidth || v < -MaxFieldWidth {
					return 0, p, badarg("field width %v exceeds the limit of %d", a, MaxFieldWidth)
				}
				return int(v), p + 1, nil
			}
		}
		return 0, p, badarg("~* needs an integer argument")
	}
	if p >= len(s) || s[p] < '0' || s[p] > '9' {
		return none, p, nil
	}
	v := 0
	for ; p < len(s) && s[p] >= '0' && s[p] <= '9'; p++ {
		v = 10*v + int(s[p]-'0')
		if v > MaxFieldWidth {
			return 0, p, badarg("field width exceeds the limit of %d", MaxFieldWidth)
		}
	}
	return v, p, nil
}

// control formats one control sequence, taking its arguments.
func (f *formatter) control(sp *spec) error {
	var nargs int
	switch sp.verb {
	case '~', 'n':
	case 'w', 'p', 's', 'e', 'f', 'g', 'b', 'B', '+', '#', 'c', 'i':
		nargs = 1
	case 'W', 'P', 'x', 'X':
		nargs = 2
	default:
		return badarg("unknown control sequence ~%c", sp.verb)
	}
	if len(f.args)-f.argi < nargs {
		return badarg("too few arguments for ~%c", sp.verb)
	}
	var a, b Term
	if nargs > 0 {
		a = unwrap(f.args[f.argi])
		if nargs > 1 {
			b = unwrap(f.args[f.argi+1])
		}
		f.argi += nargs
	}
	off := len(f.buf)
	switch sp.verb {
	case '~':
		return f.char('~', sp)
	case 'n':
		if sp.width == none {
			f.buf = append(f.buf, '\n')
			return nil
		}
		if sp.left {
			return badarg("~n cannot be left-adjusted")
		}
		return f.repeat('\n', sp.width)
	case 'i':
		return nil
	case 'c':
		return f.controlChar(a, sp)
	case 's':
		if err := f.appendString(a, sp.unicode); err != nil {
			return err
		}
		return f.stringField(off, sp)
	case 'w':
		f.buf = AppendWrite(f.buf, a, -1, sp.unicode)
		return f.termField(off, sp.width, sp.prec, sp.left, sp.pad)
	case 'W':
		d, ok := depthArg(b)
		if !ok {
			return badarg("the depth of ~W is not an integer")
		}
		f.buf = AppendWrite(f.buf, a, d, sp.unicode)
		return f.termField(off, sp.width, sp.prec, sp.left, sp.pad)
	case 'p':
		return f.print(a, -1, sp)
	case 'P':
		d, ok := depthArg(b)
		if !ok {
			return badarg("the depth of ~P is not an integer")
		}
		return f.print(a, d, sp)
	case 'e', 'f', 'g':
		x, ok := floatOf(a)
		if !ok || isNaNOrInf(x) {
			return badarg("~%c needs a float", sp.verb)
		}
		return f.float(x, sp)
	case 'b', 'B':
		if !IsInteger(a) {
			return badarg("~%c needs an integer", sp.verb)
		}
		return f.integer(a, sp, nil, sp.verb == 'b')
	case 'x', 'X':
		if !IsInteger(a) {
			return badarg("~%c needs an integer", sp.verb)
		}
		prefix, ok := prefixText(b)
		if !ok {
			return badarg("the prefix of ~%c is not an atom or character list", sp.verb)
		}
		return f.integer(a, sp, prefix, sp.verb == 'x')
	case '+', '#':
		if !IsInteger(a) {
			return badarg("~%c needs an integer", sp.verb)
		}
		base := 10
		if sp.prec != none {
			base = sp.prec
		}
		prefix := strconv.AppendInt(nil, int64(base), 10)
		return f.integer(a, sp, append(prefix, '#'), sp.verb == '+')
	}
	return nil
}

// depthArg reads the depth of ~W and ~P: -1 for no limit.
func depthArg(t Term) (int, bool) {
	if v, ok := smallInt(t); ok {
		if v < 0 {
			return -1, true
		}
		if v > math.MaxInt32 {
			v = math.MaxInt32
		}
		return int(v), true
	}
	if b, ok := t.(*big.Int); ok {
		if b.Sign() < 0 {
			return -1, true
		}
		return math.MaxInt32, true
	}
	return 0, false
}

// repeat appends n copies of r, charged to the padding budget.
func (f *formatter) repeat(r rune, n int) error {
	if n <= 0 {
		return nil
	}
	if f.budget -= n; f.budget < 0 {
		return badarg("padding exceeds the limit of %d characters", MaxPadding)
	}
	if r < utf8.RuneSelf {
		for ; n > 0; n-- {
			f.buf = append(f.buf, byte(r))
		}
		return nil
	}
	for ; n > 0; n-- {
		f.buf = utf8.AppendRune(f.buf, r)
	}
	return nil
}

// padRune returns the pad character as a rune; it must be one to be used.
func padRune(pad Term) (rune, error) {
	if c, ok := smallInt(unwrap(pad)); ok && validChar(c) {
		return rune(c), nil
	}
	return 0, badarg("the pad character is not a character")
}

// adjust pads the text buf[off:] with n pad characters, after it when left,
// before it otherwise.
func (f *formatter) adjust(off, n int, left bool, pad Term) error {
	if n <= 0 {
		return nil
	}
	r, err := padRune(pad)
	if err != nil {
		return err
	}
	end := len(f.buf)
	if err := f.repeat(r, n); err != nil {
		return err
	}
	if !left {
		// Move the padding in front of the text.
		slices.Reverse(f.buf[off:end])
		slices.Reverse(f.buf[end:])
		slices.Reverse(f.buf[off:])
	}
	return nil
}

// char formats the character r (already validated) for ~c and ~~.
func (f *formatter) char(r rune, sp *spec) error {
	w, p := sp.width, sp.prec
	switch {
	case w == none && p == none:
		f.buf = utf8.AppendRune(f.buf, r)
		return nil
	case p == none:
		return f.repeat(r, w)
	}
	if p < 0 {
		return badarg("negative precision %d", p)
	}
	if w == none {
		return f.repeat(r, p)
	}
	if w < p {
		return badarg("precision %d is larger than the field width %d", p, w)
	}
	off := len(f.buf)
	if err := f.repeat(r, p); err != nil {
		return err
	}
	return f.adjust(off, w-p, sp.left, sp.pad)
}

func (f *formatter) controlChar(a Term, sp *spec) error {
	if !IsInteger(a) {
		return badarg("~c needs an integer")
	}
	var c int64
	if v, ok := smallInt(a); ok {
		c = v
	} else {
		b, _ := BigInt(a)
		if !sp.unicode {
			c = new(big.Int).And(b, big.NewInt(255)).Int64()
		} else {
			c = -1
		}
	}
	if !sp.unicode {
		c &= 255
	} else if !validChar(c) {
		return badarg("~tc of %v, which is not a Unicode code point", a)
	}
	return f.char(rune(c), sp)
}

// appendString appends the characters of the ~s argument t: an atom, or
// an iolist (latin1) or chardata (unicode) of characters and binaries.
func (f *formatter) appendString(t Term, uni bool) error {
	if a, ok := t.(Atom); ok {
		if !uni {
			for _, r := range string(a) {
				if r > 255 {
					return badarg("~s of an atom with character %d; use ~ts", r)
				}
			}
		}
		f.buf = append(f.buf, a...)
		return nil
	}
	return f.appendChars(t, uni)
}

// appendChars appends the characters of an iolist (uni false: characters
// 0..255 and binaries of bytes) or of Unicode chardata (uni true: any
// characters, and binaries in UTF-8, or bytes when they are not UTF-8).
func (f *formatter) appendChars(t Term, uni bool) error {
	switch v := t.(type) {
	case string:
		if uni {
			if !utf8.ValidString(v) {
				v = validText(v)
			}
			f.buf = append(f.buf, v...)
			return nil
		}
		for _, r := range v {
			if r > 255 {
				return badarg("~s of a string with character %d; use ~ts", r)
			}
			f.buf = utf8.AppendRune(f.buf, r)
		}
		return nil
	case List:
		for _, e := range v {
			if err := f.appendElem(e, uni); err != nil {
				return err
			}
		}
		return nil
	case ImproperList:
		for _, e := range v.Elems {
			if err := f.appendElem(e, uni); err != nil {
				return err
			}
		}
		switch tail := unwrap(v.Tail).(type) {
		case List, string:
			return f.appendChars(tail, uni)
		case Binary:
			f.appendBinary(tail, uni)
			return nil
		case []byte:
			f.appendBinary(tail, uni)
			return nil
		}
		return badarg("~s of an improper list")
	case Binary:
		f.appendBinary(v, uni)
		return nil
	case []byte:
		f.appendBinary(v, uni)
		return nil
	case Termer:
		return f.appendChars(unwrap(v), uni)
	}
	return badarg("~s of %s, which is not a string", KindOf(t))
}

func (f *formatter) appendElem(e Term, uni bool) error {
	e = unwrap(e)
	if c, ok := smallInt(e); ok {
		switch {
		case !uni && (c < 0 || c > 255):
			return badarg("~s of a list with element %d; use ~ts for characters above 255", c)
		case !validChar(c):
			return badarg("~ts of a list with element %d, which is not a Unicode code point", c)
		}
		f.buf = utf8.AppendRune(f.buf, rune(c))
		return nil
	}
	switch e.(type) {
	case List, string, ImproperList, Binary, []byte:
		return f.appendChars(e, uni)
	}
	return badarg("~s of a list with an element that is not a character")
}

func (f *formatter) appendBinary(b []byte, uni bool) {
	if uni && utf8.Valid(b) {
		f.buf = append(f.buf, b...)
		return
	}
	for _, c := range b {
		f.buf = utf8.AppendRune(f.buf, rune(c))
	}
}

// stringField fits the ~s text at buf[off:] to its field and precision.
func (f *formatter) stringField(off int, sp *spec) error {
	w, p := sp.width, sp.prec
	if w == none && p == none {
		return nil
	}
	n := charsLength(f.buf[off:])
	switch {
	case p == none:
		return f.fitString(off, w, sp.left, n, sp)
	case w == none:
		return f.fitString(off, p, true, n, sp)
	case w < p:
		return badarg("precision %d is larger than the field width %d", p, w)
	case w == p:
		return f.fitString(off, w, sp.left, n, sp)
	}
	switch {
	case n > p:
		if err := f.truncate(off, p, sp.unicode); err != nil {
			return err
		}
	case n < p:
		r, err := padRune(sp.pad)
		if err != nil {
			return err
		}
		if err := f.repeat(r, p-n); err != nil {
			return err
		}
	}
	return f.adjust(off, w-p, sp.left, sp.pad)
}

// fitString truncates or pads the text at buf[off:], of length n, to w.
func (f *formatter) fitString(off, w int, left bool, n int, sp *spec) error {
	switch {
	case n > w:
		return f.truncate(off, w, sp.unicode)
	case n < w:
		return f.adjust(off, w-n, left, sp.pad)
	}
	return nil
}

// truncate cuts the text at buf[off:] to its first n characters, or grapheme
// clusters for Unicode text, as ~ts counts.
func (f *formatter) truncate(off, n int, graphemes bool) error {
	if n < 0 {
		return badarg("negative precision %d", n)
	}
	text := f.buf[off:]
	i := 0
	for k := 0; k < n && i < len(text); k++ {
		if graphemes {
			i += graphemeLen(text[i:])
		} else {
			_, size := utf8.DecodeRune(text[i:])
			i += size
		}
	}
	f.buf = f.buf[:off+i]
	return nil
}

// termField fits the text at buf[off:] to field w with precision p as
// io_lib_format does for ~w, numbers and floats: text longer than its
// field is replaced by stars.
func (f *formatter) termField(off, w, p int, left bool, pad Term) error {
	if w == none && p == none {
		return nil
	}
	if p != none && p < 0 {
		return badarg("negative precision %d", p)
	}
	if w == none {
		w = p
	}
	n := charsLength(f.buf[off:])
	q := w
	if p != none && p < q {
		q = p
	}
	if n <= q {
		return f.adjust(off, w-n, left, pad)
	}
	f.buf = f.buf[:off]
	if err := f.repeat('*', q); err != nil {
		return err
	}
	return f.adjust(off, w-q, left, pad)
}

// column returns the column (0-based) at the end of the output so far.
func (f *formatter) column() int {
	for f.scan < len(f.buf) {
		c := f.buf[f.scan]
		size := 1
		if c >= utf8.RuneSelf {
			_, size = utf8.DecodeRune(f.buf[f.scan:])
		}
		f.scan += size
		switch c {
		case '\n':
			f.col = 0
		case '\t':
			f.col = (f.col + 8) / 8 * 8
		default:
			f.col++
		}
	}
	return f.col
}

// print formats ~p and ~P: the field width is the line length (80 when not
// given) and the precision the column (where the directive starts when not
// given); the term is not padded.
func (f *formatter) print(t Term, depth int, sp *spec) error {
	if sp.left {
		return badarg("~p cannot be left-adjusted")
	}
	if depth == 0 {
		f.buf = append(f.buf, "..."...)
		return nil
	}
	o := PrintOptions{LineLength: 80, Unicode: sp.unicode, NoStrings: sp.noStrings}
	if depth > 0 {
		o.Depth = depth
	}
	switch {
	case sp.width == 0:
		// io_lib_pretty writes the term on one line for line length 0,
		// as it does for any line long enough.
		o.LineLength = math.MaxInt32
	case sp.width != none:
		o.LineLength = sp.width
	}
	if sp.prec != none {
		o.Column = max(sp.prec, 1) // io_lib_pretty starts at 1 at least
	} else {
		o.Column = min(f.column()+1, MaxFieldWidth)
	}
	f.buf = append(f.buf, Pretty(t, o)...)
	return nil
}

// prefixText returns the prefix of ~x and ~X: an atom's name, or a deep
// list of characters.
func prefixText(t Term) ([]byte, bool) {
	if a, ok := t.(Atom); ok {
		return []byte(a), true
	}
	var out []byte
	var walk func(t Term) bool
	walk = func(t Term) bool {
		switch v := unwrap(t).(type) {
		case string:
			for _, r := range v {
				if r == 0xFFFE || r == 0xFFFF {
					return false
				}
			}
			out = append(out, v...)
			return true
		case List:
			for _, e := range v {
				if c, ok := smallInt(e); ok {
					if !validChar(c) || c == 0xFFFE || c == 0xFFFF {
						return false
					}
					out = utf8.AppendRune(out, rune(c))
					continue
				}
				switch unwrap(e).(type) {
				case List, string:
					if !walk(e) {
						return false
					}
					continue
				}
				return false
			}
			return true
		}
		return false
	}
	if !walk(t) {
		return nil, false
	}
	return out, true
}

// integer formats ~b ~B ~x ~X ~+ ~#: sign, prefix and digits in base P,
// fitted to the field with stars when too long.
func (f *formatter) integer(t Term, sp *spec, prefix []byte, lower bool) error {
	base := 10
	if sp.prec != none {
		base = sp.prec
	}
	if base < 2 || base > 36 {
		return badarg("base %d is not in 2..36", base)
	}
	off := len(f.buf)
	if v, ok := smallInt(t); ok {
		if v < 0 {
			f.buf = append(f.buf, '-')
		}
		f.buf = append(f.buf, prefix...)
		u := uint64(v)
		if v < 0 {
			u = -u
		}
		f.buf = strconv.AppendUint(f.buf, u, base)
	} else {
		b, _ := BigInt(t)
		if b.Sign() < 0 {
			f.buf = append(f.buf, '-')
			b.Neg(b)
		}
		f.buf = append(f.buf, prefix...)
		f.buf = b.Append(f.buf, base)
	}
	if !lower {
		digits := f.buf[off:]
		skip := len(prefix)
		if digits[0] == '-' {
			skip++
		}
		for i := skip; i < len(digits); i++ {
			if c := digits[i]; c >= 'a' && c <= 'z' {
				digits[i] = c - 'a' + 'A'
			}
		}
	}
	return f.termField(off, sp.width, none, sp.left, sp.pad)
}

// float formats ~e ~f ~g.
func (f *formatter) float(x float64, sp *spec) error {
	p := sp.prec
	switch sp.verb {
	case 'e':
		return f.floatE(x, sp, p)
	case 'f':
		return f.floatF(x, sp, p)
	}
	if p == none {
		p = 6
	}
	if p < 1 {
		return badarg("~g precision %d is below 1", p)
	}
	// The f form for 0.1 =< |x| < 10000 when P digits show it, else e.
	a := math.Abs(x)
	e := 4 // not an f-form magnitude
	switch {
	case a < 0.1:
		e = -2
	case a < 1:
		e = -1
	case a < 10:
		e = 0
	case a < 100:
		e = 1
	case a < 1000:
		e = 2
	case a < 10000:
		e = 3
	}
	switch {
	case p <= 1 && e == -1, e != 4 && p-1 > e && e >= -1:
		return f.floatF(x, sp, p-1-e)
	case p <= 1:
		return f.floatE(x, sp, 2)
	}
	return f.floatE(x, sp, p)
}

func (f *formatter) floatE(x float64, sp *spec, p int) error {
	if p == none {
		p = 6
	}
	if p < 2 {
		return badarg("~e precision %d is below 2", p)
	}
	off := len(f.buf)
	if math.Signbit(x) {
		f.buf = append(f.buf, '-')
	}
	ds, e := floatDigits(math.Abs(x))
	mant := len(f.buf)
	carry, err := f.mantissa(ds[:], 1, p-1)
	if err != nil {
		return err
	}
	if carry {
		f.buf[mant] = '1' // all the digits were nines and are now zeros
	} else {
		e--
	}
	if e >= 0 {
		f.buf = append(f.buf, 'e', '+')
	} else {
		f.buf = append(f.buf, 'e')
	}
	f.buf = strconv.AppendInt(f.buf, int64(e), 10)
	if sp.width == none {
		return nil
	}
	return f.termField(off, sp.width, sp.width, sp.left, sp.pad)
}

func (f *formatter) floatF(x float64, sp *spec, p int) error {
	if p == none {
		p = 6
	}
	if p < 1 {
		return badarg("~f precision %d is below 1", p)
	}
	off := len(f.buf)
	if math.Signbit(x) {
		f.buf = append(f.buf, '-')
	}
	ds, e := floatDigits(math.Abs(x))
	digits := ds[:]
	if e <= 0 {
		var zeros [len(ds) + 400]byte // e >= -323
		digits = zeros[:0]
		for i := 0; i < 1-e; i++ {
			digits = append(digits, '0')
		}
		digits = append(digits, ds[:]...)
		e = 1
	}
	mant := len(f.buf)
	carry, err := f.mantissa(digits, e, p)
	if err != nil {
		return err
	}
	if carry {
		f.buf = append(f.buf, 0)
		copy(f.buf[mant+1:], f.buf[mant:])
		f.buf[mant] = '1'
	}
	if sp.width == none {
		return nil
	}
	return f.termField(off, sp.width, sp.width, sp.left, sp.pad)
}

// floatDigits returns the 21 significant digits of float_to_list(x) (the
// %.20e form) and the exponent E such that x = 0.DDD... * 10^E.
func floatDigits(x float64) (ds [21]byte, e int) {
	var tmp [32]byte
	s := strconv.AppendFloat(tmp[:0], x, 'e', 20, 64) // d.ddd...de±dd
	ds[0] = s[0]
	copy(ds[1:], s[2:22])
	exp, _ := strconv.Atoi(string(s[23:]))
	return ds, exp + 1
}

// mantissa appends ds as intDigits digits, a point and decDigits digits,
// rounding half up on the next digit of ds and filling with zeros when ds
// runs out. carry reports a carry out of the first digit, whose digits are
// then all zeros.
func (f *formatter) mantissa(ds []byte, intDigits, decDigits int) (carry bool, err error) {
	keep := intDigits + decDigits
	if fill := keep - len(ds); fill > 0 {
		if f.budget -= fill; f.budget < 0 {
			return false, badarg("padding exceeds the limit of %d characters", MaxPadding)
		}
	}
	start := len(f.buf)
	for i := 0; i < keep; i++ {
		if i == intDigits {
			f.buf = append(f.buf, '.')
		}
		if i < len(ds) {
			f.buf = append(f.buf, ds[i])
		} else {
			f.buf = append(f.buf, '0')
		}
	}
	if keep >= len(ds) || ds[keep] < '5' {
		return false, nil
	}
	for i := len(f.buf) - 1; i >= start; i-- {
		switch f.buf[i] {
		case '.':
			continue
		case '9':
			f.buf[i] = '0'
			continue
		default:
			f.buf[i]++
			return false, nil
		}
	}
	return true, nil
}

// charsLength is io_lib:chars_length/1 of UTF-8 text: the number of
// characters when all are below 256, else the number of grapheme clusters.
func charsLength(b []byte) int {
	n := 0
	for i := 0; i < len(b); {
		c := b[i]
		if c < utf8.RuneSelf {
			i++
			n++
			continue
		}
		r, size := utf8.DecodeRune(b[i:])
		if r > 255 {
			return graphemeCount(b)
		}
		i += size
		n++
	}
	return n
}

// Grapheme clusters, as string:length/1 and string:slice/3 count them for
// Unicode text. OTP 25 segments text with its own state machine over the
// Unicode 14 properties, which differs from UAX #29 in two details that
// are kept here: spacing marks extend an emoji sequence as other marks do,
// and a mark after an emoji's zero width joiner starts a new cluster.

// gcb is the class of a character for segmentation.
type gcb uint8

const (
	gcOther   gcb = iota
	gcControl     // controls, CR and LF: a cluster of their own (but CR LF)
	gcExtend      // marks (Extend and SpacingMark): join the cluster before
	gcZWJ         // U+200D: extends, and joins two emoji
	gcPrepend     // joins the cluster after
	gcPict        // Extended_Pictographic
	gcRI          // regional indicators: join in pairs
	gcL           // Hangul jamo and syllables
	gcV
	gcT
	gcLV
	gcLVT
)

// graphemeCount returns the number of grapheme clusters of UTF-8 text.
func graphemeCount(b []byte) int {
	n := 0
	for len(b) > 0 {
		b = b[graphemeLen(b):]
		n++
	}
	return n
}

// graphemeLen returns the length in bytes of the first grapheme cluster of
// non-empty UTF-8 text.
func graphemeLen(b []byte) int {
	r, n := utf8.DecodeRune(b)
	switch gcbOf(r) {
	case gcControl:
		if r == '\r' && n < len(b) && b[n] == '\n' {
			return n + 1
		}
		return n
	case gcPrepend:
		if n == len(b) {
			return n
		}
		if next, _ := utf8.DecodeRune(b[n:]); gcbOf(next) == gcControl {
			return n
		}
		return n + graphemeLen(b[n:])
	case gcPict:
		return n + pictTail(b[n:])
	case gcRI:
		if next, size := utf8.DecodeRune(b[n:]); n < len(b) && gcbOf(next) == gcRI {
			n += size
		}
	case gcL:
		n += hangulTail(b[n:], gcL)
	case gcV, gcLV:
		n += hangulTail(b[n:], gcV)
	case gcT, gcLVT:
		n += hangulTail(b[n:], gcT)
	}
	return n + extendTail(b[n:])
}

// extendTail returns the length of the marks and joiners that start b.
func extendTail(b []byte) int {
	i := 0
	for i < len(b) {
		r, size := utf8.DecodeRune(b[i:])
		if c := gcbOf(r); c != gcExtend && c != gcZWJ {
			break
		}
		i += size
	}
	return i
}

// pictTail returns the length of what continues an emoji at the start of
// b: marks, and joiners each followed by another emoji.
func pictTail(b []byte) int {
	i := 0
	for i < len(b) {
		r, size := utf8.DecodeRune(b[i:])
		switch gcbOf(r) {
		case gcExtend:
			i += size
		case gcZWJ:
			i += size
			next, nsize := utf8.DecodeRune(b[i:])
			if i == len(b) || gcbOf(next) != gcPict {
				return i
			}
			i += nsize
		default:
			return i
		}
	}
	return i
}

// hangulTail returns the length of the jamo that continue a Hangul
// syllable at the start of b, in state s (gcL, gcV or gcT: what may follow
// an L, a V or LV, a T or LVT).
func hangulTail(b []byte, s gcb) int {
	i := 0
	for i < len(b) {
		r, size := utf8.DecodeRune(b[i:])
		c := gcbOf(r)
		switch {
		case s == gcL && c == gcL, s != gcL && c == s:
		case s == gcL && (c == gcV || c == gcLV), s == gcV && c == gcT:
			s = c
		case s == gcL && c == gcLVT:
			s = gcT
		default:
			return i
		}
		if s == gcLV {
			s = gcV
		}
		i += size
	}
	return i
}

func gcbOf(r rune) gcb {
	switch {
	case r < ' ':
		return gcControl
	case r < 0xa9:
		if r >= 0x7f && r <= 0x9f {
			return gcControl
		}
		return gcOther
	case r == 0x200d:
		return gcZWJ
	case r >= 0x1100 && r <= 0x115f, r >= 0xa960 && r <= 0xa97c:
		return gcL
	case r >= 0x1160 && r <= 0x11a7, r >= 0xd7b0 && r <= 0xd7c6:
		return gcV
	case r >= 0x11a8 && r <= 0x11ff, r >= 0xd7cb && r <= 0xd7fb:
		return gcT
	case r >= 0xac00 && r <= 0xd7a3:
		if (r-0xac00)%28 == 0 {
			return gcLV
		}
		return gcLVT
	case r >= 0x1f1e6 && r <= 0x1f1ff:
		return gcRI
	}
	lo, hi := 0, len(gcRanges)
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		switch e := &gcRanges[m]; {
		case r < e.lo:
			hi = m
		case r > e.hi:
			lo = m + 1
		default:
			return e.class
		}
	}
	return gcOther
}

// gcRanges classes the characters that are not gcOther, apart from those
// gcbOf computes, in the Unicode 14 data of OTP 25 (recorded from
// string:length/1 there).
var gcRanges = [...]struct {
	lo, hi rune
	class  gcb
}{
	{0x0, 0x9, gcControl}, {0xb, 0xc, gcControl}, {0xe, 0x1f, gcControl},
	{0x7f, 0x9f, gcControl}, {0xa9, 0xa9, gcPict}, {0xad, 0xad, gcControl},
	{0xae, 0xae, gcPict}, {0x300, 0x36f, gcExtend}, {0x483, 0x489, gcExtend},
	{0x591, 0x5bd, gcExtend}, {0x5bf, 0x5bf, gcExtend},
	{0x5c1, 0x5c2, gcExtend}, {0x5c4, 0x5c5, gcExtend},
	{0x5c7, 0x5c7, gcExtend}, {0x600, 0x605, gcPrepend},
	{0x610, 0x61a, gcExtend}, {0x61c, 0x61c, gcControl},
	{0x64b, 0x65f, gcExtend}, {0x670, 0x670, gcExtend},
	{0x6d6, 0x6dc, gcExtend}, {0x6dd, 0x6dd, gcPrepend},
	{0x6df, 0x6e4, gcExtend}, {0x6e7, 0x6e8, gcExtend},
	{0x6ea, 0x6ed, gcExtend}, {0x70f, 0x70f, gcPrepend},
	{0x711, 0x711, gcExtend}, {0x730, 0x74a, gcExtend},
	{0x7a6, 0x7b0, gcExtend}, {0x7eb, 0x7f3, gcExtend},
	{0x7fd, 0x7fd, gcExtend}, {0x816, 0x819, gcExtend},
	{0x81b, 0x823, gcExtend}, {0x825, 0x827, gcExtend},
	{0x829, 0x82d, gcExtend}, {0x859, 0x85b, gcExtend},
	{0x890, 0x891, gcPrepend}, {0x898, 0x89f, gcExtend},
	{0x8ca, 0x8e1, gcExtend}, {0x8e2, 0x8e2, gcPrepend},
	{0x8e3, 0x903, gcExtend}, {0x93a, 0x93c, gcExtend},
	{0x93e, 0x94f, gcExtend}, {0x951, 0x957, gcExtend},
	{0x962, 0x963, gcExtend}, {0x981, 0x983, gcExtend},
	{0x9bc, 0x9bc, gcExtend}, {0x9be, 0x9c4, gcExtend},
	{0x9c7, 0x9c8, gcExtend}, {0x9cb, 0x9cd, gcExtend},
	{0x9d7, 0x9d7, gcExtend}, {0x9e2, 0x9e3, gcExtend},
	{0x9fe, 0x9fe, gcExtend}, {0xa01, 0xa03, gcExtend},
	{0xa3c, 0xa3c, gcExtend}, {0xa3e, 0xa42, gcExtend},
	{0xa47, 0xa48, gcExtend}, {0xa4b, 0xa4d, gcExtend},
	{0xa51, 0xa51, gcExtend}, {0xa70, 0xa71, gcExtend},
	{0xa75, 0xa75, gcExtend}, {0xa81, 0xa83, gcExtend},
	{0xabc, 0xabc, gcExtend}, {0xabe, 0xac5, gcExtend},
	{0xac7, 0xac9, gcExtend}, {0xacb, 0xacd, gcExtend},
	{0xae2, 0xae3, gcExtend}, {0xafa, 0xaff, gcExtend},
	{0xb01, 0xb03, gcExtend}, {0xb3c, 0xb3c, gcExtend},
	{0xb3e, 0xb44, gcExtend}, {0xb47, 0xb48, gcExtend},
	{0xb4b, 0xb4d, gcExtend}, {0xb55, 0xb57, gcExtend},
	{0xb62, 0xb63, gcExtend}, {0xb82, 0xb82, gcExtend},
	{0xbbe, 0xbc2, gcExtend}, {0xbc6, 0xbc8, gcExtend},
	{0xbca, 0xbcd, gcExtend}, {0xbd7, 0xbd7, gcExtend},
	{0xc00, 0xc04, gcExtend}, {0xc3c, 0xc3c, gcExtend},
	{0xc3e, 0xc44, gcExtend}, {0xc46, 0xc48, gcExtend},
	{0xc4a, 0xc4d, gcExtend}, {0xc55, 0xc56, gcExtend},
	{0xc62, 0xc63, gcExtend}, {0xc81, 0xc83, gcExtend},
	{0xcbc, 0xcbc, gcExtend}, {0xcbe, 0xcc4, gcExtend},
	{0xcc6, 0xcc8, gcExtend}, {0xcca, 0xccd, gcExtend},
	{0xcd5, 0xcd6, gcExtend}, {0xce2, 0xce3, gcExtend},
	{0xd00, 0xd03, gcExtend}, {0xd3b, 0xd3c, gcExtend},
	{0xd3e, 0xd44, gcExtend}, {0xd46, 0xd48, gcExtend},
	{0xd4a, 0xd4d, gcExtend}, {0xd4e, 0xd4e, gcPrepend},
	{0xd57, 0xd57, gcExtend}, {0xd62, 0xd63, gcExtend},
	{0xd81, 0xd83, gcExtend}, {0xdca, 0xdca, gcExtend},
	{0xdcf, 0xdd4, gcExtend}, {0xdd6, 0xdd6, gcExtend},
	{0xdd8, 0xddf, gcExtend}, {0xdf2, 0xdf3, gcExtend},
	{0xe31, 0xe31, gcExtend}, {0xe33, 0xe3a, gcExtend},
	{0xe47, 0xe4e, gcExtend}, {0xeb1, 0xeb1, gcExtend},
	{0xeb3, 0xebc, gcExtend}, {0xec8, 0xecd, gcExtend},
	{0xf18, 0xf19, gcExtend}, {0xf35, 0xf35, gcExtend},
	{0xf37, 0xf37, gcExtend}, {0xf39, 0xf39, gcExtend},
	{0xf3e, 0xf3f, gcExtend}, {0xf71, 0xf84, gcExtend},
	{0xf86, 0xf87, gcExtend}, {0xf8d, 0xf97, gcExtend},
	{0xf99, 0xfbc, gcExtend}, {0xfc6, 0xfc6, gcExtend},
	{0x102d, 0x1037, gcExtend}, {0x1039, 0x103e, gcExtend},
	{0x1056, 0x1059, gcExtend}, {0x105e, 0x1060, gcExtend},
	{0x1071, 0x1074, gcExtend}, {0x1082, 0x1082, gcExtend},
	{0x1084, 0x1086, gcExtend}, {0x108d, 0x108d, gcExtend},
	{0x109d, 0x109d, gcExtend}, {0x135d, 0x135f, gcExtend},
	{0x1712, 0x1715, gcExtend}, {0x1732, 0x1734, gcExtend},
	{0x1752, 0x1753, gcExtend}, {0x1772, 0x1773, gcExtend},
	{0x17b4, 0x17d3, gcExtend}, {0x17dd, 0x17dd, gcExtend},
	{0x180b, 0x180d, gcExtend}, {0x180e, 0x180e, gcControl},
	{0x180f, 0x180f, gcExtend}, {0x1885, 0x1886, gcExtend},
	{0x18a9, 0x18a9, gcExtend}, {0x1920, 0x192b, gcExtend},
	{0x1930, 0x193b, gcExtend}, {0x1a17, 0x1a1b, gcExtend},
	{0x1a55, 0x1a5e, gcExtend}, {0x1a60, 0x1a60, gcExtend},
	{0x1a62, 0x1a62, gcExtend}, {0x1a65, 0x1a7c, gcExtend},
	{0x1a7f, 0x1a7f, gcExtend}, {0x1ab0, 0x1ace, gcExtend},
	{0x1b00, 0x1b04, gcExtend}, {0x1b34, 0x1b44, gcExtend},
	{0x1b6b, 0x1b73, gcExtend}, {0x1b80, 0x1b82, gcExtend},
	{0x1ba1, 0x1bad, gcExtend}, {0x1be6, 0x1bf3, gcExtend},
	{0x1c24, 0x1c37, gcExtend}, {0x1cd0, 0x1cd2, gcExtend},
	{0x1cd4, 0x1ce8, gcExtend}, {0x1ced, 0x1ced, gcExtend},
	{0x1cf4, 0x1cf4, gcExtend}, {0x1cf7, 0x1cf9, gcExtend},
	{0x1dc0, 0x1dff, gcExtend}, {0x200b, 0x200b, gcControl},
	{0x200c, 0x200c, gcExtend}, {0x200e, 0x200f, gcControl},
	{0x2028, 0x202e, gcControl}, {0x203c, 0x203c, gcPict},
	{0x2049, 0x2049, gcPict}, {0x2060, 0x206f, gcControl},
	{0x20d0, 0x20f0, gcExtend}, {0x2122, 0x2122, gcPict},
	{0x2139, 0x2139, gcPict}, {0x2194, 0x2199, gcPict},
	{0x21a9, 0x21aa, gcPict}, {0x231a, 0x231b, gcPict},
	{0x2328, 0x2328, gcPict}, {0x2388, 0x2388, gcPict},
	{0x23cf, 0x23cf, gcPict}, {0x23e9, 0x23f3, gcPict},
	{0x23f8, 0x23fa, gcPict}, {0x24c2, 0x24c2, gcPict},
	{0x25aa, 0x25ab, gcPict}, {0x25b6, 0x25b6, gcPict},
	{0x25c0, 0x25c0, gcPict}, {0x25fb, 0x25fe, gcPict},
	{0x2600, 0x2605, gcPict}, {0x2607, 0x2612, gcPict},
	{0x2614, 0x2685, gcPict}, {0x2690, 0x2705, gcPict},
	{0x2708, 0x2712, gcPict}, {0x2714, 0x2714, gcPict},
	{0x2716, 0x2716, gcPict}, {0x271d, 0x271d, gcPict},
	{0x2721, 0x2721, gcPict}, {0x2728, 0x2728, gcPict},
	{0x2733, 0x2734, gcPict}, {0x2744, 0x2744, gcPict},
	{0x2747, 0x2747, gcPict}, {0x274c, 0x274c, gcPict},
	{0x274e, 0x274e, gcPict}, {0x2753, 0x2755, gcPict},
	{0x2757, 0x2757, gcPict}, {0x2763, 0x2767, gcPict},
	{0x2795, 0x2797, gcPict}, {0x27a1, 0x27a1, gcPict},
	{0x27b0, 0x27b0, gcPict}, {0x27bf, 0x27bf, gcPict},
	{0x2934, 0x2935, gcPict}, {0x2b05, 0x2b07, gcPict},
	{0x2b1b, 0x2b1c, gcPict}, {0x2b50, 0x2b50, gcPict},
	{0x2b55, 0x2b55, gcPict}, {0x2cef, 0x2cf1, gcExtend},
	{0x2d7f, 0x2d7f, gcExtend}, {0x2de0, 0x2dff, gcExtend},
	{0x302a, 0x302f, gcExtend}, {0x3030, 0x3030, gcPict},
	{0x303d, 0x303d, gcPict}, {0x3099, 0x309a, gcExtend},
	{0x3297, 0x3297, gcPict}, {0x3299, 0x3299, gcPict},
	{0xa66f, 0xa672, gcExtend}, {0xa674, 0xa67d, gcExtend},
	{0xa69e, 0xa69f, gcExtend}, {0xa6f0, 0xa6f1, gcExtend},
	{0xa802, 0xa802, gcExtend}, {0xa806, 0xa806, gcExtend},
	{0xa80b, 0xa80b, gcExtend}, {0xa823, 0xa827, gcExtend},
	{0xa82c, 0xa82c, gcExtend}, {0xa880, 0xa881, gcExtend},
	{0xa8b4, 0xa8c5, gcExtend}, {0xa8e0, 0xa8f1, gcExtend},
	{0xa8ff, 0xa8ff, gcExtend}, {0xa926, 0xa92d, gcExtend},
	{0xa947, 0xa953, gcExtend}, {0xa980, 0xa983, gcExtend},
	{0xa9b3, 0xa9c0, gcExtend}, {0xa9e5, 0xa9e5, gcExtend},
	{0xaa29, 0xaa36, gcExtend}, {0xaa43, 0xaa43, gcExtend},
	{0xaa4c, 0xaa4d, gcExtend}, {0xaa7c, 0xaa7c, gcExtend},
	{0xaab0, 0xaab0, gcExtend}, {0xaab2, 0xaab4, gcExtend},
	{0xaab7, 0xaab8, gcExtend}, {0xaabe, 0xaabf, gcExtend},
	{0xaac1, 0xaac1, gcExtend}, {0xaaeb, 0xaaef, gcExtend},
	{0xaaf5, 0xaaf6, gcExtend}, {0xabe3, 0xabea, gcExtend},
	{0xabec, 0xabed, gcExtend}, {0xfb1e, 0xfb1e, gcExtend},
	{0xfe00, 0xfe0f, gcExtend}, {0xfe20, 0xfe2f, gcExtend},
	{0xfeff, 0xfeff, gcControl}, {0xff9e, 0xff9f, gcExtend},
	{0xfff0, 0xfffb, gcControl}, {0x101fd, 0x101fd, gcExtend},
	{0x102e0, 0x102e0, gcExtend}, {0x10376, 0x1037a, gcExtend},
	{0x10a01, 0x10a03, gcExtend}, {0x10a05, 0x10a06, gcExtend},
	{0x10a0c, 0x10a0f, gcExtend}, {0x10a38, 0x10a3a, gcExtend},
	{0x10a3f, 0x10a3f, gcExtend}, {0x10ae5, 0x10ae6, gcExtend},
	{0x10d24, 0x10d27, gcExtend}, {0x10eab, 0x10eac, gcExtend},
	{0x10f46, 0x10f50, gcExtend}, {0x10f82, 0x10f85, gcExtend},
	{0x11000, 0x11002, gcExtend}, {0x11038, 0x11046, gcExtend},
	{0x11070, 0x11070, gcExtend}, {0x11073, 0x11074, gcExtend},
	{0x1107f, 0x11082, gcExtend}, {0x110b0, 0x110ba, gcExtend},
	{0x110bd, 0x110bd, gcPrepend}, {0x110c2, 0x110c2, gcExtend},
	{0x110cd, 0x110cd, gcPrepend}, {0x11100, 0x11102, gcExtend},
	{0x11127, 0x11134, gcExtend}, {0x11145, 0x11146, gcExtend},
	{0x11173, 0x11173, gcExtend}, {0x11180, 0x11182, gcExtend},
	{0x111b3, 0x111c0, gcExtend}, {0x111c2, 0x111c3, gcPrepend},
	{0x111c9, 0x111cc, gcExtend}, {0x111ce, 0x111cf, gcExtend},
	{0x1122c, 0x11237, gcExtend}, {0x1123e, 0x1123e, gcExtend},
	{0x112df, 0x112ea, gcExtend}, {0x11300, 0x11303, gcExtend},
	{0x1133b, 0x1133c, gcExtend}, {0x1133e, 0x11344, gcExtend},
	{0x11347, 0x11348, gcExtend}, {0x1134b, 0x1134d, gcExtend},
	{0x11357, 0x11357, gcExtend}, {0x11362, 0x11363, gcExtend},
	{0x11366, 0x1136c, gcExtend}, {0x11370, 0x11374, gcExtend},
	{0x11435, 0x11446, gcExtend}, {0x1145e, 0x1145e, gcExtend},
	{0x114b0, 0x114c3, gcExtend}, {0x115af, 0x115b5, gcExtend},
	{0x115b8, 0x115c0, gcExtend}, {0x115dc, 0x115dd, gcExtend},
	{0x11630, 0x11640, gcExtend}, {0x116ab, 0x116b7, gcExtend},
	{0x1171d, 0x1171f, gcExtend}, {0x11722, 0x1172b, gcExtend},
	{0x1182c, 0x1183a, gcExtend}, {0x11930, 0x11935, gcExtend},
	{0x11937, 0x11938, gcExtend}, {0x1193b, 0x1193e, gcExtend},
	{0x1193f, 0x1193f, gcPrepend}, {0x11940, 0x11940, gcExtend},
	{0x11941, 0x11941, gcPrepend}, {0x11942, 0x11943, gcExtend},
	{0x119d1, 0x119d7, gcExtend}, {0x119da, 0x119e0, gcExtend},
	{0x119e4, 0x119e4, gcExtend}, {0x11a01, 0x11a0a, gcExtend},
	{0x11a33, 0x11a39, gcExtend}, {0x11a3a, 0x11a3a, gcPrepend},
	{0x11a3b, 0x11a3e, gcExtend}, {0x11a47, 0x11a47, gcExtend},
	{0x11a51, 0x11a5b, gcExtend}, {0x11a84, 0x11a89, gcPrepend},
	{0x11a8a, 0x11a99, gcExtend}, {0x11c2f, 0x11c36, gcExtend},
	{0x11c38, 0x11c3f, gcExtend}, {0x11c92, 0x11ca7, gcExtend},
	{0x11ca9, 0x11cb6, gcExtend}, {0x11d31, 0x11d36, gcExtend},
	{0x11d3a, 0x11d3a, gcExtend}, {0x11d3c, 0x11d3d, gcExtend},
	{0x11d3f, 0x11d45, gcExtend}, {0x11d46, 0x11d46, gcPrepend},
	{0x11d47, 0x11d47, gcExtend}, {0x11d8a, 0x11d8e, gcExtend},
	{0x11d90, 0x11d91, gcExtend}, {0x11d93, 0x11d97, gcExtend},
	{0x11ef3, 0x11ef6, gcExtend}, {0x13430, 0x13438, gcControl},
	{0x16af0, 0x16af4, gcExtend}, {0x16b30, 0x16b36, gcExtend},
	{0x16f4f, 0x16f4f, gcExtend}, {0x16f51, 0x16f87, gcExtend},
	{0x16f8f, 0x16f92, gcExtend}, {0x16fe4, 0x16fe4, gcExtend},
	{0x16ff0, 0x16ff1, gcExtend}, {0x1bc9d, 0x1bc9e, gcExtend},
	{0x1bca0, 0x1bca3, gcControl}, {0x1cf00, 0x1cf2d, gcExtend},
	{0x1cf30, 0x1cf46, gcExtend}, {0x1d165, 0x1d169, gcExtend},
	{0x1d16d, 0x1d172, gcExtend}, {0x1d173, 0x1d17a, gcControl},
	{0x1d17b, 0x1d182, gcExtend}, {0x1d185, 0x1d18b, gcExtend},
	{0x1d1aa, 0x1d1ad, gcExtend}, {0x1d242, 0x1d244, gcExtend},
	{0x1da00, 0x1da36, gcExtend}, {0x1da3b, 0x1da6c, gcExtend},
	{0x1da75, 0x1da75, gcExtend}, {0x1da84, 0x1da84, gcExtend},
	{0x1da9b, 0x1da9f, gcExtend}, {0x1daa1, 0x1daaf, gcExtend},
	{0x1e000, 0x1e006, gcExtend}, {0x1e008, 0x1e018, gcExtend},
	{0x1e01b, 0x1e021, gcExtend}, {0x1e023, 0x1e024, gcExtend},
	{0x1e026, 0x1e02a, gcExtend}, {0x1e130, 0x1e136, gcExtend},
	{0x1e2ae, 0x1e2ae, gcExtend}, {0x1e2ec, 0x1e2ef, gcExtend},
	{0x1e8d0, 0x1e8d6, gcExtend}, {0x1e944, 0x1e94a, gcExtend},
	{0x1f000, 0x1f0ff, gcPict}, {0x1f10d, 0x1f10f, gcPict},
	{0x1f12f, 0x1f12f, gcPict}, {0x1f16c, 0x1f171, gcPict},
	{0x1f17e, 0x1f17f, gcPict}, {0x1f18e, 0x1f18e, gcPict},
	{0x1f191, 0x1f19a, gcPict}, {0x1f1ad, 0x1f1e5, gcPict},
	{0x1f201, 0x1f20f, gcPict}, {0x1f21a, 0x1f21a, gcPict},
	{0x1f22f, 0x1f22f, gcPict}, {0x1f232, 0x1f23a, gcPict},
	{0x1f23c, 0x1f23f, gcPict}, {0x1f249, 0x1f3fa, gcPict},
	{0x1f3fb, 0x1f3ff, gcExtend}, {0x1f400, 0x1f53d, gcPict},
	{0x1f546, 0x1f64f, gcPict}, {0x1f680, 0x1f6ff, gcPict},
	{0x1f774, 0x1f77f, gcPict}, {0x1f7d5, 0x1f7ff, gcPict},
	{0x1f80c, 0x1f80f, gcPict}, {0x1f848, 0x1f84f, gcPict},
	{0x1f85a, 0x1f85f, gcPict}, {0x1f888, 0x1f88f, gcPict},
	{0x1f8ae, 0x1f8ff, gcPict}, {0x1f90c, 0x1f93a, gcPict},
	{0x1f93c, 0x1f945, gcPict}, {0x1f947, 0x1faff, gcPict},
	{0x1fc00, 0x1fffd, gcPict}, {0xe0000, 0xe001f, gcControl},
	{0xe0020, 0xe007f, gcExtend}, {0xe0080, 0xe00ff, gcControl},
	{0xe0100, 0xe01ef, gcExtend}, {0xe01f0, 0xe0fff, gcControl},
}

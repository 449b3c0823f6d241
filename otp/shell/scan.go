package shell

import (
	"math/big"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/scalability-go/otpbook/otp/term"
)

// The scanner turns shell input into tokens as erl_scan does for the
// shell: the same tokens, the same locations (line and column of a
// token's first character, both from 1, a column counting characters)
// and the same errors, worded as erl_scan:format_error/1 words them.

type tokKind uint8

const (
	tEOF    tokKind = iota // the end of the input
	tAtom                  // val: term.Atom
	tVar                   // text: the name
	tInt                   // val: int or *big.Int
	tFloat                 // val: float64
	tChar                  // val: int
	tString                // val: string
	tPunct                 // text: the symbol or reserved word
	tDot                   // the full stop that ends a form
	tFixup                 // text: that of a pid, port, ref or fun as the shell prints it
)

// A token is one token of the input: its kind, its value, where it starts
// (line, col), its text in the source and the byte offset after it.
type token struct {
	kind      tokKind
	text      string // a variable's name, a symbol, or a fixup's text
	val       term.Term
	line, col int
	srcText   string
	end       int
	fixup     string // for tFixup: "pid", "port", "ref" or "function"
}

// Limits on what the scanner accepts, so that hostile input cannot make
// it work without bound. erl's own limits are higher.
const (
	// maxIntDigits is the longest integer literal accepted; a longer one
	// is an illegal integer.
	maxIntDigits = 10000
	// maxNameChars is the longest atom or variable name, as in erl.
	maxNameChars = 255
)

// A scanError is an error of the scanner, located where erl_scan locates
// it. stop is the byte offset where erl_scan stops reading (the rest of
// that line is dropped by the shell); more is set when the error is only
// that the input ended, so that more input could mend it.
type scanError struct {
	line, col int
	msg       string
	stop      int
	more      bool
}

type scanner struct {
	src       string
	pos       int
	line, col int
	hitEOF    bool // the current token looked past the end of the input
}

func newScanner(src string) *scanner { return &scanner{src: src, line: 1, col: 1} }

// peek returns the rune at byte offset off from the current position and
// its size, 0 at the end of the input. A byte that is not UTF-8 is -1.
func (s *scanner) peek(off int) (rune, int) {
	i := s.pos + off
	if i >= len(s.src) {
		s.hitEOF = true
		return 0, 0
	}
	if c := s.src[i]; c < utf8.RuneSelf {
		return rune(c), 1
	}
	r, n := utf8.DecodeRuneInString(s.src[i:])
	if r == utf8.RuneError && n == 1 {
		return -1, 1
	}
	return r, n
}

// advance moves past the rune r of n bytes.
func (s *scanner) advance(r rune, n int) {
	s.pos += n
	if r == '\n' {
		s.line++
		s.col = 1
	} else {
		s.col++
	}
}

func (s *scanner) errAt(line, col int, msg string) *scanError {
	return &scanError{line: line, col: col, msg: msg, stop: s.pos, more: s.hitEOF}
}

func isWhite(r rune) bool { return r >= 0 && r <= ' ' || r >= 0x80 && r <= 0xA0 }
func isDigit(r rune) bool { return r >= '0' && r <= '9' }

// isUnicode reports whether r is a character erl_scan accepts.
func isUnicode(r rune) bool {
	return r >= 0 && r < 0xD800 || r > 0xDFFF && r < 0xFFFE || r > 0xFFFF && r <= 0x10FFFF
}

func isAtomStart(r rune) bool { return r >= 'a' && r <= 'z' || r >= 'ß' && r <= 'ÿ' && r != '÷' }
func isVarStart(r rune) bool {
	return r >= 'A' && r <= 'Z' || r == '_' || r >= 'À' && r <= 'Þ' && r != '×'
}
func isNameChar(r rune) bool {
	return isAtomStart(r) || isVarStart(r) || isDigit(r) || r == '@'
}

// reserved are erl_scan's reserved words in OTP 25 (maybe and else are
// atoms unless the maybe feature is enabled, which the shell does not do).
var reserved = map[string]bool{
	"after": true, "and": true, "andalso": true, "band": true, "begin": true, "bnot": true,
	"bor": true, "bsl": true, "bsr": true, "bxor": true, "case": true, "catch": true,
	"cond": true, "div": true, "end": true, "fun": true, "if": true, "let": true, "not": true,
	"of": true, "or": true, "orelse": true, "receive": true, "rem": true, "try": true,
	"when": true, "xor": true,
}

// symbols are the symbols of more than one character, longest first.
var symbols = []string{"=:=", "=/=", "...", "?=", "<<", "<-", "<=", ">>", ">=", "->", "--",
	"++", "=<", "=>", "==", "/=", "||", ":=", "::", ".."}

// next scans the next token.
func (s *scanner) next() (token, *scanError) {
	s.hitEOF = false
	if err := s.skipSpace(); err != nil {
		return token{}, err
	}
	s.hitEOF = false
	tok := token{line: s.line, col: s.col}
	start := s.pos
	err := s.scanToken(&tok)
	tok.srcText, tok.end = s.src[start:s.pos], s.pos
	return tok, err
}

// skipSpace skips white space and comments.
func (s *scanner) skipSpace() *scanError {
	for {
		r, n := s.peek(0)
		switch {
		case n == 0:
			return nil
		case r == '%':
			line, col := s.line, s.col
			for {
				r, n = s.peek(0)
				if n == 0 || r == '\n' {
					break
				}
				s.advance(r, n)
				if !isUnicode(r) {
					return s.errAt(line, col, "illegal character")
				}
			}
		case isWhite(r):
			s.advance(r, n)
		default:
			return nil
		}
	}
}

func (s *scanner) scanToken(tok *token) *scanError {
	r, n := s.peek(0)
	switch {
	case n == 0:
		tok.kind = tEOF
		return nil
	case isAtomStart(r):
		name := s.name()
		if reserved[name] {
			tok.kind, tok.text = tPunct, name
			return nil
		}
		if utf8.RuneCountInString(name) > maxNameChars {
			return s.errAt(tok.line, tok.col, "illegal atom")
		}
		tok.kind, tok.val = tAtom, term.Atom(name)
		return nil
	case isVarStart(r):
		name := s.name()
		if utf8.RuneCountInString(name) > maxNameChars {
			return s.errAt(tok.line, tok.col, "illegal var")
		}
		tok.kind, tok.text = tVar, name
		return nil
	case isDigit(r):
		return s.number(tok)
	case r == '"':
		s.advance(r, n)
		str, err := s.quoted('"', tok.line, tok.col)
		if err != nil {
			return err
		}
		tok.kind, tok.val = tString, str
		return nil
	case r == '\'':
		s.advance(r, n)
		str, err := s.quoted('\'', tok.line, tok.col)
		if err != nil {
			return err
		}
		if utf8.RuneCountInString(str) > maxNameChars {
			return s.errAt(tok.line, tok.col, "illegal atom")
		}
		tok.kind, tok.val = tAtom, term.Atom(str)
		return nil
	case r == '$':
		s.advance(r, n)
		return s.char(tok)
	case r == '.':
		if !strings.HasPrefix(s.src[s.pos:], "..") {
			c, m := s.peek(1)
			if m == 0 || c == '%' || isWhite(c) {
				s.advance(r, n)
				tok.kind = tDot
				return nil
			}
		}
	}
	if r < utf8.RuneSelf && strings.IndexByte("=.?<>-+/|:", byte(r)) >= 0 {
		for _, sym := range symbols {
			if strings.HasPrefix(s.src[s.pos:], sym) {
				s.pos += len(sym)
				s.col += len(sym)
				tok.kind, tok.text = tPunct, sym
				return nil
			}
		}
	}
	s.advance(r, n)
	if r >= 0 && r <= 0xFF {
		tok.kind, tok.text = tPunct, string(r)
		return nil
	}
	return s.errAt(tok.line, tok.col, "illegal character")
}

// name scans the characters of an atom or variable name.
func (s *scanner) name() string {
	start := s.pos
	for {
		r, n := s.peek(0)
		if n == 0 || !isNameChar(r) {
			return s.src[start:s.pos]
		}
		s.advance(r, n)
	}
}

func basedDigit(r rune, base int) bool {
	switch {
	case r >= '0' && r <= '9':
		return int(r-'0') < base
	case r >= 'a' && r <= 'z':
		return int(r-'a')+10 < base
	case r >= 'A' && r <= 'Z':
		return int(r-'A')+10 < base
	}
	return false
}

// digits scans digits of the base with single underscores between them,
// and returns them without the underscores.
func (s *scanner) digits(base int) string {
	start := s.pos
	under := false
	for {
		r, n := s.peek(0)
		if n != 0 && basedDigit(r, base) {
			s.advance(r, n)
			continue
		}
		if r == '_' && s.pos > start {
			if r2, n2 := s.peek(1); n2 != 0 && basedDigit(r2, base) {
				s.advance(r, n)
				under = true
				continue
			}
		}
		if under {
			return strings.ReplaceAll(s.src[start:s.pos], "_", "")
		}
		return s.src[start:s.pos]
	}
}

func (s *scanner) number(tok *token) *scanError {
	ds := s.digits(10)
	r, _ := s.peek(0)
	if r == '#' {
		base, err := strconv.Atoi(ds)
		if err != nil || base < 2 || base > 36 {
			b, _ := new(big.Int).SetString(ds, 10)
			return s.errAt(tok.line, tok.col, "illegal base '"+b.String()+"'")
		}
		s.advance(r, 1)
		bd := s.digits(base)
		if bd == "" {
			return s.errAt(tok.line, tok.col, "illegal integer")
		}
		return s.integer(tok, bd, base)
	}
	if r == '.' {
		if r2, n2 := s.peek(1); n2 != 0 && isDigit(r2) {
			s.advance(r, 1)
			return s.float(tok, ds)
		}
	}
	return s.integer(tok, ds, 10)
}

// float scans the rest of a float after its decimal point.
func (s *scanner) float(tok *token, whole string) *scanError {
	text := whole + "." + s.digits(10)
	if e, _ := s.peek(0); e == 'e' || e == 'E' {
		s.advance(e, 1)
		text += "e"
		if sg, _ := s.peek(0); sg == '+' || sg == '-' {
			s.advance(sg, 1)
			text += string(sg)
		}
		ex := s.digits(10)
		if ex == "" {
			return s.errAt(tok.line, tok.col, "illegal float")
		}
		text += ex
	}
	f, err := strconv.ParseFloat(text, 64)
	if err != nil {
		return s.errAt(tok.line, tok.col, "illegal float")
	}
	tok.kind, tok.val = tFloat, f
	return nil
}

func (s *scanner) integer(tok *token, ds string, base int) *scanError {
	if len(ds) > maxIntDigits {
		return s.errAt(tok.line, tok.col, "illegal integer")
	}
	if v, err := strconv.ParseInt(ds, base, 0); err == nil {
		tok.kind, tok.val = tInt, int(v)
		return nil
	}
	b, _ := new(big.Int).SetString(ds, base)
	tok.kind, tok.val = tInt, term.NormInt(b)
	return nil
}

// Complete reports whether src holds a complete shell form, so that a
// reader of input knows when to stop reading lines: ok is true when src
// has a full stop ('.' followed by white space, a % comment or the end
// of src) outside strings, quoted atoms, character literals and comments,
// and end is then the byte offset just after that '.'. A scan error
// before the full stop also makes the form complete, so that it can be
// reported; end is then the offset after the line with the error, as the
// shell drops the rest of that line. When ok is false end is 0: the form
// needs more input, also when what is wrong is only that the input ended
// (an unterminated string, for example).
func Complete(src string) (end int, ok bool) {
	s := newScanner(src)
	for {
		tok, err := s.next()
		switch {
		case err != nil && err.more:
			return 0, false
		case err != nil:
			if i := strings.IndexByte(src[err.stop:], '\n'); i >= 0 {
				return err.stop + i + 1, true
			}
			return len(src), true
		case tok.kind == tEOF:
			return 0, false
		case tok.kind == tDot:
			return tok.end, true
		}
	}
}

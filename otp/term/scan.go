package term

import (
	"fmt"
	"math/big"
	"strconv"
	"strings"
	"unicode/utf8"
)

// The scanner turns Erlang text into tokens the way erl_scan does, with
// erl_scan's error reasons and locations (line and column of a token's
// first character, both counted from 1, a column counting characters).

type tokKind uint8

const (
	tokEOF     tokKind = iota
	tokAtom            // val: Atom
	tokVar             // text: the name
	tokInteger         // val: int or *big.Int
	tokFloat           // val: float64
	tokChar            // val: int
	tokString          // val: []rune
	tokPunct           // text: the symbol, or a reserved word
	tokDot             // the full stop that ends a term
)

type token struct {
	kind      tokKind
	text      string
	val       any
	line, col int
}

// Limits that keep hostile input from costing more than it is worth.
const (
	// MaxIntegerDigits is the longest integer literal the reader accepts;
	// a longer one is an illegal integer. (OTP's own limit is far higher;
	// nothing in a configuration file comes near this one.)
	MaxIntegerDigits = 10000
	// MaxNesting is how deep tuples, lists, maps and binaries may nest in
	// text the reader accepts.
	MaxNesting   = 10000
	maxAtomChars = 255
)

// ParseError is an error in Erlang term text, located and worded as OTP's
// erl_scan and erl_parse word it ("syntax error before: '}'",
// "unterminated string starting with \"abc\"", "bad term").
type ParseError struct {
	File   string // the file name, when reading a file
	Line   int
	Column int
	Module Atom   // erl_scan or erl_parse, as in OTP's error tuple
	Msg    string // the message, as Module:format_error/1 gives it
}

func (e *ParseError) Error() string {
	if e.File != "" {
		return fmt.Sprintf("%s:%d:%d: %s", e.File, e.Line, e.Column, e.Msg)
	}
	return fmt.Sprintf("%d:%d: %s", e.Line, e.Column, e.Msg)
}

type scanner struct {
	src       string
	pos       int
	line, col int
}

func newScanner(src string) *scanner { return &scanner{src: src, line: 1, col: 1} }

func (s *scanner) errAt(line, col int, msg string) *ParseError {
	return &ParseError{Line: line, Column: col, Module: "erl_scan", Msg: msg}
}

// peekRune returns the rune at byte offset off from pos; size 0 at the end.
// Bytes that are not UTF-8 come back as -1.
func (s *scanner) peekRune(off int) (rune, int) {
	i := s.pos + off
	if i >= len(s.src) {
		return 0, 0
	}
	r, n := utf8.DecodeRuneInString(s.src[i:])
	if r == utf8.RuneError && n == 1 {
		return -1, 1
	}
	return r, n
}

func (s *scanner) advance(r rune, n int) {
	s.pos += n
	if r == '\n' {
		s.line++
		s.col = 1
	} else {
		s.col++
	}
}

func isWhite(r rune) bool { return r >= 0 && r <= ' ' || r >= 0x80 && r <= 0xA0 }
func isDigit(r rune) bool { return r >= '0' && r <= '9' }
func isUnicode(r rune) bool {
	return r >= 0 && r < 0xD800 || r > 0xDFFF && r < 0xFFFE || r > 0xFFFF && r <= 0x10FFFF
}
func isAtomStart(r rune) bool { return r >= 'a' && r <= 'z' || r >= 'ß' && r <= 'ÿ' && r != '÷' }
func isVarStart(r rune) bool {
	return r >= 'A' && r <= 'Z' || r == '_' || r >= 'À' && r <= 'Þ' && r != '×'
}

// multi-character symbols, longest first.
var symbols = []string{"...", "=:=", "=/=", "<<", "<-", "<=", ">>", ">=", "->", "--", "++",
	"=<", "=>", "==", "/=", "||", ":=", "::", "..", "?="}

// keywords are scanned as punctuation-like tokens.
var keywords = map[string]bool{
	"after": true, "and": true, "andalso": true, "band": true, "begin": true, "bnot": true,
	"bor": true, "bsl": true, "bsr": true, "bxor": true, "case": true, "catch": true,
	"cond": true, "div": true, "end": true, "fun": true, "if": true, "let": true, "not": true,
	"of": true, "or": true, "orelse": true, "receive": true, "rem": true, "try": true,
	"when": true, "xor": true,
}

// next scans one token.
func (s *scanner) next() (token, error) {
	// White space and comments.
	for {
		r, n := s.peekRune(0)
		if n == 0 {
			return token{kind: tokEOF, line: s.line, col: s.col}, nil
		}
		if r == '%' {
			for {
				r, n = s.peekRune(0)
				if n == 0 || r == '\n' {
					break
				}
				s.advance(r, n)
			}
			continue
		}
		if !isWhite(r) {
			break
		}
		s.advance(r, n)
	}
	line, col := s.line, s.col
	r, n := s.peekRune(0)
	tok := token{line: line, col: col}
	switch {
	case isAtomStart(r):
		name := s.name()
		if keywords[name] {
			tok.kind, tok.text = tokPunct, name
			return tok, nil
		}
		if utf8.RuneCountInString(name) > maxAtomChars {
			return tok, s.errAt(line, col, "illegal atom")
		}
		tok.kind, tok.val = tokAtom, Atom(name)
		return tok, nil
	case isVarStart(r):
		tok.kind, tok.text = tokVar, s.name()
		return tok, nil
	case isDigit(r):
		return s.number(tok)
	case r == '"':
		s.advance(r, n)
		str, err := s.quoted('"', line, col)
		if err != nil {
			return tok, err
		}
		tok.kind, tok.val = tokString, str
		return tok, nil
	case r == '\'':
		s.advance(r, n)
		str, err := s.quoted('\'', line, col)
		if err != nil {
			return tok, err
		}
		name, isText := str.(string)
		if !isText || utf8.RuneCountInString(name) > maxAtomChars {
			return tok, s.errAt(line, col, "illegal atom")
		}
		tok.kind, tok.val = tokAtom, Atom(name)
		return tok, nil
	case r == '$':
		s.advance(r, n)
		c, n := s.peekRune(0)
		switch {
		case n == 0:
			return tok, s.errAt(line, col, "unterminated character")
		case c == '\\':
			s.advance(c, n)
			v, err := s.escape(line, col)
			if err != nil {
				return tok, err
			}
			tok.kind, tok.val = tokChar, int(v)
		case isUnicode(c):
			s.advance(c, n)
			tok.kind, tok.val = tokChar, int(c)
		default:
			return tok, s.errAt(line, col, "illegal character")
		}
		return tok, nil
	case r == '.':
		s.advance(r, n)
		c, n := s.peekRune(0)
		if n == 0 || c == '%' || isWhite(c) {
			if n != 0 && c != '%' {
				s.advance(c, n)
			}
			tok.kind = tokDot
			return tok, nil
		}
		s.pos, s.col = s.pos-1, s.col-1
	}
	if strings.IndexByte("=<>-+/|:.?", byte(r)) >= 0 && r < utf8.RuneSelf {
		for _, sym := range symbols {
			if strings.HasPrefix(s.src[s.pos:], sym) {
				s.pos += len(sym)
				s.col += len(sym)
				tok.kind, tok.text = tokPunct, sym
				return tok, nil
			}
		}
	}
	if r >= 0 && r <= 0xFF {
		s.advance(r, n)
		tok.kind, tok.text = tokPunct, string(r)
		return tok, nil
	}
	return tok, s.errAt(line, col, "illegal character")
}

// name scans the characters of an atom or variable name.
func (s *scanner) name() string {
	start := s.pos
	for {
		r, n := s.peekRune(0)
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

// digits scans digits of the base with single underscores between them.
func (s *scanner) digits(base int) string {
	var b strings.Builder
	for {
		r, n := s.peekRune(0)
		if n != 0 && basedDigit(r, base) {
			b.WriteRune(r)
			s.advance(r, n)
			continue
		}
		if r == '_' && b.Len() > 0 {
			if r2, n2 := s.peekRune(1); n2 != 0 && basedDigit(r2, base) {
				s.advance(r, n)
				continue
			}
		}
		return b.String()
	}
}

func (s *scanner) number(tok token) (token, error) {
	ds := s.digits(10)
	r, _ := s.peekRune(0)
	switch {
	case r == '#':
		base, err := strconv.Atoi(ds)
		if err != nil || base < 2 || base > 36 {
			return tok, s.errAt(tok.line, tok.col, "illegal base '"+strings.TrimLeft(ds, "0")+zeroIfEmpty(ds)+"'")
		}
		s.advance(r, 1)
		bd := s.digits(base)
		if bd == "" {
			// erl_scan reads "16#" with no digit as an illegal integer.
			return tok, s.errAt(tok.line, tok.col, "illegal integer")
		}
		return s.integer(tok, bd, base)
	case r == '.':
		if r2, n2 := s.peekRune(1); n2 != 0 && isDigit(r2) {
			s.advance(r, 1)
			frac := s.digits(10)
			text := ds + "." + frac
			if e, _ := s.peekRune(0); e == 'e' || e == 'E' {
				s.advance(e, 1)
				text += "e"
				if sg, _ := s.peekRune(0); sg == '+' || sg == '-' {
					s.advance(sg, 1)
					text += string(sg)
				}
				ex := s.digits(10)
				if ex == "" {
					return tok, s.errAt(tok.line, tok.col, "illegal float")
				}
				text += ex
			}
			f, err := strconv.ParseFloat(text, 64)
			if err != nil { // out of range
				return tok, s.errAt(tok.line, tok.col, "illegal float")
			}
			tok.kind, tok.val = tokFloat, f
			return tok, nil
		}
	}
	return s.integer(tok, ds, 10)
}

func (s *scanner) integer(tok token, ds string, base int) (token, error) {
	if len(ds) > MaxIntegerDigits {
		return tok, s.errAt(tok.line, tok.col, "illegal integer")
	}
	if v, err := strconv.ParseInt(ds, base, 0); err == nil {
		tok.kind, tok.val = tokInteger, int(v)
		return tok, nil
	}
	b, ok := new(big.Int).SetString(ds, base)
	if !ok {
		return tok, s.errAt(tok.line, tok.col, "illegal integer")
	}
	tok.kind, tok.val = tokInteger, NormInt(b)
	return tok, nil
}

// quoted scans the rest of a string or quoted atom after its opening
// quote, and returns its text: a Go string, or a List of code points where
// an escape made one that a Go string cannot hold.
func (s *scanner) quoted(q rune, line, col int) (Term, error) {
	// Fast path: no escape and no newline before the closing quote.
	rest := s.src[s.pos:]
	if end := strings.IndexRune(rest, q); end >= 0 {
		body := rest[:end]
		if strings.IndexByte(body, '\\') < 0 && strings.IndexByte(body, '\n') < 0 && utf8.ValidString(body) && allUnicode(body) {
			s.pos += end + 1
			s.col += utf8.RuneCountInString(body) + 1
			return body, nil
		}
	}
	var out []rune
	for {
		r, n := s.peekRune(0)
		switch {
		case n == 0:
			head := out
			if len(head) > 16 {
				head = head[:16]
			}
			thing := "string"
			if q == '\'' {
				thing = "atom"
			}
			var b []byte
			b = append(b, byte(q))
			for _, c := range head {
				b = appendStringChar(b, c, q, true)
			}
			b = append(b, byte(q))
			return nil, s.errAt(line, col, "unterminated "+thing+" starting with "+string(b))
		case r == q:
			s.advance(r, n)
			return stringTerm(out), nil
		case r == '\\':
			bl, bc := s.line, s.col
			s.advance(r, n)
			v, err := s.escape(bl, bc)
			if err != nil {
				return nil, err
			}
			out = append(out, v)
		case isUnicode(r):
			s.advance(r, n)
			out = append(out, r)
		default:
			return nil, s.errAt(s.line, s.col, "illegal character")
		}
	}
}

func isOct(r rune) bool { return r >= '0' && r <= '7' }
func isHex(r rune) bool { return basedDigit(r, 16) }

// escape scans what follows a backslash; errors are reported at line:col.
func (s *scanner) escape(line, col int) (rune, error) {
	r, n := s.peekRune(0)
	switch {
	case n == 0:
		return 0, s.errAt(line, col, "unterminated character")
	case isOct(r):
		v := rune(0)
		for i := 0; i < 3; i++ {
			c, m := s.peekRune(0)
			if m == 0 || !isOct(c) {
				break
			}
			v = v*8 + c - '0'
			s.advance(c, m)
		}
		return v, nil
	case r == 'x':
		s.advance(r, n)
		c, m := s.peekRune(0)
		if c == '{' {
			s.advance(c, m)
			var v rune
			count := 0
			for {
				h, k := s.peekRune(0)
				if k == 0 || !isHex(h) {
					break
				}
				if v <= 0x10FFFF {
					v = v*16 + rune(digitVal(h))
				}
				count++
				s.advance(h, k)
			}
			if e, k := s.peekRune(0); k != 0 && e == '}' {
				s.advance(e, k)
				if count > 0 && isUnicode(v) {
					return v, nil
				}
			}
			return 0, s.errAt(line, col, "illegal character")
		}
		c2, m2 := s.peekRune(m)
		if m != 0 && m2 != 0 && isHex(c) && isHex(c2) {
			s.advance(c, m)
			s.advance(c2, m2)
			return rune(digitVal(c)*16 + digitVal(c2)), nil
		}
		return 0, s.errAt(line, col, "illegal character")
	case r == '^':
		s.advance(r, n)
		c, m := s.peekRune(0)
		if m == 0 {
			return 0, s.errAt(line, col, "unterminated character")
		}
		s.advance(c, m)
		if c == '\n' {
			return c, nil
		}
		return c & 31, nil
	case isUnicode(r):
		s.advance(r, n)
		return Escape(r), nil
	}
	return 0, s.errAt(line, col, "illegal character")
}

func digitVal(r rune) int {
	switch {
	case r >= '0' && r <= '9':
		return int(r - '0')
	case r >= 'a' && r <= 'z':
		return int(r-'a') + 10
	}
	return int(r-'A') + 10
}

// zeroIfEmpty returns "0" when digits are all zeros, so that the base
// prints as list_to_integer/1 reads it.
func zeroIfEmpty(digits string) string {
	if strings.TrimLeft(digits, "0") == "" {
		return "0"
	}
	return ""
}

// allUnicode reports whether every character of valid UTF-8 text is one
// erl_scan accepts in a string.
func allUnicode(text string) bool {
	for _, r := range text {
		if !isUnicode(r) {
			return false
		}
	}
	return true
}

// Escape returns the character that the escape sequence \letter stands
// for in Erlang source: \n, \r, \t, \v, \b, \f, \e (escape), \s (space) and
// \d (delete); any other letter stands for itself.
func Escape(letter rune) rune {
	switch letter {
	case 'n':
		return '\n'
	case 'r':
		return '\r'
	case 't':
		return '\t'
	case 'v':
		return '\v'
	case 'b':
		return '\b'
	case 'f':
		return '\f'
	case 'e':
		return 0x1b
	case 's':
		return ' '
	case 'd':
		return 0x7f
	}
	return letter
}

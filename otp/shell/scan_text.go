package shell

import (
	"strings"
	"unicode/utf8"

	"github.com/scalability-go/otpbook/otp/term"
)

// The scanning of text: character literals, strings and quoted atoms,
// their escapes, and the start of an unterminated string that erl_scan
// quotes in its error.

// char scans a character literal after its $.
func (s *scanner) char(tok *token) *scanError {
	c, n := s.peek(0)
	switch {
	case n == 0:
		return s.errAt(tok.line, tok.col, "unterminated character")
	case c == '\\':
		s.advance(c, n)
		v, err := s.escape(tok.line, tok.col)
		if err != nil {
			return err
		}
		tok.kind, tok.val = tChar, int(v)
	case isUnicode(c):
		s.advance(c, n)
		tok.kind, tok.val = tChar, int(c)
	default:
		s.advance(c, n)
		err := s.errAt(tok.line, tok.col, "illegal character")
		err.stop = len(s.src) // erl_scan drops all the rest
		return err
	}
	return nil
}

// quoted scans the rest of a string or quoted atom after its opening
// quote q, found at line:col, and returns its characters.
func (s *scanner) quoted(q rune, line, col int) (string, *scanError) {
	// Fast path: no escape and no odd character before the closing quote.
	rest := s.src[s.pos:]
	if end := strings.IndexRune(rest, q); end >= 0 {
		body := rest[:end]
		if strings.IndexByte(body, '\\') < 0 && utf8.ValidString(body) && allUnicode(body) {
			for _, r := range body {
				s.advance(r, utf8.RuneLen(r))
			}
			s.advance(q, 1)
			return body, nil
		}
	}
	var b strings.Builder
	for {
		r, n := s.peek(0)
		switch {
		case n == 0:
			thing := "string"
			if q == '\'' {
				thing = "atom"
			}
			head := string(appendString(nil, firstGraphemes(b.String(), 16), q))
			return "", s.errAt(line, col, "unterminated "+thing+" starting with "+head)
		case r == q:
			s.advance(r, n)
			return b.String(), nil
		case r == '\\':
			bl, bc := s.line, s.col
			s.advance(r, n)
			v, err := s.escape(bl, bc)
			if err != nil {
				if err.msg == "unterminated character" {
					// A string that ends in a backslash is unterminated.
					continue
				}
				return "", err
			}
			b.WriteRune(v)
		case isUnicode(r):
			s.advance(r, n)
			b.WriteRune(r)
		default:
			el, ec := s.line, s.col
			s.advance(r, n)
			return "", s.errAt(el, ec, "illegal character")
		}
	}
}

func isOct(r rune) bool { return r >= '0' && r <= '7' }
func isHex(r rune) bool { return basedDigit(r, 16) }

// escape scans what follows a backslash; errors are located at line:col.
// At the end of the input it gives "unterminated character".
func (s *scanner) escape(line, col int) (rune, *scanError) {
	r, n := s.peek(0)
	switch {
	case n == 0:
		return 0, s.errAt(line, col, "unterminated character")
	case isOct(r):
		v := rune(0)
		for i := 0; i < 3; i++ {
			c, m := s.peek(0)
			if m == 0 || !isOct(c) {
				break
			}
			v = v*8 + c - '0'
			s.advance(c, m)
		}
		return v, nil
	case r == 'x':
		s.advance(r, n)
		return s.hexEscape(line, col)
	case r == '^':
		s.advance(r, n)
		c, m := s.peek(0)
		if m == 0 {
			return 0, s.errAt(line, col, "unterminated character")
		}
		s.advance(c, m)
		if c == '\n' {
			return c, nil
		}
		if c < 0 {
			return 0, s.errAt(line, col, "illegal character")
		}
		return c & 31, nil
	case isUnicode(r):
		s.advance(r, n)
		return term.Escape(r), nil
	}
	s.advance(r, n)
	return 0, s.errAt(line, col, "illegal character")
}

// hexEscape scans the rest of \xHH or \x{H...} after the x.
func (s *scanner) hexEscape(line, col int) (rune, *scanError) {
	c, m := s.peek(0)
	if m == 0 {
		return 0, s.errAt(line, col, "unterminated character")
	}
	if c != '{' {
		if !isHex(c) {
			return 0, s.errAt(line, col, "illegal character")
		}
		if c2, m2 := s.peek(m); m2 != 0 && isHex(c2) {
			s.advance(c, m)
			s.advance(c2, m2)
			return rune(digitVal(c)*16 + digitVal(c2)), nil
		}
		return 0, s.errAt(line, col, "illegal character")
	}
	s.advance(c, m)
	var v rune
	count := 0
	for {
		h, k := s.peek(0)
		if k == 0 || !isHex(h) {
			break
		}
		if v <= 0x10FFFF {
			v = v*16 + rune(digitVal(h))
		}
		count++
		s.advance(h, k)
	}
	e, k := s.peek(0)
	switch {
	case k == 0:
		return 0, s.errAt(line, col, "unterminated character")
	case e != '}':
		return 0, s.errAt(line, col, "illegal character")
	}
	s.advance(e, k)
	if count == 0 || !isUnicode(v) {
		return 0, s.errAt(line, col, "illegal character")
	}
	return v, nil
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

// firstGraphemes returns the first n grapheme clusters of s, as
// string:slice/3 counts them, approximately: a character with the
// combining marks, joiners and variation selectors after it, emoji
// joined by zero width joiners, and CR LF, are one cluster each.
func firstGraphemes(s string, n int) string {
	count := 0
	prev := rune(-1)
	pict := false // the cluster is emoji and what extends them
	for i, r := range s {
		var joins bool
		switch {
		case i == 0:
		case prev == '\r':
			joins = r == '\n'
		case prev < ' ' || prev >= 0x7F && prev < 0xA0: // controls stand alone
		case isExtend(r):
			joins = true
		default:
			joins = prev == 0x200D && pict && isPictographic(r)
		}
		if !joins {
			if count == n {
				return s[:i]
			}
			count++
			pict = isPictographic(r)
		}
		prev = r
	}
	return s
}

// isExtend reports whether r continues the grapheme cluster before it.
func isExtend(r rune) bool {
	return r >= 0x300 && r <= 0x36F || r >= 0x1AB0 && r <= 0x1AFF || r >= 0x1DC0 && r <= 0x1DFF ||
		r >= 0x20D0 && r <= 0x20FF || r >= 0xFE00 && r <= 0xFE0F || r >= 0xFE20 && r <= 0xFE2F ||
		r == 0x200D || r >= 0xE0100 && r <= 0xE01EF || r >= 0x1F3FB && r <= 0x1F3FF
}

// isPictographic reports whether r is an emoji that a zero width joiner
// joins to the one before it.
func isPictographic(r rune) bool {
	return r >= 0x1F000 && r <= 0x1FAFF || r >= 0x2600 && r <= 0x27BF
}

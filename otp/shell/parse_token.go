package shell

import (
	"errors"
	"strconv"
	"strings"

	"github.com/scalability-go/otpbook/otp/term"
)

// tokenText is how erl_parse names a token in "syntax error before: ...":
// the shell reads the form again without the tokens' text when it has a
// syntax error, so a token is printed from its value, as yecc's
// yecctoken2string/1 prints it.
func tokenText(t token) string {
	switch t.kind {
	case tEOF:
		return ""
	case tAtom:
		return writeAtom(string(t.val.(term.Atom)))
	case tVar:
		return t.text
	case tInt, tFloat:
		return term.Write(t.val)
	case tChar:
		return writeChar(rune(t.val.(int)))
	case tString, tFixup:
		return string(appendString(nil, stringChars(t), '"'))
	case tDot:
		return "'.'"
	}
	return writeAtom(t.text)
}

// writeAtom writes an atom as io_lib:write_atom/1 does: quoted when it
// must be, characters above 159 as they are.
func writeAtom(name string) string {
	if !term.AtomNeedsQuotes(name) {
		return name
	}
	return string(appendString(nil, name, '\''))
}

// writeChar writes a character as io_lib:write_char/1 does.
func writeChar(c rune) string {
	if c == ' ' {
		return `$\s`
	}
	return "$" + string(appendChar(nil, c, -1))
}

// appendString appends s quoted with q as io_lib:write_string/2 writes it:
// control characters escaped, other characters as they are.
func appendString(dst []byte, s string, q rune) []byte {
	dst = append(dst, byte(q))
	for _, c := range s {
		dst = appendChar(dst, c, q)
	}
	return append(dst, byte(q))
}

// appendChar appends c as a character of a string quoted with q.
func appendChar(dst []byte, c, q rune) []byte {
	switch {
	case c == q || c == '\\':
		return append(dst, '\\', byte(c))
	case c >= ' ' && c <= '~' || c >= 0xA0:
		return append(dst, string(c)...)
	}
	if i := strings.IndexRune("\n\r\t\v\b\f\x1b\x7f", c); i >= 0 {
		return append(dst, '\\', "nrtvbfed"[i])
	}
	return append(dst, '\\', byte('0'+c>>6), byte('0'+c>>3&7), byte('0'+c&7))
}

// fixup replaces the tokens of a pid, port, reference or fun written as
// the shell prints them (<0.80.0>, #Port<0.5>, #Ref<0.1.2.3>,
// #Fun<m.f.1>) by one token holding their text, as
// erl_eval:extended_parse_exprs/1 does. The text is that of the tokens
// without what is between them.
func fixup(toks []token) []token {
	var out []token
	for i := 0; i < len(toks); i++ {
		if n, kind := unscannable(toks[i:]); n > 0 {
			t := toks[i]
			var b strings.Builder
			for _, u := range toks[i : i+n] {
				b.WriteString(u.srcText)
			}
			t.kind, t.text, t.fixup = tFixup, b.String(), kind
			if kind == "function" {
				t.val = [3]term.Term{toks[i+3].val, toks[i+5].val, toks[i+7].val}
			}
			if out == nil {
				out = append(make([]token, 0, len(toks)), toks[:i]...)
			}
			out = append(out, t)
			i += n - 1
			continue
		}
		if out != nil {
			out = append(out, toks[i])
		}
	}
	if out == nil {
		return toks
	}
	return out
}

// unscannable matches the tokens of a pid, port, reference or fun at the
// start of ts, returning how many there are and what they are.
func unscannable(ts []token) (int, string) {
	match := func(pattern ...string) bool {
		if len(ts) < len(pattern) {
			return false
		}
		for i, want := range pattern {
			if tokenClass(ts[i]) != want {
				return false
			}
		}
		return true
	}
	switch {
	case match("#", "var:Fun", "<", "atom", ".", "atom", ".", "integer", ">"):
		if a := ts[7].val.(int); a <= 255 { // an arity make_fun/3 takes
			return 9, "function"
		}
	case match("<", "float", ".", "integer", ">"):
		if localNumbers(32767, 8191, ts[1].srcText, ts[3].srcText) {
			return 5, "pid"
		}
	case match("#", "var:Port", "<", "float", ">"):
		if localNumbers(0, 0, ts[3].srcText) {
			return 5, "port"
		}
	case match("#", "var:Ref", "<", "float", ".", "float", ">"):
		if localNumbers(0, 0, ts[3].srcText, ts[5].srcText) {
			return 7, "ref"
		}
	}
	return 0, ""
}

// tokenClass names a token for unscannable.
func tokenClass(t token) string {
	switch t.kind {
	case tPunct:
		return t.text
	case tVar:
		return "var:" + t.text
	case tAtom:
		return "atom"
	case tFloat:
		return "float"
	case tInt:
		if _, small := t.val.(int); small {
			return "integer"
		}
	}
	return ""
}

// localNumbers reports whether the texts are the numbers of a pid, port or
// reference of the local node: decimal numbers separated by dots, the
// first of them 0. When maxID is not 0 they are those of a pid, and the
// two after the 0 may be at most maxID and maxSerial, as
// erlang:list_to_pid/1 wants. (erl checks ports and references further,
// and leaves the text alone when they do not name one; here the calls of
// list_to_port/1 and list_to_ref/1 check them.)
func localNumbers(maxID, maxSerial uint64, texts ...string) bool {
	parts := strings.Split(strings.Join(texts, "."), ".")
	for i, part := range parts {
		n, err := strconv.ParseUint(part, 10, 64)
		switch {
		case err != nil && !(errors.Is(err, strconv.ErrRange) && i > 0 && maxID == 0):
			return false
		case i == 0 && n != 0:
			return false
		case maxID != 0 && (i == 1 && n > maxID || i == 2 && n > maxSerial):
			return false
		}
	}
	return true
}

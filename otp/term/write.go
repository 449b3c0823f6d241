package term

import (
	"fmt"
	"strconv"
	"unicode/utf8"
)

// Write returns t as io_lib:write/1 and the ~w directive print it: the
// whole term on one line, lists never shown as strings, binaries as bytes.
func Write(t Term) string { return string(AppendWrite(nil, t, -1, false)) }

// AppendWrite appends the ~w form of t to dst and returns the extended
// slice. depth limits nesting as ~W and io_lib:write/2 do (-1: no limit);
// unicode selects ~tw, which prints atoms with characters above 255 as they
// are rather than escaped.
func AppendWrite(dst []byte, t Term, depth int, unicode bool) []byte {
	w := writer{buf: dst, unicode: unicode}
	w.write(t, depth)
	return w.buf
}

type writer struct {
	buf     []byte
	unicode bool
	nest    int // how deep write is in the term
}

func (w *writer) str(s string) { w.buf = append(w.buf, s...) }

func (w *writer) write(t Term, d int) {
	if d == 0 || w.nest >= MaxDepth {
		w.str("...")
		return
	}
	w.nest++
	defer func() { w.nest-- }()
	switch v := t.(type) {
	case int:
		w.buf = strconv.AppendInt(w.buf, int64(v), 10)
	case Atom:
		w.buf = appendAtom(w.buf, string(v), w.unicode)
	case Tuple:
		if len(v) == 0 {
			w.str("{}")
			return
		}
		if d == 1 {
			w.str("{...}")
			return
		}
		w.buf = append(w.buf, '{')
		w.write(v[0], d-1)
		dd := d - 1
		for _, e := range v[1:] {
			if dd == 1 {
				w.str(",...")
				break
			}
			w.buf = append(w.buf, ',')
			w.write(e, dd-1)
			dd--
		}
		w.buf = append(w.buf, '}')
	case List, string, ImproperList:
		w.list(t, d)
	case Map:
		w.mapTerm(v, d)
	case Binary:
		w.binary(v, len(v)*8, d)
	case []byte:
		w.binary(v, len(v)*8, d)
	case BitString:
		w.binary(v.Bytes, v.BitLen(), d)
	case float64:
		w.buf = AppendFloat(w.buf, v)
	case Pid, Ref, Port, ExportFun, LocalFun, *LocalFun:
		w.buf = appendOpaque(w.buf, t)
	default:
		if IsInteger(t) {
			w.buf = appendInteger(w.buf, t)
			return
		}
		if f, ok := floatOf(t); ok {
			w.buf = AppendFloat(w.buf, f)
			return
		}
		if KindOf(t) != KindInvalid { // a Termer, a bool
			w.write(unwrap(t), d)
			return
		}
		w.buf = append(w.buf, goString(t)...)
	}
}

func (w *writer) list(t Term, d int) {
	c := newCursor(t)
	first, ok := c.next()
	if !ok {
		w.str("[]")
		return
	}
	if d == 1 {
		w.str("[...]")
		return
	}
	w.buf = append(w.buf, '[')
	w.write(first, d-1)
	d--
	for {
		e, ok := c.next()
		if !ok {
			break
		}
		if d == 1 {
			w.str("|...]")
			return
		}
		w.buf = append(w.buf, ',')
		w.write(e, d-1)
		d--
	}
	if c.tail != nil {
		if d == 1 {
			w.str("|...]")
			return
		}
		w.buf = append(w.buf, '|')
		w.write(c.tail, d-1)
	}
	w.buf = append(w.buf, ']')
}

func (w *writer) mapTerm(m Map, d int) {
	if d == 1 || m.Len() == 0 {
		w.str("#{}")
		return
	}
	w.str("#{")
	d0 := d - 1
	for i, e := range m.entries {
		if i > 0 {
			if d-i == 1 {
				w.str(",...")
				break
			}
			w.buf = append(w.buf, ',')
		}
		w.write(e.Key, d0)
		w.str(" => ")
		w.write(e.Value, d0)
	}
	w.buf = append(w.buf, '}')
}

// binary writes <<1,2,3>> (or <<1,2:3>> for a bitstring) with depth d.
func (w *writer) binary(b []byte, nbits int, d int) {
	w.str("<<")
	for i := 0; nbits > 0; i++ {
		if i > 0 {
			w.buf = append(w.buf, ',')
		}
		if d == 1 {
			w.str("...")
			break
		}
		w.buf, nbits = appendSegment(w.buf, b[i], nbits)
		d--
	}
	w.str(">>")
}

// appendSegment writes one segment of a binary as ~w shows it: the byte
// c when at least 8 of the nbits bits are left, else the remaining high
// bits of c as Value:Size. It returns the bits left after it.
func appendSegment(dst []byte, c byte, nbits int) ([]byte, int) {
	if nbits >= 8 {
		return strconv.AppendUint(dst, uint64(c), 10), nbits - 8
	}
	dst = strconv.AppendUint(dst, uint64(c>>(8-nbits)), 10)
	dst = append(dst, ':')
	return strconv.AppendInt(dst, int64(nbits), 10), 0
}

func appendInteger(dst []byte, t Term) []byte {
	if i, ok := smallInt(t); ok {
		return strconv.AppendInt(dst, i, 10)
	}
	b, _ := BigInt(t)
	return b.Append(dst, 10)
}

// appendOpaque writes pids, references, ports and funs.
func appendOpaque(dst []byte, t Term) []byte {
	switch v := t.(type) {
	case Pid:
		return fmt.Appendf(dst, "<0.%d.%d>", v.ID, v.Serial)
	case Ref:
		dst = append(dst, "#Ref<0"...)
		for i := int(v.N) - 1; i >= 0; i-- {
			dst = append(dst, '.')
			dst = strconv.AppendUint(dst, uint64(v.ID[i]), 10)
		}
		return append(dst, '>')
	case Port:
		return fmt.Appendf(dst, "#Port<0.%d>", v.ID)
	case ExportFun:
		dst = append(dst, "fun "...)
		dst = appendAtom(dst, string(v.Module), true)
		dst = append(dst, ':')
		dst = appendAtom(dst, string(v.Function), true)
		return fmt.Appendf(dst, "/%d", v.Arity)
	case LocalFun:
		return fmt.Appendf(dst, "#Fun<%s.%d.%d>", v.Module, v.Index, v.Uniq)
	case *LocalFun:
		if v == nil {
			return append(dst, goString(v)...)
		}
		return appendOpaque(dst, *v)
	}
	return dst
}

// goString prints a Go value that is not a term.
func goString(t Term) string { return fmt.Sprintf("#Go<%T:%v>", t, t) }

// reservedWords are the words an atom must be quoted to be read back as.
var reservedWords = map[string]bool{
	"after": true, "begin": true, "case": true, "try": true, "cond": true,
	"catch": true, "andalso": true, "orelse": true, "end": true, "fun": true,
	"if": true, "let": true, "of": true, "receive": true, "when": true,
	"bnot": true, "not": true, "div": true, "rem": true, "band": true,
	"and": true, "bor": true, "bxor": true, "bsl": true, "bsr": true,
	"or": true, "xor": true, "maybe": true, "else": true,
}

// AtomNeedsQuotes reports whether an atom must be printed in single quotes
// to be read back, as io_lib:quote_atom/2 decides.
func AtomNeedsQuotes(name string) bool {
	if reservedWords[name] {
		return name != "maybe" && name != "else" // reserved only where the maybe feature is on
	}
	first := true
	for _, r := range name {
		if first {
			if !(r >= 'a' && r <= 'z' || r >= 'ß' && r <= 'ÿ' && r != '÷') {
				return true
			}
			first = false
			continue
		}
		if !isNameChar(r) {
			return true
		}
	}
	return first // the empty atom '' is quoted
}

func isNameChar(r rune) bool {
	switch {
	case r >= 'a' && r <= 'z', r >= 'A' && r <= 'Z', r >= '0' && r <= '9', r == '_', r == '@':
		return true
	case r >= 'ß' && r <= 'ÿ' && r != '÷', r >= 'À' && r <= 'Þ' && r != '×':
		return true
	}
	return false
}

// appendAtom writes an atom, quoted where needed. Without unicode, code
// points above 255 are escaped as \x{...}, as ~w does.
func appendAtom(dst []byte, name string, unicode bool) []byte {
	if !AtomNeedsQuotes(name) {
		return append(dst, name...)
	}
	return appendQuoted(dst, name, '\'', unicode)
}

// QuoteString returns s as io_lib:write_string/1 writes a string, which
// is how erl_pp prints a string literal: between double quotes, with
// quotes, backslashes and unprintable characters escaped. Characters
// beyond Latin-1 are written as they are with unicode, else as \x{...}.
func QuoteString(s string, unicode bool) string {
	return string(appendQuoted(nil, s, '"', unicode))
}

// appendQuoted writes s between quote characters q, escaping as
// io_lib:write_string/2 does.
func appendQuoted(dst []byte, s string, q byte, unicode bool) []byte {
	dst = append(dst, q)
	for _, r := range s {
		dst = appendStringChar(dst, r, rune(q), unicode)
	}
	return append(dst, q)
}

// appendStringChar writes one character of a quoted string or atom.
func appendStringChar(dst []byte, r, q rune, unicode bool) []byte {
	switch {
	case r == q || r == '\\':
		return append(dst, '\\', byte(r))
	case r >= ' ' && r <= '~':
		return append(dst, byte(r))
	case r >= 0xA0 && (unicode || r <= 0xFF):
		return utf8.AppendRune(dst, r)
	case r > 0xFF:
		return fmt.Appendf(dst, "\\x{%X}", r)
	}
	switch r {
	case '\n':
		return append(dst, `\n`...)
	case '\r':
		return append(dst, `\r`...)
	case '\t':
		return append(dst, `\t`...)
	case '\v':
		return append(dst, `\v`...)
	case '\b':
		return append(dst, `\b`...)
	case '\f':
		return append(dst, `\f`...)
	case 0x1b:
		return append(dst, `\e`...)
	case 0x7f:
		return append(dst, `\d`...)
	}
	return append(dst, '\\', byte('0'+(r>>6)), byte('0'+(r>>3)&7), byte('0'+r&7))
}

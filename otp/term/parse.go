package term

import (
	"bytes"
	"encoding/binary"
	"errors"
	"io"
	"math"
	"math/big"
	"os"
	"regexp"
	"strings"
	"unicode/utf8"
)

// Parse reads one term from Erlang term text, as erl_scan:string/1 followed
// by erl_parse:parse_term/1 read it: every literal form (atoms, quoted
// atoms and strings with their escapes, $c characters, integers in any
// base 2..36 and with digit separators, floats, tuples, proper and improper
// lists, binaries and bit syntax with literal values, maps, fun M:F/A),
// % comments, and a final full stop that may be left out. Adjacent string
// literals are joined. A string literal becomes a Go string; [] becomes an
// empty List.
//
// Errors are *ParseError values with OTP's messages and locations. Text
// that is an Erlang expression but not a term (a variable, an operator
// applied to a non-number, a call) gives "bad term" at the start of the
// expression, as parse_term does; expressions this reader does not know
// (case, receive, records, comprehensions) give a syntax error instead.
func Parse(text string) (Term, error) {
	if !endsWithFullStop(text) {
		// Read it as erl does the text with its full stop added.
		text += ". "
	}
	p := newParser(text).start()
	t, err := p.term()
	if err != nil {
		return nil, err
	}
	if p.tok.kind != tokEOF {
		return nil, p.syntaxError()
	}
	return t, nil
}

// endsWithFullStop reports whether the last token of text is a full stop.
func endsWithFullStop(text string) bool {
	if strings.HasSuffix(strings.TrimRightFunc(text, isWhite), ".") {
		return true
	}
	if !strings.Contains(text, "%") {
		return false
	}
	// A comment may follow the full stop: look at the tokens.
	sc := newScanner(text)
	var last token
	for {
		t, err := sc.next()
		if err != nil {
			return false
		}
		if t.kind == tokEOF {
			return last.kind == tokDot
		}
		last = t
	}
}

// ParseAll reads every term of text, each ended by a full stop, as
// file:consult/1 reads a file.
func ParseAll(text string) ([]Term, error) {
	p := newParser(text).start()
	var ts []Term
	for {
		if p.err != nil {
			return nil, p.err
		}
		if p.tok.kind == tokEOF {
			return ts, nil
		}
		t, err := p.term()
		if err != nil {
			return nil, err
		}
		ts = append(ts, t)
	}
}

// Consult reads every term from r, as file:consult/1 reads a file: UTF-8
// text (or Latin-1 where a "coding: latin-1" comment in the first two lines
// says so, as epp does), terms each ended by a full stop.
func Consult(r io.Reader) ([]Term, error) {
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, err
	}
	return ParseAll(decodeSource(data))
}

// ConsultFile reads the terms of the named file, as file:consult/1 does.
// A *ParseError carries the file name; an error opening or reading the file
// is returned as the os package gives it (errors.Is(err, fs.ErrNotExist)).
func ConsultFile(name string) ([]Term, error) {
	data, err := os.ReadFile(name)
	if err != nil {
		return nil, err
	}
	ts, err := ParseAll(decodeSource(data))
	var pe *ParseError
	if errors.As(err, &pe) {
		pe.File = name
	}
	return ts, err
}

var codingComment = regexp.MustCompile(`coding\s*[:=]\s*([-a-zA-Z0-9_]+)`)

// decodeSource turns file bytes into text: UTF-8 unless the first two lines
// declare Latin-1.
func decodeSource(data []byte) string {
	head := data
	for i, n := 0, 0; i < len(data); i++ {
		if data[i] == '\n' {
			n++
			if n == 2 {
				head = data[:i]
				break
			}
		}
	}
	if m := codingComment.FindSubmatch(head); m != nil {
		switch string(bytes.ToLower(m[1])) {
		case "latin-1", "latin1", "iso-8859-1":
			rs := make([]rune, len(data))
			for i, b := range data {
				rs[i] = rune(b)
			}
			return string(rs)
		}
	}
	return string(data)
}

type parser struct {
	sc    *scanner
	tok   token
	last  token // the token before tok
	err   error // a scan error met when reading ahead
	depth int
}

func newParser(text string) *parser {
	return &parser{sc: newScanner(text)}
}

// start reads the first token.
func (p *parser) start() *parser {
	p.advance()
	return p
}

func (p *parser) advance() {
	if p.err != nil {
		return
	}
	p.last = p.tok
	p.tok, p.err = p.sc.next()
}

// node is a parsed expression: its value when it is a term.
type node struct {
	val       Term
	isTerm    bool
	isNumber  bool // a number literal, which a unary sign may precede
	line, col int
}

func (p *parser) syntaxError() error {
	if p.err != nil {
		return p.err
	}
	at := p.tok
	if at.kind == tokEOF && p.last.line != 0 {
		at = p.last // erl_parse places the end of input at the last token
	}
	return &ParseError{Line: at.line, Column: at.col, Module: "erl_parse",
		Msg: "syntax error before: " + tokenText(p.tok)}
}

// tokenText shows a token as erl_parse does in a syntax error.
func tokenText(t token) string {
	switch t.kind {
	case tokEOF:
		return ""
	case tokAtom:
		return string(appendAtom(nil, string(t.val.(Atom)), true))
	case tokVar:
		return t.text
	case tokInteger:
		return string(appendInteger(nil, t.val))
	case tokFloat:
		return FormatFloat(t.val.(float64))
	case tokChar:
		c := rune(t.val.(int))
		if c == ' ' {
			return `$\s`
		}
		return string(appendStringChar([]byte{'$'}, c, -1, true))
	case tokString:
		var b []byte
		b = append(b, '"')
		c := newCursor(t.val)
		for e, ok := c.next(); ok; e, ok = c.next() {
			b = appendStringChar(b, rune(e.(int)), '"', true)
		}
		return string(append(b, '"'))
	case tokDot:
		return "'.'"
	}
	return string(appendAtom(nil, t.text, true))
}

func (p *parser) is(sym string) bool { return p.tok.kind == tokPunct && p.tok.text == sym }

func (p *parser) expect(sym string) error {
	if !p.is(sym) {
		return p.syntaxError()
	}
	p.advance()
	return p.err
}

// term reads an expression and its full stop and returns it as a term.
func (p *parser) term() (Term, error) {
	n, err := p.expr()
	if err != nil {
		return nil, err
	}
	switch {
	case p.err != nil:
		return nil, p.err
	case p.tok.kind == tokDot:
		p.advance()
	default:
		return nil, p.syntaxError()
	}
	if !n.isTerm {
		return nil, &ParseError{Line: n.line, Column: n.col, Module: "erl_parse", Msg: "bad term"}
	}
	return n.val, nil
}

// The expression grammar, by precedence as erl_parse has it. Only literal
// terms are values; the rest is parsed so that it can be called a bad term.

func (p *parser) expr() (node, error) {
	left, err := p.binary(150)
	if err != nil {
		return left, err
	}
	if p.is("=") || p.is("!") {
		p.advance()
		if _, err := p.expr(); err != nil {
			return left, err
		}
		left.isTerm = false
	}
	return left, nil
}

var binaryOps = map[string]int{
	"orelse": 150, "andalso": 160,
	"==": 200, "/=": 200, "=<": 200, "<": 200, ">=": 200, ">": 200, "=:=": 200, "=/=": 200,
	"++": 300, "--": 300,
	"+": 400, "-": 400, "bor": 400, "bxor": 400, "bsl": 400, "bsr": 400, "or": 400, "xor": 400,
	"*": 500, "/": 500, "div": 500, "rem": 500, "band": 500, "and": 500,
}

// binary parses operators of precedence min and above.
func (p *parser) binary(min int) (node, error) {
	left, err := p.unary()
	if err != nil {
		return left, err
	}
	for {
		if p.err != nil || p.tok.kind != tokPunct {
			return left, p.err
		}
		prec, ok := binaryOps[p.tok.text]
		if !ok || prec < min {
			return left, nil
		}
		p.advance()
		next := prec + 1
		switch prec {
		case 150, 160, 300: // right associative
			next = prec
		}
		if _, err := p.binary(next); err != nil {
			return left, err
		}
		left.isTerm, left.isNumber = false, false
		if prec == 200 && p.tok.kind == tokPunct && binaryOps[p.tok.text] == 200 {
			return left, p.syntaxError() // comparisons do not chain
		}
	}
}

func (p *parser) unary() (node, error) {
	if p.is("-") || p.is("+") || p.is("bnot") || p.is("not") {
		op := p.tok
		p.advance()
		n, err := p.unary()
		if err != nil {
			return n, err
		}
		out := node{line: op.line, col: op.col}
		if n.isNumber && (op.text == "-" || op.text == "+") {
			out.isTerm, out.val = true, n.val
			if op.text == "-" {
				out.val = negate(n.val)
			}
		}
		return out, nil
	}
	return p.call()
}

func negate(v Term) Term {
	switch x := v.(type) {
	case int:
		if x != math.MinInt {
			return -x
		}
	case float64:
		return -x
	}
	b, _ := BigInt(v)
	return NormInt(b.Neg(b))
}

// call parses a primary with an optional remote part and call arguments.
func (p *parser) call() (node, error) {
	n, err := p.primary()
	if err != nil {
		return n, err
	}
	if p.is(":") {
		p.advance()
		if _, err := p.primary(); err != nil {
			return n, err
		}
		n.isTerm, n.isNumber = false, false
	}
	for p.is("(") {
		p.advance()
		if !p.is(")") {
			for {
				if _, err := p.expr(); err != nil {
					return n, err
				}
				if !p.is(",") {
					break
				}
				p.advance()
			}
		}
		if err := p.expect(")"); err != nil {
			return n, err
		}
		n.isTerm, n.isNumber = false, false
	}
	return n, nil
}

func (p *parser) enter() error {
	p.depth++
	if p.depth > MaxNesting {
		return &ParseError{Line: p.tok.line, Column: p.tok.col, Module: "erl_parse", Msg: "term nested too deeply"}
	}
	return nil
}

func (p *parser) primary() (node, error) {
	if p.err != nil {
		return node{}, p.err
	}
	t := p.tok
	n := node{line: t.line, col: t.col, isTerm: true}
	switch t.kind {
	case tokAtom:
		n.val = t.val
		p.advance()
		return n, nil
	case tokVar:
		n.isTerm = false
		p.advance()
		return n, nil
	case tokInteger, tokFloat, tokChar:
		n.val, n.isNumber = t.val, true
		p.advance()
		return n, nil
	case tokString:
		n.val = t.val
		p.advance()
		for p.err == nil && p.tok.kind == tokString {
			n.val = joinStrings(n.val, p.tok.val)
			p.advance()
		}
		return n, p.err
	case tokPunct:
		if err := p.enter(); err != nil {
			return n, err
		}
		defer func() { p.depth-- }()
		switch t.text {
		case "(":
			p.advance()
			inner, err := p.expr()
			if err != nil {
				return inner, err
			}
			inner.line, inner.col = t.line, t.col
			return inner, p.expect(")")
		case "{":
			p.advance()
			elems, ok, err := p.exprList("}")
			n.val, n.isTerm = Tuple(elems), ok
			return n, err
		case "[":
			return p.list(n)
		case "<<":
			return p.binaryLit(n)
		case "#":
			p.advance()
			if !p.is("{") {
				return n, p.syntaxError()
			}
			return p.mapLit(n)
		case "fun":
			return p.fun(n)
		case "begin":
			p.advance()
			for {
				if _, err := p.expr(); err != nil {
					return n, err
				}
				if !p.is(",") {
					break
				}
				p.advance()
			}
			n.isTerm = false
			return n, p.expect("end")
		case "catch":
			p.advance()
			_, err := p.expr()
			n.isTerm = false
			return n, err
		case "case", "if", "receive", "try", "maybe":
			// Expressions with clauses are not read; like OTP, complain
			// about what follows the keyword when the text stops there.
			p.advance()
			return n, p.syntaxError()
		}
	}
	return n, p.syntaxError()
}

// joinStrings joins two string literals, "ab" "cd".
func joinStrings(a, b Term) Term {
	as, aok := a.(string)
	bs, bok := b.(string)
	if aok && bok {
		return as + bs
	}
	return Cons(b, listElems(a)...)
}

// listElems returns the elements of a proper list of any accepted form.
func listElems(t Term) []Term {
	var out []Term
	c := newCursor(t)
	for e, ok := c.next(); ok; e, ok = c.next() {
		out = append(out, e)
	}
	return out
}

// stringTerm makes a string literal's term: a Go string, or a List where
// a code point cannot live in a Go string.
func stringTerm(rs []rune) Term {
	for _, r := range rs {
		if !utf8.ValidRune(r) {
			l := make(List, len(rs))
			for i, r := range rs {
				l[i] = int(r)
			}
			return l
		}
	}
	return string(rs)
}

// exprList parses "e1, e2, ... close" after the opening bracket.
func (p *parser) exprList(close string) ([]Term, bool, error) {
	var elems []Term
	ok := true
	if p.is(close) {
		p.advance()
		return elems, true, p.err
	}
	for {
		e, err := p.expr()
		if err != nil {
			return nil, false, err
		}
		ok = ok && e.isTerm
		elems = append(elems, e.val)
		if !p.is(",") {
			break
		}
		p.advance()
	}
	return elems, ok, p.expect(close)
}

func (p *parser) list(n node) (node, error) {
	p.advance()
	if p.is("]") {
		p.advance()
		n.val = List{}
		return n, p.err
	}
	var elems List
	for {
		e, err := p.expr()
		if err != nil {
			return n, err
		}
		n.isTerm = n.isTerm && e.isTerm
		elems = append(elems, e.val)
		if !p.is(",") {
			break
		}
		p.advance()
	}
	var tail Term = List(nil)
	if p.is("|") {
		p.advance()
		e, err := p.expr()
		if err != nil {
			return n, err
		}
		n.isTerm = n.isTerm && e.isTerm
		tail = e.val
	} else if p.is("||") {
		return n, p.syntaxError() // list comprehensions are not read
	}
	if err := p.expect("]"); err != nil {
		return n, err
	}
	if n.isTerm {
		if l, ok := tail.(List); ok && len(l) == 0 {
			n.val = elems
		} else {
			n.val = Cons(tail, elems...)
		}
	}
	return n, nil
}

func (p *parser) mapLit(n node) (node, error) {
	p.advance() // the {
	var es []MapEntry
	if p.is("}") {
		p.advance()
		n.val = Map{}
		return n, p.err
	}
	for {
		k, err := p.expr()
		if err != nil {
			return n, err
		}
		assoc := p.is("=>")
		if !assoc && !p.is(":=") {
			return n, p.syntaxError()
		}
		p.advance()
		v, err := p.expr()
		if err != nil {
			return n, err
		}
		n.isTerm = n.isTerm && assoc && k.isTerm && v.isTerm
		es = append(es, MapEntry{k.val, v.val})
		if !p.is(",") {
			break
		}
		p.advance()
	}
	if err := p.expect("}"); err != nil {
		return n, err
	}
	if n.isTerm {
		n.val = NewMap(es...)
	}
	return n, nil
}

// fun parses fun M:F/A, the only fun that is a term.
func (p *parser) fun(n node) (node, error) {
	p.advance()
	var parts [2]Atom
	for i := range parts {
		if p.tok.kind != tokAtom {
			return n, p.syntaxError()
		}
		parts[i] = p.tok.val.(Atom)
		p.advance()
		if i == 0 && !p.is(":") {
			n.isTerm = false // fun Name/Arity: a local function, not a term
			break
		}
		if i == 0 {
			p.advance()
		}
	}
	if err := p.expect("/"); err != nil {
		return n, err
	}
	if p.tok.kind != tokInteger {
		return n, p.syntaxError()
	}
	arity, ok := p.tok.val.(int)
	if !ok || arity < 0 || arity > 255 {
		n.isTerm = false
	}
	p.advance()
	n.val = ExportFun{Module: parts[0], Function: parts[1], Arity: arity}
	return n, p.err
}

// A binElem is one segment of a binary: Value:Size/Types.
type binElem struct {
	val      Term
	size     Term // nil: the type's default
	typ      string
	signed   bool
	little   bool
	unit     int // 0: the type's default
	isString bool
}

func (p *parser) binaryLit(n node) (node, error) {
	p.advance()
	var elems []binElem
	if !p.is(">>") {
		for {
			e, ok, err := p.binSegment()
			if err != nil {
				return n, err
			}
			n.isTerm = n.isTerm && ok
			elems = append(elems, e)
			if !p.is(",") {
				break
			}
			p.advance()
		}
	}
	if err := p.expect(">>"); err != nil {
		return n, err
	}
	if n.isTerm {
		v, ok := buildBits(elems)
		n.val, n.isTerm = v, ok
	}
	return n, nil
}

func (p *parser) binSegment() (binElem, bool, error) {
	var e binElem
	// The value: a literal, possibly signed, or a parenthesised expression.
	v, err := p.binValue()
	if err != nil {
		return e, false, err
	}
	ok := v.isTerm
	e.val = v.val
	_, e.isString = v.val.(string)
	if p.is(":") {
		p.advance()
		s, err := p.primary()
		if err != nil {
			return e, false, err
		}
		ok = ok && s.isTerm
		e.size = s.val
	}
	if p.is("/") {
		p.advance()
		for {
			if p.tok.kind != tokAtom {
				return e, false, p.syntaxError()
			}
			name := string(p.tok.val.(Atom))
			p.advance()
			if p.is(":") {
				p.advance()
				if p.tok.kind != tokInteger {
					return e, false, p.syntaxError()
				}
				u, isInt := p.tok.val.(int)
				if name != "unit" || !isInt || u < 1 || u > 256 {
					ok = false
				}
				e.unit = u
				p.advance()
			} else {
				switch name {
				case "integer", "float", "binary", "bytes", "bitstring", "bits", "utf8", "utf16", "utf32":
					e.typ = name
				case "signed":
					e.signed = true
				case "unsigned":
					e.signed = false
				case "little":
					e.little = true
				case "big":
					e.little = false
				case "native":
					e.little = nativeLittle
				default:
					ok = false
				}
			}
			if !p.is("-") {
				break
			}
			p.advance()
		}
	}
	return e, ok, nil
}

// binValue reads a segment value or size: a literal with an optional sign,
// or a parenthesised expression.
func (p *parser) binValue() (node, error) {
	if p.is("-") || p.is("+") {
		op := p.tok
		p.advance()
		n, err := p.binValue()
		if err != nil {
			return n, err
		}
		if n.isNumber && op.text == "-" {
			n.val = negate(n.val)
		}
		n.isTerm = n.isTerm && n.isNumber
		return n, nil
	}
	return p.primary()
}

// nativeLittle is the byte order of /native segments on this machine.
var nativeLittle = binary.NativeEndian.Uint16([]byte{1, 0}) == 1

// bitWriter accumulates bits, most significant first.
type bitWriter struct {
	buf   []byte
	nbits int
}

func (w *bitWriter) writeBits(b []byte, n int) {
	if w.nbits%8 == 0 && n%8 == 0 {
		w.buf = append(w.buf, b[:n/8]...)
		w.nbits += n
		return
	}
	for i := 0; i < n; i++ {
		bit := b[i/8] >> (7 - uint(i%8)) & 1
		if w.nbits%8 == 0 {
			w.buf = append(w.buf, 0)
		}
		w.buf[len(w.buf)-1] |= bit << (7 - uint(w.nbits%8))
		w.nbits++
	}
}

// maxBinaryBits bounds a binary literal (1 MiB) so that a size in the
// text cannot make the reader allocate more than the text justifies.
const maxBinaryBits = 1 << 23

// buildBits evaluates the segments as the bit syntax does; ok is false
// where OTP's evaluation raises (which parse_term reports as a bad term).
func buildBits(elems []binElem) (Term, bool) {
	var w bitWriter
	for _, e := range elems {
		if e.isString {
			for _, r := range e.val.(string) {
				c := e
				c.val, c.isString = int(r), false
				if !writeSegment(&w, c) {
					return nil, false
				}
			}
			continue
		}
		if l, isList := e.val.(List); isList && e.typ != "binary" { // a string with code points Go cannot hold
			for _, r := range l {
				c := e
				c.val = r
				if !writeSegment(&w, c) {
					return nil, false
				}
			}
			continue
		}
		if !writeSegment(&w, e) {
			return nil, false
		}
		if w.nbits > maxBinaryBits {
			return nil, false
		}
	}
	return NewBitString(w.buf, w.nbits), true
}

func writeSegment(w *bitWriter, e binElem) bool {
	typ := e.typ
	if typ == "" {
		switch e.val.(type) {
		case float64:
			typ = "float"
		case Binary, BitString:
			typ = "binary"
		default:
			typ = "integer"
		}
	}
	size := -1
	if e.size != nil {
		s, ok := e.size.(int)
		if !ok || s < 0 || s > maxBinaryBits {
			return false
		}
		size = s
	}
	unit := e.unit
	switch typ {
	case "integer":
		if size < 0 {
			size = 8
		}
		if unit == 0 {
			unit = 1
		}
		bits := size * unit
		if bits > maxBinaryBits || !IsInteger(e.val) {
			return false
		}
		if x, ok := e.val.(int); ok && bits <= 64 && bits%8 == 0 {
			b := make([]byte, bits/8)
			for i := range b {
				sh := 8 * (len(b) - 1 - i)
				if e.little {
					sh = 8 * i
				}
				b[i] = byte(x >> sh)
			}
			w.writeBits(b, bits)
			return true
		}
		v, _ := BigInt(e.val)
		// Two's complement, truncated to bits.
		mod := new(big.Int).Lsh(big.NewInt(1), uint(bits))
		v.Mod(v, mod)
		b := make([]byte, (bits+7)/8)
		v.Lsh(v, uint(len(b)*8-bits)).FillBytes(b)
		if e.little && bits%8 == 0 {
			for i, j := 0, len(b)-1; i < j; i, j = i+1, j-1 {
				b[i], b[j] = b[j], b[i]
			}
		}
		w.writeBits(b, bits)
	case "float":
		if size < 0 {
			size = 64
		}
		if unit == 0 {
			unit = 1
		}
		var f float64
		if x, ok := e.val.(float64); ok {
			f = x
		} else if i, ok := e.val.(int); ok {
			f = float64(i)
		} else {
			return false
		}
		var b []byte
		switch size * unit {
		case 64:
			b = make([]byte, 8)
			u := math.Float64bits(f)
			for i := range 8 {
				b[i] = byte(u >> (56 - 8*i))
			}
		case 16:
			h, ok := float16Bits(f)
			if !ok {
				return false
			}
			b = []byte{byte(h >> 8), byte(h)}
		case 32:
			if math.Abs(f) > math.MaxFloat32 {
				return false
			}
			b = make([]byte, 4)
			u := math.Float32bits(float32(f))
			for i := range 4 {
				b[i] = byte(u >> (24 - 8*i))
			}
		default:
			return false
		}
		if e.little {
			for i, j := 0, len(b)-1; i < j; i, j = i+1, j-1 {
				b[i], b[j] = b[j], b[i]
			}
		}
		w.writeBits(b, len(b)*8)
	case "binary", "bytes", "bitstring", "bits":
		data, nbits := bitsOf(e.val)
		if data == nil && nbits == 0 {
			if _, isBin := e.val.(Binary); !isBin {
				return false
			}
		}
		if unit == 0 {
			unit = 8
			if typ == "bitstring" || typ == "bits" {
				unit = 1
			}
		}
		n := nbits
		if size >= 0 {
			n = size * unit
			if n > nbits {
				return false
			}
		} else if nbits%unit != 0 {
			return false
		}
		w.writeBits(data, n)
	case "utf8", "utf16", "utf32":
		if e.size != nil || e.unit != 0 {
			return false
		}
		c, ok := e.val.(int)
		if !ok || !utf8.ValidRune(rune(c)) {
			return false
		}
		var b []byte
		switch typ {
		case "utf8":
			b = utf8.AppendRune(nil, rune(c))
		case "utf16":
			if c >= 0x10000 {
				c -= 0x10000
				hi, lo := 0xD800+(c>>10), 0xDC00+(c&0x3FF)
				b = []byte{byte(hi >> 8), byte(hi), byte(lo >> 8), byte(lo)}
				if e.little {
					b = []byte{byte(hi), byte(hi >> 8), byte(lo), byte(lo >> 8)}
				}
			} else {
				b = []byte{byte(c >> 8), byte(c)}
				if e.little {
					b[0], b[1] = b[1], b[0]
				}
			}
		case "utf32":
			b = []byte{byte(c >> 24), byte(c >> 16), byte(c >> 8), byte(c)}
			if e.little {
				b = []byte{b[3], b[2], b[1], b[0]}
			}
		}
		w.writeBits(b, len(b)*8)
	}
	return true
}

// float16Bits converts f to IEEE 754 half precision, rounding to nearest
// even; ok is false when f is too large for it.
func float16Bits(f float64) (uint16, bool) {
	bits := math.Float64bits(f)
	sign := uint16(bits>>48) & 0x8000
	a := math.Abs(f)
	if a == 0 {
		return sign, true
	}
	if a >= 65520 { // rounds beyond the largest half, 65504
		return 0, false
	}
	exp := math.Ilogb(a)
	if exp < -14 { // subnormal: units of 2^-24
		m := uint16(math.RoundToEven(a * (1 << 24)))
		return sign | m, true
	}
	m := math.RoundToEven((a/math.Ldexp(1, exp) - 1) * 1024)
	if m == 1024 {
		m = 0
		exp++
	}
	if exp > 15 {
		return 0, false
	}
	return sign | uint16(exp+15)<<10 | uint16(m), true
}

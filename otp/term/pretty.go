package term

import (
	"slices"
	"unicode"
	"unicode/utf8"
)

// PrintOptions controls how Pretty lays a term out, as the options of
// io_lib_pretty:print/2 do. The zero value prints as ~p does.
type PrintOptions struct {
	// Column is the column (1 = the first) where the term starts.
	// 0 means 1.
	Column int
	// LineLength is the width to fit lines to. 0 means 80; a negative
	// length prints the whole term on one line, as line_length 0 does.
	LineLength int
	// Depth limits nesting as ~P does; 0 (or less) means no limit.
	Depth int
	// LineMaxChars is io_lib_pretty's line_max_chars: a part of a line
	// longer than this is broken even when it fits the line length.
	// 0 (or less) means no limit.
	LineMaxChars int
	// CharsLimit limits the output length, as the chars_limit option
	// does: depth is chosen so that the output is about this long.
	// 0 (or less) means no limit.
	CharsLimit int
	// Unicode selects ~tp: atoms print unescaped, and binaries of UTF-8
	// text as <<"é"/utf8>>. Which characters make a string stays the
	// latin1 ones, as in an erl started without +pc unicode.
	Unicode bool
	// NoStrings selects ~lp: lists of character codes print as lists
	// and binaries as bytes.
	NoStrings bool
	// Records, when set, prints records as the shell prints them once it
	// knows their definitions (io_lib_pretty's record_print_fun): a tuple
	// {Tag, V1, ..., Vn} whose first element is an atom prints as
	// #Tag{F1 = V1,...,Fn = Vn} when Records(Tag, n) reports the names of
	// the record's n fields. It reports false, or names of another count,
	// for a tuple that is not such a record. Nil prints tuples as tuples.
	Records func(tag Atom, size int) (fields []Atom, ok bool)
}

// Print returns t as io_lib:format("~p", [T]) prints it, starting in the
// first column of an 80-column line.
func Print(t Term) string { return Pretty(t, PrintOptions{}) }

// Pretty returns t laid out as io_lib_pretty:print/2 lays it out with the
// given options: on one line when it fits, else broken over lines, each
// element of a list or tuple that does not fit starting a new line
// indented under the first. Erlang strings (lists of printable character
// codes) print as "text", and binaries of printable text as <<"text">>.
//
// Atoms, numbers, pids and other terms that are not containers print as
// Write prints them, whatever the options. Maps print their keys in the
// Map's order, which is OTP's for maps of up to 32 keys (OTP prints larger
// maps in the order of their internal hashing). Go values that stand for
// terms print as those terms; other Go values print as Write prints them.
// t must be acyclic: Go values can be made to contain themselves, and
// such a value is printed without end unless Depth stops it.
func Pretty(t Term, o PrintOptions) string {
	return string(AppendPretty(nil, t, o))
}

// AppendPretty appends Pretty(t, o) to dst and returns the extended slice.
func AppendPretty(dst []byte, t Term, o PrintOptions) []byte {
	col := max(o.Column, 1)
	ll := o.LineLength
	if ll == 0 {
		ll = 80
	}
	depth, maxChars, limit := o.Depth, o.LineMaxChars, o.CharsLimit
	if depth <= 0 {
		depth = -1
	}
	if maxChars <= 0 {
		maxChars = -1
	}
	if limit <= 0 {
		limit = -1
	}
	t = ppUnwrap(t)
	switch KindOf(t) {
	case KindAtom:
		return appendAtom(dst, string(t.(Atom)), o.Unicode)
	case KindTuple, KindMap, KindNil, KindList, KindBitString:
	default:
		// Numbers, pids and the like: written as ~w writes them.
		return ppAppendWrite(dst, t)
	}
	p := &ppPrinter{
		unicode: o.Unicode,
		strings: !o.NoStrings,
		limited: limit >= 0,
		records: o.Records,
		out:     dst,
	}
	var root ppNode
	if limit < 0 {
		root = p.measure(t, depth, limit)
	} else {
		root = p.intermediate(t, depth, limit)
	}
	// The output is the one-line text plus line breaks and indentation.
	p.out = slices.Grow(p.out, root.size+root.size/4)
	p.ll = ll
	p.m = maxChars
	if p.m < 0 {
		p.m = root.size
	}
	switch {
	case ll < 0, root.size < ll-col && root.size <= p.m:
		p.write(&root)
	default:
		// The indentation of tagged tuples: aligned after the tag when
		// that keeps lines reasonably short, else 4, else 1.
		p.tind = 1
		for _, ind := range [...]int{-1, 4} {
			if p.check(&root, col, ind, 0, 0) {
				p.tind = ind
				break
			}
		}
		p.pp(&root, col, col-1, 0, 0)
	}
	return p.out
}

// ppUnwrap turns Termers and other Go forms into the terms they stand
// for. A nil *LocalFun is no term; it prints as other Go values do.
func ppUnwrap(t Term) Term {
	t = unwrap(t)
	if f, ok := t.(*LocalFun); ok && f == nil {
		return ppGoValue{t}
	}
	return t
}

// ppGoValue is a Go value that is not a term, printed as Write prints one.
type ppGoValue struct{ v any }

// ppCharCode returns e as a character code when it is an integer that
// can be one.
func ppCharCode(e Term) (int, bool) {
	if c, ok := e.(int); ok {
		return c, true
	}
	if i, ok := smallInt(ppUnwrap(e)); ok && i >= -1<<31 && i < 1<<31 {
		return int(i), true
	}
	return 0, false
}

// A ppNode is a term measured for layout: the text of what is printed as
// a whole, or the parts of a compound term, with the number of characters
// the term takes on one line. The shape follows io_lib_pretty's
// intermediate format, since the layout decisions depend on it.
type ppNode struct {
	kind ppKind
	// tagged marks a tuple of two or more elements whose first is an atom.
	tagged bool
	// tailed marks items whose last entry is not an element but what ends
	// the sequence: a dots node, or the tail of an improper list.
	tailed bool
	// start and end delimit the text of a leaf or binary in ppPrinter.text.
	start, end int
	// size is the length of the one-line form, in characters.
	size int
	// dots counts the characters of elisions ("...") in the node.
	dots int
	// items are the elements of a list, tuple or map, or the key and
	// value of a map association.
	items []ppNode
	// more, when set, computes the node again with more depth; it is kept
	// only when a chars limit may ask for that.
	more *ppMore
}

type ppKind uint8

const (
	ppLeaf   ppKind = iota // text printed as it is
	ppBin                  // <<1,2,3>>, which may break after a comma
	ppList                 // [...], items maybe tailed
	ppTuple                // {...}
	ppMap                  // #{...}, items are ppPair
	ppPair                 // Key => Value
	ppDots                 // the "..." ending an elided sequence
	ppRecord               // #name{...}: items are the name and ppField
	ppField                // Name = Value: items are the name and value
)

// atomic reports whether the node is printed as one piece of text: only
// such elements may share a line with others once a term is broken.
func (n *ppNode) atomic() bool { return n.kind == ppLeaf }

// atomicPair reports whether both key and value of a pair are atomic.
func (n *ppNode) atomicPair() bool { return n.items[0].atomic() && n.items[1].atomic() }

// A ppMore says how to measure again, deeper, what a node elided.
type ppMore struct {
	how    ppHow
	term   Term       // the term, tuple or map
	cur    listCursor // the rest of a list
	index  int        // the first tuple element or map association left out
	depth  int        // the depth the node was measured with
	depth0 int        // the depth of map associations
	fields []Atom     // the field names of a record
}

type ppHow uint8

const (
	ppAgain      ppHow = iota // the whole term
	ppListRest                // the rest of a list
	ppTupleRest               // tuple elements from index on
	ppPairsRest               // map associations from index on
	ppFieldsRest              // record fields from tuple element index on
)

// ppPrinter holds the state of one Pretty call.
type ppPrinter struct {
	unicode bool // ~tp
	strings bool // not ~lp
	limited bool // a chars limit is in effect: keep what expand needs
	records func(Atom, int) ([]Atom, bool)
	text    []byte
	out     []byte
	ll      int // line length
	m       int // line_max_chars, or the one-line length of the term
	tind    int // indentation of tagged tuples; -1: after the tag
	nest    int // how deep measure is in the term
}

// ppLimSub subtracts used characters from a chars limit, keeping a
// negative limit (none) as it is and never going below zero.
func ppLimSub(lim, n int) int {
	switch {
	case lim < 0:
		return lim
	case lim >= n:
		return lim - n
	}
	return 0
}

// leaf returns a leaf for the text appended to p.text since start.
func (p *ppPrinter) leaf(start int) ppNode {
	return ppNode{kind: ppLeaf, start: start, end: len(p.text), size: ppCharsLength(p.text[start:])}
}

func (p *ppPrinter) literal(s string) ppNode {
	start := len(p.text)
	p.text = append(p.text, s...)
	return ppNode{kind: ppLeaf, start: start, end: len(p.text), size: len(s)}
}

// elided returns n, which leaves out parts of its term, with what is
// needed to measure it again deeper when a chars limit may ask for that.
func (p *ppPrinter) elided(n ppNode, m ppMore) ppNode {
	if p.limited {
		n.more = &m
	}
	return n
}

// measure measures t with depth d (-1: no limit) and chars limit lim
// (-1: none), as io_lib_pretty's print_length does.
func (p *ppPrinter) measure(t Term, d, lim int) ppNode {
	if p.nest >= MaxDepth {
		// Deeper than Go's stack can follow: elided, as a depth
		// limit elides.
		return p.literal("...")
	}
	p.nest++
	defer func() { p.nest-- }()
	t = ppUnwrap(t)
	switch v := t.(type) {
	case Atom:
		start := len(p.text)
		p.text = appendAtom(p.text, string(v), p.unicode)
		return p.leaf(start)
	case List, string, ImproperList:
		c := newCursor(t)
		if probe := c; !ppHasNext(&probe) {
			return p.literal("[]")
		}
		return p.measureList(t, c, d, lim)
	case Tuple:
		if len(v) == 0 {
			return p.literal("{}")
		}
		return p.measureTuple(v, d, lim)
	case Map:
		if v.Len() == 0 {
			return p.literal("#{}")
		}
		return p.measureMap(v, d, lim)
	case Binary:
		return p.measureBits(t, v, len(v)*8, d, lim)
	case []byte:
		return p.measureBits(t, v, len(v)*8, d, lim)
	case BitString:
		n := min(max(v.BitLen(), 0), len(v.Bytes)*8)
		return p.measureBits(t, v.Bytes, n, d, lim)
	}
	start := len(p.text)
	p.text = ppAppendWrite(p.text, t)
	return p.leaf(start)
}

// ppAppendWrite writes a term that is printed as one piece of text, as
// ~w writes it.
func ppAppendWrite(dst []byte, t Term) []byte {
	if g, ok := t.(ppGoValue); ok {
		return append(dst, goString(g.v)...)
	}
	return AppendWrite(dst, t, -1, false)
}

// ppHasNext reports whether the cursor has another element.
func ppHasNext(c *listCursor) bool { return len(c.elems) > 0 || c.str != "" }

func (p *ppPrinter) measureList(t Term, c listCursor, d, lim int) ppNode {
	if p.strings && d != 1 {
		if ok, prefix := p.printableList(c, lim); ok {
			start := len(p.text)
			p.appendString(c, prefix)
			n := p.leaf(start)
			if prefix >= 0 {
				p.text = append(p.text, "..."...)
				n.end = len(p.text)
				n.size += 3
			}
			return n
		}
	}
	n := len(c.elems)
	if c.tail != nil {
		n++
	}
	if d > 0 || lim >= 0 {
		n += len(c.str) // enough, and ppItems keeps only what is needed
	} else {
		n += utf8.RuneCountInString(c.str)
	}
	items, tailed := p.measureListItems(ppItems(n, d, lim), c, d, ppLimSub(lim, 2))
	list := p.sequence(ppList, items, tailed, 2)
	if list.dots > 0 {
		list = p.elided(list, ppMore{how: ppAgain, term: t, depth: d})
	}
	return list
}

// ppItems makes room for the items of a sequence of n elements measured
// with depth d and chars limit lim, which both bound how many are kept.
func ppItems(n, d, lim int) []ppNode {
	if d > 0 {
		n = min(n, d)
	}
	if lim >= 0 {
		n = min(n, lim/2+2)
	}
	return make([]ppNode, 0, n)
}

// measureListItems appends the measured elements of the list at c.
func (p *ppPrinter) measureListItems(items []ppNode, c listCursor, d, lim int) ([]ppNode, bool) {
	for {
		if !ppHasNext(&c) && c.tail == nil {
			return items, false
		}
		if d == 1 || lim == 0 {
			return append(items, p.dots(ppMore{how: ppListRest, cur: c, depth: d})), true
		}
		e, ok := c.next()
		if !ok {
			return append(items, p.measure(c.tail, d-1, lim)), true
		}
		lim1 := lim
		if ppHasNext(&c) || c.tail != nil {
			lim1 = ppLimSub(lim, 1)
		}
		n := p.measure(e, d-1, lim1)
		items = append(items, n)
		d--
		lim = ppLimSub(lim1, n.size)
	}
}

func (p *ppPrinter) dots(m ppMore) ppNode {
	return p.elided(ppNode{kind: ppDots, size: 3, dots: 3}, m)
}

// sequence makes a list, tuple or map node of items; open is the length
// of the brackets.
func (p *ppPrinter) sequence(kind ppKind, items []ppNode, tailed bool, open int) ppNode {
	n := ppNode{kind: kind, items: items, tailed: tailed, size: open}
	for i := range items {
		if i > 0 {
			n.size++
		}
		n.size += items[i].size
		n.dots += items[i].dots
	}
	return n
}

func (p *ppPrinter) measureTuple(t Tuple, d, lim int) ppNode {
	if d == 1 {
		n := p.literal("{...}")
		n.dots = 3
		return p.elided(n, ppMore{how: ppAgain, term: t, depth: d})
	}
	if p.records != nil {
		if tag, ok := ppUnwrap(t[0]).(Atom); ok {
			if fields, ok := p.records(tag, len(t)-1); ok && len(fields) == len(t)-1 {
				return p.measureRecord(t, tag, fields, d, lim)
			}
		}
	}
	items, tailed := p.measureTupleItems(ppItems(len(t), d, lim), t, 0, d, ppLimSub(lim, 2))
	n := p.sequence(ppTuple, items, tailed, 2)
	n.tagged = len(t) > 1 && KindOf(t[0]) == KindAtom
	return n
}

func (p *ppPrinter) measureTupleItems(items []ppNode, t Tuple, i, d, lim int) ([]ppNode, bool) {
	for ; i < len(t); i++ {
		if d == 1 || lim == 0 {
			return append(items, p.dots(ppMore{how: ppTupleRest, term: t, index: i, depth: d})), true
		}
		lim1 := lim
		if i < len(t)-1 {
			lim1 = ppLimSub(lim, 1)
		}
		n := p.measure(t[i], d-1, lim1)
		items = append(items, n)
		d--
		lim = ppLimSub(lim1, n.size)
	}
	return items, false
}

// measureRecord measures the tuple t as the record tag with the given
// fields, #tag{f1 = V1,...}, as io_lib_pretty's print_length_record does.
// Its items are the name, #tag, and the fields.
func (p *ppPrinter) measureRecord(t Tuple, tag Atom, fields []Atom, d, lim int) ppNode {
	start := len(p.text)
	p.text = append(p.text, '#')
	p.text = appendAtom(p.text, string(tag), p.unicode)
	name := p.leaf(start)
	items := make([]ppNode, 1, len(t)+1)
	items[0] = name
	items, tailed := p.measureFields(items, t, fields, 1, d-1, ppLimSub(lim, name.size+2))
	return p.record(items, tailed)
}

// record makes a record node of its name and fields.
func (p *ppPrinter) record(items []ppNode, tailed bool) ppNode {
	n := p.sequence(ppRecord, items[1:], tailed, items[0].size+2)
	n.items = items
	return n
}

// measureFields appends the measured fields of the record t from its
// element i on.
func (p *ppPrinter) measureFields(items []ppNode, t Tuple, fields []Atom, i, d, lim int) ([]ppNode, bool) {
	for ; i < len(t); i++ {
		if d == 1 || lim == 0 {
			return append(items, p.dots(ppMore{how: ppFieldsRest, term: t, index: i, depth: d, fields: fields})), true
		}
		lim1 := lim
		if i < len(t)-1 {
			lim1 = ppLimSub(lim, 1)
		}
		start := len(p.text)
		p.text = appendAtom(p.text, string(fields[i-1]), p.unicode)
		name := p.leaf(start)
		v := p.measure(t[i], d-1, ppLimSub(lim1, name.size+3))
		f := p.field(name, v)
		items = append(items, f)
		d--
		lim = ppLimSub(lim1, f.size)
	}
	return items, false
}

// field makes the node of a record field, Name = Value.
func (p *ppPrinter) field(name, v ppNode) ppNode {
	return ppNode{kind: ppField, items: []ppNode{name, v}, size: name.size + 3 + v.size, dots: v.dots}
}

func (p *ppPrinter) measureMap(m Map, d, lim int) ppNode {
	if d == 1 {
		n := p.literal("#{...}")
		n.dots = 3
		return p.elided(n, ppMore{how: ppAgain, term: m, depth: d})
	}
	items, tailed := p.measurePairs(ppItems(m.Len(), d, lim), m, 0, d, d-1, ppLimSub(lim, 3))
	return p.sequence(ppMap, items, tailed, 3)
}

// measurePairs measures the associations of m from i on; d counts down
// per association, while keys and values are measured with depth d0.
func (p *ppPrinter) measurePairs(items []ppNode, m Map, i, d, d0, lim int) ([]ppNode, bool) {
	for ; i < len(m.entries); i++ {
		if d == 1 || lim == 0 {
			return append(items, p.dots(ppMore{how: ppPairsRest, term: m, index: i, depth: d, depth0: d0})), true
		}
		lim1 := lim
		if i < len(m.entries)-1 {
			lim1 = ppLimSub(lim, 1)
		}
		e := m.entries[i]
		k := p.measure(e.Key, d0, lim1)
		v := p.measure(e.Value, d0, ppLimSub(lim1, k.size+4))
		items = append(items, p.pair(k, v))
		d--
		lim = ppLimSub(lim1, items[len(items)-1].size)
	}
	return items, false
}

func (p *ppPrinter) pair(k, v ppNode) ppNode {
	return ppNode{kind: ppPair, items: []ppNode{k, v}, size: k.size + 4 + v.size, dots: k.dots + v.dots}
}

// measureBits measures a binary or bitstring of nbits bits of b.
func (p *ppPrinter) measureBits(t Term, b []byte, nbits, d, lim int) ppNode {
	if nbits == 0 {
		return p.literal("<<>>")
	}
	if d == 1 {
		n := p.literal("<<...>>")
		n.dots = 3
		return p.elided(n, ppMore{how: ppAgain, term: t, depth: d})
	}
	if p.strings && nbits%8 == 0 {
		if n, ok := p.textBinary(t, b, d, lim); ok {
			return n
		}
	}
	// The bytes, as many as depth and limit allow.
	d0 := d
	start := len(p.text)
	p.text = append(p.text, "<<"...)
	rest := nbits
	lim = ppLimSub(lim, 4)
	for i := 0; rest > 0; i++ {
		if i > 0 {
			p.text = append(p.text, ',')
		}
		if d == 1 || lim == 0 {
			p.text = append(p.text, "..."...)
			break
		}
		mark := len(p.text)
		p.text, rest = appendSegment(p.text, b[i], rest)
		d--
		lim = ppLimSub(lim, len(p.text)-mark+1)
	}
	p.text = append(p.text, ">>"...)
	n := ppNode{kind: ppBin, start: start, end: len(p.text), size: len(p.text) - start}
	if rest > 0 {
		n.dots = 3
		n = p.elided(n, ppMore{how: ppAgain, term: t, depth: d0})
	}
	return n
}

// textBinary measures a binary that prints as text, <<"abc">> (or
// <<"é"/utf8>> for ~tp), or as the start of such text when depth or
// limit cut it short. ok is false when the binary does not print as text.
func (p *ppPrinter) textBinary(t Term, b []byte, d, lim int) (n ppNode, ok bool) {
	d1 := d - 1
	lim1 := ppLimSub(lim, 6)
	var count int // characters to look at
	switch {
	case d1 >= 0:
		count = min(4*d1, len(b))
		if lim1 >= 0 {
			count = min(count, lim1)
		}
	case lim1 < 0:
		count = len(b)
	default:
		count = min(lim1, len(b))
	}
	if count == 0 {
		return ppNode{}, false
	}
	var (
		end   int  // the bytes printed: b[:end]
		chars int  // the characters they make
		utf   bool // printed with /utf8
		cut   bool // only a prefix is printed
	)
	if p.unicode && ppValidUTF8Prefix(b, count) {
		// Up to count characters, while they are printable.
		for chars < count && end < len(b) {
			r, w := utf8.DecodeRune(b[end:])
			if !ppPrintableLatin1(int(r)) {
				break
			}
			end += w
			chars++
		}
		switch {
		case end == len(b):
		case d1 > 0 && chars >= d1:
			cut = true
		default:
			return ppNode{}, false
		}
		utf = end != chars
	} else {
		for end < count && ppPrintableLatin1(int(b[end])) {
			end++
		}
		switch {
		case end == count && count == len(b):
		case end == count && count <= 20:
			cut = true
		case d1 > 0 && end >= d1:
			cut = true
		default:
			return ppNode{}, false
		}
	}
	start := len(p.text)
	p.text = append(p.text, "<<"...)
	p.text = append(p.text, '"')
	for i := 0; i < end; {
		r, w := rune(b[i]), 1
		if p.unicode && utf {
			r, w = utf8.DecodeRune(b[i:])
		}
		p.text = appendStringChar(p.text, r, '"', true)
		i += w
	}
	p.text = append(p.text, '"')
	if utf {
		p.text = append(p.text, "/utf8"...)
	}
	if cut {
		p.text = append(p.text, "..."...)
	}
	p.text = append(p.text, ">>"...)
	n = p.leaf(start)
	if cut {
		n.dots = 3
		n = p.elided(n, ppMore{how: ppAgain, term: t, depth: d})
	}
	return n, true
}

// ppValidUTF8Prefix reports whether the first n characters of b (or all of
// b, if shorter) are well-formed UTF-8.
func ppValidUTF8Prefix(b []byte, n int) bool {
	for ; n > 0 && len(b) > 0; n-- {
		r, w := utf8.DecodeRune(b)
		if r == utf8.RuneError && w <= 1 {
			return false
		}
		b = b[w:]
	}
	return true
}

// ppPrintableLatin1 reports whether c is a character ~p prints in a string.
func ppPrintableLatin1(c int) bool {
	switch {
	case c >= ' ' && c <= '~', c >= 0xA0 && c <= 0xFF:
		return true
	}
	switch c {
	case '\n', '\r', '\t', '\v', '\b', '\f', 0x1b:
		return true
	}
	return false
}

// printableList decides whether the list at c prints as a string. When
// it does only in part, prefix is the number of its first characters to
// print, followed by "..."; it is -1 when the whole list prints.
func (p *ppPrinter) printableList(c listCursor, lim int) (ok bool, prefix int) {
	if lim < 0 {
		for {
			e, more := c.next()
			if !more {
				return c.tail == nil, -1
			}
			if ch, isInt := ppCharCode(e); !isInt || !ppPrintableLatin1(ch) {
				return false, 0
			}
		}
	}
	n := ppLimSub(lim, 2)
	if p.unicode {
		return ppPrintableGraphemes(c, n)
	}
	for i := 0; ; i++ {
		e, more := c.next()
		if !more {
			if c.tail == nil {
				return true, -1
			}
			return i == n, i
		}
		if i == n {
			return true, n
		}
		if ch, isInt := ppCharCode(e); !isInt || !ppPrintableLatin1(ch) {
			return false, 0
		}
	}
}

// ppPrintableGraphemes is printableList for ~tp with a chars limit,
// which takes the first n grapheme clusters as string:slice/3 does: the
// list prints as a string if they are printable characters, and in full
// if nothing follows them. Like OTP, it gives up (printing a list) when
// what it looks at is not character data.
func ppPrintableGraphemes(c listCursor, n int) (ok bool, prefix int) {
	if n == 0 {
		return false, 0
	}
	taken, clusters := 0, 0
	prev := -1
	skipped := false // empty lists or binaries were passed over
	for {
		e, more := c.next()
		if !more {
			if c.tail != nil || skipped {
				// An improper list fails string:slice/3; a list ending
				// in empty elements is all taken but is no string.
				return false, 0
			}
			return true, -1
		}
		ch, isInt := ppCharCode(e)
		if clusters < n {
			if !isInt || !ppPrintableLatin1(ch) {
				return false, 0
			}
			if prev < 0 || ppGraphemeBreak(prev, ch) {
				clusters++
			}
			taken++
			prev = ch
			continue
		}
		// What follows the last cluster taken: a new cluster ends the
		// prefix, a character extending the last one belongs to it.
		r, good, empty := ppFirstChar(e)
		if empty {
			skipped = true
			continue
		}
		if !good {
			return false, 0
		}
		if ppGraphemeBreak(prev, r) {
			return true, taken
		}
		if skipped || !isInt || !ppPrintableLatin1(ch) {
			return false, 0
		}
		taken++
		prev = ch
	}
}

// ppFirstChar returns the first character of a chardata element; empty
// reports an element with no characters (an empty list or binary).
func ppFirstChar(e Term) (r int, ok, empty bool) {
	if c, isInt := ppCharCode(e); isInt {
		return c, true, false
	}
	if IsInteger(ppUnwrap(e)) {
		return unicode.MaxRune + 1, true, false // no character, but no error
	}
	switch v := ppUnwrap(e).(type) {
	case List, string:
		c := newCursor(v)
		for {
			x, more := c.next()
			if !more {
				return 0, true, true
			}
			r, ok, empty := ppFirstChar(x)
			if !ok || !empty {
				return r, ok, false
			}
		}
	case Binary:
		if len(v) == 0 {
			return 0, true, true
		}
		r, w := utf8.DecodeRune(v)
		return int(r), w > 1 || r != utf8.RuneError, false
	}
	return 0, false, false
}

// appendString writes the characters of the list at c as a quoted
// string: all of them, or the first n when n >= 0.
func (p *ppPrinter) appendString(c listCursor, n int) {
	p.text = append(p.text, '"')
	for ; n != 0; n-- {
		e, more := c.next()
		if !more {
			break
		}
		ch, _ := ppCharCode(e)
		p.text = appendStringChar(p.text, rune(ch), '"', p.unicode)
	}
	p.text = append(p.text, '"')
}

// ppCharsLength is the number of characters text takes, as
// io_lib:chars_length counts them: code points while they are all
// latin1, else grapheme clusters.
func ppCharsLength(text []byte) int {
	n, wide := 0, false
	for _, r := range string(text) {
		n++
		if r > 0xFF {
			wide = true
		}
	}
	if !wide {
		return n
	}
	n = 0
	prev := -1
	pairOpen := false // prev is a regional indicator starting a flag
	for _, r := range string(text) {
		c := int(r)
		join := prev >= 0 && (!ppGraphemeBreak(prev, c) ||
			prev == 0x200D && ppIsPictographic(c) ||
			pairOpen && ppIsRegionalIndicator(c))
		if !join {
			n++
		}
		pairOpen = ppIsRegionalIndicator(c) && !(pairOpen && join)
		prev = c
	}
	return n
}

// ppGraphemeBreak reports whether a grapheme cluster boundary lies between
// characters a and b. It follows the Unicode rules that matter for
// printing: CR LF is one cluster, controls stand alone, and combining
// marks and joiners extend the cluster before them.
func ppGraphemeBreak(a, b int) bool {
	if a == '\r' {
		return b != '\n'
	}
	if ppIsControl(a) || ppIsControl(b) {
		return true
	}
	if ppIsExtender(b) {
		return false
	}
	// Hangul syllables: L+ (V+ | LV V* | LVT) T*.
	switch ka, kb := ppHangul(a), ppHangul(b); {
	case ka == 'L' && (kb == 'L' || kb == 'V' || kb == 'v' || kb == 't'),
		(ka == 'v' || ka == 'V') && (kb == 'V' || kb == 'T'),
		(ka == 't' || ka == 'T') && kb == 'T':
		return false
	}
	return true
}

// ppHangul classifies Hangul characters for grapheme clusters: leading
// (L), vowel (V) and trailing (T) jamo, and LV (v) and LVT (t) syllables;
// 0 for other characters.
func ppHangul(c int) byte {
	switch {
	case c >= 0x1100 && c <= 0x115F, c >= 0xA960 && c <= 0xA97C:
		return 'L'
	case c >= 0x1160 && c <= 0x11A7, c >= 0xD7B0 && c <= 0xD7C6:
		return 'V'
	case c >= 0x11A8 && c <= 0x11FF, c >= 0xD7CB && c <= 0xD7FB:
		return 'T'
	case c >= 0xAC00 && c <= 0xD7A3:
		if (c-0xAC00)%28 == 0 {
			return 'v'
		}
		return 't'
	}
	return 0
}

func ppIsControl(c int) bool {
	return c < 0x20 || c >= 0x7F && c < 0xA0 || c == 0x2028 || c == 0x2029
}

func ppIsExtender(c int) bool {
	if c < 0x300 || c > unicode.MaxRune {
		return false
	}
	r := rune(c)
	switch {
	case r == 0x200C, r == 0x200D, r >= 0x1F3FB && r <= 0x1F3FF, r >= 0xE0020 && r <= 0xE007F:
		return true
	}
	return unicode.In(r, unicode.Mn, unicode.Me, unicode.Mc)
}

func ppIsRegionalIndicator(c int) bool { return c >= 0x1F1E6 && c <= 0x1F1FF }

func ppIsPictographic(c int) bool {
	return c >= 0x1F000 && c <= 0x1FAFF || c >= 0x2600 && c <= 0x27BF
}

// intermediate measures t for a chars limit lim > 0 as io_lib_pretty
// does: first with depth 1, then deeper, doubling the step while the text
// stays within the limit, then bisecting between the last depth within
// the limit and the first beyond it.
func (p *ppPrinter) intermediate(t Term, d, lim int) ppNode {
	lower := p.measure(t, 1, lim)
	if lower.dots == 0 || lower.size > lim || d == 1 {
		return lower
	}
	dl, dd, last := 1, 2, lower.size
	for {
		dd *= 2
		d1 := dl + dd
		if d >= 0 {
			d1 = min(d1, d)
		}
		n := p.expand(lower, lim, d1-dl)
		switch {
		case n.dots == 0, n.size == last:
			return n
		case n.size <= lim && (d1 < d || d < 0):
			lower, dl, last = n, d1, n.size
			continue
		}
		upper, du := n, d1
		for du-dl != 1 {
			mid := (dl + du) / 2
			n := p.expand(lower, lim, mid-dl)
			if n.size > lim {
				upper, du = n, mid
			} else {
				lower, dl = n, mid
			}
		}
		if lower.size == lim {
			return lower
		}
		return upper
	}
}

// expand measures again, dd levels deeper, what n elided.
func (p *ppPrinter) expand(n ppNode, lim, dd int) ppNode {
	if n.dots == 0 && n.more == nil {
		return n
	}
	if n.more != nil {
		return p.again(n.more, lim, dd)
	}
	switch n.kind {
	case ppTuple:
		items, tailed := p.expandItems(n.items, n.tailed, ppLimSub(lim, 2), dd)
		e := p.sequence(ppTuple, items, tailed, 2)
		e.tagged = n.tagged
		return e
	case ppMap:
		items, tailed := p.expandItems(n.items, n.tailed, ppLimSub(lim, 3), dd)
		return p.sequence(ppMap, items, tailed, 3)
	case ppPair:
		k := p.expand(n.items[0], ppLimSub(lim, 1), dd)
		v := p.expand(n.items[1], ppLimSub(lim, k.size+4), dd)
		return p.pair(k, v)
	case ppRecord:
		name := n.items[0]
		fields, tailed := p.expandItems(n.items[1:], n.tailed, ppLimSub(lim, name.size+2), dd)
		return p.record(append([]ppNode{name}, fields...), tailed)
	case ppField:
		name := n.items[0]
		return p.field(name, p.expand(n.items[1], ppLimSub(lim, name.size+3), dd))
	}
	return n
}

func (p *ppPrinter) expandItems(items []ppNode, tailed bool, lim, dd int) ([]ppNode, bool) {
	out := make([]ppNode, 0, len(items))
	for i := range items {
		last := i == len(items)-1
		if last && tailed {
			if m := items[i].more; m != nil && items[i].kind == ppDots {
				return p.againItems(out, m, lim, dd)
			}
			return append(out, p.expand(items[i], lim, dd)), true
		}
		lim1 := lim
		if !last {
			lim1 = ppLimSub(lim, 1)
		}
		e := p.expand(items[i], lim1, dd)
		out = append(out, e)
		lim = ppLimSub(lim1, e.size)
	}
	return out, tailed
}

// again measures a whole elided term dd levels deeper.
func (p *ppPrinter) again(m *ppMore, lim, dd int) ppNode {
	return p.measure(m.term, m.depth+dd, lim)
}

// againItems measures the elided rest of a sequence dd levels deeper and
// appends it to items.
func (p *ppPrinter) againItems(items []ppNode, m *ppMore, lim, dd int) ([]ppNode, bool) {
	switch m.how {
	case ppListRest:
		return p.measureListItems(items, m.cur, m.depth+dd, lim)
	case ppTupleRest:
		return p.measureTupleItems(items, m.term.(Tuple), m.index, m.depth+dd, lim)
	case ppPairsRest:
		return p.measurePairs(items, m.term.(Map), m.index, m.depth+dd, m.depth0, lim)
	case ppFieldsRest:
		return p.measureFields(items, m.term.(Tuple), m.fields, m.index, m.depth+dd, lim)
	}
	return append(items, p.again(m, lim, dd)), true
}

// The layout. Positions: col is the column where the node starts, ind
// the indentation (in spaces) of continuation lines, ld the number of
// closing characters that must follow the node on its last line, and w
// the number of characters already on the line since the last break,
// which line_max_chars limits.

// fits reports whether size characters fit on the line at col.
func (p *ppPrinter) fits(size, col, ld, w int) bool {
	return size < p.ll-col-ld && size+w+ld <= p.m
}

// fitsAfter reports whether an element of size characters (with its
// comma) can follow the previous one on the same line; ld1 is what must
// follow it there.
func (p *ppPrinter) fitsAfter(size, col, ld1, w int) bool {
	if ld1 == 0 {
		return size+1 < p.ll-col && w+size+1 <= p.m
	}
	return size < p.ll-col-ld1 && w+size+ld1 <= p.m
}

// ppLastDepth is what must follow the item at i of a sequence on its line:
// nothing more than a comma when a further element follows, else the
// closing characters.
func ppLastDepth(items []ppNode, tailed bool, i, ld int) int {
	if i+1 < len(items) && !(tailed && i+1 == len(items)-1) {
		return 0
	}
	return ld + 1
}

// newline starts a new line indented by ind spaces.
func (p *ppPrinter) newline(ind int) {
	const spaces = "                                                                "
	p.out = append(p.out, '\n')
	for ; ind > len(spaces); ind -= len(spaces) {
		p.out = append(p.out, spaces...)
	}
	p.out = append(p.out, spaces[:max(ind, 0)]...)
}

// pp lays n out starting at column col.
func (p *ppPrinter) pp(n *ppNode, col, ind, ld, w int) {
	if p.fits(n.size, col, ld, w) {
		p.write(n)
		return
	}
	switch n.kind {
	case ppList:
		p.out = append(p.out, '[')
		p.ppItems(n.items, n.tailed, col+1, ind+1, ld, '|', w+1)
		p.out = append(p.out, ']')
	case ppTuple:
		p.out = append(p.out, '{')
		if n.tagged {
			p.ppTagged(n.items, n.tailed, col, ind, ld, w+1)
		} else {
			p.ppItems(n.items, n.tailed, col+1, ind+1, ld, ',', w+1)
		}
		p.out = append(p.out, '}')
	case ppMap:
		p.out = append(p.out, "#{"...)
		p.ppPairs(n.items, n.tailed, col+2, ind+2, ld, w+1)
		p.out = append(p.out, '}')
	case ppBin:
		p.ppBinary(n, col+2, ind+2, ld, w)
	case ppRecord:
		name := &n.items[0]
		p.write(name)
		p.out = append(p.out, '{')
		p.ppFields(n.items[1:], n.tailed, name.size, col, ind, ld, w+name.size+1)
		p.out = append(p.out, '}')
	default:
		p.write(n)
	}
}

// recIndent is io_lib_pretty's rec_indent: where what follows a record's
// name (rind characters, #name{) or a field's name (name = ) goes. It
// stays on the line, rind further on, unless that is more than the
// indentation of tagged tuples; then it goes on a new line (nl), indented
// by that. It returns the column, the indentation and the characters on
// the line that the next part starts with.
func (p *ppPrinter) recIndent(rind, col, ind, w int) (col1, ind1, w1 int, nl bool) {
	nl = p.tind > 0 && rind > p.tind
	d := rind
	if nl {
		d, w = p.tind, 0
	}
	return col + d, ind + d, w, nl
}

// ppFields lays out the fields of a record, whose name is nlen
// characters long and starts at col.
func (p *ppPrinter) ppFields(fields []ppNode, tailed bool, nlen, col, ind, ld, w int) {
	if len(fields) == 0 {
		return
	}
	if ppOnlyDots(fields, tailed) {
		p.out = append(p.out, "..."...)
		return
	}
	col, ind, w, nl := p.recIndent(nlen+1, col, ind, w)
	if nl {
		p.newline(ind)
	}
	fw := p.ppField(&fields[0], col, ind, ppLastDepth(fields, tailed, 0, ld), w)
	col0 := col
	col, w = col+fw, w+fw
	for i := 1; i < len(fields); i++ {
		e := &fields[i]
		if tailed && i == len(fields)-1 {
			p.out = append(p.out, ",..."...)
			return
		}
		ld1 := ppLastDepth(fields, tailed, i, ld)
		if e.items[1].atomic() && p.fitsAfter(e.size+1, col, ld1, w) {
			p.out = append(p.out, ',')
			p.write(e)
			col += e.size + 1
			w += e.size + 1
			continue
		}
		p.out = append(p.out, ',')
		p.newline(ind)
		fw := p.ppField(e, col0, ind, ld1, 0)
		col, w = col0+fw, fw
	}
}

// ppField lays out Name = Value, the value on a new line when the name is
// long, and returns its width as ppElement does.
func (p *ppPrinter) ppField(e *ppNode, col, ind, ld, w int) int {
	if p.fits(e.size, col, ld, w) {
		p.write(e)
		if e.items[1].atomic() {
			return e.size
		}
		return p.ll
	}
	name := &e.items[0]
	col, ind, w, nl := p.recIndent(name.size+3, col, ind, w+name.size+3)
	p.write(name)
	if nl {
		p.out = append(p.out, " ="...)
		p.newline(ind)
	} else {
		p.out = append(p.out, " = "...)
	}
	p.pp(&e.items[1], col, ind, ld, w)
	return p.ll
}

// ppOnlyDots reports whether a sequence is nothing but an elision.
func ppOnlyDots(items []ppNode, tailed bool) bool {
	return len(items) == 0 || tailed && len(items) == 1 && items[0].kind == ppDots
}

// ppTagged lays out the elements of a tagged tuple: the tag first, the
// others aligned after it, or indented by p.tind when the tag is long.
func (p *ppPrinter) ppTagged(items []ppNode, tailed bool, col, ind, ld, w int) {
	if ppOnlyDots(items, tailed) {
		p.out = append(p.out, "..."...)
		return
	}
	tag := &items[0]
	tagInd := tag.size + 2
	p.write(tag)
	if p.tind > 0 && tagInd > p.tind {
		p.ppTail(items, tailed, 1, col+p.tind, col+tagInd, ind+p.tind, ld, ',', w+tag.size)
		return
	}
	p.out = append(p.out, ',')
	p.ppItems(items[1:], tailed, col+tagInd, ind+tagInd, ld, ',', w+tag.size+1)
}

// ppItems lays out the elements of a list or tuple, the first at col0;
// sep goes before an improper tail or elision.
func (p *ppPrinter) ppItems(items []ppNode, tailed bool, col0, ind, ld int, sep byte, w int) {
	if ppOnlyDots(items, tailed) {
		p.out = append(p.out, "..."...)
		return
	}
	we := p.ppElement(&items[0], col0, ind, ppLastDepth(items, tailed, 0, ld), w)
	p.ppTail(items, tailed, 1, col0, col0+we, ind, ld, sep, w+we)
}

// ppTail lays out items[i:], which follow an element that ends at col.
func (p *ppPrinter) ppTail(items []ppNode, tailed bool, i, col0, col, ind, ld int, sep byte, w int) {
	for ; i < len(items); i++ {
		e := &items[i]
		if tailed && i == len(items)-1 {
			switch {
			case e.kind == ppDots:
				p.out = append(p.out, sep)
				p.out = append(p.out, "..."...)
			case e.size+1 < p.ll-col-(ld+1) && e.size+1+w+(ld+1) <= p.m && e.atomic():
				p.out = append(p.out, sep)
				p.write(e)
			default:
				p.out = append(p.out, sep)
				p.newline(ind)
				p.pp(e, col0, ind, ld+1, 0)
			}
			return
		}
		ld1 := ppLastDepth(items, tailed, i, ld)
		if e.atomic() && p.fitsAfter(e.size+1, col, ld1, w) {
			p.out = append(p.out, ',')
			p.write(e)
			col += e.size + 1
			w += e.size + 1
			continue
		}
		p.out = append(p.out, ',')
		p.newline(ind)
		we := p.ppElement(e, col0, ind, ld1, 0)
		col, w = col0+we, we
	}
}

// ppElement lays out one element and returns its width, or the line
// length when it takes more than the rest of the line (so that the next
// element starts a new line).
func (p *ppPrinter) ppElement(e *ppNode, col, ind, ld, w int) int {
	if e.atomic() && p.fits(e.size, col, ld, w) {
		p.write(e)
		return e.size
	}
	p.pp(e, col, ind, ld, w)
	return p.ll
}

func (p *ppPrinter) mapValueIndent() int {
	if p.tind > 0 {
		return p.tind
	}
	return 4
}

// ppPairs lays out the associations of a map.
func (p *ppPrinter) ppPairs(items []ppNode, tailed bool, col0, ind, ld, w int) {
	if ppOnlyDots(items, tailed) {
		p.out = append(p.out, "..."...)
		return
	}
	pw := p.ppPair(&items[0], col0, ind, ppLastDepth(items, tailed, 0, ld), w)
	col, w := col0+pw, pw
	for i := 1; i < len(items); i++ {
		e := &items[i]
		if tailed && i == len(items)-1 {
			p.out = append(p.out, ",..."...)
			return
		}
		ld1 := ppLastDepth(items, tailed, i, ld)
		if e.atomicPair() && p.fitsAfter(e.size+1, col, ld1, w) {
			p.out = append(p.out, ',')
			p.write(e)
			col += e.size + 1
			w += e.size + 1
			continue
		}
		p.out = append(p.out, ',')
		p.newline(ind)
		pw := p.ppPair(e, col0, ind, ld1, 0)
		col, w = col0+pw, pw
	}
}

// ppPair lays out Key => Value, breaking after the arrow when it does
// not fit, and returns its width as ppElement does.
func (p *ppPrinter) ppPair(e *ppNode, col, ind, ld, w int) int {
	if p.fits(e.size, col, ld, w) {
		p.write(e)
		if e.atomicPair() {
			return e.size
		}
		return p.ll
	}
	i := p.mapValueIndent()
	p.pp(&e.items[0], col, ind, ld, w)
	p.out = append(p.out, " =>"...)
	p.newline(ind + i)
	p.pp(&e.items[1], col+i, ind+i, ld, 0)
	return p.ll
}

// ppBinary lays out <<1,2,3>>, filling lines with bytes.
func (p *ppPrinter) ppBinary(n *ppNode, col, ind, ld, w int) {
	width := max(8, min(p.ll-col, p.m-4-w)-ld)
	body := p.text[n.start+2 : n.end-2]
	p.out = append(p.out, "<<"...)
	left := width
	for len(body) > 0 {
		part := body
		comma := false
		for j, c := range body {
			if c == ',' {
				part, comma = body[:j], true
				break
			}
		}
		body = body[len(part):]
		if comma {
			body = body[1:]
			size := len(part) + 1
			if left-size < 0 {
				p.newline(ind)
				left = width - size
			} else {
				left -= size
			}
			p.out = append(p.out, part...)
			p.out = append(p.out, ',')
			continue
		}
		if len(part) > left {
			p.newline(ind)
		}
		p.out = append(p.out, part...)
	}
	p.out = append(p.out, ">>"...)
}

// write writes n on one line.
func (p *ppPrinter) write(n *ppNode) {
	switch n.kind {
	case ppList:
		p.out = append(p.out, '[')
		p.writeItems(n.items, n.tailed, '|')
		p.out = append(p.out, ']')
	case ppTuple:
		p.out = append(p.out, '{')
		p.writeItems(n.items, n.tailed, ',')
		p.out = append(p.out, '}')
	case ppMap:
		p.out = append(p.out, "#{"...)
		p.writeItems(n.items, n.tailed, ',')
		p.out = append(p.out, '}')
	case ppPair:
		p.write(&n.items[0])
		p.out = append(p.out, " => "...)
		p.write(&n.items[1])
	case ppRecord:
		p.write(&n.items[0])
		p.out = append(p.out, '{')
		p.writeItems(n.items[1:], n.tailed, ',')
		p.out = append(p.out, '}')
	case ppField:
		p.write(&n.items[0])
		p.out = append(p.out, " = "...)
		p.write(&n.items[1])
	case ppDots:
		p.out = append(p.out, "..."...)
	default:
		p.out = append(p.out, p.text[n.start:n.end]...)
	}
}

func (p *ppPrinter) writeItems(items []ppNode, tailed bool, sep byte) {
	for i := range items {
		if i > 0 {
			if tailed && i == len(items)-1 {
				p.out = append(p.out, sep)
			} else {
				p.out = append(p.out, ',')
			}
		}
		p.write(&items[i])
	}
}

// check reports whether the layout with tagged-tuple indentation tind
// keeps within bounds: no tuple's elements may be indented beyond half
// the line unless there is room for line_max_chars characters after them.
// It walks the term as pp would lay it out.
func (p *ppPrinter) check(n *ppNode, col, tind, ld, w int) bool {
	if p.fits(n.size, col, ld, w) {
		return true
	}
	switch n.kind {
	case ppList:
		return p.checkItems(n.items, n.tailed, col+1, tind, ld, w+1)
	case ppTuple:
		if n.tagged {
			return p.checkTagged(n.items, n.tailed, col, tind, ld, w+1)
		}
		return p.checkItems(n.items, n.tailed, col+1, tind, ld, w+1)
	case ppMap:
		return p.checkPairs(n.items, n.tailed, col+2, tind, ld, w+2)
	case ppRecord:
		nlen := n.items[0].size
		return p.checkFields(n.items[1:], n.tailed, nlen, col, tind, ld, w+nlen+1)
	}
	return true
}

// checkRec is io_lib_pretty's cind_rec: recIndent, failing when what
// follows would be indented beyond half the line without room for
// line_max_chars characters.
func (p *ppPrinter) checkRec(rind, col, tind, w int) (int, int, bool) {
	nl := tind > 0 && rind > tind
	d := rind
	if nl {
		d, w = tind, 0
	}
	col += d
	return col, w, p.m+col <= p.ll || col <= p.ll/2
}

func (p *ppPrinter) checkFields(fields []ppNode, tailed bool, nlen, col, tind, ld, w int) bool {
	if ppOnlyDots(fields, tailed) {
		return true
	}
	col0, w, ok := p.checkRec(nlen+1, col, tind, w)
	if !ok {
		return false
	}
	fw, ok := p.checkField(&fields[0], col0, tind, ppLastDepth(fields, tailed, 0, ld), w)
	if !ok {
		return false
	}
	col, w = col0+fw, w+fw
	for i := 1; i < len(fields); i++ {
		e := &fields[i]
		if tailed && i == len(fields)-1 {
			return true
		}
		ld1 := ppLastDepth(fields, tailed, i, ld)
		if e.items[1].atomic() && p.fitsAfter(e.size+1, col, ld1, w) {
			col += e.size + 1
			w += e.size + 1
			continue
		}
		fw, ok := p.checkField(e, col0, tind, ld1, 0)
		if !ok {
			return false
		}
		// OTP goes on from the column where the previous field ended,
		// not from the start of the line (cind_fields_tail).
		col, w = col+fw, fw
	}
	return true
}

func (p *ppPrinter) checkField(e *ppNode, col, tind, ld, w int) (int, bool) {
	if p.fits(e.size, col, ld, w) {
		if e.items[1].atomic() {
			return e.size, true
		}
		return p.ll, true
	}
	nameL := e.items[0].size + 3
	col, w, ok := p.checkRec(nameL, col, tind, w+nameL)
	return p.ll, ok && p.check(&e.items[1], col, tind, ld, w)
}

func (p *ppPrinter) checkTagged(items []ppNode, tailed bool, col, tind, ld, w int) bool {
	if ppOnlyDots(items, tailed) {
		return true
	}
	tag := &items[0]
	tagInd := tag.size + 2
	tcol := col + tagInd
	if tind > 0 && tagInd > tind {
		col1 := col + tind
		if p.m+col1 <= p.ll || col1 <= p.ll/2 {
			return p.checkTail(items, tailed, 1, col1, tcol, tind, ld, w+tag.size)
		}
		return false
	}
	if p.m+tcol < p.ll || tcol < p.ll/2 {
		return p.checkItems(items[1:], tailed, tcol, tind, ld, w+tag.size+1)
	}
	return false
}

func (p *ppPrinter) checkItems(items []ppNode, tailed bool, col0, tind, ld, w int) bool {
	if ppOnlyDots(items, tailed) {
		return true
	}
	we, ok := p.checkElement(&items[0], col0, tind, ppLastDepth(items, tailed, 0, ld), w)
	return ok && p.checkTail(items, tailed, 1, col0, col0+we, tind, ld, w+we)
}

func (p *ppPrinter) checkTail(items []ppNode, tailed bool, i, col0, col, tind, ld, w int) bool {
	for ; i < len(items); i++ {
		e := &items[i]
		if tailed && i == len(items)-1 {
			if e.kind == ppDots {
				return true
			}
			if e.size+1 < p.ll-col-(ld+1) && e.size+1+w+(ld+1) <= p.m && e.atomic() {
				return true
			}
			// OTP checks an improper tail at the column where the
			// previous element ended, not where it would be laid out.
			return p.check(e, col, tind, ld+1, 0)
		}
		ld1 := ppLastDepth(items, tailed, i, ld)
		if e.atomic() && p.fitsAfter(e.size+1, col, ld1, w) {
			col += e.size + 1
			w += e.size + 1
			continue
		}
		we, ok := p.checkElement(e, col0, tind, ld1, 0)
		if !ok {
			return false
		}
		col, w = col0+we, we
	}
	return true
}

func (p *ppPrinter) checkElement(e *ppNode, col, tind, ld, w int) (int, bool) {
	if e.atomic() && p.fits(e.size, col, ld, w) {
		return e.size, true
	}
	return p.ll, p.check(e, col, tind, ld, w)
}

func (p *ppPrinter) checkPairs(items []ppNode, tailed bool, col0, tind, ld, w int) bool {
	if ppOnlyDots(items, tailed) {
		return true
	}
	pw, ok := p.checkPair(&items[0], col0, tind, ppLastDepth(items, tailed, 0, ld), w)
	if !ok {
		return false
	}
	col, w := col0+pw, w+pw
	for i := 1; i < len(items); i++ {
		e := &items[i]
		if tailed && i == len(items)-1 {
			return true
		}
		ld1 := ppLastDepth(items, tailed, i, ld)
		if e.atomicPair() && p.fitsAfter(e.size+1, col, ld1, w) {
			col += e.size + 1
			w += e.size + 1
			continue
		}
		pw, ok := p.checkPair(e, col0, tind, ld1, 0)
		if !ok {
			return false
		}
		col, w = col0+pw, pw
	}
	return true
}

func (p *ppPrinter) checkPair(e *ppNode, col, tind, ld, w int) (int, bool) {
	if p.fits(e.size, col, ld, w) {
		if e.atomicPair() {
			return e.size, true
		}
		return p.ll, true
	}
	i := 4
	if tind > 0 {
		i = tind
	}
	ok := p.check(&e.items[0], col, tind, ld, w) && p.check(&e.items[1], col+i, tind, ld, 0)
	return p.ll, ok
}

package shell

import (
	"math/big"
	"strings"
	"unicode/utf8"

	"github.com/scalability-go/otpbook/otp/term"
)

// Expressions printed as erl_pp prints them, which is how rl() lists the
// record definitions: erl_pp builds a layout of items from the syntax
// tree (lexpr) and lays it out in 72 columns (f), putting what fits on
// one line and breaking what does not, 4 more spaces in. The items and
// the layout follow erl_pp of OTP 25; the comments name its functions.

const (
	epLineWidth = 72 // erl_pp's DEFAULT_LINEWIDTH
	epIndent    = 4  // erl_pp's DEFAULT_INDENT
)

// An epItem is one of erl_pp's layout items.
type epItem any

type (
	// epLeaf is {leaf, Length, Chars}, and the atoms and reserved words
	// that become leaves: text printed as it is, atomic for the layout.
	epLeaf struct {
		s string
		n int
	}
	// epChar is a character item, $, in erl_pp: one character, not atomic.
	epChar byte
	// epText is text that is not atomic: {char, C}, a string written
	// as one leaf, the "fun " of a fun reference.
	epText string
	// epCat is [Item | Items]: items one after the other.
	epCat []epItem
	// epList is {list, Items}: on one line, separated by spaces, or else
	// one under the other.
	epList []epItem
	// epFirst is {first, E, Item}: Item after E, indented by E's width.
	epFirst struct{ e, item epItem }
	// epSeq is {seq, Before, After, Separator, Items}.
	epSeq struct {
		before, after epItem
		sep           epSep
		items         []epItem
	}
	// epStep is {step, I1, I2}: I2 after I1, or on a new line indented.
	epStep struct{ a, b epItem }
	// epCStep is {cstep, I1, I2}: as epStep, but I2 stays on I1's line
	// when I1 is narrower than the indentation.
	epCStep struct{ a, b epItem }
	// epPreferNL is {prefer_nl, Sep, Items}: items on lines of their own.
	epPreferNL struct {
		sep   epSep
		items []epItem
	}
	// epReserved is {reserved, Item}: an operator or keyword, not atomic.
	epReserved struct{ item epItem }
	// epString is {string, S}: a string, split over lines when long.
	epString string
)

// epSep is a separator of a sequence: what follows each item but the last
// two, what follows the one before the last, and whether it is a list
// (then items on one line are also separated by a space).
type epSep struct {
	sep, last epItem
	spaced    bool
}

var (
	epSepNone  = epSep{spaced: true}                                       // [[]]
	epSepComma = epSep{sep: epChar(','), last: epChar(','), spaced: true}  // [$,]
	epSepSemi  = epSep{sep: epChar(';'), last: epChar(';'), spaced: true}  // [$;]
	epSepTail  = epSep{sep: epChar(','), last: epWord(" |"), spaced: true} // [{$,, ' |'}]
	epSepBits  = epSep{sep: epChar(','), last: epChar(',')}                // $,
	epSepGuard = epSep{sep: epChar(';'), last: epChar(';')}                // $;
	epSepEmpty = epSep{}                                                   // []
)

func epWord(s string) epLeaf { return epLeaf{s, utf8.RuneCountInString(s)} }

// epSize is the size of laid out text: its width, or with line set the
// width of its last line counted from the start of the line ({line, N}).
type epSize struct {
	n    int
	line bool
}

func (s epSize) zero() bool { return s.n == 0 && !s.line }

type epOut struct {
	s    string
	size epSize
}

// epFormat lays an item out from indentation i0, as erl_pp's frmt does.
func epFormat(it epItem, i0 int) string {
	return epF(it, i0).s
}

// epF is erl_pp's f.
func epF(it epItem, i0 int) epOut {
	switch x := it.(type) {
	case nil:
		return epOut{}
	case epLeaf:
		return epOut{x.s, epSize{n: x.n}}
	case epChar:
		return epOut{string(rune(x)), epSize{n: 1}}
	case epText:
		return epOut{string(x), epSize{n: utf8.RuneCountInString(string(x))}}
	case epCat:
		if len(x) == 0 {
			return epOut{}
		}
		return epConsecutive(x[1:], epF(x[0], i0), i0)
	case epList:
		return epF(epSeq{sep: epSepNone, items: x}, i0)
	case epFirst:
		return epF(epSeq{before: x.e, sep: epSepNone, items: []epItem{x.item}}, i0)
	case epSeq:
		return epFSeq(x, i0)
	case epPreferNL:
		pairs := epFL(x.items, x.sep, i0, nil)
		var last epSize
		any := false
		for _, p := range pairs {
			for _, o := range p {
				if !o.size.zero() {
					last, any = o.size, true
				}
			}
		}
		if !any {
			return epOut{}
		}
		var parts []string
		for _, o := range epHandleStep(pairs, i0) {
			if !o.size.zero() {
				parts = append(parts, o.s)
			}
		}
		return epOut{strings.Join(parts, epNLIndent(i0)), epNSZ(last, i0)}
	case epReserved:
		return epF(x.item, i0)
	case epString:
		return epF(epWriteString(string(x), i0), i0)
	}
	panic("shell: erl_pp: unknown item")
}

// epConsecutive is erl_pp's consecutive: items after first, each at the
// indentation where the one before ended.
func epConsecutive(items []epItem, first epOut, i0 int) epOut {
	var b strings.Builder
	var sizes []epSize
	add := func(o epOut) {
		if !o.size.zero() {
			b.WriteString(o.s)
			sizes = append(sizes, o.size)
		}
	}
	add(first)
	at := epIndentAfter(first.size, i0)
	for _, it := range items {
		o := epF(it, at)
		add(o)
		at = epIndentAfter(o.size, at)
	}
	return epOut{b.String(), epLineSize(sizes)}
}

// epIndentAfter is erl_pp's indent/2: the indentation after text of size s
// that started at i.
func epIndentAfter(s epSize, i int) int {
	if s.line {
		return s.n
	}
	return i + s.n
}

func epLineSize(sizes []epSize) epSize {
	var out epSize
	for _, s := range sizes {
		if s.line {
			out = epSize{n: s.n, line: true}
		} else {
			out.n += s.n
		}
	}
	return out
}

// epNSZ is erl_pp's nsz: a size as the width of the last line.
func epNSZ(s epSize, i int) epSize {
	if s.line {
		return s
	}
	return epSize{n: s.n + i, line: true}
}

func epNLIndent(i int) string { return "\n" + strings.Repeat(" ", i) }

func epFSeq(x epSeq, i0 int) epOut {
	before := epF(x.before, i0)
	i := epIndentAfter(before.size, i0)
	pairs := epFL(x.items, x.sep, i, x.after)
	var chars []string
	var sizes []epSize
	if !before.size.zero() {
		sizes = append(sizes, before.size)
	}
	for _, p := range pairs {
		for _, o := range p {
			if !o.size.zero() {
				chars = append(chars, o.s)
				sizes = append(sizes, o.size)
			}
		}
	}
	nsep := 0
	if x.sep.spaced {
		nsep = max(0, len(chars)-1)
	}
	bs := ""
	if !before.size.zero() {
		bs = before.s
	}
	if size, ok := epSameLine(i0, sizes, nsep); ok {
		sep := ""
		if nsep > 0 {
			sep = " "
		}
		return epOut{bs + strings.Join(chars, sep), epSize{n: size}}
	}
	list := epHandleStep(pairs, i)
	l := epMaybeNewlines(list, x.items, i, nsep)
	return epOut{bs + l.s, epNSZ(l.size, i0)}
}

func epSameLine(i0 int, sizes []epSize, nsep int) (int, bool) {
	size := nsep
	for _, s := range sizes {
		if s.line {
			return 0, false
		}
		size += s.n
	}
	return size, i0+size <= epLineWidth
}

// epFL is erl_pp's fl: each item with the separator that follows it, as a
// pair: the item, and what a step puts after it (else nothing).
func epFL(items []epItem, sep epSep, i0 int, after epItem) [][2]epOut {
	if len(items) == 0 {
		return [][2]epOut{{epF(after, i0), {}}}
	}
	f := func(it, s epItem) [2]epOut {
		switch x := it.(type) {
		case epStep:
			return [2]epOut{epF(x.a, i0), epF(epCat{x.b, s}, i0+epIndent)}
		case epCStep:
			o1 := epF(x.a, i0)
			if !o1.size.line && o1.size.n < epIndent {
				return [2]epOut{epConsecutive([]epItem{epWord(" "), x.b, s}, o1, i0), {}}
			}
			return [2]epOut{o1, epF(epCat{x.b, s}, i0+epIndent)}
		}
		return [2]epOut{epF(epCat{it, s}, i0), {}}
	}
	out := make([][2]epOut, len(items))
	for k, it := range items {
		s := sep.sep
		switch k {
		case len(items) - 1:
			s = after
		case len(items) - 2:
			s = sep.last
		}
		out[k] = f(it, s)
	}
	return out
}

// epHandleStep puts the second part of each step on a line of its own.
func epHandleStep(pairs [][2]epOut, i int) []epOut {
	out := make([]epOut, len(pairs))
	for k, p := range pairs {
		switch {
		case p[0].size.zero() && p[1].size.zero():
		case p[1].size.zero():
			out[k] = p[0]
		default:
			out[k] = epOut{p[0].s + epNLIndent(i+epIndent) + p[1].s, epLineSize([]epSize{p[0].size, p[1].size})}
		}
	}
	return out
}

// epAtomic is erl_pp's classify_item.
func epAtomic(it epItem) bool {
	_, ok := it.(epLeaf)
	return ok
}

// epMaybeNewlines lays out items that do not fit on one line: atomic ones
// (atoms, numbers, variables) filling lines, the others each on its own.
func epMaybeNewlines(list []epOut, items []epItem, i0, nsep int) epOut {
	if len(list) == 1 && len(items) == 0 {
		return list[0]
	}
	nl := epNLIndent(i0)
	var b strings.Builder
	b.WriteString(list[0].s)
	sz := list[0].size
	i := epLineWidth + 1
	if epAtomic(items[0]) {
		i = i0 + list[0].size.n
	}
	for k := 1; k < len(list) && k < len(items); k++ {
		o := list[k]
		if !epAtomic(items[k]) || o.size.line {
			b.WriteString(nl)
			b.WriteString(o.s)
			i, sz = epLineWidth+1, epSize{}
			continue
		}
		s1 := o.size.n + 1
		if i+s1 <= epLineWidth {
			if nsep > 0 {
				b.WriteByte(' ')
			}
			b.WriteString(o.s)
			i += s1
			sz.n += s1
			continue
		}
		b.WriteString(nl)
		b.WriteString(o.s)
		i, sz = i0+o.size.n, epSize{n: s1}
	}
	return epOut{b.String(), sz}
}

// epWriteString is erl_pp's write_a_string: a string in pieces that fit
// the line from indentation i, one under the other when they do not fit
// together.
func epWriteString(s string, i int) epItem {
	if s == "" {
		return epWord(`""`)
	}
	n := max(epLineWidth-i, 5)
	rs := []rune(s)
	var parts epList
	for len(rs) > 0 {
		k := min(n, len(rs))
		for {
			q := term.QuoteString(string(rs[:k]), false)
			if utf8.RuneCountInString(q) > n && k > 5 {
				k--
				continue
			}
			parts = append(parts, epWord(q))
			break
		}
		rs = rs[k:]
	}
	return parts
}

// Precedences of operators, as erl_parse gives them: {Left, Prec, Right}
// of infix operators, {Prec, Right} of prefix ones.
var epInfix = map[string][3]int{
	"=": {150, 100, 100}, "!": {150, 100, 100},
	"orelse": {160, 150, 150}, "andalso": {200, 160, 160},
	"==": {300, 200, 300}, "/=": {300, 200, 300}, "=<": {300, 200, 300}, "<": {300, 200, 300},
	">=": {300, 200, 300}, ">": {300, 200, 300}, "=:=": {300, 200, 300}, "=/=": {300, 200, 300},
	"++": {400, 300, 300}, "--": {400, 300, 300},
	"+": {400, 400, 500}, "-": {400, 400, 500}, "bor": {400, 400, 500}, "bxor": {400, 400, 500},
	"bsl": {400, 400, 500}, "bsr": {400, 400, 500}, "or": {400, 400, 500}, "xor": {400, 400, 500},
	"*": {500, 500, 600}, "/": {500, 500, 600}, "div": {500, 500, 600}, "rem": {500, 500, 600},
	"band": {500, 500, 600}, "and": {500, 500, 600},
	"#": {800, 700, 800}, ":": {900, 800, 900}, ".": {900, 900, 1000},
}

var epPrefix = map[string][2]int{
	"catch": {700, 100}, "+": {600, 700}, "-": {600, 700}, "bnot": {600, 700},
	"not": {600, 700}, "#": {700, 800},
}

const (
	epFuncPrec = 800 // func_prec(): {800, 700}
	epFuncP    = 700
	epMaxPrec  = 900
)

func epParen(p, prec int, it epItem) epItem {
	if p < prec {
		return epCat{epChar('('), it, epChar(')')}
	}
	return it
}

func epAtom(a term.Atom) epItem { return epWord(term.Pretty(a, term.PrintOptions{})) }

// epExpr is erl_pp's lexpr: the layout of an expression at precedence
// prec.
func epExpr(x Expr, prec int) epItem {
	if px := evPointer(x); px != nil {
		x = px
	}
	switch x := x.(type) {
	case *Var:
		return epWord(x.Name)
	case *Lit:
		switch v := x.Val.(type) {
		case term.Atom:
			return epAtom(v)
		case string:
			return epString(v)
		case int, *big.Int, float64:
			return epWord(term.Write(v))
		}
		return epWord(term.Write(x.Val))
	case *List:
		elems, tail := x.Elems, x.Tail
		for {
			t, ok := epDeref(tail).(*List)
			if tail == nil || !ok {
				break
			}
			elems = append(elems[:len(elems):len(elems)], t.Elems...)
			tail = t.Tail
		}
		if len(elems) == 0 && tail == nil {
			return epWord("[]")
		}
		items := epExprs(elems)
		if tail == nil {
			return epSeq{before: epChar('['), after: epChar(']'), sep: epSepComma, items: items}
		}
		if len(elems) == 0 {
			return epExpr(tail, prec)
		}
		return epSeq{before: epChar('['), after: epChar(']'), sep: epSepTail, items: append(items, epExpr(tail, 0))}
	case *Tuple:
		return epTuple(epExprs(x.Elems))
	case *Map:
		var fs []epItem
		for _, a := range x.Assocs {
			op := " =>"
			if a.Exact {
				op = " :="
			}
			fs = append(fs, epList{epStep{epCat{epExpr(a.Key, 0), epWord(op)}, epExpr(a.Val, 0)}})
		}
		if x.Base == nil {
			return epParen(700, prec, epFirst{epChar('#'), epTuple(fs)})
		}
		return epParen(700, prec, epFirst{epCat{epExpr(x.Base, 800), epHashAfter(x.Base, "#")}, epTuple(fs)})
	case *Match:
		return epParen(100, prec, epList{epCStep{epCat{epExpr(x.Left, 150), epWord(" =")}, epExpr(x.Right, 100)}})
	case *BinOp:
		p := epInfix[x.Op]
		l, op, r := epExpr(x.Left, p[0]), epReserved{epWord(x.Op)}, epExpr(x.Right, p[2])
		if x.Op == "andalso" || x.Op == "orelse" {
			return epParen(p[1], prec, epPreferNL{sep: epSepNone, items: []epItem{l, op, r}})
		}
		return epParen(p[1], prec, epList{l, op, r})
	case *UnOp:
		p := epPrefix[x.Op]
		op := x.Op
		if op != "+" && op != "-" {
			op += " "
		}
		return epParen(p[0], prec, epCat{epReserved{epWord(op)}, epExpr(x.X, p[1])})
	case *Call:
		var name epItem
		switch {
		case x.Module == nil:
			name = epExpr(x.Fun, epFuncPrec)
		default:
			m, okm := epAtomLit(x.Module)
			f, okf := epAtomLit(x.Fun)
			if okm && okf && m == "erlang" && f != "float" && evAutoImported[evFA{f, len(x.Args)}] {
				name = epAtom(f)
			} else {
				name = epParen(800, epFuncPrec, epCat{epExpr(x.Module, 900), epChar(':'), epExpr(x.Fun, 900)})
			}
		}
		return epParen(epFuncP, prec, epFirst{name, epArgs(x.Args)})
	case *FunRef:
		if x.Module == nil {
			arity := epExpr(x.Arity, 0)
			if l, ok := epDeref(x.Arity).(*Lit); ok {
				arity = epWord("/" + term.Write(l.Val))
			}
			return epCat{epWord("fun "), epExpr(x.Name, 0), arity}
		}
		return epCat{epText("fun "), epExpr(x.Module, 0), epChar(':'), epExpr(x.Name, 0), epChar('/'), epExpr(x.Arity, 0)}
	case *Fun:
		var cs []epItem
		for i := range x.Clauses {
			c := &x.Clauses[i]
			head := epGuardWhen(epArgs(c.Patterns), c.Guards)
			if x.Name != "" {
				head = epCat{epText(x.Name), head}
			}
			cs = append(cs, epStep{head, epBody(c.Body)})
		}
		first := epItem(epWord("fun"))
		if x.Name != "" {
			first = epCat{epWord("fun"), epText(" ")}
		}
		return epList{epFirst{first, epPreferNL{sep: epSepSemi, items: cs}}, epReserved{epWord("end")}}
	case *Case:
		return epList{
			epStep{epList{epStep{epWord("case"), epExpr(x.X, 0)}, epReserved{epWord("of")}}, epCRClauses(x.Clauses)},
			epReserved{epWord("end")},
		}
	case *If:
		var cs []epItem
		for i := range x.Clauses {
			c := &x.Clauses[i]
			cs = append(cs, epStep{epCat{epGuardNoWhen(c.Guards), epWord(" ->")}, epBody(c.Body)})
		}
		return epList{epStep{epWord("if"), epPreferNL{sep: epSepSemi, items: cs}}, epReserved{epWord("end")}}
	case *Receive:
		items := []epItem{epStep{epWord("receive"), epCRClauses(x.Clauses)}}
		if x.After != nil {
			items = append(items, epStep{epWord("after"), epList{epStep{epCat{epExpr(x.After, 0), epWord(" ->")}, epBody(x.AfterBody)}}})
		}
		return epList(append(items, epReserved{epWord("end")}))
	case *Try:
		var items epList
		if len(x.Of) == 0 {
			items = append(items, epStep{epWord("try"), epBody(x.Body)})
		} else {
			items = append(items, epStep{epList{epStep{epWord("try"), epBody(x.Body)}, epReserved{epWord("of")}}, epCRClauses(x.Of)})
		}
		if len(x.Catch) > 0 {
			var cs []epItem
			for i := range x.Catch {
				c := &x.Catch[i]
				class := epItem(epWord("throw"))
				if c.Class != nil {
					class = epExpr(c.Class, 0)
				}
				head := epCat{class, epChar(':'), epExpr(c.Pattern, 0)}
				if c.Stack != nil {
					if v, ok := epDeref(c.Stack).(*Var); !ok || v.Name != "_" {
						head = append(head, epChar(':'), epExpr(c.Stack, 0))
					}
				}
				cs = append(cs, epStep{epGuardWhen(head, c.Guards), epBody(c.Body)})
			}
			items = append(items, epStep{epWord("catch"), epPreferNL{sep: epSepSemi, items: cs}})
		}
		if len(x.After) > 0 {
			items = append(items, epStep{epWord("after"), epBody(x.After)})
		}
		return append(items, epReserved{epWord("end")})
	case *Catch:
		return epParen(700, prec, epList{epStep{epWord("catch"), epExpr(x.X, 100)}})
	case *Block:
		return epList{epStep{epWord("begin"), epBody(x.Body)}, epReserved{epWord("end")}}
	case *ListComp:
		var qs []epItem
		for _, q := range x.Quals {
			if pq := evPointer(q); pq != nil {
				q = pq
			}
			switch g := q.(type) {
			case *Generator:
				qs = append(qs, epList{epStep{epCat{epExpr(g.Pattern, 0), epWord(" <-")}, epExpr(g.List, 0)}})
			case *BinGenerator:
				qs = append(qs, epList{epStep{epCat{epExpr(g.Pattern, 0), epWord(" <=")}, epExpr(g.Bin, 0)}})
			default:
				qs = append(qs, epExpr(q, 0))
			}
		}
		open, close, eprec := epItem(epChar('[')), epItem(epChar(']')), 0
		if x.Binary {
			open, close, eprec = epWord("<<"), epWord(">>"), epMaxPrec
		}
		lc := epList{epStep{epCat{epExpr(x.Elem, eprec), epWord(" ||")}, epPreferNL{sep: epSepComma, items: qs}}}
		// {force_nl, leaf(" "), [Lcl]}, at an indentation that is not
		// negative.
		return epList{epSeq{before: open, sep: epSepNone, items: []epItem{epPreferNL{sep: epSepEmpty, items: []epItem{epWord(" "), epCat{lc}}}}}, close}
	case *Bin:
		if len(x.Segs) == 0 {
			return epWord("<<>>")
		}
		var segs []epItem
		for _, s := range x.Segs {
			seg := epCat{epExpr(s.Val, epMaxPrec)}
			if s.Size != nil {
				seg = append(seg, epChar(':'), epExpr(s.Size, epMaxPrec))
			}
			for i, t := range s.Types {
				if i == 0 {
					seg = append(seg, epChar('/'))
				} else {
					seg = append(seg, epChar('-'))
				}
				seg = append(seg, epWord(t))
			}
			segs = append(segs, seg)
		}
		return epCat{epWord("<<"), epSeq{sep: epSepBits, items: segs}, epWord(">>")}
	case *Record:
		name := epCat{epChar('#'), epAtom(x.Name)}
		fields := epRecordFields(x.Fields)
		if x.Base == nil {
			return epParen(700, prec, epFirst{name, fields})
		}
		return epParen(700, prec, epFirst{epCat{epExpr(x.Base, 800), epHashAfter(x.Base, ""), name}, fields})
	case *RecordIndex:
		return epParen(700, prec, epCat{epChar('#'), epAtom(x.Name), epChar('.'), epAtom(x.Field)})
	case *RecordAccess:
		return epParen(700, prec, epCat{epExpr(x.X, 800), epHashAfter(x.X, "#"), epAtom(x.Name), epChar('.'), epAtom(x.Field)})
	}
	return epWord("INVALID-FORM")
}

func epAtomLit(x Expr) (term.Atom, bool) {
	if px := evPointer(x); px != nil {
		x = px
	}
	return evAtomLit(x)
}

// epHashAfter is erl_pp's hash_after_integer: a space between an integer
// and the # that follows it.
func epHashAfter(x Expr, hash string) epItem {
	if l, ok := epDeref(x).(*Lit); ok {
		switch l.Val.(type) {
		case int, *big.Int:
			return epText(" " + hash)
		}
	}
	if _, ok := epDeref(x).(*FunRef); ok {
		return epText(" " + hash)
	}
	if hash == "" {
		return nil
	}
	return epChar(hash[0])
}

func epExprs(xs []Expr) []epItem {
	out := make([]epItem, len(xs))
	for i, x := range xs {
		out[i] = epExpr(x, 0)
	}
	return out
}

func epTuple(items []epItem) epItem {
	if len(items) == 0 {
		return epWord("{}")
	}
	return epSeq{before: epChar('{'), after: epChar('}'), sep: epSepComma, items: items}
}

func epArgs(xs []Expr) epItem {
	return epSeq{before: epChar('('), after: epChar(')'), sep: epSepComma, items: epExprs(xs)}
}

func epBody(xs []Expr) epItem {
	if len(xs) == 1 {
		return epExpr(xs[0], 0)
	}
	return epPreferNL{sep: epSepComma, items: epExprs(xs)}
}

// epGuardWhen is erl_pp's guard_when: Before when Guard ->.
func epGuardWhen(before epItem, guards [][]Expr) epItem {
	var g epItem
	if len(guards) > 0 {
		g = epList{epStep{epWord("when"), epGuardSeq(guards, epSepSemi)}}
	}
	return epCat{epList{epStep{before, g}}, epWord(" ->")}
}

func epGuardNoWhen(guards [][]Expr) epItem {
	if len(guards) == 0 {
		return epWord("true")
	}
	return epGuardSeq(guards, epSepGuard)
}

func epGuardSeq(guards [][]Expr, sep epSep) epItem {
	gs := make([]epItem, len(guards))
	for i, g := range guards {
		gs[i] = epSeq{sep: epSepComma, items: epExprs(g)}
	}
	return epSeq{sep: sep, items: gs}
}

func epCRClauses(cs []Clause) epItem {
	items := make([]epItem, len(cs))
	for i := range cs {
		c := &cs[i]
		var pat epItem
		if len(c.Patterns) > 0 {
			pat = epExpr(c.Patterns[0], 0)
		}
		items[i] = epStep{epGuardWhen(pat, c.Guards), epBody(c.Body)}
	}
	return epPreferNL{sep: epSepSemi, items: items}
}

func epRecordFields(fs []RecordField) epItem {
	items := make([]epItem, len(fs))
	for i, f := range fs {
		items[i] = epList{epCStep{epCat{epAtom(f.Name), epWord(" =")}, epExpr(f.Val, 100)}}
	}
	return epTuple(items)
}

// epRecordDef is the layout of a record definition as erl_pp prints the
// attribute: -record(Name,{Field, Field = Default, Field :: Type}).
func epRecordDef(d RecordDef) string {
	items := make([]epItem, len(d.Fields))
	for i, f := range d.Fields {
		var it epItem = epAtom(f.Name)
		if f.Default != nil {
			v := epExpr(f.Default, 100)
			if f.Type != "" {
				v = epTyped(v, f.Type)
			}
			it = epList{epCStep{epCat{it, epWord(" =")}, v}}
		} else if f.Type != "" {
			it = epTyped(it, f.Type)
		}
		items[i] = it
	}
	head := epCat{epWord("-record("), epAtom(d.Name), epChar(',')}
	return epFormat(epCat{epFirst{head, epTuple(items)}, epChar(')'), epWord(".\n")}, 0)
}

// epTyped is erl_pp's typed: Item :: Type, the type as its text.
func epTyped(it epItem, typ string) epItem {
	return epList{epCStep{epCat{it, epWord(" ::")}, epWord(typ)}}
}

// epDeref returns x as a pointer to its node, whichever way it is given.
func epDeref(x Expr) Expr {
	if px := evPointer(x); px != nil {
		return px
	}
	return x
}

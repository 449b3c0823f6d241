package shell

import (
	"strings"

	"github.com/scalability-go/otpbook/otp/term"
)

// The primary expressions: erl_parse's expr_max and, in patterns,
// pat_expr_max with the map and record patterns.

// exprMax reads a variable, a literal, a list, binary or tuple (or a
// comprehension), a parenthesized expression, or a begin, if, case,
// receive, fun or try expression.
func (p *parser) exprMax() Expr {
	if e := p.atomic(); e != nil {
		return e
	}
	t := p.tok
	switch {
	case t.kind == tVar:
		p.advance()
		return &Var{Pos: posOf(t), Name: t.text}
	case t.kind != tPunct:
		p.fail()
	case t.text == "[":
		return p.list(true)
	case t.text == "<<":
		return p.binaryExpr(true)
	case t.text == "{":
		return p.tuple()
	case t.text == "(":
		p.advance()
		e := p.expr()
		p.expect(")")
		return e
	case t.text == "begin":
		p.advance()
		body := p.exprs()
		p.expect("end")
		return &Block{Pos: posOf(t), Body: body}
	case t.text == "if":
		return p.ifExpr()
	case t.text == "case":
		return p.caseExpr()
	case t.text == "receive":
		return p.receiveExpr()
	case t.text == "fun":
		return p.funExpr()
	case t.text == "try":
		return p.tryExpr()
	}
	p.fail()
	return nil
}

// patPrimary reads an operand of a pattern: a variable, a literal, a
// list, binary or tuple, a parenthesized pattern, or a map or record
// pattern (#{...}, #r{...}, #r.f).
func (p *parser) patPrimary() Expr {
	if e := p.atomic(); e != nil {
		return e
	}
	t := p.tok
	switch {
	case t.kind == tVar:
		p.advance()
		return &Var{Pos: posOf(t), Name: t.text}
	case t.kind != tPunct:
		p.fail()
	case t.text == "[":
		return p.list(false)
	case t.text == "<<":
		return p.binaryExpr(false)
	case t.text == "{":
		return p.tuple()
	case t.text == "(":
		p.advance()
		e := p.pattern()
		p.expect(")")
		return e
	case t.text == "#":
		p.advance()
		if p.is("{") {
			return &Map{Pos: posOf(t), Assocs: p.mapFields()}
		}
		return p.recordOp(posOf(t), nil)
	}
	p.fail()
	return nil
}

// atomic reads a literal (adjacent strings joined), or the text of a
// pid, port, reference or fun; it returns nil if the current token is not
// one.
func (p *parser) atomic() Expr {
	t := p.tok
	at := posOf(t)
	switch t.kind {
	case tInt, tFloat, tChar, tAtom:
		p.advance()
		return &Lit{Pos: at, Val: t.val}
	case tString, tFixup:
		p.advance()
		if p.tok.kind != tString && p.tok.kind != tFixup {
			if t.kind == tFixup {
				return fixupExpr(t)
			}
			return &Lit{Pos: at, Val: t.val}
		}
		// Adjacent strings are one, as are the texts of pids and such,
		// which the shell has made strings.
		var b strings.Builder
		b.WriteString(stringChars(t))
		for p.tok.kind == tString || p.tok.kind == tFixup {
			b.WriteString(stringChars(p.tok))
			p.advance()
		}
		if t.kind == tFixup {
			t.text = b.String()
			return fixupExpr(t)
		}
		return &Lit{Pos: at, Val: b.String()}
	}
	return nil
}

// stringChars returns the characters of a string or fixup token.
func stringChars(t token) string {
	if t.kind == tFixup {
		return t.text
	}
	return t.val.(string)
}

// fixupExpr is what the shell makes of the text of a pid, port, reference
// or fun.
func fixupExpr(t token) Expr {
	at := posOf(t)
	lit := func(v term.Term) Expr { return &Lit{Pos: at, Val: v} }
	if t.fixup == "function" {
		mfa := t.val.([3]term.Term)
		return &FunRef{Pos: at, Module: lit(mfa[0]), Name: lit(mfa[1]), Arity: lit(mfa[2])}
	}
	return &Call{Pos: at, Module: lit(term.Atom("erlang")), Fun: lit(term.Atom("list_to_" + t.fixup)),
		Args: []Expr{lit(t.text)}}
}

// list reads '[' ']', '[' exprs ['|' expr] ']' and, when comp, a list
// comprehension.
func (p *parser) list(comp bool) Expr {
	at := posOf(p.tok)
	p.advance()
	if p.is("]") {
		p.advance()
		return &List{Pos: at}
	}
	first := p.expr()
	if comp && p.is("||") {
		p.advance()
		quals := p.qualifiers()
		p.expect("]")
		return &ListComp{Pos: at, Elem: first, Quals: quals}
	}
	l := &List{Pos: at, Elems: []Expr{first}}
	for p.is(",") {
		p.advance()
		l.Elems = append(l.Elems, p.expr())
	}
	if p.is("|") {
		p.advance()
		l.Tail = p.expr()
	}
	p.expect("]")
	return l
}

// qualifiers reads the generators and filters of a comprehension.
func (p *parser) qualifiers() []Expr {
	var qs []Expr
	for {
		startsBin := p.is("<<")
		e := p.expr()
		switch _, isBin := e.(*Bin); {
		case p.is("<-"):
			at := posOf(p.tok)
			p.advance()
			e = &Generator{Pos: at, Pattern: e, List: p.expr()}
		case p.is("<=") && startsBin && isBin:
			at := posOf(p.tok)
			p.advance()
			e = &BinGenerator{Pos: at, Pattern: e, Bin: p.expr()}
		}
		qs = append(qs, e)
		if !p.is(",") {
			return qs
		}
		p.advance()
	}
}

// binaryExpr reads a binary '<<' [segments] '>>' and, when comp, a binary
// comprehension.
func (p *parser) binaryExpr(comp bool) Expr {
	at := posOf(p.tok)
	p.advance()
	if p.is(">>") {
		p.advance()
		return &Bin{Pos: at, Segs: []BinSeg{}}
	}
	p.enter()
	defer p.leave()
	var first Expr
	if !isPrefixOp(p.tok) {
		first = p.exprMax()
		if comp && p.is("||") {
			p.advance()
			quals := p.qualifiers()
			p.expect(">>")
			return &ListComp{Pos: at, Elem: first, Quals: quals, Binary: true}
		}
	}
	b := &Bin{Pos: at}
	for {
		b.Segs = append(b.Segs, p.segment(first))
		first = nil
		if !p.is(",") {
			break
		}
		p.advance()
	}
	p.expect(">>")
	return b
}

// segment reads a segment of a binary: Val[:Size][/Types], where Val is
// an expr_max with at most one prefix operator, or is val when it has been
// read.
func (p *parser) segment(val Expr) BinSeg {
	if val == nil {
		if isPrefixOp(p.tok) {
			op := p.tok
			p.advance()
			val = &UnOp{Pos: posOf(op), Op: op.text, X: p.exprMax()}
		} else {
			val = p.exprMax()
		}
	}
	seg := BinSeg{Val: val}
	if p.is(":") {
		p.advance()
		seg.Size = p.exprMax()
	}
	if p.is("/") {
		p.advance()
		for {
			if p.tok.kind != tAtom {
				p.fail()
			}
			ty := string(p.tok.val.(term.Atom))
			p.advance()
			if p.is(":") {
				p.advance()
				if p.tok.kind != tInt {
					p.fail()
				}
				ty += ":" + term.Write(p.tok.val)
				p.advance()
			}
			seg.Types = append(seg.Types, ty)
			if !p.is("-") {
				break
			}
			p.advance()
		}
	}
	return seg
}

// tuple reads '{' [exprs] '}'.
func (p *parser) tuple() Expr {
	at := posOf(p.tok)
	p.advance()
	if p.is("}") {
		p.advance()
		return &Tuple{Pos: at, Elems: []Expr{}}
	}
	es := p.exprs()
	p.expect("}")
	return &Tuple{Pos: at, Elems: es}
}

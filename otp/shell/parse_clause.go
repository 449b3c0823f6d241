package shell

// The expressions with clauses: if, case, receive, try and fun.

// guard reads an optional "when G1, G2; G3", a disjunction of
// conjunctions; it returns nil when there is no when.
func (p *parser) guard() [][]Expr {
	if !p.is("when") {
		return nil
	}
	p.advance()
	return p.guardSeq()
}

// guardSeq reads exprs (';' exprs)*.
func (p *parser) guardSeq() [][]Expr {
	gs := [][]Expr{p.exprs()}
	for p.is(";") {
		p.advance()
		gs = append(gs, p.exprs())
	}
	return gs
}

// clauseBody reads '->' exprs.
func (p *parser) clauseBody() []Expr {
	p.expect("->")
	return p.exprs()
}

// crClauses reads the clauses of a case or receive, Pattern [when Guard]
// -> Body separated by ';', where a pattern is any expression.
func (p *parser) crClauses() []Clause {
	var cs []Clause
	for {
		pat := p.expr()
		c := Clause{Pos: firstPos(pat), Patterns: []Expr{pat}}
		c.Guards = p.guard()
		c.Body = p.clauseBody()
		cs = append(cs, c)
		if !p.is(";") {
			return cs
		}
		p.advance()
	}
}

func (p *parser) ifExpr() Expr {
	at := posOf(p.tok)
	p.advance()
	var cs []Clause
	for {
		g := p.guardSeq()
		c := Clause{Pos: firstPos(g[0][0]), Guards: g, Patterns: []Expr{}}
		c.Body = p.clauseBody()
		cs = append(cs, c)
		if !p.is(";") {
			break
		}
		p.advance()
	}
	p.expect("end")
	return &If{Pos: at, Clauses: cs}
}

func (p *parser) caseExpr() Expr {
	at := posOf(p.tok)
	p.advance()
	x := p.expr()
	p.expect("of")
	cs := p.crClauses()
	p.expect("end")
	return &Case{Pos: at, X: x, Clauses: cs}
}

// receiveExpr reads receive [Clauses] [after T -> Body] end, with at
// least one of the two parts.
func (p *parser) receiveExpr() Expr {
	r := &Receive{Pos: posOf(p.tok)}
	p.advance()
	if !p.is("after") {
		r.Clauses = p.crClauses()
	}
	if p.is("after") {
		p.advance()
		r.After = p.expr()
		r.AfterBody = p.clauseBody()
	}
	p.expect("end")
	return r
}

// tryExpr reads try Body [of Clauses] catch Clauses [after Body] end, or
// try Body [of Clauses] after Body end.
func (p *parser) tryExpr() Expr {
	t := &Try{Pos: posOf(p.tok)}
	p.advance()
	t.Body = p.exprs()
	if p.is("of") {
		p.advance()
		t.Of = p.crClauses()
	}
	switch {
	case p.is("catch"):
		p.advance()
		t.Catch = p.catchClauses()
		if p.is("after") {
			p.advance()
			t.After = p.exprs()
		}
	case p.is("after"):
		p.advance()
		t.After = p.exprs()
	default:
		p.fail()
	}
	p.expect("end")
	return t
}

// catchClauses reads [Class:]Pattern[:Stack] [when Guard] -> Body, ...
func (p *parser) catchClauses() []CatchClause {
	var cs []CatchClause
	for {
		var c CatchClause
		if next := p.peekNext(); (p.tok.kind == tAtom || p.tok.kind == tVar) &&
			next.kind == tPunct && next.text == ":" {
			c.Pos = posOf(p.tok)
			c.Class = p.atomic()
			if c.Class == nil {
				c.Class = &Var{Pos: c.Pos, Name: p.tok.text}
				p.advance()
			}
			p.advance()
			c.Pattern = p.pattern()
			if p.is(":") {
				p.advance()
				if p.tok.kind != tVar {
					p.fail()
				}
				c.Stack = &Var{Pos: posOf(p.tok), Name: p.tok.text}
				p.advance()
			}
		} else {
			c.Pattern = p.pattern()
			c.Pos = firstPos(c.Pattern)
		}
		c.Guards = p.guard()
		c.Body = p.clauseBody()
		cs = append(cs, c)
		if !p.is(";") {
			return cs
		}
		p.advance()
	}
}

// funExpr reads fun Name/Arity, fun Module:Name/Arity (each part of which
// may be a variable) and fun [Name](Args) [when Guard] -> Body; ... end.
func (p *parser) funExpr() Expr {
	at := posOf(p.tok)
	p.advance()
	next := p.peekNext()
	nextIs := func(sym string) bool { return next.kind == tPunct && next.text == sym }
	switch {
	case p.tok.kind == tAtom && nextIs("/"):
		name := p.atomic()
		p.advance()
		if p.tok.kind != tInt {
			p.fail()
		}
		return &FunRef{Pos: at, Name: name, Arity: p.atomic()}
	case (p.tok.kind == tAtom || p.tok.kind == tVar) && nextIs(":"):
		m := p.atomOrVar()
		p.advance()
		f := p.atomOrVar()
		p.expect("/")
		if p.tok.kind != tInt && p.tok.kind != tVar {
			p.fail()
		}
		return &FunRef{Pos: at, Module: m, Name: f, Arity: p.exprMax()}
	case p.tok.kind == tAtom:
		p.advance()
		p.fail()
	case p.tok.kind == tVar && !nextIs("("):
		p.advance()
		p.fail()
	}
	return p.funClauses(at)
}

// atomOrVar reads an atom or a variable.
func (p *parser) atomOrVar() Expr {
	switch p.tok.kind {
	case tAtom:
		return p.atomic()
	case tVar:
		v := &Var{Pos: posOf(p.tok), Name: p.tok.text}
		p.advance()
		return v
	}
	p.fail()
	return nil
}

// funClauses reads the clauses of a fun up to its end, and checks that
// they all have the name and arity of the first, as erl_parse does when it
// has read the end.
func (p *parser) funClauses(at Pos) Expr {
	f := &Fun{Pos: at}
	var names []string
	for {
		var c Clause
		name := ""
		if p.tok.kind == tVar {
			name = p.tok.text
			c.Pos = posOf(p.tok)
			p.advance()
		} else {
			c.Pos = posOf(p.tok)
		}
		c.Patterns = p.patArgs()
		c.Guards = p.guard()
		c.Body = p.clauseBody()
		f.Clauses = append(f.Clauses, c)
		names = append(names, name)
		if !p.is(";") {
			break
		}
		p.advance()
	}
	p.expect("end")
	for i, c := range f.Clauses {
		if names[i] != names[0] || len(c.Patterns) != len(f.Clauses[0].Patterns) {
			p.failAt(c.L, c.C, "head mismatch")
		}
	}
	f.Name = names[0]
	return f
}

// patArgs reads '(' [Pattern, ...] ')'.
func (p *parser) patArgs() []Expr {
	p.expect("(")
	ps := []Expr{}
	if p.is(")") {
		p.advance()
		return ps
	}
	for {
		ps = append(ps, p.pattern())
		if !p.is(",") {
			break
		}
		p.advance()
	}
	p.expect(")")
	return ps
}

package shell

import (
	"fmt"

	"github.com/scalability-go/otpbook/otp/term"
)

// The parser reads shell forms as erl_parse:parse_exprs/1 reads them
// after the shell's erl_eval:extended_parse_exprs/1: a recursive descent
// over the same grammar, so that it accepts what erl_parse accepts and
// stops at the token where erl_parse stops, with erl_parse's message.

// SyntaxError is an error in shell input: a scan error or a syntax error,
// located and worded as the Erlang/OTP 25 shell prints it. Line and
// Column count from 1 in the form that was read, a column counting
// characters.
type SyntaxError struct {
	Line, Column int
	Msg          string
}

// Error returns the line the shell prints for the error, such as
// "* 1:5: syntax error before: ')'".
func (e *SyntaxError) Error() string {
	return fmt.Sprintf("* %d:%d: %s", e.Line, e.Column, e.Msg)
}

// maxNesting is how deeply expressions may nest in a form Parse accepts
// (erl has no limit; this one keeps hostile input from exhausting the
// stack of the parser and of what walks the tree).
const maxNesting = 1000

// Parse reads one shell form: expressions separated by commas and ended
// by a full stop (a '.' followed by white space, a % comment or the end
// of src). Text after the full stop may only be white space and comments;
// use Complete to split input holding several forms. Input that ends
// without a full stop is read as the shell reads it at the end of input:
// it is a syntax error, unless src holds no token at all, when Parse
// returns no expressions and no error.
//
// Errors are *SyntaxError values with erl's messages and locations. A
// few errors that erl finds only later, when it checks the expressions
// (erl_lint), are given by Parse because the tree has no place for what
// causes them: a Module:Name that is not called ("illegal expression")
// and a record field named by a variable other than _. They are reported
// only when the form has no syntax error.
//
// The tree follows erl_parse's abstract format: each node's position is
// the one erl_parse gives it (an operator's is that of the operator; a
// call's and a match's that of their first token). [] is a *List with no
// elements; a character literal is an int Lit. Pids, ports, references
// and funs written as the shell prints them (<0.80.0>, #Port<0.5>,
// #Ref<0.1.2.3>, #Fun<lists.map.2>) are read as the shell reads them: as
// calls of erlang:list_to_pid/1 (list_to_port/1, list_to_ref/1) on their
// text, and as fun lists:map/2.
func Parse(src string) (exprs []Expr, err error) {
	toks, extra, serr := scanForm(src)
	if serr != nil && (extra == nil || len(toks) == 0) {
		return nil, serr.syntaxError()
	}
	if len(toks) == 0 {
		return nil, nil
	}
	if serr != nil {
		// A scan error after the full stop: read the form first.
		defer func() {
			if err == nil {
				exprs, err = nil, serr.syntaxError()
			}
		}()
		extra = nil
	}
	p := &parser{toks: fixup(toks)}
	if extra != nil {
		p.toks = append(p.toks, *extra)
	} else if last := p.toks[len(p.toks)-1]; last.kind != tDot {
		// erl_parse locates the end of the tokens at the last token.
		p.toks = append(p.toks, token{kind: tEOF, line: last.line, col: last.col})
	}
	p.tok = p.toks[0]
	defer func() {
		if r := recover(); r != nil {
			b, ok := r.(bailout)
			if !ok {
				panic(r)
			}
			exprs, err = nil, b.err
		}
	}()
	exprs = p.form()
	if p.deferred != nil {
		return nil, p.deferred
	}
	return exprs, nil
}

// scanForm scans the tokens of the first form of src, up to and with its
// full stop, or all of them if it has none. extra is the first token after
// the full stop, if there is one. A scan error in the form comes with no
// tokens; one after the full stop comes with the form's tokens and a
// non-nil extra.
func scanForm(src string) (toks []token, extra *token, err *scanError) {
	s := newScanner(src)
	for {
		tok, err := s.next()
		if err != nil {
			return nil, nil, err
		}
		if tok.kind == tEOF {
			return toks, nil, nil
		}
		toks = append(toks, tok)
		if tok.kind == tDot {
			break
		}
	}
	tok, err := s.next()
	if err != nil || tok.kind != tEOF {
		return toks, &tok, err
	}
	return toks, nil, nil
}

func (e *scanError) syntaxError() *SyntaxError {
	return &SyntaxError{Line: e.line, Column: e.col, Msg: e.msg}
}

// bailout carries a syntax error up the parser's stack.
type bailout struct{ err *SyntaxError }

type parser struct {
	toks     []token
	i        int
	tok      token // toks[i]
	depth    int
	deferred *SyntaxError // the first error erl_lint would find
}

func (p *parser) advance() {
	if p.i < len(p.toks)-1 {
		p.i++
		p.tok = p.toks[p.i]
	}
}

// peekNext returns the token after the current one.
func (p *parser) peekNext() token {
	if p.i+1 < len(p.toks) {
		return p.toks[p.i+1]
	}
	return p.toks[len(p.toks)-1]
}

func (p *parser) is(sym string) bool { return p.tok.kind == tPunct && p.tok.text == sym }

// fail stops the parse with erl_parse's error for the current token.
func (p *parser) fail() {
	p.failAt(p.tok.line, p.tok.col, "syntax error before: "+tokenText(p.tok))
}

func (p *parser) failAt(line, col int, msg string) {
	panic(bailout{&SyntaxError{Line: line, Column: col, Msg: msg}})
}

// expect consumes the symbol sym, or fails.
func (p *parser) expect(sym string) token {
	if !p.is(sym) {
		p.fail()
	}
	t := p.tok
	p.advance()
	return t
}

// lintError records an error that erl_lint would report, if it is the
// first.
func (p *parser) lintError(at Pos, msg string) {
	if p.deferred == nil {
		p.deferred = &SyntaxError{Line: at.L, Column: at.C, Msg: msg}
	}
}

func (p *parser) enter() {
	p.depth++
	if p.depth > maxNesting {
		p.failAt(p.tok.line, p.tok.col, "expression nested too deeply")
	}
}

func (p *parser) leave() { p.depth-- }

func posOf(t token) Pos { return Pos{L: t.line, C: t.col} }

// headClause is a clause of the function that parse_exprs reads the form
// as: "f() -> Form" and any clauses after a ';'.
type headClause struct {
	name  term.Atom
	arity int
	at    Pos
}

// The name of the function erl_parse reads a shell form as.
const formFunction term.Atom = "f"

// form reads "exprs dot". erl_parse reads the form as the body of a
// function f/0, so a ';' starts another clause of that function, which
// must be f/0 too.
func (p *parser) form() []Expr {
	body := p.exprs()
	var heads []headClause
	for p.is(";") {
		p.advance()
		if p.tok.kind != tAtom {
			p.fail()
		}
		h := headClause{name: p.tok.val.(term.Atom), at: posOf(p.tok)}
		p.advance()
		h.arity = len(p.patArgs())
		p.guard()
		p.clauseBody()
		heads = append(heads, h)
	}
	for _, h := range heads {
		if h.name != formFunction || h.arity != 0 {
			p.failAt(h.at.L, h.at.C, "head mismatch")
		}
	}
	if p.tok.kind != tDot {
		p.fail()
	}
	if len(heads) > 0 {
		// erl's shell crashes on this form; say what is wrong with it.
		p.failAt(heads[0].at.L, heads[0].at.C, "head mismatch")
	}
	if p.i+1 < len(p.toks) {
		p.advance()
		p.fail() // a token after the full stop
	}
	return body
}

// exprs reads expr (',' expr)*.
func (p *parser) exprs() []Expr {
	es := []Expr{p.expr()}
	for p.is(",") {
		p.advance()
		es = append(es, p.expr())
	}
	return es
}

func (p *parser) expr() Expr { return p.opExpr(0, false) }

// pattern reads a pattern where erl_parse's grammar has pat_expr.
func (p *parser) pattern() Expr { return p.opExpr(0, true) }

type assoc uint8

const (
	leftAssoc assoc = iota
	rightAssoc
	nonAssoc
)

type opInfo struct {
	prec  int
	assoc assoc
	pat   bool // allowed in patterns
}

// binOps are the binary operators, with erl_parse's precedences.
var binOps = map[string]opInfo{
	"=": {100, rightAssoc, true}, "!": {100, rightAssoc, false},
	"orelse": {150, rightAssoc, false}, "andalso": {160, rightAssoc, false},
	"==": {200, nonAssoc, true}, "/=": {200, nonAssoc, true}, "=<": {200, nonAssoc, true},
	"<": {200, nonAssoc, true}, ">=": {200, nonAssoc, true}, ">": {200, nonAssoc, true},
	"=:=": {200, nonAssoc, true}, "=/=": {200, nonAssoc, true},
	"++": {300, rightAssoc, true}, "--": {300, rightAssoc, true},
	"+": {400, leftAssoc, true}, "-": {400, leftAssoc, true}, "bor": {400, leftAssoc, true},
	"bxor": {400, leftAssoc, true}, "bsl": {400, leftAssoc, true}, "bsr": {400, leftAssoc, true},
	"or": {400, leftAssoc, true}, "xor": {400, leftAssoc, true},
	"*": {500, leftAssoc, true}, "/": {500, leftAssoc, true}, "div": {500, leftAssoc, true},
	"rem": {500, leftAssoc, true}, "band": {500, leftAssoc, true}, "and": {500, leftAssoc, true},
}

// binOp reports the operator the current token is, if it is one.
func (p *parser) binOp(pat bool) (opInfo, bool) {
	if p.tok.kind != tPunct {
		return opInfo{}, false
	}
	info, ok := binOps[p.tok.text]
	if !ok || pat && !info.pat {
		return opInfo{}, false
	}
	return info, true
}

func isPrefixOp(t token) bool {
	return t.kind == tPunct && (t.text == "+" || t.text == "-" || t.text == "bnot" || t.text == "not")
}

// opExpr reads an expression of operators of precedence minPrec and
// above, resolving them as erl_parse's precedence declarations do. Chains
// of operators are read in a loop, not by recursion, but each link of a
// chain counts as a level of nesting: the tree it builds is as deep as the
// chain is long, and what walks the tree recurses.
func (p *parser) opExpr(minPrec int, pat bool) Expr {
	p.enter()
	depth := p.depth
	defer func() { p.depth = depth - 1 }()
	left := p.unary(pat)
	for {
		info, ok := p.binOp(pat)
		if !ok || info.prec < minPrec {
			return left
		}
		switch info.assoc {
		case leftAssoc:
			op := p.tok
			p.enter()
			p.advance()
			left = mkBinOp(op, left, p.opExpr(info.prec+1, pat))
		case nonAssoc:
			op := p.tok
			p.enter()
			p.advance()
			left = mkBinOp(op, left, p.opExpr(info.prec+1, pat))
			if next, ok := p.binOp(pat); ok && next.prec == info.prec {
				p.fail()
			}
		case rightAssoc:
			operands := []Expr{left}
			var ops []token
			for {
				next, ok := p.binOp(pat)
				if !ok || next.prec != info.prec {
					break
				}
				ops = append(ops, p.tok)
				p.enter()
				p.advance()
				operands = append(operands, p.opExpr(info.prec+1, pat))
			}
			right := operands[len(operands)-1]
			for i := len(ops) - 1; i >= 0; i-- {
				right = mkBinOp(ops[i], operands[i], right)
			}
			left = right
		}
	}
}

func mkBinOp(op token, left, right Expr) Expr {
	if op.text == "=" {
		return &Match{Pos: firstPos(left), Left: left, Right: right}
	}
	return &BinOp{Pos: posOf(op), Op: op.text, Left: left, Right: right}
}

// unary reads prefix operators and their operand, which may be a catch
// expression outside patterns.
func (p *parser) unary(pat bool) Expr {
	var ops []token
	depth := p.depth
	defer func() { p.depth = depth }()
	for isPrefixOp(p.tok) {
		ops = append(ops, p.tok)
		p.enter()
		p.advance()
	}
	var x Expr
	switch {
	case !pat && p.is("catch"):
		at := posOf(p.tok)
		p.advance()
		x = &Catch{Pos: at, X: p.expr()}
	case pat:
		x = p.patPrimary()
	default:
		x = p.postfix()
	}
	for i := len(ops) - 1; i >= 0; i-- {
		x = &UnOp{Pos: posOf(ops[i]), Op: ops[i].text, X: x}
	}
	return x
}

// firstPos returns the position of the first token of e, which erl_parse
// gives a match and a call (its first_anno/1).
func firstPos(e Expr) Pos {
	for {
		var left Expr
		switch x := e.(type) {
		case *BinOp:
			left = x.Left
		case *Match:
			left = x.Left
		case *Call:
			left = x.Fun
			if x.Module != nil {
				left = x.Module
			}
		case *Map:
			left = x.Base
		case *Record:
			left = x.Base
		case *RecordAccess:
			left = x.X
		case *Generator:
			left = x.Pattern
		case *BinGenerator:
			left = x.Pattern
		}
		if left == nil {
			return exprPos(e)
		}
		e = left
	}
}

// exprPos returns the position of e's node.
func exprPos(e Expr) Pos {
	if c, ok := e.(interface{ Column() int }); ok {
		return Pos{L: e.Line(), C: c.Column()}
	}
	return Pos{L: e.Line()}
}

// postfix reads what erl_parse's expr derives besides operators: an
// expr_max with a remote call, a call, or map and record operations after
// it, or a map or record expression starting with '#'.
func (p *parser) postfix() Expr {
	if p.is("#") {
		return p.hashChain(nil)
	}
	e := p.exprMax()
	switch {
	case p.is(":"):
		p.advance()
		f := p.exprMax()
		if !p.is("(") {
			p.lintError(firstPos(e), "illegal expression")
			return &Call{Pos: firstPos(e), Module: e, Fun: f}
		}
		return &Call{Pos: firstPos(e), Module: e, Fun: f, Args: p.args()}
	case p.is("("):
		return &Call{Pos: firstPos(e), Fun: e, Args: p.args()}
	case p.is("#"):
		return p.hashChain(e)
	}
	return e
}

// args reads an argument list: '(' [exprs] ')'.
func (p *parser) args() []Expr {
	p.expect("(")
	if p.is(")") {
		p.advance()
		return []Expr{}
	}
	es := p.exprs()
	p.expect(")")
	return es
}

// hashChain reads '#' map or record operations on base (nil for a new map
// or record), as many as follow; they are all map operations or all record
// operations, as erl_parse's map_expr and record_expr are.
func (p *parser) hashChain(base Expr) Expr {
	isMap := p.peekNext().kind == tPunct && p.peekNext().text == "{"
	e := base
	depth := p.depth
	defer func() { p.depth = depth }()
	for first := true; first || p.is("#"); first = false {
		at := posOf(p.tok)
		p.enter() // each operation nests the ones before it
		p.advance()
		if isMap {
			if !p.is("{") {
				p.fail()
			}
			e = &Map{Pos: at, Base: e, Assocs: p.mapFields()}
			continue
		}
		e = p.recordOp(at, e)
	}
	return e
}

// recordOp reads what follows the '#' at at of a record operation on base
// (nil when there is none): Name.Field or Name{Fields}.
func (p *parser) recordOp(at Pos, base Expr) Expr {
	if p.tok.kind != tAtom {
		p.fail()
	}
	name := p.tok.val.(term.Atom)
	p.advance()
	if p.is(".") {
		p.advance()
		if p.tok.kind != tAtom {
			p.fail()
		}
		field, fp := p.tok.val.(term.Atom), posOf(p.tok)
		p.advance()
		if base == nil {
			return &RecordIndex{Pos: at, Name: name, Field: field, FieldPos: fp}
		}
		return &RecordAccess{Pos: at, X: base, Name: name, Field: field, FieldPos: fp}
	}
	if !p.is("{") {
		p.fail()
	}
	return &Record{Pos: at, Base: base, Name: name, Fields: p.recordFields(name)}
}

// mapFields reads '{' [K => V | K := V, ...] '}'.
func (p *parser) mapFields() []Assoc {
	p.expect("{")
	as := []Assoc{}
	if p.is("}") {
		p.advance()
		return as
	}
	for {
		k := p.expr()
		if !p.is("=>") && !p.is(":=") {
			p.fail()
		}
		a := Assoc{Pos: posOf(p.tok), Key: k, Exact: p.tok.text == ":="}
		p.advance()
		a.Val = p.expr()
		as = append(as, a)
		if !p.is(",") {
			break
		}
		p.advance()
	}
	p.expect("}")
	return as
}

// recordFields reads '{' [Field = Val, ...] '}' of record name.
func (p *parser) recordFields(name term.Atom) []RecordField {
	p.expect("{")
	fs := []RecordField{}
	if p.is("}") {
		p.advance()
		return fs
	}
	for {
		f := RecordField{Pos: posOf(p.tok)}
		switch p.tok.kind {
		case tAtom:
			f.Name = p.tok.val.(term.Atom)
		case tVar:
			f.Name = term.Atom(p.tok.text)
			if p.tok.text != "_" {
				p.lintError(f.Pos, "field "+writeAtom(p.tok.text)+" is not an atom or _ in record "+writeAtom(string(name)))
			}
		default:
			p.fail()
		}
		p.advance()
		p.expect("=")
		f.Val = p.expr()
		fs = append(fs, f)
		if !p.is(",") {
			break
		}
		p.advance()
	}
	p.expect("}")
	return fs
}

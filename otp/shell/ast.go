package shell

import "github.com/scalability-go/otpbook/otp/term"

// The abstract syntax of the Erlang expressions the shell evaluates, as
// erl_parse gives them, in Go. The parser makes these; the evaluator
// walks them.

// Expr is an expression (and, where a pattern is expected, a pattern).
type Expr interface {
	// Line is the line the expression starts on.
	Line() int
}

// Pos is the position of an expression: the line it starts on and, where
// the parser knows it, the column (counted in characters from 1; 0 when
// unknown). The line and column are those erl_parse gives the node, which
// the shell prints in errors such as "* 1:5: variable 'X' is unbound".
type Pos struct{ L, C int }

// Line returns the line.
func (p Pos) Line() int { return p.L }

// Column returns the column, or 0 when unknown.
func (p Pos) Column() int { return p.C }

// Lit is a literal: an integer (int or *big.Int), a float64, an atom
// (term.Atom), a character (an int) or a string (a Go string; adjacent
// strings are joined).
type Lit struct {
	Pos
	Val term.Term
}

// Var is a variable; "_" is the anonymous variable.
type Var struct {
	Pos
	Name string
}

// Tuple is {E1, ..., En}.
type Tuple struct {
	Pos
	Elems []Expr
}

// List is [E1, ..., En | Tail]; Tail is nil for a proper list. [] is a
// List with no elements and no tail.
type List struct {
	Pos
	Elems []Expr
	Tail  Expr
}

// Bin is <<Seg1, ..., Segn>>.
type Bin struct {
	Pos
	Segs []BinSeg
}

// BinSeg is a segment Val:Size/Types of a binary, such as X:8/integer or
// "abc"/utf8. Size is nil when not given; Types holds the type specifiers
// in order (integer, float, binary, bytes, bits, bitstring, utf8, utf16,
// utf32, signed, unsigned, big, little, native, unit:N as "unit:N").
type BinSeg struct {
	Val   Expr
	Size  Expr
	Types []string
}

// Map is #{K => V, K := V} (Base nil), or Base#{...}, an update.
type Map struct {
	Pos
	Base   Expr
	Assocs []Assoc
}

// Assoc is K => V, or K := V when Exact (update an existing key only; in a
// pattern, the only form allowed). Pos is the position of the => or :=,
// where erl_lint reports an association that is not allowed.
type Assoc struct {
	Pos
	Key, Val Expr
	Exact    bool
}

// Match is Left = Right.
type Match struct {
	Pos
	Left, Right Expr
}

// BinOp is a binary operator: + - * / div rem band bor bxor bsl bsr and
// or xor andalso orelse == /= =< < >= > =:= =/= ++ -- and ! (send).
type BinOp struct {
	Pos
	Op          string
	Left, Right Expr
}

// UnOp is a unary operator: - + not bnot.
type UnOp struct {
	Pos
	Op string
	X  Expr
}

// Call is Module:Fun(Args) (Module non-nil) or Fun(Args), where Fun is an
// atom literal naming a function, or any expression giving a fun.
type Call struct {
	Pos
	Module Expr
	Fun    Expr
	Args   []Expr
}

// FunRef is fun Module:Name/Arity, or fun Name/Arity (Module nil). Module,
// Name and Arity are expressions (literals, or variables in fun M:F/A).
type FunRef struct {
	Pos
	Module, Name, Arity Expr
}

// Fun is fun (Patterns) when Guards -> Body; ... end. Name is the name of
// a named fun (fun Fact(0) -> 1; Fact(N) -> ... end), or "".
type Fun struct {
	Pos
	Name    string
	Clauses []Clause
}

// Clause is Patterns when Guards -> Body. Guards is a disjunction (;) of
// conjunctions (,) of guard expressions; empty means no guard. A case or
// receive clause has one pattern; an if clause has none.
type Clause struct {
	Pos
	Patterns []Expr
	Guards   [][]Expr
	Body     []Expr
}

// Case is case X of Clauses end.
type Case struct {
	Pos
	X       Expr
	Clauses []Clause
}

// If is if Clauses end.
type If struct {
	Pos
	Clauses []Clause
}

// Receive is receive Clauses after After -> AfterBody end. After is nil
// when there is no after part.
type Receive struct {
	Pos
	Clauses   []Clause
	After     Expr
	AfterBody []Expr
}

// Try is try Body of Of catch Catch after After end; Of, Catch and After
// may be empty.
type Try struct {
	Pos
	Body  []Expr
	Of    []Clause
	Catch []CatchClause
	After []Expr
}

// CatchClause is Class:Pattern:Stack when Guards -> Body. Class is nil
// when not written (it is then throw); Stack is nil when not written.
type CatchClause struct {
	Pos
	Class   Expr
	Pattern Expr
	Stack   Expr
	Guards  [][]Expr
	Body    []Expr
}

// Catch is catch X.
type Catch struct {
	Pos
	X Expr
}

// Block is begin Body end.
type Block struct {
	Pos
	Body []Expr
}

// ListComp is [Elem || Quals], or when Binary the binary comprehension
// << Elem || Quals >> (whose Elem evaluates to a bitstring). Each qualifier
// is a *Generator, a *BinGenerator or a filter expression.
type ListComp struct {
	Pos
	Elem   Expr
	Quals  []Expr
	Binary bool
}

// Generator is Pattern <- List.
type Generator struct {
	Pos
	Pattern, List Expr
}

// BinGenerator is Pattern <= Binary.
type BinGenerator struct {
	Pos
	Pattern, Bin Expr
}

// Record is #Name{Field = Val, ...} (Base nil) or Base#Name{...}, an
// update. Records exist in the shell only through rd/2 and rr/1.
type Record struct {
	Pos
	Base   Expr
	Name   term.Atom
	Fields []RecordField
}

// RecordField is Field = Val; Field "_" sets every other field. Pos is the
// position of the field name, where errors about the field are reported.
type RecordField struct {
	Pos
	Name term.Atom
	Val  Expr
}

// RecordIndex is #Name.Field, the position of a field. FieldPos is where
// the field name is written.
type RecordIndex struct {
	Pos
	Name, Field term.Atom
	FieldPos    Pos
}

// RecordAccess is X#Name.Field. FieldPos is where the field name is
// written.
type RecordAccess struct {
	Pos
	X           Expr
	Name, Field term.Atom
	FieldPos    Pos
}

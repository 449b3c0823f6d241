package shell

import (
	"fmt"
	"math/big"
	"strings"

	"github.com/scalability-go/otpbook/otp/term"
)

// abstractText prints expressions as erl_parse's abstract format printed
// with ~w, with the changes testdata/parse/gen.escript makes to erl's:
// characters are integers, the [] ending a list has the annotation 'end',
// a remote's annotation is 'colon', and the stacktrace variable of a
// catch clause that has none (or _) has the annotation 'last'.
func abstractText(es []Expr) string {
	var w absWriter
	w.exprs(es)
	return w.String()
}

type absWriter struct{ strings.Builder }

func (w *absWriter) pos(p Pos) { fmt.Fprintf(w, "{%d,%d}", p.L, p.C) }

func (w *absWriter) atom(name string) { w.WriteString(term.Write(term.Atom(name))) }

// node writes {Tag,Pos,...} where each arg is written by a func or is
// text.
func (w *absWriter) node(tag string, p Pos, args ...any) {
	w.WriteString("{" + tag + ",")
	w.pos(p)
	for _, a := range args {
		w.WriteByte(',')
		switch a := a.(type) {
		case string:
			w.WriteString(a)
		case Expr:
			w.expr(a)
		case func():
			a()
		default:
			panic(fmt.Sprintf("absWriter.node: %T", a))
		}
	}
	w.WriteByte('}')
}

func (w *absWriter) exprs(es []Expr) {
	w.WriteByte('[')
	for i, e := range es {
		if i > 0 {
			w.WriteByte(',')
		}
		w.expr(e)
	}
	w.WriteByte(']')
}

func (w *absWriter) list(n int, f func(i int)) {
	w.WriteByte('[')
	for i := 0; i < n; i++ {
		if i > 0 {
			w.WriteByte(',')
		}
		f(i)
	}
	w.WriteByte(']')
}

func (w *absWriter) expr(e Expr) {
	switch x := e.(type) {
	case *Lit:
		w.lit(x)
	case *Var:
		w.node("var", x.Pos, term.Write(term.Atom(x.Name)))
	case *Tuple:
		w.node("tuple", x.Pos, func() { w.exprs(x.Elems) })
	case *List:
		w.cons(x)
	case *Bin:
		w.node("bin", x.Pos, func() { w.list(len(x.Segs), func(i int) { w.seg(x.Segs[i]) }) })
	case *Map:
		fields := func() {
			w.list(len(x.Assocs), func(i int) {
				a := x.Assocs[i]
				tag := "map_field_assoc"
				if a.Exact {
					tag = "map_field_exact"
				}
				w.node(tag, a.Pos, a.Key, a.Val)
			})
		}
		if x.Base == nil {
			w.node("map", x.Pos, fields)
		} else {
			w.node("map", x.Pos, x.Base, fields)
		}
	case *Match:
		w.node("match", x.Pos, x.Left, x.Right)
	case *BinOp:
		w.node("op", x.Pos, term.Write(term.Atom(x.Op)), x.Left, x.Right)
	case *UnOp:
		w.node("op", x.Pos, term.Write(term.Atom(x.Op)), x.X)
	case *Call:
		fun := func() { w.expr(x.Fun) }
		if x.Module != nil {
			fun = func() {
				w.WriteString("{remote,colon,")
				w.expr(x.Module)
				w.WriteByte(',')
				w.expr(x.Fun)
				w.WriteByte('}')
			}
		}
		w.node("call", x.Pos, fun, func() { w.exprs(x.Args) })
	case *FunRef:
		w.node("'fun'", x.Pos, func() {
			if x.Module == nil {
				fmt.Fprintf(w, "{function,%s,%s}", term.Write(x.Name.(*Lit).Val), term.Write(x.Arity.(*Lit).Val))
				return
			}
			w.WriteString("{function,")
			w.expr(x.Module)
			w.WriteByte(',')
			w.expr(x.Name)
			w.WriteByte(',')
			w.expr(x.Arity)
			w.WriteByte('}')
		})
	case *Fun:
		if x.Name == "" {
			w.node("'fun'", x.Pos, func() { w.WriteString("{clauses,"); w.clauses(x.Clauses); w.WriteByte('}') })
		} else {
			w.node("named_fun", x.Pos, term.Write(term.Atom(x.Name)), func() { w.clauses(x.Clauses) })
		}
	case *Case:
		w.node("'case'", x.Pos, x.X, func() { w.clauses(x.Clauses) })
	case *If:
		w.node("'if'", x.Pos, func() { w.clauses(x.Clauses) })
	case *Receive:
		if x.After == nil {
			w.node("'receive'", x.Pos, func() { w.clauses(x.Clauses) })
		} else {
			w.node("'receive'", x.Pos, func() { w.clauses(x.Clauses) }, x.After, func() { w.exprs(x.AfterBody) })
		}
	case *Try:
		w.node("'try'", x.Pos, func() { w.exprs(x.Body) }, func() { w.clauses(x.Of) },
			func() { w.list(len(x.Catch), func(i int) { w.catchClause(x.Catch[i]) }) },
			func() { w.exprs(x.After) })
	case *Catch:
		w.node("'catch'", x.Pos, x.X)
	case *Block:
		w.node("block", x.Pos, func() { w.exprs(x.Body) })
	case *ListComp:
		tag := "lc"
		if x.Binary {
			tag = "bc"
		}
		w.node(tag, x.Pos, x.Elem, func() { w.exprs(x.Quals) })
	case *Generator:
		w.node("generate", x.Pos, x.Pattern, x.List)
	case *BinGenerator:
		w.node("b_generate", x.Pos, x.Pattern, x.Bin)
	case *Record:
		fields := func() {
			w.list(len(x.Fields), func(i int) {
				f := x.Fields[i]
				kind := "atom"
				if f.Name == "_" {
					kind = "var"
				}
				w.node("record_field", f.Pos, func() { w.node(kind, f.Pos, term.Write(f.Name)) }, f.Val)
			})
		}
		if x.Base == nil {
			w.node("record", x.Pos, term.Write(x.Name), fields)
		} else {
			w.node("record", x.Pos, x.Base, term.Write(x.Name), fields)
		}
	case *RecordIndex:
		w.node("record_index", x.Pos, term.Write(x.Name), func() { w.node("atom", x.FieldPos, term.Write(x.Field)) })
	case *RecordAccess:
		w.node("record_field", x.Pos, x.X, term.Write(x.Name), func() { w.node("atom", x.FieldPos, term.Write(x.Field)) })
	default:
		panic(fmt.Sprintf("absWriter: %T", e))
	}
}

func (w *absWriter) lit(x *Lit) {
	switch v := x.Val.(type) {
	case int, *big.Int:
		w.node("integer", x.Pos, term.Write(v))
	case float64:
		w.node("float", x.Pos, term.Write(v))
	case term.Atom:
		w.node("atom", x.Pos, term.Write(v))
	case string:
		codes := []rune(v)
		w.node("string", x.Pos, func() { w.list(len(codes), func(i int) { fmt.Fprint(w, int(codes[i])) }) })
	default:
		panic(fmt.Sprintf("absWriter: literal %T", v))
	}
}

// cons writes a list as erl_parse's cons cells: the first has the
// position of the '[', the others that of their element.
func (w *absWriter) cons(x *List) {
	if len(x.Elems) == 0 {
		w.node("nil", x.Pos)
		return
	}
	for i, e := range x.Elems {
		p := x.Pos
		if i > 0 {
			p = firstPos(e)
		}
		w.WriteString("{cons,")
		w.pos(p)
		w.WriteByte(',')
		w.expr(e)
		w.WriteByte(',')
	}
	if t, ok := x.Tail.(*List); x.Tail == nil || ok && len(t.Elems) == 0 {
		w.WriteString("{nil,'end'}")
	} else {
		w.expr(x.Tail)
	}
	w.WriteString(strings.Repeat("}", len(x.Elems)))
}

func (w *absWriter) seg(s BinSeg) {
	w.node("bin_element", firstPos(s.Val), s.Val, func() {
		if s.Size == nil {
			w.WriteString("default")
		} else {
			w.expr(s.Size)
		}
	}, func() {
		if s.Types == nil {
			w.WriteString("default")
			return
		}
		w.list(len(s.Types), func(i int) {
			name, n, ok := strings.Cut(s.Types[i], ":")
			if ok {
				fmt.Fprintf(w, "{%s,%s}", term.Write(term.Atom(name)), n)
			} else {
				w.atom(name)
			}
		})
	})
}

func (w *absWriter) clauses(cs []Clause) {
	w.list(len(cs), func(i int) {
		c := cs[i]
		w.node("clause", c.Pos, func() { w.exprs(c.Patterns) }, func() { w.guards(c.Guards) },
			func() { w.exprs(c.Body) })
	})
}

func (w *absWriter) guards(gs [][]Expr) {
	w.list(len(gs), func(i int) { w.exprs(gs[i]) })
}

func (w *absWriter) catchClause(c CatchClause) {
	pat := func() {
		w.WriteString("[")
		w.node("tuple", c.Pos, func() {
			w.WriteString("[")
			if c.Class == nil {
				w.node("atom", c.Pos, "throw")
			} else {
				w.expr(c.Class)
			}
			w.WriteByte(',')
			w.expr(c.Pattern)
			w.WriteByte(',')
			if v, ok := c.Stack.(*Var); c.Stack == nil || ok && v.Name == "_" {
				w.WriteString("{var,last,'_'}")
			} else {
				w.expr(c.Stack)
			}
			w.WriteString("]")
		})
		w.WriteString("]")
	}
	w.node("clause", c.Pos, pat, func() { w.guards(c.Guards) }, func() { w.exprs(c.Body) })
}

package shell

import (
	"fmt"
	"sort"
	"strings"

	"github.com/scalability-go/otpbook/otp"
	"github.com/scalability-go/otpbook/otp/code"
	"github.com/scalability-go/otpbook/otp/term"
)

// The shell's commands on records, as erl's: rd(Name, Definition)
// defines a record, rr(Module) reads the records a module declares,
// rl() and rl(Names) list definitions, rf() and rf(Names) forget them,
// and rp(Term) prints a term with them. The definitions belong to the
// shell, not to an evaluator: they outlive an evaluator that crashes, as
// erl's do, which keeps them in a table of the shell process. Once a
// record is defined, results (and b() and rp/1) print tuples that are
// such records as #name{field = Value,...}; flush() does not, as in erl,
// where it is an ordinary function printing with ~tp.

// recordFields is the shell's record_print_fun: the field names of the
// record tag when it is defined with size fields.
func (s *Shell) recordFields(tag term.Atom, size int) ([]term.Atom, bool) {
	d, ok := s.ev.Record(tag)
	if !ok || len(d.Fields) != size {
		return nil, false
	}
	names := make([]term.Atom, len(d.Fields))
	for i, f := range d.Fields {
		names[i] = f.Name
	}
	return names, true
}

// printOpts are the options the shell prints a result with from column
// col, records included.
func (s *Shell) printOpts(col int) term.PrintOptions {
	o := printOptions
	o.Column = col
	o.Records = s.recordFields
	return o
}

// newEvaluator makes the shell's evaluator, which keeps the record
// definitions; the evaluator processes share it.
func (s *Shell) newEvaluator() *Evaluator {
	return &Evaluator{LocalCall: s.command}
}

// shellFunctionClause raises error function_clause as erl's shell does
// for a command given arguments it does not take: "no function clause
// matching call to rd/2".
func shellFunctionClause(name term.Atom, arity int) {
	evRaise(term.Atom("function_clause"), term.List{term.Tuple{term.Atom("shell"), name, arity, term.List{}}})
}

// recordCommand runs rd/2, rf/0,1, rl/0,1, rp/1 and rr/1,2,3, and
// reports false for any other call.
func (s *Shell) recordCommand(p *otp.Process, name term.Atom, args []Expr, b *Bindings) (term.Term, bool) {
	eval := func() []term.Term {
		vs := make([]term.Term, len(args))
		for i, x := range args {
			vs[i], *b = s.ev.Eval(p, x, *b)
		}
		return vs
	}
	switch {
	case name == "rd" && len(args) == 2:
		return s.defineRecord(args[0], args[1]), true
	case name == "rf" && len(args) == 0:
		for _, d := range s.ev.Records() {
			s.ev.ForgetRecord(d.Name)
		}
		return term.List{}, true
	case name == "rf" && len(args) == 1:
		v := eval()[0]
		for _, d := range s.ev.Records() {
			if v == term.Atom("_") || recordListed(v, d.Name) {
				s.ev.ForgetRecord(d.Name)
			}
		}
	case name == "rl" && len(args) == 0:
		for _, d := range s.ev.Records() {
			fmt.Fprint(s.out, epRecordDef(d))
		}
	case name == "rl" && len(args) == 1:
		for _, n := range listify(eval()[0]) {
			if a, ok := n.(term.Atom); ok {
				if d, ok := s.ev.Record(a); ok {
					fmt.Fprint(s.out, epRecordDef(d))
				}
			}
		}
	case name == "rp" && len(args) == 1:
		fmt.Fprintln(s.out, term.Pretty(eval()[0], s.printOpts(1)))
	case name == "rr" && len(args) >= 1 && len(args) <= 3:
		vs := eval()
		sel := term.Term(term.Atom("_"))
		if len(vs) > 1 {
			sel = vs[1]
		}
		return s.readRecords(vs[0], sel), true
	default:
		return nil, false
	}
	return term.OK, true
}

// listify is the shell's listify: a list's elements, or the term alone.
func listify(v term.Term) []term.Term {
	switch l := v.(type) {
	case term.List:
		return l
	case string:
		out := make([]term.Term, 0, len(l))
		for _, r := range l {
			out = append(out, int(r))
		}
		return out
	}
	return []term.Term{v}
}

// recordListed reports whether v, an atom or a list, names the record.
func recordListed(v term.Term, name term.Atom) bool {
	for _, n := range listify(v) {
		if n == name {
			return true
		}
	}
	return false
}

// defineRecord is rd(Name, Definition). As in erl, the name must be an
// atom (else error function_clause), and the definition a tuple of field
// names, each alone or with its default; a definition that is not one
// ends the evaluator with exit "bad record declaration" (or "bad record
// field", or erl_lint's words about the defaults).
func (s *Shell) defineRecord(nx, dx Expr) term.Term {
	name, ok := epAtomLit(nx)
	if !ok {
		shellFunctionClause("rd", 2)
	}
	if px := evPointer(dx); px != nil {
		dx = px
	}
	t, ok := dx.(*Tuple)
	if !ok {
		otp.Exit("bad record declaration")
	}
	d := RecordDef{Name: name}
	for _, el := range t.Elems {
		if px := evPointer(el); px != nil {
			el = px
		}
		var f RecordFieldDef
		if m, ok := el.(*Match); ok {
			f.Default = m.Right
			el = m.Left
		}
		if f.Name, ok = epAtomLit(el); !ok {
			otp.Exit("bad record field")
		}
		d.Fields = append(d.Fields, f)
	}
	if err := s.checkRecord(d); err != "" {
		otp.Exit(err)
	}
	s.ev.DefineRecord(d)
	return name
}

// checkRecord checks a record definition as erl_lint checks a -record
// attribute, and returns what it finds wrong, or "": a field defined
// twice, and a default that uses a variable (which no default can have
// bound) or binds one.
func (s *Shell) checkRecord(d RecordDef) string {
	seen := map[term.Atom]bool{}
	for _, f := range d.Fields {
		if seen[f.Name] {
			return fmt.Sprintf("field %s already defined in record %s", term.Write(f.Name), term.Write(d.Name))
		}
		seen[f.Name] = true
	}
	for _, f := range d.Fields {
		if f.Default == nil {
			continue
		}
		l := &evLinter{recs: s.ev.records()}
		bound := l.expr(f.Default, evSet{})
		if l.err != nil {
			return l.err.Message()
		}
		if len(bound) > 0 {
			names := make([]string, 0, len(bound))
			for n := range bound {
				names = append(names, n)
			}
			sort.Strings(names)
			return fmt.Sprintf("variable %s in record definition", term.Write(term.Atom(names[0])))
		}
	}
	return ""
}

// readRecords is rr(Module, Selected): it defines the records the module
// declares (those named by Selected, an atom or a list of atoms, or all
// when it is '_'), and returns their names, sorted. A module that is not
// loaded gives {error, nofile}. erl also reads the records of source
// files and headers named by a wildcard; this shell reads no files, so a
// file name finds none ([]), and a term that is neither gives
// {error, invalid_filename}.
func (s *Shell) readRecords(mod, sel term.Term) term.Term {
	name, ok := mod.(term.Atom)
	if !ok {
		if _, err := term.Format("~ts", mod); err == nil && term.Compare(mod, term.List{}) != 0 {
			return term.List{}
		}
		return term.Tuple{term.Atom("error"), term.Atom("invalid_filename")}
	}
	m, ok := code.Of(s.node).IsLoaded(name)
	if !ok {
		return term.Tuple{term.Atom("error"), term.Atom("nofile")}
	}
	var defs []RecordDef
	for _, r := range m.Records {
		if sel != term.Atom("_") && !recordListed(sel, r.Name) {
			continue
		}
		d, err := recordDefFromCode(r)
		if err != "" {
			otp.Exit(err)
		}
		if err := s.checkRecord(d); err != "" {
			otp.Exit(err)
		}
		defs = append(defs, d)
	}
	names := term.List{}
	seen := map[term.Atom]bool{}
	for _, d := range defs {
		s.ev.DefineRecord(d)
		if !seen[d.Name] {
			seen[d.Name] = true
			names = append(names, d.Name)
		}
	}
	sort.Slice(names, func(i, j int) bool { return names[i].(term.Atom) < names[j].(term.Atom) })
	return names
}

// recordDefFromCode reads a module's record definition: its defaults are
// expressions in source text.
func recordDefFromCode(r code.RecordDef) (RecordDef, string) {
	d := RecordDef{Name: r.Name}
	for _, f := range r.Fields {
		fd := RecordFieldDef{Name: f.Name, Type: strings.TrimSpace(f.Type)}
		if src := strings.TrimSpace(f.Default); src != "" {
			xs, err := Parse(src + ".")
			if err != nil || len(xs) != 1 {
				return RecordDef{}, fmt.Sprintf("bad default of field %s in record %s: %s",
					term.Write(f.Name), term.Write(r.Name), src)
			}
			fd.Default = xs[0]
		}
		d.Fields = append(d.Fields, fd)
	}
	return d, ""
}

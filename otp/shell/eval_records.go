package shell

import (
	"slices"
	"strings"

	"github.com/scalability-go/otpbook/otp/term"
)

// Records, as the shell knows them from rd/2 and rr/1: a record is a
// tuple {Name, Field1, ..., FieldN}, and the record expressions are
// operations on such tuples, as erl_expand_records makes them before
// erl_eval sees them. #Name{...} builds one (a field not given takes its
// default, evaluated anew each time, or undefined; _ = V gives every other
// field V), R#Name{...} updates one, R#Name.Field reads a field, #Name.Field
// is a field's position, and #Name{Field = P} in a pattern matches the
// record with the fields given. A value that is not the record raises
// error {badrecord, Value}.

// RecordDef is a record definition.
type RecordDef struct {
	Name   term.Atom
	Fields []RecordFieldDef
}

// RecordFieldDef is a field of a record and its default value: an
// expression, evaluated when a record is made without the field, or nil
// for undefined. Type is the field's type as source text, which only rl()
// prints, or "" (rd/2 gives none; rr/1 gives those a module declares).
type RecordFieldDef struct {
	Name    term.Atom
	Default Expr
	Type    string
}

// index returns the position of a field in the record's tuple (2 for the
// first field), or 0.
func (d *RecordDef) index(field term.Atom) int {
	for i, f := range d.Fields {
		if f.Name == field {
			return i + 2
		}
	}
	return 0
}

// RecordDefOf reads a record definition as rd(Name, Definition) gives it
// to the shell: Definition is a tuple of field names, each alone or with
// its default, {a, b = 1}. It reports false when def is not one.
func RecordDefOf(name term.Atom, def Expr) (RecordDef, bool) {
	if px := evPointer(def); px != nil {
		def = px
	}
	t, ok := def.(*Tuple)
	if !ok {
		return RecordDef{}, false
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
		if f.Name, ok = evAtomLit(el); !ok {
			return RecordDef{}, false
		}
		if d.index(f.Name) != 0 {
			return RecordDef{}, false
		}
		d.Fields = append(d.Fields, f)
	}
	return d, true
}

// DefineRecord defines a record, replacing a definition of the same name,
// as rd/2 does. It may be called while evaluations run.
func (e *Evaluator) DefineRecord(d RecordDef) {
	d.Fields = slices.Clone(d.Fields)
	e.recMu.Lock()
	defer e.recMu.Unlock()
	old := e.records()
	m := make(map[term.Atom]*RecordDef, len(old)+1)
	for k, v := range old {
		m[k] = v
	}
	m[d.Name] = &d
	e.recs.Store(&m)
}

// ForgetRecord forgets a record definition, as rf/1 does, and reports
// whether there was one.
func (e *Evaluator) ForgetRecord(name term.Atom) bool {
	e.recMu.Lock()
	defer e.recMu.Unlock()
	old := e.records()
	if _, ok := old[name]; !ok {
		return false
	}
	m := make(map[term.Atom]*RecordDef, len(old))
	for k, v := range old {
		if k != name {
			m[k] = v
		}
	}
	e.recs.Store(&m)
	return true
}

// Record returns the definition of a record.
func (e *Evaluator) Record(name term.Atom) (RecordDef, bool) {
	if d := e.records()[name]; d != nil {
		return *d, true
	}
	return RecordDef{}, false
}

// Records returns the record definitions, in the order of their names,
// as rl/0 lists them.
func (e *Evaluator) Records() []RecordDef {
	recs := e.records()
	out := make([]RecordDef, 0, len(recs))
	for _, d := range recs {
		out = append(out, *d)
	}
	slices.SortFunc(out, func(a, b RecordDef) int { return strings.Compare(string(a.Name), string(b.Name)) })
	return out
}

func (e *Evaluator) records() map[term.Atom]*RecordDef {
	if e == nil {
		return nil
	}
	if m := e.recs.Load(); m != nil {
		return *m
	}
	return nil
}

// record returns a record's definition, raising error {undef_record, Name}
// (which the check before evaluation reports) when there is none.
func (e *Evaluator) record(name term.Atom) *RecordDef {
	d := e.records()[name]
	if d == nil {
		evError(evTag("undef_record", name))
	}
	return d
}

// fieldIndex returns a field's position, raising an error for a field the
// record does not have.
func (e *Evaluator) fieldIndex(d *RecordDef, field term.Atom) int {
	i := d.index(field)
	if i == 0 {
		evError(term.Tuple{term.Atom("undefined_field"), d.Name, field})
	}
	return i
}

// recordFields returns, for each field of d, the expression giving its
// value in #Name{Fields}: the field's, the _ field's, or nil for the
// default.
func (e *Evaluator) recordFields(d *RecordDef, fields []RecordField) []Expr {
	xs := make([]Expr, len(d.Fields))
	var wild Expr
	for _, f := range fields {
		if f.Name == "_" {
			wild = f.Val
			continue
		}
		xs[e.fieldIndex(d, f.Name)-2] = f.Val
	}
	for i := range xs {
		if xs[i] == nil {
			xs[i] = wild
		}
	}
	return xs
}

// isRecord reports whether v is a record of d.
func evIsRecord(v term.Term, d *RecordDef) (term.Tuple, bool) {
	t, ok := evNorm(v).(term.Tuple)
	return t, ok && len(t) == len(d.Fields)+1 && t[0] == d.Name
}

func evBadRecord(v term.Term) {
	evError(evTag("badrecord", v))
}

// evalRecord evaluates #Name{...} and R#Name{...}.
func (e *Evaluator) evalRecord(pr *evRun, x *Record, b Bindings) (term.Term, Bindings) {
	d := e.record(x.Name)
	xs := e.recordFields(d, x.Fields)
	if x.Base == nil {
		t := make(term.Tuple, len(xs)+1)
		t[0] = d.Name
		var given []Expr
		var at []int
		for i, y := range xs {
			if y != nil {
				given = append(given, y)
				at = append(at, i)
			}
		}
		vs, nb := e.evalPar(pr, given, b)
		for j, i := range at {
			t[i+1] = vs[j]
		}
		for i, y := range xs {
			if y == nil {
				t[i+1] = e.fieldDefault(pr, d.Fields[i])
			}
		}
		return t, nb
	}
	base, b1 := e.eval(pr, x.Base, b, false)
	var given []Expr
	var at []int
	for _, f := range x.Fields {
		given = append(given, f.Val)
		at = append(at, e.fieldIndex(d, f.Name))
	}
	vs, b2 := e.evalPar(pr, given, b)
	nb := evMergeOrFail(b, b1, b2)
	old, ok := evIsRecord(base, d)
	if !ok {
		evBadRecord(base)
	}
	t := slices.Clone(old)
	for j, i := range at {
		t[i-1] = vs[j]
	}
	return t, nb
}

// fieldDefault evaluates a field's default value.
func (e *Evaluator) fieldDefault(pr *evRun, f RecordFieldDef) term.Term {
	if f.Default == nil {
		return term.Undefined
	}
	v, _ := e.eval(pr, f.Default, Bindings{}, false)
	return v
}

// recordPattern returns the tuple pattern that #Name{Fields} stands for.
func (e *Evaluator) recordPattern(x *Record) *Tuple {
	d := e.record(x.Name)
	xs := e.recordFields(d, x.Fields)
	t := &Tuple{Pos: x.Pos, Elems: make([]Expr, len(xs)+1)}
	t.Elems[0] = &Lit{Pos: x.Pos, Val: d.Name}
	for i, y := range xs {
		if y == nil {
			y = &Var{Pos: x.Pos, Name: "_"}
		}
		t.Elems[i+1] = y
	}
	return t
}

// recordAccess reads field of the record v.
func (e *Evaluator) recordAccess(v term.Term, name, field term.Atom) term.Term {
	d := e.record(name)
	i := e.fieldIndex(d, field)
	t, ok := evIsRecord(v, d)
	if !ok {
		evBadRecord(v)
	}
	return t[i-1]
}

// recordInfo is record_info(fields | size, Name), which the shell
// computes itself.
func (e *Evaluator) recordInfo(args []term.Term) (term.Term, bool) {
	what, ok1 := args[0].(term.Atom)
	name, ok2 := args[1].(term.Atom)
	d := e.records()[name]
	if !ok1 || !ok2 || d == nil {
		return nil, false
	}
	switch what {
	case "fields":
		l := make(term.List, len(d.Fields))
		for i, f := range d.Fields {
			l[i] = f.Name
		}
		return l, true
	case "size":
		return len(d.Fields) + 1, true
	}
	return nil, false
}

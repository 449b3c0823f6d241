package shell

import (
	"sort"
	"strings"

	"github.com/scalability-go/otpbook/otp/term"
)

// Bindings are variable bindings: names bound to values, kept in the order
// of their names, as the shell's b() lists them.
//
// A Bindings is a value, copy-on-write: Set and Delete never change the
// storage other copies share, so copying a Bindings (by assignment, or with
// Clone) gives an independent set. The zero Bindings has no bindings.
type Bindings struct {
	vs []evBinding // sorted by name; never modified once shared
}

type evBinding struct {
	name string
	val  term.Term
}

func (b Bindings) find(name string) (int, bool) {
	i := sort.Search(len(b.vs), func(i int) bool { return b.vs[i].name >= name })
	return i, i < len(b.vs) && b.vs[i].name == name
}

// Get returns the value bound to name.
func (b Bindings) Get(name string) (term.Term, bool) {
	if i, ok := b.find(name); ok {
		return b.vs[i].val, true
	}
	return nil, false
}

// Set binds name to v, replacing any value it had.
func (b *Bindings) Set(name string, v term.Term) {
	i, found := b.find(name)
	n := len(b.vs)
	if !found {
		n++
	}
	vs := make([]evBinding, 0, n)
	vs = append(vs, b.vs[:i]...)
	vs = append(vs, evBinding{name, v})
	if found {
		i++
	}
	b.vs = append(vs, b.vs[i:]...)
}

// Delete unbinds name, as the shell's f(Name) does.
func (b *Bindings) Delete(name string) {
	i, found := b.find(name)
	if !found {
		return
	}
	vs := make([]evBinding, 0, len(b.vs)-1)
	vs = append(vs, b.vs[:i]...)
	b.vs = append(vs, b.vs[i+1:]...)
}

// Names returns the bound names in order.
func (b Bindings) Names() []string {
	ns := make([]string, len(b.vs))
	for i, v := range b.vs {
		ns[i] = v.name
	}
	return ns
}

// Len returns the number of bindings.
func (b Bindings) Len() int { return len(b.vs) }

// Clone returns a copy of the bindings. (Bindings are copy-on-write, so a
// plain assignment copies too; Clone says so.)
func (b Bindings) Clone() Bindings { return b }

// Term returns the bindings as erl_eval:bindings/1 does: a list of
// {Name, Value} tuples in the order of the names.
func (b Bindings) Term() term.Term {
	l := make(term.List, len(b.vs))
	for i, v := range b.vs {
		l[i] = term.Tuple{term.Atom(v.name), v.val}
	}
	return l
}

// String lists the bindings as the shell's b() does: "Name = Value" lines.
func (b Bindings) String() string {
	var sb strings.Builder
	for _, v := range b.vs {
		sb.WriteString(v.name)
		sb.WriteString(" = ")
		sb.WriteString(term.Print(v.val))
		sb.WriteByte('\n')
	}
	return sb.String()
}

// add adds the bindings of nb to b, nb's values winning: the head of a fun
// clause or a generator's pattern shadows the variables outside.
func (b Bindings) add(nb Bindings) Bindings {
	if len(nb.vs) == 0 {
		return b
	}
	if len(b.vs) == 0 {
		return nb
	}
	vs := make([]evBinding, 0, len(b.vs)+len(nb.vs))
	i, j := 0, 0
	for i < len(b.vs) && j < len(nb.vs) {
		switch c := strings.Compare(b.vs[i].name, nb.vs[j].name); {
		case c < 0:
			vs = append(vs, b.vs[i])
			i++
		case c > 0:
			vs = append(vs, nb.vs[j])
			j++
		default:
			vs = append(vs, nb.vs[j])
			i++
			j++
		}
	}
	vs = append(vs, b.vs[i:]...)
	vs = append(vs, nb.vs[j:]...)
	return Bindings{vs}
}

// merge adds to acc the variables that nb, the bindings a sub-expression
// evaluated in orig made, has bound anew: sub-expressions evaluated "in
// parallel" (the elements of a tuple, the arguments of a call) each start
// from orig, and a variable two of them bind to different values fails, as
// erl_eval's merge does, with the value bound first. merge returns that
// value and false on a conflict.
func evMerge(orig, acc, nb Bindings) (Bindings, term.Term, bool) {
	if len(nb.vs) == len(orig.vs) {
		return acc, nil, true // nothing new (a variable once bound stays)
	}
	if len(acc.vs) == len(orig.vs) {
		return nb, nil, true // the first to bind anything
	}
	for _, v := range nb.vs {
		if _, ok := orig.find(v.name); ok {
			continue
		}
		if old, ok := acc.Get(v.name); ok {
			if !term.Exact(old, v.val) {
				return acc, old, false
			}
			continue
		}
		acc.Set(v.name, v.val)
	}
	return acc, nil, true
}

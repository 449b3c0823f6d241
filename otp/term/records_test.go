package term

import (
	"fmt"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// recordsOf returns the Records option of record definitions given as
// the term [{Name, [Field]}], as the shell's record_print_fun answers.
func recordsOf(t *testing.T, defs Term) func(Atom, int) ([]Atom, bool) {
	t.Helper()
	m := map[Atom][]Atom{}
	for _, d := range defs.(List) {
		d := d.(Tuple)
		var fields []Atom
		for _, f := range d[1].(List) {
			fields = append(fields, f.(Atom))
		}
		m[d[0].(Atom)] = fields
	}
	return func(tag Atom, size int) ([]Atom, bool) {
		fields, ok := m[tag]
		return fields, ok && len(fields) == size
	}
}

// TestPrintRecordsGolden compares the printing of records with what
// io_lib_pretty printed with a record_print_fun (testdata/records.golden).
func TestPrintRecordsGolden(t *testing.T) {
	for _, c := range readGolden(t, "records") {
		t.Run(fmt.Sprint(c.N), func(t *testing.T) {
			in := caseTerm(t, c.In).(Tuple)
			require.Len(t, in, 2)
			v, recs := in[1], recordsOf(t, in[0])
			shell := shellOptions
			shell.Records = recs
			with := func(f func(o *PrintOptions)) PrintOptions {
				o := shell
				f(&o)
				return o
			}
			for name, o := range map[string]PrintOptions{
				"shell": shell,
				"p":     {Records: recs},
				"c30":   with(func(o *PrintOptions) { o.Column = 30 }),
				"ll40":  with(func(o *PrintOptions) { o.LineLength, o.LineMaxChars = 40, 0 }),
				"d4":    with(func(o *PrintOptions) { o.Depth = 4 }),
				"cl50":  with(func(o *PrintOptions) { o.CharsLimit = 50 }),
			} {
				want, ok := c.Out[name]
				require.True(t, ok, "no %s output", name)
				assert.Equal(t, want, Pretty(v, o), "%s of %s", name, c.In)
			}
		})
	}
}

// TestPrintRecordsNil: without Records, record tuples print as tuples, and
// a Records that knows no record changes nothing.
func TestPrintRecordsNil(t *testing.T) {
	v := Tuple{Atom("person"), "Joe", 3}
	assert.Equal(t, `{person,"Joe",3}`, Pretty(v, shellOptions))
	o := shellOptions
	o.Records = func(Atom, int) ([]Atom, bool) { return nil, false }
	assert.Equal(t, `{person,"Joe",3}`, Pretty(v, o))
	o.Records = func(Atom, int) ([]Atom, bool) { return []Atom{"name"}, true }
	assert.Equal(t, `{person,"Joe",3}`, Pretty(v, o), "names of another count")
	o.Records = func(Atom, int) ([]Atom, bool) { return []Atom{"name", "age"}, true }
	assert.Equal(t, `#person{name = "Joe",age = 3}`, Pretty(v, o))
	assert.Equal(t, `person`, Pretty(Atom("person"), o))
}

// TestQuoteString: strings as io_lib:write_string/1 writes them (erl
// without +pc unicode, where only Latin-1 is printable), and with the
// characters beyond Latin-1 as they are.
func TestQuoteString(t *testing.T) {
	s := "a\nb\"\\é\u03b1\x01\x7f\x1b\t"
	assert.Equal(t, `"a\nb\"\\é\x{3B1}\001\d\e\t"`, QuoteString(s, false))
	assert.Equal(t, `"a\nb\"\\éα\001\d\e\t"`, QuoteString(s, true))
	assert.Equal(t, `""`, QuoteString("", false))
}

package shell

import (
	"errors"
	"strings"
	"testing"
)

// FuzzParse checks that no input makes Parse or Complete panic or loop,
// that errors are *SyntaxError values with a location, and that what
// Parse accepts is a well-formed tree. The golden cases are its seeds.
func FuzzParse(f *testing.F) {
	for _, c := range readGolden(f) {
		f.Add(c.In)
	}
	f.Add(strings.Repeat("(", 2000) + "1" + strings.Repeat(")", 2000) + ".")
	f.Add(strings.Repeat("- ", 5000) + "1.")
	f.Add(strings.Repeat("a ++ ", 5000) + "b.")
	f.Add(strings.Repeat("catch ", 2000) + "1.")
	f.Add(strings.Repeat("<<", 2000) + "1.")
	f.Add("\"" + strings.Repeat("\\x{", 100))
	f.Fuzz(func(t *testing.T, src string) {
		end, ok := Complete(src)
		if ok && (end < 1 || end > len(src)) {
			t.Fatalf("Complete(%q) = %d, true", src, end)
		}
		if !ok && end != 0 {
			t.Fatalf("Complete(%q) = %d, false", src, end)
		}
		form := src
		if ok {
			form = src[:end]
		}
		for _, in := range []string{form, src} {
			es, err := Parse(in)
			if err != nil {
				var se *SyntaxError
				if !errors.As(err, &se) || se.Line < 1 || se.Column < 1 || se.Msg == "" {
					t.Fatalf("Parse(%q): bad error %#v", in, err)
				}
				continue
			}
			abstractText(es) // panics on a malformed tree
		}
	})
}

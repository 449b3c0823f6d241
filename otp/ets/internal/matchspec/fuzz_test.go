package matchspec

import (
	"testing"

	"github.com/scalability-go/otpbook/otp/term"
)

// FuzzCompile compiles arbitrary term text as a match specification and as
// a pattern, and runs what compiles against a few objects. It must never
// panic.
func FuzzCompile(f *testing.F) {
	for _, s := range []string{
		`[{{'$1','$2'},[{'>','$2',1}],['$$']}]`,
		`[{'_',[],['$_']}]`,
		`[{[a|'$1'],[{is_list,'$1'}],[{{'$1',{length,'$1'}}}]}]`,
		`[{#{k => '$1'},[{'=:=',{map_get,k,'$_'},'$1'}],[#{'$1' => {self}}]}]`,
		`[{{'$1'},[],[{'bsl','$1',100000}, {'div','$1',0}, {binary_part,<<1,2>>,{{1,1}}}]}]`,
		`[{{'$1','$1'},[{'andalso',true,{'orelse',false,'$1'}}],[{const,'$1'}]}]`,
		`{'$1',"ab",[x|y]}`,
	} {
		f.Add(s)
	}
	objs := []term.Term{
		term.Tuple{term.Atom("a"), 1},
		term.Tuple{1, 1},
		term.Tuple{true},
		term.List{term.Atom("a"), "bc"},
		"abc",
		term.MapOf(term.Atom("k"), term.Atom("v")),
		term.ImproperList{Elems: []term.Term{1}, Tail: 2},
		term.Tuple{term.Binary{1, 2}, -1 << 62, 2.5},
	}
	f.Fuzz(func(t *testing.T, text string) {
		ms, err := term.Parse(text)
		if err != nil {
			return
		}
		if s, err := Compile(ms); err == nil {
			for _, o := range objs {
				s.Run(o, testSelf)
			}
			s.Key(1)
			s.Key(2)
		}
		if p, err := CompilePattern(ms); err == nil {
			for _, o := range objs {
				p.Match(o)
				p.Matches(o)
			}
			p.Key(1)
		}
		for _, o := range objs {
			if s, err := Compile(term.List{term.Tuple{term.Atom("$1"), term.List{}, term.List{ms}}}); err == nil {
				s.Run(o, testSelf)
			}
			if s, err := Compile(term.List{term.Tuple{term.Atom("$1"), term.List{ms}, term.List{term.Atom("$_")}}}); err == nil {
				s.Run(o, testSelf)
			}
		}
	})
}

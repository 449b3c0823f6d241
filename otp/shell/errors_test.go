package shell

import (
	"bytes"
	"fmt"
	"os"
	"regexp"
	"strings"
	"testing"

	"github.com/scalability-go/otpbook/otp"
	"github.com/scalability-go/otpbook/otp/code"
	"github.com/scalability-go/otpbook/otp/stdlib"
	"github.com/scalability-go/otpbook/otp/term"
)

// fxPrompt splits the output of erl's shell at its prompts.
var fxPrompt = regexp.MustCompile(`(?m)^\d+> `)

// TestFormatExceptionAsErl raises each exception of
// testdata/exceptions.txt and compares what FormatException prints with
// what erl's shell printed for it, recorded by testdata/exceptions.sh.
func TestFormatExceptionAsErl(t *testing.T) {
	cases, err := term.ConsultFile("testdata/exceptions.txt")
	if err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile("testdata/exceptions.golden")
	if err != nil {
		t.Fatal(err)
	}
	outs := fxPrompt.Split(string(data), -1)
	outs = outs[1 : len(outs)-1] // the banner before the first prompt; halt() after the last
	if len(outs) != len(cases) {
		t.Fatalf("%d cases, %d outputs: run exceptions.sh", len(cases), len(outs))
	}
	for i, c := range cases {
		tup := c.(term.Tuple)
		exc := &otp.Exception{Class: fxClass(tup[0]), Reason: tup[1], Stack: fxList(tup[2])}
		want := strings.TrimSuffix(outs[i], "\n")
		if got := FormatException(exc); got != want {
			t.Errorf("case %d: %s\n got:\n%s\nwant:\n%s", i+1, term.Write(c), got, want)
		}
	}
}

func fxClass(t term.Term) otp.Class {
	switch t {
	case term.Atom("exit"):
		return otp.ClassExit
	case term.Atom("throw"):
		return otp.ClassThrow
	}
	return otp.ClassError
}

func fxList(t term.Term) term.List {
	if s, ok := t.(string); ok {
		l := term.List{}
		for _, r := range s {
			l = append(l, int(r))
		}
		return l
	}
	l, _ := t.(term.List)
	return l
}

func fxFrame(m, f string, args any, info ...term.Term) term.Tuple {
	return term.Tuple{term.Atom(m), term.Atom(f), args, term.List(info)}
}

// TestFormatException covers what erl cannot raise in its shell (Go
// frames, stacks that are no stacktraces) and what it prints only on a
// terminal (Unicode: an erl whose input is a pipe prints latin1).
func TestFormatException(t *testing.T) {
	interpreted := term.LocalFun{Module: "erl_eval", Index: 41, Uniq: 3316493, Arity: 1}
	goFrames := otp.Catch(func() { otp.Error(term.Atom("foo")) })
	thrown := otp.Catch(func() { otp.Throw(term.Atom("x")) })
	panicked := otp.Catch(func() { panic(fmt.Errorf("oops")) })
	cases := []struct {
		name string
		exc  *otp.Exception
		want string
	}{
		{"nil", nil, ""},
		{"go frames are left out", goFrames, "** exception error: foo"},
		{"go frames of a throw", thrown, "** exception throw: x"},
		{"a go panic", panicked, "** exception error: #Go<*errors.errorString:oops>"},
		{"go frames below a call", &otp.Exception{Class: otp.ClassError, Reason: term.Atom("badarg"),
			Stack: append(term.List{fxFrame("erlang", "hd", term.List{term.List{}})}, goFrames.Stack...)},
			"** exception error: bad argument\n     in function  hd/1\n        called as hd([])"},
		{"a stack with no frame but the runtime's", &otp.Exception{Class: otp.ClassError, Reason: term.Atom("foo"),
			Stack: term.List{fxFrame("otp", "run", 0)}}, "** exception error: foo"},
		{"not a stacktrace", &otp.Exception{Class: otp.ClassError, Reason: term.Atom("foo"), Stack: term.List{term.Atom("bar")}},
			"** exception error: {foo,[bar]}"},
		{"not a stacktrace, exit", &otp.Exception{Class: otp.ClassExit, Reason: term.Atom("foo"), Stack: term.List{term.Atom("bar")}},
			"** exception exit: {foo,[bar]}"},
		{"exit without stack", &otp.Exception{Class: otp.ClassExit, Reason: term.Atom("killed")}, "** exception exit: killed"},
		// Recorded from erl on a terminal.
		{"unicode atom", &otp.Exception{Class: otp.ClassError, Reason: term.Atom("héllo\u03b1")},
			"** exception error: 'héllo\u03b1'"},
		{"unicode binary", &otp.Exception{Class: otp.ClassError, Reason: term.Tuple{term.Atom("badmatch"), term.Binary("héllo")}},
			`** exception error: no match of right hand side value <<"héllo"/utf8>>`},
		{"unicode string", &otp.Exception{Class: otp.ClassError, Reason: term.Tuple{term.Atom("badmatch"), "héllo\u03b1"}},
			"** exception error: no match of right hand side value [104,233,108,108,111,\n                                                       945]"},
		{"latin1 args", &otp.Exception{Class: otp.ClassError, Reason: term.Atom("function_clause"),
			Stack: term.List{fxFrame("shell", "apply_fun", term.List{term.Atom("hé")},
				term.Tuple{term.Atom("file"), "shell.erl"}, term.Tuple{term.Atom("line"), 912})}},
			"** exception error: no function clause matching shell:apply_fun(hé) (shell.erl, line 912)"},
		// Recorded from erl: funs of the shell.
		{"interpreted fun, badarity", &otp.Exception{Class: otp.ClassError,
			Reason: term.Tuple{term.Atom("badarity"), term.Tuple{interpreted, term.List{}}}},
			"** exception error: interpreted function with arity 1 called with no arguments"},
		{"interpreted fun, function_clause", &otp.Exception{Class: otp.ClassError, Reason: term.Atom("function_clause"),
			Stack: term.List{fxFrame("lists", "sort", term.List{interpreted, term.Atom("a")},
				term.Tuple{term.Atom("file"), "lists.erl"}, term.Tuple{term.Atom("line"), 1017})}},
			"** exception error: no function clause matching \n                    lists:sort(#Fun<erl_eval.41.3316493>,a) (lists.erl, line 1017)"},
		{"fun in a frame", &otp.Exception{Class: otp.ClassError, Reason: term.Atom("function_clause"),
			Stack: term.List{fxFrame("erl_eval", "-inside-an-interpreted-fun-", term.List{2})}},
			"** exception error: no function clause matching \n                    erl_eval:'-inside-an-interpreted-fun-'(2) "},
		// The explanation a raiser may give in place of the reason's.
		{"reason explained", &otp.Exception{Class: otp.ClassError, Reason: term.Atom("badarg"),
			Stack: term.List{fxFrame("mymod", "f", term.List{1}, term.Tuple{term.Atom("error_info"),
				term.MapOf(term.Atom("messages"), term.MapOf(term.Atom("reason"), "the reason", 1, term.Binary("line one\nline two")))})}},
			"** exception error: the reason\n     in function  mymod:f/1\n        called as mymod:f(1)\n        *** argument 1: line one\n                        line two"},
	}
	for _, c := range cases {
		if got := FormatException(c.exc); got != c.want {
			t.Errorf("%s:\n got:\n%s\nwant:\n%s", c.name, got, c.want)
		}
	}
}

// TestFormatStdlibExceptions makes the calls of ../stdlib/testdata and
// compares the exceptions they raise, as FormatException prints them,
// with what erl printed for the same calls. Calls whose exception comes
// from inside a function of OTP's lists (a file and line, an internal
// function) are left out: their frames are OTP's implementation.
func TestFormatStdlibExceptions(t *testing.T) {
	cases, err := term.ConsultFile("../stdlib/testdata/calls.txt")
	if err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile("../stdlib/testdata/calls.golden")
	if err != nil {
		t.Fatal(err)
	}
	blocks := strings.Split(strings.TrimSpace(string(data)), "\n\n")
	if len(blocks) != len(cases) {
		t.Fatalf("%d cases, %d outcomes", len(cases), len(blocks))
	}
	n, err := otp.NewNode()
	if err != nil {
		t.Fatal(err)
	}
	defer n.Stop()
	if err := stdlib.Load(n); err != nil {
		t.Fatal(err)
	}
	pid := regexp.MustCompile(`<0\.\d+\.0>`)
	compared := 0
	for i, c := range cases {
		lines := strings.Split(blocks[i], "\n")
		var shell []string
		for _, l := range lines[2:] {
			if !strings.HasPrefix(l, "output ") {
				shell = append(shell, l)
			}
		}
		want := strings.Join(shell, "\n")
		if want == "" || strings.Contains(want, ".erl, line") || strings.Contains(want, "in call from") ||
			strings.Contains(want, " \n") || strings.HasSuffix(want, " ") {
			continue
		}
		exc := fxRun(n, c)
		if exc == nil {
			t.Errorf("%s: no exception, want\n%s", lines[0], want)
			continue
		}
		compared++
		got := pid.ReplaceAllString(FormatException(exc), "<PID>")
		if want = pid.ReplaceAllString(want, "<PID>"); got != want {
			t.Errorf("%s:\n got:\n%s\nwant:\n%s", lines[0], got, want)
		}
	}
	t.Logf("compared %d exceptions", compared)
	if compared < 100 {
		t.Errorf("compared only %d exceptions", compared)
	}
}

// fxRun makes the calls of a case of ../stdlib/testdata/calls.txt in a
// process of its own and returns the exception the last raised.
func fxRun(n *otp.Node, c term.Term) *otp.Exception {
	calls, ok := c.(term.List)
	if !ok {
		calls = term.List{c}
	}
	p := n.Attach()
	defer p.Detach()
	dead, ref := p.SpawnMonitor(func(*otp.Process) {})
	p.ReceiveMatch(func(m any) bool { d, ok := m.(otp.DownMsg); return ok && d.Ref == ref }, otp.Infinity)
	p.SetOutput(&bytes.Buffer{})
	var exc *otp.Exception
	for _, x := range calls {
		mfa := x.(term.Tuple)
		args := fxSubst(mfa[2], p.Self(), dead).(term.List)
		exc = otp.Catch(func() {
			code.Of(n).Apply(p, mfa[0].(term.Atom), mfa[1].(term.Atom), args)
		})
	}
	return exc
}

func fxSubst(t term.Term, self, dead term.Pid) term.Term {
	switch v := t.(type) {
	case term.Atom:
		switch v {
		case "$self":
			return self
		case "$dead":
			return dead
		}
	case term.List:
		out := make(term.List, len(v))
		for i, x := range v {
			out[i] = fxSubst(x, self, dead)
		}
		return out
	case term.ImproperList:
		elems := fxSubst(term.List(v.Elems), self, dead).(term.List)
		return term.Cons(fxSubst(v.Tail, self, dead), elems...)
	case term.Tuple:
		out := make(term.Tuple, len(v))
		for i, x := range v {
			out[i] = fxSubst(x, self, dead)
		}
		return out
	}
	return t
}

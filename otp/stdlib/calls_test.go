package stdlib_test

import (
	"bytes"
	"io"
	"log/slog"
	"os"
	"regexp"
	"strings"
	"testing"

	"github.com/scalability-go/otpbook/otp"
	"github.com/scalability-go/otpbook/otp/code"
	"github.com/scalability-go/otpbook/otp/stdlib"
	"github.com/scalability-go/otpbook/otp/term"
)

// The calls of testdata/calls.txt, each made by a process of its own, with
// the outcome that Erlang/OTP 25 gave, recorded by testdata/gen.escript in
// testdata/calls.golden.

// golden is one recorded outcome.
type golden struct {
	call    string // the call, as gen.escript wrote it
	outcome string // => {value,V} or => {Class,Reason}
	shell   string // the exception as the shell prints it
	output  string // output [Chars], or ""
}

func readGolden(t *testing.T) ([]term.Term, []golden) {
	t.Helper()
	cases, err := term.ConsultFile("testdata/calls.txt")
	if err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile("testdata/calls.golden")
	if err != nil {
		t.Fatal(err)
	}
	var gs []golden
	for _, block := range strings.Split(strings.TrimSpace(string(data)), "\n\n") {
		lines := strings.Split(block, "\n")
		g := golden{call: lines[0], outcome: lines[1]}
		rest := lines[2:]
		if n := len(rest); n > 0 && strings.HasPrefix(rest[n-1], "output ") {
			g.output = rest[n-1]
			rest = rest[:n-1]
		}
		g.shell = strings.Join(rest, "\n")
		gs = append(gs, g)
	}
	if len(gs) != len(cases) {
		t.Fatalf("%d cases, %d outcomes: run gen.escript", len(cases), len(gs))
	}
	return cases, gs
}

// outcome is what a case did.
type outcome struct {
	value  term.Term
	exc    *otp.Exception
	output string
}

func (o outcome) String() string {
	if o.exc != nil {
		return "=> {" + o.exc.Class.String() + "," + term.Write(o.exc.Reason) + "}"
	}
	return "=> {value," + term.Write(o.value) + "}"
}

// run makes the calls of a case in a new process of n.
func run(t *testing.T, n *otp.Node, c term.Term) outcome {
	t.Helper()
	calls, ok := c.(term.List)
	if !ok {
		calls = term.List{c}
	}
	dead := deadPid(n)
	p := n.Attach()
	defer p.Detach()
	var out bytes.Buffer
	p.SetOutput(&out)
	var o outcome
	for _, x := range calls {
		mfa := x.(term.Tuple)
		args := subst(mfa[2], p.Self(), dead).(term.List)
		o.exc = otp.Catch(func() {
			o.value = code.Of(n).Apply(p, mfa[0].(term.Atom), mfa[1].(term.Atom), args)
		})
	}
	o.output = out.String()
	return o
}

func deadPid(n *otp.Node) term.Pid {
	p := n.Attach()
	defer p.Detach()
	pid, ref := p.SpawnMonitor(func(*otp.Process) {})
	p.ReceiveMatch(func(m any) bool { d, ok := m.(otp.DownMsg); return ok && d.Ref == ref }, otp.Infinity)
	return pid
}

func subst(t term.Term, self, dead term.Pid) term.Term {
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
			out[i] = subst(x, self, dead)
		}
		return out
	case term.ImproperList:
		elems := subst(term.List(v.Elems), self, dead).(term.List)
		return term.Cons(subst(v.Tail, self, dead), elems...)
	case term.Tuple:
		out := make(term.Tuple, len(v))
		for i, x := range v {
			out[i] = subst(x, self, dead)
		}
		return out
	}
	return t
}

var (
	pidRE = regexp.MustCompile(`<0\.\d+\.0>`)
	refRE = regexp.MustCompile(`#Ref<[0-9.]+>`)
)

func normalize(s string) string {
	return refRE.ReplaceAllString(pidRE.ReplaceAllString(s, "<PID>"), "#Ref")
}

// outputTerm writes output as gen.escript does: output [Chars].
func outputTerm(s string) string {
	l := term.List{}
	for _, r := range s {
		l = append(l, int(r))
	}
	return "output " + term.Write(l)
}

// flat flattens a deep list: io_lib returns deep lists in OTP and flat
// ones here.
func flat(t term.Term) term.Term {
	switch v := t.(type) {
	case string:
		out := term.List{}
		for _, r := range v {
			out = append(out, int(r))
		}
		return out
	case term.List:
		out := term.List{}
		for _, x := range v {
			switch x.(type) {
			case string, term.List:
				out = append(out, flat(x).(term.List)...)
			default:
				out = append(out, x)
			}
		}
		return out
	}
	return t
}

func newNode(t *testing.T) *otp.Node {
	t.Helper()
	// Quiet: processes that crash on purpose log their crash.
	n, err := otp.NewNode(otp.Logger(slog.New(slog.NewTextHandler(io.Discard, nil))))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(n.Stop)
	if err := stdlib.Load(n); err != nil {
		t.Fatal(err)
	}
	return n
}

func TestCallsAsErlang(t *testing.T) {
	cases, gs := readGolden(t)
	n := newNode(t)
	for i, c := range cases {
		g := gs[i]
		o := run(t, n, c)
		got := normalize(o.String())
		want := normalize(g.outcome)
		if got != want && strings.HasPrefix(g.call, "io_lib:") && o.exc == nil {
			// OTP returns a deep list, this package a flat one.
			text := strings.TrimSuffix(strings.TrimPrefix(g.outcome, "=> {value,"), "}")
			if v, err := term.Parse(text); err == nil {
				got, want = term.Write(flat(o.value)), term.Write(flat(v))
			}
		}
		if got != want {
			t.Errorf("%s\n got %s\nwant %s", g.call, got, want)
		}
		if g.output != "" || o.output != "" {
			if gotOut := outputTerm(o.output); gotOut != g.output {
				t.Errorf("%s: printed\n%s\nwant\n%s", g.call, gotOut, g.output)
			}
		}
	}
}

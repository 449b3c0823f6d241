// Book: chapter 5, "Controlling OTP Behaviours" (the chapter's shell sessions).

package main

import (
	"fmt"
	"os"
	"regexp"
	"strings"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"
	"github.com/scalability-go/otpbook/ch05/internal/golden"
	"github.com/scalability-go/otpbook/internal/chapter"
)

func TestMain(m *testing.M) {
	testscript.Main(m, map[string]func(){
		"ch05": func() {
			status, err := chapter.Run(os.Stdin, os.Stdout, modules())
			if err != nil {
				fmt.Fprintln(os.Stderr, "ch05:", err)
				status = 1
			}
			os.Exit(status)
		},
	})
}

// TestScript replays the chapter's shell sessions (testdata/script) in the
// shell of go run ./ch05.
func TestScript(t *testing.T) {
	testscript.Run(t, testscript.Params{
		Dir:  "testdata/script",
		Cmds: map[string]func(*testscript.TestScript, bool, []string){"cmpflat": cmpFlat},
	})
}

var (
	// clock is a date and time of statistics, {{Y,M,D},{H,Mi,S}}.
	clock = regexp.MustCompile(`\{\{\d{4},\d{1,2},\d{1,2}\},\s*\{\d{1,2},\d{1,2},\d{1,2}\}\}`)
	// reductions is Erlang's count of work, which Go counts otherwise.
	reductions = regexp.MustCompile(`\{reductions,\d+\}`)
)

// cmpFlat is cmp for a session that prints references or clocks: the
// files must be the same once references are numbered in the order they
// appear (their text differs from node to node, and so where the shell
// breaks the lines that hold them: line breaks inside terms are taken
// out), and dates, times and reductions masked.
//
//	cmpflat stdout want
func cmpFlat(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 2 {
		ts.Fatalf("usage: cmpflat file1 file2")
	}
	mask := func(s string) string {
		s = golden.Normalize(golden.Flat(s))
		s = clock.ReplaceAllString(s, "{{Y,M,D},{H,Mi,S}}")
		return reductions.ReplaceAllString(s, "{reductions,N}")
	}
	got, want := mask(ts.ReadFile(args[0])), mask(ts.ReadFile(args[1]))
	if got != want {
		ts.Logf("[diff -%s +%s]\n%s", args[0], args[1], diff(got, want))
		ts.Fatalf("%s and %s differ", args[0], args[1])
	}
}

// diff lists the lines of a and b from the first that differs.
func diff(a, b string) string {
	la, lb := strings.Split(a, "\n"), strings.Split(b, "\n")
	i := 0
	for i < len(la) && i < len(lb) && la[i] == lb[i] {
		i++
	}
	out := fmt.Sprintf("line %d:\n", i+1)
	for j := i; j < len(la) && j < i+5; j++ {
		out += "-" + la[j] + "\n"
	}
	for j := i; j < len(lb) && j < i+5; j++ {
		out += "+" + lb[j] + "\n"
	}
	return out
}

package main

import (
	"fmt"
	"os"
	"regexp"
	"strings"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"
	"github.com/scalability-go/otpbook/internal/chapter"
)

func TestMain(m *testing.M) {
	testscript.Main(m, map[string]func(){
		"ch03": func() {
			mods, err := modules(os.Args[1:])
			if err != nil {
				fmt.Fprintln(os.Stderr, "ch03:", err)
				os.Exit(2)
			}
			status, err := chapter.Run(os.Stdin, os.Stdout, mods())
			if err != nil {
				fmt.Fprintln(os.Stderr, "ch03:", err)
				status = 1
			}
			os.Exit(status)
		},
	})
}

// TestScript replays the chapter's shell sessions (testdata/script) in the
// shell of go run ./ch03.
func TestScript(t *testing.T) {
	testscript.Run(t, testscript.Params{
		Dir:  "testdata/script",
		Cmds: map[string]func(*testscript.TestScript, bool, []string){"cmpreport": cmpReport},
	})
}

// reportDate is the time stamp of an error report's first line, which
// differs from run to run.
var reportDate = regexp.MustCompile(`=ERROR REPORT==== .* ===`)

// cmpReport is cmp for a session whose processes crash: the files must be
// the same once the error reports' time stamps are taken out.
//
//	cmpreport stdout want
func cmpReport(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 2 {
		ts.Fatalf("usage: cmpreport file1 file2")
	}
	read := func(name string) string {
		if name == "stdout" {
			return ts.ReadFile("stdout")
		}
		return ts.ReadFile(name)
	}
	mask := func(s string) string { return reportDate.ReplaceAllString(s, "=ERROR REPORT==== DATE ===") }
	got, want := mask(read(args[0])), mask(read(args[1]))
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

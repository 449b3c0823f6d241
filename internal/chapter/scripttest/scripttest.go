// Package scripttest replays a chapter's shell sessions, the testscript
// files of its testdata/script, in the shell that go run ./chNN opens: each
// script types a session into the command named after the chapter and
// compares what the shell printed with what erl prints.
package scripttest

import (
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"
	"github.com/scalability-go/otpbook/internal/chapter"
	"github.com/scalability-go/otpbook/otp/code"
)

// Main is a chapter's TestMain. The scripts' command name ("ch02") runs
// the chapter's shell over its standard input with the modules that
// modules gives for the command's arguments, and exits with the shell's
// status: 2 when the arguments are wrong, 1 after an error.
func Main(m *testing.M, name string, modules func(args []string) ([]*code.Module, error)) {
	testscript.Main(m, map[string]func(){
		name: func() {
			mods, err := modules(os.Args[1:])
			if err != nil {
				fmt.Fprintf(os.Stderr, "%s: %v\n", name, err)
				os.Exit(2)
			}
			status, err := chapter.Run(os.Stdin, os.Stdout, mods)
			if err != nil {
				fmt.Fprintf(os.Stderr, "%s: %v\n", name, err)
				status = 1
			}
			os.Exit(status)
		},
	})
}

// Modules is the modules argument of Main for a chapter whose command
// takes no arguments.
func Modules(modules func() []*code.Module) func(args []string) ([]*code.Module, error) {
	return func(args []string) ([]*code.Module, error) {
		if len(args) != 0 {
			return nil, fmt.Errorf("no arguments expected, got %q", args)
		}
		return modules(), nil
	}
}

// Run replays the scripts of testdata/script, with cmds as extra commands.
func Run(t *testing.T, cmds map[string]func(*testscript.TestScript, bool, []string)) {
	testscript.Run(t, testscript.Params{Dir: "testdata/script", Cmds: cmds})
}

// Cmp returns a command like cmp, named name, for output that differs from
// run to run (times, references): it compares two files (stdout and stderr
// are the last command's output) once mask has been applied to both, and
// shows the first lines that differ.
//
//	name stdout want
func Cmp(name string, mask func(string) string) func(*testscript.TestScript, bool, []string) {
	return func(ts *testscript.TestScript, neg bool, args []string) {
		if neg || len(args) != 2 {
			ts.Fatalf("usage: %s file1 file2", name)
		}
		got, want := mask(ts.ReadFile(args[0])), mask(ts.ReadFile(args[1]))
		if got != want {
			ts.Logf("[diff -%s +%s]\n%s", args[0], args[1], Diff(got, want))
			ts.Fatalf("%s and %s differ", args[0], args[1])
		}
	}
}

// Diff lists the lines of a and b from the first that differs, five of
// each at most.
func Diff(a, b string) string {
	la, lb := strings.Split(a, "\n"), strings.Split(b, "\n")
	i := 0
	for i < len(la) && i < len(lb) && la[i] == lb[i] {
		i++
	}
	var out strings.Builder
	fmt.Fprintf(&out, "line %d:\n", i+1)
	for j := i; j < len(la) && j < i+5; j++ {
		out.WriteString("-" + la[j] + "\n")
	}
	for j := i; j < len(lb) && j < i+5; j++ {
		out.WriteString("+" + lb[j] + "\n")
	}
	return out.String()
}

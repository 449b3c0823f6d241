package main

import (
	"os"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"
)

func TestMain(m *testing.M) {
	testscript.Main(m, map[string]func(){
		"ch02": func() {
			os.Exit(exitStatus(run(os.Stdin, os.Stdout)))
		},
	})
}

// TestScript replays the chapter's shell sessions (testdata/script) in the
// shell of go run ./ch02.
func TestScript(t *testing.T) {
	testscript.Run(t, testscript.Params{Dir: "testdata/script"})
}

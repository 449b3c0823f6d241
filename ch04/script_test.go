// Book: chapter 4, "Generic Servers".

package main

import (
	"fmt"
	"os"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"
	"github.com/scalability-go/otpbook/internal/chapter"
)

func TestMain(m *testing.M) {
	testscript.Main(m, map[string]func(){
		"ch04": func() {
			status, err := chapter.Run(os.Stdin, os.Stdout, modules())
			if err != nil {
				fmt.Fprintln(os.Stderr, "ch04:", err)
				status = 1
			}
			os.Exit(status)
		},
	})
}

// TestScript replays the chapter's shell sessions (testdata/script) in the
// shell of go run ./ch04.
func TestScript(t *testing.T) {
	testscript.Run(t, testscript.Params{Dir: "testdata/script"})
}

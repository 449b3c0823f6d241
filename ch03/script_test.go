package main

import (
	"regexp"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"
	"github.com/scalability-go/otpbook/internal/chapter/scripttest"
	"github.com/scalability-go/otpbook/otp/code"
)

func TestMain(m *testing.M) {
	scripttest.Main(m, "ch03", func(args []string) ([]*code.Module, error) {
		mods, err := modules(args)
		if err != nil {
			return nil, err
		}
		return mods(), nil
	})
}

// TestScript replays the chapter's shell sessions (testdata/script) in the
// shell of go run ./ch03. cmpreport is cmp for a session whose processes
// crash: the files must be the same once the error reports' time stamps
// are taken out.
//
//	cmpreport stdout want
func TestScript(t *testing.T) {
	mask := func(s string) string { return reportDate.ReplaceAllString(s, "=ERROR REPORT==== DATE ===") }
	scripttest.Run(t, map[string]func(*testscript.TestScript, bool, []string){
		"cmpreport": scripttest.Cmp("cmpreport", mask),
	})
}

// reportDate is the time stamp of an error report's first line, which
// differs from run to run.
var reportDate = regexp.MustCompile(`=ERROR REPORT==== .* ===`)

// Book: chapter 5, "Controlling OTP Behaviours" (the chapter's shell sessions).

package main

import (
	"regexp"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"
	"github.com/scalability-go/otpbook/ch05/internal/golden"
	"github.com/scalability-go/otpbook/internal/chapter/scripttest"
)

func TestMain(m *testing.M) {
	scripttest.Main(m, "ch05", scripttest.Modules(modules))
}

// TestScript replays the chapter's shell sessions (testdata/script) in the
// shell of go run ./ch05.
func TestScript(t *testing.T) {
	scripttest.Run(t, map[string]func(*testscript.TestScript, bool, []string){
		"cmpflat": scripttest.Cmp("cmpflat", flat),
	})
}

var (
	// clock is a date and time of statistics, {{Y,M,D},{H,Mi,S}}.
	clock = regexp.MustCompile(`\{\{\d{4},\d{1,2},\d{1,2}\},\s*\{\d{1,2},\d{1,2},\d{1,2}\}\}`)
	// reductions is Erlang's count of work, which Go counts otherwise.
	reductions = regexp.MustCompile(`\{reductions,\d+\}`)
)

// flat is the mask of cmpflat, the cmp of sessions that print references
// or clocks: the files must be the same once references are numbered in
// the order they appear (their text differs from node to node, and so
// where the shell breaks the lines that hold them: line breaks inside terms
// are taken out), and dates, times and reductions masked.
//
//	cmpflat stdout want
func flat(s string) string {
	s = golden.Normalize(golden.Flat(s))
	s = clock.ReplaceAllString(s, "{{Y,M,D},{H,Mi,S}}")
	return reductions.ReplaceAllString(s, "{reductions,N}")
}

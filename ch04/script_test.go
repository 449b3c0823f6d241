// Book: chapter 4, "Generic Servers" (the chapter's shell sessions).

package main

import (
	"testing"

	"github.com/scalability-go/otpbook/internal/chapter/scripttest"
)

func TestMain(m *testing.M) {
	scripttest.Main(m, "ch04", scripttest.Modules(modules))
}

// TestScript replays the chapter's shell sessions (testdata/script) in the
// shell of go run ./ch04.
func TestScript(t *testing.T) {
	scripttest.Run(t, nil)
}

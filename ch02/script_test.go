package main

import (
	"testing"

	"github.com/scalability-go/otpbook/internal/chapter/scripttest"
)

func TestMain(m *testing.M) {
	scripttest.Main(m, "ch02", scripttest.Modules(modules))
}

// TestScript replays the chapter's shell sessions (testdata/script) in the
// shell of go run ./ch02.
func TestScript(t *testing.T) {
	scripttest.Run(t, nil)
}

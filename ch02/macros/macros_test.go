package macros_test

import (
	"testing"
	"time"

	"github.com/scalability-go/otpbook/ch02/macros"
	"github.com/stretchr/testify/assert"
)

func TestConstantAndMacro(t *testing.T) {
	assert.Equal(t, 5*time.Second, macros.Timeout)
	assert.Equal(t, 3, macros.Max(1, 3))
	assert.Equal(t, "b", macros.Max("b", "a"))
	assert.Equal(t, 2.5, macros.Max(2.5, -1))
}

func TestWhere(t *testing.T) {
	module, function, line := macros.Where()
	assert.Equal(t, "macros_test", module)
	assert.Equal(t, "TestWhere", function)
	assert.Equal(t, 19, line) // the line of the call above
}

// The debug line is printed only in a build with -tags debug; CI runs
// the tests both ways (see macros_debug_test.go).
func TestDebugFollowsTheTag(t *testing.T) {
	out := captureStderr(t, func() { assert.Equal(t, 8, macros.Double(4)) })
	if macros.DebugOn {
		assert.Equal(t, "debug: doubling 4\n", out)
	} else {
		assert.Empty(t, out)
	}
}

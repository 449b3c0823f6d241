// Book: chapter 5, "Controlling OTP Behaviours" (Memory Usage).

package main

import (
	"bytes"
	"testing"
	"testing/synctest"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.uber.org/goleak"
)

func TestMain(m *testing.M) {
	goleak.VerifyTestMain(m)
}

// The program's measurements: one allocation sized, many grown; the
// buffer retained by sub-slices and not by copies; the cache's 64 MiB
// given back after the idle period (time runs on synctest's clock).
func TestRun(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		var out bytes.Buffer
		require.NoError(t, run(&out, 100*time.Millisecond))
		s := out.String()
		assert.Contains(t, s, "capacity given: 1 allocations")
		assert.Contains(t, s, "as sub-slices: 64.0 MiB retained")
		assert.Contains(t, s, "as copies    : 0.0 MiB retained")
		assert.Contains(t, s, "holding 8 buffers of 8 MiB: 64.0 MiB in use")
		assert.Contains(t, s, "(emptied, hibernated, woken): 0.0 MiB in use")
	})
}

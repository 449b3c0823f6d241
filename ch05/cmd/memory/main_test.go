// Book: chapter 5, "Controlling OTP Behaviours" (Memory Usage).

package main

import (
	"bytes"
	"regexp"
	"strconv"
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

// The program's measurements: fewer allocations sized than grown (the
// count is the whole program's, so other goroutines may add a few); the
// buffer retained by sub-slices and not by copies; the cache's 64 MiB
// given back after the idle period (time runs on synctest's clock).
func TestRun(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		var out bytes.Buffer
		require.NoError(t, run(&out, 100*time.Millisecond))
		s := out.String()
		given := regexp.MustCompile(`capacity given: (\d+) allocations`).FindStringSubmatch(s)
		grown := regexp.MustCompile(`grown: +(\d+) allocations`).FindStringSubmatch(s)
		require.Len(t, given, 2, s)
		require.Len(t, grown, 2, s)
		g, _ := strconv.Atoi(given[1])
		w, _ := strconv.Atoi(grown[1])
		assert.Less(t, g, w, "sizing the state up front allocates less")
		assert.Contains(t, s, "as sub-slices: 64.0 MiB retained")
		assert.Contains(t, s, "as copies    : 0.0 MiB retained")
		assert.Contains(t, s, "holding 8 buffers of 8 MiB: 64.0 MiB in use")
		assert.Contains(t, s, "(emptied, hibernated, woken): 0.0 MiB in use")
	})
}

//go:build !race

// The race detector allows 8128 goroutines at once: this test runs without
// it (go test ./otp, not go test -race).

package otp_test

import (
	"runtime"
	"runtime/debug"
	"sync"
	"testing"

	"github.com/scalability-go/otpbook/otp"
	"github.com/stretchr/testify/require"
)

// TestMillionIdleProcesses spawns 1,000,000 processes blocked in receive
// and reports the memory each takes (OTP 25 takes about 2,650 bytes; the
// target is at most 3,000), then stops them all.
func TestMillionIdleProcesses(t *testing.T) {
	if testing.Short() {
		t.Skip("spawns a million processes")
	}
	const count = 1_000_000
	n, err := otp.NewNode()
	require.NoError(t, err)
	defer n.Stop()

	before := memInUse()
	var waiting sync.WaitGroup
	waiting.Add(count)
	body := func(p *otp.Process) {
		waiting.Done()
		p.Receive()
	}
	for range count {
		n.Spawn(body)
	}
	waiting.Wait()
	after := memInUse()
	require.Len(t, n.Processes(), count)

	perProcess := float64(after-before) / count
	t.Logf("%d idle processes: %.0f bytes per process", count, perProcess)
	require.LessOrEqual(t, perProcess, 3000.0)

	n.Stop()
	require.Empty(t, n.Processes())
}

// memInUse is the memory taken by the heap and the goroutine stacks, after
// a collection.
func memInUse() uint64 {
	runtime.GC()
	debug.FreeOSMemory()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return m.HeapInuse + m.StackInuse
}

// Book: chapter 5, "Controlling OTP Behaviours" (Performance Tuning Options; Memory Usage; Options to Avoid).

// Command memory measures what the chapter's memory options become in
// Go (see package ch05/memory): a server's state sized up front, small
// pieces kept from a large buffer by sub-slicing and by copying, and a
// cache that drops its buffers when idle and hibernates. The shell cannot
// show these: they are measurements of the Go heap.
//
//	go run ./ch05/cmd/memory
package main

import (
	"fmt"
	"io"
	"os"
	"runtime"
	"runtime/debug"
	"time"

	"github.com/scalability-go/otpbook/ch05/memory"
	"github.com/scalability-go/otpbook/otp"
	"github.com/scalability-go/otpbook/otp/genserver"
	"github.com/scalability-go/otpbook/otp/term"
)

const mib = 1 << 20

func main() {
	if err := run(os.Stdout, 100*time.Millisecond); err != nil {
		fmt.Fprintln(os.Stderr, "memory:", err)
		os.Exit(1)
	}
}

func mb(n uint64) string { return fmt.Sprintf("%.1f MiB", float64(n)/mib) }

func run(w io.Writer, idle time.Duration) error {
	fmt.Fprintln(w, "Per-process heap options (min_heap_size, min_bin_vheap_size, fullsweep_after,")
	fmt.Fprintln(w, "priority) have no Go equivalent: goroutines share one heap and one collector.")
	gogc := debug.SetGCPercent(-1) // reads it, and sets it back below
	debug.SetGCPercent(gogc)
	fmt.Fprintf(w, "GOGC is %d%% (debug.SetGCPercent), the memory limit %d bytes (debug.SetMemoryLimit): global.\n\n",
		gogc, debug.SetMemoryLimit(-1))

	fmt.Fprintln(w, "min_heap_size -> size the state when the process starts:")
	fmt.Fprintf(w, "  100000 appends, capacity given: %.0f allocations\n", allocs(func() { memory.Preallocate(100000, true) }))
	fmt.Fprintf(w, "  100000 appends, grown:          %.0f allocations\n\n", allocs(func() { memory.Preallocate(100000, false) }))

	fmt.Fprintln(w, "Reference-counted binaries -> sub-slices keep the whole backing array:")
	for _, copied := range []bool{false, true} {
		before := memory.HeapInUse()
		buf := make([]byte, 64*mib)
		pieces := memory.Keep(buf, 64, 100, copied)
		buf = nil
		after := memory.HeapInUse()
		runtime.KeepAlive(pieces)
		how := "sub-slices"
		if copied {
			how = "copies    "
		}
		fmt.Fprintf(w, "  64 pieces of 100 bytes of a 64 MiB buffer, as %s: %s retained\n", how, mb(sub(after, before)))
	}
	fmt.Fprintln(w)

	fmt.Fprintf(w, "hibernate_after -> a cache that drops its buffers after %v idle:\n", idle)
	n, err := otp.NewNode()
	if err != nil {
		return err
	}
	defer n.Stop()
	self := n.Attach()
	defer self.Detach()
	pid, err := genserver.Start(self, nil, genserver.Adapt[memory.CacheState](memory.Cache{Idle: idle}), term.List{})
	if err != nil {
		return err
	}
	before := memory.HeapInUse()
	for i := range 8 {
		if _, err := genserver.Call(self, pid, memory.Put{Key: i, Size: 8 * mib}); err != nil {
			return err
		}
	}
	fmt.Fprintf(w, "  busy, holding 8 buffers of 8 MiB: %s in use\n", mb(sub(memory.HeapInUse(), before)))
	self.Sleep(2 * idle)
	if _, err := genserver.Call(self, pid, memory.Size{}); err != nil { // it wakes up
		return err
	}
	fmt.Fprintf(w, "  after %v idle (emptied, hibernated, woken): %s in use\n", 2*idle, mb(sub(memory.HeapInUse(), before)))
	return genserver.StopServer(self, pid)
}

func sub(a, b uint64) uint64 {
	if a < b {
		return 0
	}
	return a - b
}

func allocs(f func()) float64 {
	var m0, m1 runtime.MemStats
	runtime.ReadMemStats(&m0)
	f()
	runtime.ReadMemStats(&m1)
	return float64(m1.Mallocs - m0.Mallocs)
}

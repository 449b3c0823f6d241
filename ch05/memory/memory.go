// Book: chapter 5, "Controlling OTP Behaviours" (Performance Tuning Options; Memory Usage; Options to Avoid).

// Package memory is the second half of the chapter in Go terms: what the
// spawn_opt memory options of a behaviour become when processes are
// goroutines and there is one garbage collector for the whole program.
//
// What Go cannot do per process. An Erlang process has its own heap,
// collected on its own, generationally; min_heap_size, min_bin_vheap_size
// and fullsweep_after tune that collector for one process, and priority
// changes how the scheduler treats it. A goroutine has a stack and
// nothing else of its own: every allocation is on the one shared heap,
// collected by one concurrent, non-generational collector for all of
// them. The runtime (package otp/gen) accepts {spawn_opt, Opts} and
// ignores it; nothing in Go sets a heap size, a collection threshold or a
// priority for one goroutine.
//
// What a Go program can do instead:
//
//   - min_heap_size: size the state up front. A slice or map given its
//     capacity when the process starts does not grow, copy and leave
//     garbage as it fills (Preallocate).
//   - fullsweep_after and min_bin_vheap_size: the collector's pace is
//     global, GOGC or debug.SetGCPercent, and debug.SetMemoryLimit sets a
//     soft ceiling. Erlang's off-heap binaries have an analogue: a small
//     sub-slice keeps its whole backing array alive, as a small
//     sub-binary keeps a large reference-counted binary alive until the
//     process that holds it is fully swept. Copy what you keep (Keep).
//   - hibernate and hibernate_after: a process that hibernates gives its
//     heap back. In Go, drop the references to big buffers when the
//     server goes idle, and the collector takes them (Cache, which empties
//     itself on an idle timeout and then hibernates).
//   - Options to avoid: there are no goroutine priorities, and
//     runtime.LockOSThread or GOMAXPROCS tricks meant to favour one
//     goroutine starve the others, as {priority, high} does in Erlang.
//
// Measure before tuning: HeapInUse reads runtime.MemStats after a
// collection.
package memory

import (
	"runtime"
)

// HeapInUse collects garbage and returns the bytes of heap objects still
// reachable (runtime.MemStats.HeapAlloc after runtime.GC).
func HeapInUse() uint64 {
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return m.HeapAlloc
}

// Keep returns n pieces of size bytes taken from buf, one every
// len(buf)/n bytes, as a server would keep small parts of a large message.
// With copied false the pieces are sub-slices: they share buf's backing
// array, which stays alive, all of it, as long as one piece does. With
// copied true each piece is a copy, and buf can be collected.
func Keep(buf []byte, n, size int, copied bool) [][]byte {
	out := make([][]byte, 0, n)
	step := len(buf) / n
	for i := range n {
		piece := buf[i*step : i*step+size : i*step+size]
		if copied {
			piece = append([]byte(nil), piece...)
		}
		out = append(out, piece)
	}
	return out
}

// Preallocate returns a list of n elements built by appending, as a
// server fills its state: with sized true it is made with capacity n at
// once (the analogue of min_heap_size: no growth, no copies); with sized
// false it grows as append doubles it, copying and leaving garbage.
func Preallocate(n int, sized bool) []int {
	var l []int
	if sized {
		l = make([]int, 0, n)
	}
	for i := range n {
		l = append(l, i)
	}
	return l
}

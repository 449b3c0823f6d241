package ets_test

import (
	"runtime"
	"sync"
	"testing"

	"github.com/scalability-go/otpbook/otp"
	"github.com/scalability-go/otpbook/otp/ets"
	"github.com/scalability-go/otpbook/otp/term"
)

// The tables of the benchmarks hold benchKeys integer keys; inserts and
// lookups go round them in order.
const benchKeys = 1_000_000

// keyTerms holds the keys 0 to benchKeys-1 as terms, made before the
// timer starts. ETS takes keys as terms, so a lookup benchmark that
// converted i%benchKeys to a term in its loop would time the allocation
// of that conversion too; the lookup benchmarks of ETS and of the
// baseline alike take their keys from here, the baseline unboxing them
// into its map's int keys.
var keyTerms = sync.OnceValue(func() []term.Term {
	ks := make([]term.Term, benchKeys)
	for k := range ks {
		ks[k] = k
	}
	return ks
})

func benchEnv(b *testing.B) (*otp.Node, *otp.Process) {
	n, err := otp.NewNode()
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(n.Stop)
	p := n.Attach()
	b.Cleanup(p.Detach)
	return n, p
}

// BenchmarkBaselineMapRWMutexInsert is what the ETS benchmarks compare
// with: a Go map under a sync.RWMutex.
func BenchmarkBaselineMapRWMutexInsert(b *testing.B) {
	b.ReportAllocs()
	var mu sync.RWMutex
	m := map[int]term.Tuple{}
	for i := 0; b.Loop(); i++ {
		k := i % benchKeys
		obj := term.Tuple{k, i}
		mu.Lock()
		m[k] = obj
		mu.Unlock()
	}
}

func baselineMap() (*sync.RWMutex, map[int]term.Tuple) {
	m := make(map[int]term.Tuple)
	for k := range benchKeys {
		m[k] = term.Tuple{k, k}
	}
	return &sync.RWMutex{}, m
}

func BenchmarkBaselineMapRWMutexLookup(b *testing.B) {
	mu, m := baselineMap()
	keys := keyTerms()
	settle(b)
	var sink term.Tuple
	for i := 0; b.Loop(); i++ {
		mu.RLock()
		sink = m[keys[i%benchKeys].(int)]
		mu.RUnlock()
		if len(sink) != 2 {
			b.Fatal(sink)
		}
	}
}

func BenchmarkBaselineMapRWMutexLookupParallel(b *testing.B) {
	mu, m := baselineMap()
	keys := keyTerms()
	settle(b)
	b.RunParallel(func(pb *testing.PB) {
		var sink term.Tuple
		for i := 0; pb.Next(); i++ {
			mu.RLock()
			sink = m[keys[i%benchKeys].(int)]
			mu.RUnlock()
			if len(sink) != 2 {
				b.Error(sink)
				return
			}
		}
	})
}

func BenchmarkInsertSet(b *testing.B) {
	_, p := benchEnv(b)
	tab, _ := ets.New(p, "bench", ets.Public)
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		k := i % benchKeys
		if err := ets.Insert(p, tab, term.Tuple{k, i}); err != nil {
			b.Fatal(err)
		}
	}
}

func filled(b *testing.B, p *otp.Process, opts ...ets.Option) ets.Tab {
	tab, err := ets.New(p, "bench", opts...)
	if err != nil {
		b.Fatal(err)
	}
	for k := range benchKeys {
		if err := ets.Insert(p, tab, term.Tuple{k, k}); err != nil {
			b.Fatal(err)
		}
	}
	return tab
}

func BenchmarkLookupSet(b *testing.B) {
	_, p := benchEnv(b)
	tab := filled(b, p, ets.Public)
	keys := keyTerms()
	settle(b)
	for i := 0; b.Loop(); i++ {
		if objs, err := ets.Lookup(p, tab, keys[i%benchKeys]); err != nil || len(objs) != 1 {
			b.Fatal(objs, err)
		}
	}
}

func benchLookupParallel(b *testing.B, opts ...ets.Option) {
	n, p := benchEnv(b)
	tab := filled(b, p, opts...)
	keys := keyTerms()
	settle(b)
	b.RunParallel(func(pb *testing.PB) {
		q := n.Attach()
		defer q.Detach()
		for i := 0; pb.Next(); i++ {
			if objs, err := ets.Lookup(q, tab, keys[i%benchKeys]); err != nil || len(objs) != 1 {
				b.Error(objs, err)
				return
			}
		}
	})
}

func BenchmarkLookupSetParallel(b *testing.B) { benchLookupParallel(b, ets.Public) }

func BenchmarkLookupSetParallelReadConcurrency(b *testing.B) {
	benchLookupParallel(b, ets.Public, ets.ReadConcurrency)
}

// BenchmarkInsertSetParallelWriteConcurrency inserts from several
// goroutines into a table with write_concurrency.
func BenchmarkInsertSetParallelWriteConcurrency(b *testing.B) {
	n, p := benchEnv(b)
	tab, _ := ets.New(p, "bench", ets.Public, ets.WriteConcurrency)
	b.ReportAllocs()
	b.RunParallel(func(pb *testing.PB) {
		q := n.Attach()
		defer q.Detach()
		for i := 0; pb.Next(); i++ {
			if err := ets.Insert(q, tab, term.Tuple{i % benchKeys, i}); err != nil {
				b.Error(err)
				return
			}
		}
	})
}

// The ordered_set benchmarks run at two sizes: the cost per operation
// grows with log n.
func BenchmarkInsertOrderedSet(b *testing.B) {
	for _, size := range []int{1_000, benchKeys} {
		b.Run(sizeName(size), func(b *testing.B) {
			_, p := benchEnv(b)
			tab, _ := ets.New(p, "bench", ets.OrderedSet, ets.Public)
			b.ReportAllocs()
			for i := 0; b.Loop(); i++ {
				k := i % size
				if err := ets.Insert(p, tab, term.Tuple{k, i}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

func BenchmarkLookupOrderedSet(b *testing.B) {
	for _, size := range []int{1_000, benchKeys} {
		b.Run(sizeName(size), func(b *testing.B) {
			_, p := benchEnv(b)
			tab, _ := ets.New(p, "bench", ets.OrderedSet, ets.Public)
			for k := range size {
				_ = ets.Insert(p, tab, term.Tuple{k, k})
			}
			keys := keyTerms()
			settle(b)
			for i := 0; b.Loop(); i++ {
				if objs, err := ets.Lookup(p, tab, keys[i%size]); err != nil || len(objs) != 1 {
					b.Fatal(objs, err)
				}
			}
		})
	}
}

// settle collects the garbage of filling a table (and of the benchmarks
// before), so that a lookup benchmark measures lookups, not the GC.
func settle(b *testing.B) {
	runtime.GC()
	b.ReportAllocs()
	b.ResetTimer()
}

func sizeName(n int) string {
	if n >= 1_000_000 {
		return "1M"
	}
	return "1k"
}

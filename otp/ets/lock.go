package ets

import (
	"math/rand/v2"
	"sync"
)

// tlock is a table's (or a shard's) readers-writer lock. With
// read_concurrency it is several locks on separate cache lines: a reader
// takes one of them, chosen at random, so that readers on different cores
// do not contend for one word, and a writer takes them all, which makes
// writing dearer, as read_concurrency does in OTP.
type tlock struct {
	l []paddedRW
}

type paddedRW struct {
	sync.RWMutex
	_ [64 - 24]byte
}

// readLocks is how many locks a table with read_concurrency has.
const readLocks = 8

func newLock(readConcurrency bool) tlock {
	if readConcurrency {
		return tlock{l: make([]paddedRW, readLocks)}
	}
	return tlock{l: make([]paddedRW, 1)}
}

// rlock takes a read lock and returns what runlock needs.
func (t *tlock) rlock() int {
	if len(t.l) == 1 {
		t.l[0].RLock()
		return 0
	}
	i := int(rand.Uint32()) & (len(t.l) - 1)
	t.l[i].RLock()
	return i
}

func (t *tlock) runlock(i int) { t.l[i].RUnlock() }

func (t *tlock) lock() {
	for i := range t.l {
		t.l[i].Lock()
	}
}

func (t *tlock) unlock() {
	for i := len(t.l) - 1; i >= 0; i-- {
		t.l[i].Unlock()
	}
}

package ets

import (
	"math"
	"sync/atomic"

	"github.com/scalability-go/otpbook/otp/term"
)

// hashStore is the store of set, bag and duplicate_bag tables: an open
// addressing hash table with linear probing, split into shards, each with
// its own lock (one shard unless the table has write_concurrency). A slot
// holds a key and all its objects, so that a lookup touches one slot and
// allocates nothing. Deleting leaves a tombstone, which keeps the key, so
// that deletions never move the other keys; only an insert that grows a
// shard (or clears out its tombstones) reorders it.
//
// While the table is fixed (ets:safe_fixtable), next and prev find a
// deleted key by its tombstone, as OTP finds a deleted object that a fixed
// table keeps, so that a first/next traversal may delete as it goes; and
// an insert of a new key does not reuse another key's tombstone.
//
// Traversal order is shard by shard, slot by slot.
type hashStore struct {
	kind   kind
	keypos int
	shift  uint // 64 - log2(len(shards)); 64 for one shard
	shards []shard
	// fixed is non-zero while the table is fixed.
	fixed atomic.Int32
}

type shard struct {
	mu    tlock
	fixed *atomic.Int32 // the store's
	// Small integer keys, the commonest, have a table of their own whose
	// slots hold the key unboxed in 32 bytes, half a cache line.
	ints  []islot
	iused int // live slots and tombstones of ints
	slots []slot
	used  int // live slots and tombstones of slots
	live  int // keys
	objs  int // objects
	words int // memory estimate
	_     [32]byte
}

// A slot is empty (key nil), a tombstone (key set, no objects) or live.
type slot struct {
	hash uint64
	key  term.Term
	objs []term.Tuple
}

// An islot is empty (objs nil), a tombstone (objs empty but not nil) or
// live.
type islot struct {
	key  int
	objs []term.Tuple
}

// tombstone marks an islot whose key was deleted.
var tombstone = []term.Tuple{}

// writeShards is how many shards a table with write_concurrency has.
const writeShards = 16

func newHashStore(k kind, keypos int, readConc, writeConc bool) *hashStore {
	n, shift := 1, uint(64)
	if writeConc {
		n, shift = writeShards, 64-4
	}
	s := &hashStore{kind: k, keypos: keypos, shift: shift, shards: make([]shard, n)}
	for i := range s.shards {
		s.shards[i].mu = newLock(readConc)
		s.shards[i].fixed = &s.fixed
	}
	return s
}

func (s *hashStore) shardOf(h uint64) *shard {
	if s.shift == 64 {
		return &s.shards[0]
	}
	return &s.shards[h>>s.shift]
}

// keyEq reports whether two normalised keys with equal hashes are the same
// key. Small integers hash bijectively, so two of them with one hash are
// equal; a normalised key that is an integer is an int, so an int and a
// key of another type are never exactly equal.
func keyEq(a, b term.Term) bool {
	if _, ok := a.(int); ok {
		_, ok = b.(int)
		return ok
	}
	if _, ok := b.(int); ok {
		return false
	}
	if x, ok := a.(term.Atom); ok {
		y, ok := b.(term.Atom)
		return ok && x == y
	}
	return term.Exact(a, b)
}

// find returns the index of k's slot, or of the slot where it would go
// (the first tombstone on its probe sequence, or the empty slot that ends
// it), and whether k is there.
func (sh *shard) find(h uint64, k term.Term) (int, bool) {
	if len(sh.slots) == 0 {
		return -1, false
	}
	mask := uint64(len(sh.slots) - 1)
	tomb := -1
	for i := h & mask; ; i = (i + 1) & mask {
		sl := &sh.slots[i]
		if sl.key == nil {
			if tomb >= 0 {
				return tomb, false
			}
			return int(i), false
		}
		if sl.objs == nil {
			if tomb < 0 {
				tomb = int(i)
			}
			continue
		}
		if sl.hash == h && keyEq(sl.key, k) {
			return int(i), true
		}
	}
}

// ifind is find for a small integer key.
func (sh *shard) ifind(h uint64, k int) (int, bool) {
	if len(sh.ints) == 0 {
		return -1, false
	}
	mask := uint64(len(sh.ints) - 1)
	tomb := -1
	for i := h & mask; ; i = (i + 1) & mask {
		sl := &sh.ints[i]
		if sl.objs == nil {
			if tomb >= 0 {
				return tomb, false
			}
			return int(i), false
		}
		if len(sl.objs) == 0 {
			if tomb < 0 {
				tomb = int(i)
			}
			continue
		}
		if sl.key == k {
			return int(i), true
		}
	}
}

// findFixed returns the index of k's slot, live or a tombstone, or of the
// empty slot that ends its probe sequence, and whether k is there.
func (sh *shard) findFixed(h uint64, k term.Term) (int, bool) {
	if len(sh.slots) == 0 {
		return -1, false
	}
	mask := uint64(len(sh.slots) - 1)
	for i := h & mask; ; i = (i + 1) & mask {
		sl := &sh.slots[i]
		if sl.key == nil {
			return int(i), false
		}
		if sl.hash == h && keyEq(sl.key, k) {
			return int(i), true
		}
	}
}

// ifindFixed is findFixed for a small integer key.
func (sh *shard) ifindFixed(h uint64, k int) (int, bool) {
	if len(sh.ints) == 0 {
		return -1, false
	}
	mask := uint64(len(sh.ints) - 1)
	for i := h & mask; ; i = (i + 1) & mask {
		sl := &sh.ints[i]
		if sl.objs == nil {
			return int(i), false
		}
		if sl.key == k {
			return int(i), true
		}
	}
}

// get returns the objects of k, nil for none.
func (sh *shard) get(h uint64, k term.Term) []term.Tuple {
	if ik, ok := k.(int); ok {
		return sh.iget(h, ik)
	}
	if sl := sh.lookupSlot(h, k); sl != nil {
		return sl.objs
	}
	return nil
}

// iget is get for a small integer key.
func (sh *shard) iget(h uint64, k int) []term.Tuple {
	ints := sh.ints
	mask := uint64(len(ints) - 1)
	for i := h & mask; i < uint64(len(ints)); i = (i + 1) & mask {
		sl := &ints[i]
		if sl.objs == nil {
			return nil
		}
		if sl.key == k && len(sl.objs) > 0 {
			return sl.objs
		}
	}
	return nil // no slots
}

// lookupSlot returns k's slot or nil; k is not a small integer.
func (sh *shard) lookupSlot(h uint64, k term.Term) *slot {
	if len(sh.slots) == 0 {
		return nil
	}
	mask := uint64(len(sh.slots) - 1)
	for i := h & mask; ; i = (i + 1) & mask {
		sl := &sh.slots[i]
		if sl.key == nil {
			return nil
		}
		if sl.hash == h && sl.objs != nil && keyEq(sl.key, k) {
			return sl
		}
	}
}

// reserve makes room for one more key, growing (or cleaning out
// tombstones) when the shard would be more than 3/4 full.
func (sh *shard) reserve() {
	if (sh.used+1)*4 <= len(sh.slots)*3 {
		return
	}
	n := len(sh.slots)
	if n == 0 {
		n = 8
	}
	live := 0
	for i := range sh.slots {
		if sh.slots[i].objs != nil {
			live++
		}
	}
	for (live+1)*2 > n {
		n *= 2
	}
	old := sh.slots
	sh.slots = make([]slot, n)
	sh.used = live
	mask := uint64(n - 1)
	for i := range old {
		sl := &old[i]
		if sl.objs == nil {
			continue
		}
		j := sl.hash & mask
		for sh.slots[j].key != nil {
			j = (j + 1) & mask
		}
		sh.slots[j] = *sl
	}
}

// ireserve is reserve for the table of small integer keys.
func (sh *shard) ireserve() {
	if (sh.iused+1)*4 <= len(sh.ints)*3 {
		return
	}
	n := len(sh.ints)
	if n == 0 {
		n = 8
	}
	live := 0
	for i := range sh.ints {
		if len(sh.ints[i].objs) > 0 {
			live++
		}
	}
	for (live+1)*2 > n {
		n *= 2
	}
	old := sh.ints
	sh.ints = make([]islot, n)
	sh.iused = live
	mask := uint64(n - 1)
	for i := range old {
		sl := &old[i]
		if len(sl.objs) == 0 {
			continue
		}
		j := mix(uint64(sl.key)) & mask
		for sh.ints[j].objs != nil {
			j = (j + 1) & mask
		}
		sh.ints[j] = *sl
	}
}

// iset is set for a small integer key.
func (sh *shard) iset(h uint64, k int, objs []term.Tuple) {
	i, found := sh.ifind(h, k)
	if found {
		sl := &sh.ints[i]
		sh.objs += len(objs) - len(sl.objs)
		sh.words += objWords(objs) - objWords(sl.objs)
		if objs == nil {
			sl.objs = tombstone
			sh.live--
			return
		}
		sl.objs = objs
		return
	}
	if objs == nil {
		return
	}
	sh.ireserve()
	if sh.fixed.Load() != 0 {
		i, _ = sh.ifindFixed(h, k)
	} else {
		i, _ = sh.ifind(h, k)
	}
	sl := &sh.ints[i]
	if sl.objs == nil {
		sh.iused++
	}
	*sl = islot{key: k, objs: objs}
	sh.live++
	sh.objs += len(objs)
	sh.words += objWords(objs)
}

// set stores objs as k's objects, replacing what is there (nil: remove).
func (sh *shard) set(h uint64, k term.Term, objs []term.Tuple) {
	if ik, ok := k.(int); ok {
		sh.iset(h, ik, objs)
		return
	}
	i, found := sh.find(h, k)
	if found {
		sl := &sh.slots[i]
		sh.objs += len(objs) - len(sl.objs)
		sh.words += objWords(objs) - objWords(sl.objs)
		if objs == nil {
			sl.objs = nil // tombstone
			sh.live--
			return
		}
		sl.objs = objs
		return
	}
	if objs == nil {
		return
	}
	sh.reserve()
	if sh.fixed.Load() != 0 {
		i, _ = sh.findFixed(h, k)
	} else {
		i, _ = sh.find(h, k)
	}
	sl := &sh.slots[i]
	if sl.key == nil {
		sh.used++
	}
	*sl = slot{hash: h, key: k, objs: objs}
	sh.live++
	sh.objs += len(objs)
	sh.words += objWords(objs)
}

func clip(objs []term.Tuple) []term.Tuple { return objs[:len(objs):len(objs)] }

// lookupInt is lookup of a small integer key, the commonest: it takes
// the key unboxed and goes straight to the integer slots.
func (s *hashStore) lookupInt(k int) []term.Tuple {
	h := mix(uint64(k))
	sh := s.shardOf(h)
	r := sh.mu.rlock()
	objs := sh.iget(h, k)
	sh.mu.runlock(r)
	return clip(objs)
}

func (s *hashStore) lookup(k term.Term) []term.Tuple {
	h := hashKey(k)
	sh := s.shardOf(h)
	r := sh.mu.rlock()
	objs := sh.get(h, k)
	sh.mu.runlock(r)
	return clip(objs)
}

// add adds obj to the objects of its key as the table's type does.
func (s *hashStore) add(sh *shard, h uint64, k term.Term, obj term.Tuple) {
	if s.kind == kindSet {
		sh.set(h, k, []term.Tuple{obj})
		return
	}
	cur := sh.get(h, k)
	if s.kind == kindBag {
		for _, o := range cur {
			if term.Exact(o, obj) {
				return
			}
		}
	}
	// Appending never changes the part of the slice handed out before.
	sh.set(h, k, append(cur, obj))
}

func (s *hashStore) insertOne(obj term.Tuple, k term.Term, onlyNew bool) bool {
	h := hashKey(k)
	sh := s.shardOf(h)
	sh.mu.lock()
	// Comparing keys or objects nested too deeply panics (system_limit):
	// the lock must be released then too.
	defer sh.mu.unlock()
	if onlyNew && sh.get(h, k) != nil {
		return false
	}
	s.add(sh, h, k, obj)
	return true
}

func (s *hashStore) insert(objs []term.Tuple, keys []term.Term, onlyNew bool) bool {
	if len(objs) == 1 {
		return s.insertOne(objs[0], keys[0], onlyNew)
	}
	s.lockAll()
	defer s.unlockAll()
	hs := make([]uint64, len(keys))
	for i, k := range keys {
		hs[i] = hashKey(k)
		if onlyNew && s.shardOf(hs[i]).get(hs[i], k) != nil {
			return false
		}
	}
	if s.kind == kindBag {
		// OTP 25 inserts a list into a bag from its last object to its first.
		for i := len(objs) - 1; i >= 0; i-- {
			s.add(s.shardOf(hs[i]), hs[i], keys[i], objs[i])
		}
		return true
	}
	for i := range objs {
		s.add(s.shardOf(hs[i]), hs[i], keys[i], objs[i])
	}
	return true
}

func (s *hashStore) lockAll() {
	for i := range s.shards {
		s.shards[i].mu.lock()
	}
}

func (s *hashStore) unlockAll() {
	for i := len(s.shards) - 1; i >= 0; i-- {
		s.shards[i].mu.unlock()
	}
}

func (s *hashStore) remove(k term.Term) []term.Tuple {
	h := hashKey(k)
	sh := s.shardOf(h)
	sh.mu.lock()
	defer sh.mu.unlock()
	objs := sh.get(h, k)
	if objs == nil {
		return nil
	}
	sh.set(h, k, nil)
	return clip(objs)
}

func (s *hashStore) removeObject(k term.Term, obj term.Tuple) {
	h := hashKey(k)
	sh := s.shardOf(h)
	sh.mu.lock()
	defer sh.mu.unlock()
	cur := sh.get(h, k)
	var keep []term.Tuple
	for _, o := range cur {
		if !term.Exact(o, obj) {
			keep = append(keep, o)
		}
	}
	if len(keep) != len(cur) {
		sh.set(h, k, keep)
	}
}

func (s *hashStore) update(k term.Term, f func([]term.Tuple) []term.Tuple) {
	h := hashKey(k)
	sh := s.shardOf(h)
	sh.mu.lock()
	defer sh.mu.unlock()
	if objs := f(clip(sh.get(h, k))); objs != nil {
		sh.set(h, k, objs)
	}
}

// A shard's positions are those of its integer slots, then those of its
// other slots.

// at returns the key and objects at position i of the shard, and whether
// i is within the shard.
func (sh *shard) at(i int) (term.Term, []term.Tuple, bool) {
	if i < len(sh.ints) {
		sl := &sh.ints[i]
		return sl.key, sl.objs, true
	}
	i -= len(sh.ints)
	if i < len(sh.slots) {
		sl := &sh.slots[i]
		return sl.key, sl.objs, true
	}
	return nil, nil, false
}

// position returns the position of k in the shard; with fixed, that of
// its tombstone if it was deleted.
func (sh *shard) position(h uint64, k term.Term, fixed bool) (int, bool) {
	if ik, ok := k.(int); ok {
		if fixed {
			return sh.ifindFixed(h, ik)
		}
		return sh.ifind(h, ik)
	}
	var i int
	var found bool
	if fixed {
		i, found = sh.findFixed(h, k)
	} else {
		i, found = sh.find(h, k)
	}
	return len(sh.ints) + i, found
}

// scan returns the first live key at or after position i of shard n,
// going on to the following shards.
func (s *hashStore) scan(n, i int) (term.Term, bool) {
	for ; n < len(s.shards); n, i = n+1, 0 {
		sh := &s.shards[n]
		r := sh.mu.rlock()
		for ; ; i++ {
			k, objs, ok := sh.at(i)
			if !ok {
				break
			}
			if len(objs) > 0 {
				sh.mu.runlock(r)
				return k, true
			}
		}
		sh.mu.runlock(r)
	}
	return nil, false
}

func (s *hashStore) first() (term.Term, bool) { return s.scan(0, 0) }

// last is first: a hash table has no order to reverse, as in OTP.
func (s *hashStore) last() (term.Term, bool) { return s.first() }

func (s *hashStore) next(k term.Term) (term.Term, bool, bool) {
	h := hashKey(k)
	n := 0
	if s.shift != 64 {
		n = int(h >> s.shift)
	}
	sh := &s.shards[n]
	r := sh.mu.rlock()
	i, found := sh.position(h, k, s.fixed.Load() != 0)
	sh.mu.runlock(r)
	if !found {
		return nil, false, false
	}
	key, ok := s.scan(n, i+1)
	return key, ok, true
}

func (s *hashStore) prev(k term.Term) (term.Term, bool, bool) { return s.next(k) }

func (s *hashStore) each(_ bool, f func(term.Tuple) bool) {
	for n := range s.shards {
		sh := &s.shards[n]
		r := sh.mu.rlock()
		for i := 0; ; i++ {
			_, objs, ok := sh.at(i)
			if !ok {
				break
			}
			for _, o := range objs {
				if !f(o) {
					sh.mu.runlock(r)
					return
				}
			}
		}
		sh.mu.runlock(r)
	}
}

func (s *hashStore) eachKey(k term.Term, f func(term.Tuple) bool) {
	for _, o := range s.lookup(k) {
		if !f(o) {
			return
		}
	}
}

func (s *hashStore) deleteIf(f func(term.Tuple) bool) int {
	s.lockAll()
	defer s.unlockAll()
	n := 0
	for i := range s.shards {
		sh := &s.shards[i]
		for j := 0; ; j++ {
			k, objs, ok := sh.at(j)
			if !ok {
				break
			}
			if len(objs) == 0 {
				continue
			}
			var keep []term.Tuple
			for _, o := range objs {
				if f(o) {
					n++
				} else {
					keep = append(keep, o)
				}
			}
			if len(keep) != len(objs) {
				// Removing never moves a key: positions stay valid.
				sh.set(hashKey(k), k, keep)
			}
		}
	}
	return n
}

func (s *hashStore) size() int {
	n := 0
	for i := range s.shards {
		sh := &s.shards[i]
		r := sh.mu.rlock()
		n += sh.objs
		sh.mu.runlock(r)
	}
	return n
}

func (s *hashStore) memory() int {
	n := 0
	for i := range s.shards {
		sh := &s.shards[i]
		r := sh.mu.rlock()
		n += sh.words
		sh.mu.runlock(r)
	}
	return n
}

func (s *hashStore) clear() {
	s.lockAll()
	defer s.unlockAll()
	for i := range s.shards {
		sh := &s.shards[i]
		sh.ints, sh.iused, sh.slots, sh.used = nil, 0, nil, 0
		sh.live, sh.objs, sh.words = 0, 0, 0
	}
}

// stats is ets:info(Tab, stats) of a hash table, in OTP's form:
// {Buckets, AvgChainLen, StdDevChainLen, ExpectedStdDev, MinChainLen,
// MaxChainLen, KeptItems, Locks}. A bucket here is a slot, its chain the
// objects of its key; kept items are the tombstones of a fixed table.
func (s *hashStore) stats() term.Tuple {
	var lens []int
	kept := 0
	fixed := s.fixed.Load() != 0
	for n := range s.shards {
		sh := &s.shards[n]
		r := sh.mu.rlock()
		for i := 0; ; i++ {
			k, objs, ok := sh.at(i)
			if !ok {
				break
			}
			lens = append(lens, len(objs))
			if fixed && len(objs) == 0 && (objs != nil || k != nil && i >= len(sh.ints)) {
				kept++
			}
		}
		sh.mu.runlock(r)
	}
	if len(lens) == 0 {
		return term.Tuple{0, 0.0, 0.0, 0.0, 0, 0, kept, len(s.shards)}
	}
	sum, lo, hi := 0, lens[0], lens[0]
	for _, l := range lens {
		sum += l
		lo, hi = min(lo, l), max(hi, l)
	}
	nb := float64(len(lens))
	avg := float64(sum) / nb
	v := 0.0
	for _, l := range lens {
		d := float64(l) - avg
		v += d * d
	}
	return term.Tuple{len(lens), avg, math.Sqrt(v / nb), math.Sqrt(avg * (1 - 1/nb)), lo, hi, kept, len(s.shards)}
}

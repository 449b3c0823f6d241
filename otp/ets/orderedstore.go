package ets

import (
	"cmp"

	"github.com/google/btree"
	"github.com/scalability-go/otpbook/otp/term"
)

// orderedStore is the store of ordered_set tables: a B-tree of objects
// ordered by their keys in Erlang's term order, where keys that compare
// equal (1 and 1.0) are one key.
type orderedStore struct {
	mu    tlock
	tree  *btree.BTreeG[oitem]
	words int
}

// An oitem is a key and its object, kept in a one-element slice that
// lookup hands out without allocating.
type oitem struct {
	key  term.Term
	objs []term.Tuple
}

func compareKeys(a, b term.Term) int {
	if x, ok := a.(int); ok {
		if y, ok := b.(int); ok {
			return cmp.Compare(x, y)
		}
	}
	return term.Compare(a, b)
}

func lessItems(a, b oitem) bool { return compareKeys(a.key, b.key) < 0 }

func newOrderedStore(readConc bool) *orderedStore {
	return &orderedStore{mu: newLock(readConc), tree: btree.NewG(32, lessItems)}
}

func (s *orderedStore) lookup(k term.Term) []term.Tuple {
	r := s.mu.rlock()
	it, ok := s.tree.Get(oitem{key: k})
	s.mu.runlock(r)
	if !ok {
		return nil
	}
	return it.objs
}

func (s *orderedStore) put(k term.Term, obj term.Tuple) {
	old, ok := s.tree.ReplaceOrInsert(oitem{key: k, objs: []term.Tuple{obj}})
	if ok {
		s.words -= objWords(old.objs)
	}
	s.words += objWords([]term.Tuple{obj})
}

func (s *orderedStore) insert(objs []term.Tuple, keys []term.Term, onlyNew bool) bool {
	s.mu.lock()
	defer s.mu.unlock()
	if onlyNew {
		for _, k := range keys {
			if s.tree.Has(oitem{key: k}) {
				return false
			}
		}
	}
	for i, o := range objs {
		s.put(keys[i], o)
	}
	return true
}

func (s *orderedStore) insertOne(obj term.Tuple, k term.Term, onlyNew bool) bool {
	s.mu.lock()
	defer s.mu.unlock()
	if onlyNew && s.tree.Has(oitem{key: k}) {
		return false
	}
	s.put(k, obj)
	return true
}

func (s *orderedStore) remove(k term.Term) []term.Tuple {
	s.mu.lock()
	defer s.mu.unlock()
	it, ok := s.tree.Delete(oitem{key: k})
	if !ok {
		return nil
	}
	s.words -= objWords(it.objs)
	return it.objs
}

func (s *orderedStore) removeObject(k term.Term, obj term.Tuple) {
	s.mu.lock()
	defer s.mu.unlock()
	if it, ok := s.tree.Get(oitem{key: k}); ok && term.Exact(it.objs[0], obj) {
		s.tree.Delete(it)
		s.words -= objWords(it.objs)
	}
}

func (s *orderedStore) update(k term.Term, f func([]term.Tuple) []term.Tuple) {
	s.mu.lock()
	defer s.mu.unlock()
	it, _ := s.tree.Get(oitem{key: k})
	if objs := f(it.objs); objs != nil {
		if it.objs != nil {
			s.tree.Delete(it)
			s.words -= objWords(it.objs)
		}
		s.put(k, objs[0])
	}
}

func (s *orderedStore) first() (term.Term, bool) {
	r := s.mu.rlock()
	defer s.mu.runlock(r)
	it, ok := s.tree.Min()
	return it.key, ok
}

func (s *orderedStore) last() (term.Term, bool) {
	r := s.mu.rlock()
	defer s.mu.runlock(r)
	it, ok := s.tree.Max()
	return it.key, ok
}

// next returns the first key greater than k, whether or not k is in the
// table, as OTP does for ordered_set.
func (s *orderedStore) next(k term.Term) (key term.Term, ok, found bool) {
	r := s.mu.rlock()
	defer s.mu.runlock(r)
	s.tree.AscendGreaterOrEqual(oitem{key: k}, func(it oitem) bool {
		if compareKeys(it.key, k) == 0 {
			return true
		}
		key, ok = it.key, true
		return false
	})
	return key, ok, true
}

func (s *orderedStore) prev(k term.Term) (key term.Term, ok, found bool) {
	r := s.mu.rlock()
	defer s.mu.runlock(r)
	s.tree.DescendLessOrEqual(oitem{key: k}, func(it oitem) bool {
		if compareKeys(it.key, k) == 0 {
			return true
		}
		key, ok = it.key, true
		return false
	})
	return key, ok, true
}

func (s *orderedStore) each(reverse bool, f func(term.Tuple) bool) {
	r := s.mu.rlock()
	defer s.mu.runlock(r)
	visit := func(it oitem) bool { return f(it.objs[0]) }
	if reverse {
		s.tree.Descend(visit)
	} else {
		s.tree.Ascend(visit)
	}
}

func (s *orderedStore) eachKey(k term.Term, f func(term.Tuple) bool) {
	for _, o := range s.lookup(k) {
		if !f(o) {
			return
		}
	}
}

func (s *orderedStore) deleteIf(f func(term.Tuple) bool) int {
	s.mu.lock()
	defer s.mu.unlock()
	var dead []oitem
	s.tree.Ascend(func(it oitem) bool {
		if f(it.objs[0]) {
			dead = append(dead, it)
		}
		return true
	})
	for _, it := range dead {
		s.tree.Delete(it)
		s.words -= objWords(it.objs)
	}
	return len(dead)
}

func (s *orderedStore) size() int {
	r := s.mu.rlock()
	defer s.mu.runlock(r)
	return s.tree.Len()
}

func (s *orderedStore) memory() int {
	r := s.mu.rlock()
	defer s.mu.runlock(r)
	return s.words
}

func (s *orderedStore) clear() {
	s.mu.lock()
	defer s.mu.unlock()
	s.tree.Clear(false)
	s.words = 0
}

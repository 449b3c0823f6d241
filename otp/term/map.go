package term

import (
	"iter"
	"sort"
)

// Map is an Erlang map: #{Key => Value}. Keys may be any term, tuples,
// lists and maps included; keys are distinct under exact equality (=:=),
// so 1 and 1.0 are two keys. A Map is an immutable value: Put and Delete
// return a new map and leave the receiver as it was. The zero Map is the
// empty map #{}.
//
// Entries are kept in map key order, which is term order except that every
// integer sorts before every float; this is the order in which OTP lists and
// prints a map's keys.
type Map struct {
	entries []MapEntry
}

// MapEntry is one association of a Map.
type MapEntry struct {
	Key, Value Term
}

// NewMap returns the map of the given associations; for a key given more
// than once the last value wins, as in #{a => 1, a => 2}.
func NewMap(entries ...MapEntry) Map {
	es := make([]MapEntry, len(entries))
	copy(es, entries)
	sort.SliceStable(es, func(i, j int) bool { return compareKey(es[i].Key, es[j].Key) < 0 })
	// Keep the last of equal keys.
	out := es[:0]
	for i, e := range es {
		if i+1 < len(es) && compareKey(e.Key, es[i+1].Key) == 0 {
			continue
		}
		out = append(out, e)
	}
	return Map{entries: out}
}

// MapOf builds a map from alternating keys and values:
// MapOf(Atom("a"), 1, Atom("b"), 2) is #{a => 1, b => 2}. It panics on an
// odd number of arguments.
func MapOf(kv ...Term) Map {
	if len(kv)%2 != 0 {
		panic("term: MapOf: odd number of arguments")
	}
	es := make([]MapEntry, len(kv)/2)
	for i := range es {
		es[i] = MapEntry{kv[2*i], kv[2*i+1]}
	}
	return NewMap(es...)
}

// Len returns the number of associations.
func (m Map) Len() int { return len(m.entries) }

func (m Map) find(k Term) (int, bool) {
	i := sort.Search(len(m.entries), func(i int) bool { return compareKey(m.entries[i].Key, k) >= 0 })
	return i, i < len(m.entries) && compareKey(m.entries[i].Key, k) == 0
}

// Get returns the value for key k (compared with =:=).
func (m Map) Get(k Term) (Term, bool) {
	if i, ok := m.find(k); ok {
		return m.entries[i].Value, true
	}
	return nil, false
}

// Put returns a map with k associated to v.
func (m Map) Put(k, v Term) Map {
	i, found := m.find(k)
	n := len(m.entries)
	if !found {
		n++
	}
	es := make([]MapEntry, 0, n)
	es = append(es, m.entries[:i]...)
	es = append(es, MapEntry{k, v})
	if found {
		i++
	}
	es = append(es, m.entries[i:]...)
	return Map{entries: es}
}

// Delete returns a map without key k.
func (m Map) Delete(k Term) Map {
	i, found := m.find(k)
	if !found {
		return m
	}
	es := make([]MapEntry, 0, len(m.entries)-1)
	es = append(es, m.entries[:i]...)
	es = append(es, m.entries[i+1:]...)
	return Map{entries: es}
}

// Entries returns the associations in key order. The slice is a copy.
func (m Map) Entries() []MapEntry { return append([]MapEntry(nil), m.entries...) }

// All iterates over the associations in key order.
func (m Map) All() iter.Seq2[Term, Term] {
	return func(yield func(Term, Term) bool) {
		for _, e := range m.entries {
			if !yield(e.Key, e.Value) {
				return
			}
		}
	}
}

// Keys returns the keys in key order, as maps:keys/1 does.
func (m Map) Keys() List {
	ks := make(List, len(m.entries))
	for i, e := range m.entries {
		ks[i] = e.Key
	}
	return ks
}

package otp

// A monSet holds monitors by their reference's number. Most processes hold
// few monitors at a time (a caller holds one while it waits for a reply),
// so the first few are kept in a slice, looked through in order, which
// costs less than a map to add to and remove from; more go to a map.
type monSet struct {
	few  []monEntry
	many map[uint64]*monitor
}

type monEntry struct {
	key uint64
	m   *monitor
}

// fewMax is how many monitors a set keeps in its slice.
const fewMax = 8

func (s *monSet) get(key uint64) *monitor {
	for i := range s.few {
		if s.few[i].key == key {
			return s.few[i].m
		}
	}
	return s.many[key]
}

func (s *monSet) put(key uint64, m *monitor) {
	if s.many == nil && len(s.few) < fewMax {
		if s.few == nil {
			s.few = make([]monEntry, 0, 2)
		}
		s.few = append(s.few, monEntry{key, m})
		return
	}
	if s.many == nil {
		s.many = make(map[uint64]*monitor, 2*fewMax)
		for _, e := range s.few {
			s.many[e.key] = e.m
		}
		s.few = s.few[:0]
	}
	s.many[key] = m
}

// del removes a monitor and returns it, or nil when there was none.
func (s *monSet) del(key uint64) *monitor {
	for i := range s.few {
		if s.few[i].key == key {
			m := s.few[i].m
			last := len(s.few) - 1
			s.few[i] = s.few[last]
			s.few[last] = monEntry{}
			s.few = s.few[:last]
			return m
		}
	}
	if m, ok := s.many[key]; ok {
		delete(s.many, key)
		return m
	}
	return nil
}

func (s *monSet) len() int { return len(s.few) + len(s.many) }

// all yields every monitor with its key, in no particular order.
func (s *monSet) all(yield func(key uint64, m *monitor) bool) {
	for _, e := range s.few {
		if !yield(e.key, e.m) {
			return
		}
	}
	for k, m := range s.many {
		if !yield(k, m) {
			return
		}
	}
}

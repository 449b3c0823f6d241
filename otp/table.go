package otp

import (
	"sync"
	"sync/atomic"
)

// procTable maps pid numbers to processes. Pid numbers are handed out in
// increasing order and never reused, so the table is a directory of pages
// of slots indexed by number: a lookup is two loads, with no hashing and no
// lock. A page is dropped once every number in it has been stored and
// deleted, so a long-lived node does not keep pages of processes long gone.
type procTable struct {
	mu  sync.Mutex // serialises changes to the directory
	dir atomic.Pointer[[]*procPage]
}

const (
	pageBits = 12
	pageSize = 1 << pageBits
)

type procPage struct {
	slots  [pageSize]atomic.Pointer[Process]
	stored atomic.Int32 // numbers of this page stored so far
	live   atomic.Int32 // processes in the page now
}

func (t *procTable) load(num uint64) *Process {
	d := t.dir.Load()
	if d == nil {
		return nil
	}
	i := num >> pageBits
	if i >= uint64(len(*d)) {
		return nil
	}
	pg := (*d)[i]
	if pg == nil {
		return nil
	}
	return pg.slots[num&(pageSize-1)].Load()
}

func (t *procTable) page(i uint64) *procPage {
	if d := t.dir.Load(); d != nil && i < uint64(len(*d)) && (*d)[i] != nil {
		return (*d)[i]
	}
	t.mu.Lock()
	defer t.mu.Unlock()
	var old []*procPage
	if d := t.dir.Load(); d != nil {
		old = *d
	}
	if i < uint64(len(old)) && old[i] != nil {
		return old[i]
	}
	n := max(uint64(len(old)), i+1)
	if n > uint64(len(old)) {
		n = max(n, 2*uint64(len(old)))
	}
	d := make([]*procPage, n)
	copy(d, old)
	pg := &procPage{}
	d[i] = pg
	t.dir.Store(&d)
	return pg
}

// store adds p under num. Each number is stored once.
func (t *procTable) store(num uint64, p *Process) {
	pg := t.page(num >> pageBits)
	pg.live.Add(1)
	pg.stored.Add(1)
	pg.slots[num&(pageSize-1)].Store(p)
}

// delete removes the process under num.
func (t *procTable) delete(num uint64) {
	i := num >> pageBits
	d := t.dir.Load()
	if d == nil || i >= uint64(len(*d)) || (*d)[i] == nil {
		return
	}
	pg := (*d)[i]
	if pg.slots[num&(pageSize-1)].Swap(nil) == nil {
		return
	}
	if pg.live.Add(-1) == 0 && pg.stored.Load() == pageSize {
		t.mu.Lock()
		old := *t.dir.Load()
		if old[i] == pg {
			nd := make([]*procPage, len(old))
			copy(nd, old)
			nd[i] = nil
			t.dir.Store(&nd)
		}
		t.mu.Unlock()
	}
}

// each calls f for every process in the table, in pid order.
func (t *procTable) each(f func(*Process)) {
	d := t.dir.Load()
	if d == nil {
		return
	}
	for _, pg := range *d {
		if pg == nil || pg.live.Load() == 0 {
			continue
		}
		for i := range pg.slots {
			if p := pg.slots[i].Load(); p != nil {
				f(p)
			}
		}
	}
}

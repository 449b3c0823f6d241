package ets

import (
	"slices"
	"sync"
	"sync/atomic"
	"time"

	"github.com/scalability-go/otpbook/otp"
	"github.com/scalability-go/otpbook/otp/term"
)

type kind uint8

const (
	kindSet kind = iota
	kindOrdered
	kindBag
	kindDupBag
)

func (k kind) atom() term.Atom {
	return [...]term.Atom{"set", "ordered_set", "bag", "duplicate_bag"}[k]
}

type access uint8

const (
	protected access = iota
	public
	private
)

func (a access) atom() term.Atom {
	return [...]term.Atom{"protected", "public", "private"}[a]
}

// A table is one ETS table of a node.
type table struct {
	node   *otp.Node
	reg    *registry
	ref    term.Ref
	seq    uint64 // creation order, for ets:all/0
	kind   kind
	access access
	keypos int
	named  bool
	// The options OTP reports in ets:info.
	readConc, compressed, decentralized bool
	writeConc                           term.Atom // true, false or auto
	store                               store
	// hash is store when it is a *hashStore (nil for an ordered_set),
	// so that a lookup of an integer key calls it directly.
	hash *hashStore

	deleted atomic.Bool
	owner   atomic.Pointer[term.Pid]
	name    atomic.Pointer[term.Atom]

	// mu guards what follows, and changes of owner and name: the owner
	// and its exit hook change together under it.
	mu       sync.Mutex
	heir     *term.Pid
	heirData term.Term
	fixes    map[term.Pid]int // each with an exit hook (fixKey)
	fixedAt  time.Time
}

// hookKey keys the exit hook by which a table follows its owner. The hook
// (ownerExited) does nothing unless the process is still the owner, so
// that a hook left behind on a former owner is harmless.
type hookKey struct{ t *table }

// fixKey keys the exit hook that releases a process's fixes of a table.
type fixKey struct{ t *table }

// id is the table's identifier as ets:new returns it.
func (t *table) id() term.Term {
	if t.named {
		return *t.name.Load()
	}
	return t.ref
}

// registry is a node's tables.
type registry struct {
	mu     sync.RWMutex
	byRef  map[term.Ref]*table
	byName map[term.Atom]*table
	seq    uint64
}

type registryKey struct{}

func registryOf(n *otp.Node) *registry {
	return n.Value(registryKey{}, func() any {
		return &registry{byRef: map[term.Ref]*table{}, byName: map[term.Atom]*table{}}
	}).(*registry)
}

// find returns the table an identifier names.
func (r *registry) find(id term.Term) (*table, Cause) {
	r.mu.RLock()
	defer r.mu.RUnlock()
	switch v := id.(type) {
	case term.Atom:
		if t, ok := r.byName[v]; ok {
			return t, CauseNone
		}
	case term.Ref:
		if t, ok := r.byRef[v]; ok {
			return t, CauseNone
		}
	default:
		return nil, CauseType
	}
	return nil, CauseID
}

// config is what ets:new's options say.
type config struct {
	kind                 kind
	access               access
	keypos               int
	named                bool
	heir                 *term.Pid
	heirData             term.Term
	readConc, compressed bool
	writeConc            term.Atom // true, false or auto
	decentralized        *bool     // nil: not given
}

// parseOptions reads ets:new's option list; ok is false for a bad one.
func parseOptions(opts term.Term) (config, bool) {
	c := config{keypos: 1, writeConc: term.False}
	var l []term.Term
	switch v := opts.(type) {
	case term.List:
		l = v
	case string:
		if v != "" {
			return c, false
		}
	default:
		return c, false
	}
	boolOpt := func(x term.Term, dst *bool) bool {
		switch normKey(x) {
		case term.True:
			*dst = true
		case term.False:
			*dst = false
		default:
			return false
		}
		return true
	}
	for _, o := range l {
		switch v := normKey(o).(type) {
		case term.Atom:
			switch v {
			case "set", "protected":
				// The defaults: in OTP they never override another type
				// or access given before them.
			case "ordered_set":
				c.kind = kindOrdered
			case "bag":
				c.kind = kindBag
			case "duplicate_bag":
				c.kind = kindDupBag
			case "public":
				c.access = public
			case "private":
				c.access = private
			case "named_table":
				c.named = true
			case "compressed":
				c.compressed = true
			default:
				return c, false
			}
		case term.Tuple:
			if len(v) == 0 {
				return c, false
			}
			switch normKey(v[0]) {
			case term.Atom("keypos"):
				n, ok := normKey(index(v, 1)).(int)
				if len(v) != 2 || !ok || n < 1 || n > maxSmall {
					return c, false
				}
				c.keypos = n
			case term.Atom("heir"):
				switch {
				case len(v) == 2 && normKey(v[1]) == term.Atom("none"):
					c.heir, c.heirData = nil, nil
				case len(v) == 3:
					pid, ok := v[1].(term.Pid)
					if !ok {
						return c, false
					}
					c.heir, c.heirData = &pid, v[2]
				default:
					return c, false
				}
			case term.Atom("read_concurrency"):
				if len(v) != 2 || !boolOpt(v[1], &c.readConc) {
					return c, false
				}
			case term.Atom("write_concurrency"):
				w, _ := normKey(index(v, 1)).(term.Atom)
				if len(v) != 2 || w != term.True && w != term.False && w != "auto" {
					return c, false
				}
				c.writeConc = w
			case term.Atom("decentralized_counters"):
				var d bool
				if len(v) != 2 || !boolOpt(v[1], &d) {
					return c, false
				}
				c.decentralized = &d
			default:
				return c, false
			}
		default:
			return c, false
		}
	}
	return c, true
}

// maxSmall is OTP's largest small integer on a 64-bit machine: a keypos
// must be one.
const maxSmall = 1<<59 - 1

func index(t term.Tuple, i int) term.Term {
	if i < len(t) {
		return t[i]
	}
	return nil
}

// newTable is ets:new(Name, Options) called by p.
func newTable(p *otp.Process, name, opts term.Term) (Tab, error) {
	nameAtom, isAtom := normKey(name).(term.Atom)
	c, ok := parseOptions(opts)
	if !isAtom || !ok {
		return Tab{}, fail("new", CauseNone, name, opts)
	}
	n := p.Node()
	reg := registryOf(n)
	t := &table{
		node: n, reg: reg, ref: n.MakeRef(),
		kind: c.kind, access: c.access, keypos: c.keypos, named: c.named,
		readConc: c.readConc, writeConc: c.writeConc, compressed: c.compressed,
		heir: c.heir, heirData: c.heirData,
	}
	if t.heir != nil && !n.IsProcessAlive(*t.heir) {
		// OTP drops an heir that is dead already.
		t.heir, t.heirData = nil, nil
	}
	// decentralized_counters is as given, else true for write_concurrency
	// auto, and for an ordered_set with write_concurrency, as in OTP.
	if c.decentralized != nil {
		t.decentralized = *c.decentralized
	} else {
		t.decentralized = c.writeConc == "auto" || c.kind == kindOrdered && c.writeConc == term.True
	}
	if c.kind == kindOrdered {
		t.store = newOrderedStore(c.readConc)
	} else {
		t.hash = newHashStore(c.kind, c.keypos, c.readConc, c.writeConc != term.False)
		t.store = t.hash
	}
	self := p.Self()
	t.owner.Store(&self)
	t.name.Store(&nameAtom)

	reg.mu.Lock()
	if c.named {
		if _, taken := reg.byName[nameAtom]; taken {
			reg.mu.Unlock()
			return Tab{}, fail("new", CauseAlreadyExists, name, opts)
		}
		reg.byName[nameAtom] = t
	}
	reg.seq++
	t.seq = reg.seq
	reg.byRef[t.ref] = t
	reg.mu.Unlock()

	t.mu.Lock()
	alive := n.OnExit(self, hookKey{t}, t.ownerExited)
	t.mu.Unlock()
	if !alive {
		// The owner was killed meanwhile, before its hook was set: the
		// table goes as it would have gone with the owner.
		t.delete()
	}
	return Tab{id: t.id(), t: t}, nil
}

// ownerExited is the exit hook of the table's owner: the table goes to the
// heir, if it has a live one, or is deleted.
func (t *table) ownerExited(pid term.Pid, _ term.Term) {
	t.mu.Lock()
	if t.deleted.Load() || *t.owner.Load() != pid {
		t.mu.Unlock()
		return
	}
	if h := t.heir; h != nil && *h != pid && t.node.OnExit(*h, hookKey{t}, t.ownerExited) {
		heir, data := *h, t.heirData
		t.owner.Store(&heir)
		id := t.id()
		t.mu.Unlock()
		t.node.Send(heir, term.Tuple{term.Atom("ETS-TRANSFER"), id, pid, data})
		return
	}
	t.mu.Unlock()
	t.delete()
}

// delete removes the table from the node.
func (t *table) delete() {
	t.mu.Lock()
	if t.deleted.Swap(true) {
		t.mu.Unlock()
		return
	}
	t.node.OnExit(*t.owner.Load(), hookKey{t}, nil)
	for pid := range t.fixes {
		t.node.OnExit(pid, fixKey{t}, nil)
	}
	t.fixes = nil
	if t.hash != nil {
		t.hash.fixed.Store(0)
	}
	t.mu.Unlock()
	r := t.reg
	r.mu.Lock()
	delete(r.byRef, t.ref)
	if t.named {
		if name := *t.name.Load(); r.byName[name] == t {
			delete(r.byName, name)
		}
	}
	r.mu.Unlock()
	t.store.clear()
}

// tables returns the node's tables in the order they were made.
func (r *registry) tables() []*table {
	r.mu.RLock()
	ts := make([]*table, 0, len(r.byRef))
	for _, t := range r.byRef {
		ts = append(ts, t)
	}
	r.mu.RUnlock()
	slices.SortFunc(ts, func(a, b *table) int { return int(a.seq) - int(b.seq) })
	return ts
}

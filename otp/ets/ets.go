package ets

import (
	"math/big"
	"slices"
	"time"

	"github.com/scalability-go/otpbook/otp"
	"github.com/scalability-go/otpbook/otp/term"
)

// EndOfTable is the atom First, Next, Last and Prev return when there is no
// such key, and the continuation of a select that has no more to give.
const EndOfTable term.Atom = "$end_of_table"

// Tab identifies a table: the name of a named table, or the reference that
// New returns for one that is not named, as in Erlang. A Tab that New
// returned finds its table without a look-up; one made by Named or TabOf
// looks it up by its identifier at every call. Tab prints, and compares
// as a term (term.Termer), as its identifier.
type Tab struct {
	id term.Term // an Atom or a Ref
	t  *table
}

// Named returns the identifier of the table named name.
func Named(name term.Atom) Tab { return Tab{id: name} }

// TabOf returns the Tab of an Erlang table identifier: an atom or a
// reference. ok is false for any other term.
func TabOf(id term.Term) (tab Tab, ok bool) {
	switch v := normKey(id).(type) {
	case term.Atom:
		return Tab{id: v}, true
	case term.Ref:
		return Tab{id: v}, true
	}
	return Tab{id: id}, false
}

// Term returns the identifier as Erlang sees it: an atom or a reference.
func (tab Tab) Term() term.Term { return tab.id }

// String prints the identifier as ~p does.
func (tab Tab) String() string { return term.Print(tab.id) }

// get returns the table tab names on p's node, or why there is none.
func (tab Tab) get(p *otp.Process) (*table, Cause) {
	if t := tab.t; t != nil && !t.deleted.Load() && t.node == p.Node() {
		switch id := tab.id.(type) {
		case term.Ref:
			return t, CauseNone
		case term.Atom:
			if t.named && *t.name.Load() == id {
				return t, CauseNone
			}
		}
	}
	return registryOf(p.Node()).find(tab.id)
}

// An Option is an option of New, as ets:new/2 takes them. Set and
// Protected, the defaults, change nothing, as in OTP: they never override
// another type or access given before them. Of the other options that
// contradict each other (Bag, DuplicateBag and OrderedSet; Public and
// Private) the last wins.
type Option struct{ t term.Term }

// The options of New that are atoms in Erlang.
var (
	Set                   = Option{term.Atom("set")}           // one object per key (the default)
	OrderedSet            = Option{term.Atom("ordered_set")}   // one object per key, in key order
	Bag                   = Option{term.Atom("bag")}           // distinct objects per key
	DuplicateBag          = Option{term.Atom("duplicate_bag")} // any objects per key
	Public                = Option{term.Atom("public")}        // every process reads and writes
	Protected             = Option{term.Atom("protected")}     // every process reads, the owner writes (the default)
	Private               = Option{term.Atom("private")}       // only the owner reads and writes
	NamedTable            = Option{term.Atom("named_table")}   // the table is known by its name
	Compressed            = Option{term.Atom("compressed")}    // accepted; objects are not compressed
	ReadConcurrency       = Option{term.Tuple{term.Atom("read_concurrency"), term.True}}
	WriteConcurrency      = Option{term.Tuple{term.Atom("write_concurrency"), term.True}}
	DecentralizedCounters = Option{term.Tuple{term.Atom("decentralized_counters"), term.True}}
)

// Keypos is the option {keypos, N}: the key is the Nth element of each
// object (from 1).
func Keypos(n int) Option { return Option{term.Tuple{term.Atom("keypos"), n}} }

// Heir is the option {heir, Pid, Data}: when the owner dies, the table
// goes to pid, which receives {'ETS-TRANSFER', Tab, FromPid, Data}.
func Heir(pid term.Pid, data term.Term) Option {
	return Option{term.Tuple{term.Atom("heir"), pid, data}}
}

// NoHeir is the option {heir, none}.
var NoHeir = Option{term.Tuple{term.Atom("heir"), term.Atom("none")}}

// New makes a table owned by p, as ets:new(Name, Options) does. It is a
// set, protected, with the key at position 1, unless the options say
// otherwise. A named table is known by its name, which must be free
// (else an *Error with CauseAlreadyExists); tables that are not named may
// share a name. The table lives until Delete, or until its owner ends,
// when it goes to its heir, if it has a live one, or is deleted.
func New(p *otp.Process, name term.Atom, opts ...Option) (Tab, error) {
	l := make(term.List, len(opts))
	for i, o := range opts {
		l[i] = o.t
	}
	return newTable(p, name, l)
}

// table returns tab's table if p may read it (write: write it).
func (tab Tab) table(p *otp.Process, write bool) (*table, Cause) {
	t, c := tab.get(p)
	if c != CauseNone {
		return nil, c
	}
	if t.access == public || t.access == protected && !write {
		return t, CauseNone
	}
	if p.Self() != *t.owner.Load() {
		return nil, CauseAccess
	}
	return t, CauseNone
}

// keyOf returns the key of obj, false when obj is too short for keypos.
func (t *table) keyOf(obj term.Tuple) (term.Term, bool) {
	if len(obj) < t.keypos {
		return nil, false
	}
	return normKey(obj[t.keypos-1]), true
}

// objsArg is the Erlang argument that a list of objects stands for.
func objsArg(objs []term.Tuple) term.Term {
	if len(objs) == 1 {
		return objs[0]
	}
	l := make(term.List, len(objs))
	for i, o := range objs {
		l[i] = o
	}
	return l
}

// Insert inserts objects as one atomic step, as ets:insert(Tab, Objects)
// does: in a set or ordered_set an object replaces the one with its key,
// a bag adds objects not already there, and a duplicate_bag adds them all.
// Objects are stored as given and must not be modified afterwards.
func Insert(p *otp.Process, tab Tab, objs ...term.Tuple) error {
	return insert(p, tab, objs, false, "insert", func() term.Term { return objsArg(objs) })
}

// InsertNew is Insert that inserts nothing, and returns false, when the
// key of any of the objects is in the table, as ets:insert_new does.
func InsertNew(p *otp.Process, tab Tab, objs ...term.Tuple) (bool, error) {
	return insertObjs(p, tab, objs, true, "insert_new", func() term.Term { return objsArg(objs) })
}

func insert(p *otp.Process, tab Tab, objs []term.Tuple, onlyNew bool, fn string, arg func() term.Term) error {
	_, err := insertObjs(p, tab, objs, onlyNew, fn, arg)
	return err
}

func insertObjs(p *otp.Process, tab Tab, objs []term.Tuple, onlyNew bool, fn string, arg func() term.Term) (bool, error) {
	t, c := tab.table(p, true)
	if c != CauseNone {
		return false, fail(fn, c, tab.id, arg())
	}
	if len(objs) == 1 {
		k, ok := t.keyOf(objs[0])
		if !ok {
			return false, fail(fn, CauseNone, tab.id, arg())
		}
		return t.store.insertOne(objs[0], k, onlyNew), nil
	}
	keys := make([]term.Term, 0, len(objs))
	for _, o := range objs {
		k, ok := t.keyOf(o)
		if !ok {
			return false, fail(fn, CauseNone, tab.id, arg())
		}
		keys = append(keys, k)
	}
	if len(objs) == 0 {
		return true, nil
	}
	// The store is given a copy, so that objs itself does not escape and
	// the slice of a call of Insert with one object can stay on the
	// caller's stack.
	return t.store.insert(slices.Clone(objs), keys, onlyNew), nil
}

// lookup returns the objects with key (not yet normalised). An int, the
// commonest key, goes straight to the integer slots of a hash table.
func (t *table) lookup(key term.Term) []term.Tuple {
	if k, ok := key.(int); ok && t.hash != nil {
		return t.hash.lookupInt(k)
	}
	return t.store.lookup(normKey(key))
}

// Lookup returns the objects with key, as ets:lookup does: none, one, or
// for a bag several, in the order they were inserted. The slice must not
// be modified.
func Lookup(p *otp.Process, tab Tab, key term.Term) ([]term.Tuple, error) {
	t, c := tab.table(p, false)
	if c != CauseNone {
		return nil, fail("lookup", c, tab.id, key)
	}
	return t.lookup(key), nil
}

// LookupElement returns element pos (from 1) of the object with key, as
// ets:lookup_element/3 does; for a bag, a list of that element of each of
// the objects. A missing key, or an object shorter than pos, is an error.
func LookupElement(p *otp.Process, tab Tab, key term.Term, pos int) (term.Term, error) {
	t, c := tab.table(p, false)
	if c != CauseNone {
		return nil, fail("lookup_element", c, tab.id, key, pos)
	}
	if pos < 1 {
		return nil, fail("lookup_element", CauseNone, tab.id, key, pos)
	}
	objs := t.lookup(key)
	if len(objs) == 0 {
		return nil, fail("lookup_element", CauseBadkey, tab.id, key, pos)
	}
	for _, o := range objs {
		if len(o) < pos {
			return nil, fail("lookup_element", CauseNone, tab.id, key, pos)
		}
	}
	if t.kind == kindSet || t.kind == kindOrdered {
		return objs[0][pos-1], nil
	}
	l := make(term.List, len(objs))
	for i, o := range objs {
		l[i] = o[pos-1]
	}
	return l, nil
}

// Member reports whether the table has an object with key.
func Member(p *otp.Process, tab Tab, key term.Term) (bool, error) {
	t, c := tab.table(p, false)
	if c != CauseNone {
		return false, fail("member", c, tab.id, key)
	}
	return len(t.lookup(key)) > 0, nil
}

// Delete deletes the table, as ets:delete/1 does. Only its owner may,
// unless it is public.
func Delete(p *otp.Process, tab Tab) error {
	t, c := tab.table(p, true)
	if c != CauseNone {
		return fail("delete", c, tab.id)
	}
	t.delete()
	return nil
}

// DeleteKey deletes the objects with key, as ets:delete/2 does.
func DeleteKey(p *otp.Process, tab Tab, key term.Term) error {
	t, c := tab.table(p, true)
	if c != CauseNone {
		return fail("delete", c, tab.id, key)
	}
	t.store.remove(normKey(key))
	return nil
}

// DeleteObject deletes the objects exactly equal to obj, as
// ets:delete_object does (all its copies in a duplicate_bag).
func DeleteObject(p *otp.Process, tab Tab, obj term.Tuple) error {
	t, c := tab.table(p, true)
	if c != CauseNone {
		return fail("delete_object", c, tab.id, obj)
	}
	k, ok := t.keyOf(obj)
	if !ok {
		return fail("delete_object", CauseNone, tab.id, obj)
	}
	t.store.removeObject(k, obj)
	return nil
}

// DeleteAllObjects empties the table.
func DeleteAllObjects(p *otp.Process, tab Tab) error {
	t, c := tab.table(p, true)
	if c != CauseNone {
		return fail("delete_all_objects", c, tab.id)
	}
	t.store.clear()
	return nil
}

// Take deletes the objects with key and returns them, as ets:take does.
func Take(p *otp.Process, tab Tab, key term.Term) ([]term.Tuple, error) {
	t, c := tab.table(p, true)
	if c != CauseNone {
		return nil, fail("take", c, tab.id, key)
	}
	return t.store.remove(normKey(key)), nil
}

// Element is an update of UpdateElement: element Pos (from 1) becomes
// Value.
type Element struct {
	Pos   int
	Value term.Term
}

// UpdateElement changes elements of the object with key in a set or
// ordered_set, as ets:update_element/3 does, all at once; it returns false
// when there is no such object, whatever the positions. A position beyond
// the object, or the key's position, is an error, and so is a bag table.
func UpdateElement(p *otp.Process, tab Tab, key term.Term, elems ...Element) (bool, error) {
	arg := func() term.Term {
		l := make(term.List, len(elems))
		for i, e := range elems {
			l[i] = term.Tuple{e.Pos, e.Value}
		}
		if len(l) == 1 {
			return l[0]
		}
		return l
	}
	return updateElement(p, tab, key, elems, true, arg)
}

// updateElement is UpdateElement; valid is false when the element
// specification is not one, which OTP finds only when the key is there.
func updateElement(p *otp.Process, tab Tab, key term.Term, elems []Element, valid bool, arg func() term.Term) (bool, error) {
	t, c := tab.table(p, true)
	if c != CauseNone {
		return false, fail("update_element", c, tab.id, key, arg())
	}
	if t.kind != kindSet && t.kind != kindOrdered {
		return false, fail("update_element", CauseNone, tab.id, key, arg())
	}
	found, cause := false, CauseNone
	t.store.update(normKey(key), func(objs []term.Tuple) []term.Tuple {
		if len(objs) == 0 {
			return nil
		}
		found = true
		obj := objs[0]
		if !valid {
			return nil
		}
		for _, e := range elems {
			switch {
			case e.Pos == t.keypos:
				cause = CauseKeypos
				return nil
			case e.Pos < 1 || e.Pos > len(obj):
				cause = CausePosition
				return nil
			}
		}
		n := append(term.Tuple(nil), obj...)
		for _, e := range elems {
			n[e.Pos-1] = e.Value
		}
		return []term.Tuple{n}
	})
	switch {
	case !found:
		return false, nil
	case !valid || cause == CausePosition:
		return false, fail("update_element", CauseNone, tab.id, key, arg())
	case cause == CauseKeypos:
		return false, fail("update_element", CauseKeypos, tab.id, key, arg())
	}
	return true, nil
}

// UpdateCounter adds to counters of the object with key in a set or
// ordered_set, atomically, as ets:update_counter/3 does, and returns the
// new values. op is one of Erlang's forms:
//
//	Incr                                  add Incr to the element after the key
//	{Pos, Incr}                           add Incr to element Pos
//	{Pos, Incr, Threshold, SetValue}      ... and if the result passes
//	                                      Threshold (above it for Incr >= 0,
//	                                      below it otherwise), set SetValue
//	[Op, ...]                             several at once
//
// The result is the new value (an integer), or for a list the list of
// new values. A missing key, a position that is the key's or beyond the
// object, an element that is not an integer, a bag table and a bad op are
// errors.
func UpdateCounter(p *otp.Process, tab Tab, key, op term.Term) (term.Term, error) {
	return updateCounter(p, tab, key, op, nil)
}

// UpdateCounterDefault is UpdateCounter that first inserts def when there is
// no object with key, as ets:update_counter/4 does.
func UpdateCounterDefault(p *otp.Process, tab Tab, key, op term.Term, def term.Tuple) (term.Term, error) {
	return updateCounter(p, tab, key, op, def)
}

type counterOp struct {
	pos               int
	incr, thr, setVal term.Term
	hasThr            bool
}

func updateCounter(p *otp.Process, tab Tab, key, op term.Term, def term.Tuple) (term.Term, error) {
	args := []term.Term{tab.id, key, op}
	if def != nil {
		args = append(args, def)
	}
	failf := func(c Cause) (term.Term, error) { return nil, fail("update_counter", c, args...) }
	t, c := tab.table(p, true)
	if c != CauseNone {
		return failf(c)
	}
	if t.kind != kindSet && t.kind != kindOrdered {
		return failf(CauseTableType)
	}
	var ops []counterOp
	_, isList := op.(term.List)
	parse := func(x term.Term) bool {
		o := counterOp{pos: t.keypos + 1}
		switch v := x.(type) {
		case term.Tuple:
			if len(v) != 2 && len(v) != 4 {
				return false
			}
			pos, ok := normKey(v[0]).(int)
			if !ok {
				return false
			}
			o.pos = pos
			o.incr = v[1]
			if len(v) == 4 {
				o.hasThr, o.thr, o.setVal = true, v[2], v[3]
			}
		default:
			o.incr = x
		}
		for _, i := range []term.Term{o.incr, o.thr, o.setVal} {
			if i != nil && !term.IsInteger(i) {
				return false
			}
		}
		ops = append(ops, o)
		return true
	}
	if isList {
		for _, x := range op.(term.List) {
			if !parse(x) {
				return failf(CauseNone)
			}
		}
	} else if !parse(op) {
		return failf(CauseNone)
	}
	k := normKey(key)
	if def != nil {
		if _, ok := t.keyOf(def); !ok {
			return failf(CauseNone)
		}
		// OTP inserts the default with its key replaced by Key.
		def = append(term.Tuple(nil), def...)
		def[t.keypos-1] = key
	}
	var result term.Term
	cause := CauseNone
	t.store.update(k, func(objs []term.Tuple) []term.Tuple {
		var obj term.Tuple
		switch {
		case len(objs) > 0:
			obj = objs[0]
		case def != nil:
			obj = def
		default:
			cause = CauseBadkey
			return nil
		}
		n := append(term.Tuple(nil), obj...)
		res := make(term.List, len(ops))
		for i, o := range ops {
			if o.pos == t.keypos {
				cause = CauseKeypos
				return nil
			}
			if o.pos < 1 || o.pos > len(n) {
				cause = CausePosition
				return nil
			}
			if !term.IsInteger(n[o.pos-1]) {
				cause = CauseNone
				result = nil
				return nil
			}
			v := addInts(n[o.pos-1], o.incr)
			if o.hasThr {
				neg := term.Compare(o.incr, 0) < 0
				if !neg && term.Compare(v, o.thr) > 0 || neg && term.Compare(v, o.thr) < 0 {
					v = o.setVal
				}
			}
			if i, ok := term.Integer(v); ok {
				v = i
			}
			n[o.pos-1] = v
			res[i] = v
		}
		if isList {
			result = res
		} else {
			result = res[0]
		}
		return []term.Tuple{n}
	})
	if result == nil {
		return failf(cause)
	}
	return result, nil
}

func addInts(a, b term.Term) term.Term {
	x, y := normKey(a), normKey(b)
	if i, ok := x.(int); ok {
		if j, ok := y.(int); ok {
			s := i + j
			if (s > i) == (j > 0) {
				return s
			}
		}
	}
	bx, _ := term.BigInt(x)
	by, _ := term.BigInt(y)
	return term.NormInt(new(big.Int).Add(bx, by))
}

// First returns the first key of the table, EndOfTable when it is empty.
// An ordered_set is in key order; the order of other tables is that of
// their hash table, which an insert may change.
func First(p *otp.Process, tab Tab) (term.Term, error) {
	return firstLast(p, tab, "first", false)
}

// Last returns the last key of an ordered_set, the first (as First) of
// other tables.
func Last(p *otp.Process, tab Tab) (term.Term, error) {
	return firstLast(p, tab, "last", true)
}

func firstLast(p *otp.Process, tab Tab, fn string, last bool) (term.Term, error) {
	t, c := tab.table(p, false)
	if c != CauseNone {
		return nil, fail(fn, c, tab.id)
	}
	var k term.Term
	var ok bool
	if last {
		k, ok = t.store.last()
	} else {
		k, ok = t.store.first()
	}
	if !ok {
		return EndOfTable, nil
	}
	return k, nil
}

// Next returns the key after key, EndOfTable after the last one. In an
// ordered_set key need not be in the table: Next returns the first key
// greater than it. In other tables it must be (else an error), as in OTP.
func Next(p *otp.Process, tab Tab, key term.Term) (term.Term, error) {
	return nextPrev(p, tab, key, "next", false)
}

// Prev is Next backwards for an ordered_set, and Next for other tables.
func Prev(p *otp.Process, tab Tab, key term.Term) (term.Term, error) {
	return nextPrev(p, tab, key, "prev", true)
}

func nextPrev(p *otp.Process, tab Tab, key term.Term, fn string, prev bool) (term.Term, error) {
	t, c := tab.table(p, false)
	if c != CauseNone {
		return nil, fail(fn, c, tab.id, key)
	}
	var k term.Term
	var ok, found bool
	if prev {
		k, ok, found = t.store.prev(normKey(key))
	} else {
		k, ok, found = t.store.next(normKey(key))
	}
	if !found {
		return nil, fail(fn, CauseNone, tab.id, key)
	}
	if !ok {
		return EndOfTable, nil
	}
	return k, nil
}

// Tab2List returns every object of the table, in its order.
func Tab2List(p *otp.Process, tab Tab) ([]term.Tuple, error) {
	t, c := tab.table(p, false)
	if c != CauseNone {
		return nil, fail("tab2list", c, tab.id)
	}
	out := make([]term.Tuple, 0, t.store.size())
	t.store.each(false, func(o term.Tuple) bool {
		out = append(out, o)
		return true
	})
	return out, nil
}

// Foldl folds f over the objects of the table in its order, as ets:foldl
// does. It folds over a snapshot taken at the start, so f may use the
// table.
func Foldl[A any](p *otp.Process, tab Tab, f func(obj term.Tuple, acc A) A, acc A) (A, error) {
	return fold(p, tab, "foldl", false, f, acc)
}

// Foldr is Foldl the other way, as ets:foldr does: from the last object to
// the first in an ordered_set. A hash table's order has no reverse (Last
// is First and Prev is Next, as in OTP): Foldr visits its keys in the order
// Foldl does, and the objects of each key of a bag from the last to the
// first.
func Foldr[A any](p *otp.Process, tab Tab, f func(obj term.Tuple, acc A) A, acc A) (A, error) {
	return fold(p, tab, "foldr", true, f, acc)
}

func fold[A any](p *otp.Process, tab Tab, fn string, reverse bool, f func(term.Tuple, A) A, acc A) (A, error) {
	t, c := tab.table(p, false)
	if c != CauseNone {
		return acc, fail(fn, c, tab.id)
	}
	for _, objs := range t.snapshot(reverse) {
		if reverse {
			for i := len(objs) - 1; i >= 0; i-- {
				acc = f(objs[i], acc)
			}
			continue
		}
		for _, o := range objs {
			acc = f(o, acc)
		}
	}
	return acc, nil
}

// snapshot returns the objects of the table grouped by key, the keys in
// the order of First and Next (reverse: Last and Prev), the objects of a
// key in the order Lookup gives them.
func (t *table) snapshot(reverse bool) [][]term.Tuple {
	var groups [][]term.Tuple
	var key term.Term
	t.store.each(reverse && t.kind == kindOrdered, func(o term.Tuple) bool {
		k, _ := t.keyOf(o)
		// The objects of a key are together; keys next to each other are
		// different keys, exactly (ordered_set: each holds one object).
		if n := len(groups); n > 0 && t.kind != kindOrdered && term.Exact(k, key) {
			groups[n-1] = append(groups[n-1], o)
		} else {
			groups = append(groups, []term.Tuple{o})
		}
		key = k
		return true
	})
	return groups
}

// GiveAway makes pid the owner of the table, as ets:give_away does, and
// sends pid {'ETS-TRANSFER', Tab, Owner, gift}. Only the owner may give a
// table away, and not to itself nor to a process that is not alive.
func GiveAway(p *otp.Process, tab Tab, pid term.Pid, gift term.Term) error {
	return giveAway(p, tab, pid, gift)
}

func giveAway(p *otp.Process, tab Tab, to term.Term, gift term.Term) error {
	t, c := tab.get(p)
	if c != CauseNone {
		return fail("give_away", c, tab.id, to, gift)
	}
	self := p.Self()
	t.mu.Lock()
	defer t.mu.Unlock()
	owner := *t.owner.Load()
	pid, isPid := to.(term.Pid)
	// OTP checks access first (a process other than the owner has none
	// to a table that is not public), then the pid, then ownership.
	var cause Cause
	switch {
	case owner != self && t.access != public:
		cause = CauseAccess
	case !isPid:
	case owner != self:
		cause = CauseNotOwner
	case pid == self:
		cause = CauseOwner
	case t.deleted.Load():
		cause = CauseID
	case !t.node.OnExit(pid, hookKey{t}, t.ownerExited):
		// pid is dead: the cause is none, "the pid refers to a
		// terminated process".
	default:
		// The new owner's hook is set; the old owner's goes with the
		// ownership, under t.mu, so that no other change of owner
		// comes between.
		t.owner.Store(&pid)
		t.node.OnExit(self, hookKey{t}, nil)
		p.Send(pid, term.Tuple{term.Atom("ETS-TRANSFER"), t.id(), self, gift})
		return nil
	}
	return fail("give_away", cause, tab.id, to, gift)
}

// Rename gives a named table a new name, as ets:rename does, and returns
// its new identifier. The name must be free.
func Rename(p *otp.Process, tab Tab, name term.Atom) (Tab, error) {
	return rename(p, tab, name)
}

func rename(p *otp.Process, tab Tab, name term.Term) (Tab, error) {
	t, c := tab.table(p, true)
	if c != CauseNone {
		return Tab{}, fail("rename", c, tab.id, name)
	}
	a, ok := normKey(name).(term.Atom)
	if !ok {
		return Tab{}, fail("rename", CauseNone, tab.id, name)
	}
	r := t.reg
	r.mu.Lock()
	defer r.mu.Unlock()
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.deleted.Load() {
		return Tab{}, fail("rename", CauseID, tab.id, name)
	}
	if t.named {
		if _, taken := r.byName[a]; taken {
			return Tab{}, fail("rename", CauseNone, tab.id, name)
		}
		delete(r.byName, *t.name.Load())
		r.byName[a] = t
	}
	t.name.Store(&a)
	return Tab{id: t.id(), t: t}, nil
}

// Whereis returns the reference of the table named name, as ets:whereis
// does; false (Erlang's undefined) when there is none.
func Whereis(p *otp.Process, name term.Atom) (Tab, bool) {
	t, c := registryOf(p.Node()).find(name)
	if c != CauseNone {
		return Tab{}, false
	}
	return Tab{id: t.ref, t: t}, true
}

// All returns the identifiers of the node's tables, in the order they were
// made, as ets:all does.
func All(p *otp.Process) []Tab {
	var out []Tab
	for _, t := range registryOf(p.Node()).tables() {
		out = append(out, Tab{id: t.id(), t: t})
	}
	return out
}

// SafeFixtable fixes (or releases) the table for the calling process, as
// ets:safe_fixtable does: while a set, bag or duplicate_bag is fixed, Next
// of a key deleted during the traversal goes on from where the key was,
// so that a traversal may delete as it goes. The fixes of a process are
// released when it ends. Info reports them (fixed, safe_fixed).
func SafeFixtable(p *otp.Process, tab Tab, fix bool) error {
	t, c := tab.table(p, false)
	if c != CauseNone {
		return fail("safe_fixtable", c, tab.id, term.Bool(fix))
	}
	t.fix(p.Self(), fix)
	return nil
}

func (t *table) fix(pid term.Pid, fix bool) {
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.deleted.Load() {
		return
	}
	if fix {
		if t.fixes[pid] == 0 && !t.node.OnExit(pid, fixKey{t}, t.fixerExited) {
			return // a dead process fixes nothing
		}
		if len(t.fixes) == 0 {
			t.fixes = map[term.Pid]int{}
			t.fixedAt = time.Now()
			if t.hash != nil {
				t.hash.fixed.Store(1)
			}
		}
		t.fixes[pid]++
		return
	}
	if t.fixes[pid] > 0 {
		t.fixes[pid]--
		if t.fixes[pid] == 0 {
			t.node.OnExit(pid, fixKey{t}, nil)
			t.unfixed(pid)
		}
	}
}

// fixerExited is the exit hook of a process that fixes the table: its
// fixes are released, as OTP releases them when it dies.
func (t *table) fixerExited(pid term.Pid, _ term.Term) {
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.fixes[pid] > 0 {
		t.unfixed(pid)
	}
}

// unfixed forgets pid's fixes; t.mu is held.
func (t *table) unfixed(pid term.Pid) {
	delete(t.fixes, pid)
	if len(t.fixes) == 0 && t.hash != nil {
		t.hash.fixed.Store(0)
	}
}

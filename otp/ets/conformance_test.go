package ets_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/scalability-go/otpbook/otp"
	"github.com/scalability-go/otpbook/otp/ets"
	"github.com/scalability-go/otpbook/otp/term"
)

func TestETS01Defaults(t *testing.T) {
	e := newEnv(t)
	tab, err := ets.New(e.p, "t")
	require.NoError(t, err)
	_, isRef := tab.Term().(term.Ref)
	assert.True(t, isRef)
	for item, want := range map[atom]term.Term{
		"type": atom("set"), "protection": atom("protected"), "keypos": 1,
		"named_table": term.False, "name": atom("t"), "owner": e.p.Self(),
		"heir": atom("none"), "size": 0,
	} {
		got, err := ets.InfoItem(e.p, tab, item)
		require.NoError(t, err)
		assert.Equal(t, want, got, "%s", item)
	}
}

func TestETS02Set(t *testing.T) {
	e := newEnv(t)
	tab, _ := ets.New(e.p, "t")
	require.NoError(t, ets.Insert(e.p, tab, tuple{atom("k"), 1}))
	require.NoError(t, ets.Insert(e.p, tab, tuple{atom("k"), 2}))
	got, err := ets.Lookup(e.p, tab, atom("k"))
	require.NoError(t, err)
	assert.Equal(t, []term.Tuple{{atom("k"), 2}}, got)
}

func TestETS03BagDuplicateBag(t *testing.T) {
	e := newEnv(t)
	k := atom("k")
	bag, _ := ets.New(e.p, "b", ets.Bag)
	dup, _ := ets.New(e.p, "d", ets.DuplicateBag)
	for _, tab := range []ets.Tab{bag, dup} {
		for _, o := range []tuple{{k, 1}, {k, 1}, {k, 2}} {
			require.NoError(t, ets.Insert(e.p, tab, o))
		}
	}
	got, _ := ets.Lookup(e.p, bag, k)
	assert.Equal(t, []term.Tuple{{k, 1}, {k, 2}}, got)
	got, _ = ets.Lookup(e.p, dup, k)
	assert.Equal(t, []term.Tuple{{k, 1}, {k, 1}, {k, 2}}, got)
}

func TestETS05OrderedSet(t *testing.T) {
	e := newEnv(t)
	tab, _ := ets.New(e.p, "o", ets.OrderedSet)
	first, err := ets.First(e.p, tab)
	require.NoError(t, err)
	assert.Equal(t, ets.EndOfTable, first)
	for _, k := range []term.Term{atom("c"), atom("a"), atom("b"), 3, 1} {
		require.NoError(t, ets.Insert(e.p, tab, tuple{k}))
	}
	first, _ = ets.First(e.p, tab)
	assert.Equal(t, 1, first)
	all, _ := ets.Tab2List(e.p, tab)
	assert.Equal(t, []term.Tuple{{1}, {3}, {atom("a")}, {atom("b")}, {atom("c")}}, all)
	last, _ := ets.Last(e.p, tab)
	assert.Equal(t, atom("c"), last)
	next, _ := ets.Next(e.p, tab, last)
	assert.Equal(t, ets.EndOfTable, next)
}

func TestETS06Missing(t *testing.T) {
	e := newEnv(t)
	tab, _ := ets.New(e.p, "t")
	got, err := ets.Lookup(e.p, tab, atom("nope"))
	require.NoError(t, err)
	assert.Empty(t, got)
	_, err = ets.LookupElement(e.p, tab, atom("nope"), 2)
	badarg(t, err, ets.CauseBadkey)
	assert.Contains(t, e.raises("lookup_element", tab.Term(), atom("nope"), 2),
		"*** argument 2: not a key that exists in the table")
}

func TestETS07InsertNew(t *testing.T) {
	e := newEnv(t)
	tab, _ := ets.New(e.p, "t")
	ok, err := ets.InsertNew(e.p, tab, tuple{atom("k"), 1})
	require.NoError(t, err)
	assert.True(t, ok)
	ok, err = ets.InsertNew(e.p, tab, tuple{atom("k"), 2})
	require.NoError(t, err)
	assert.False(t, ok)
	got, _ := ets.Lookup(e.p, tab, atom("k"))
	assert.Equal(t, []term.Tuple{{atom("k"), 1}}, got)
}

func TestETS08Named(t *testing.T) {
	e := newEnv(t)
	assert.Equal(t, atom("nt"), e.call("new", atom("nt"), term.List{atom("named_table")}))
	_, err := ets.New(e.p, "nt", ets.NamedTable)
	badarg(t, err, ets.CauseAlreadyExists)
	assert.Contains(t, e.raises("new", atom("nt"), term.List{atom("named_table")}),
		"*** argument 1: table name already exists")
	a, err := ets.New(e.p, "same")
	require.NoError(t, err)
	b, err := ets.New(e.p, "same")
	require.NoError(t, err)
	assert.NotEqual(t, a.Term(), b.Term())
}

func TestETS09Gone(t *testing.T) {
	e := newEnv(t)
	// Deleted by ets:delete/1.
	tab, _ := ets.New(e.p, "t")
	require.NoError(t, ets.Delete(e.p, tab))
	_, err := ets.Lookup(e.p, tab, 1)
	badarg(t, err, ets.CauseID)
	_, ok := ets.Info(e.p, tab)
	assert.False(t, ok)
	assert.Equal(t, term.Undefined, e.call("info", tab.Term()))

	// Deleted when the owner dies, before the DOWN arrives.
	tabs := make(chan ets.Tab, 1)
	owner := e.n.Spawn(func(p *otp.Process) {
		tab, err := ets.New(p, "owned", ets.Public)
		if err != nil {
			panic(err)
		}
		tabs <- tab
		p.Receive()
	})
	tab = <-tabs
	require.NoError(t, ets.Insert(e.p, tab, tuple{1}))
	ref, _ := e.p.Monitor(owner)
	e.p.SendExit(owner, otp.Kill)
	e.receive(func(m any) bool { d, ok := m.(otp.DownMsg); return ok && d.Ref == ref })
	_, err = ets.Lookup(e.p, tab, 1)
	badarg(t, err, ets.CauseID)
	assert.Equal(t, term.Undefined, e.call("info", tab.Term()))
	assert.Contains(t, e.raises("lookup", tab.Term(), 1),
		"*** argument 1: the table identifier does not refer to an existing ETS table")
}

func TestETS12Protected(t *testing.T) {
	e := newEnv(t)
	tab, _ := ets.New(e.p, "t")
	require.NoError(t, ets.Insert(e.p, tab, tuple{atom("k"), 1}))
	e.in(func(p *otp.Process) {
		got, err := ets.Lookup(p, tab, atom("k"))
		assert.NoError(t, err)
		assert.Len(t, got, 1)
		badarg(t, ets.Insert(p, tab, tuple{atom("k"), 2}), ets.CauseAccess)
	})
}

func TestETS13Private(t *testing.T) {
	e := newEnv(t)
	tab, _ := ets.New(e.p, "t", ets.Private)
	require.NoError(t, ets.Insert(e.p, tab, tuple{atom("k"), 1}))
	e.in(func(p *otp.Process) {
		_, err := ets.Lookup(p, tab, atom("k"))
		badarg(t, err, ets.CauseAccess)
		// info is allowed to anyone.
		size, err := ets.InfoItem(p, tab, "size")
		assert.NoError(t, err)
		assert.Equal(t, 1, size)
	})
	assert.Contains(t, e.raises("lookup", atom("nosuch"), 1), "argument 1: the table identifier does not refer")
}

func TestETS14Public(t *testing.T) {
	e := newEnv(t)
	tab, _ := ets.New(e.p, "t", ets.Public)
	e.in(func(p *otp.Process) {
		assert.NoError(t, ets.Insert(p, tab, tuple{atom("k"), 1}))
	})
	got, _ := ets.Lookup(e.p, tab, atom("k"))
	assert.Len(t, got, 1)
}

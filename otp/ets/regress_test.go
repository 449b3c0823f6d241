package ets_test

import (
	"fmt"
	"math/big"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/scalability-go/otpbook/otp"
	"github.com/scalability-go/otpbook/otp/ets"
	"github.com/scalability-go/otpbook/otp/term"
)

// deleteAsItGoes is the traversal of a fixed table that deletes each key
// before asking for the next: it returns how many keys it visited.
func deleteAsItGoes(t *testing.T, e *env, tab ets.Tab) int {
	t.Helper()
	n := 0
	k, err := ets.First(e.p, tab)
	require.NoError(t, err)
	for k != ets.EndOfTable {
		require.NoError(t, ets.DeleteKey(e.p, tab, k))
		n++
		k, err = ets.Next(e.p, tab, k)
		require.NoError(t, err)
	}
	return n
}

func TestSafeFixtableNextOfDeletedKey(t *testing.T) {
	for _, opts := range [][]ets.Option{
		{ets.Public},
		{ets.Public, ets.Bag},
		{ets.Public, ets.WriteConcurrency},
	} {
		e := newEnv(t)
		tab, _ := ets.New(e.p, "t", opts...)
		for k := range 50 {
			require.NoError(t, ets.Insert(e.p, tab, tuple{k}, tuple{atom(fmt.Sprint("k", k))}))
		}
		require.NoError(t, ets.SafeFixtable(e.p, tab, true))
		assert.Equal(t, 100, deleteAsItGoes(t, e, tab))
		// An insert of a new key while fixed does not take a deleted
		// key's tombstone: next of the deleted key still works.
		require.NoError(t, ets.Insert(e.p, tab, tuple{1}, tuple{atom("a")}))
		require.NoError(t, ets.DeleteKey(e.p, tab, 1))
		require.NoError(t, ets.Insert(e.p, tab, tuple{1000}))
		_, err := ets.Next(e.p, tab, 1)
		require.NoError(t, err)
		require.NoError(t, ets.SafeFixtable(e.p, tab, false))
	}
}

func TestNextOfDeletedKeyUnfixedIsBadarg(t *testing.T) {
	e := newEnv(t)
	tab, _ := ets.New(e.p, "t", ets.Public)
	require.NoError(t, ets.Insert(e.p, tab, tuple{1}, tuple{2}, tuple{atom("a")}, tuple{atom("b")}))
	for _, k := range []term.Term{1, atom("a")} {
		require.NoError(t, ets.DeleteKey(e.p, tab, k))
		_, err := ets.Next(e.p, tab, k)
		badarg(t, err, ets.CauseNone)
	}
	// Nor once the fix is released: the table keeps nothing for it.
	require.NoError(t, ets.SafeFixtable(e.p, tab, true))
	require.NoError(t, ets.DeleteKey(e.p, tab, 2))
	require.NoError(t, ets.SafeFixtable(e.p, tab, false))
	_, err := ets.Next(e.p, tab, 2)
	badarg(t, err, ets.CauseNone)
}

// ownedBy lists the node's tables owned by pid.
func ownedBy(e *env, pid term.Pid) []ets.Tab {
	var out []ets.Tab
	for _, tab := range ets.All(e.p) {
		if owner, err := ets.InfoItem(e.p, tab, "owner"); err == nil && owner == pid {
			out = append(out, tab)
		}
	}
	return out
}

func TestNewByKilledProcessLeavesNoTable(t *testing.T) {
	e := newEnv(t)
	for i := range 300 {
		done := make(chan struct{})
		started := make(chan struct{})
		pid := e.n.Spawn(func(p *otp.Process) {
			defer close(done)
			close(started)
			// A killed process's code runs on until it asks the
			// runtime for something: it stops when it finds itself dead.
			for j := 0; e.n.IsProcessAlive(p.Self()); j++ {
				if _, err := ets.New(p, atom(fmt.Sprintf("t%d_%d", i, j)), ets.NamedTable); err != nil {
					panic(err)
				}
			}
		})
		<-started
		e.kill(pid)
		<-done // its last ets:new has returned
		require.Empty(t, ownedBy(e, pid), "tables left by %v", pid)
	}
}

func TestGiveAwayBackKeepsOwnerExitHook(t *testing.T) {
	e := newEnv(t)
	for range 200 {
		tabs := make(chan ets.Tab, 1)
		back := make(chan struct{})
		a := e.n.Spawn(func(p *otp.Process) {
			tab, err := ets.New(p, "g", ets.Public)
			if err != nil {
				panic(err)
			}
			tabs <- tab
			from := p.Receive().(term.Pid)
			if err := ets.GiveAway(p, tab, from, 1); err != nil {
				panic(err)
			}
			p.ReceiveMatch(isTransfer, otp.Infinity)
			close(back)
			p.Receive()
		})
		tab := <-tabs
		done := make(chan struct{})
		e.n.Spawn(func(p *otp.Process) {
			defer close(done)
			p.Send(a, p.Self())
			// Give it straight back, without waiting for the message,
			// as soon as the table is ours.
			for ets.GiveAway(p, tab, a, 2) != nil {
			}
		})
		<-done
		<-back
		e.kill(a)
		_, ok := ets.Info(e.p, tab)
		require.False(t, ok, "the table outlived its owner")
	}
}

func TestNewOptionsSetAndProtectedNeverOverride(t *testing.T) {
	e := newEnv(t)
	for _, c := range []struct {
		opts         []ets.Option
		access, kind atom
	}{
		{[]ets.Option{ets.Public, ets.Protected}, "public", "set"},
		{[]ets.Option{ets.Private, ets.Protected}, "private", "set"},
		{[]ets.Option{ets.Protected, ets.Private}, "private", "set"},
		{[]ets.Option{ets.Public, ets.Private}, "private", "set"},
		{[]ets.Option{ets.Private, ets.Public}, "public", "set"},
		{[]ets.Option{ets.Bag, ets.Set}, "protected", "bag"},
		{[]ets.Option{ets.DuplicateBag, ets.Set}, "protected", "duplicate_bag"},
		{[]ets.Option{ets.OrderedSet, ets.Set}, "protected", "ordered_set"},
		{[]ets.Option{ets.Bag, ets.OrderedSet}, "protected", "ordered_set"},
		{[]ets.Option{ets.OrderedSet, ets.Bag}, "protected", "bag"},
	} {
		tab, err := ets.New(e.p, "x", c.opts...)
		require.NoError(t, err)
		access, _ := ets.InfoItem(e.p, tab, "protection")
		kind, _ := ets.InfoItem(e.p, tab, "type")
		assert.Equal(t, []term.Term{c.access, c.kind}, []term.Term{access, kind}, "%v", c.opts)
	}
}

func TestFixesOfDeadProcessReleased(t *testing.T) {
	e := newEnv(t)
	tab, _ := ets.New(e.p, "f", ets.Public)
	fixed := make(chan struct{})
	pid := e.n.Spawn(func(p *otp.Process) {
		if err := ets.SafeFixtable(p, tab, true); err != nil {
			panic(err)
		}
		close(fixed)
		p.Receive()
	})
	<-fixed
	v, _ := ets.InfoItem(e.p, tab, "fixed")
	require.Equal(t, term.True, v)
	e.kill(pid)
	for _, item := range []atom{"fixed", "safe_fixed"} {
		v, _ := ets.InfoItem(e.p, tab, item)
		assert.Equal(t, term.False, v, item)
	}
	// No longer fixed: next of a deleted key fails again.
	require.NoError(t, ets.Insert(e.p, tab, tuple{1}, tuple{2}))
	require.NoError(t, ets.DeleteKey(e.p, tab, 1))
	_, err := ets.Next(e.p, tab, 1)
	badarg(t, err, ets.CauseNone)
}

func TestFoldrOfHashTableGoesInFoldlKeyOrder(t *testing.T) {
	e := newEnv(t)
	keys := func(o term.Tuple, acc []term.Term) []term.Term { return append(acc, o[0]) }
	objs := func(o term.Tuple, acc []term.Term) []term.Term { return append(acc, o) }
	set, _ := ets.New(e.p, "s")
	bag, _ := ets.New(e.p, "b", ets.Bag)
	for k := range 20 {
		require.NoError(t, ets.Insert(e.p, set, tuple{k}))
		require.NoError(t, ets.Insert(e.p, bag, tuple{k, 1}, tuple{k, 2}, tuple{k, 3}))
	}
	l, _ := ets.Foldl(e.p, set, keys, nil)
	r, _ := ets.Foldr(e.p, set, keys, nil)
	assert.Equal(t, l, r)
	// A bag: keys in the same order, the objects of a key reversed.
	l, _ = ets.Foldl(e.p, bag, objs, nil)
	r, _ = ets.Foldr(e.p, bag, objs, nil)
	require.Len(t, r, 60)
	for i := 0; i < 60; i += 3 {
		assert.Equal(t, []term.Term{l[i+2], l[i+1], l[i]}, r[i:i+3])
	}
}

func TestUpdateElementOfMissingKeyIsFalse(t *testing.T) {
	e := newEnv(t)
	e.call("new", atom("s"), term.List{atom("named_table"), atom("public")})
	e.call("insert", atom("s"), tuple{atom("a"), 1, 2})
	for _, spec := range []term.Term{
		tuple{1, atom("x")}, tuple{0, atom("x")}, tuple{-1, atom("x")}, tuple{5, atom("x")},
		term.List{tuple{2, atom("x")}, tuple{1, atom("y")}}, atom("foo"),
		term.ImproperList{Elems: []term.Term{tuple{2, atom("x")}}, Tail: atom("foo")},
	} {
		assert.Equal(t, term.False, e.call("update_element", atom("s"), atom("nokey"), spec), "%v", spec)
	}
	// A bag is still an error, key or no key.
	bag, _ := ets.New(e.p, "b", ets.Bag)
	_, err := ets.UpdateElement(e.p, bag, atom("nokey"), ets.Element{Pos: 2, Value: 1})
	badarg(t, err, ets.CauseNone)
}

func TestGiveAwayChecksAccessThenPidThenOwner(t *testing.T) {
	e := newEnv(t)
	made := make(chan struct{})
	other := e.n.Spawn(func(p *otp.Process) {
		for name, opt := range map[atom]ets.Option{"g_public": ets.Public, "h_protected": ets.Protected, "h_private": ets.Private} {
			if _, err := ets.New(p, name, ets.NamedTable, opt); err != nil {
				panic(err)
			}
		}
		close(made)
		p.Receive()
	})
	<-made
	assert.Contains(t, e.raises("give_away", atom("g_public"), atom("foo"), atom("x")), "*** argument 2: not a pid")
	badarg(t, ets.GiveAway(e.p, ets.Named("g_public"), e.p.Self(), 1), ets.CauseNotOwner)
	for _, name := range []atom{"h_protected", "h_private"} {
		for _, to := range []term.Term{atom("foo"), e.p.Self(), other} {
			exc := otp.Catch(func() { e.call("give_away", name, to, atom("x")) })
			require.NotNil(t, exc)
			assert.Contains(t, term.Write(exc.Stack), "access", "%v %v", name, to)
		}
	}
}

func TestFoldErrorsBlameSafeFixtable(t *testing.T) {
	e := newEnv(t)
	e.call("new", atom("s"), term.List{atom("named_table")})
	f := term.ExportFun{Module: "erlang", Function: "max", Arity: 2}
	out := e.raises("foldl", f, 0, atom("nosuch"))
	assert.Contains(t, out, "ets:safe_fixtable(nosuch,true)")
	assert.Contains(t, out, "*** argument 1: the table identifier does not refer to an existing ETS table")
	assert.Contains(t, out, "in call from ets:foldl/3")
	out = e.raises("foldr", f, 0, tuple{atom("x")})
	assert.Contains(t, out, "ets:safe_fixtable({x},true)")
	assert.Contains(t, out, "*** argument 1: not an atom or a table identifier")
	// What is not a fun of two arguments: function_clause in lists:foldl
	// (foldr), given the objects of the first key; none for an empty table.
	assert.Equal(t, 0, e.call("foldl", atom("notfun"), 0, atom("s")))
	e.call("insert", atom("s"), tuple{atom("a"), 1})
	for _, fn := range []string{"foldl", "foldr"} {
		for _, bad := range []term.Term{atom("notfun"), term.ExportFun{Module: "erlang", Function: "abs", Arity: 1}} {
			exc := otp.Catch(func() { e.call(fn, bad, 0, atom("s")) })
			require.NotNil(t, exc)
			assert.Equal(t, atom("function_clause"), exc.Reason)
			frame := exc.Stack[0].(term.Tuple)
			assert.Equal(t, tuple{atom("lists"), atom(fn), term.List{bad, 0, term.List{tuple{atom("a"), 1}}}}, frame[:3])
		}
	}
}

func TestWriteConcurrencyAutoInInfo(t *testing.T) {
	e := newEnv(t)
	for _, c := range []struct {
		opts      term.List
		wc, dcent term.Term
	}{
		{term.List{tuple{atom("write_concurrency"), atom("auto")}}, atom("auto"), term.True},
		{term.List{atom("ordered_set"), tuple{atom("write_concurrency"), atom("auto")}}, atom("auto"), term.True},
		{term.List{atom("bag"), tuple{atom("write_concurrency"), atom("auto")}, tuple{atom("decentralized_counters"), term.False}}, atom("auto"), term.False},
		{term.List{tuple{atom("decentralized_counters"), term.False}, tuple{atom("write_concurrency"), atom("auto")}}, atom("auto"), term.False},
		{term.List{tuple{atom("write_concurrency"), atom("auto")}, tuple{atom("write_concurrency"), term.True}}, term.True, term.False},
		{term.List{tuple{atom("write_concurrency"), term.True}}, term.True, term.False},
		{term.List{atom("ordered_set"), tuple{atom("write_concurrency"), term.True}}, term.True, term.True},
		{term.List{atom("ordered_set"), tuple{atom("write_concurrency"), term.True}, tuple{atom("decentralized_counters"), term.False}}, term.True, term.False},
	} {
		id := e.call("new", atom("w"), c.opts)
		assert.Equal(t, c.wc, e.call("info", id, atom("write_concurrency")), "%v", c.opts)
		assert.Equal(t, c.dcent, e.call("info", id, atom("decentralized_counters")), "%v", c.opts)
	}
}

func TestDeadHeirIsDroppedAtNew(t *testing.T) {
	e := newEnv(t)
	dead := e.n.Spawn(func(*otp.Process) {})
	ref, _ := e.p.Monitor(dead)
	e.receive(func(m any) bool { d, ok := m.(otp.DownMsg); return ok && d.Ref == ref })
	tab, err := ets.New(e.p, "h", ets.Heir(dead, 1))
	require.NoError(t, err)
	heir, _ := ets.InfoItem(e.p, tab, "heir")
	assert.Equal(t, atom("none"), heir)
}

func TestSelectOfExactlyLimitHasContinuation(t *testing.T) {
	e := newEnv(t)
	ms := term.List{tuple{tuple{atom("$1")}, term.List{}, term.List{atom("$1")}}}
	for _, opts := range [][]ets.Option{nil, {ets.OrderedSet}} {
		tab, _ := ets.New(e.p, "s", opts...)
		require.NoError(t, ets.Insert(e.p, tab, tuple{1}, tuple{2}, tuple{3}))
		res, c, err := ets.SelectLimit(e.p, tab, ms, 3)
		require.NoError(t, err)
		assert.Len(t, res, 3)
		require.False(t, c.Done())
		res, c, err = ets.SelectContinue(e.p, c)
		require.NoError(t, err)
		assert.Empty(t, res)
		assert.True(t, c.Done())
		// Fewer than the limit: done at once.
		_, c, _ = ets.SelectLimit(e.p, tab, ms, 4)
		assert.True(t, c.Done())
	}
}

func TestSelectContinueOfDeletedTableCauseID(t *testing.T) {
	e := newEnv(t)
	tab, _ := ets.New(e.p, "s")
	require.NoError(t, ets.Insert(e.p, tab, tuple{1}, tuple{2}))
	ms := term.List{tuple{atom("_"), term.List{}, term.List{term.True}}}
	_, c, err := ets.SelectLimit(e.p, tab, ms, 1)
	require.NoError(t, err)
	require.NoError(t, ets.Delete(e.p, tab))
	_, _, err = ets.SelectContinue(e.p, c)
	badarg(t, err, ets.CauseID)
	exc := otp.Catch(func() { e.call("select", c.Term()) })
	require.NotNil(t, exc)
	assert.Contains(t, term.Write(exc.Stack), "cause => id")
}

func TestInfoBinaryAndStats(t *testing.T) {
	e := newEnv(t)
	set, _ := ets.New(e.p, "s")
	ord, _ := ets.New(e.p, "o", ets.OrderedSet)
	v, err := ets.InfoItem(e.p, set, "binary")
	require.NoError(t, err)
	assert.Equal(t, term.List{}, v)
	v, err = ets.InfoItem(e.p, ord, "stats")
	require.NoError(t, err)
	assert.Equal(t, term.False, v)
	require.NoError(t, ets.Insert(e.p, set, tuple{1}, tuple{2}))
	v, err = ets.InfoItem(e.p, set, "stats")
	require.NoError(t, err)
	st, ok := v.(term.Tuple)
	require.True(t, ok)
	require.Len(t, st, 8)
	assert.Equal(t, 1, st[7]) // locks
}

func TestUpdateErrorsOfImproperListExplainNothing(t *testing.T) {
	e := newEnv(t)
	e.call("new", atom("s"), term.List{atom("named_table"), atom("public")})
	e.call("insert", atom("s"), tuple{atom("a"), 1, 2})
	improper := term.ImproperList{Elems: []term.Term{tuple{2, 1}}, Tail: atom("foo")}
	for _, fn := range []string{"update_element", "update_counter"} {
		out := e.raises(fn, atom("s"), atom("a"), improper)
		assert.Contains(t, out, "bad argument")
		assert.NotContains(t, out, "***", fn)
	}
}

func TestUpdateElementBignumPositionOutOfRange(t *testing.T) {
	e := newEnv(t)
	e.call("new", atom("s"), term.List{atom("named_table"), atom("public")})
	e.call("insert", atom("s"), tuple{atom("a"), 1, 2})
	big := new(big.Int).Lsh(big.NewInt(1), 70)
	out := e.raises("update_element", atom("s"), atom("a"), tuple{big, atom("x")})
	assert.Contains(t, out, "*** argument 3: out of range")
	assert.NotContains(t, out, "argument 1")
}

func TestKeyposMustBeSmallInteger(t *testing.T) {
	e := newEnv(t)
	for _, n := range []int{1 << 60, 1 << 59} {
		assert.Contains(t, e.raises("new", atom("k"), term.List{tuple{atom("keypos"), n}}), "*** argument 2: invalid options")
	}
	e.call("new", atom("k"), term.List{tuple{atom("keypos"), 1<<59 - 1}})
}

// ets:tab2list(Tab) fails as the ets:match_object(Tab, '_') it is, called
// from ets:tab2list/1, as in erl.
func TestTab2ListErrorsBlameMatchObject(t *testing.T) {
	e := newEnv(t)
	out := e.raises("tab2list", atom("nosuch"))
	assert.Contains(t, out, "ets:match_object(nosuch,'_')")
	assert.Contains(t, out, "*** argument 1: the table identifier does not refer to an existing ETS table")
	assert.Contains(t, out, "in call from ets:tab2list/1")
	out = e.raises("tab2list", 1)
	assert.Contains(t, out, "ets:match_object(1,'_')")
	assert.Contains(t, out, "*** argument 1: not an atom or a table identifier")
}

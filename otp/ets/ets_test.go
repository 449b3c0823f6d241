package ets_test

import (
	"math/big"
	"strings"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/scalability-go/otpbook/otp"
	"github.com/scalability-go/otpbook/otp/ets"
	"github.com/scalability-go/otpbook/otp/term"
)

// owned makes a table owned by a new process that waits for a message,
// and returns the table and the owner.
func (e *env) owned(opts ...ets.Option) (ets.Tab, term.Pid) {
	e.t.Helper()
	tabs := make(chan ets.Tab, 1)
	pid := e.n.Spawn(func(p *otp.Process) {
		tab, err := ets.New(p, "owned", opts...)
		if err != nil {
			panic(err)
		}
		tabs <- tab
		p.Receive()
	})
	return <-tabs, pid
}

func (e *env) kill(pid term.Pid) {
	e.t.Helper()
	ref, _ := e.p.Monitor(pid)
	e.p.SendExit(pid, otp.Kill)
	e.receive(func(m any) bool { d, ok := m.(otp.DownMsg); return ok && d.Ref == ref })
}

func isTransfer(m any) bool {
	t, ok := m.(term.Tuple)
	return ok && len(t) == 4 && t[0] == atom("ETS-TRANSFER")
}

func TestHeirTransfer(t *testing.T) {
	e := newEnv(t)
	tab, owner := e.owned(ets.Public, ets.Heir(e.p.Self(), atom("data")))
	require.NoError(t, ets.Insert(e.p, tab, tuple{1}))
	e.kill(owner)
	msg := e.receive(isTransfer)
	assert.Equal(t, tuple{atom("ETS-TRANSFER"), tab.Term(), owner, atom("data")}, msg)
	got, _ := ets.InfoItem(e.p, tab, "owner")
	assert.Equal(t, e.p.Self(), got)
	got, _ = ets.InfoItem(e.p, tab, "heir")
	assert.Equal(t, e.p.Self(), got, "the heir stays the heir, as in OTP")
	objs, err := ets.Lookup(e.p, tab, 1)
	require.NoError(t, err)
	assert.Len(t, objs, 1)
}

func TestHeirDeadTableDeleted(t *testing.T) {
	e := newEnv(t)
	heir := e.n.Spawn(func(p *otp.Process) { p.Receive() })
	tab, owner := e.owned(ets.Heir(heir, 1))
	e.kill(heir)
	e.kill(owner)
	_, ok := ets.Info(e.p, tab)
	assert.False(t, ok)
}

func TestGiveAway(t *testing.T) {
	e := newEnv(t)
	tab, _ := ets.New(e.p, "g", ets.NamedTable)
	// To itself, to a dead process: badarg.
	badarg(t, ets.GiveAway(e.p, tab, e.p.Self(), 1), ets.CauseOwner)
	assert.Contains(t, e.raises("give_away", tab.Term(), e.p.Self(), 1), "argument 2: the process is already the owner of the table")
	dead := e.n.Spawn(func(*otp.Process) {})
	ref, _ := e.p.Monitor(dead)
	e.receive(func(m any) bool { d, ok := m.(otp.DownMsg); return ok && d.Ref == ref })
	badarg(t, ets.GiveAway(e.p, tab, dead, 1), ets.CauseNone)
	assert.Contains(t, e.raises("give_away", tab.Term(), dead, 1), "argument 2: the pid refers to a terminated process")
	assert.Contains(t, e.raises("give_away", tab.Term(), atom("x"), 1), "argument 2: not a pid")

	got := make(chan any, 1)
	to := e.n.Spawn(func(p *otp.Process) {
		got <- p.Receive()
		// The new owner may write; the old one, no more.
		got <- ets.Insert(p, tab, tuple{1})
		p.Receive()
	})
	require.NoError(t, ets.GiveAway(e.p, tab, to, atom("gift")))
	assert.Equal(t, tuple{atom("ETS-TRANSFER"), atom("g"), e.p.Self(), atom("gift")}, <-got)
	assert.Nil(t, <-got)
	badarg(t, ets.Insert(e.p, tab, tuple{2}), ets.CauseAccess)
	// Not the owner of a protected table: no access, as in OTP.
	badarg(t, ets.GiveAway(e.p, tab, to, 1), ets.CauseAccess)
	// The new owner's death deletes it.
	e.kill(to)
	_, ok := ets.Info(e.p, tab)
	assert.False(t, ok)
}

func TestNewOptions(t *testing.T) {
	e := newEnv(t)
	tab, err := ets.New(e.p, "x", ets.Set, ets.Bag, ets.Public, ets.Private, ets.Keypos(2), ets.Keypos(3), ets.NamedTable)
	require.NoError(t, err)
	info, _ := ets.Info(e.p, tab)
	assert.Equal(t, "[{id,#Ref},{decentralized_counters,false},{read_concurrency,false},"+
		"{write_concurrency,false},{compressed,false},{memory,305},{owner,<PID>},{heir,none},"+
		"{name,x},{size,0},{node,nonode@nohost},{named_table,true},{type,bag},{keypos,3},"+
		"{protection,private}]", normalize(term.Write(info), e))
	for _, opts := range []term.Term{
		term.List{atom("foo")}, term.List{tuple{atom("keypos"), 0}}, term.List{tuple{atom("heir"), e.p.Self()}},
		term.List{tuple{atom("heir"), atom("foo"), 1}}, atom("set"),
	} {
		assert.Contains(t, e.raises("new", atom("x2"), opts), "bad argument", "%v", opts)
	}
	assert.Contains(t, e.raises("new", atom("x2"), term.List{atom("foo")}), "*** argument 2: invalid options")
	assert.Contains(t, e.raises("new", "x", term.List{}), "*** argument 1: not an atom")
	e.call("new", atom("x3"), term.List{tuple{atom("write_concurrency"), atom("auto")}, tuple{atom("heir"), atom("none")}})
}

// normalize replaces the reference and pids of a printed term.
func normalize(s string, e *env) string {
	s = strings.ReplaceAll(s, e.p.Self().String(), "<PID>")
	i := strings.Index(s, "#Ref<")
	if i >= 0 {
		j := strings.Index(s[i:], ">")
		s = s[:i] + "#Ref" + s[i+j+1:]
	}
	return s
}

func TestUpdateCounter(t *testing.T) {
	e := newEnv(t)
	tab, _ := ets.New(e.p, "c", ets.Public)
	a := atom("a")
	require.NoError(t, ets.Insert(e.p, tab, tuple{a, 1, 10}))
	v, err := ets.UpdateCounter(e.p, tab, a, 1)
	require.NoError(t, err)
	assert.Equal(t, 2, v)
	v, _ = ets.UpdateCounter(e.p, tab, a, tuple{3, -4})
	assert.Equal(t, 6, v)
	v, _ = ets.UpdateCounter(e.p, tab, a, term.List{tuple{2, 5}, tuple{2, -100, 0, 7}})
	assert.Equal(t, term.List{7, 7}, v)
	v, _ = ets.UpdateCounter(e.p, tab, a, tuple{2, 1, 3, 0})
	assert.Equal(t, 0, v)
	v, _ = ets.UpdateCounter(e.p, tab, a, tuple{2, 1 << 62})
	v, _ = ets.UpdateCounter(e.p, tab, a, tuple{2, 1 << 62})
	assert.Equal(t, "9223372036854775808", term.Write(v))
	// The default object is inserted with its key replaced.
	v, err = ets.UpdateCounterDefault(e.p, tab, atom("r"), tuple{2, 1}, tuple{atom("zz"), 10})
	require.NoError(t, err)
	assert.Equal(t, 11, v)
	objs, _ := ets.Lookup(e.p, tab, atom("r"))
	assert.Equal(t, []term.Tuple{{atom("r"), 11}}, objs)

	_, err = ets.UpdateCounter(e.p, tab, a, tuple{1, 1})
	badarg(t, err, ets.CauseKeypos)
	_, err = ets.UpdateCounter(e.p, tab, a, tuple{4, 1})
	badarg(t, err, ets.CausePosition)
	_, err = ets.UpdateCounter(e.p, tab, atom("zz"), 1)
	badarg(t, err, ets.CauseBadkey)
	_, err = ets.UpdateCounter(e.p, tab, a, atom("foo"))
	badarg(t, err, ets.CauseNone)
	require.NoError(t, ets.Insert(e.p, tab, tuple{atom("s"), atom("x")}))
	_, err = ets.UpdateCounter(e.p, tab, atom("s"), 1)
	badarg(t, err, ets.CauseNone)
	assert.Contains(t, e.raises("update_counter", tab.Term(), atom("s"), 1),
		"*** argument 3: the value in the given position, in the object, is not an integer")
	assert.Contains(t, e.raises("update_counter", tab.Term(), a, tuple{1, 1}),
		"*** argument 3: the position is the same as the key position")
	assert.Contains(t, e.raises("update_counter", tab.Term(), a, tuple{9, 1}),
		"*** argument 3: the position in the update operation is out of range")
	assert.Contains(t, e.raises("update_counter", tab.Term(), a, atom("foo")),
		"*** argument 3: not a valid update operation")
	bag, _ := ets.New(e.p, "b", ets.Bag)
	_, err = ets.UpdateCounter(e.p, bag, a, 1)
	badarg(t, err, ets.CauseTableType)
	assert.Contains(t, e.raises("update_counter", bag.Term(), a, 1),
		"*** argument 1: the table identifier refers to an ETS table of a type not supported by this operation")
}

func TestUpdateElement(t *testing.T) {
	e := newEnv(t)
	tab, _ := ets.New(e.p, "u")
	a := atom("a")
	require.NoError(t, ets.Insert(e.p, tab, tuple{a, 1, 2}))
	ok, err := ets.UpdateElement(e.p, tab, a, ets.Element{Pos: 2, Value: atom("x")}, ets.Element{Pos: 3, Value: atom("y")})
	require.NoError(t, err)
	assert.True(t, ok)
	objs, _ := ets.Lookup(e.p, tab, a)
	assert.Equal(t, []term.Tuple{{a, atom("x"), atom("y")}}, objs)
	ok, err = ets.UpdateElement(e.p, tab, atom("zz"), ets.Element{Pos: 2, Value: 1})
	require.NoError(t, err)
	assert.False(t, ok)
	_, err = ets.UpdateElement(e.p, tab, a, ets.Element{Pos: 1, Value: 1})
	badarg(t, err, ets.CauseKeypos)
	_, err = ets.UpdateElement(e.p, tab, a, ets.Element{Pos: 5, Value: 1})
	badarg(t, err, ets.CauseNone)
	assert.Contains(t, e.raises("update_element", tab.Term(), a, tuple{5, 1}), "*** argument 3: out of range")
	assert.Contains(t, e.raises("update_element", tab.Term(), a, tuple{1, 1}), "*** argument 3: the position is the same as the key position")
}

func TestLookupElementAndErrors(t *testing.T) {
	e := newEnv(t)
	tab, _ := ets.New(e.p, "t")
	require.NoError(t, ets.Insert(e.p, tab, tuple{atom("a"), 1}))
	v, err := ets.LookupElement(e.p, tab, atom("a"), 2)
	require.NoError(t, err)
	assert.Equal(t, 1, v)
	assert.Contains(t, e.raises("lookup_element", tab.Term(), atom("a"), 3), "*** argument 3: position is greater than the size of the object")
	assert.Contains(t, e.raises("lookup_element", tab.Term(), atom("a"), 0), "*** argument 3: out of range")
	assert.Contains(t, e.raises("lookup", 1, 1), "*** argument 1: not an atom or a table identifier")
	assert.Contains(t, e.raises("insert", tab.Term(), tuple{}), "*** argument 2: is an empty tuple")
	assert.Contains(t, e.raises("insert", tab.Term(), term.List{tuple{atom("a")}, atom("b")}), "*** argument 2: not a non-empty tuple or a list of non-empty tuples")
	assert.Contains(t, e.raises("insert", tab.Term(), atom("b")), "*** argument 2: not a tuple")
	assert.Contains(t, e.raises("next", tab.Term(), atom("zz")), "*** argument 2: not a key that exists in the table")
	assert.Contains(t, e.raises("info", tab.Term(), atom("foo")), "*** argument 2: not a valid info item")
	assert.Contains(t, e.raises("select", tab.Term(), atom("foo")), "*** argument 2: not a valid match specification")
	assert.Contains(t, e.raises("whereis", 1), "*** argument 1: invalid table name (must be an atom)")
	kp, _ := ets.New(e.p, "kp", ets.Keypos(2))
	badarg(t, ets.Insert(e.p, kp, tuple{atom("a")}), ets.CauseNone)
	bag, _ := ets.New(e.p, "b", ets.Bag)
	require.NoError(t, ets.Insert(e.p, bag, tuple{atom("k"), 1}, tuple{atom("k"), 1}, tuple{atom("k"), 2}))
	v, _ = ets.LookupElement(e.p, bag, atom("k"), 2)
	assert.Equal(t, term.List{2, 1}, v, "a list goes into a bag last first, as in OTP 25")
}

func TestKeysExactAndEqual(t *testing.T) {
	e := newEnv(t)
	set, _ := ets.New(e.p, "s")
	oset, _ := ets.New(e.p, "o", ets.OrderedSet)
	for _, tab := range []ets.Tab{set, oset} {
		require.NoError(t, ets.Insert(e.p, tab, tuple{1, atom("a")}, tuple{1.0, atom("b")}))
	}
	objs, _ := ets.Lookup(e.p, set, 1)
	assert.Equal(t, []term.Tuple{{1, atom("a")}}, objs)
	objs, _ = ets.Lookup(e.p, oset, 1)
	assert.Equal(t, []term.Tuple{{1.0, atom("b")}}, objs)
	// Go forms of one term are one key.
	require.NoError(t, ets.Insert(e.p, set, tuple{"ab", 1}, tuple{int64(7), 2}, tuple{tuple{true}, 3}))
	for k, want := range map[any]int{"x": 0} {
		_ = k
		_ = want
	}
	for _, k := range []term.Term{term.List{97, 98}, 7, tuple{atom("true")}} {
		ok, _ := ets.Member(e.p, set, k)
		assert.True(t, ok, "%v", k)
	}
	next, _ := ets.Next(e.p, oset, 0.5)
	assert.Equal(t, 1.0, next, "next of a key not in an ordered_set is the next greater key")
}

func TestTraversalWhileDeleting(t *testing.T) {
	e := newEnv(t)
	tab, _ := ets.New(e.p, "t", ets.Public)
	for k := range 1000 {
		require.NoError(t, ets.Insert(e.p, tab, tuple{k}, tuple{atom("k"), k}))
	}
	for i := range 300 {
		require.NoError(t, ets.Insert(e.p, tab, tuple{tuple{i}}))
	}
	seen := map[string]bool{}
	k, _ := ets.First(e.p, tab)
	for k != ets.EndOfTable {
		seen[term.Write(k)] = true
		next, err := ets.Next(e.p, tab, k)
		require.NoError(t, err)
		require.NoError(t, ets.DeleteKey(e.p, tab, k))
		k = next
	}
	assert.Len(t, seen, 1301)
	size, _ := ets.InfoItem(e.p, tab, "size")
	assert.Equal(t, 0, size)
}

func TestSelectAndMatch(t *testing.T) {
	e := newEnv(t)
	tab, _ := ets.New(e.p, "o", ets.OrderedSet, ets.Public)
	for i := 1; i <= 10; i++ {
		require.NoError(t, ets.Insert(e.p, tab, tuple{i, i * i}))
	}
	ms := term.List{tuple{tuple{atom("$1"), atom("$2")}, term.List{tuple{atom(">"), atom("$1"), 3}}, term.List{atom("$2")}}}
	res, err := ets.Select(e.p, tab, ms)
	require.NoError(t, err)
	assert.Equal(t, []term.Term{16, 25, 36, 49, 64, 81, 100}, res)
	res, err = ets.SelectReverse(e.p, tab, ms)
	require.NoError(t, err)
	assert.Equal(t, []term.Term{100, 81, 64, 49, 36, 25, 16}, res)

	res, c, err := ets.SelectLimit(e.p, tab, ms, 3)
	require.NoError(t, err)
	assert.Equal(t, []term.Term{16, 25, 36}, res)
	var all []term.Term
	for !c.Done() {
		res, c, err = ets.SelectContinue(e.p, c)
		require.NoError(t, err)
		all = append(all, res...)
	}
	assert.Equal(t, []term.Term{49, 64, 81, 100}, all)
	// Through the Erlang module, with the continuation as a term.
	r := e.call("select", tab.Term(), ms, 5).(term.Tuple)
	assert.Equal(t, term.List{16, 25, 36, 49, 64}, r[0])
	r = e.call("select", r[1]).(term.Tuple)
	assert.Equal(t, term.List{81, 100}, r[0])
	assert.Equal(t, ets.EndOfTable, r[1])
	assert.Equal(t, ets.EndOfTable, e.call("select", tab.Term(), term.List{tuple{tuple{atom("no"), atom("_")}, term.List{}, term.List{atom("$_")}}}, 3))

	count := term.List{tuple{tuple{atom("$1"), atom("_")}, term.List{tuple{atom(">"), atom("$1"), 3}}, term.List{term.True}}}
	n, err := ets.SelectCount(e.p, tab, count)
	require.NoError(t, err)
	assert.Equal(t, 7, n)
	del := term.List{tuple{tuple{atom("$1"), atom("_")}, term.List{tuple{atom(">"), atom("$1"), 8}}, term.List{term.True}}}
	n, err = ets.SelectDelete(e.p, tab, del)
	require.NoError(t, err)
	assert.Equal(t, 2, n)

	m, err := ets.Match(e.p, tab, tuple{atom("$1"), 4})
	require.NoError(t, err)
	assert.Equal(t, []term.List{{2}}, m)
	m, err = ets.Match(e.p, tab, tuple{2, atom("$1")})
	require.NoError(t, err)
	assert.Equal(t, []term.List{{4}}, m, "a bound key is looked up")
	mo, err := ets.MatchObject(e.p, tab, tuple{atom("_"), 9})
	require.NoError(t, err)
	assert.Equal(t, []term.Tuple{{3, 9}}, mo)
	assert.Equal(t, term.List{term.List{1}, term.List{2}}, e.call("match", tab.Term(), tuple{atom("$1"), atom("_")}, 2).(term.Tuple)[0])
	require.NoError(t, ets.MatchDelete(e.p, tab, tuple{atom("_"), 1}))
	size, _ := ets.InfoItem(e.p, tab, "size")
	assert.Equal(t, 7, size)

	_, err = ets.Select(e.p, tab, atom("bad"))
	badarg(t, err, ets.CauseNone)
	_, _, err = ets.SelectLimit(e.p, tab, ms, 0)
	badarg(t, err, ets.CauseNone)
}

func TestFoldTakeRenameAll(t *testing.T) {
	e := newEnv(t)
	tab, _ := ets.New(e.p, "o", ets.OrderedSet, ets.NamedTable)
	require.NoError(t, ets.Insert(e.p, tab, tuple{1}, tuple{2}, tuple{3}))
	sum, err := ets.Foldl(e.p, tab, func(o term.Tuple, acc []term.Term) []term.Term { return append(acc, o[0]) }, nil)
	require.NoError(t, err)
	assert.Equal(t, []term.Term{1, 2, 3}, sum)
	sum, _ = ets.Foldr(e.p, tab, func(o term.Tuple, acc []term.Term) []term.Term { return append(acc, o[0]) }, nil)
	assert.Equal(t, []term.Term{3, 2, 1}, sum)
	objs, _ := ets.Take(e.p, tab, 2)
	assert.Equal(t, []term.Tuple{{2}}, objs)
	renamed, err := ets.Rename(e.p, tab, "p")
	require.NoError(t, err)
	assert.Equal(t, atom("p"), renamed.Term())
	_, err = ets.Lookup(e.p, tab, 1)
	badarg(t, err, ets.CauseID)
	ref, ok := ets.Whereis(e.p, "p")
	require.True(t, ok)
	objs, _ = ets.Lookup(e.p, ref, 1)
	assert.Len(t, objs, 1)
	assert.Contains(t, ets.All(e.p), renamed)
	other, _ := ets.New(e.p, "q", ets.NamedTable)
	_, err = ets.Rename(e.p, other, "p")
	badarg(t, err, ets.CauseNone)
	require.NoError(t, ets.DeleteAllObjects(e.p, renamed))
	first, _ := ets.First(e.p, renamed)
	assert.Equal(t, ets.EndOfTable, first)
}

func TestI(t *testing.T) {
	e := newEnv(t)
	require.NoError(t, e.n.Register("owner_name", e.p.Self()))
	tab, _ := ets.New(e.p, "o", ets.OrderedSet, ets.NamedTable)
	_ = ets.Insert(e.p, tab, tuple{1, 1})
	b, _ := ets.New(e.p, "b", ets.Bag)
	assert.Equal(t, atom("ok"), e.call("i"))
	lines := strings.Split(e.out.String(), "\n")
	assert.Equal(t, " id              name              type  size   mem      owner", lines[0])
	assert.Equal(t, " ----------------------------------------------------------------------------", lines[1])
	assert.Equal(t, " o               o                 ordered_set 1      178      owner_name", lines[2])
	assert.Equal(t, " "+b.String()+" b                 bag   0      305      owner_name", lines[3])
}

func TestConcurrentReadersWriters(t *testing.T) {
	e := newEnv(t)
	for _, opts := range [][]ets.Option{
		{ets.Public}, {ets.Public, ets.ReadConcurrency, ets.WriteConcurrency},
		{ets.Public, ets.OrderedSet}, {ets.Public, ets.Bag, ets.WriteConcurrency},
	} {
		tab, err := ets.New(e.p, "c", opts...)
		require.NoError(t, err)
		var wg sync.WaitGroup
		for w := range 4 {
			wg.Add(1)
			e.n.Spawn(func(p *otp.Process) {
				defer wg.Done()
				for i := range 500 {
					k := i % 50
					_ = ets.Insert(p, tab, tuple{k, w, i})
					_, _ = ets.Lookup(p, tab, k)
					if i%7 == 0 {
						_ = ets.DeleteKey(p, tab, k)
					}
					if i%50 == 0 {
						_, _ = ets.Tab2List(p, tab)
						_, _ = ets.First(p, tab)
					}
				}
			})
		}
		wg.Wait()
		_, err = ets.Tab2List(e.p, tab)
		require.NoError(t, err)
	}
}

func TestAtomicListInsert(t *testing.T) {
	e := newEnv(t)
	tab, _ := ets.New(e.p, "t", ets.Public, ets.WriteConcurrency)
	ok, err := ets.InsertNew(e.p, tab, tuple{1}, tuple{2})
	require.NoError(t, err)
	assert.True(t, ok)
	ok, _ = ets.InsertNew(e.p, tab, tuple{3}, tuple{2})
	assert.False(t, ok)
	member, _ := ets.Member(e.p, tab, 3)
	assert.False(t, member, "insert_new inserts nothing when one key exists")
}

// Integer keys take a path of their own in set, bag and duplicate_bag
// tables: every Go form of an integer finds them, floats do not, and a
// slice a lookup returned does not change when the key's objects do.
func TestIntegerKeys(t *testing.T) {
	e := newEnv(t)
	const n = 3000
	for _, opts := range [][]ets.Option{
		{ets.Set}, {ets.Bag}, {ets.DuplicateBag},
		{ets.Set, ets.WriteConcurrency}, {ets.Bag, ets.ReadConcurrency, ets.WriteConcurrency},
	} {
		tab, err := ets.New(e.p, "ints", opts...)
		require.NoError(t, err)
		for k := range n {
			require.NoError(t, ets.Insert(e.p, tab, tuple{k, 0}))
		}
		for k := range n {
			objs, err := ets.Lookup(e.p, tab, k)
			require.NoError(t, err)
			require.Equal(t, []term.Tuple{{k, 0}}, objs)
		}
		objs, _ := ets.Lookup(e.p, tab, int8(7))
		assert.Equal(t, []term.Tuple{{7, 0}}, objs)
		objs, _ = ets.Lookup(e.p, tab, big.NewInt(8))
		assert.Equal(t, []term.Tuple{{8, 0}}, objs)
		objs, _ = ets.Lookup(e.p, tab, 7.0)
		assert.Empty(t, objs, "7.0 is not the key 7")
		objs, _ = ets.Lookup(e.p, tab, n)
		assert.Empty(t, objs)

		before, _ := ets.Lookup(e.p, tab, 5)
		require.NoError(t, ets.Insert(e.p, tab, tuple{5, 1}))
		assert.Equal(t, []term.Tuple{{5, 0}}, before, "a returned slice is not the table's")
		after, _ := ets.Lookup(e.p, tab, 5)
		_ = append(after, tuple{5, 2})
		again, _ := ets.Lookup(e.p, tab, 5)
		assert.Equal(t, after, again, "appending to a returned slice does not write the table")
		ok, err := ets.InsertNew(e.p, tab, tuple{5, 3})
		require.NoError(t, err)
		assert.False(t, ok)

		for k := 0; k < n; k += 2 {
			require.NoError(t, ets.DeleteKey(e.p, tab, k))
		}
		for k := range n {
			objs, _ := ets.Lookup(e.p, tab, k)
			assert.Equal(t, k%2 == 1, len(objs) > 0, k)
		}
		size, err := ets.InfoItem(e.p, tab, "size")
		require.NoError(t, err)
		want := n / 2
		if opts[0] != ets.Set {
			want++ // {5, 1} besides {5, 0}
		}
		assert.Equal(t, want, size)
		require.NoError(t, ets.Delete(e.p, tab))
	}
}

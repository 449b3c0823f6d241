package gen_test

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/scalability-go/otpbook/otp"
	"github.com/scalability-go/otpbook/otp/code"
	"github.com/scalability-go/otpbook/otp/gen"
	"github.com/scalability-go/otpbook/otp/term"
)

// mapRegistry is a {via, Module, Name} registry for the tests.
type mapRegistry struct{ names map[term.Term]term.Pid }

func (r *mapRegistry) RegisterName(_ *otp.Process, name term.Term, pid term.Pid) bool {
	if _, ok := r.names[name]; ok {
		return false
	}
	r.names[name] = pid
	return true
}
func (r *mapRegistry) UnregisterName(_ *otp.Process, name term.Term) { delete(r.names, name) }
func (r *mapRegistry) WhereisName(_ *otp.Process, name term.Term) (term.Pid, bool) {
	pid, ok := r.names[name]
	return pid, ok
}
func (r *mapRegistry) Send(p *otp.Process, name term.Term, msg any) error {
	if pid, ok := r.names[name]; ok {
		p.Send(pid, msg)
	}
	return nil
}

func TestNames(t *testing.T) {
	n, self := newNode(t)
	_, err := code.Of(n).Load(&code.Module{Name: "reg", Impl: &mapRegistry{names: map[term.Term]term.Pid{}}})
	require.NoError(t, err)
	names := []term.Term{
		term.Tuple{term.Atom("local"), term.Atom("a")},
		term.Tuple{term.Atom("global"), term.Atom("a")},
		term.Tuple{term.Atom("via"), term.Atom("reg"), term.Atom("a")},
		term.Tuple{term.Atom("via"), term.Atom("global"), term.Atom("b")},
	}
	for _, name := range names {
		holder, ok := gen.Register(self, name)
		require.True(t, ok, "%v", name)
		assert.Equal(t, self.Self(), holder)
		pid, ok := gen.Where(self, name)
		require.True(t, ok)
		assert.Equal(t, self.Self(), pid)
		dest := name
		if name.(term.Tuple)[0] == term.Atom("local") {
			dest = gen.NameOf(name)
		}
		gen.Send(self, dest, 1)
		assert.Equal(t, 1, self.Receive())
		gen.Unregister(self, name)
		_, ok = gen.Where(self, name)
		assert.False(t, ok)
		self.Flush()
	}
	// A clash gives the holder.
	other := self.Spawn(func(p *otp.Process) {
		_, ok := gen.Register(p, term.Tuple{term.Atom("global"), term.Atom("g")})
		p.Send(self.Self(), ok)
		p.Receive()
	})
	require.Equal(t, true, self.Receive())
	holder, ok := gen.Register(self, term.Tuple{term.Atom("global"), term.Atom("g")})
	assert.False(t, ok)
	assert.Equal(t, other, holder)
	// The global name goes with its holder.
	ref, _ := self.Monitor(other)
	self.SendExit(other, otp.Kill)
	self.ReceiveMatch(func(m any) bool { d, ok := m.(otp.DownMsg); return ok && d.Ref == ref }, otp.Infinity)
	_, ok = gen.Where(self, term.Tuple{term.Atom("global"), term.Atom("g")})
	assert.False(t, ok)
}

func TestCallGlobalAndVia(t *testing.T) {
	n, self := newNode(t)
	_, err := code.Of(n).Load(&code.Module{Name: "reg", Impl: &mapRegistry{names: map[term.Term]term.Pid{}}})
	require.NoError(t, err)
	test := self.Self()
	for _, name := range []term.Term{
		term.Tuple{term.Atom("global"), term.Atom("srv")},
		term.Tuple{term.Atom("via"), term.Atom("reg"), term.Atom("srv")},
	} {
		pid := self.Spawn(func(p *otp.Process) {
			gen.Register(p, name)
			p.Send(test, term.Atom("registered"))
			server(test)(p)
		})
		require.Equal(t, term.Atom("registered"), self.Receive())
		r, err := gen.Call(self, name, call(7), time.Second)
		require.NoError(t, err)
		assert.Equal(t, term.Tuple{term.Atom("reply"), 7}, r)
		gen.Send(self, name, gen.CastMsg{Request: 8})
		assert.Equal(t, gen.CastMsg{Request: 8}, self.Receive())
		self.SendExit(pid, otp.Kill)
	}
}

func TestDecode(t *testing.T) {
	_, self := newNode(t)
	ref := self.MakeRef()
	pid := self.Self()
	alias := term.ImproperList{Elems: []term.Term{term.Atom("alias")}, Tail: ref}
	assert.Equal(t, gen.CallMsg{From: gen.From{Pid: pid, Tag: ref}, Request: term.Atom("x")},
		gen.Decode(term.Tuple{term.Atom("$gen_call"), term.Tuple{pid, ref}, term.Atom("x")}))
	assert.Equal(t, gen.CallMsg{From: gen.From{Pid: pid, Tag: ref, Alias: true}, Request: 1},
		gen.Decode(term.Tuple{term.Atom("$gen_call"), term.Tuple{pid, alias}, 1}))
	assert.Equal(t, gen.CastMsg{Request: 1}, gen.Decode(term.Tuple{term.Atom("$gen_cast"), 1}))
	assert.Equal(t, gen.SystemMsg{From: gen.From{Pid: pid, Tag: ref}, Request: term.Atom("get_state")},
		gen.Decode(term.Tuple{term.Atom("system"), term.Tuple{pid, ref}, term.Atom("get_state")}))
	assert.Equal(t, gen.ReplyMsg{Tag: ref, Reply: 2, Alias: true}, gen.Decode(term.Tuple{alias, 2}))
	for _, m := range []any{term.Atom("x"), term.Tuple{term.Atom("$gen_call"), 1, 2}, 3} {
		assert.Equal(t, m, gen.Decode(m))
	}
	m := gen.CallMsg{From: gen.From{Pid: pid, Tag: ref, Alias: true}, Request: term.Atom("allocate")}
	assert.Equal(t, "{'$gen_call',{"+pid.String()+",[alias|"+ref.String()+"]},allocate}", m.String())
	assert.True(t, term.Exact(m.Term(), term.Tuple{term.Atom("$gen_call"), term.Tuple{pid, alias}, term.Atom("allocate")}))
}

// gen takes any {Pid, Tag}: a tag that is no reference is kept as a term,
// and the reply is {Tag, Reply}.
func TestFromWithTermTag(t *testing.T) {
	_, self := newNode(t)
	pid := self.Self()
	msg := gen.Decode(term.Tuple{term.Atom("$gen_call"), term.Tuple{pid, term.Atom("mytag")}, term.Atom("hi")})
	call, ok := msg.(gen.CallMsg)
	require.True(t, ok, "decoded %v", msg)
	assert.Equal(t, gen.From{Pid: pid, TagTerm: term.Atom("mytag")}, call.From)
	assert.Equal(t, term.Tuple{pid, term.Atom("mytag")}, call.From.Term())
	gen.Reply(self, call.From, term.Atom("hi"))
	assert.Equal(t, term.Tuple{term.Atom("mytag"), term.Atom("hi")}, self.Receive())

	sm, ok := gen.Decode(term.Tuple{term.Atom("system"), term.Tuple{pid, term.List{1}}, term.Atom("get_state")}).(gen.SystemMsg)
	require.True(t, ok)
	assert.Equal(t, term.List{1}, sm.From.TagTerm)
}

// A call with a negative timeout, or to something that is no server
// reference, is refused before anything is sent.
func TestCallRefusedArguments(t *testing.T) {
	_, self := newNode(t)
	for _, dest := range []term.Term{"foo", 123, term.Tuple{term.Atom("a"), term.Atom("b"), term.Atom("c")}} {
		_, err := gen.Call(self, dest, func(gen.From) any { return nil }, time.Second)
		var ce *gen.CallError
		require.ErrorAs(t, err, &ce)
		assert.Equal(t, gen.FunctionClause, ce.Reason)
	}
	_, err := gen.Call(self, self.Self(), func(gen.From) any { return nil }, -time.Millisecond)
	var ce *gen.CallError
	require.ErrorAs(t, err, &ce)
	assert.Equal(t, gen.FunctionClause, ce.Reason, "not calling_self: the guard comes first")
	assert.Empty(t, self.Flush())
}

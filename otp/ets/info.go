package ets

import (
	"fmt"
	"io"
	"strings"

	"github.com/scalability-go/otpbook/otp"
	"github.com/scalability-go/otpbook/otp/term"
)

// Words of an empty table, as OTP 25 reports them on a 64-bit machine.
const (
	baseWordsHash    = 305
	baseWordsOrdered = 171
)

// infoItems are the items of ets:info/1, in the order OTP 25 lists them.
var infoItems = []term.Atom{
	"id", "decentralized_counters", "read_concurrency", "write_concurrency",
	"compressed", "memory", "owner", "heir", "name", "size", "node",
	"named_table", "type", "keypos", "protection",
}

// Info returns what ets:info/1 returns: the list of {Item, Value} pairs
// id, decentralized_counters, read_concurrency, write_concurrency,
// compressed, memory, owner, heir, name, size, node, named_table, type,
// keypos and protection, in that order. ok is false (Erlang's undefined)
// when there is no such table. Any process may ask, whatever the access.
func Info(p *otp.Process, tab Tab) (info term.List, ok bool) {
	t, c := tab.get(p)
	if c != CauseNone {
		return nil, false
	}
	out := make(term.List, 0, len(infoItems))
	for _, item := range infoItems {
		v, _ := t.info(item)
		out = append(out, term.Tuple{item, v})
	}
	return out, true
}

// InfoItem returns one item of Info, as ets:info/2 does, and also fixed,
// safe_fixed and safe_fixed_monotonic_time; term.Undefined when there
// is no such table. An unknown item is an error.
func InfoItem(p *otp.Process, tab Tab, item term.Atom) (term.Term, error) {
	t, c := tab.get(p)
	if c == CauseType {
		return nil, fail("info", c, tab.id, item)
	}
	if c != CauseNone {
		return term.Undefined, nil
	}
	v, ok := t.info(item)
	if !ok {
		return nil, fail("info", CauseNone, tab.id, item)
	}
	return v, nil
}

func (t *table) info(item term.Atom) (term.Term, bool) {
	switch item {
	case "id":
		return t.ref, true
	case "decentralized_counters":
		return term.Bool(t.decentralized), true
	case "read_concurrency":
		return term.Bool(t.readConc), true
	case "write_concurrency":
		return t.writeConc, true
	case "compressed":
		return term.Bool(t.compressed), true
	case "memory":
		base := baseWordsHash
		if t.kind == kindOrdered {
			base = baseWordsOrdered
		}
		return base + t.store.memory(), true
	case "owner":
		return *t.owner.Load(), true
	case "heir":
		t.mu.Lock()
		defer t.mu.Unlock()
		if t.heir == nil {
			return term.Atom("none"), true
		}
		return *t.heir, true
	case "name":
		return *t.name.Load(), true
	case "size":
		return t.store.size(), true
	case "node":
		return t.node.Name(), true
	case "named_table":
		return term.Bool(t.named), true
	case "type":
		return t.kind.atom(), true
	case "keypos":
		return t.keypos, true
	case "protection":
		return t.access.atom(), true
	case "binary":
		// Binaries are not reference-counted off the heap here.
		return term.List{}, true
	case "stats":
		if t.hash == nil {
			return term.False, true
		}
		return t.hash.stats(), true
	case "fixed":
		t.mu.Lock()
		defer t.mu.Unlock()
		return term.Bool(len(t.fixes) > 0), true
	case "safe_fixed", "safe_fixed_monotonic_time":
		t.mu.Lock()
		defer t.mu.Unlock()
		if len(t.fixes) == 0 {
			return term.False, true
		}
		var when term.Term
		if item == "safe_fixed" {
			us := t.fixedAt.UnixMicro()
			when = term.Tuple{int(us / 1e12), int(us / 1e6 % 1e6), int(us % 1e6)}
		} else {
			when = int(t.fixedAt.UnixNano())
		}
		pids := term.List{}
		for pid, n := range t.fixes {
			pids = append(pids, term.Tuple{pid, n})
		}
		term.Sort(pids)
		return term.Tuple{when, pids}, true
	}
	return nil, false
}

// I prints a listing of the node's tables to p's output, as ets:i/0 does:
// one line per table with its identifier, name, type, size, memory and
// owner (the owner's registered name when it has one).
func I(p *otp.Process) {
	writeI(p, p.Output())
}

func writeI(p *otp.Process, w io.Writer) {
	var b strings.Builder
	hform(&b, term.Atom("id"), term.Atom("name"), term.Atom("type"), term.Atom("size"), term.Atom("mem"), term.Atom("owner"))
	b.WriteString(" ----------------------------------------------------------------------------\n")
	ids := term.List{}
	for _, tab := range All(p) {
		ids = append(ids, tab.id)
	}
	term.Sort(ids)
	n := p.Node()
	for _, id := range ids {
		tab, _ := TabOf(id)
		t, c := tab.get(p)
		if c != CauseNone {
			continue
		}
		var owner term.Term = *t.owner.Load()
		if info, ok := n.ProcessInfo(owner.(term.Pid)); ok && info.RegisteredName != "" {
			owner = info.RegisteredName
		}
		mem, _ := t.info("memory")
		hform(&b, id, *t.name.Load(), t.kind.atom(), t.store.size(), mem, owner)
	}
	io.WriteString(w, b.String())
}

// hform is ets.erl's hform: columns padded to 15, 17, 5, 6 and 8
// characters, pushed right by longer ones.
func hform(b *strings.Builder, cols ...term.Term) {
	widths := []int{15, 17, 5, 6, 8, 0}
	for i, c := range cols {
		s := term.Print(c)
		fmt.Fprintf(b, " %s", s)
		if n := len([]rune(s)); n < widths[i] {
			b.WriteString(strings.Repeat(" ", widths[i]-n))
		}
	}
	b.WriteString("\n")
}

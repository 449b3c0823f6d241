package ets

import "github.com/scalability-go/otpbook/otp/term"

// A store holds a table's objects and does its own locking: every method
// is atomic. Keys given to it are normalised (normKey). Object slices it
// returns are shared and must not be modified; it never modifies a slice
// it has handed out.
type store interface {
	// lookup returns the objects with key k, nil for none.
	lookup(k term.Term) []term.Tuple
	// insert inserts objs (keys[i] is the key of objs[i]) as one atomic
	// step. With onlyNew it inserts nothing and returns false when any of
	// the keys is in the table.
	insert(objs []term.Tuple, keys []term.Term, onlyNew bool) bool
	// insertOne is insert of the one object obj, whose key is k.
	insertOne(obj term.Tuple, k term.Term, onlyNew bool) bool
	// remove removes the objects with key k and returns them.
	remove(k term.Term) []term.Tuple
	// removeObject removes the objects with key k that are exactly obj.
	removeObject(k term.Term, obj term.Tuple)
	// update replaces the objects of key k by what f returns, given the
	// objects there are (nil for none); f returning nil changes nothing.
	update(k term.Term, f func(objs []term.Tuple) []term.Tuple)
	// first and last return the first and last key in the table's order.
	first() (term.Term, bool)
	last() (term.Term, bool)
	// next returns the key after k; found is false when k is not in the
	// table and the table's order cannot tell what follows it (hash
	// tables), in which case ok is false too.
	next(k term.Term) (key term.Term, ok, found bool)
	prev(k term.Term) (key term.Term, ok, found bool)
	// each calls f with every object in the table's order (reverse: the
	// opposite), holding the read lock, until f returns false. f must not
	// call into the table.
	each(reverse bool, f func(obj term.Tuple) bool)
	// eachKey is each restricted to the objects of key k.
	eachKey(k term.Term, f func(obj term.Tuple) bool)
	// deleteIf removes the objects f reports true for, holding the write
	// lock, and returns how many it removed.
	deleteIf(f func(obj term.Tuple) bool) int
	// size is the number of objects.
	size() int
	// clear removes every object.
	clear()
	// memory is an estimate of the words the objects take.
	memory() int
}

// words estimates the heap words of a term on a 64-bit OTP, as
// erts_debug:flat_size/1 counts them (immediates are free).
func words(t term.Term) int {
	switch v := t.(type) {
	case int, term.Atom, term.Pid, bool:
		return 0
	case float64:
		return 2
	case term.Tuple:
		n := 1 + len(v)
		for _, e := range v {
			n += words(e)
		}
		return n
	case term.List:
		n := 2 * len(v)
		for _, e := range v {
			n += words(e)
		}
		return n
	case string:
		return 2 * len([]rune(v))
	case term.Binary:
		if len(v) <= 64 {
			return 2 + (len(v)+7)/8
		}
		return 6
	case term.Ref:
		return 4
	case term.Map:
		n := 3 + v.Len()*2
		for k, x := range v.All() {
			n += words(k) + words(x)
		}
		return n
	case term.Termer:
		return words(v.Term())
	}
	return 3
}

// objWords is the words an object takes in a table, with its overhead.
func objWords(objs []term.Tuple) int {
	n := 0
	for _, o := range objs {
		n += words(o) + 4
	}
	return n
}

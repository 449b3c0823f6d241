package matchspec

import (
	"github.com/scalability-go/otpbook/otp/term"
)

// KeepsKey reports whether every clause's result keeps the key of the
// object it matched, at keypos (1-based): the condition ets:select_replace
// puts on its match specification (it raises badarg otherwise). As in
// ERTS, a clause keeps the key when its body is a single expression that
// is '$_', or a tuple expression ({{...}} or {const, {...}}) whose element
// at keypos is written as the head's key is, or is {element, KeyPos, '$_'}.
// The comparison is syntactic: the head's key must be bound in the head
// itself (a variable whose value the body passes on counts as bound), and
// '_' and map patterns never count.
func (s *Spec) KeepsKey(keypos int) bool {
	for _, cl := range s.clauses {
		if !keepsKey(keypos, cl.head, cl.bodyTerms) {
			return false
		}
	}
	return true
}

func keepsKey(keypos int, head term.Term, body []term.Term) bool {
	if len(body) != 1 {
		return false
	}
	e := body[0]
	if e == term.Atom("$_") {
		return true
	}
	bt, ok := e.(term.Tuple)
	if !ok {
		return false
	}
	matchKey, ok := tupleKey(head, keypos)
	if !ok {
		return false
	}
	var sub term.Term
	constMode := false
	switch {
	case len(bt) == 2 && bt[0] == term.Atom("const"):
		sub, constMode = bt[1], true
	case len(bt) == 1:
		sub = bt[0]
	default:
		return false
	}
	subKey, ok := tupleKey(sub, keypos)
	if !ok {
		return false
	}
	if eqBody(matchKey, subKey, constMode) {
		return true
	}
	if constMode {
		return false
	}
	el, ok := subKey.(term.Tuple)
	return ok && len(el) == 3 && el[0] == term.Atom("element") &&
		el[2] == term.Atom("$_") && el[1] == keypos
}

func tupleKey(t term.Term, keypos int) (term.Term, bool) {
	tp, ok := t.(term.Tuple)
	if !ok || keypos < 1 || keypos > len(tp) {
		return nil, false
	}
	return tp[keypos-1], true
}

// eqBody reports whether the body expression b is sure to build the term
// that the head part a matched (ERTS's db_match_eq_body): the same
// structure, the same variables, and the same literals, {{...}} and
// {const, T} read as the tuples they build.
func eqBody(a, b term.Term, constMode bool) bool {
	if bl, ok := listCell(b); ok {
		al, ok := listCell(a)
		return ok && eqBody(al.head, bl.head, constMode) && eqBody(al.tail, bl.tail, constMode)
	}
	switch v := b.(type) {
	case term.Tuple:
		if !constMode {
			switch {
			case len(v) == 1:
				inner, ok := v[0].(term.Tuple)
				if !ok {
					return false
				}
				v = inner
			case len(v) == 2 && v[0] == term.Atom("const"):
				return eqBody(a, v[1], true)
			default:
				return false
			}
		}
		at, ok := a.(term.Tuple)
		if !ok || len(at) != len(v) {
			return false
		}
		for i := range v {
			if !eqBody(at[i], v[i], constMode) {
				return false
			}
		}
		return true
	case term.Map:
		return false
	case term.Atom:
		if a != b || v == "_" || v == "$$" || v == "$_" {
			return false
		}
		return !constMode || variable(v) < 0
	}
	return term.Exact(a, b)
}

type cell struct{ head, tail term.Term }

// listCell splits a non-empty list into its first cell.
func listCell(t term.Term) (cell, bool) {
	switch v := t.(type) {
	case term.List:
		if len(v) > 0 {
			return cell{v[0], v[1:]}, true
		}
	case string:
		if h, tl, ok := cons(v, true); ok {
			return cell{h, tl}, true
		}
	case term.ImproperList:
		_, tl, _ := cons(v, true)
		return cell{v.Elems[0], tl}, true
	}
	return cell{}, false
}

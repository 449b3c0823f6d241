package ets

import (
	"fmt"
	"sort"
	"strings"

	"github.com/scalability-go/otpbook/otp/term"
)

// Cause is why an ETS function fails with badarg, as OTP 25 records it in
// the cause of the error's error_info. The zero Cause is OTP's none: the
// reason lies in an argument other than the table, and the explanation
// says which.
type Cause term.Atom

// The causes OTP 25 gives.
const (
	CauseNone          Cause = ""
	CauseType          Cause = "type"           // the table argument is not an atom or a reference
	CauseID            Cause = "id"             // no such table
	CauseAccess        Cause = "access"         // the caller may not read or write the table
	CauseTableType     Cause = "table_type"     // the operation does not apply to the table's type
	CauseBadkey        Cause = "badkey"         // the key is not in the table
	CauseKeypos        Cause = "keypos"         // the position is the key's
	CausePosition      Cause = "position"       // a position beyond the object
	CauseOwner         Cause = "owner"          // give_away to the owner itself
	CauseNotOwner      Cause = "not_owner"      // give_away by a process that is not the owner
	CauseAlreadyExists Cause = "already_exists" // new or rename to a name in use
)

// Error is the error of an ETS call that OTP fails with error badarg.
// It wraps term.ErrBadarg (errors.Is(err, term.ErrBadarg) holds) and
// carries what the shell needs to explain it as OTP 25's does: the
// function, its arguments as Erlang sees them, and the cause.
type Error struct {
	Function term.Atom
	Args     []term.Term
	Cause    Cause
}

func (e *Error) Unwrap() error { return term.ErrBadarg }

// Error reads like the shell's report: "ets:lookup/2: bad argument:
// argument 1: the table identifier does not refer to an existing ETS
// table".
func (e *Error) Error() string {
	var b strings.Builder
	fmt.Fprintf(&b, "ets:%s/%d: bad argument", e.Function, len(e.Args))
	msgs := e.Explanation()
	nums := make([]int, 0, len(msgs))
	for n := range msgs {
		nums = append(nums, n)
	}
	sort.Ints(nums)
	for _, n := range nums {
		if n == 0 {
			fmt.Fprintf(&b, ": %s", msgs[n])
		} else {
			fmt.Fprintf(&b, ": argument %d: %s", n, msgs[n])
		}
	}
	return b.String()
}

func fail(fn string, cause Cause, args ...term.Term) *Error {
	return &Error{Function: term.Atom(fn), Args: args, Cause: cause}
}

// Messages of erl_stdlib_errors.
const (
	msgAlreadyOwner  = "the process is already the owner of the table"
	msgBadBoolean    = "not a boolean value"
	msgBadCont       = "invalid continuation"
	msgBadInfoItem   = "not a valid info item"
	msgBadKey        = "not a key that exists in the table"
	msgBadMatchSpec  = "not a valid match specification"
	msgBadOptions    = "invalid options"
	msgBadTableName  = "invalid table name (must be an atom)"
	msgBadUpdateOp   = "not a valid update operation"
	msgNotInteger    = "the value in the given position, in the object, is not an integer"
	msgDeadProcess   = "the pid refers to a terminated process"
	msgEmptyTuple    = "is an empty tuple"
	msgNameExists    = "table name already exists"
	msgNotAtom       = "not an atom"
	msgNotAnInteger  = "not an integer"
	msgNotList       = "not a list"
	msgNotProperList = "not a proper list"
	msgNotOwner      = "the current process is not the owner"
	msgNotPid        = "not a pid"
	msgNotTuple      = "not a tuple"
	msgNotTupleList  = "not a non-empty tuple or a list of non-empty tuples"
	msgRange         = "out of range"
	msgSameAsKeypos  = "the position is the same as the key position"
	msgUpdateOpRange = "the position in the update operation is out of range"
)

// causeText is format_cause of erl_stdlib_errors.
func (e *Error) causeText() string {
	switch e.Cause {
	case CauseType:
		if len(e.Args) > 0 {
			if _, ok := e.Args[0].(term.Ref); ok {
				return "not a valid table identifier"
			}
		}
		return "not an atom or a table identifier"
	case CauseID:
		return "the table identifier does not refer to an existing ETS table"
	case CauseAccess:
		return "the table identifier refers to an ETS table with insufficient access rights"
	case CauseTableType:
		return "the table identifier refers to an ETS table of a type not supported by this operation"
	}
	return ""
}

// Explanation returns what OTP 25's erl_stdlib_errors says of the error:
// messages by argument number (from 1), and under 0 a general one.
func (e *Error) Explanation() map[int]string {
	return errorMap(e.explain())
}

// errorMap is format_error_map: "" skips an argument.
func errorMap(es []string) map[int]string {
	m := map[int]string{}
	for i, s := range es {
		if s != "" {
			m[i+1] = s
		}
	}
	return m
}

// explain is format_ets_error of erl_stdlib_errors.
func (e *Error) explain() []string {
	tc := e.causeText()
	arg := func(i int) term.Term {
		if i < len(e.Args) {
			return e.Args[i]
		}
		return nil
	}
	dflt := func(d string) []string {
		if tc == "" {
			return []string{"", d}
		}
		return []string{tc}
	}
	switch n := len(e.Args); e.Function {
	case "delete_object":
		return append([]string{tc}, tupleText(arg(1)))
	case "give_away":
		switch e.Cause {
		case CauseOwner:
			return []string{tc, msgAlreadyOwner}
		case CauseNotOwner:
			return []string{tc, msgNotOwner}
		}
		_, isPid := arg(1).(term.Pid)
		switch {
		case !isPid:
			return []string{tc, msgNotPid}
		case tc == "":
			return []string{tc, msgDeadProcess}
		}
		return []string{tc}
	case "info":
		return dflt(msgBadInfoItem)
	case "insert", "insert_new":
		return []string{tc, objectsText(arg(1))}
	case "lookup_element":
		pc := posText(arg(2))
		if e.Cause == CauseBadkey {
			return []string{tc, msgBadKey, pc}
		}
		if tc == "" && pc == "" {
			return []string{"", "", "position is greater than the size of the object"}
		}
		return []string{tc, "", pc}
	case "match", "match_object", "select", "select_reverse":
		if n == 1 {
			return []string{msgBadCont}
		}
		if n == 3 {
			lim := []string{tc, "", posText(arg(2))}
			if e.Function == "select" || e.Function == "select_reverse" {
				if !isMatchSpec(arg(1)) {
					lim[1] = msgBadMatchSpec
				}
			}
			return lim
		}
		if e.Function == "match" || e.Function == "match_object" {
			return []string{tc}
		}
		return dflt(msgBadMatchSpec)
	case "select_count", "select_delete", "select_replace":
		if n == 3 {
			lim := []string{tc, "", posText(arg(2))}
			if !isMatchSpec(arg(1)) {
				lim[1] = msgBadMatchSpec
			}
			return lim
		}
		return dflt(msgBadMatchSpec)
	case "match_spec_compile":
		return []string{msgBadMatchSpec}
	case "next", "prev":
		return dflt(msgBadKey)
	case "new":
		ne := ""
		if _, ok := arg(0).(term.Atom); !ok {
			ne = msgNotAtom
		}
		oe := listText(arg(1))
		switch {
		case ne == "" && oe == "" && e.Cause == CauseAlreadyExists:
			return []string{msgNameExists}
		case ne == "" && oe == "":
			return []string{"", msgBadOptions}
		}
		return []string{ne, oe}
	case "rename":
		ne := ""
		if _, ok := arg(1).(term.Atom); !ok {
			ne = msgBadTableName
		}
		if tc == "" && ne == "" {
			return []string{"", msgNameExists}
		}
		return []string{tc, ne}
	case "safe_fixtable":
		return dflt(msgBadBoolean)
	case "update_counter":
		if _, improper := arg(2).(term.ImproperList); improper {
			return nil // as update_element
		}
		if n == 4 {
			if tc != "" {
				return []string{tc}
			}
			tt := tupleText(arg(3))
			switch e.Cause {
			case CauseBadkey:
				return []string{"", msgBadKey, updateOpText(arg(2)), tt}
			case CauseKeypos:
				return []string{"", "", msgSameAsKeypos, tt}
			case CausePosition:
				return []string{"", "", msgUpdateOpRange}
			}
			if uo := updateOpText(arg(2)); uo != "" || tt != "" {
				return []string{"", "", uo, tt}
			}
			return []string{"", "", msgNotInteger}
		}
		switch e.Cause {
		case CauseBadkey:
			return []string{tc, msgBadKey, updateOpText(arg(2))}
		case CauseKeypos:
			return []string{tc, "", msgSameAsKeypos}
		case CausePosition:
			return []string{tc, "", msgUpdateOpRange}
		case CauseNone:
			if updateOpText(arg(2)) != "" {
				return []string{tc, "", msgBadUpdateOp}
			}
			return []string{tc, "", msgNotInteger}
		}
		return []string{tc, "", updateOpText(arg(2))}
	case "update_element":
		if _, improper := arg(2).(term.ImproperList); improper {
			// erl_stdlib_errors fails on an improper list, and the shell
			// explains nothing.
			return nil
		}
		if e.Cause == CauseKeypos {
			return []string{tc, "", msgSameAsKeypos}
		}
		if isElementSpec(arg(2)) {
			if tc == "" {
				return []string{tc, "", msgRange}
			}
			return []string{tc}
		}
		return []string{tc, "", "is not a valid element specification"}
	case "whereis":
		return []string{msgBadTableName}
	}
	return []string{tc}
}

func tupleText(t term.Term) string {
	switch v := t.(type) {
	case term.Tuple:
		if len(v) == 0 {
			return msgEmptyTuple
		}
		return ""
	}
	return msgNotTuple
}

func objectsText(t term.Term) string {
	switch v := t.(type) {
	case term.Tuple:
		if len(v) == 0 {
			return msgEmptyTuple
		}
		return ""
	case term.List:
		for _, x := range v {
			if tp, ok := x.(term.Tuple); !ok || len(tp) == 0 {
				return msgNotTupleList
			}
		}
		return ""
	case term.ImproperList, string:
		return msgNotTupleList
	}
	return msgNotTuple
}

func listText(t term.Term) string {
	switch t.(type) {
	case term.List, string:
		return ""
	case term.ImproperList:
		return msgNotProperList
	}
	return msgNotList
}

// posText is format_non_negative_integer.
func posText(t term.Term) string {
	i, ok := term.Integer(t)
	if !ok {
		return msgNotAnInteger
	}
	if n, small := i.(int); !small || n < 1 {
		if small {
			return msgRange
		}
		if b, _ := term.BigInt(i); b.Sign() < 0 {
			return msgRange
		}
	}
	return ""
}

func isInt(t term.Term) bool { return term.IsInteger(t) }

func isUpdateOp(t term.Term) bool {
	switch v := t.(type) {
	case term.Tuple:
		if len(v) == 2 {
			return isInt(v[0]) && isInt(v[1])
		}
		if len(v) == 4 {
			return isInt(v[0]) && isInt(v[1]) && isInt(v[2]) && isInt(v[3])
		}
		return false
	}
	return isInt(t)
}

func updateOpText(t term.Term) string {
	ok := true
	if l, isList := t.(term.List); isList {
		for _, x := range l {
			ok = ok && isUpdateOp(x)
		}
	} else {
		ok = isUpdateOp(t)
	}
	if ok {
		return ""
	}
	return msgBadUpdateOp
}

func isElementSpec(t term.Term) bool {
	one := func(x term.Term) bool {
		tp, ok := x.(term.Tuple)
		if !ok || len(tp) != 2 {
			return false
		}
		n, ok := bigPos(tp[0])
		return ok && n > 0
	}
	if l, ok := t.(term.List); ok {
		for _, x := range l {
			if !one(x) {
				return false
			}
		}
		return true
	}
	return one(t)
}

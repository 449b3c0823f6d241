package shell

import (
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/scalability-go/otpbook/otp"
	"github.com/scalability-go/otpbook/otp/term"
)

// Exceptions as the shell prints them.
//
// FormatException lays out an exception as the Erlang/OTP 25 shell does
// (shell:report_exception and erl_error:format_exception): the class and
// an explanation of the reason, then the stack frames that are the
// user's, each with the call's arguments when the frame has them, and the
// extended error information of BIFs ("*** argument 2: ..."). Terms are
// printed as the shell prints them: ~tp from the column where they start,
// in lines of 80 columns, to depth 30, with parts longer than 60
// characters broken.

// Where this file differs from erl, and the conventions it relies on:
//
//   - Go frames are not shown. The stacktraces of the runtime are Go's:
//     {Package, Function, 0, [{file, F}, {line, L}]} with F a .go file.
//     Those frames are the runtime's and the evaluator's, which erl hides
//     as it hides the frames of erl_eval and shell, so every frame whose
//     arity is 0 and whose file ends in ".go" is left out, wherever it is
//     in the stack, and so is {otp, run, 0, []}, the frame of a stack with
//     no other. Frames of the modules erl_eval and shell at the bottom of
//     the stack are left out as erl leaves them out.
//   - Extended error information. erl asks the module named in a frame's
//     error_info (erl_erts_errors for BIFs) to explain the error when it
//     prints it; Go cannot call that module by name here, so the raiser
//     puts the explanation in the frame: the error_info map's key
//     messages holds a map of argument numbers (1, 2, ...) to the text
//     that follows "*** argument N: ", and may hold general (a line
//     "*** Text" after them) and reason (text that replaces the
//     explanation of the reason), each a string or binary, as
//     erl_erts_errors:format_error/2 returns them. The other keys
//     (module, cause) are kept as OTP gives them, and ignored here.
//   - Funs. A local fun of module erl_eval is an "interpreted function";
//     other local funs are printed as ~w prints them, since a Go fun has
//     no name to give it.
//   - A frame with the call's arguments but no file and line, as Go
//     modules raise function_clause, prints as erl prints such a frame:
//     "no function clause matching lists:seq(a,b) ", with the space erl
//     leaves where the location would be.

// FormatException returns what the Erlang shell prints for an exception
// that an evaluated expression raised and did not catch, such as
//
//	** exception error: bad argument
//	     in function  register/2
//	        called as register(foo,<0.85.0>)
//	        *** argument 2: this process or port already has a name
//
// The text has no final newline. It returns "" for a nil exception.
func FormatException(exc *otp.Exception) string {
	if exc == nil {
		return ""
	}
	return formatException(exc.Class, exc.Reason, exc.Stack)
}

// The layout of the shell: "** " before "exception error: ", terms laid
// out as shell:pp/4 lays them out.
const (
	shellTag     = "** "
	shellIndent  = "   " // n_spaces(I-1), where I is the column after the tag
	shellDepth   = 30
	shellLineMax = 60
	shellColumns = 80
)

// pf prints a term as the shell's print fun does, starting at column col.
func pf(t term.Term, col int) string {
	return term.Pretty(t, term.PrintOptions{
		Column:       col,
		LineLength:   shellColumns,
		Depth:        shellDepth,
		LineMaxChars: shellLineMax,
		Unicode:      true,
	})
}

func exited(c otp.Class) string { return "exception " + c.String() + ": " }

// frame is a stack frame {Module, Function, ArityOrArgs, Info}.
type frame struct {
	mod, fun term.Term // atoms, or (as a stacktrace may hold) other terms
	arity    int
	args     []term.Term // the arguments, when the frame has them
	hasArgs  bool
	info     []term.Term
}

func formatException(class otp.Class, reason, stack term.Term) string {
	what, trace1, trace := analyze(class, reason, stack)
	trace = trim(trace)
	emap := extendedError(trace)
	st := formatStack(trace, emap)
	expl, ok := emap["reason"]
	if !ok {
		expl = explain(what, class, trace1)
	}
	var b strings.Builder
	b.WriteString(shellTag)
	b.WriteString(exited(class))
	b.WriteString(expl)
	if st != "" {
		b.WriteByte('\n')
		b.WriteString(st)
	}
	return b.String()
}

// analyze splits an exception as erl_error does: the term to explain, the
// frame the explanation names (for function_clause and undef) and the
// frames to list. A stack that is not a stacktrace is explained with the
// reason as {Reason, Stack}.
func analyze(class otp.Class, reason, stack term.Term) (term.Term, []frame, []frame) {
	frames, ok := stacktrace(stack)
	if !ok {
		return term.Tuple{reason, stack}, nil, nil
	}
	if class == otp.ClassError && len(frames) > 0 {
		switch reason {
		case term.Atom("function_clause"):
			if frames[0].hasArgs {
				return reason, frames[:1], frames[1:]
			}
			if len(frames) == 1 && frames[0].mod == term.Atom("shell") {
				return reason, frames, nil
			}
		case term.Atom("undef"):
			return reason, frames[:1], frames[1:]
		}
	}
	return reason, nil, frames
}

// stacktrace reads a stacktrace: a proper list of {M, F, ArityOrArgs,
// Info} with atoms M and F, an integer arity or a proper list of
// arguments, and a proper list Info.
func stacktrace(t term.Term) ([]frame, bool) {
	if t == nil {
		return nil, true
	}
	elems, ok := listOf(t)
	if !ok {
		return nil, false
	}
	frames := make([]frame, 0, len(elems))
	for _, e := range elems {
		tup, ok := unwrap(e).(term.Tuple)
		if !ok || len(tup) != 4 {
			return nil, false
		}
		m, ok1 := unwrap(tup[0]).(term.Atom)
		f, ok2 := unwrap(tup[1]).(term.Atom)
		info, ok3 := listOf(tup[3])
		if !ok1 || !ok2 || !ok3 {
			return nil, false
		}
		fr := frame{mod: m, fun: f, info: info}
		if a, ok := smallInt(tup[2]); ok {
			fr.arity = a
		} else if args, ok := listOf(tup[2]); ok {
			fr.args, fr.hasArgs, fr.arity = args, true, len(args)
		} else {
			return nil, false
		}
		frames = append(frames, fr)
	}
	return frames, true
}

// trim leaves out the frames that are not the user's: Go's, anywhere,
// and erl_eval's and the shell's at the bottom, as the shell's stack
// trimming function does.
func trim(frames []frame) []frame {
	out := frames[:0:0]
	for _, f := range frames {
		if !goFrame(f) {
			out = append(out, f)
		}
	}
	for len(out) > 0 {
		m := out[len(out)-1].mod
		if m != term.Atom("erl_eval") && m != term.Atom("shell") {
			break
		}
		out = out[:len(out)-1]
	}
	return out
}

func goFrame(f frame) bool {
	if f.hasArgs || f.arity != 0 {
		return false
	}
	if f.mod == term.Atom("otp") && f.fun == term.Atom("run") && len(f.info) == 0 {
		return true
	}
	file, ok := infoValue(f.info, "file")
	if !ok {
		return false
	}
	s, ok := text(file)
	return ok && strings.HasSuffix(s, ".go")
}

// infoValue returns the value of {Key, Value} in a frame's info list.
func infoValue(info []term.Term, key term.Atom) (term.Term, bool) {
	for _, e := range info {
		if t, ok := unwrap(e).(term.Tuple); ok && len(t) == 2 && unwrap(t[0]) == key {
			return t[1], true
		}
	}
	return nil, false
}

// extendedError returns the explanations that the first frame's
// error_info carries under the key messages: argument numbers, general
// and reason, each to its text.
func extendedError(frames []frame) map[any]string {
	out := map[any]string{}
	if len(frames) == 0 {
		return out
	}
	v, ok := infoValue(frames[0].info, "error_info")
	if !ok {
		return out
	}
	m, ok := unwrap(v).(term.Map)
	if !ok {
		return out
	}
	msgs, ok := m.Get(term.Atom("messages"))
	if !ok {
		return out
	}
	mm, ok := unwrap(msgs).(term.Map)
	if !ok {
		return out
	}
	for k, v := range mm.All() {
		s, ok := text(v)
		if !ok {
			continue
		}
		if n, ok := smallInt(k); ok {
			out[n] = s
		} else if a, ok := unwrap(k).(term.Atom); ok && (a == "general" || a == "reason") {
			out[string(a)] = s
		}
	}
	return out
}

// explain returns the words for a reason, as erl_error:explain_reason.
func explain(reason term.Term, class otp.Class, trace1 []frame) string {
	s := shellIndent
	if class == otp.ClassError {
		if len(trace1) == 0 {
			if e, ok := explainError(reason, s); ok {
				return e
			}
		} else {
			f := trace1[0]
			switch reason {
			case term.Atom("function_clause"):
				if !f.hasArgs {
					return "no function clause matching call to " + term.Write(f.fun) + "/" + strconv.Itoa(f.arity)
				}
				return errstrCall("no function clause matching ", class, f.mod, f.fun, f.args, s) + " " + location(f.info)
			case term.Atom("undef"):
				return "undefined function " + mfaString(f.mod, f.fun, f.arity)
			}
		}
	}
	return pf(reason, len(s)+1+len(exited(class)))
}

// explainError explains the reasons the runtime gives meaning to.
func explainError(reason term.Term, s string) (string, bool) {
	const cl = otp.ClassError
	switch r := unwrap(reason).(type) {
	case term.Atom:
		switch r {
		case "badarg":
			return "bad argument", true
		case "badarith":
			return "an error occurred when evaluating an arithmetic expression", true
		case "if_clause":
			return "no true branch found when evaluating an if expression", true
		case "noproc":
			return "no such process or port", true
		case "notalive":
			return "the node cannot be part of a distributed system", true
		case "system_limit":
			return "a system limit has been reached", true
		case "timeout_value":
			return "bad receive timeout value", true
		}
	case term.Tuple:
		if len(r) == 2 {
			tag, _ := unwrap(r[0]).(term.Atom)
			v := r[1]
			switch tag {
			case "badarg":
				return formatValue(v, "bad argument: ", cl, s), true
			case "badkey":
				return formatValue(v, "bad key: ", cl, s), true
			case "badmap":
				return formatValue(v, "bad map: ", cl, s), true
			case "badfun":
				return formatValue(v, "bad function ", cl, s), true
			case "badmatch":
				return formatValue(v, "no match of right hand side value ", cl, s), true
			case "case_clause":
				return formatValue(v, "no case clause matching ", cl, s), true
			case "try_clause":
				return formatValue(v, "no try clause matching ", cl, s), true
			case "bad_filter":
				return formatValue(v, "bad filter ", cl, s), true
			case "bad_generator":
				return formatValue(v, "bad generator ", cl, s), true
			case "unbound":
				return "variable " + term.Write(v) + " is unbound", true
			case "argument_limit":
				return "limit of number of arguments to interpreted function exceeded", true
			case "badarity":
				fa, ok := unwrap(v).(term.Tuple)
				if !ok || len(fa) != 2 || !isFun(fa[0]) {
					break
				}
				args, ok := listOf(fa[1])
				if !ok {
					break
				}
				return funString(fa[0]) + " called with " + argss(len(args)), true
			}
		}
		if len(r) == 4 && unwrap(r[0]) == term.Atom("shell_undef") {
			n, ok := smallInt(r[2])
			if !ok {
				args, ok := listOf(r[2])
				if !ok {
					break
				}
				n = len(args)
			}
			return "undefined shell command " + atomString(r[1]) + "/" + strconv.Itoa(n), true
		}
	}
	return "", false
}

func argss(n int) string {
	switch n {
	case 0:
		return "no arguments"
	case 1:
		return "one argument"
	case 2:
		return "two arguments"
	}
	return strconv.Itoa(n) + " arguments"
}

// formatValue prints errStr and v after it, or v on a line of its own
// when that takes fewer lines.
func formatValue(v term.Term, errStr string, class otp.Class, s string) string {
	pre := len(exited(class))
	s1 := pf(v, pre+len(s)+len(errStr)+1)
	if n1 := countNL(s1); n1 > 1 {
		s2 := pf(v, len(s)+1+pre)
		if countNL(s2) < n1 {
			return errStr + "\n" + s + spaces(pre) + s2
		}
	}
	return errStr + s1
}

// formatStack lists the frames, the first with its extended error
// information.
func formatStack(frames []frame, emap map[any]string) string {
	s := "  " + shellIndent
	var b strings.Builder
	for i, f := range frames {
		n := i + 1
		sep := s
		if n > 1 {
			sep = "\n" + s
		}
		var errs string
		if n == 1 {
			errs = argErrors(f.arity, emap, sep)
		}
		b.WriteString(sep)
		b.WriteString(origin(n, f))
		b.WriteByte(' ')
		b.WriteString(mfaString(f.mod, f.fun, f.arity))
		if !f.hasArgs {
			b.WriteByte(' ')
			b.WriteString(location(f.info))
		} else {
			calledAs := s + "   called as "
			b.WriteByte('\n')
			b.WriteString(calledAs)
			b.WriteString(formatCall("", calledAs, f.mod, f.fun, f.args))
		}
		b.WriteString(errs)
	}
	return b.String()
}

// argErrors returns the "*** argument N: ..." lines of a frame of the
// given arity, each after a newline.
func argErrors(arity int, emap map[any]string, sep string) string {
	var lines []string
	for n := 1; n <= arity; n++ {
		msg, ok := emap[n]
		if !ok {
			continue
		}
		prefix := "*** argument " + strconv.Itoa(n) + ": "
		for i, l := range lexemes(msg) {
			if i == 0 {
				lines = append(lines, prefix+l)
			} else {
				lines = append(lines, spaces(utf8.RuneCountInString(prefix))+l)
			}
		}
	}
	if g, ok := emap["general"]; ok {
		lines = append(lines, "*** "+g)
	}
	var b strings.Builder
	for _, l := range lines {
		b.WriteByte('\n')
		b.WriteString(sep)
		b.WriteString("   ")
		b.WriteString(l)
	}
	return b.String()
}

// lexemes splits text into its nonempty lines.
func lexemes(s string) []string {
	return strings.FieldsFunc(s, func(r rune) bool { return r == '\n' || r == '\r' })
}

func origin(n int, f frame) string {
	if n > 1 {
		return "in call from"
	}
	if _, ok := isOp(f.mod, f.fun, f.arity); ok {
		return "in operator "
	}
	return "in function "
}

// location returns "(File, line N)", or "" when the info does not have
// both.
func location(info []term.Term) string {
	file, ok1 := infoValue(info, "file")
	line, ok2 := infoValue(info, "line")
	if !ok1 || !ok2 {
		return ""
	}
	name, ok := text(file)
	if !ok {
		name = term.Write(file)
	}
	return "(" + name + ", line " + term.Write(line) + ")"
}

// errstrCall is errStr followed by the call, indented after the class.
func errstrCall(errStr string, class otp.Class, mod, fun term.Term, args []term.Term, s string) string {
	return formatCall(errStr, s+spaces(len(exited(class))), mod, fun, args)
}

// formatCall prints the call M:F(Args) after errStr, which itself comes
// after pre: on the same line, or on a line of its own after pre when
// the arguments take fewer lines so.
func formatCall(errStr, pre string, mod, fun term.Term, args []term.Term) string {
	if op, ok := isOp(mod, fun, len(args)); ok {
		return errStr + formatOp(errStr, pre, op, args)
	}
	mfs := mfString(mod, fun, len(args))
	i1 := strlen(pre + errStr + mfs)
	s1 := ppArguments(args, i1)
	s2 := ppArguments(args, strlen(pre+mfs))
	s3 := ppArguments([]term.Term{term.Atom("a2345"), term.Atom("b2345")}, i1)
	if countNL(s3) > 0 || countNL(s2) < countNL(s1) {
		return errStr + "\n" + pre + mfs + s2
	}
	return errStr + mfs + s1
}

func formatOp(errStr, pre string, op term.Atom, args []term.Term) string {
	if len(args) == 1 {
		ops := string(op) + " "
		i1 := len(errStr + pre + ops)
		return ops + pf(args[0], i1+1)
	}
	i1 := len(errStr + pre)
	s1 := pf(args[0], i1+1)
	s2 := pf(args[1], i1+1)
	pre1 := "\n" + spaces(i1)
	if countNL(s1) > 0 {
		return s1 + pre1 + string(op) + pre1 + s2
	}
	ops2 := " " + string(op) + " "
	size1 := len(errStr + pre + ops2)
	s22 := pf(args[1], size1+strlen(s1)+1)
	if countNL(s2) < countNL(s22) {
		return s1 + pre1 + string(op) + pre1 + s2
	}
	return s1 + ops2 + s22
}

// ppArguments prints arguments as a parenthesized list. Arguments that
// would make a string are printed as a list, not as "text".
func ppArguments(args []term.Term, col int) string {
	if len(args) > 0 && printableLatin1(args) {
		l := term.Write(args[0])
		alt := append(term.List{term.Atom(strings.Repeat("a", len(l)))}, args[1:]...)
		s := pf(alt, col+1)
		return parens("[" + l + s[1+len(l):])
	}
	return parens(pf(term.List(args), col+1))
}

func parens(s string) string {
	return "(" + s[1:len(s)-1] + ")"
}

// printableLatin1 reports whether the list is a string of printable
// latin1 characters, as io_lib:printable_latin1_list/1 does.
func printableLatin1(l []term.Term) bool {
	for _, e := range l {
		c, ok := smallInt(e)
		if !ok {
			return false
		}
		switch {
		case c >= 32 && c <= 126, c >= 160 && c <= 255:
		case c == '\n', c == '\r', c == '\t', c == '\v', c == '\b', c == '\f', c == 27:
		default:
			return false
		}
	}
	return true
}

// mfaString is Module:Function/Arity, with the module left out for
// auto-imported BIFs and operators.
func mfaString(mod, fun term.Term, arity int) string {
	return mfString(mod, fun, arity) + "/" + strconv.Itoa(arity)
}

func mfString(mod, fun term.Term, arity int) string {
	if mod == term.Atom("erlang") {
		if f, ok := fun.(term.Atom); ok {
			if autoImported[fa{f, arity}] {
				return term.Write(f)
			}
			if op, ok := isOp(mod, fun, arity); ok {
				if op == "/" {
					return term.Write(op)
				}
				return string(op)
			}
		}
	}
	return term.Write(mod) + ":" + atomString(fun)
}

// atomString writes an atom as io_lib:write_atom/1 does.
func atomString(a term.Term) string {
	return term.Pretty(a, term.PrintOptions{Unicode: true})
}

// funString names a fun as erl_error:format_fun/2 does.
func funString(f term.Term) string {
	switch v := unwrap(f).(type) {
	case term.ExportFun:
		return mfaString(v.Module, v.Function, v.Arity)
	case term.LocalFun:
		if v.Module == "erl_eval" {
			return "interpreted function with arity " + strconv.Itoa(v.Arity)
		}
	case *term.LocalFun:
		if v != nil && v.Module == "erl_eval" {
			return "interpreted function with arity " + strconv.Itoa(v.Arity)
		}
	}
	return term.Write(f)
}

func isFun(t term.Term) bool { return term.KindOf(t) == term.KindFun }

type fa struct {
	f term.Atom
	a int
}

// isOp reports whether erlang:F/A is an operator, and which.
func isOp(mod, fun term.Term, arity int) (term.Atom, bool) {
	if mod != term.Atom("erlang") {
		return "", false
	}
	f, ok := fun.(term.Atom)
	if !ok || !operators[fa{f, arity}] {
		return "", false
	}
	return f, true
}

var operators = map[fa]bool{}

// autoImported are the BIFs of module erlang that are called without the
// module name (erl_internal:bif/3).
var autoImported = map[fa]bool{}

func init() {
	for _, op := range []string{"!/2", "*/2", "+/1", "+/2", "++/2", "-/1", "-/2",
		"--/2", "//2", "/=/2", "</2", "=/=/2", "=:=/2", "=</2", "==/2", ">/2",
		">=/2", "and/2", "band/2", "bnot/1", "bor/2", "bsl/2", "bsr/2",
		"bxor/2", "div/2", "not/1", "or/2", "rem/2", "xor/2"} {
		k := strings.LastIndexByte(op, '/')
		n, _ := strconv.Atoi(op[k+1:])
		operators[fa{term.Atom(op[:k]), n}] = true
	}
	for _, spec := range strings.Fields(bifList) {
		name, arities, _ := strings.Cut(spec, "/")
		for _, a := range strings.Split(arities, ",") {
			n, _ := strconv.Atoi(a)
			autoImported[fa{term.Atom(name), n}] = true
		}
	}
}

// bifList lists the auto-imported BIFs of Erlang/OTP 25 as Name/Arities.
const bifList = `abs/1 alias/0,1 apply/2,3 atom_to_binary/1,2 atom_to_list/1
binary_part/2,3 binary_to_atom/1,2 binary_to_existing_atom/1,2
binary_to_float/1 binary_to_integer/1,2 binary_to_list/1,3 binary_to_term/1,2
bit_size/1 bitstring_to_list/1 byte_size/1 ceil/1 check_old_code/1
check_process_code/2,3 date/0 delete_module/1 demonitor/1,2
disconnect_node/1 element/2 erase/0,1 error/1,2,3 exit/1,2 float/1
float_to_binary/1,2 float_to_list/1,2 floor/1 garbage_collect/0,1,2 get/0,1
get_keys/0,1 group_leader/0,2 halt/0,1,2 hd/1 integer_to_binary/1,2
integer_to_list/1,2 iolist_size/1 iolist_to_binary/1 is_alive/0 is_atom/1
is_binary/1 is_bitstring/1 is_boolean/1 is_float/1 is_function/1,2
is_integer/1 is_list/1 is_map/1 is_map_key/2 is_number/1 is_pid/1 is_port/1
is_process_alive/1 is_record/2,3 is_reference/1 is_tuple/1 length/1 link/1
list_to_atom/1 list_to_binary/1 list_to_bitstring/1 list_to_existing_atom/1
list_to_float/1 list_to_integer/1,2 list_to_pid/1 list_to_port/1
list_to_ref/1 list_to_tuple/1 load_module/2 make_ref/0 map_get/2 map_size/1
max/2 min/2 module_loaded/1 monitor/2,3 monitor_node/2 node/0,1 nodes/0,1,2
now/0 open_port/2 pid_to_list/1 port_close/1 port_command/2,3
port_connect/2 port_control/3 port_to_list/1 pre_loaded/0 process_flag/2,3
process_info/1,2 processes/0 purge_module/1 put/2 ref_to_list/1 register/2
registered/0 round/1 self/0 setelement/3 size/1 spawn/1,2,3,4
spawn_link/1,2,3,4 spawn_monitor/1,2,3,4 spawn_opt/2,3,4,5
spawn_request/1,2,3,4,5 spawn_request_abandon/1 split_binary/2
statistics/1 term_to_binary/1,2 term_to_iovec/1,2 throw/1 time/0 tl/1
trunc/1 tuple_size/1 tuple_to_list/1 unalias/1 unlink/1 unregister/1
whereis/1`

// Small helpers on terms.

func unwrap(t term.Term) term.Term {
	for {
		tr, ok := t.(term.Termer)
		if !ok {
			return t
		}
		t = tr.Term()
	}
}

// listOf returns the elements of a proper list.
func listOf(t term.Term) ([]term.Term, bool) {
	switch v := unwrap(t).(type) {
	case term.List:
		return v, true
	case string:
		l := make([]term.Term, 0, len(v))
		for _, r := range v {
			l = append(l, int(r))
		}
		return l, true
	}
	return nil, false
}

// smallInt returns an integer term that fits an int.
func smallInt(t term.Term) (int, bool) {
	i, ok := term.Integer(unwrap(t))
	if !ok {
		return 0, false
	}
	n, ok := i.(int)
	return n, ok
}

// text returns a string, a list of characters, a binary or an atom as
// text, as ~ts takes it.
func text(t term.Term) (string, bool) {
	switch v := unwrap(t).(type) {
	case string:
		return v, true
	case term.Binary:
		return string(v), true
	case []byte:
		return string(v), true
	case term.Atom:
		return string(v), true
	case term.List:
		var b strings.Builder
		for _, e := range v {
			if s, ok := text(e); ok && term.KindOf(e) != term.KindAtom {
				b.WriteString(s)
				continue
			}
			c, ok := smallInt(e)
			if !ok || c < 0 || !utf8.ValidRune(rune(c)) {
				return "", false
			}
			b.WriteRune(rune(c))
		}
		return b.String(), true
	}
	return "", false
}

func countNL(s string) int { return strings.Count(s, "\n") }

func strlen(s string) int { return utf8.RuneCountInString(s) }

func spaces(n int) string { return strings.Repeat(" ", n) }

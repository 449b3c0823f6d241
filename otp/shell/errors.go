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
	return FormatExceptionRecords(exc, nil)
}

// FormatExceptionRecords is FormatException printing the terms in the
// exception with the shell's record definitions, as term.PrintOptions'
// Records gives them: a tuple that is a record prints as #name{...}.
func FormatExceptionRecords(exc *otp.Exception, records func(tag term.Atom, size int) ([]term.Atom, bool)) string {
	if exc == nil {
		return ""
	}
	return exPP{records}.exFormat(exc.Class, exc.Reason, exc.Stack)
}

// exPP prints the terms of an exception, with the record definitions
// records gives (nil for none).
type exPP struct {
	records func(term.Atom, int) ([]term.Atom, bool)
}

// The layout of the shell: "** " before "exception error: ", terms laid
// out as shell:pp/4 lays them out.
const (
	exTag     = "** "
	exIndent  = "   " // n_spaces(I-1), where I is the column after the tag
	exDepth   = 30
	exLineMax = 60
	exColumns = 80
)

// exPrint prints a term as the shell's print fun does, from column col.
func (pp exPP) exPrint(t term.Term, col int) string {
	return term.Pretty(t, term.PrintOptions{
		Column:       col,
		LineLength:   exColumns,
		Depth:        exDepth,
		LineMaxChars: exLineMax,
		Unicode:      true,
		Records:      pp.records,
	})
}

func exExited(c otp.Class) string { return "exception " + c.String() + ": " }

// exFrame is a stack frame {Module, Function, ArityOrArgs, Info}.
type exFrame struct {
	mod, fun term.Term // atoms, or (as a stacktrace may hold) other terms
	arity    int
	args     []term.Term // the arguments, when the frame has them
	hasArgs  bool
	info     []term.Term
}

func (pp exPP) exFormat(class otp.Class, reason, stack term.Term) string {
	what, trace1, trace := exAnalyze(class, reason, stack)
	// As erl_error's, the explanations come from the first frame, before
	// the frames of erl_eval and the shell are left out (a failed binary
	// comprehension's is erl_eval's); Go's frames are not erl's.
	emap := exExtended(exUserFrames(trace))
	trace = exTrim(trace)
	st := pp.exStack(trace, emap)
	expl, ok := emap["reason"]
	if !ok {
		expl = pp.exExplain(what, class, trace1)
	}
	var b strings.Builder
	b.WriteString(exTag)
	b.WriteString(exExited(class))
	b.WriteString(expl)
	if st != "" {
		b.WriteByte('\n')
		b.WriteString(st)
	}
	return b.String()
}

// exAnalyze splits an exception as erl_error does: the term to explain, the
// frame the explanation names (for function_clause and undef) and the
// frames to list. A stack that is not a stacktrace is explained with the
// reason as {Reason, Stack}.
func exAnalyze(class otp.Class, reason, stack term.Term) (term.Term, []exFrame, []exFrame) {
	frames, ok := exStacktrace(stack)
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

// exStacktrace reads a stacktrace: a proper list of {M, F, ArityOrArgs,
// Info} with atoms M and F, an integer arity or a proper list of
// arguments, and a proper list Info.
func exStacktrace(t term.Term) ([]exFrame, bool) {
	if t == nil {
		return nil, true
	}
	elems, ok := exList(t)
	if !ok {
		return nil, false
	}
	frames := make([]exFrame, 0, len(elems))
	for _, e := range elems {
		tup, ok := exUnwrap(e).(term.Tuple)
		if !ok || len(tup) != 4 {
			return nil, false
		}
		m, ok1 := exUnwrap(tup[0]).(term.Atom)
		f, ok2 := exUnwrap(tup[1]).(term.Atom)
		info, ok3 := exList(tup[3])
		if !ok1 || !ok2 || !ok3 {
			return nil, false
		}
		fr := exFrame{mod: m, fun: f, info: info}
		if a, ok := exSmallInt(tup[2]); ok {
			fr.arity = a
		} else if args, ok := exList(tup[2]); ok {
			fr.args, fr.hasArgs, fr.arity = args, true, len(args)
		} else {
			return nil, false
		}
		frames = append(frames, fr)
	}
	return frames, true
}

// exTrim leaves out the frames that are not the user's: Go's, anywhere,
// and erl_eval's and the shell's at the bottom, as the shell's stack
// trimming function does.
func exTrim(frames []exFrame) []exFrame {
	out := exUserFrames(frames)
	for len(out) > 0 {
		m := out[len(out)-1].mod
		if m != term.Atom("erl_eval") && m != term.Atom("shell") {
			break
		}
		out = out[:len(out)-1]
	}
	return out
}

// exUserFrames returns the frames that are not Go's.
func exUserFrames(frames []exFrame) []exFrame {
	out := frames[:0:0]
	for _, f := range frames {
		if !exGoFrame(f) {
			out = append(out, f)
		}
	}
	return out
}

func exGoFrame(f exFrame) bool {
	if f.hasArgs || f.arity != 0 {
		return false
	}
	if f.mod == term.Atom("otp") && f.fun == term.Atom("run") && len(f.info) == 0 {
		return true
	}
	file, ok := exInfoValue(f.info, "file")
	if !ok {
		return false
	}
	s, ok := exText(file)
	return ok && strings.HasSuffix(s, ".go")
}

// exInfoValue returns the value of {Key, Value} in a frame's info list.
func exInfoValue(info []term.Term, key term.Atom) (term.Term, bool) {
	for _, e := range info {
		if t, ok := exUnwrap(e).(term.Tuple); ok && len(t) == 2 && exUnwrap(t[0]) == key {
			return t[1], true
		}
	}
	return nil, false
}

// exExtended returns the explanations that the first frame's
// error_info carries under the key messages: argument numbers, general
// and reason, each to its text.
func exExtended(frames []exFrame) map[any]string {
	out := map[any]string{}
	if len(frames) == 0 {
		return out
	}
	v, ok := exInfoValue(frames[0].info, "error_info")
	if !ok {
		return out
	}
	m, ok := exUnwrap(v).(term.Map)
	if !ok {
		return out
	}
	msgs, ok := m.Get(term.Atom("messages"))
	if !ok {
		return out
	}
	mm, ok := exUnwrap(msgs).(term.Map)
	if !ok {
		return out
	}
	for k, v := range mm.All() {
		s, ok := exText(v)
		if !ok {
			continue
		}
		if n, ok := exSmallInt(k); ok {
			out[n] = s
		} else if a, ok := exUnwrap(k).(term.Atom); ok && (a == "general" || a == "reason") {
			out[string(a)] = s
		}
	}
	return out
}

// exExplain returns the words for a reason, as erl_error:explain_reason.
func (pp exPP) exExplain(reason term.Term, class otp.Class, trace1 []exFrame) string {
	s := exIndent
	if class == otp.ClassError {
		if len(trace1) == 0 {
			if e, ok := pp.exExplainError(reason, s); ok {
				return e
			}
		} else {
			f := trace1[0]
			switch reason {
			case term.Atom("function_clause"):
				if !f.hasArgs {
					return "no function clause matching call to " + term.Write(f.fun) + "/" + strconv.Itoa(f.arity)
				}
				return pp.exErrstrCall("no function clause matching ", class, f.mod, f.fun, f.args, s) + " " + exLocation(f.info)
			case term.Atom("undef"):
				return "undefined function " + exMFA(f.mod, f.fun, f.arity)
			}
		}
	}
	return pp.exPrint(reason, len(s)+1+len(exExited(class)))
}

// exExplainError explains the reasons the runtime gives meaning to.
func (pp exPP) exExplainError(reason term.Term, s string) (string, bool) {
	const cl = otp.ClassError
	switch r := exUnwrap(reason).(type) {
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
			tag, _ := exUnwrap(r[0]).(term.Atom)
			v := r[1]
			switch tag {
			case "badarg":
				return pp.exValue(v, "bad argument: ", cl, s), true
			case "badkey":
				return pp.exValue(v, "bad key: ", cl, s), true
			case "badmap":
				return pp.exValue(v, "bad map: ", cl, s), true
			case "badfun":
				return pp.exValue(v, "bad function ", cl, s), true
			case "badmatch":
				return pp.exValue(v, "no match of right hand side value ", cl, s), true
			case "case_clause":
				return pp.exValue(v, "no case clause matching ", cl, s), true
			case "try_clause":
				return pp.exValue(v, "no try clause matching ", cl, s), true
			case "bad_filter":
				return pp.exValue(v, "bad filter ", cl, s), true
			case "bad_generator":
				return pp.exValue(v, "bad generator ", cl, s), true
			case "unbound":
				return "variable " + term.Write(v) + " is unbound", true
			case "argument_limit":
				return "limit of number of arguments to interpreted function exceeded", true
			case "badarity":
				pair, ok := exUnwrap(v).(term.Tuple)
				if !ok || len(pair) != 2 || !exIsFun(pair[0]) {
					break
				}
				args, ok := exList(pair[1])
				if !ok {
					break
				}
				return exFun(pair[0]) + " called with " + exArgss(len(args)), true
			}
		}
		if len(r) == 4 && exUnwrap(r[0]) == term.Atom("shell_undef") {
			n, ok := exSmallInt(r[2])
			if !ok {
				args, ok := exList(r[2])
				if !ok {
					break
				}
				n = len(args)
			}
			return "undefined shell command " + exAtom(r[1]) + "/" + strconv.Itoa(n), true
		}
	}
	return "", false
}

func exArgss(n int) string {
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

// exValue prints errStr and v after it, or v on a line of its own
// when that takes fewer lines.
func (pp exPP) exValue(v term.Term, errStr string, class otp.Class, s string) string {
	pre := len(exExited(class))
	s1 := pp.exPrint(v, pre+len(s)+len(errStr)+1)
	if n1 := exCountNL(s1); n1 > 1 {
		s2 := pp.exPrint(v, len(s)+1+pre)
		if exCountNL(s2) < n1 {
			return errStr + "\n" + s + exSpaces(pre) + s2
		}
	}
	return errStr + s1
}

// exStack lists the frames, the first with its extended error
// information.
func (pp exPP) exStack(frames []exFrame, emap map[any]string) string {
	s := "  " + exIndent
	var b strings.Builder
	for i, f := range frames {
		n := i + 1
		sep := s
		if n > 1 {
			sep = "\n" + s
		}
		var errs string
		if n == 1 {
			errs = exArgErrors(f.arity, emap, sep)
		}
		b.WriteString(sep)
		b.WriteString(exOrigin(n, f))
		b.WriteByte(' ')
		b.WriteString(exMFA(f.mod, f.fun, f.arity))
		if !f.hasArgs {
			b.WriteByte(' ')
			b.WriteString(exLocation(f.info))
		} else {
			calledAs := s + "   called as "
			b.WriteByte('\n')
			b.WriteString(calledAs)
			b.WriteString(pp.exCall("", calledAs, f.mod, f.fun, f.args))
		}
		b.WriteString(errs)
	}
	return b.String()
}

// exArgErrors returns the "*** argument N: ..." lines of a frame of the
// given arity, each after a newline.
func exArgErrors(arity int, emap map[any]string, sep string) string {
	var lines []string
	for n := 1; n <= arity; n++ {
		msg, ok := emap[n]
		if !ok {
			continue
		}
		prefix := "*** argument " + strconv.Itoa(n) + ": "
		for i, l := range exLines(msg) {
			if i == 0 {
				lines = append(lines, prefix+l)
			} else {
				lines = append(lines, exSpaces(utf8.RuneCountInString(prefix))+l)
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

// exLines splits text into its nonempty lines.
func exLines(s string) []string {
	return strings.FieldsFunc(s, func(r rune) bool { return r == '\n' || r == '\r' })
}

func exOrigin(n int, f exFrame) string {
	if n > 1 {
		return "in call from"
	}
	if _, ok := exIsOp(f.mod, f.fun, f.arity); ok {
		return "in operator "
	}
	return "in function "
}

// exLocation returns "(File, line N)", or "" when the info does not have
// both.
func exLocation(info []term.Term) string {
	file, ok1 := exInfoValue(info, "file")
	line, ok2 := exInfoValue(info, "line")
	if !ok1 || !ok2 {
		return ""
	}
	name, ok := exText(file)
	if !ok {
		name = term.Write(file)
	}
	return "(" + name + ", line " + term.Write(line) + ")"
}

// exErrstrCall is errStr followed by the call, indented after the class.
func (pp exPP) exErrstrCall(errStr string, class otp.Class, mod, fun term.Term, args []term.Term, s string) string {
	return pp.exCall(errStr, s+exSpaces(len(exExited(class))), mod, fun, args)
}

// exCall prints the call M:F(Args) after errStr, which itself comes
// after pre: on the same line, or on a line of its own after pre when
// the arguments take fewer lines so.
func (pp exPP) exCall(errStr, pre string, mod, fun term.Term, args []term.Term) string {
	if op, ok := exIsOp(mod, fun, len(args)); ok {
		return errStr + pp.exOp(errStr, pre, op, args)
	}
	mfs := exMF(mod, fun, len(args))
	i1 := exStrlen(pre + errStr + mfs)
	s1 := pp.exArguments(args, i1)
	s2 := pp.exArguments(args, exStrlen(pre+mfs))
	s3 := pp.exArguments([]term.Term{term.Atom("a2345"), term.Atom("b2345")}, i1)
	if exCountNL(s3) > 0 || exCountNL(s2) < exCountNL(s1) {
		return errStr + "\n" + pre + mfs + s2
	}
	return errStr + mfs + s1
}

func (pp exPP) exOp(errStr, pre string, op term.Atom, args []term.Term) string {
	if len(args) == 1 {
		ops := string(op) + " "
		i1 := len(errStr + pre + ops)
		return ops + pp.exPrint(args[0], i1+1)
	}
	i1 := len(errStr + pre)
	s1 := pp.exPrint(args[0], i1+1)
	s2 := pp.exPrint(args[1], i1+1)
	pre1 := "\n" + exSpaces(i1)
	if exCountNL(s1) > 0 {
		return s1 + pre1 + string(op) + pre1 + s2
	}
	ops2 := " " + string(op) + " "
	size1 := len(errStr + pre + ops2)
	s22 := pp.exPrint(args[1], size1+exStrlen(s1)+1)
	if exCountNL(s2) < exCountNL(s22) {
		return s1 + pre1 + string(op) + pre1 + s2
	}
	return s1 + ops2 + s22
}

// exArguments prints arguments as a parenthesized list. Arguments that
// would make a string are printed as a list, not as "text".
func (pp exPP) exArguments(args []term.Term, col int) string {
	if len(args) > 0 && exPrintableLatin1(args) {
		l := term.Write(args[0])
		alt := append(term.List{term.Atom(strings.Repeat("a", len(l)))}, args[1:]...)
		s := pp.exPrint(alt, col+1)
		return exParens("[" + l + s[1+len(l):])
	}
	return exParens(pp.exPrint(term.List(args), col+1))
}

func exParens(s string) string {
	return "(" + s[1:len(s)-1] + ")"
}

// exPrintableLatin1 reports whether the list is a string of printable
// latin1 characters, as io_lib:printable_latin1_list/1 does.
func exPrintableLatin1(l []term.Term) bool {
	for _, e := range l {
		c, ok := exSmallInt(e)
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

// exMFA is Module:Function/Arity, with the module left out for
// auto-imported BIFs and operators.
func exMFA(mod, fun term.Term, arity int) string {
	return exMF(mod, fun, arity) + "/" + strconv.Itoa(arity)
}

func exMF(mod, fun term.Term, arity int) string {
	if mod == term.Atom("erlang") {
		if f, ok := fun.(term.Atom); ok {
			if exAutoImported[exFA{f, arity}] {
				return term.Write(f)
			}
			if op, ok := exIsOp(mod, fun, arity); ok {
				if op == "/" {
					return term.Write(op)
				}
				return string(op)
			}
		}
	}
	return term.Write(mod) + ":" + exAtom(fun)
}

// exAtom writes an atom as io_lib:write_atom/1 does.
func exAtom(a term.Term) string {
	return term.Pretty(a, term.PrintOptions{Unicode: true})
}

// exFun names a fun as erl_error:format_fun/2 does.
func exFun(f term.Term) string {
	switch v := exUnwrap(f).(type) {
	case term.ExportFun:
		return exMFA(v.Module, v.Function, v.Arity)
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

func exIsFun(t term.Term) bool { return term.KindOf(t) == term.KindFun }

type exFA struct {
	f term.Atom
	a int
}

// exIsOp reports whether erlang:F/A is an operator, and which.
func exIsOp(mod, fun term.Term, arity int) (term.Atom, bool) {
	if mod != term.Atom("erlang") {
		return "", false
	}
	f, ok := fun.(term.Atom)
	if !ok || !exOperators[exFA{f, arity}] {
		return "", false
	}
	return f, true
}

var exOperators = map[exFA]bool{}

// exAutoImported are the BIFs of module erlang that are called without the
// module name (erl_internal:bif/3).
var exAutoImported = map[exFA]bool{}

func init() {
	for _, op := range []string{"!/2", "*/2", "+/1", "+/2", "++/2", "-/1", "-/2",
		"--/2", "//2", "/=/2", "</2", "=/=/2", "=:=/2", "=</2", "==/2", ">/2",
		">=/2", "and/2", "band/2", "bnot/1", "bor/2", "bsl/2", "bsr/2",
		"bxor/2", "div/2", "not/1", "or/2", "rem/2", "xor/2"} {
		k := strings.LastIndexByte(op, '/')
		n, _ := strconv.Atoi(op[k+1:])
		exOperators[exFA{term.Atom(op[:k]), n}] = true
	}
	for _, spec := range strings.Fields(exBIFList) {
		name, arities, _ := strings.Cut(spec, "/")
		for _, a := range strings.Split(arities, ",") {
			n, _ := strconv.Atoi(a)
			exAutoImported[exFA{term.Atom(name), n}] = true
		}
	}
}

// exBIFList lists the auto-imported BIFs of Erlang/OTP 25 as Name/Arities.
const exBIFList = `abs/1 alias/0,1 apply/2,3 atom_to_binary/1,2 atom_to_list/1
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

func exUnwrap(t term.Term) term.Term {
	for {
		tr, ok := t.(term.Termer)
		if !ok {
			return t
		}
		t = tr.Term()
	}
}

// exList returns the elements of a proper list.
func exList(t term.Term) ([]term.Term, bool) {
	switch v := exUnwrap(t).(type) {
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

// exSmallInt returns an integer term that fits an int.
func exSmallInt(t term.Term) (int, bool) {
	i, ok := term.Integer(exUnwrap(t))
	if !ok {
		return 0, false
	}
	n, ok := i.(int)
	return n, ok
}

// exText returns a string, a list of characters, a binary or an atom as
// text, as ~ts takes it.
func exText(t term.Term) (string, bool) {
	switch v := exUnwrap(t).(type) {
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
			if s, ok := exText(e); ok && term.KindOf(e) != term.KindAtom {
				b.WriteString(s)
				continue
			}
			c, ok := exSmallInt(e)
			if !ok || c < 0 || !utf8.ValidRune(rune(c)) {
				return "", false
			}
			b.WriteRune(rune(c))
		}
		return b.String(), true
	}
	return "", false
}

func exCountNL(s string) int { return strings.Count(s, "\n") }

func exStrlen(s string) int { return utf8.RuneCountInString(s) }

func exSpaces(n int) string { return strings.Repeat(" ", n) }

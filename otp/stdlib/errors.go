package stdlib

import (
	"path/filepath"
	"runtime"

	"github.com/scalability-go/otpbook/otp"
	"github.com/scalability-go/otpbook/otp/term"
)

// Explanation is the extended error information of a BIF's error, what
// OTP's erl_erts_errors:format_error/2 returns and the shell prints after
// the call: "*** argument 2: not a tuple".
type Explanation struct {
	// Args maps argument numbers, from 1, to what is wrong with them.
	Args map[int]string
	// General is said of the call as a whole, after the arguments.
	General string
	// Reason, when set, replaces the shell's explanation of the reason.
	Reason string
	// Module is the module OTP names as the one that explains the error:
	// erl_erts_errors for the BIFs of erlang, erl_stdlib_errors for
	// those of lists and io. The default is erl_erts_errors.
	Module term.Atom
	// Cause is the error_info cause OTP gives, or nil for none.
	Cause term.Term
}

// ErrorInfo returns the error_info map of the explanation:
// #{module => Module, cause => Cause, messages => #{N => Text, general =>
// Text, reason => Text}}, with cause left out when nil and messages when
// there is nothing to say.
func (e Explanation) ErrorInfo() term.Map {
	mod := e.Module
	if mod == "" {
		mod = "erl_erts_errors"
	}
	kv := []term.Term{term.Atom("module"), mod}
	if e.Cause != nil {
		kv = append(kv, term.Atom("cause"), e.Cause)
	}
	var msgs []term.Term
	for n, s := range e.Args {
		msgs = append(msgs, n, s)
	}
	if e.General != "" {
		msgs = append(msgs, term.Atom("general"), e.General)
	}
	if e.Reason != "" {
		msgs = append(msgs, term.Atom("reason"), e.Reason)
	}
	if len(msgs) > 0 {
		kv = append(kv, term.Atom("messages"), term.MapOf(msgs...))
	}
	return term.MapOf(kv...)
}

// RaiseBIF raises an exception of class error with reason as the BIF
// Module:Function(Args...) raises it in OTP 25: its stacktrace is the
// one frame {Module, Function, Args, [{error_info, ErrorInfo}]}, so that
// the shell prints the call and the explanation.
func RaiseBIF(reason term.Term, module, function term.Atom, args []term.Term, e Explanation) {
	frame := term.Tuple{module, function, term.List(append([]term.Term(nil), args...)),
		term.List{term.Tuple{term.Atom("error_info"), e.ErrorInfo()}}}
	panic(&otp.Exception{Class: otp.ClassError, Reason: reason, Stack: term.List{frame}})
}

// why maps argument numbers to what is wrong with them.
type why map[int]string

// Atoms used as reasons.
const (
	badarg          term.Atom = "badarg"
	badarith        term.Atom = "badarith"
	functionClause  term.Atom = "function_clause"
	erlErtsErrors   term.Atom = "erl_erts_errors"
	erlStdlibErrors term.Atom = "erl_stdlib_errors"
)

// bifError raises badarg from erlang:Function(Args...), explained.
func bifError(function string, args []term.Term, w why) {
	RaiseBIF(badarg, "erlang", term.Atom(function), args, Explanation{Args: w})
}

// stdlibError raises reason from Module:Function(Args...), a BIF or an
// argument check of stdlib explained by erl_stdlib_errors.
func stdlibError(reason term.Term, module, function string, args []term.Term, w why) {
	RaiseBIF(reason, term.Atom(module), term.Atom(function), args, Explanation{Args: w, Module: erlStdlibErrors})
}

// here returns the info of a frame raised by the caller of the caller:
// [{file, Base}, {line, Line}].
func here(skip int) term.List {
	_, file, line, ok := runtime.Caller(skip + 1)
	if !ok {
		return term.List{}
	}
	return term.List{
		term.Tuple{term.Atom("file"), filepath.Base(file)},
		term.Tuple{term.Atom("line"), line},
	}
}

// fclause raises function_clause from Module:Function(Args...), a
// function written in Erlang in OTP that has no clause for the arguments.
func fclause(module, function string, args ...term.Term) {
	frame := term.Tuple{term.Atom(module), term.Atom(function), term.List(args), here(1)}
	panic(&otp.Exception{Class: otp.ClassError, Reason: functionClause, Stack: term.List{frame}})
}

// systemLimit raises system_limit from Module:Function(Args...), a
// function that would make a term beyond the limits of this runtime.
func systemLimit(module, function string, args ...term.Term) {
	frame := term.Tuple{term.Atom(module), term.Atom(function), term.List(args), here(1)}
	panic(&otp.Exception{Class: otp.ClassError, Reason: term.Atom("system_limit"), Stack: term.List{frame}})
}

// raiseIn raises error reason inside Module:Function/Arity.
func raiseIn(reason term.Term, module, function string, arity int) {
	frame := term.Tuple{term.Atom(module), term.Atom(function), arity, here(1)}
	panic(&otp.Exception{Class: otp.ClassError, Reason: reason, Stack: term.List{frame}})
}

// raiseCall raises error reason from a call to the BIF or operator
// erlang:Function(Args...) made inside Module:Caller/Arity, as the
// frames {erlang, Function, Args, [...]} and {Module, Caller, Arity, [...]}.
func raiseCall(reason term.Term, function string, args []term.Term, w why, module, caller string, arity int) {
	e := Explanation{Args: w}
	frames := term.List{
		term.Tuple{term.Atom("erlang"), term.Atom(function), term.List(args),
			term.List{term.Tuple{term.Atom("error_info"), e.ErrorInfo()}}},
		term.Tuple{term.Atom(module), term.Atom(caller), arity, here(1)},
	}
	panic(&otp.Exception{Class: otp.ClassError, Reason: reason, Stack: frames})
}

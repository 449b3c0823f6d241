// Package stdlib holds the modules of Erlang's kernel and stdlib that
// are called by name: by the shell, by rpc, by a remote node's spawn, or
// by apply. Load registers them in a node's code server, where
// code.Of(n).Apply(p, "lists", "reverse", args) finds them as a fully
// qualified call finds lists:reverse/1 in Erlang.
//
// The modules are erlang (processes, links, monitors, names, timers, type
// tests, conversions and the operators), lists, maps, io, io_lib, timer
// and code, each with the functions listed in its file. They behave as
// Erlang/OTP 25's do, and fail as they fail: with badarg for a bad
// argument of a BIF, function_clause, case_clause and the like where the
// Erlang code of lists and maps does. testdata/calls.golden records what
// OTP 25 does for over 600 calls, which the tests compare with.
//
// # Errors as the shell explains them
//
// Where OTP 25's shell prints extended error information for a BIF
// ("*** argument 2: not a tuple"), the exception raised here carries it:
// its stacktrace is the one frame {Module, Function, Args, [{error_info,
// Map}]}, where Map holds module and, when OTP gives one, cause, as in OTP,
// and also messages, the explanation itself (see Explanation), which the
// shell prints (shell.FormatException). Exceptions that Erlang code would
// raise inside a function of lists (function_clause, case_clause, ...)
// have a frame such as {lists, Function, ArgsOrArity, [{file, "lists.go"},
// {line, Line}]}, naming the Go source where a module written in Erlang
// names its .erl file.
//
// # Where this package differs from OTP
//
//   - A function_clause names the function that was called, with its
//     arguments, where OTP often names an internal helper (lists:nth(4,[])
//     for lists:nth(5,[a])).
//   - lists:sort/1 and usort/1 are stable: terms that compare equal
//     without being identical (1 and 1.0) keep their order, where OTP's
//     merge sort may swap them (lists:sort([b,1.0,1,a]) is [1.0,1,a,b]
//     here, [1,1.0,a,b] in OTP).
//   - io:format and the other io functions write to the calling process's
//     output (otp.Process.Output), which stands for its group leader.
//     Their devices are standard_io, user and standard_error (the process's
//     error output is the program's standard error); a pid as a device is
//     not supported (error badarg, "the device does not exist"), except
//     the caller's own pid, which fails as in OTP.
//   - io_lib:format, fwrite, write and print return a flat string, where
//     OTP returns a deep list of the same characters.
//   - lists:seq/2,3 and lists:duplicate/2 raise error system_limit for
//     a list longer than MaxListLength (2^28 elements), where OTP tries
//     to make it and runs out of memory.
//   - erlang:display/1 writes to the calling process's output, not to the
//     emulator's standard output.
//   - erlang:phash2 hashes with FNV-1a: its values are in the same range
//     as OTP's, and stable, but not the same numbers.
//   - erlang:monitor/2 monitors processes only (port and time_offset are
//     errors); process_flag/2 knows trap_exit only; process_info/2 knows
//     the items of otp.ProcessInfo.Item and fails with badarg on others.
//   - code:is_loaded/1 and code:all_loaded/0 give every module's file as
//     preloaded: a Go module is compiled into the program, as OTP's
//     preloaded modules are into the emulator.
//   - nodes/0 is [] (no distribution yet).
package stdlib

import (
	"sync"

	"github.com/scalability-go/otpbook/otp"
	"github.com/scalability-go/otpbook/otp/code"
	"github.com/scalability-go/otpbook/otp/term"
)

// Modules returns the modules of this package, freshly made: erlang,
// lists, maps, io, io_lib, timer and code.
func Modules() []*code.Module {
	return []*code.Module{
		erlangModule(),
		listsModule(),
		mapsModule(),
		ioModule(),
		ioLibModule(),
		timerModule(),
		codeModule(),
	}
}

type loadKey struct{}

type loadState struct {
	mu   sync.Mutex
	done bool
}

// Load registers the modules of this package in n's code server. It is
// idempotent: a module that is loaded already, this package's or one of
// the same name loaded by someone else, is left as it is.
func Load(n *otp.Node) error {
	st := n.Value(loadKey{}, func() any { return &loadState{} }).(*loadState)
	st.mu.Lock()
	defer st.mu.Unlock()
	if st.done {
		return nil
	}
	cs := code.Of(n)
	for _, m := range Modules() {
		if _, ok := cs.IsLoaded(m.Name); ok {
			continue
		}
		if _, err := cs.Load(m); err != nil {
			return err
		}
	}
	st.done = true
	return nil
}

// exports builds a module's export table.
type exports map[code.FA]code.Func

func (e exports) def(name string, arity int, f code.Func) {
	e[code.FA{Function: term.Atom(name), Arity: arity}] = f
}

func module(name string, e exports) *code.Module {
	return &code.Module{Name: term.Atom(name), Exports: e}
}

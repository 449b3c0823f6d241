package otp

import (
	"fmt"
	"runtime"
	"strings"

	"github.com/scalability-go/otpbook/otp/term"
)

// Class is the class of an exception, as in Erlang's try ... catch
// Class:Reason.
type Class uint8

// The three classes of Erlang exceptions.
const (
	ClassError Class = iota // erlang:error/1, and every Go panic
	ClassExit               // erlang:exit/1
	ClassThrow              // erlang:throw/1
)

var classAtoms = [...]term.Atom{"error", "exit", "throw"}

// Atom returns error, exit or throw.
func (c Class) Atom() term.Atom {
	if int(c) < len(classAtoms) {
		return classAtoms[c]
	}
	return "error"
}

func (c Class) String() string { return string(c.Atom()) }

// Exception is an Erlang exception raised in Go: the value Exit, Error and
// Throw panic with, and what Catch returns. A Go panic with any other value
// is an exception of class error whose reason is that value.
//
// An exception nobody catches ends its process. The exit reason is then
// Reason for class exit, {Reason, Stack} for class error and
// {{nocatch, Reason}, Stack} for class throw, as in Erlang.
type Exception struct {
	Class  Class
	Reason term.Term
	// death is set on the exception an attached process raises when it
	// finds itself killed: Catch does not catch it.
	death bool
	// Stack is the stacktrace, a list of {Module, Function, Arity,
	// [{file, File}, {line, Line}]} tuples, innermost first. Go does not
	// record arities: Arity is 0. Module is the Go package name and
	// Function the function's name within it.
	Stack term.List
}

func (e *Exception) Error() string {
	return fmt.Sprintf("exception %s: %s", e.Class, term.Print(e.Reason))
}

// ExitReason is the reason a process ends with when the exception is not
// caught.
func (e *Exception) ExitReason() term.Term {
	switch e.Class {
	case ClassExit:
		return e.Reason
	case ClassThrow:
		return term.Tuple{term.Tuple{term.Atom("nocatch"), e.Reason}, e.Stack}
	default:
		return term.Tuple{e.Reason, e.Stack}
	}
}

// Exit raises an exception of class exit, as erlang:exit/1 does. Uncaught,
// it ends the calling process with reason. (Use Process.SendExit for
// erlang:exit/2.)
func Exit(reason term.Term) {
	panic(&Exception{Class: ClassExit, Reason: reason})
}

// Error raises an exception of class error, as erlang:error/1 does.
// Uncaught, it ends the calling process with {reason, Stack}.
func Error(reason term.Term) {
	panic(&Exception{Class: ClassError, Reason: reason, Stack: stacktrace(3)})
}

// Throw raises an exception of class throw, as erlang:throw/1 does.
// Uncaught, it ends the calling process with {{nocatch, v}, Stack}.
func Throw(v term.Term) {
	panic(&Exception{Class: ClassThrow, Reason: v, Stack: stacktrace(3)})
}

// Catch calls f and returns the exception it raised, or nil if it returned.
// It is Erlang's try ... catch Class:Reason: a Go panic of any value is
// caught as an exception of class error. Exit signals are not exceptions:
// a process killed while in f still ends.
func Catch(f func()) (exc *Exception) {
	defer func() {
		if v := recover(); v != nil {
			if e, ok := v.(*Exception); ok && e != nil && e.death {
				panic(v)
			}
			exc = exceptionOf(v, 4)
		}
	}()
	f()
	return nil
}

// exceptionOf turns a recovered panic value into an exception. It must be
// called from the deferred function that recovered, so that the stack of
// the panic is still there; skip is the number of frames to leave out.
func exceptionOf(v any, skip int) *Exception {
	if e, ok := v.(*Exception); ok && e != nil {
		if e.Class != ClassExit && e.Stack == nil {
			e.Stack = stacktrace(skip)
		}
		return e
	}
	return &Exception{Class: ClassError, Reason: v, Stack: stacktrace(skip)}
}

// backtraceDepth is how many frames a stacktrace keeps, as OTP's default
// backtrace_depth.
const backtraceDepth = 8

// stacktrace returns the calling goroutine's stack as Erlang shows one,
// leaving out the Go runtime's and this package's own frames.
func stacktrace(skip int) term.List {
	var pcs [32]uintptr
	n := runtime.Callers(skip, pcs[:])
	frames := runtime.CallersFrames(pcs[:n])
	st := term.List{}
	for {
		f, more := frames.Next()
		if f.Function != "" && !internalFrame(f.Function) {
			mod, fun := splitFuncName(f.Function)
			st = append(st, term.Tuple{term.Atom(mod), term.Atom(fun), 0,
				term.List{
					term.Tuple{term.Atom("file"), f.File},
					term.Tuple{term.Atom("line"), f.Line},
				}})
			if len(st) == backtraceDepth {
				break
			}
		}
		if !more {
			break
		}
	}
	if len(st) == 0 {
		// An exception always has a stacktrace, even when every frame
		// was the runtime's own.
		st = append(st, term.Tuple{term.Atom("otp"), term.Atom("run"), 0, term.List{}})
	}
	return st
}

const selfPkg = "github.com/scalability-go/otpbook/otp."

func internalFrame(fn string) bool {
	if strings.HasPrefix(fn, "runtime.") {
		return true
	}
	if rest, ok := strings.CutPrefix(fn, selfPkg); ok {
		// The runtime's own frames; the package's tests are reported.
		return !strings.Contains(rest, "Test") && !strings.Contains(rest, "Example") && !strings.Contains(rest, "Benchmark")
	}
	return false
}

// splitFuncName splits a Go function name such as
// "github.com/x/y/pkg.(*T).Method.func1" into the package name "pkg" and
// the name within the package "(*T).Method.func1".
func splitFuncName(name string) (pkg, fn string) {
	slash := strings.LastIndexByte(name, '/')
	dot := strings.IndexByte(name[slash+1:], '.')
	if dot < 0 {
		return name, ""
	}
	return name[slash+1 : slash+1+dot], name[slash+1+dot+1:]
}

// Book: chapter 2, "Macros" (a shell session; the book has no file for it).

// Package macros shows what Erlang's preprocessor does, done the Go way:
// a -define constant is a Go constant, a parameterised macro is a
// (generic) function, ?MODULE, ?FUNCTION_NAME and ?LINE come from the
// runtime, and -ifdef(debug) is a file compiled only with the build tag
// debug, so that debug printing costs nothing in a build without it.
package macros

import (
	"cmp"
	"runtime"
	"strings"
	"time"
)

// Timeout is -define(TIMEOUT, 5000): a constant, typed as the duration it
// is.
const Timeout = 5 * time.Second

// Max is -define(MAX(X, Y), if X > Y -> X; true -> Y end): a parameterised
// macro is a function, generic over the types it works for. Unlike the
// macro, it evaluates each argument once.
func Max[T cmp.Ordered](x, y T) T {
	if x > y {
		return x
	}
	return y
}

// Where is ?MODULE, ?FUNCTION_NAME and ?LINE of its caller: the package
// name, the function's name within it, and the line of the call.
func Where() (module, function string, line int) {
	pc, _, line, ok := runtime.Caller(1)
	if !ok {
		return "", "", 0
	}
	name := runtime.FuncForPC(pc).Name()
	name = name[strings.LastIndexByte(name, '/')+1:]
	module, function, _ = strings.Cut(name, ".")
	return module, function, line
}

// Double doubles x, telling the debug output so (see Debug).
func Double(x int) int {
	Debug("doubling %d", x)
	return 2 * x
}

//go:build !debug

package macros

// DebugOn reports whether this build has debug printing: it was built
// with -tags debug, as the Erlang was compiled with {d, debug}.
const DebugOn = false

// Debug does nothing in a build without the tag debug: the compiler drops
// the call, as the preprocessor drops the macro.
func Debug(format string, args ...any) {}

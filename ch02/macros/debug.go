//go:build debug

package macros

import (
	"fmt"
	"os"
)

// DebugOn reports whether this build has debug printing: it was built
// with -tags debug, as the Erlang was compiled with {d, debug}.
const DebugOn = true

// Debug prints a debug line to standard error, as the book's
// -ifdef(debug) macro does.
func Debug(format string, args ...any) {
	fmt.Fprintf(os.Stderr, "debug: "+format+"\n", args...)
}

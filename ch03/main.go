// Command ch03 opens an Erlang shell on a node with chapter 3's modules
// loaded, so that the chapter's sessions can be typed as the book prints
// them. The book keeps two modules named frequency and two named server
// in different directories, compiled in turn; here the argument picks the
// directory:
//
//	go run ./ch03            # ch3: frequency (hand-written), pattern
//	go run ./ch03 behavior   # ch3/behavior: server, frequency as its callback module
//	go run ./ch03 call       # ch3/call: server with monitors and references, the same frequency
//
//	1> frequency:start().
//	true
//	2> frequency:allocate().
//	{ok,10}
//
// It reads from standard input, so a session can also be piped in. It
// exits with the status given to halt/1, and 0 after q(), halt() or the
// end of the input.
package main

import (
	"fmt"
	"os"

	"github.com/scalability-go/otpbook/ch03/behavior"
	"github.com/scalability-go/otpbook/ch03/callserver"
	"github.com/scalability-go/otpbook/ch03/frequency"
	"github.com/scalability-go/otpbook/ch03/pattern"
	"github.com/scalability-go/otpbook/ch03/server"
	"github.com/scalability-go/otpbook/internal/chapter"
	"github.com/scalability-go/otpbook/otp/code"
)

// directories are the book's directories of chapter 3, by the name
// go run ./ch03 takes, each with its modules.
var directories = map[string]func() []*code.Module{
	"ch3": func() []*code.Module {
		return []*code.Module{frequency.Module(), pattern.Module()}
	},
	"behavior": func() []*code.Module {
		return []*code.Module{server.Module(), behavior.Module()}
	},
	"call": func() []*code.Module {
		return []*code.Module{callserver.Module(), behavior.Module()}
	},
}

// modules returns the modules of the directory args names: ch3 when it
// names none.
func modules(args []string) (func() []*code.Module, error) {
	dir := "ch3"
	if len(args) > 0 {
		dir = args[0]
	}
	m, ok := directories[dir]
	if !ok || len(args) > 1 {
		return nil, fmt.Errorf("usage: ch03 [ch3|behavior|call]")
	}
	return m, nil
}

func main() {
	m, err := modules(os.Args[1:])
	if err != nil {
		fmt.Fprintln(os.Stderr, "ch03:", err)
		os.Exit(2)
	}
	chapter.Main("ch03", m)
}

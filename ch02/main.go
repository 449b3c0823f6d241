// Command ch02 opens an Erlang shell on a node with chapter 2's modules
// loaded, so that the chapter's sessions can be typed as the book prints
// them:
//
//	go run ./ch02
//	1> ex1:factorial(5).
//	120
//	2> queens:queens(1).
//	[[1],[2],[3],[4],[5],[6],[7],"\b"]
//
// It reads from standard input, so a session can also be piped in. It
// exits with the status given to halt/1 (halt(3). exits with 3), and 0
// after q(), halt() or the end of the input.
package main

import (
	"github.com/scalability-go/otpbook/ch02/addr"
	"github.com/scalability-go/otpbook/ch02/echo"
	"github.com/scalability-go/otpbook/ch02/echolink"
	"github.com/scalability-go/otpbook/ch02/ex1"
	"github.com/scalability-go/otpbook/ch02/ex2"
	"github.com/scalability-go/otpbook/ch02/ex3"
	"github.com/scalability-go/otpbook/ch02/exercises/safefactorial"
	"github.com/scalability-go/otpbook/ch02/hlr"
	"github.com/scalability-go/otpbook/ch02/queens"
	"github.com/scalability-go/otpbook/ch02/upgrade"
	"github.com/scalability-go/otpbook/internal/chapter"
	"github.com/scalability-go/otpbook/otp/code"
)

// modules are the chapter's modules, by their Erlang names: ex1, ex2,
// ex3, queens, echo, echo_link, addr, upgrade (which drives the loop
// module of "Upgrading Modules"), hlr, and the exercise safe_factorial
// (the reader's own version with go run -tags exercise ./ch02).
func modules() []*code.Module {
	return []*code.Module{
		ex1.Module(), ex2.Module(), ex3.Module(), queens.Module(),
		echo.Module(), echolink.Module(), addr.Module(), upgrade.Module(),
		hlr.Module(), safefactorial.Module(),
	}
}

func main() {
	chapter.Main("ch02", modules)
}

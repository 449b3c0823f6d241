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
	"context"
	"fmt"
	"io"
	"log/slog"
	"os"

	"github.com/scalability-go/otpbook/ch02/addr"
	"github.com/scalability-go/otpbook/ch02/echo"
	"github.com/scalability-go/otpbook/ch02/echolink"
	"github.com/scalability-go/otpbook/ch02/ex1"
	"github.com/scalability-go/otpbook/ch02/ex2"
	"github.com/scalability-go/otpbook/ch02/ex3"
	"github.com/scalability-go/otpbook/ch02/queens"
	"github.com/scalability-go/otpbook/ch02/upgrade"
	"github.com/scalability-go/otpbook/otp"
	"github.com/scalability-go/otpbook/otp/code"
	"github.com/scalability-go/otpbook/otp/shell"
	"github.com/scalability-go/otpbook/otp/stdlib"
)

// modules are the chapter's modules, by their Erlang names: ex1, ex2,
// ex3, queens, echo, echo_link, addr, and upgrade (which drives the loop
// module of "Upgrading Modules").
func modules() []*code.Module {
	return []*code.Module{
		ex1.Module(), ex2.Module(), ex3.Module(), queens.Module(),
		echo.Module(), echolink.Module(), addr.Module(), upgrade.Module(),
	}
}

func main() {
	run := run
	if shell.IsTerminal(os.Stdin) && shell.IsTerminal(os.Stdout) {
		run = runConsole
	}
	os.Exit(exitStatus(run(os.Stdin, os.Stdout)))
}

// exitStatus is the status the program exits with once the shell and
// its node stopped: 1 after an error, which it prints, else the status
// of halt(Status).
func exitStatus(status int, err error) int {
	if err != nil {
		fmt.Fprintln(os.Stderr, "ch02:", err)
		return 1
	}
	return status
}

// run starts a node, loads the modules and runs the shell until q(),
// halt(), or the end of in. It returns the status to exit with, and
// stops the node before it returns.
func run(in io.Reader, out io.Writer) (int, error) {
	n, err := startNode(out)
	if err != nil {
		return 0, err
	}
	defer n.Stop()
	sh := shell.New(n, out)
	err = sh.Run(context.Background(), in)
	return sh.ExitStatus(), err
}

// runConsole is run at a terminal, with line editing and history.
func runConsole(in io.Reader, out io.Writer) (int, error) {
	c, err := shell.OpenConsole(in.(*os.File), out.(*os.File))
	if err != nil {
		return 0, err
	}
	defer c.Close()
	n, err := startNode(c)
	if err != nil {
		return 0, err
	}
	defer n.Stop()
	sh := shell.New(n, c)
	err = sh.RunConsole(context.Background(), c)
	return sh.ExitStatus(), err
}

// startNode starts a node whose output and reports go to out, with the
// chapter's modules loaded.
func startNode(out io.Writer) (*otp.Node, error) {
	n, err := otp.NewNode(otp.Stdout(out), otp.Logger(slog.New(shell.ReportHandler(out))))
	if err != nil {
		return nil, err
	}
	if err := stdlib.Load(n); err != nil {
		n.Stop()
		return nil, err
	}
	for _, m := range modules() {
		if _, err := code.Of(n).Load(m); err != nil {
			n.Stop()
			return nil, err
		}
	}
	return n, nil
}

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
// It reads from standard input, so a session can also be piped in.
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
	if err := run(os.Stdin, os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "ch02:", err)
		os.Exit(1)
	}
}

// run starts a node, loads the modules and runs the shell until q() or
// the end of in.
func run(in io.Reader, out io.Writer) error {
	n, err := startNode(out)
	if err != nil {
		return err
	}
	defer n.Stop()
	return shell.New(n, out).Run(context.Background(), in)
}

// runConsole is run at a terminal, with line editing and history.
func runConsole(in io.Reader, out io.Writer) error {
	c, err := shell.OpenConsole(in.(*os.File), out.(*os.File))
	if err != nil {
		return err
	}
	defer c.Close()
	n, err := startNode(c)
	if err != nil {
		return err
	}
	defer n.Stop()
	return shell.New(n, c).RunConsole(context.Background(), c)
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

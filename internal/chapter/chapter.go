// Package chapter is what every chapter's command shares: go run ./chNN
// starts a node with the runtime's modules and the chapter's loaded, and
// opens the Erlang shell on it, at a terminal with line editing, or over
// piped input.
package chapter

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"os"

	"github.com/scalability-go/otpbook/otp"
	"github.com/scalability-go/otpbook/otp/code"
	"github.com/scalability-go/otpbook/otp/ets"
	"github.com/scalability-go/otpbook/otp/genserver"
	"github.com/scalability-go/otpbook/otp/proclib"
	"github.com/scalability-go/otpbook/otp/shell"
	"github.com/scalability-go/otpbook/otp/stdlib"
	"github.com/scalability-go/otpbook/otp/sys"
)

// Main runs the shell of the chapter named name ("ch02") with modules
// loaded, and exits the program with the status the shell gives: 1 after
// an error, which it prints, else the status given to halt/1.
func Main(name string, modules func() []*code.Module) {
	run := Run
	if shell.IsTerminal(os.Stdin) && shell.IsTerminal(os.Stdout) {
		run = RunConsole
	}
	status, err := run(os.Stdin, os.Stdout, modules())
	if err != nil {
		fmt.Fprintf(os.Stderr, "%s: %v\n", name, err)
		status = 1
	}
	os.Exit(status)
}

// Run starts a node, loads the modules and runs the shell until q(),
// halt(), or the end of in. It returns the status to exit with, and stops
// the node before it returns.
func Run(in io.Reader, out io.Writer, modules []*code.Module) (int, error) {
	n, err := StartNode(out, modules)
	if err != nil {
		return 0, err
	}
	defer n.Stop()
	sh := shell.New(n, out)
	err = sh.Run(context.Background(), in)
	return sh.ExitStatus(), err
}

// RunConsole is Run at a terminal, with line editing and history; in and
// out must be *os.File.
func RunConsole(in io.Reader, out io.Writer, modules []*code.Module) (int, error) {
	inf, ok1 := in.(*os.File)
	outf, ok2 := out.(*os.File)
	if !ok1 || !ok2 {
		return Run(in, out, modules)
	}
	c, err := shell.OpenConsole(inf, outf)
	if err != nil {
		return 0, err
	}
	defer c.Close()
	n, err := StartNode(c, modules)
	if err != nil {
		return 0, err
	}
	defer n.Stop()
	sh := shell.New(n, c)
	err = sh.RunConsole(context.Background(), c)
	return sh.ExitStatus(), err
}

// StartNode starts a node whose io output and reports go to out, with the
// runtime's modules (see Loaders) and modules loaded.
func StartNode(out io.Writer, modules []*code.Module) (*otp.Node, error) {
	n, err := otp.NewNode(otp.Stdout(out), otp.Logger(slog.New(shell.ReportHandler(out))))
	if err != nil {
		return nil, err
	}
	for _, load := range Loaders {
		if err := load(n); err != nil {
			n.Stop()
			return nil, err
		}
	}
	for _, m := range modules {
		if _, err := code.Of(n).Load(m); err != nil {
			n.Stop()
			return nil, err
		}
	}
	return n, nil
}

// Loaders load the runtime's modules that a shell user calls by name
// (erlang, lists, io, ...), in order, into every chapter's node.
var Loaders = []func(*otp.Node) error{
	stdlib.Load,
	ets.Load,
	proclib.Load,
	sys.Load,
	genserver.Load,
}

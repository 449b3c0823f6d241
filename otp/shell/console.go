package shell

import (
	"context"
	"fmt"
	"io"
	"os"

	"golang.org/x/term"
)

// A Console is a terminal the shell runs at: the terminal is put in raw
// mode, and lines are read with editing (arrows, Home, End, Ctrl-A, Ctrl-E,
// Ctrl-K, ...) and history (up and down), as erl's shell reads them.
// Ctrl-D on an empty line, or Ctrl-C, ends the shell.
//
// A Console is also where output goes: the shell's, and that of the
// node's processes (otp.Stdout), which it writes without garbling the line
// being typed.
type Console struct {
	t     *term.Terminal
	fd    int
	state *term.State
}

// IsTerminal reports whether f is a terminal.
func IsTerminal(f *os.File) bool { return term.IsTerminal(int(f.Fd())) }

// OpenConsole puts the terminal in raw mode and returns a Console over it
// (reading from in, writing to out). Close restores the terminal.
func OpenConsole(in, out *os.File) (*Console, error) {
	fd := int(in.Fd())
	state, err := term.MakeRaw(fd)
	if err != nil {
		return nil, fmt.Errorf("shell: console: %w", err)
	}
	rw := struct {
		io.Reader
		io.Writer
	}{in, out}
	return &Console{t: term.NewTerminal(rw, ""), fd: fd, state: state}, nil
}

// Write writes output above the line being typed.
func (c *Console) Write(p []byte) (int, error) { return c.t.Write(p) }

// Close restores the terminal to the state it was in.
func (c *Console) Close() error { return term.Restore(c.fd, c.state) }

// RunConsole runs the shell at a console, as Run does over plain input.
// The shell's output should be the console (New(n, c)).
func (s *Shell) RunConsole(ctx context.Context, c *Console) error {
	return s.loop(ctx, consoleInput{c})
}

// consoleInput reads lines at a terminal, which shows the prompt.
type consoleInput struct{ c *Console }

func (in consoleInput) start(prompt string, complete bool) {
	if complete { // no line is read, so the terminal shows no prompt
		in.c.t.Write([]byte(prompt))
	}
}

func (in consoleInput) readLine(prompt string) (string, error) {
	in.c.t.SetPrompt(prompt)
	line, err := in.c.t.ReadLine()
	if err != nil {
		return "", err
	}
	return line + "\n", nil
}

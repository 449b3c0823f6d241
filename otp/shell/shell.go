package shell

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"strings"
	"sync/atomic"
	"time"

	"github.com/scalability-go/otpbook/otp"
	"github.com/scalability-go/otpbook/otp/term"
)

// printOptions are the options erl's shell prints a result with.
var printOptions = term.PrintOptions{Column: 1, LineLength: 80, LineMaxChars: 60, Unicode: true}

// Shell is an Erlang shell over a node: it reads forms (expressions ended
// by a dot), evaluates them and prints their values as erl does.
//
// As in erl, two processes are at work: the shell process, which reads,
// keeps the variable bindings and prints, and an evaluator process, which
// evaluates. Expressions run in the evaluator: self() is its pid, and
// flush() shows its mailbox. An exception, or an exit signal that kills
// the evaluator, is printed as erl prints it, and a new evaluator takes
// over with the bindings the shell kept, so self() changes, as in erl.
type Shell struct {
	node *otp.Node
	out  io.Writer
	// Banner is printed when the shell starts. The default names the
	// shell; an empty string prints nothing.
	Banner string

	self     *otp.Process // the shell process
	ev       *Evaluator   // shared by the evaluator processes: it keeps the records
	bindings Bindings
	pending  string // input after the last form's full stop
	count    int    // the number of the next prompt
	evalPid  term.Pid
	evalMon  term.Ref
	running  bool // an evaluator exists
	// Set by q() and halt(), which may run in any process that calls a
	// fun made in the shell, hence atomic.
	quit   atomic.Bool
	halted atomic.Bool  // quit by halt(), which prints nothing more
	status atomic.Int32 // the exit status halt(Status) asked for
}

// New makes a shell over node n that prints to out.
func New(n *otp.Node, out io.Writer) *Shell {
	s := &Shell{node: n, out: out, count: 1,
		Banner: "Eshell on Go, Erlang/OTP 25 semantics  (q(). quits)"}
	s.ev = s.newEvaluator()
	return s
}

// Run reads forms from in until q(), the end of the input, or ctx is done,
// and returns nil, or the error reading in gave. It runs in the calling
// goroutine, which it makes the shell process of the node. Input that is
// not a terminal is read as erl reads it then: the prompt is printed once
// for each form, and the input is not echoed. RunConsole runs the shell
// at a terminal.
func (s *Shell) Run(ctx context.Context, in io.Reader) error {
	return s.loop(ctx, plainInput{r: bufio.NewReader(in), out: s.out})
}

// loop is the read-eval-print loop over a source of lines.
func (s *Shell) loop(ctx context.Context, src lineSource) error {
	s.self = s.node.Attach()
	defer s.self.Detach()
	if s.Banner != "" {
		fmt.Fprintln(s.out, s.Banner)
	}
	for !s.quit.Load() {
		if err := ctx.Err(); err != nil {
			return err
		}
		s.noticeDeath()
		form, err := s.readForm(s.prompt(), src)
		if form == "" && err != nil {
			if errors.Is(err, io.EOF) {
				// The end of the input stops the node, as in erl,
				// after the prompt already shown.
				fmt.Fprintf(s.out, "*** Terminating erlang (%s)\n", s.node.Name())
				return nil
			}
			return err
		}
		s.eval(form)
		if err != nil && !errors.Is(err, io.EOF) {
			return err
		}
	}
	if s.halted.Load() {
		return nil // halt() ends at once, saying nothing
	}
	// As in erl, q() stops the node while the shell already shows its
	// next prompt.
	fmt.Fprintf(s.out, "%s*** Terminating erlang (%s)\n", s.prompt(), s.node.Name())
	return nil
}

// ExitStatus is the status with which the program should exit once Run
// or RunConsole returned: Status for halt(Status), 0 otherwise.
func (s *Shell) ExitStatus() int { return int(s.status.Load()) }

// prompt is N> on a node that is not distributed, (name@host)N> otherwise.
func (s *Shell) prompt() string {
	if name := s.node.Name(); name != "nonode@nohost" {
		return fmt.Sprintf("(%s)%d> ", name, s.count)
	}
	return fmt.Sprintf("%d> ", s.count)
}

// readForm reads lines until they hold a complete form, and returns the
// text up to its end. As in erl, the full stop takes one white space
// character after it, and what follows on the line is the start of the
// next form: "1. 2." are two forms, and after "1. % note" the next form
// begins with the comment, so its lines count from there.
func (s *Shell) readForm(prompt string, src lineSource) (string, error) {
	buf := s.pending
	s.pending = ""
	_, complete := Complete(buf)
	src.start(prompt, complete)
	for {
		if end, ok := Complete(buf); ok {
			rest := buf[end:]
			if rest != "" && strings.ContainsRune(" \t\r\n", rune(rest[0])) {
				rest = rest[1:]
			}
			s.pending = rest
			return buf[:end], nil
		}
		line, err := src.readLine(prompt)
		buf += line
		if err != nil {
			if _, ok := Complete(buf); ok {
				continue
			}
			if strings.TrimSpace(buf) == "" {
				return "", err
			}
			return buf, err
		}
	}
}

// lineSource is where the shell's input comes from: plain input, or a
// terminal.
type lineSource interface {
	// start begins a form: complete tells that it is already read (the
	// rest of a line that held several forms).
	start(prompt string, complete bool)
	readLine(prompt string) (string, error)
}

// plainInput is input that is not a terminal: the prompt is printed once
// for each form, and the input is not echoed.
type plainInput struct {
	r   *bufio.Reader
	out io.Writer
}

func (in plainInput) start(prompt string, _ bool) { fmt.Fprint(in.out, prompt) }

func (in plainInput) readLine(string) (string, error) { return in.r.ReadString('\n') }

// eval parses, evaluates and prints one form.
func (s *Shell) eval(src string) {
	exprs, err := Parse(src)
	if err != nil {
		fmt.Fprintln(s.out, err)
		return
	}
	s.count++
	s.ensureEvaluator()
	ref := s.self.MakeRef()
	s.self.Send(s.evalPid, request{ref: ref, exprs: exprs, bindings: s.bindings})
	match := func(m any) bool {
		switch m := m.(type) {
		case result:
			return m.ref == ref
		case otp.DownMsg:
			return m.Ref == s.evalMon
		}
		return false
	}
	// The wait is finite and renewed, not infinite: a timer that is due
	// keeps a form that waits for ever (a receive nothing matches) waiting,
	// as it does in erl, where Go would end the program once every
	// goroutine waits ("all goroutines are asleep").
	var msg any
	for {
		m, ok := s.self.ReceiveRef(ref, match, time.Hour)
		if ok {
			msg = m
			break
		}
	}
	s.settle()
	switch m := msg.(type) {
	case result:
		if m.exc != nil {
			if _, ok := CommandErrorOf(m.exc); !ok {
				s.awaitDeath()
			}
			s.printException(m.exc)
			return
		}
		if s.diedMeanwhile() {
			// A process linked to the evaluator took it down as the
			// form ended: as in erl, the value is lost with it.
			return
		}
		s.bindings = m.bindings
		if s.halted.Load() {
			return
		}
		fmt.Fprintln(s.out, term.Pretty(m.value, s.printOpts(1)))
	case otp.DownMsg:
		s.running = false
		s.printException(exitException(m.Reason))
	}
}

// settle gives the processes the form woke a moment to run before the
// result is printed and the next form read: until every process but the
// evaluator waits in a receive, for at most settleTime. Erlang promises no
// order here; erl's output comes out settled because printing a result
// takes several messages through its io servers, and sessions such as
// "Pid ! {self(), hello}. flush()." rely on it.
func (s *Shell) settle() {
	const settleTime = 20 * time.Millisecond
	pids := s.node.Processes()
	if len(pids) > 1000 {
		return
	}
	deadline := time.Now().Add(settleTime)
	for time.Now().Before(deadline) {
		busy, died := false, false
		for _, pid := range pids {
			if pid == s.evalPid || pid == s.self.Self() {
				continue
			}
			info, ok := s.node.ProcessInfo(pid)
			switch {
			case !ok:
				died = true
			case info.Status != "waiting":
				busy = true
			}
		}
		if !busy {
			if died && s.running {
				// A process that died may still be signalling its
				// links: give the evaluator's end, if it comes, a moment
				// to arrive.
				msg, ok := s.self.ReceiveMatch(func(m any) bool {
					d, ok := m.(otp.DownMsg)
					return ok && d.Ref == s.evalMon
				}, 5*time.Millisecond)
				if ok {
					s.self.Send(s.self.Self(), msg) // for noticeDeath
				}
			}
			return
		}
		time.Sleep(50 * time.Microsecond)
	}
}

func (s *Shell) printException(exc *otp.Exception) {
	if ce, ok := CommandErrorOf(exc); ok {
		fmt.Fprintln(s.out, "* "+ce.Error())
		return
	}
	fmt.Fprintln(s.out, FormatExceptionRecords(exc, s.recordFields))
}

// awaitDeath waits for the evaluator, which raised an exception, to end,
// so that its end is not reported again.
func (s *Shell) awaitDeath() {
	s.self.ReceiveMatch(func(m any) bool {
		d, ok := m.(otp.DownMsg)
		return ok && d.Ref == s.evalMon
	}, otp.Infinity)
	s.running = false
}

// diedMeanwhile reports, and says, whether the evaluator has died since it
// answered.
func (s *Shell) diedMeanwhile() bool {
	was := s.running
	s.noticeDeath()
	return was && !s.running
}

// noticeDeath reports an evaluator that died between forms, of an exit
// signal from a process linked to it.
func (s *Shell) noticeDeath() {
	if !s.running {
		return
	}
	msg, ok := s.self.ReceiveMatch(func(m any) bool {
		d, ok := m.(otp.DownMsg)
		return ok && d.Ref == s.evalMon
	}, 0)
	if !ok {
		return
	}
	s.running = false
	s.printException(exitException(msg.(otp.DownMsg).Reason))
}

// exitException is the exception erl's shell reports for an evaluator
// that an exit signal ended: a reason {R, Stacktrace} is exit R raised at
// Stacktrace, as the shell sees it.
func exitException(reason term.Term) *otp.Exception {
	if t, ok := reason.(term.Tuple); ok && len(t) == 2 {
		if st, ok := t[1].(term.List); ok && len(st) > 0 && isStacktrace(st) {
			return &otp.Exception{Class: otp.ClassExit, Reason: t[0], Stack: st}
		}
	}
	return &otp.Exception{Class: otp.ClassExit, Reason: reason}
}

// isStacktrace reports whether every entry is {M, F, ArityOrArgs, Location}.
func isStacktrace(st term.List) bool {
	for _, e := range st {
		f, ok := e.(term.Tuple)
		if !ok || len(f) != 4 {
			return false
		}
		if _, ok := f[0].(term.Atom); !ok {
			return false
		}
		if _, ok := f[3].(term.List); !ok {
			return false
		}
	}
	return true
}

// request asks the evaluator to evaluate a form.
type request struct {
	ref      term.Ref
	exprs    []Expr
	bindings Bindings
}

// result is the evaluator's answer.
type result struct {
	ref      term.Ref
	value    term.Term
	bindings Bindings
	exc      *otp.Exception
}

// ensureEvaluator starts an evaluator if there is none.
func (s *Shell) ensureEvaluator() {
	if s.running {
		return
	}
	// A DOWN of the evaluator that died is taken, so that it is not
	// reported again.
	s.self.ReceiveMatch(func(m any) bool {
		d, ok := m.(otp.DownMsg)
		return ok && d.Ref == s.evalMon
	}, 0)
	s.evalPid, s.evalMon = s.self.SpawnOpt(s.evaluator, otp.SpawnOptions{
		Monitor:     true,
		InitialCall: &otp.MFA{Module: "erlang", Function: "apply", Arity: 2},
	})
	s.running = true
}

// evaluator is the body of the evaluator process: it evaluates forms until
// one raises an exception, which ends it with the exception's reason, as
// erl's evaluator ends.
func (s *Shell) evaluator(p *otp.Process) {
	p.SetOutput(s.out)
	ev := s.ev
	shell := s.self.Self()
	for {
		// Only requests: the messages sent to self() in the shell stay
		// for receive and flush().
		m, _ := p.ReceiveMatch(func(m any) bool { _, ok := m.(request); return ok }, otp.Infinity)
		req := m.(request)
		var v term.Term
		b := req.bindings
		exc := otp.Catch(func() { v, b = ev.Exprs(p, req.exprs, b) })
		if exc == nil {
			p.Send(shell, result{ref: req.ref, value: v, bindings: b})
			continue
		}
		p.Send(shell, result{ref: req.ref, exc: exc})
		if _, ok := CommandErrorOf(exc); !ok {
			otp.Exit(exc.ExitReason())
		}
	}
}

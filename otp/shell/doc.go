// Package shell is the Erlang shell over a node: it reads expressions
// ended by a dot, evaluates them and prints their values as erl 25 does,
// so that the book's sessions can be typed as the book prints them.
//
//	n, _ := otp.NewNode()
//	stdlib.Load(n) // erlang, lists, maps, io, ... by name
//	shell.New(n, os.Stdout).Run(ctx, os.Stdin)
//
// Its parts follow erl's:
//
//   - Parse and Complete are erl_scan and erl_parse for shell forms: the
//     whole expression language, with erl's syntax error messages
//     ("* 1:5: syntax error before: ')'").
//   - Evaluator is erl_eval: patterns, guards, funs (which print as
//     #Fun<erl_eval...> and can be called by any process), case, if,
//     receive, try, catch, comprehensions, maps, binaries and records,
//     with the check erl's shell makes first (unbound and unsafe
//     variables). Remote calls go through the node's code server, but for
//     ets:fun2ms(Fun) with a literal fun, which the evaluator turns into a
//     match specification as ms_transform does in erl's shell.
//   - FormatException is erl_error: exceptions printed as the shell prints
//     them, with the extended "called as" and "*** argument N" lines of
//     OTP 25.
//   - Shell is the read-eval-print loop: prompts, multi-line input, an
//     evaluator process that a crash or a kill replaces (so self()
//     changes, as in erl) while the bindings stay, the shell commands
//     (flush, b, f, q, halt, help, i, regs, rd, rr, rl, rf, rp), and
//     reports printed as erl prints them (ReportHandler). RunConsole adds
//     line editing and history at a terminal.
//
// testdata/session.txt is typed into this shell and into a real erl by the
// tests; the outputs are the same but for pids, references and fun ids.
//
// # Differences from erl
//
//   - The banner differs, and ^C and ^G (job control) end the shell.
//   - Functions of Go modules have no Erlang file and line, so errors in
//     them print no "(file.erl, line N)".
//   - erl_eval's own frames ("in call from erl_eval:...") do not appear:
//     the evaluator is Go.
//   - Before printing a value, the shell gives the processes the form woke
//     up to 20 ms to settle. erl's output comes out settled because
//     printing goes through its io servers; Erlang promises no order.
package shell

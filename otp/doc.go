// Package otp is the process runtime: what Erlang's erlang module gives a
// program. A Node holds processes; a process is a goroutine with a mailbox
// that it receives from selectively, links and monitors that tell it when
// other processes end, and exit signals that end it or, when it traps
// exits, reach it as messages. Names, timers and references complete it.
// The behaviours (gen_server, supervisor, ...) are built on this package in
// its subpackages.
//
// Real Erlang/OTP 25 is the specification: the semantics of exit signals,
// links and monitors follow OTP's to the letter, and the tests name the
// cases of OTP's behaviour they check.
//
// # Processes
//
// A process runs a func(*Process). The *Process is the process's handle
// to itself, Erlang's self(): it sends, receives, spawns, links and
// monitors. It belongs to its goroutine. Code that is not a process, such as
// a main function or a test, becomes one with Node.Attach:
//
//	n, _ := otp.NewNode()
//	defer n.Stop()
//	self := n.Attach()
//	defer self.Detach()
//	echo := self.Spawn(func(p *otp.Process) {
//		msg := p.Receive().(term.Tuple)
//		p.Send(msg[0].(term.Pid), msg[1])
//	})
//	self.Send(echo, term.Tuple{self.Self(), term.Atom("hello")})
//	fmt.Println(self.Receive()) // hello
//
// # Messages
//
// Inside a node a message can be any Go value; a struct is the natural Go
// form of a tagged tuple. Only terms (package term) cross to other nodes.
// The runtime's own messages, ExitMsg, DownMsg and TimeoutMsg, are structs
// that stand for the tuples {'EXIT', Pid, Reason}, {'DOWN', Ref, process,
// Item, Reason} and {timeout, Ref, Msg}.
//
// Mailboxes are unbounded. Receive takes the oldest message; ReceiveMatch
// takes the oldest one a function accepts and leaves the rest in order, as
// a receive with patterns does, with an after timeout that messages do not
// restart. ReceiveRef waits for a reply tagged with a reference just made
// without looking at older messages, so a call stays fast when the
// caller's mailbox is deep.
//
// # Exits
//
// A process ends with reason normal when its function returns. Exit,
// Error and Throw raise Erlang's exceptions as Go panics, and Catch
// catches them; an uncaught exception, or a Go panic, ends the process
// with the reason Erlang would give: Reason, {Reason, Stack} or
// {{nocatch, Reason}, Stack}. A process that ends of an error or a throw is
// logged as "Error in process <0.N.0> with exit value: ...", through the
// node's log/slog logger.
//
// Exit signals follow OTP: normal is ignored by a process that does not
// trap exits, except one it sends itself; kill sent with SendExit cannot be
// trapped and reaches links as killed, while a process that ends with
// reason kill sends its links kill, which they may trap; a link to a
// process that does not exist gives noproc; Unlink does not take back an
// {'EXIT', ...} message already queued.
//
// # Kill, honestly
//
// Go cannot stop a goroutine from outside. A killed process is dead at
// once for everyone: it is not alive, its name is free, its links and
// monitors have fired, its mailbox is closed and its Context is done. Its
// goroutine unwinds (runtime.Goexit, so deferred calls run) at its next
// call into the runtime. A loop that never calls the runtime goes on
// running until it does; long computations should watch Context.
//
// # Differences from Erlang
//
//   - Pids print as <0.ID.Serial>: a node prints every pid as its own
//     until distribution gives other nodes' pids their index.
//   - Stacktraces are Go's: {Package, Function, 0, [{file, F}, {line, L}]},
//     as Go does not record arities.
//   - ProcessInfo's current function is the initial call, or the label
//     when one is set: Go cannot look into another goroutine's stack.
//   - Calls that Erlang makes raise badarg return an error wrapping
//     ErrBadarg, and Link returns ErrNoproc where link/1 raises noproc.
package otp

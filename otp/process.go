package otp

import (
	"context"
	"io"
	"reflect"
	"runtime"
	"sync"
	"sync/atomic"
	"time"

	"github.com/scalability-go/otpbook/otp/term"
)

// A Process is an Erlang process: a goroutine with a mailbox, links,
// monitors and an exit reason. Its body is a func(*Process); everything
// that acts as "self" (Receive, Link, Monitor, SendExit to oneself, ...) is
// a method of the *Process the body is given.
//
// A *Process belongs to its own goroutine: only that goroutine may call its
// methods, except Self, Node and Context. Other processes reach it by its
// pid. Code that is not a process (a main function, a test) becomes one
// with Node.Attach.
//
// # Kill
//
// Go cannot stop a goroutine from outside. When a process is killed (or
// dies of a linked process's exit signal) it is dead at once for every
// other process: it is no longer alive, its name is free, its links and
// monitors have fired and its mailbox takes no more messages. Its
// Context is cancelled. Its goroutine unwinds, running its deferred
// calls, at its next call into the runtime (a receive, a send, a spawn,
// a link, ...). A loop that never calls the runtime keeps running until it
// does or until it notices that Context is done; Node.Stop waits for it.
type Process struct {
	node     *Node
	num      uint64 // the pid's number
	mu       sync.Mutex
	dead     atomic.Bool
	attached bool
	waiting  bool // blocked in a receive, and no one has woken it yet
	waitAny  bool // ... for any message: a sender may hand it one
	trapExit bool
	// wake is how a waiting process is woken, made the first time it
	// waits. Whoever sets waiting from true to false, under the lock,
	// sends one value on it, which the process takes before its receive
	// returns: the message itself when the process waits for any message
	// and the mailbox is empty, or a token telling it to look again. So
	// wake is empty whenever the process is not in a receive.
	wake   chan any
	mbox   *mailbox
	links  map[term.Pid]struct{}
	fn     func(*Process) // the body, for the initial call
	reason *term.Term     // the exit reason, once dead

	x *extra // what fewer processes use
}

// extra holds a process's less used state, made when first needed, so that
// an idle process stays small.
type extra struct {
	monitors    monSet                // monitors this process holds
	monitoredBy monSet                // monitors on this process
	timers      map[term.Ref]struct{} // timers whose destination this is
	dict        map[any]any
	ctx         context.Context
	cancel      context.CancelFunc
	label       term.Term
	initialCall *MFA
	output      io.Writer // where io output goes, if not the node's
	name        term.Atom // the registered name
	onExit      map[any]func(term.Pid, term.Term)
	// recvTimer wakes the process when the receive it waits in times out
	// (see Process.armTimer); it is due at timerAt, and the receive's
	// deadline is waitDeadline. All three are guarded by the process's
	// lock.
	hibernating  bool // in Hibernate
	recvTimer    *time.Timer
	timerAt      time.Time
	waitDeadline time.Time
}

// regName returns the registered name, or "".
func (p *Process) regName() term.Atom {
	if p.x == nil {
		return ""
	}
	return p.x.name
}

func (p *Process) ext() *extra {
	if p.x == nil {
		p.x = &extra{}
	}
	return p.x
}

// SpawnOptions are the options of Process.SpawnOpt, as erlang:spawn_opt
// takes them.
type SpawnOptions struct {
	// Link links the new process to its parent, atomically with its
	// creation.
	Link bool
	// Monitor makes the parent monitor the new process, atomically with
	// its creation.
	Monitor bool
	// InitialCall is what process_info reports as the initial call. The
	// default names the body's Go function as {Package, Function, 1}.
	InitialCall *MFA
}

// Spawn starts a process running fn and returns its pid, as spawn/1 does.
// The process ends with reason normal when fn returns, and with an
// exception's reason when fn raises one (see Exception).
func (p *Process) Spawn(fn func(*Process)) term.Pid {
	pid, _ := p.SpawnOpt(fn, SpawnOptions{})
	return pid
}

// SpawnLink starts a process linked to the caller, as spawn_link/1 does.
// The link exists before the new process runs, so a child that exits at
// once still sends its exit signal.
func (p *Process) SpawnLink(fn func(*Process)) term.Pid {
	pid, _ := p.SpawnOpt(fn, SpawnOptions{Link: true})
	return pid
}

// SpawnMonitor starts a process monitored by the caller, as
// spawn_monitor/1 does, and returns its pid and the monitor's reference.
// The monitor exists before the new process runs.
func (p *Process) SpawnMonitor(fn func(*Process)) (term.Pid, term.Ref) {
	return p.SpawnOpt(fn, SpawnOptions{Monitor: true})
}

// SpawnOpt starts a process with options, as erlang:spawn_opt does. The
// reference is that of the monitor when o.Monitor is set.
//
// A nil fn raises error badarg in the caller, as spawn does for a value
// that is not a fun.
func (p *Process) SpawnOpt(fn func(*Process), o SpawnOptions) (term.Pid, term.Ref) {
	p.check()
	if fn == nil {
		Error(term.Atom("badarg"))
	}
	c, ref := p.node.spawn(fn, p, o)
	return c.Self(), ref
}

// Spawn starts a process that has no parent, for code that is not itself
// a process. A nil fn raises error badarg.
func (n *Node) Spawn(fn func(*Process)) term.Pid {
	if fn == nil {
		Error(term.Atom("badarg"))
	}
	c, _ := n.spawn(fn, nil, SpawnOptions{})
	return c.Self()
}

func (n *Node) newProcess() *Process {
	return &Process{node: n, num: n.nextPid.Add(1)}
}

func (n *Node) spawn(fn func(*Process), parent *Process, o SpawnOptions) (*Process, term.Ref) {
	c := n.newProcess()
	c.fn = fn
	if parent != nil {
		// Others make the parent's extra under its lock.
		parent.mu.Lock()
		var out io.Writer
		if parent.x != nil {
			out = parent.x.output
		}
		parent.mu.Unlock()
		if out != nil {
			c.ext().output = out
		}
	}
	if o.InitialCall != nil {
		ic := *o.InitialCall
		c.ext().initialCall = &ic
	}
	var ref term.Ref
	if parent != nil && o.Monitor {
		ref = parent.newMonitorRef()
	}
	if parent != nil && (o.Link || o.Monitor) {
		parent.mu.Lock()
		// A parent killed meanwhile keeps no monitor; its link is
		// made, so that relink below gives the child its exit signal.
		if o.Link {
			c.links = map[term.Pid]struct{}{parent.Self(): {}}
			if !parent.dead.Load() {
				parent.addLink(c.Self())
			}
		}
		if o.Monitor && !parent.dead.Load() {
			key, _ := n.refNumber(ref)
			m := &monitor{key: key, watcher: parent, target: c}
			c.ext().monitoredBy.put(key, m)
			parent.addMonitor(m)
		}
		parent.mu.Unlock()
	}
	n.live.Add(1)
	n.procs.store(c.num, c)
	if parent != nil && o.Link {
		n.relink(parent, c) // the parent was killed while spawning
	}
	if n.stopped.Load() {
		n.terminate(c, Killed)
	}
	if c.dead.Load() {
		n.goroutineDone()
		return c, ref
	}
	go c.run(fn)
	return c, ref
}

// Attach makes the calling goroutine a process of the node, for code that
// is not one (a main function, a test): the returned process can send,
// receive, link and monitor like any other. Detach ends it.
//
// An attached process that is killed cannot be unwound as a spawned one
// is: its next call into the runtime panics with an *Exception of class
// exit carrying its exit reason, as the Erlang shell reports
// "** exception exit: killed".
func (n *Node) Attach() *Process {
	p := n.newProcess()
	p.attached = true
	n.procs.store(p.num, p)
	if n.stopped.Load() {
		n.terminate(p, Killed)
	}
	return p
}

// Detach ends an attached process with reason normal. It does nothing if
// the process has already ended.
func (p *Process) Detach() {
	p.node.terminate(p, Normal)
}

// run is the goroutine of a spawned process.
func (p *Process) run(fn func(*Process)) {
	defer p.node.goroutineDone()
	returned := false
	defer func() {
		if returned {
			p.node.terminate(p, Normal)
			return
		}
		v := recover()
		if v == nil {
			// runtime.Goexit: the unwinding of a killed process, or a
			// body that called it itself (t.FailNow, for one).
			p.node.terminate(p, term.Atom("goexit"))
			return
		}
		exc := exceptionOf(v, 4)
		reason := exc.ExitReason()
		if exc.Class != ClassExit && !p.dead.Load() {
			p.node.logCrash(p.Self(), reason)
		}
		p.node.terminate(p, reason)
	}()
	fn(p)
	returned = true
}

// check unwinds the calling process if it has been killed. Every method
// that acts for a process calls it first.
func (p *Process) check() {
	if p.dead.Load() {
		p.unwind()
	}
}

func (p *Process) unwind() {
	if p.attached {
		p.mu.Lock()
		reason := *p.reason
		p.mu.Unlock()
		panic(&Exception{Class: ClassExit, Reason: reason, death: true})
	}
	runtime.Goexit()
}

// Self returns the process's pid, as self() does.
func (p *Process) Self() term.Pid { return p.node.pidOf(p.num) }

// Node returns the node the process runs on.
func (p *Process) Node() *Node { return p.node }

// Context returns a context that is cancelled when the process ends, for
// the Go APIs a process calls that block on I/O. It may be called from any
// goroutine.
func (p *Process) Context() context.Context {
	p.mu.Lock()
	defer p.mu.Unlock()
	x := p.ext()
	if x.ctx == nil {
		x.ctx, x.cancel = context.WithCancel(p.node.ctx)
		if p.dead.Load() {
			x.cancel()
		}
	}
	return x.ctx
}

// TrapExit sets whether the process traps exits and returns the old
// setting, as process_flag(trap_exit, On) does. A process that traps exits
// receives exit signals as ExitMsg messages instead of dying of them,
// except kill sent with SendExit.
func (p *Process) TrapExit(on bool) bool {
	p.check()
	p.mu.Lock()
	old := p.trapExit
	p.trapExit = on
	p.mu.Unlock()
	return old
}

// Put sets a value in the process dictionary and returns the old one (nil
// if there was none), as put/2 does.
func (p *Process) Put(key, value any) any {
	p.mu.Lock()
	defer p.mu.Unlock()
	x := p.ext()
	old := x.dict[key]
	if x.dict == nil {
		x.dict = make(map[any]any)
	}
	x.dict[key] = value
	return old
}

// Get returns a value of the process dictionary, or nil, as get/1 does.
func (p *Process) Get(key any) any {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.x == nil {
		return nil
	}
	return p.x.dict[key]
}

// Dictionary returns the process dictionary as get/0 does: a list of
// {Key, Value} pairs, in no particular order.
func (p *Process) Dictionary() []term.Tuple {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.x == nil || len(p.x.dict) == 0 {
		return nil
	}
	d := make([]term.Tuple, 0, len(p.x.dict))
	for k, v := range p.x.dict {
		d = append(d, term.Tuple{k, v})
	}
	return d
}

// Erase removes a value from the process dictionary and returns it, as
// erase/1 does.
func (p *Process) Erase(key any) any {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.x == nil {
		return nil
	}
	old := p.x.dict[key]
	delete(p.x.dict, key)
	return old
}

// Output returns where the process's io output goes: the writer it set
// with SetOutput or inherited from the process that spawned it, or else the
// node's standard output. It stands for Erlang's group leader, which a
// process also inherits, and which is how output of processes spawned from
// the shell reaches the shell.
func (p *Process) Output() io.Writer {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.x != nil && p.x.output != nil {
		return p.x.output
	}
	return p.node.stdout
}

// SetOutput sets where the process's io output goes, as group_leader/2
// does; nil goes back to the node's standard output.
func (p *Process) SetOutput(w io.Writer) {
	p.mu.Lock()
	p.ext().output = w
	p.mu.Unlock()
}

// SetLabel sets the process's label, which ProcessInfo reports, as
// proc_lib:set_label/1 does.
func (p *Process) SetLabel(label term.Term) {
	p.mu.Lock()
	p.ext().label = label
	p.mu.Unlock()
}

// funcMFA names a Go function as {Package, Function, 1}.
func funcMFA(fn func(*Process)) MFA {
	if fn == nil {
		return MFA{Module: "erlang", Function: "apply", Arity: 2}
	}
	f := runtime.FuncForPC(reflect.ValueOf(fn).Pointer())
	if f == nil {
		return MFA{Module: "erlang", Function: "apply", Arity: 2}
	}
	mod, fun := splitFuncName(f.Name())
	return MFA{Module: term.Atom(mod), Function: term.Atom(fun), Arity: 1}
}

package otp

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"math/rand/v2"
	"os"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/scalability-go/otpbook/otp/term"
)

// A Node is an Erlang node: it owns a table of processes, their registered
// names, timers and references, and whatever the packages above this one
// keep per node (ETS tables, modules, applications). There is no global
// state: several nodes can live in one OS process, each with its own
// processes, and a test makes its own.
//
// The methods of Node may be called from any goroutine.
type Node struct {
	name     term.Atom
	creation uint32
	logger   *slog.Logger
	stdout   io.Writer
	salt     uint32

	ctx    context.Context
	cancel context.CancelFunc

	procs   procTable
	nextPid atomic.Uint64
	nextRef atomic.Uint64

	regMu sync.RWMutex
	names map[term.Atom]*Process

	timerMu sync.Mutex
	timers  map[term.Ref]*timer

	valMu  sync.Mutex
	values map[any]any

	live     atomic.Int64 // goroutines of spawned processes still running
	stopped  atomic.Bool
	stopOnce sync.Once
	idle     chan struct{} // closed when stopped and live reaches zero
	idleOnce sync.Once
}

// An Option configures a node made by NewNode.
type Option func(*Node) error

// Name sets the node's name, Name@Host. A node that is not distributed is
// nonode@nohost, which is the default.
func Name(name string) Option {
	return func(n *Node) error {
		local, host, ok := strings.Cut(name, "@")
		if !ok || local == "" || host == "" || strings.Contains(host, "@") {
			return fmt.Errorf("otp: invalid node name %q: want name@host: %w", name, term.ErrBadarg)
		}
		n.name = term.Atom(name)
		return nil
	}
}

// Creation sets the node's creation, the number that tells apart
// successive incarnations of a node with the same name in the pids and
// references it makes. It is 0 for a node that is not distributed.
func Creation(c uint32) Option {
	return func(n *Node) error { n.creation = c; return nil }
}

// Logger sets where the node's reports go. The default is slog.Default().
func Logger(l *slog.Logger) Option {
	return func(n *Node) error {
		if l == nil {
			return fmt.Errorf("otp: nil logger: %w", term.ErrBadarg)
		}
		n.logger = l
		return nil
	}
}

// Stdout sets where the io output of the node's processes goes, unless a
// process sets its own (Process.SetOutput). The default is os.Stdout.
func Stdout(w io.Writer) Option {
	return func(n *Node) error {
		if w == nil {
			return fmt.Errorf("otp: nil stdout: %w", term.ErrBadarg)
		}
		n.stdout = w
		return nil
	}
}

// NewNode makes a node. It is running at once and runs until Stop.
func NewNode(opts ...Option) (*Node, error) {
	n := &Node{
		name:   "nonode@nohost",
		logger: slog.Default(),
		stdout: os.Stdout,
		salt:   rand.Uint32(),
		names:  make(map[term.Atom]*Process),
		timers: make(map[term.Ref]*timer),
		idle:   make(chan struct{}),
	}
	for _, o := range opts {
		if err := o(n); err != nil {
			return nil, err
		}
	}
	n.ctx, n.cancel = context.WithCancel(context.Background())
	return n, nil
}

// Name returns the node's name, as node() does.
func (n *Node) Name() term.Atom { return n.name }

// Creation returns the node's creation.
func (n *Node) Creation() uint32 { return n.creation }

// Logger returns the logger the node's reports go to.
func (n *Node) Logger() *slog.Logger { return n.logger }

// Context returns a context that is cancelled when the node stops.
func (n *Node) Context() context.Context { return n.ctx }

// Value returns the node's value for key, calling create to make it the
// first time it is asked for. Packages built on this one keep their
// per-node state here (an ETS table registry, a code server) under an
// unexported key type of their own, as context values are keyed.
//
// create runs without a lock held, so it may itself ask for other values;
// if two goroutines create a value at once, the first stored wins.
func (n *Node) Value(key any, create func() any) any {
	n.valMu.Lock()
	v, ok := n.values[key]
	n.valMu.Unlock()
	if ok {
		return v
	}
	made := create()
	n.valMu.Lock()
	defer n.valMu.Unlock()
	if v, ok := n.values[key]; ok {
		return v
	}
	if n.values == nil {
		n.values = make(map[any]any)
	}
	n.values[key] = made
	return made
}

// MakeRef returns a reference unique on this node, as make_ref() does.
func (n *Node) MakeRef() term.Ref {
	return n.refOf(n.nextRef.Add(1))
}

func (n *Node) refOf(c uint64) term.Ref {
	return term.Ref{Node: n.name, Creation: n.creation, N: 3,
		ID: [5]uint32{uint32(c), uint32(c >> 32), n.salt}}
}

// refNumber returns the counter a reference of this node was made from.
func (n *Node) refNumber(r term.Ref) (uint64, bool) {
	if r.Node != n.name || r.Creation != n.creation || r.N != 3 || r.ID[2] != n.salt {
		return 0, false
	}
	return uint64(r.ID[0]) | uint64(r.ID[1])<<32, true
}

// pidBits is how many bits of a pid number go in its ID; the rest go in
// its serial, as a pid prints as <0.ID.Serial>.
const pidBits = 28

func (n *Node) pidOf(num uint64) term.Pid {
	return term.Pid{Node: n.name, ID: uint32(num & (1<<pidBits - 1)), Serial: uint32(num >> pidBits), Creation: n.creation}
}

func pidNumber(p term.Pid) uint64 { return uint64(p.Serial)<<pidBits | uint64(p.ID) }

// isLocal reports whether pid was made by this node.
func (n *Node) isLocal(p term.Pid) bool { return p.Node == n.name && p.Creation == n.creation }

// lookup returns the live or dying process for pid, or nil.
func (n *Node) lookup(pid term.Pid) *Process {
	if !n.isLocal(pid) {
		return nil
	}
	return n.procs.load(pidNumber(pid))
}

// IsProcessAlive reports whether pid is a process of this node that has
// not exited, as is_process_alive/1 does.
func (n *Node) IsProcessAlive(pid term.Pid) bool {
	p := n.lookup(pid)
	return p != nil && !p.dead.Load()
}

// Processes returns the pids of the node's live processes in the order
// they were made, as processes() does.
func (n *Node) Processes() []term.Pid {
	var pids []term.Pid
	n.procs.each(func(p *Process) {
		if !p.dead.Load() {
			pids = append(pids, p.Self())
		}
	})
	return pids
}

// Stop ends the node: every process is killed (reason killed), every
// timer is cancelled and the node's context is cancelled. Stop returns
// when every process's goroutine has returned, so that none is left
// behind. A process that never calls into the runtime (see Process) keeps
// Stop waiting until it does. Stop may be called more than once.
//
// Stop waits for every process's goroutine, so a process of the node that
// stops it must not wait for Stop to return: it calls go n.Stop(), and is
// itself killed.
func (n *Node) Stop() {
	n.stopOnce.Do(func() {
		n.stopped.Store(true)
		// Every process is dead before any is buried, so that no
		// process runs on, trapping a signal from another.
		var dying []*Process
		n.procs.each(func(p *Process) {
			p.mu.Lock()
			if p.markDead(Killed) {
				dying = append(dying, p)
			}
			p.mu.Unlock()
		})
		for _, p := range dying {
			n.bury(p)
		}
		n.timerMu.Lock()
		for ref, t := range n.timers {
			t.t.Stop()
			delete(n.timers, ref)
		}
		n.timerMu.Unlock()
		n.cancel()
		if n.live.Load() == 0 {
			n.idleOnce.Do(func() { close(n.idle) })
		}
	})
	<-n.idle
}

// goroutineDone accounts for the end of a spawned process's goroutine.
func (n *Node) goroutineDone() {
	if n.live.Add(-1) == 0 && n.stopped.Load() {
		n.idleOnce.Do(func() { close(n.idle) })
	}
}

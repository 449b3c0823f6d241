// Book: chapter 4, "Generic Servers", "Going Global".

// Package global runs the frequency server of package frequency under a
// global name, {global, frequency}, as "Going Global" does: a name that
// every node of a cluster resolves to the same process, so that
// gen_server:call({global, frequency}, ...) reaches the server from any
// node, and a second start anywhere returns {error, {already_started,
// Pid}} with the first one's pid. It also shows {via, Module, Name}, the
// generic form: Module is any registry that can register, unregister,
// look up and send to a name; {via, global, Name} is global through it.
// Registry is a small one of that kind.
//
// Distribution does not exist yet in this runtime: {global, Name} names
// live in a registry of the node (package gen), so what this package shows
// is the local half of the section: the names, calls through them,
// already_started, noproc for a name nobody holds, and the name going
// with its process. Calls from another node, the name visible cluster-wide,
// and the name vanishing when its node goes down wait for distribution.
package global

import (
	"sync"

	"github.com/scalability-go/otpbook/ch04/frequency"
	"github.com/scalability-go/otpbook/otp"
	"github.com/scalability-go/otpbook/otp/code"
	"github.com/scalability-go/otpbook/otp/genserver"
	"github.com/scalability-go/otpbook/otp/term"
)

// Name is the server's global name, {global, frequency}.
var Name = genserver.Global(frequency.Name)

// StartLink starts the frequency server linked to p under name, a
// {global, N} or {via, M, N} name: Name for the book's.
func StartLink(p *otp.Process, name term.Term) (term.Pid, error) {
	return genserver.StartLink(p, name, frequency.Callbacks(), term.List{})
}

// Allocate asks the server of name for a frequency, as frequency.Allocate
// does with the local name.
func Allocate(p *otp.Process, name term.Term) (int, error) {
	r, err := genserver.Call(p, name, frequency.AllocateRequest(p.Self()))
	if err != nil {
		return 0, err
	}
	t := r.(term.Tuple)
	if t[0] == term.Atom("error") {
		return 0, frequency.Error{Reason: t[1].(term.Atom)}
	}
	return t[1].(int), nil
}

// Deallocate gives a frequency back to the server of name.
func Deallocate(p *otp.Process, name term.Term, f int) {
	genserver.Cast(p, name, term.Tuple{term.Atom("deallocate"), f})
}

// Stop stops the server of name (a cast).
func Stop(p *otp.Process, name term.Term) {
	genserver.Cast(p, name, term.Atom("stop"))
}

// Registry is a name registry for {via, Module, Name} names: a map from
// names to pids, which forgets a name when its process ends, as global
// does. Its Module is what {via, ...} names refer to.
type Registry struct {
	mu    sync.Mutex
	names map[string]term.Pid
}

// NewRegistry returns an empty registry.
func NewRegistry() *Registry { return &Registry{names: map[string]term.Pid{}} }

// Module returns the registry as the code module named name, which
// {via, Name, N} names refer to once it is loaded.
func (r *Registry) Module(name term.Atom) *code.Module {
	return &code.Module{Name: name, Impl: r}
}

// RegisterName gives pid the name, unless it is taken.
func (r *Registry) RegisterName(p *otp.Process, name term.Term, pid term.Pid) bool {
	key := term.Write(name)
	r.mu.Lock()
	defer r.mu.Unlock()
	if _, ok := r.names[key]; ok {
		return false
	}
	r.names[key] = pid
	p.Node().OnExit(pid, regKey{r, key}, func(pid term.Pid, _ term.Term) {
		r.mu.Lock()
		defer r.mu.Unlock()
		if r.names[key] == pid {
			delete(r.names, key)
		}
	})
	return true
}

// regKey keys the hook that forgets a name when its process ends.
type regKey struct {
	r    *Registry
	name string
}

// UnregisterName forgets the name.
func (r *Registry) UnregisterName(_ *otp.Process, name term.Term) {
	r.mu.Lock()
	defer r.mu.Unlock()
	delete(r.names, term.Write(name))
}

// WhereisName returns the pid with the name.
func (r *Registry) WhereisName(_ *otp.Process, name term.Term) (term.Pid, bool) {
	r.mu.Lock()
	defer r.mu.Unlock()
	pid, ok := r.names[term.Write(name)]
	return pid, ok
}

// Send sends msg to the process with the name; otp.ErrBadarg if none has
// it.
func (r *Registry) Send(p *otp.Process, name term.Term, msg any) error {
	pid, ok := r.WhereisName(p, name)
	if !ok {
		return otp.ErrBadarg
	}
	p.Send(pid, msg)
	return nil
}

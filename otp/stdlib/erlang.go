package stdlib

import (
	"fmt"
	"hash/fnv"
	"io"
	"math"
	"math/big"
	"strconv"
	"strings"
	"sync/atomic"
	"time"
	"unicode/utf8"

	"github.com/scalability-go/otpbook/otp"
	"github.com/scalability-go/otpbook/otp/code"
	"github.com/scalability-go/otpbook/otp/term"
)

// The module erlang: the BIFs that the shell, rpc and apply call by name.
//
//	processes  self/0 spawn/1,3 spawn_link/1,3 spawn_monitor/1,3 exit/1,2
//	           error/1,2 throw/1 link/1 unlink/1 monitor/2 demonitor/1,2
//	           process_flag/2 is_process_alive/1 processes/0
//	           process_info/1,2 make_ref/0 node/0,1 nodes/0
//	names      register/2 unregister/1 whereis/1 registered/0
//	messages   send/2 send_after/3 start_timer/3 cancel_timer/1 read_timer/1
//	calls      apply/2,3 function_exported/3 module_loaded/1
//	           check_process_code/2
//	terms      element/2 setelement/3 tuple_size/1 size/1 length/1 hd/1
//	           tl/1 abs/1 trunc/1 round/1 float/1 max/2 min/2 map_size/1
//	           map_get/2 is_map_key/2 phash2/1,2 display/1
//	conversion atom_to_list/1 list_to_atom/1 integer_to_list/1,2
//	           list_to_integer/1,2 float_to_list/1 list_to_float/1
//	           tuple_to_list/1 list_to_tuple/1 atom_to_binary/1,2
//	           binary_to_atom/1,2 list_to_binary/1 binary_to_list/1
//	           iolist_to_binary/1
//	type tests is_atom is_binary is_bitstring is_boolean is_float
//	           is_function/1,2 is_integer is_list is_map is_number is_pid
//	           is_port is_reference is_tuple
//	time       date/0 time/0 localtime/0 system_time/0,1
//	           monotonic_time/0,1 unique_integer/0,1
//	operators  (see opBIFs)
func erlangModule() *code.Module {
	e := exports{}
	processBIFs(e)
	nameBIFs(e)
	messageBIFs(e)
	callBIFs(e)
	termBIFs(e)
	conversionBIFs(e)
	typeTests(e)
	timeBIFs(e)
	opBIFs(e)
	return module("erlang", e)
}

var (
	notAPid  = why{1: "not a pid"}
	notAnAtm = why{1: "not an atom"}
	notARef  = why{1: "not a reference"}
)

const deadProcess = "the pid does not refer to an existing process"

func pidOf(t term.Term) (term.Pid, bool) {
	pid, ok := norm(t).(term.Pid)
	return pid, ok
}

func refOf(t term.Term) (term.Ref, bool) {
	r, ok := norm(t).(term.Ref)
	return r, ok
}

// applyInitialCall is the initial call of a process spawned with a fun,
// as OTP reports it.
var applyInitialCall = otp.MFA{Module: "erlang", Function: "apply", Arity: 2}

func processBIFs(e exports) {
	e.def("self", 0, func(p *otp.Process, _ []term.Term) term.Term { return p.Self() })

	spawnFun := func(name string, o otp.SpawnOptions) code.Func {
		return func(p *otp.Process, args []term.Term) term.Term {
			f := args[0]
			if !isFun(f) {
				bifError(name, args, why{1: "not a fun"})
			}
			ic := applyInitialCall
			opts := o
			opts.InitialCall = &ic
			pid, ref := p.SpawnOpt(func(c *otp.Process) {
				if !isFunN(f, 0) {
					// The new process applies the fun, as
					// erlang:apply/2, which finds the arity wrong.
					panic(&otp.Exception{Class: otp.ClassError,
						Reason: term.Tuple{term.Atom("badarity"), term.Tuple{f, term.List{}}},
						Stack:  term.List{term.Tuple{term.Atom("erlang"), term.Atom("apply"), 2, term.List{}}}})
				}
				code.Of(c.Node()).CallFun(c, f, nil)
			}, opts)
			if o.Monitor {
				return term.Tuple{pid, ref}
			}
			return pid
		}
	}
	spawnMFA := func(name string, o otp.SpawnOptions) code.Func {
		return func(p *otp.Process, args []term.Term) term.Term {
			m, f, argv := mfArgs(name, args)
			opts := o
			opts.InitialCall = &otp.MFA{Module: m, Function: f, Arity: len(argv)}
			pid, ref := p.SpawnOpt(func(c *otp.Process) {
				code.Of(c.Node()).Apply(c, m, f, argv)
			}, opts)
			if o.Monitor {
				return term.Tuple{pid, ref}
			}
			return pid
		}
	}
	e.def("spawn", 1, spawnFun("spawn", otp.SpawnOptions{}))
	e.def("spawn", 3, spawnMFA("spawn", otp.SpawnOptions{}))
	e.def("spawn_link", 1, spawnFun("spawn_link", otp.SpawnOptions{Link: true}))
	e.def("spawn_link", 3, spawnMFA("spawn_link", otp.SpawnOptions{Link: true}))
	e.def("spawn_monitor", 1, spawnFun("spawn_monitor", otp.SpawnOptions{Monitor: true}))
	e.def("spawn_monitor", 3, spawnMFA("spawn_monitor", otp.SpawnOptions{Monitor: true}))

	e.def("exit", 1, func(_ *otp.Process, args []term.Term) term.Term {
		panic(&otp.Exception{Class: otp.ClassExit, Reason: args[0], Stack: raiseStack(3)})
	})
	e.def("exit", 2, func(p *otp.Process, args []term.Term) term.Term {
		pid, ok := pidOf(args[0])
		if !ok {
			bifError("exit", args, notAPid)
		}
		p.SendExit(pid, args[1])
		return term.True
	})
	e.def("error", 1, func(_ *otp.Process, args []term.Term) term.Term {
		panic(&otp.Exception{Class: otp.ClassError, Reason: args[0], Stack: raiseStack(3)})
	})
	e.def("error", 2, func(_ *otp.Process, args []term.Term) term.Term {
		// As in OTP, the arguments, a proper list, stand for those of the
		// caller's frame.
		var top term.Term = 3
		if _, ok := properList(args[1]); ok {
			top = args[1]
		}
		panic(&otp.Exception{Class: otp.ClassError, Reason: args[0], Stack: raiseStack(top)})
	})
	e.def("throw", 1, func(_ *otp.Process, args []term.Term) term.Term {
		panic(&otp.Exception{Class: otp.ClassThrow, Reason: args[0], Stack: raiseStack(3)})
	})
	e.def("link", 1, func(p *otp.Process, args []term.Term) term.Term {
		pid, ok := pidOf(args[0])
		if !ok {
			bifError("link", args, notAPid)
		}
		if err := p.Link(pid); err != nil {
			RaiseBIF(otp.Noproc, "erlang", "link", args, Explanation{Args: why{1: deadProcess}})
		}
		return term.True
	})
	e.def("unlink", 1, func(p *otp.Process, args []term.Term) term.Term {
		pid, ok := pidOf(args[0])
		if !ok {
			bifError("unlink", args, notAPid)
		}
		p.Unlink(pid)
		return term.True
	})
	e.def("monitor", 2, func(p *otp.Process, args []term.Term) term.Term {
		typ, _ := atomOf(args[0])
		switch typ {
		case "process":
		case "port":
			bifError("monitor", args, why{2: "not a port"})
		default:
			RaiseBIF(badarg, "erlang", "monitor", args, Explanation{Args: why{1: "invalid monitor type"}, Cause: term.Atom("badtype")})
		}
		ref, err := p.Monitor(norm(args[1]))
		if err != nil {
			bifError("monitor", args, why{2: "not a pid"})
		}
		return ref
	})
	e.def("demonitor", 1, func(p *otp.Process, args []term.Term) term.Term {
		ref, ok := refOf(args[0])
		if !ok {
			bifError("demonitor", args, notARef)
		}
		p.Demonitor(ref)
		return term.True
	})
	e.def("demonitor", 2, func(p *otp.Process, args []term.Term) term.Term {
		ref, ok := refOf(args[0])
		if !ok {
			bifError("demonitor", args, notARef)
		}
		opts, ok := properList(args[1])
		if !ok {
			bifError("demonitor", args, why{2: listMsg(args[1])})
		}
		var o []otp.DemonitorOption
		info := false
		for _, x := range opts {
			switch a, _ := atomOf(x); a {
			case "flush":
				o = append(o, otp.Flush)
			case "info":
				o = append(o, otp.Info)
				info = true
			default:
				bifError("demonitor", args, why{2: "invalid option in list"})
			}
		}
		found := p.Demonitor(ref, o...)
		if info {
			return term.Bool(found)
		}
		return term.True
	})
	e.def("process_flag", 2, func(p *otp.Process, args []term.Term) term.Term {
		flag, _ := atomOf(args[0])
		if flag != "trap_exit" {
			RaiseBIF(badarg, "erlang", "process_flag", args, Explanation{Args: why{1: "invalid process flag"}, Cause: term.Atom("badopt")})
		}
		v, _ := atomOf(args[1])
		if v != term.True && v != term.False {
			bifError("process_flag", args, why{2: "invalid value for this process flag"})
		}
		return term.Bool(p.TrapExit(v == term.True))
	})
	e.def("is_process_alive", 1, func(p *otp.Process, args []term.Term) term.Term {
		pid := localPid(p, "is_process_alive", args)
		return term.Bool(p.Node().IsProcessAlive(pid))
	})
	e.def("processes", 0, func(p *otp.Process, _ []term.Term) term.Term {
		pids := p.Node().Processes()
		l := make(term.List, len(pids))
		for i, pid := range pids {
			l[i] = pid
		}
		return l
	})
	e.def("process_info", 1, func(p *otp.Process, args []term.Term) term.Term {
		pid := localPid(p, "process_info", args)
		info, ok := p.Node().ProcessInfo(pid)
		if !ok {
			return term.Undefined
		}
		return info.Term()
	})
	e.def("process_info", 2, processInfo2)
	e.def("make_ref", 0, func(p *otp.Process, _ []term.Term) term.Term { return p.MakeRef() })
	e.def("node", 0, func(p *otp.Process, _ []term.Term) term.Term { return p.Node().Name() })
	e.def("node", 1, func(_ *otp.Process, args []term.Term) term.Term {
		switch v := norm(args[0]).(type) {
		case term.Pid:
			return v.Node
		case term.Ref:
			return v.Node
		case term.Port:
			return v.Node
		}
		bifError("node", args, notAPid)
		return nil
	})
	e.def("nodes", 0, func(*otp.Process, []term.Term) term.Term { return term.List{} })
}

// localPid returns the first argument, which must be a pid of the
// caller's node.
func localPid(p *otp.Process, fn string, args []term.Term) term.Pid {
	pid, ok := pidOf(args[0])
	if !ok {
		bifError(fn, args, notAPid)
	}
	if pid.Node != p.Node().Name() {
		bifError(fn, args, why{1: "not a local pid"})
	}
	return pid
}

func processInfo2(p *otp.Process, args []term.Term) term.Term {
	pid := localPid(p, "process_info", args)
	bad := func() { bifError("process_info", args, why{2: "invalid item or item list"}) }
	var probe otp.ProcessInfo
	if item, ok := atomOf(args[1]); ok {
		if _, ok := probe.Item(item); !ok {
			bad()
		}
		info, alive := p.Node().ProcessInfo(pid)
		if !alive {
			return term.Undefined
		}
		if item == "registered_name" && info.RegisteredName == "" {
			return term.List{}
		}
		t, _ := info.Item(item)
		return t
	}
	items, ok := properList(args[1])
	if !ok {
		bad()
	}
	names := make([]term.Atom, len(items))
	for i, x := range items {
		a, ok := atomOf(x)
		if !ok {
			bad()
		}
		if _, ok := probe.Item(a); !ok {
			bad()
		}
		names[i] = a
	}
	info, alive := p.Node().ProcessInfo(pid)
	if !alive {
		return term.Undefined
	}
	out := make(term.List, len(names))
	for i, a := range names {
		out[i], _ = info.Item(a)
	}
	return out
}

func nameBIFs(e exports) {
	e.def("register", 2, func(p *otp.Process, args []term.Term) term.Term {
		n := p.Node()
		name, isAtom := atomOf(args[0])
		pid, isPid := pidOf(args[1])
		w := why{}
		var cause term.Term
		switch {
		case !isAtom:
			w[1] = "not an atom"
		case name == term.Undefined:
			w[1] = "'undefined' is not a valid name"
		}
		if !isPid {
			w[2] = "not a pid or port"
		}
		if len(w) == 0 {
			info, alive := n.ProcessInfo(pid)
			switch {
			case !alive:
				w[2] = deadProcess
				cause = term.Atom("notalive")
			case info.RegisteredName != "":
				w[2] = "this process or port already has a name"
				cause = term.Atom("registered_name")
			default:
				if _, taken := n.WhereIs(name); taken {
					w[1] = "name is in use"
				}
			}
		}
		if len(w) == 0 {
			err := n.Register(name, pid)
			if err == nil {
				return term.True
			}
			// A race with another register, or the name ''.
		}
		RaiseBIF(badarg, "erlang", "register", args, Explanation{Args: w, Cause: cause})
		return nil
	})
	e.def("unregister", 1, func(p *otp.Process, args []term.Term) term.Term {
		name, ok := atomOf(args[0])
		if !ok || p.Node().Unregister(name) != nil {
			// What OTP 25's erl_erts_errors says of any bad argument.
			bifError("unregister", args, notAPid)
		}
		return term.True
	})
	e.def("whereis", 1, func(p *otp.Process, args []term.Term) term.Term {
		name, ok := atomOf(args[0])
		if !ok {
			bifError("whereis", args, notAnAtm)
		}
		if pid, ok := p.Node().WhereIs(name); ok {
			return pid
		}
		return term.Undefined
	})
	e.def("registered", 0, func(p *otp.Process, _ []term.Term) term.Term {
		names := p.Node().Registered()
		l := make(term.List, len(names))
		for i, a := range names {
			l[i] = a
		}
		return l
	})
}

func messageBIFs(e exports) {
	e.def("send", 2, func(p *otp.Process, args []term.Term) term.Term {
		if err := p.SendTo(norm(args[0]), args[1]); err != nil {
			bifError("send", args, why{1: "invalid destination"})
		}
		return args[1]
	})
	timer := func(name string, start func(n *otp.Node, d time.Duration, dest term.Term, msg any) (term.Ref, error)) code.Func {
		return func(p *otp.Process, args []term.Term) term.Term {
			w := why{}
			ms, isInt := bigOf(args[0])
			switch {
			case !isInt:
				w[1] = "not an integer"
			case ms.Sign() < 0:
				w[1] = "out of range"
			}
			dest := norm(args[1])
			switch d := dest.(type) {
			case term.Atom:
			case term.Pid:
				if d.Node != p.Node().Name() {
					w[2] = "not a local pid"
				}
			default:
				w[2] = "not a pid or an atom"
			}
			if len(w) > 0 {
				bifError(name, args, w)
			}
			d := otp.Infinity
			if ms.IsInt64() && ms.Int64() < int64(otp.Infinity/time.Millisecond) {
				d = time.Duration(ms.Int64()) * time.Millisecond
			}
			ref, err := start(p.Node(), d, dest, args[2])
			if err != nil {
				bifError(name, args, nil)
			}
			return ref
		}
	}
	e.def("send_after", 3, timer("send_after", (*otp.Node).SendAfter))
	e.def("start_timer", 3, timer("start_timer", (*otp.Node).StartTimer))
	timerLeft := func(name string, op func(n *otp.Node, ref term.Ref) (time.Duration, bool)) code.Func {
		return func(p *otp.Process, args []term.Term) term.Term {
			ref, ok := refOf(args[0])
			if !ok {
				bifError(name, args, notARef)
			}
			left, ok := op(p.Node(), ref)
			if !ok {
				return term.False
			}
			return int(left / time.Millisecond)
		}
	}
	e.def("cancel_timer", 1, timerLeft("cancel_timer", (*otp.Node).CancelTimer))
	e.def("read_timer", 1, timerLeft("read_timer", (*otp.Node).ReadTimer))
}

func callBIFs(e exports) {
	e.def("apply", 2, func(p *otp.Process, args []term.Term) term.Term {
		argv, ok := properList(args[1])
		if !ok {
			RaiseBIF(badarg, "erlang", "apply", args, Explanation{})
		}
		return code.Of(p.Node()).CallFun(p, norm(args[0]), argv)
	})
	e.def("apply", 3, func(p *otp.Process, args []term.Term) term.Term {
		m, f, argv := mfArgs("apply", args)
		return code.Of(p.Node()).Apply(p, m, f, argv)
	})
	e.def("function_exported", 3, func(p *otp.Process, args []term.Term) term.Term {
		m, ok1 := atomOf(args[0])
		f, ok2 := atomOf(args[1])
		a, ok3 := intOf(args[2])
		if !ok1 || !ok2 || !ok3 || a < 0 {
			w := why{}
			if !ok1 {
				w[1] = "not an atom"
			}
			if !ok2 {
				w[2] = "not an atom"
			}
			if !ok3 {
				w[3] = "not an integer"
			} else if a < 0 {
				w[3] = "out of range"
			}
			bifError("function_exported", args, w)
		}
		_, ok := code.Of(p.Node()).Lookup(m, f, a)
		return term.Bool(ok)
	})
	e.def("module_loaded", 1, func(p *otp.Process, args []term.Term) term.Term {
		m, ok := atomOf(args[0])
		if !ok {
			bifError("module_loaded", args, notAnAtm)
		}
		_, ok = code.Of(p.Node()).IsLoaded(m)
		return term.Bool(ok)
	})
	e.def("check_process_code", 2, func(p *otp.Process, args []term.Term) term.Term {
		pid, ok1 := pidOf(args[0])
		m, ok2 := atomOf(args[1])
		if !ok1 || !ok2 {
			w := why{}
			if !ok1 {
				w[1] = "not a pid"
			}
			if !ok2 {
				w[2] = "not an atom"
			}
			bifError("check_process_code", args, w)
		}
		return term.Bool(code.Of(p.Node()).CheckProcessCode(pid, m))
	})
}

// mfArgs checks the arguments Module, Function, Args of apply/3 and the
// like.
func mfArgs(fn string, args []term.Term) (term.Atom, term.Atom, []term.Term) {
	m, ok1 := atomOf(args[0])
	f, ok2 := atomOf(args[1])
	argv, ok3 := properList(args[2])
	if !ok1 || !ok2 || !ok3 {
		w := why{}
		if !ok1 {
			w[1] = "not an atom"
		}
		if !ok2 {
			w[2] = "not an atom"
		}
		if !ok3 {
			w[3] = listMsg(args[2])
		}
		bifError(fn, args, w)
	}
	return m, f, argv
}

func termBIFs(e exports) {
	e.def("element", 2, func(_ *otp.Process, args []term.Term) term.Term {
		t, i := tupleIndex("element", args)
		return t[i]
	})
	e.def("setelement", 3, func(_ *otp.Process, args []term.Term) term.Term {
		t, i := tupleIndex("setelement", args)
		out := make(term.Tuple, len(t))
		copy(out, t)
		out[i] = args[2]
		return out
	})
	e.def("tuple_size", 1, func(_ *otp.Process, args []term.Term) term.Term {
		t, ok := norm(args[0]).(term.Tuple)
		if !ok {
			bifError("tuple_size", args, why{1: "not a tuple"})
		}
		return len(t)
	})
	e.def("size", 1, func(_ *otp.Process, args []term.Term) term.Term {
		switch v := norm(args[0]).(type) {
		case term.Tuple:
			return len(v)
		case term.Binary:
			return len(v)
		case term.BitString:
			return v.BitLen() / 8
		}
		bifError("size", args, why{1: "not tuple or binary"})
		return nil
	})
	e.def("length", 1, func(_ *otp.Process, args []term.Term) term.Term {
		l, ok := properList(args[0])
		if !ok {
			bifError("length", args, why{1: "not a list"})
		}
		return len(l)
	})
	e.def("hd", 1, func(_ *otp.Process, args []term.Term) term.Term {
		elems, _, ok := listView(args[0])
		if !ok || len(elems) == 0 {
			bifError("hd", args, why{1: "not a nonempty list"})
		}
		return elems[0]
	})
	e.def("tl", 1, func(_ *otp.Process, args []term.Term) term.Term {
		switch v := norm(args[0]).(type) {
		case string:
			if v != "" {
				_, n := utf8.DecodeRuneInString(v)
				return v[n:]
			}
		case term.List:
			if len(v) > 0 {
				return v[1:]
			}
		case term.ImproperList:
			return term.Cons(v.Tail, v.Elems[1:]...)
		}
		bifError("tl", args, why{1: "not a nonempty list"})
		return nil
	})
	e.def("abs", 1, func(_ *otp.Process, args []term.Term) term.Term {
		switch v := norm(args[0]).(type) {
		case int:
			if v >= 0 {
				return v
			}
			if v != math.MinInt {
				return -v
			}
		case float64:
			return math.Abs(v)
		}
		if b, ok := bigOf(args[0]); ok {
			return intTerm(b.Abs(b))
		}
		bifError("abs", args, why{1: "not a number"})
		return nil
	})
	e.def("trunc", 1, func(_ *otp.Process, args []term.Term) term.Term {
		return toInteger("trunc", args, math.Trunc)
	})
	e.def("round", 1, func(_ *otp.Process, args []term.Term) term.Term {
		return toInteger("round", args, math.Round)
	})
	e.def("float", 1, func(_ *otp.Process, args []term.Term) term.Term {
		f, ok := floatOf(args[0])
		if !ok {
			bifError("float", args, why{1: "not a number"})
		}
		return f
	})
	e.def("max", 2, func(_ *otp.Process, args []term.Term) term.Term {
		if term.Compare(args[0], args[1]) < 0 {
			return args[1]
		}
		return args[0]
	})
	e.def("min", 2, func(_ *otp.Process, args []term.Term) term.Term {
		if term.Compare(args[0], args[1]) > 0 {
			return args[1]
		}
		return args[0]
	})
	e.def("map_size", 1, func(_ *otp.Process, args []term.Term) term.Term {
		m, ok := norm(args[0]).(term.Map)
		if !ok {
			RaiseBIF(term.Tuple{term.Atom("badmap"), args[0]}, "erlang", "map_size", args, Explanation{Args: why{1: "not a map"}})
		}
		return m.Len()
	})
	e.def("map_get", 2, func(_ *otp.Process, args []term.Term) term.Term {
		m, ok := norm(args[1]).(term.Map)
		if !ok {
			RaiseBIF(term.Tuple{term.Atom("badmap"), args[1]}, "erlang", "map_get", args, Explanation{Args: why{2: "not a map"}})
		}
		v, ok := m.Get(args[0])
		if !ok {
			RaiseBIF(term.Tuple{term.Atom("badkey"), args[0]}, "erlang", "map_get", args, Explanation{Args: why{1: "not present in map"}})
		}
		return v
	})
	e.def("is_map_key", 2, func(_ *otp.Process, args []term.Term) term.Term {
		m, ok := norm(args[1]).(term.Map)
		if !ok {
			RaiseBIF(term.Tuple{term.Atom("badmap"), args[1]}, "erlang", "is_map_key", args, Explanation{Args: why{2: "not a map"}})
		}
		_, ok = m.Get(args[0])
		return term.Bool(ok)
	})
	e.def("phash2", 1, func(_ *otp.Process, args []term.Term) term.Term {
		return phash(args[0], 1<<27)
	})
	e.def("phash2", 2, func(_ *otp.Process, args []term.Term) term.Term {
		r, ok := bigOf(args[1])
		switch {
		case !ok:
			// OTP 25 says it of argument 1.
			bifError("phash2", args, why{1: "not an integer"})
		case r.Sign() <= 0:
			bifError("phash2", args, why{1: "out of range"})
		case r.Cmp(big.NewInt(1<<32)) > 0:
			bifError("phash2", args, nil)
		}
		return phash(args[0], r.Uint64())
	})
	e.def("display", 1, func(p *otp.Process, args []term.Term) term.Term {
		io.WriteString(p.Output(), term.Write(args[0])+"\n")
		return term.True
	})
}

// tupleIndex checks the arguments Index, Tuple of element/2 and
// setelement/3 and returns the tuple and the 0-based index.
func tupleIndex(fn string, args []term.Term) (term.Tuple, int) {
	w := why{}
	t, isTuple := norm(args[1]).(term.Tuple)
	i, isInt := intOf(args[0])
	switch {
	case !isInteger(args[0]):
		w[1] = "not an integer"
	case !isInt || i < 1 || isTuple && i > len(t):
		w[1] = "out of range"
	}
	if !isTuple {
		w[2] = "not a tuple"
	}
	if len(w) > 0 {
		bifError(fn, args, w)
	}
	return t, i - 1
}

// toInteger is trunc/1 and round/1.
func toInteger(fn string, args []term.Term, conv func(float64) float64) term.Term {
	switch v := norm(args[0]).(type) {
	case float64:
		f := conv(v)
		if f >= math.MinInt64 && f < math.MaxInt64 {
			return int(f)
		}
		b, _ := big.NewFloat(f).Int(nil)
		return intTerm(b)
	default:
		if term.IsInteger(v) {
			return v
		}
	}
	bifError(fn, args, why{1: "not a number"})
	return nil
}

// phash hashes a term into 0..r-1, for erlang:phash2/1,2. It is FNV-1a
// over the term's printed form, not OTP's phash2: the values are in the
// same range and stable from run to run and node to node of this
// runtime, but differ from OTP's (phash2(a) is 97 in OTP 25, not here),
// so a hash must not be compared with one Erlang/OTP computed.
func phash(t term.Term, r uint64) term.Term {
	h := fnv.New64a()
	h.Write(term.AppendWrite(nil, t, -1, true))
	return int(h.Sum64() % r)
}

func conversionBIFs(e exports) {
	e.def("atom_to_list", 1, func(_ *otp.Process, args []term.Term) term.Term {
		a, ok := atomOf(args[0])
		if !ok {
			bifError("atom_to_list", args, notAnAtm)
		}
		return str(string(a))
	})
	e.def("list_to_atom", 1, func(_ *otp.Process, args []term.Term) term.Term {
		s, ok := textOf(args[0])
		if !ok {
			msg := listMsg(args[0])
			if msg == "" {
				msg = "not a list of characters"
			}
			bifError("list_to_atom", args, why{1: msg})
		}
		return makeAtom("list_to_atom", args, s)
	})
	e.def("integer_to_list", 1, func(_ *otp.Process, args []term.Term) term.Term {
		b, ok := bigOf(args[0])
		if !ok {
			bifError("integer_to_list", args, why{1: "not an integer"})
		}
		return str(b.String())
	})
	e.def("integer_to_list", 2, func(_ *otp.Process, args []term.Term) term.Term {
		b, ok := bigOf(args[0])
		base, okb := intOf(args[1])
		if !ok || !okb || base < 2 || base > 36 {
			w := why{}
			if !ok {
				w[1] = "not an integer"
			}
			if !okb || base < 2 || base > 36 {
				w[2] = "not an integer in the range 2 through 36"
			}
			bifError("integer_to_list", args, w)
		}
		return str(strings.ToUpper(b.Text(base)))
	})
	e.def("list_to_integer", 1, func(_ *otp.Process, args []term.Term) term.Term {
		s, ok := textOf(args[0])
		if _, proper := properList(args[0]); !proper {
			bifError("list_to_integer", args, why{1: "not a list"})
		}
		v, ok2 := parseInt(s, 10)
		if !ok || !ok2 {
			bifError("list_to_integer", args, why{1: "not a textual representation of an integer"})
		}
		return v
	})
	e.def("list_to_integer", 2, func(_ *otp.Process, args []term.Term) term.Term {
		base, okb := intOf(args[1])
		if !okb || base < 2 || base > 36 {
			w := why{2: "not an integer in the range 2 through 36"}
			if msg := listMsg(args[0]); msg != "" {
				w[1] = msg
			}
			bifError("list_to_integer", args, w)
		}
		if msg := listMsg(args[0]); msg != "" {
			bifError("list_to_integer", args, why{1: msg})
		}
		s, ok := textOf(args[0])
		v, ok2 := parseInt(s, base)
		if !ok || !ok2 {
			bifError("list_to_integer", args, why{1: "not a textual representation of an integer"})
		}
		return v
	})
	e.def("float_to_list", 1, func(_ *otp.Process, args []term.Term) term.Term {
		f, ok := norm(args[0]).(float64)
		if !ok {
			bifError("float_to_list", args, why{1: "not a float"})
		}
		return str(floatToList(f))
	})
	e.def("list_to_float", 1, func(_ *otp.Process, args []term.Term) term.Term {
		if _, proper := properList(args[0]); !proper {
			bifError("list_to_float", args, why{1: "not a list"})
		}
		s, ok := textOf(args[0])
		f, ok2 := parseFloat(s)
		if !ok || !ok2 {
			bifError("list_to_float", args, why{1: "not a textual representation of a float"})
		}
		return f
	})
	e.def("tuple_to_list", 1, func(_ *otp.Process, args []term.Term) term.Term {
		t, ok := norm(args[0]).(term.Tuple)
		if !ok {
			bifError("tuple_to_list", args, why{1: "not a tuple"})
		}
		return append(term.List{}, t...)
	})
	e.def("list_to_tuple", 1, func(_ *otp.Process, args []term.Term) term.Term {
		l, ok := properList(args[0])
		if !ok {
			bifError("list_to_tuple", args, why{1: "not a list"})
		}
		return append(term.Tuple{}, l...)
	})
	e.def("atom_to_binary", 1, func(_ *otp.Process, args []term.Term) term.Term {
		a, ok := atomOf(args[0])
		if !ok {
			bifError("atom_to_binary", args, notAnAtm)
		}
		return term.Binary(a)
	})
	e.def("atom_to_binary", 2, func(_ *otp.Process, args []term.Term) term.Term {
		a, ok := atomOf(args[0])
		enc, _ := atomOf(args[1])
		w := why{}
		if !ok {
			w[1] = "not an atom"
		}
		if enc != "latin1" && enc != "unicode" && enc != "utf8" {
			w[2] = "is an invalid encoding option"
		}
		if len(w) == 0 && enc == "latin1" {
			b := make([]byte, 0, len(a))
			for _, r := range string(a) {
				if r > 255 {
					w[1] = "contains a character not expressible in latin1"
					break
				}
				b = append(b, byte(r))
			}
			if len(w) == 0 {
				return term.Binary(b)
			}
		}
		if len(w) > 0 {
			bifError("atom_to_binary", args, w)
		}
		return term.Binary(a)
	})
	binToAtom := func(p *otp.Process, args []term.Term) term.Term {
		b, ok := norm(args[0]).(term.Binary)
		enc := term.Atom("utf8")
		if len(args) == 2 {
			enc, _ = atomOf(args[1])
		}
		w := why{}
		if !ok {
			w[1] = "not a binary"
		}
		if enc != "latin1" && enc != "unicode" && enc != "utf8" {
			w[2] = "not one of the atoms: latin1, utf8, or unicode"
		}
		if len(w) == 0 {
			if enc != "latin1" {
				if utf8.Valid(b) {
					return makeAtom("binary_to_atom", args, string(b))
				}
				w[1] = "invalid UTF8 encoding"
			} else {
				rs := make([]rune, len(b))
				for i, c := range b {
					rs[i] = rune(c)
				}
				return makeAtom("binary_to_atom", args, string(rs))
			}
		}
		bifError("binary_to_atom", args, w)
		return nil
	}
	e.def("binary_to_atom", 1, binToAtom)
	e.def("binary_to_atom", 2, binToAtom)
	e.def("list_to_binary", 1, func(_ *otp.Process, args []term.Term) term.Term {
		if _, isBin := norm(args[0]).(term.Binary); !isBin {
			if b, ok := iolist(nil, args[0]); ok {
				return term.Binary(b)
			}
		}
		bifError("list_to_binary", args, why{1: "not an iolist term"})
		return nil
	})
	e.def("iolist_to_binary", 1, func(_ *otp.Process, args []term.Term) term.Term {
		b, ok := iolist(nil, args[0])
		if !ok {
			bifError("iolist_to_binary", args, why{1: "not an iodata term"})
		}
		return term.Binary(b)
	})
	e.def("binary_to_list", 1, func(_ *otp.Process, args []term.Term) term.Term {
		b, ok := norm(args[0]).(term.Binary)
		if !ok {
			bifError("binary_to_list", args, why{1: "not a binary"})
		}
		l := make(term.List, len(b))
		for i, c := range b {
			l[i] = int(c)
		}
		return l
	})
}

// makeAtom makes an atom of at most 255 characters, as OTP limits them.
func makeAtom(fn string, args []term.Term, s string) term.Atom {
	if utf8.RuneCountInString(s) > 255 {
		RaiseBIF(term.Atom("system_limit"), "erlang", term.Atom(fn), args, Explanation{})
	}
	return term.Atom(s)
}

// iolist appends the bytes of iodata (a binary, or a possibly deep list
// of bytes and binaries whose tail may be a binary) to dst.
func iolist(dst []byte, t term.Term) ([]byte, bool) {
	switch v := norm(t).(type) {
	case term.Binary:
		return append(dst, v...), true
	case string:
		for _, r := range v {
			if r > 255 {
				return nil, false
			}
			dst = append(dst, byte(r))
		}
		return dst, true
	}
	elems, tail, ok := listView(t)
	if !ok {
		return nil, false
	}
	for _, e := range elems {
		if c, ok := intOf(e); ok {
			if c < 0 || c > 255 {
				return nil, false
			}
			dst = append(dst, byte(c))
			continue
		}
		if !isList(e) {
			if _, ok := norm(e).(term.Binary); !ok {
				return nil, false
			}
		}
		if dst, ok = iolist(dst, e); !ok {
			return nil, false
		}
	}
	if tail != nil {
		b, ok := norm(tail).(term.Binary)
		if !ok {
			return nil, false
		}
		dst = append(dst, b...)
	}
	return dst, true
}

// parseInt reads an integer as list_to_integer does: an optional sign and
// at least one digit of the base.
func parseInt(s string, base int) (term.Term, bool) {
	digits := s
	if strings.HasPrefix(s, "+") || strings.HasPrefix(s, "-") {
		digits = s[1:]
	}
	if digits == "" {
		return nil, false
	}
	for _, r := range digits {
		if digitValue(r) >= base {
			return nil, false
		}
	}
	b, ok := new(big.Int).SetString(s, base)
	if !ok {
		return nil, false
	}
	return intTerm(b), true
}

func digitValue(r rune) int {
	switch {
	case r >= '0' && r <= '9':
		return int(r - '0')
	case r >= 'a' && r <= 'z':
		return int(r-'a') + 10
	case r >= 'A' && r <= 'Z':
		return int(r-'A') + 10
	}
	return 99
}

// parseFloat reads a float as list_to_float does: an optional sign,
// digits, a point, digits, and an optional exponent.
func parseFloat(s string) (float64, bool) {
	i := 0
	if i < len(s) && (s[i] == '+' || s[i] == '-') {
		i++
	}
	digits := func() bool {
		j := i
		for i < len(s) && s[i] >= '0' && s[i] <= '9' {
			i++
		}
		return i > j
	}
	if !digits() || i >= len(s) || s[i] != '.' {
		return 0, false
	}
	i++
	if !digits() {
		return 0, false
	}
	if i < len(s) && (s[i] == 'e' || s[i] == 'E') {
		i++
		if i < len(s) && (s[i] == '+' || s[i] == '-') {
			i++
		}
		if !digits() {
			return 0, false
		}
	}
	if i != len(s) {
		return 0, false
	}
	f, err := strconv.ParseFloat(s, 64)
	if err != nil || math.IsInf(f, 0) {
		return 0, false
	}
	return f, true
}

// floatToList formats a float as float_to_list/1 does: 20 digits after
// the point, in exponent form.
func floatToList(f float64) string {
	return fmt.Sprintf("%.20e", f)
}

func typeTests(e exports) {
	test := func(name string, f func(term.Term) bool) {
		e.def(name, 1, func(_ *otp.Process, args []term.Term) term.Term {
			return term.Bool(f(norm(args[0])))
		})
	}
	kind := func(ks ...term.Kind) func(term.Term) bool {
		return func(t term.Term) bool {
			k := term.KindOf(t)
			for _, x := range ks {
				if k == x {
					return true
				}
			}
			return false
		}
	}
	test("is_atom", kind(term.KindAtom))
	test("is_binary", func(t term.Term) bool { _, ok := t.(term.Binary); return ok })
	test("is_bitstring", kind(term.KindBitString))
	test("is_boolean", func(t term.Term) bool { return t == term.True || t == term.False })
	test("is_float", isFloat)
	test("is_function", isFun)
	test("is_integer", term.IsInteger)
	test("is_list", kind(term.KindList, term.KindNil))
	test("is_map", kind(term.KindMap))
	test("is_number", kind(term.KindNumber))
	test("is_pid", kind(term.KindPid))
	test("is_port", kind(term.KindPort))
	test("is_reference", kind(term.KindRef))
	test("is_tuple", kind(term.KindTuple))
	e.def("is_function", 2, func(_ *otp.Process, args []term.Term) term.Term {
		n, ok := bigOf(args[1])
		switch {
		case !ok:
			bifError("is_function", args, why{2: "not an integer"})
		case n.Sign() < 0:
			bifError("is_function", args, why{2: "out of range"})
		}
		a, ok := funArity(args[0])
		return term.Bool(ok && n.IsInt64() && int64(a) == n.Int64())
	})
}

// timeUnit returns the number of parts per second of a time unit.
func timeUnit(t term.Term) (int64, bool) {
	switch u := norm(t).(type) {
	case term.Atom:
		switch u {
		case "second", "seconds":
			return 1, true
		case "millisecond", "milli_seconds":
			return 1e3, true
		case "microsecond", "micro_seconds":
			return 1e6, true
		case "nanosecond", "nano_seconds", "native", "perf_counter":
			return 1e9, true
		}
	case int:
		if u > 0 {
			return int64(u), true
		}
	}
	return 0, false
}

// convert expresses ns nanoseconds in parts per second, rounded down as
// erlang:convert_time_unit/3 does.
func convert(ns *big.Int, perSecond int64) term.Term {
	if perSecond == 1e9 {
		return intTerm(ns)
	}
	v := new(big.Int).Mul(ns, big.NewInt(perSecond))
	return intTerm(v.Div(v, big.NewInt(1e9)))
}

var (
	monoStart = time.Now()
	uniqueSeq atomic.Int64
)

func timeBIFs(e exports) {
	e.def("date", 0, func(*otp.Process, []term.Term) term.Term {
		y, m, d := time.Now().Date()
		return term.Tuple{y, int(m), d}
	})
	e.def("time", 0, func(*otp.Process, []term.Term) term.Term {
		h, m, s := time.Now().Clock()
		return term.Tuple{h, m, s}
	})
	e.def("localtime", 0, func(*otp.Process, []term.Term) term.Term {
		now := time.Now()
		y, mo, d := now.Date()
		h, mi, s := now.Clock()
		return term.Tuple{term.Tuple{y, int(mo), d}, term.Tuple{h, mi, s}}
	})
	sysNow := func() *big.Int { return big.NewInt(time.Now().UnixNano()) }
	monoNow := func() *big.Int { return big.NewInt(int64(time.Since(monoStart))) }
	timed := func(name string, now func() *big.Int) {
		e.def(name, 0, func(*otp.Process, []term.Term) term.Term { return intTerm(now()) })
		e.def(name, 1, func(_ *otp.Process, args []term.Term) term.Term {
			per, ok := timeUnit(args[0])
			if !ok {
				bifError(name, args, why{1: "invalid time unit"})
			}
			return convert(now(), per)
		})
	}
	timed("system_time", sysNow)
	timed("monotonic_time", monoNow)
	e.def("unique_integer", 0, func(*otp.Process, []term.Term) term.Term {
		return int(uniqueSeq.Add(1))
	})
	e.def("unique_integer", 1, func(_ *otp.Process, args []term.Term) term.Term {
		mods, ok := properList(args[0])
		if !ok {
			bifError("unique_integer", args, why{1: listMsg(args[0])})
		}
		for _, m := range mods {
			if a, _ := atomOf(m); a != "positive" && a != "monotonic" {
				bifError("unique_integer", args, why{1: "invalid modifier"})
			}
		}
		return int(uniqueSeq.Add(1))
	})
}

// raiseStack is the stacktrace of an exception raised by exit/1, error/1,2
// or throw/1: the frames erl's shell shows for them, which it calls
// through shell:apply_fun/3 from erl_eval, without Go's frames, files or
// lines. top is the arity, or the argument list, of the top frame.
func raiseStack(top term.Term) term.List {
	return term.List{
		term.Tuple{term.Atom("shell"), term.Atom("apply_fun"), top, term.List{}},
		term.Tuple{term.Atom("erl_eval"), term.Atom("do_apply"), 7, term.List{}},
	}
}

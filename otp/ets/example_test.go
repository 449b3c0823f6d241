package ets_test

import (
	"fmt"

	"github.com/scalability-go/otpbook/otp"
	"github.com/scalability-go/otpbook/otp/ets"
	"github.com/scalability-go/otpbook/otp/term"
)

// The Home Location Register of chapter 2: a public named table from
// numbers to pids.
func ExampleNew() {
	n, _ := otp.NewNode()
	defer n.Stop()
	p := n.Attach()
	defer p.Detach()

	tab, _ := ets.New(p, "msisdn2pid", ets.Public, ets.NamedTable)
	fmt.Println(tab)
	_ = ets.Insert(p, tab, term.Tuple{12345, term.Atom("pid_a")})
	objs, _ := ets.Lookup(p, ets.Named("msisdn2pid"), 12345)
	fmt.Println(objs)
	objs, _ = ets.Lookup(p, tab, 99999)
	fmt.Println(len(objs))
	_, err := ets.New(p, "msisdn2pid", ets.NamedTable)
	fmt.Println(err)
	// Output:
	// msisdn2pid
	// [{12345,pid_a}]
	// 0
	// ets:new/2: bad argument: argument 1: table name already exists
}

func ExampleNext() {
	n, _ := otp.NewNode()
	defer n.Stop()
	p := n.Attach()
	defer p.Detach()

	tab, _ := ets.New(p, "o", ets.OrderedSet)
	for _, k := range []term.Term{term.Atom("c"), term.Atom("a"), term.Atom("b"), 3, 1} {
		_ = ets.Insert(p, tab, term.Tuple{k})
	}
	for k, _ := ets.First(p, tab); k != ets.EndOfTable; k, _ = ets.Next(p, tab, k) {
		fmt.Print(term.Write(k), " ")
	}
	fmt.Println()
	// Output:
	// 1 3 a b c
}

func ExampleSelect() {
	n, _ := otp.NewNode()
	defer n.Stop()
	p := n.Attach()
	defer p.Detach()

	tab, _ := ets.New(p, "t", ets.OrderedSet)
	_ = ets.Insert(p, tab, term.Tuple{1, term.Atom("a")}, term.Tuple{2, term.Atom("b")}, term.Tuple{3, term.Atom("c")})
	// ets:select(T, [{{'$1','$2'}, [{'>', '$1', 1}], ['$2']}])
	ms, _ := term.Parse("[{{'$1','$2'}, [{'>', '$1', 1}], ['$2']}]")
	res, _ := ets.Select(p, tab, ms)
	fmt.Println(term.Write(term.List(res)))
	m, _ := ets.Match(p, tab, term.Tuple{term.Atom("$1"), term.Atom("b")})
	fmt.Println(m)
	// Output:
	// [b,c]
	// [[2]]
}

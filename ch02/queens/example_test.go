// Book: chapter 2, "List Comprehensions: generate and test" (ch2/queens.erl).

package queens_test

import (
	"fmt"

	"github.com/scalability-go/otpbook/ch02/queens"
	"github.com/scalability-go/otpbook/otp"
	"github.com/scalability-go/otpbook/otp/code"
	"github.com/scalability-go/otpbook/otp/term"
)

func ExampleQueens() {
	var counts []int
	for n := 0; n <= 9; n++ {
		counts = append(counts, len(queens.Queens(n)))
	}
	fmt.Println(counts)
	all := queens.Queens(8)
	fmt.Println(all[0], all[len(all)-1])
	// Output:
	// [1 8 42 140 344 568 550 312 92 0]
	// [4 2 7 3 6 8 5 1] [5 7 2 6 3 1 4 8]
}

// queens:queens(2) in the shell, and the first solution of queens(8).
func ExampleModule() {
	n, _ := otp.NewNode()
	defer n.Stop()
	self := n.Attach()
	defer self.Detach()
	cs := code.Of(n)
	cs.Load(queens.Module())

	two := cs.Apply(self, "queens", "queens", []term.Term{2}).(term.List)
	fmt.Println(len(two), two[:5])
	fmt.Println(cs.Apply(self, "queens", "queens", []term.Term{8}).(term.List)[0])
	// Output:
	// 42 [[3,1],[4,1],[5,1],[6,1],[7,1]]
	// [4,2,7,3,6,8,5,1]
}

package macros_test

import (
	"fmt"

	"github.com/scalability-go/otpbook/ch02/macros"
)

func Example() {
	fmt.Println(macros.Timeout, macros.Max(17, 42))
	module, function, _ := macros.Where()
	fmt.Println(module, function)
	// Output:
	// 5s 42
	// macros_test Example
}

// Book: chapter 2, "Recursion and Pattern Matching" (ch2/ex1.erl).

package ex1_test

import (
	"testing"

	"go.uber.org/goleak"
)

func TestMain(m *testing.M) {
	goleak.VerifyTestMain(m)
}

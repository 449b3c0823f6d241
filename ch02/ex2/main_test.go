// Book: chapter 2, "Recursion and Pattern Matching" (ch2/ex2.erl).

package ex2_test

import (
	"testing"

	"go.uber.org/goleak"
)

func TestMain(m *testing.M) {
	goleak.VerifyTestMain(m)
}

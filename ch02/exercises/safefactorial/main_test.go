// Book: chapter 2, "Recursion and Pattern Matching" (exercise: a safe ch2/ex1.erl).

package safefactorial_test

import (
	"testing"

	"go.uber.org/goleak"
)

func TestMain(m *testing.M) {
	goleak.VerifyTestMain(m)
}

// Book: chapter 2, "Functional Influence" (ch2/ex3.erl).

package ex3_test

import (
	"testing"

	"go.uber.org/goleak"
)

func TestMain(m *testing.M) {
	goleak.VerifyTestMain(m)
}

// Book: chapter 4, "Generic Servers", "Termination" (exercise: a synchronous stop for ch4/frequency.erl).

package syncstop_test

import (
	"testing"

	"go.uber.org/goleak"
)

func TestMain(m *testing.M) {
	goleak.VerifyTestMain(m)
}

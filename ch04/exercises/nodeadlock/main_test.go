// Book: chapter 4, "Generic Servers", "Deadlocks" (exercise: avoid the deadlock).

package nodeadlock_test

import (
	"testing"

	"go.uber.org/goleak"
)

func TestMain(m *testing.M) {
	goleak.VerifyTestMain(m)
}

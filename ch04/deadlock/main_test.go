// Book: chapter 4, "Generic Servers", "Deadlocks".

package deadlock_test

import (
	"testing"

	"go.uber.org/goleak"
)

func TestMain(m *testing.M) {
	goleak.VerifyTestMain(m)
}

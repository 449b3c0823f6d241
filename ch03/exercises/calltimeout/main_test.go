// Book: chapter 3, "Behaviours" (exercise).

package calltimeout_test

import (
	"testing"

	"go.uber.org/goleak"
)

func TestMain(m *testing.M) {
	goleak.VerifyTestMain(m)
}

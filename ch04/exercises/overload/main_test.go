// Book: chapter 4, "Generic Servers", "Call Timeouts" (exercise: overload and deadlines).

package overload_test

import (
	"testing"

	"go.uber.org/goleak"
)

func TestMain(m *testing.M) {
	goleak.VerifyTestMain(m)
}

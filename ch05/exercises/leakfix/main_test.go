// Book: chapter 5, "Controlling OTP Behaviours" (exercise).

package leakfix_test

import (
	"testing"

	"go.uber.org/goleak"
)

func TestMain(m *testing.M) {
	goleak.VerifyTestMain(m)
}

// Book: chapter 3, "Behaviours" (ch3/frequency.erl).

package frequency_test

import (
	"testing"

	"go.uber.org/goleak"
)

func TestMain(m *testing.M) {
	goleak.VerifyTestMain(m)
}

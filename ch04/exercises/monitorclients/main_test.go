// Book: chapter 4, "Generic Servers" (exercise: monitor the clients of ch4/frequency.erl).

package monitorclients_test

import (
	"testing"

	"go.uber.org/goleak"
)

func TestMain(m *testing.M) {
	goleak.VerifyTestMain(m)
}

// Book: chapter 2, "Processes and Message Passing" (exercise: the ring benchmark).

package ring_test

import (
	"testing"

	"go.uber.org/goleak"
)

func TestMain(m *testing.M) {
	goleak.VerifyTestMain(m)
}

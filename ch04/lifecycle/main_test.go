// Book: chapter 4, "Generic Servers", "Starting a Server" and "Termination".

package lifecycle_test

import (
	"testing"

	"go.uber.org/goleak"
)

func TestMain(m *testing.M) {
	goleak.VerifyTestMain(m)
}

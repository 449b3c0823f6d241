// Book: chapter 2, "Processes and Message Passing" (exercise: ch2/echo.erl with a timeout).

package echotimeout_test

import (
	"testing"

	"go.uber.org/goleak"
)

func TestMain(m *testing.M) {
	goleak.VerifyTestMain(m)
}

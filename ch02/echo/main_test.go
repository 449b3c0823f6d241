// Book: chapter 2, "Processes and Message Passing" (ch2/echo.erl).

package echo_test

import (
	"testing"

	"go.uber.org/goleak"
)

func TestMain(m *testing.M) {
	goleak.VerifyTestMain(m)
}

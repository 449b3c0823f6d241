// Book: chapter 2, "Fail Safe!" (ch2/echo_link.erl).

package echolink_test

import (
	"testing"

	"go.uber.org/goleak"
)

func TestMain(m *testing.M) {
	goleak.VerifyTestMain(m)
}

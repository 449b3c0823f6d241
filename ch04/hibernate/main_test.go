// Book: chapter 4, "Generic Servers", "Hibernating Behaviours".

package hibernate_test

import (
	"testing"

	"go.uber.org/goleak"
)

func TestMain(m *testing.M) {
	goleak.VerifyTestMain(m)
}

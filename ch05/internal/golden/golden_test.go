// Book: chapter 5, "Controlling OTP Behaviours" (what the chapter's tests share).

package golden_test

import (
	"testing"

	"github.com/scalability-go/otpbook/ch05/internal/golden"
	"github.com/stretchr/testify/assert"
)

func TestNormalize(t *testing.T) {
	in := "*DBG* frequency got call {allocate,<0.81.0>} from <0.81.0> via <0.9.1> [alias|#Ref<0.1.2.3>] #Ref<0.1.2.3> #Ref<0.4.5.6>"
	want := "*DBG* frequency got call {allocate,<PID1>} from <PID1> via <PID2> [alias|#Ref<1>] #Ref<1> #Ref<2>"
	assert.Equal(t, want, golden.Normalize(in))
	assert.Equal(t, "no pids", golden.Normalize("no pids"))
}

func TestFlat(t *testing.T) {
	in := "1: {out,{ok,10},\n        {<0.2.0>,[alias|#Ref<0.1.0.7>]},\n        {[11],[]}} (frequency)\n2: next\n"
	assert.Equal(t, "1: {out,{ok,10},{<0.2.0>,[alias|#Ref<0.1.0.7>]},{[11],[]}} (frequency)\n2: next\n", golden.Flat(in))
}

package otp

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

// A monSet agrees with a map through its growth from slice to map.
func TestMonSetModel(t *testing.T) {
	var s monSet
	model := map[uint64]*monitor{}
	ms := make([]*monitor, 40)
	for i := range ms {
		ms[i] = &monitor{key: uint64(i)}
	}
	check := func() {
		t.Helper()
		assert.Equal(t, len(model), s.len())
		got := map[uint64]*monitor{}
		for k, m := range s.all {
			got[k] = m
		}
		assert.Equal(t, model, got)
		for k := range uint64(45) {
			assert.Equal(t, model[k], s.get(k))
		}
	}
	for i := range 12 {
		s.put(uint64(i), ms[i])
		model[uint64(i)] = ms[i]
		check()
	}
	for _, k := range []uint64{3, 0, 11, 44, 3} {
		assert.Equal(t, model[k], s.del(k))
		delete(model, k)
		check()
	}
	var small monSet
	for i := range 5 {
		small.put(uint64(i), ms[i])
	}
	for _, k := range []uint64{4, 0, 2, 9} {
		want := map[uint64]bool{4: true, 0: true, 2: true}[k]
		assert.Equal(t, want, small.del(k) != nil)
	}
	assert.Equal(t, 2, small.len())
	assert.Equal(t, ms[1], small.get(1))
	assert.Equal(t, ms[3], small.get(3))
}

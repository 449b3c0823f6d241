package otp

import (
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/stretchr/testify/require"
)

// TestMailboxModel checks the mailbox against a plain slice under random
// pushes and takes from anywhere (the head, the tail, the middle, after a
// marker), so that holes, compaction and the marker all get exercised.
func TestMailboxModel(t *testing.T) {
	for seed := range uint64(50) {
		r := rand.New(rand.NewPCG(seed, 1))
		var m *mailbox
		var model []int
		next := 0
		for step := range 5000 {
			switch op := r.IntN(10); {
			case op < 5 || len(model) == 0:
				if m == nil {
					m = &mailbox{}
				}
				m.push(next)
				model = append(model, next)
				next++
			case op < 9:
				// take the first message >= a random value, from
				// anywhere
				want := model[r.IntN(len(model))]
				if r.IntN(3) == 0 {
					want = model[len(model)-1]
				}
				got, ok, _ := m.take(func(v any) bool { return v.(int) >= want }, 0)
				require.True(t, ok, "seed %d step %d", seed, step)
				i := slices.IndexFunc(model, func(v int) bool { return v >= want })
				require.Equal(t, model[i], got, "seed %d step %d", seed, step)
				model = slices.Delete(model, i, i+1)
			default:
				// take after a marker: only messages pushed since
				mark := m.nextSeq()
				m.push(next)
				model = append(model, next)
				next++
				got, ok, _ := m.take(nil, mark)
				require.True(t, ok)
				require.Equal(t, model[len(model)-1], got)
				model = model[:len(model)-1]
			}
			require.Equal(t, len(model), m.len(), "seed %d step %d", seed, step)
		}
		all := m.all()
		require.Len(t, all, len(model))
		for i, v := range model {
			require.Equal(t, v, all[i])
		}
		require.Equal(t, all, m.drain())
		require.Zero(t, m.len())
	}
}

func TestMailboxNilIsEmpty(t *testing.T) {
	var m *mailbox
	require.Zero(t, m.len())
	_, ok, _ := m.take(nil, 0)
	require.False(t, ok)
	require.Empty(t, m.all())
	require.Empty(t, m.drain())
}

// A mailbox emptied after a burst gives its buffer back.
func TestMailboxGivesMemoryBack(t *testing.T) {
	m := &mailbox{}
	for i := range 100_000 {
		m.push(i)
	}
	for range 100_000 {
		_, ok, _ := m.take(nil, 0)
		require.True(t, ok)
	}
	require.LessOrEqual(t, cap(m.q), keepCap)
	for i := range 5000 {
		m.push(i)
	}
	require.Len(t, m.drain(), 5000)
	require.LessOrEqual(t, cap(m.q), keepCap)
}

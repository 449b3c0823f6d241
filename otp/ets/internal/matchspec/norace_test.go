//go:build !race

package matchspec

const raceEnabled = false

//go:build race

package patron

// raceEnabled reports whether the race detector is on, which slows code
// too much for timing checks.
const raceEnabled = true

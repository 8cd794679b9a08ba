//go:build race

package store

// raceDetector reports a test binary built with -race, which makes the
// store's SQLite (C translated to Go) some ten times slower.
const raceDetector = true

// Package library turns a host's configuration into the values the rule
// packages understand: every place's calendar (calendar.Calendar), the
// courier (shipping.Courier), the circulation and hold policies
// (circulation.Policy, holds.Policy), each in the version in force on a
// given day (V1, V2), and the reservation desk built from them.
//
// The configuration is one versioned JSON document (docs/config.md):
//
//	lib, err := library.Load(b)          // or library.Default(), the Prefectural Library's own
//	desk, err := lib.NewDesk(today, stored)
//	policy := lib.CirculationPolicy(today)
//
// Load reports every problem of a document at once, each with its JSON
// path (Problems). A host may also start from DefaultConfig, change the
// Go values and compile them with New.
//
// For user interfaces, ClosedDays, Month and WriteICS answer for a place
// named by ID or name. For an unplanned closure, Closing builds the
// change and Consequences lists what it changes for the host's loans and
// reservations (X1–X4), each with a reason ready to feed a notice.
//
// A *Library is immutable and safe for concurrent use. The package reads
// no files and no clock: the host passes the document's bytes and the
// day.
package library

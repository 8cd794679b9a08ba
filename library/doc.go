// Package library is kashidashi's front door. It turns a host's
// configuration into the values the rule packages understand: every
// place's calendar (calendar.Calendar), the courier (shipping.Courier),
// the circulation and hold policies (circulation.Policy, holds.Policy),
// each in the version in force on a given day (V1, V2), the reservation
// desk, timelines and notices built from them.
//
// A host starts here, from the Prefectural Library's own rules or from
// its own document (docs/config.md):
//
//	lib := library.Default()             // or library.Load(b)
//	desk, err := lib.NewDesk(stored)     // serves every day under that day's rules
//	decision, err := lib.LoanPolicy(req.Loan, today).Extend(req)
//	n, err := lib.Notice(reservation, loans, parcel)
//
// The configuration's policy table (V3, V4) sets loan periods, limits and
// shelf days by patron category, item category, collection, method and
// place. The desk, Timeline and Notice resolve a reservation through it
// (PolicyFor), LoanPolicy a loan, Policies any decision's criteria;
// Explain says which row supplied each setting and WhatIf tries a draft
// table (V5, V6). CirculationPolicy and HoldPolicy are the base policies
// of a day, for a library without a table.
//
// The embedded document library/default.json is the one source of the
// Prefectural Library's rules; no other package holds them. Default
// compiles it once. Load reports every problem of a document at once as
// reason.Problems, each with its JSON path. A host may also start from
// Default().Config(), change the Go values and compile them with New.
//
// For user interfaces, ClosedDays, Month and WriteICS answer for a place
// named by ID or name. For an unplanned closure, Closing builds the
// change and Consequences lists what it changes for the host's loans and
// reservations (X1–X4), each with a reason ready to feed a notice. Apply
// gives the records to store, each keeping its original date and marked
// so that applying again changes nothing (X5), optionally spreading the
// moved due dates over the days after the reopening (X7);
// ClosureNotices gives one notice per patron (X6).
//
// A *Library is immutable and safe for concurrent use. The package reads
// no files and no clock: the host passes the document's bytes and the
// day.
package library

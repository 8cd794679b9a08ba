// Package ruletest is a test kit for hosts of kashidashi: rapid
// (pgregory.net/rapid) generators for every input a host passes the rule
// packages, reference models written independently of the engine, and
// ready properties that check a host's own code against the rules with
// one call. Import it from _test.go files only; it is the one package of
// the module that imports rapid, and nothing a production binary links
// imports it.
//
// # Generators
//
// Every generator draws valid values (they pass the type's Validate, or
// compile with calendar.New, shipping.NewClassifier) of the shapes real
// libraries have, and shrinks toward the published defaults:
//
//   - DateIn, WeekdaySet: days (often month and year ends) and sets of
//     weekdays;
//   - LibraryRules, CompiledCalendar: calendar rules with weekly
//     closures, holiday settings, month-end and year-end closures,
//     inventory periods and one-off openings;
//   - LoanPolicy, HoldPolicy, ParcelLimits, Packings: policies, and
//     Overrides: what staff let go (or the zero Override of a patron);
//   - PickupPlace, LoanCases, ReservationHistory, Carts, Parcels: places,
//     a loan with the patron's other loans, the steps of a reservation,
//     reservation carts, parcels;
//   - Configs: whole configuration documents (library.Config), with
//     partner libraries, dated changes and policy tables (V3): rows of
//     criteria over the document's own places, methods, patron and item
//     categories and collections, no two alike, setting circulation and
//     hold settings whose every combination Load accepts (V4);
//   - Emails, Passwords and BadEmails, BadPasswords: addresses and
//     passwords that are accepted, or refused for a given reason.
//
// PlaceCalendars returns the calendars of the places the generators draw.
//
// # Models
//
// OpenByRules decides whether a place is open on a day by reading
// calendar.Rules day by day. CheckDesk drives a reservation desk and a
// model of the reservation rules (queues, positions, limits, lifecycle)
// side by side.
//
// # Properties
//
// CheckExtend, CheckStaffExtend, CheckDueDate, CheckShelfDeadline,
// CheckOpenDays, CheckExpiry and CheckDesk each take a host's function
// (its renewal endpoint on My Page or at the counter, due-date code,
// calendar sync, nightly expiry job, desk) and check it against the
// engine and the models on generated cases.
//
// A host's function takes and gives the SDK's own shapes, so that a host
// wraps the SDK's call rather than re-arranging its arguments:
// CheckExtend and CheckStaffExtend hand it the circulation.ExtendRequest
// Policy.Extend gets and compare its circulation.Decision (the extended
// loan and the override used) and its refusal with Extend's (a host that
// only calls Extend passes policy.Extend itself); CheckDueDate hands it
// the circulation.Loan being made (its Place, Short and Loaned), as
// Policy.DueDate reads it; CheckDesk drives anything with the methods of
// holds.Desk (ReservationDesk).
//
// # Reading and replaying a failure
//
// Every property logs each case as JSON before checking it, so a failure
// ends with the smallest case rapid found, for example:
//
//	case: {"loan":{"item":"b0","place":{"method":"prefectural_library"},"collection":"general",...,"loaned":"2021-02-04","due":"2021-02-18","extensions":0},"others":null,"today":"2021-02-04"}
//	Extend gives: {"loan":{...,"due":"2021-02-18","extensions":1}}
//	host gives: {"loan":{...,"due":"2021-03-04","extensions":1}}
//	L3 extension: host's loan differs from Extend's
//
// (rapid also prints each draw in Go syntax). It prints the flags that
// replay the failure; the usual ones work:
//
//	go test -run TestRenewal -rapid.seed=1234        # the same draws again
//	go test -run TestRenewal -rapid.failfile=testdata/rapid/TestRenewal/TestRenewal-....fail
//	go test -run TestRenewal -rapid.checks=10000      # look harder
//	go test -run TestRenewal -rapid.v                 # log every case
//
// A failing case is also saved under testdata/rapid and replayed first
// by the next run, until it passes.
package ruletest

package ruletest

import (
	"github.com/kashidashi/kashidashi/circulation"
	"github.com/kashidashi/kashidashi/holds"
	"github.com/kashidashi/kashidashi/library"
	"github.com/kashidashi/kashidashi/reason"
	"pgregory.net/rapid"
)

// keepOr draws an int from lo to hi that shrinks toward def: the default
// three times in four, unless def is out of range.
func keepOr(t *rapid.T, label string, def, lo, hi int) int {
	if hi < lo {
		hi = lo
	}
	if def >= lo && def <= hi && rapid.IntRange(0, 3).Draw(t, label+"_changed") < 3 {
		return def
	}
	return rapid.IntRange(lo, hi).Draw(t, label)
}

// LoanPolicy draws a valid circulation.Policy (it passes Validate): one
// draw in five is the published default (library.Default()'s policy); in
// the others each field keeps its default three times in four or takes
// any value Validate allows given the fields before it, with loan and
// reservation limits kept small enough for generated patrons to reach
// them, and Overridable any set of circulation.Waivable(). Draws shrink
// toward the default.
func LoanPolicy() *rapid.Generator[circulation.Policy] {
	return rapid.Custom(func(t *rapid.T) circulation.Policy {
		d := library.Default().CirculationPolicy(spanFirst)
		if rapid.IntRange(0, 4).Draw(t, "policy_changed") == 0 {
			return d
		}
		var p circulation.Policy
		p.LoanDays = keepOr(t, "loan_days", d.LoanDays, 1, 60)
		p.ShortLoanDays = keepOr(t, "short_loan_days", d.ShortLoanDays, 1, p.LoanDays)
		p.RemoteLoanDays = keepOr(t, "remote_loan_days", d.RemoteLoanDays, 1, 90)
		p.RemoteShortLoanDays = keepOr(t, "remote_short_loan_days", d.RemoteShortLoanDays, 1, p.RemoteLoanDays)
		p.ExtensionDays = keepOr(t, "extension_days", d.ExtensionDays, max(1, p.LoanDays-1), 90)
		p.ShortExtensionDays = keepOr(t, "short_extension_days", d.ShortExtensionDays, max(1, p.ShortLoanDays-1), p.ExtensionDays)
		p.MaxExtensions = keepOr(t, "max_extensions", d.MaxExtensions, 1, 3)
		p.MaxLoans = keepOr(t, "max_loans", d.MaxLoans, 1, 12)
		p.MaxReservations = keepOr(t, "max_reservations", d.MaxReservations, 1, 12)
		if rapid.IntRange(0, 3).Draw(t, "due_on_closed_day_changed") == 3 {
			p.DueOnClosedDay = rapid.SampledFrom([]circulation.DueDateRule{circulation.DueDateNextOpenDay, circulation.DueDatePreviousOpenDay, circulation.DueDateEndOfClosure}).Draw(t, "due_on_closed_day")
		} else {
			p.DueOnClosedDay = d.DueOnClosedDay
		}
		p.HideReserveAtLoanLimit = rapid.IntRange(0, 3).Draw(t, "hide_reserve_at_loan_limit_changed") == 3
		p.Overridable = d.Overridable
		if rapid.IntRange(0, 3).Draw(t, "overridable_changed") == 3 {
			p.Overridable = softSet(t, circulation.Reasons(), circulation.Waivable())
		}
		return p
	})
}

// HoldPolicy draws a valid holds.Policy (it passes Validate): a hold shelf
// of the default 10 open days or 1 to 30, counted in open or calendar
// days (H7), the default shelf days by contact (none) or 1 to 30 for
// each (H8), the default extension (none) or 1 to 14 days (H9), either
// reading-order rule, a
// LoanPolicy, and the default soft reasons or any set of holds.Waivable().
// Draws shrink toward the published policy (library.Default).
func HoldPolicy() *rapid.Generator[holds.Policy] {
	return rapid.Custom(func(t *rapid.T) holds.Policy {
		d := library.Default().HoldPolicy(spanFirst)
		p := holds.Policy{
			ShelfDays:  keepOr(t, "shelf_days", d.ShelfDays, 1, 30),
			ShelfCount: rapid.SampledFrom([]holds.ShelfCount{d.ShelfCount, holds.OpenDays, holds.CalendarDays}).Draw(t, "shelf_count"),
			ShelfDaysByContact: holds.ShelfDaysByContact{
				Email:     keepOr(t, "shelf_days_email", d.ShelfDaysByContact.Email, 1, 30),
				Telephone: keepOr(t, "shelf_days_telephone", d.ShelfDaysByContact.Telephone, 1, 30),
				None:      keepOr(t, "shelf_days_none", d.ShelfDaysByContact.None, 1, 30),
			},
			ShelfExtensionDays:  keepOr(t, "shelf_extension_days", d.ShelfExtensionDays, 1, 14),
			HoldForReadingOrder: rapid.Bool().Draw(t, "hold_for_reading_order"),
			Circulation:         LoanPolicy().Draw(t, "circulation"),
			Overridable:         d.Overridable,
		}
		if rapid.IntRange(0, 3).Draw(t, "overridable_changed") == 3 {
			p.Overridable = softSet(t, holds.Reasons(), holds.Waivable())
		}
		return p
	})
}

// softSet draws the reasons of a policy's Overridable: any subset of
// the package's reasons rs that are safe to waive (waivable, the
// package's Waivable()).
func softSet(t *rapid.T, rs []*reason.Reason, waivable circulation.Codes) circulation.Codes {
	var soft []reason.Coded
	for _, r := range rs {
		if waivable.Has(r.Code()) && rapid.Bool().Draw(t, "soft_"+r.Code()) {
			soft = append(soft, r)
		}
	}
	return circulation.CodesOf(soft...)
}

// VariantLoanPolicy draws a valid circulation.Policy (it passes Validate)
// like LoanPolicy, with the settings for other libraries' rules drawn too:
// the extension counted from the due date (L10), an extension only from
// the n-th day of the loan (L11), the loan period counted from the next
// day (L12) and a grace before long closures (L13). Each keeps the
// guide's value (the zero value) half the time, and draws shrink toward
// it. LoanPolicy never draws them, so that properties written for the
// guide's rules keep holding.
func VariantLoanPolicy() *rapid.Generator[circulation.Policy] {
	return rapid.Custom(func(t *rapid.T) circulation.Policy {
		p := LoanPolicy().Draw(t, "policy")
		p.CountFromNextDay = rapid.Bool().Draw(t, "count_from_next_day")
		if rapid.Bool().Draw(t, "extend_from_due_date") {
			p.ExtendFrom = circulation.ExtendFromDueDate
		} else if p.CountFromNextDay {
			// L3 from the day of the extension: not shorter than the loan.
			p.ExtensionDays = max(p.ExtensionDays, p.LoanDays)
			p.ShortExtensionDays = min(max(p.ShortExtensionDays, p.ShortLoanDays), p.ExtensionDays)
		}
		if rapid.Bool().Draw(t, "extend_from_loan_day_changed") {
			p.ExtendFromLoanDay = rapid.IntRange(0, p.ShortLoanDays).Draw(t, "extend_from_loan_day")
		}
		if rapid.Bool().Draw(t, "closure_grace_changed") {
			p.ClosureGrace = circulation.ClosureGrace{
				WithinDays:     rapid.IntRange(1, 30).Draw(t, "within_days"),
				MinClosureDays: rapid.IntRange(1, 10).Draw(t, "min_closure_days"),
			}
		}
		return p
	})
}

package main

import (
	"encoding/json"
	"fmt"

	"github.com/kashidashi/kashidashi/calendar"
	"github.com/kashidashi/kashidashi/circulation"
	"github.com/kashidashi/kashidashi/holds"
)

// extend tries to extend the partner-library loan, which another patron
// has meanwhile reserved (L4), then extends a loan from the Prefectural
// Library (L3).
func (s *story) extend() error {
	s.heading(3, "Extensions (L3, L4)", "貸出延長（L3, L4）")
	// Another patron reserves volume 1 while she reads it.
	counter := circulation.Place{Method: circulation.PrefecturalLibrary}
	if _, err := s.desk.Do(holds.Request{
		Action: holds.ActionReserve,
		Today:  s.collectedOn.AddDays(3),
		Cart: holds.Cart{
			Patron:   "0999999999",
			Items:    []circulation.Item{{ID: volumes[0].id, Status: circulation.OnLoan}},
			Place:    counter,
			Ordering: holds.Normal,
		},
	}); err != nil {
		return err
	}
	loan := s.collected
	loan.Reserved = len(s.desk.Queue(loan.Item)) > 0

	// Her other loan, borrowed at the Prefectural Library counter.
	other, err := s.lend("0020000001", counter, s.collectedOn.AddDays(-2))
	if err != nil {
		return err
	}
	today := s.collectedOn.AddDays(7)
	_, err = s.extendLoan(loan, other, today, circulation.Override{})
	if err := refused(err); err != nil {
		return err
	}
	s.say("%s: extending volume 1 (due %s) is refused:", "%s: 一巻（返却期限 %s）の延長はできません:", today, loan.Due)
	s.bothLanguages(err)

	d, err := s.extendLoan(other, loan, today, circulation.Override{})
	if err != nil {
		return err
	}
	extended := d.Loan
	s.say("%s: the Prefectural Library loan %s, due %s, is extended to %s"+
		" (%d days from the day of extension, not from the old due date).",
		"%s: 道立図書館で借りた%s（返却期限 %s）を延長し、返却期限は%s"+
			"（延長した日から%d日。元の返却期限からではありません）。",
		today, other.Item, other.Due, extended.Due, s.lib.LoanPolicy(other, today).ExtensionDays)
	return s.staffOverride(loan, extended, today)
}

// lend returns the loan of item made at place on day loaned, due under
// the loan's policy of that day (V7) on the calendar of the place it
// goes back to (L2, L5).
func (s *story) lend(item string, place circulation.Place, loaned calendar.Date) (circulation.Loan, error) {
	l := circulation.Loan{Item: item, Place: place, Loaned: loaned}
	returnTo, err := s.lib.ReturnCalendar(l)
	if err != nil {
		return l, err
	}
	l.Due, err = s.lib.LoanPolicy(l, loaned).DueDate(l, returnTo)
	return l, err
}

// extendLoan asks to extend l on today, the patron's other loan being
// other, under the loan's policy of today (V7), on the calendar of the place l goes
// back to (L3, L4, L5); ov is staff's override, zero for the patron.
func (s *story) extendLoan(l, other circulation.Loan, today calendar.Date, ov circulation.Override) (circulation.Decision, error) {
	returnTo, err := s.lib.ReturnCalendar(l)
	if err != nil {
		return circulation.Decision{}, err
	}
	return s.lib.LoanPolicy(l, today).Extend(circulation.ExtendRequest{
		Loan: l, Others: []circulation.Loan{other}, Today: today, ReturnTo: returnTo, Override: ov,
	})
}

// staffOverride shows staff at the counter overriding the soft reasons of
// an extension (L4 b, c) but not a hard one (L4 a: a partner library's
// loan).
func (s *story) staffOverride(partnerLoan, extended circulation.Loan, today calendar.Date) error {
	ov := circulation.Override{
		Staff: "s.tanaka",
		Codes: circulation.CodesOf(circulation.ErrReserved, circulation.ErrAlreadyExtended),
		Note:  "exams",
	}
	_, err := s.extendLoan(partnerLoan, extended, today, ov)
	if err := refused(err); err != nil {
		return err
	}
	s.say("At the counter, staff may let \"reserved\" and \"already extended\" go, but not the partner library's terms:",
		"窓口の職員は「予約あり」「延長済み」を解除できますが、受取館の規定は解除できません:")
	s.reasons(err)
	later := today.AddDays(5)
	again, err := s.extendLoan(extended, partnerLoan, later, ov)
	if err != nil {
		return err
	}
	audit, err := json.Marshal(again.Override)
	if err != nil {
		return err
	}
	s.say("%s: staff extend %s a second time, to %s; the audit log records:",
		"%s: 職員が%sを再度延長し、返却期限は%s。記録:", later, extended.Item, again.Loan.Due)
	fmt.Fprintf(s.w, "   %s\n", audit)
	return nil
}

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
	if _, _, err := s.desk.Checkout(holds.Cart{
		Patron:   "0999999999",
		Items:    []holds.CartItem{{Item: volumes[0].id, Status: circulation.OnLoan}},
		Place:    circulation.Place{Method: circulation.PrefecturalLibrary},
		Ordering: holds.Normal,
	}, s.collectedOn.AddDays(3), circulation.Override{}); err != nil {
		return err
	}
	loan := s.collected
	loan.Reserved = len(s.desk.Queue(loan.Item)) > 0

	// Her other loan, borrowed at the Prefectural Library counter.
	counter := circulation.Place{Method: circulation.PrefecturalLibrary}
	loaned := s.collectedOn.AddDays(-2)
	due, err := s.loans.DueDate(counter.Method, false, loaned, s.cals.Library)
	if err != nil {
		return err
	}
	other := circulation.Loan{Item: "0020000001", Place: counter, Loaned: loaned, Due: due}
	today := s.collectedOn.AddDays(7)
	_, _, err = s.loans.Extend(loan, []circulation.Loan{other}, today, s.cals.Partners[partnerName], circulation.Override{})
	s.say("%s: extending volume 1 (due %s) is refused:", "%s: 一巻（返却期限 %s）の延長はできません:", today, loan.Due)
	s.bothLanguages(err)

	extended, _, err := s.loans.Extend(other, []circulation.Loan{loan}, today, s.cals.Library, circulation.Override{})
	if err != nil {
		return err
	}
	s.say("%s: the Prefectural Library loan %s, due %s, is extended to %s"+
		" (%d days from the day of extension, not from the old due date).",
		"%s: 道立図書館で借りた%s（返却期限 %s）を延長し、返却期限は%s"+
			"（延長した日から%d日。元の返却期限からではありません）。",
		today, other.Item, other.Due, extended.Due, s.loans.ExtensionDays)
	return s.staffOverride(loan, extended, today)
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
	_, _, err := s.loans.Extend(partnerLoan, []circulation.Loan{extended}, today, s.cals.Partners[partnerName], ov)
	s.say("At the counter, staff may let \"reserved\" and \"already extended\" go, but not the partner library's terms:",
		"窓口の職員は「予約あり」「延長済み」を解除できますが、受取館の規定は解除できません:")
	s.reasons(err)
	later := today.AddDays(5)
	again, used, err := s.loans.Extend(extended, []circulation.Loan{partnerLoan}, later, s.cals.Library, ov)
	if err != nil {
		return err
	}
	audit, err := json.Marshal(used)
	if err != nil {
		return err
	}
	s.say("%s: staff extend %s a second time, to %s; the audit log records:",
		"%s: 職員が%sを再度延長し、返却期限は%s。記録:", later, extended.Item, again.Due)
	fmt.Fprintf(s.w, "   %s\n", audit)
	return nil
}

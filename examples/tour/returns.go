package main

import (
	"time"

	"github.com/kashidashi/kashidashi/calendar"
	"github.com/kashidashi/kashidashi/circulation"
)

// returnItem returns volume 1 first at the wrong place (M2), then where it
// was received (R-PT4).
func (s *story) returnItem() error {
	s.heading(4, "Returns (M2, R-PL2, R-PT4)", "返却（M2, R-PL2, R-PT4）")
	day := s.collectedOn.AddDays(20)
	desk, err := s.lib.ReturnDesk(day)
	if err != nil {
		return err
	}
	at := day.In(calendar.JST()).Add(10 * time.Hour)
	_, err = desk.Accept(circulation.Return{
		Loan:    s.collected,
		At:      circulation.Place{Method: circulation.PrefecturalLibrary},
		Channel: circulation.BookDrop,
		When:    at,
	})
	if err := refused(err); err != nil {
		return err
	}
	s.say("%s: volume 1 dropped in the Prefectural Library's book drop is refused:",
		"%s: 一巻を道立図書館のブックポストに返却しようとすると:", day)
	s.reasons(err)
	receipt, err := desk.Accept(circulation.Return{Loan: s.collected, At: s.partner, Channel: circulation.Counter, When: at})
	if err != nil {
		return err
	}
	s.say("Returned at %s instead: accepted on %s; My Page shows it on loan "+
		"until it is back at the Prefectural Library (on arrival: %v).",
		"%sに返却: %sに受付。道立図書館に戻るまでMyページでは貸出中と表示されます（到着時: %v）。",
		partnerName, receipt.Returned, receipt.OnArrival)
	return nil
}

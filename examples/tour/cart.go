package main

import (
	"fmt"
	"strings"

	"github.com/kashidashi/kashidashi/calendar"
	"github.com/kashidashi/kashidashi/circulation"
	"github.com/kashidashi/kashidashi/holds"
)

// volumes are the three volumes the patron puts in her cart.
var volumes = []struct{ id, title string }{
	{"0010000001", "坂の上の雲 一"},
	{"0010000002", "坂の上の雲 二"},
	{"0010000003", "坂の上の雲 三"},
}

// reserveCart checks out a cart of three volumes in reading order to a
// partner library (H1, H2), secures them as copies come back, and prints
// the timeline of each (H4, H6, R-PT2, R-PT3), then collects the first.
func (s *story) reserveCart() error {
	s.heading(2, "A cart of three volumes, in reading order (H1–H6, R-PT)",
		"3冊を読みたい順に予約（H1〜H6, R-PT）")
	rs, err := s.checkout()
	if err != nil {
		return err
	}
	first, err := s.secure()
	if err != nil {
		return err
	}
	return s.collect(rs[0].ID, first)
}

// checkout places the cart and lists its reservations with their queue
// positions (H2, H3).
func (s *story) checkout() ([]holds.Reservation, error) {
	// Volume 1 and 3 are out on loan; volume 2 is on the shelf.
	statuses := []circulation.Status{circulation.OnLoan, circulation.OnShelf, circulation.OnLoan}
	cart := holds.Cart{
		Patron:           "0123456789",
		Place:            s.partner,
		Ordering:         holds.ReadingOrder,
		PartnerLibraries: []string{partnerName},
	}
	for i, v := range volumes {
		cart.Items = append(cart.Items, circulation.Item{ID: v.id, Status: statuses[i]})
	}
	ch, err := s.desk.Do(holds.Request{Action: holds.ActionReserve, Cart: cart, Today: s.start})
	if err != nil {
		return nil, err
	}
	rs := ch.Reservations
	s.say("%s: %d reservations placed, pickup at %s.", "%s: %d件を予約。受取館は%s。",
		s.start, len(rs), partnerName)
	for i, r := range rs {
		st := statuses[i].Label(s.lang)
		st += strings.Repeat(" ", max(0, 12-columns(st))) // pad by display width
		s.say("  %s  %s  %s  queue position %d", "  %s  %s  %s  予約順位 %d",
			volumes[i].id, volumes[i].title, st, s.desk.Position(r.ID))
	}
	return rs, nil
}

// secure secures the volumes as copies come back and prints the timeline
// of each (H4, H6, R-PT2, R-PT3); it returns the first volume's.
func (s *story) secure() (holds.Timeline, error) {
	// Volume 2 is on the shelf, but the reading order holds it back.
	_, err := s.desk.Do(holds.Request{Action: holds.ActionSecure, Item: volumes[1].id, Today: s.start})
	if err := refused(err); err != nil {
		return holds.Timeline{}, err
	}
	s.say("Volume 2 is on the shelf, but waits for volume 1:", "二巻は在庫ありですが、一巻を待ちます:")
	s.reasons(err)

	// Copies come back: volume 1 after five days, then volume 3.
	secured := []calendar.Date{s.start.AddDays(5), s.start.AddDays(5), s.start.AddDays(9)}
	fmt.Fprintln(s.w)
	s.say("vol  notice      sent        ready       deadline    due",
		"巻   確保メール  発送        受取開始    取置期限    返却期限")
	var first holds.Timeline
	for i, v := range volumes {
		ch, err := s.desk.Do(holds.Request{Action: holds.ActionSecure, Item: v.id, Today: secured[i]})
		if err != nil {
			return first, err
		}
		tl, err := s.lib.Timeline(ch.Reservations[0], 0)
		if err != nil {
			return first, err
		}
		if i == 0 {
			first = tl
		}
		fmt.Fprintf(s.w, "%-4d %-11s %-11s %-11s %-11s %s\n", i+1,
			date(tl.Notice), date(tl.Sent), date(tl.FirstPickup), date(tl.Deadline), date(tl.Due))
	}
	s.say("(Sent on the next courier day, Tuesday or Friday; collectable two days "+
		"later when the partner library is open; on the shelf for 10 of its open days.)",
		"（確保メールの後の協力車の日（火・金）に発送、発送日の翌々日以降に受取館で受取。"+
			"取置期限は受取館の開館日で10日。）")
	return first, nil
}

// collect sends reservation id by courier, shelves it on arrival and
// collects it on its first day, tl.FirstPickup; the loan is dated the
// courier day (L2).
func (s *story) collect(id uint64, tl holds.Timeline) error {
	for _, r := range []holds.Request{
		{Action: holds.ActionShip, ID: id, Today: tl.Sent, Loans: 3},
		{Action: holds.ActionMakeReady, ID: id, Today: tl.Sent.AddDays(1)},
	} {
		if _, err := s.desk.Do(r); err != nil {
			return err
		}
	}
	ch, err := s.desk.Do(holds.Request{Action: holds.ActionCollect, ID: id, Today: tl.FirstPickup})
	if err != nil {
		return err
	}
	loan := ch.Loan
	s.collected, s.collectedOn = loan, tl.FirstPickup
	fmt.Fprintln(s.w)
	s.say("%s: volume 1 collected at %s. Lent from the courier day %s, due %s "+
		"(30 days, shipping both ways included).",
		"%s: 一巻を%sで受取。貸出日は発送日の%s、返却期限は%s"+
			"（30日、往復の配送期間を含む）。",
		tl.FirstPickup, partnerName, loan.Loaned, loan.Due)
	return nil
}

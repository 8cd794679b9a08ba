package main

import (
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/kashidashi/kashidashi/calendar"
	"github.com/kashidashi/kashidashi/circulation"
	"github.com/kashidashi/kashidashi/holds"
	"github.com/kashidashi/kashidashi/library"
	"github.com/kashidashi/kashidashi/reason"
)

// maxCloseDays bounds -close, so that the sample stays short.
const maxCloseDays = 31

// printClosure prints what closing the place from o.from to o.to would
// change for a generated sample of loans and reservations (X1–X4).
func printClosure(w io.Writer, o options) error {
	if o.to.DaysSince(o.from) >= maxCloseDays {
		return fmt.Errorf("bad -close: at most %d days", maxCloseDays)
	}
	closure := calendar.Closure{Name: "臨時休館", NameEn: "unplanned closure", From: o.from, To: o.to}
	ch, err := o.lib.Closing(o.place, closure)
	if err != nil {
		return err
	}
	place, err := samplePlace(o)
	if err != nil {
		return err
	}
	loans, rs, err := sample(o, ch.Before, place)
	if err != nil {
		return err
	}
	cs, err := o.lib.Consequences(ch, loans, rs)
	if err != nil {
		return err
	}
	name := placeName(o, place)
	if o.place == "courier" {
		name = courierName(o)
	}
	if o.lang == reason.Japanese {
		fmt.Fprintf(w, "%sを%sから%sまで休止すると：影響%d件（見本の貸出%d件・予約%d件のうち）\n",
			name, o.from, o.to, len(cs), len(loans), len(rs))
	} else {
		fmt.Fprintf(w, "Closing %s from %s to %s: %d consequences for a sample of %d loans and %d reservations\n",
			name, o.from, o.to, len(cs), len(loans), len(rs))
	}
	for _, c := range cs {
		m := message(o, c.Reason)
		fmt.Fprintf(w, "\n%s %s → %s  %s  [%s]\n  %s\n", subject(c, o.lang), c.Old, c.New, placeName(o, c.Place), m.Code, m.Message)
	}
	return nil
}

// subject names the loan or the reservation of c in language l, padded
// to 16 columns: "loan 4          ", "予約 18         ".
func subject(c library.Consequence, l reason.Lang) string {
	what := fmt.Sprintf("loan %d", c.Loan+1)
	switch {
	case c.Loan < 0 && l == reason.Japanese:
		what = fmt.Sprintf("予約 %d", c.Reservation)
	case c.Loan < 0:
		what = fmt.Sprintf("reservation %d", c.Reservation)
	case l == reason.Japanese:
		what = fmt.Sprintf("貸出 %d", c.Loan+1)
	}
	cols := 0
	for _, r := range what {
		cols++
		if r >= 0x1100 { // a Japanese character takes two columns
			cols++
		}
	}
	return what + strings.Repeat(" ", max(16-cols, 0))
}

// courierName is the courier's name in o.lang: the configuration gives
// it in Japanese only, so in English it is "the courier".
func courierName(o options) string {
	if o.lang == reason.Japanese {
		return o.lib.Courier().Calendar().Name()
	}
	return "the courier"
}

// placeName is p's label in o.lang, a partner library by its English
// name (name_en) in English when the configuration gives one.
func placeName(o options, p circulation.Place) string {
	if p.Method != circulation.PartnerLibrary || o.lang == reason.Japanese {
		return p.Label(o.lang)
	}
	if s, err := o.lib.Site(p.Library); err == nil && s.NameEn != "" {
		return s.NameEn + " (partner library)"
	}
	return p.Label(o.lang)
}

// message renders c in o.lang. The library a consequence names is given
// in Japanese, the name places carry; in English it is given again by
// its English name (name_en) when the configuration has one.
func message(o options, c reason.Coded) reason.Message {
	m := reason.Localize(c, o.lang)[0]
	lib, ok := m.Params.Get("library")
	var sentinel *reason.Reason
	if o.lang == reason.Japanese || !ok || !errors.As(c, &sentinel) {
		return m
	}
	name, _ := lib.Value().(string)
	if s, err := o.lib.Site(name); err == nil && s.NameEn != "" {
		return reason.Localize(sentinel.With(append(m.Params, reason.LibraryName(s.NameEn))...), o.lang)[0]
	}
	return m
}

// samplePlace is where the sample's items are: the place closed, or for
// the courier the first partner library.
func samplePlace(o options) (circulation.Place, error) {
	if o.place == "courier" {
		for _, s := range o.lib.Sites() {
			if s.Kind == library.Partner {
				return circulation.Place{Method: circulation.PartnerLibrary, Library: s.Name}, nil
			}
		}
		return circulation.Place{}, fmt.Errorf("the courier serves partner libraries, and the configuration has none")
	}
	s, err := o.lib.Site(o.place)
	if err != nil {
		return circulation.Place{}, err
	}
	switch s.Kind {
	case library.Prefectural:
		return circulation.Place{Method: circulation.PrefecturalLibrary}, nil
	case library.Assembly:
		return circulation.Place{Method: circulation.AssemblyLibrary}, nil
	}
	return circulation.Place{Method: circulation.PartnerLibrary, Library: s.Name}, nil
}

// sample generates, deterministically, loans due on each day from three
// days before the closure to three after it, and reservations made ready,
// secured or sent on each of the fourteen days before it and during it:
// at place, and by home delivery when the place is the Prefectural
// Library. Dates are those the rules in force gave before the closure.
func sample(o options, cals holds.Calendars, place circulation.Place) ([]circulation.Loan, []holds.Reservation, error) {
	at, err := cals.At(place)
	if err != nil {
		return nil, nil, err
	}
	places := []circulation.Place{place}
	if place.Method == circulation.PrefecturalLibrary {
		places = append(places, circulation.Place{Method: circulation.HomeDelivery})
	}
	var loans []circulation.Loan
	for _, p := range places {
		period := o.lib.LoanPolicy(circulation.Loan{Place: p}, o.from).LoanPeriod(circulation.Loan{Place: p}) // V7
		for d := o.from.AddDays(-3); !d.After(o.to.AddDays(3)); d = d.AddDays(1) {
			loans = append(loans, circulation.Loan{Item: fmt.Sprintf("item-%d", len(loans)+1), Place: p,
				Loaned: d.AddDays(1 - period), Due: d})
		}
	}
	var rs []holds.Reservation
	add := func(r holds.Reservation) {
		r.ID, r.Patron, r.Item = uint64(len(rs)+1), "patron", fmt.Sprintf("book-%d", len(rs)+1)
		r.PlacedOn = r.SecuredOn.AddDays(-7)
		rs = append(rs, r)
	}
	hp := o.lib.PolicyFor(holds.Reservation{Item: "book", Place: place}, o.from) // V7: the table's for the place
	for d := o.from.AddDays(-14); !d.After(o.to); d = d.AddDays(1) {
		switch place.Method {
		case circulation.PrefecturalLibrary, circulation.AssemblyLibrary:
			if at.IsOpen(d) {
				add(holds.Reservation{Place: place, State: holds.Ready, SecuredOn: d, ReadyOn: d,
					Deadline: hp.ShelfDeadline(at.AddOpenDays(d, 1), at)})
			}
		case circulation.PartnerLibrary:
			add(holds.Reservation{Place: place, State: holds.Secured, SecuredOn: d})
			if cals.Courier.IsCourierDay(d) {
				add(holds.Reservation{Place: place, State: holds.InTransit, SecuredOn: d.AddDays(-3), ShippedOn: d})
				if first := cals.Courier.Collectable(d, at); !first.IsZero() {
					add(holds.Reservation{Place: place, State: holds.Ready, SecuredOn: d.AddDays(-3), ShippedOn: d,
						ReadyOn: d.AddDays(1), Deadline: hp.ShelfDeadline(first, at)})
				}
			}
		}
		if place.Method == circulation.PrefecturalLibrary {
			add(holds.Reservation{Place: circulation.Place{Method: circulation.HomeDelivery}, State: holds.Secured, SecuredOn: d})
		}
	}
	return loans, rs, nil
}

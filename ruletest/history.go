package ruletest

import (
	"slices"

	"github.com/kashidashi/kashidashi/calendar"
	"github.com/kashidashi/kashidashi/circulation"
	"github.com/kashidashi/kashidashi/holds"
	"pgregory.net/rapid"
)

// ReservationHistory draws the history of one reservation under policy p:
// the reservation as placed (waiting), then as it is after each step of
// the lifecycle, each step one a holds.Desk took (Desk.Do; Reservation.Step
// accepts every consecutive pair) on a day no earlier than the last. The
// steps are secure, ship, make ready, collect, expire after the deadline,
// cancel by the patron or staff, and change of pickup place; the
// calendars are PlaceCalendars. Every reservation of the history passes
// Validate. id numbers the reservation. Draws shrink toward a short
// history at the Prefectural Library.
func ReservationHistory(p holds.Policy, id uint64) *rapid.Generator[[]holds.Reservation] {
	return rapid.Custom(func(t *rapid.T) []holds.Reservation {
		r := holds.Reservation{
			ID:       id,
			Patron:   rapid.SampledFrom(kitPatrons).Draw(t, "patron"),
			Item:     rapid.SampledFrom(kitItems).Draw(t, "item"),
			Place:    PickupPlace().Draw(t, "place"),
			Short:    rapid.Bool().Draw(t, "short"),
			State:    holds.Waiting,
			PlacedOn: DateIn(spanFirst, spanLast.AddDays(-400)).Draw(t, "placed_on"),
		}
		d, err := holds.NewDesk(kitRules{before: p, after: p}, []holds.Reservation{r})
		if err != nil {
			t.Fatalf("ruletest: a desk refused %+v: %v", r, err)
		}
		today := r.PlacedOn
		h := []holds.Reservation{r}
		for steps := rapid.IntRange(0, 8).Draw(t, "steps"); steps > 0 && r.State.Active(); steps-- {
			today = today.AddDays(rapid.IntRange(0, 4).Draw(t, "days_later"))
			ch, err := d.Do(step(t, r, today, p))
			if err != nil || len(ch.Reservations) == 0 {
				continue // the drawn step does not apply: draw another
			}
			r = ch.Reservations[0]
			today = latestDay(today, r)
			h = append(h, r)
		}
		return h
	})
}

// latestDay returns the later of today and the days recorded on r.
func latestDay(today calendar.Date, r holds.Reservation) calendar.Date {
	for _, d := range []calendar.Date{r.PlacedOn, r.SecuredOn, r.ShippedOn, r.ReadyOn, r.CollectedOn, r.EndedOn} {
		if d.After(today) {
			today = d
		}
	}
	return today
}

// step draws one request of a step on r today.
func step(t *rapid.T, r holds.Reservation, today calendar.Date, p holds.Policy) holds.Request {
	kind := rapid.IntRange(0, 9).Draw(t, "step")
	switch {
	case kind <= 5: // most steps take the reservation along its route
		kind = natural(t, r)
	case kind >= 8: // any step, mostly refused
		kind = rapid.IntRange(0, 4).Draw(t, "any_step")
	}
	switch kind {
	case 0:
		return holds.Request{Action: holds.ActionSecure, Item: r.Item, Today: today}
	case 1:
		return holds.Request{Action: holds.ActionShip, ID: r.ID, Today: today, Loans: rapid.IntRange(0, p.Circulation.MaxLoans).Draw(t, "loans")}
	case 2:
		return holds.Request{Action: holds.ActionMakeReady, ID: r.ID, Today: today}
	case 3:
		return holds.Request{Action: holds.ActionCollect, ID: r.ID, Today: today}
	case 4:
		if r.State != holds.Ready {
			return holds.Request{} // does not apply
		}
		return holds.Request{Action: holds.ActionExpire, ID: r.ID, Today: r.Deadline.AddDays(rapid.IntRange(1, 3).Draw(t, "days_after_deadline"))}
	case 6:
		by := rapid.SampledFrom([]holds.Actor{holds.ByStaff, holds.ByPatron}).Draw(t, "by")
		return holds.Request{Action: holds.ActionCancel, ID: r.ID, By: by, Today: today, Override: overrideBy(by)}
	case 7:
		to := PickupPlace().Draw(t, "to")
		if to == r.Place {
			return holds.Request{} // does not apply
		}
		return holds.Request{Action: holds.ActionChangePlace, ID: r.ID, By: holds.ByStaff, Today: today,
			Place: to, PartnerLibraries: slices.Clone(partnerLibraries), Override: staffOverride}
	}
	return holds.Request{} // does not apply
}

// natural returns the kind of step that takes r along its route: secure
// a waiting item, make it ready or ship it, collect or expire it.
func natural(t *rapid.T, r holds.Reservation) int {
	m := r.Place.Method
	switch {
	case r.State == holds.Waiting:
		return 0
	case r.State == holds.Secured && m == circulation.PrefecturalLibrary:
		return 2
	case r.State == holds.Secured:
		return 1
	case r.State == holds.InTransit && m == circulation.HomeDelivery:
		return 3
	case r.State == holds.InTransit:
		return 2
	case rapid.Bool().Draw(t, "expire"):
		return 4
	}
	return 3
}

// kitPatrons and kitItems are the patrons and items generated carts and
// reservations name: few, so that queues form.
var (
	kitPatrons = []string{"A", "B", "C"}
	kitItems   = []string{"i1", "i2", "i3", "i4", "i5", "i6", "i7", "i8", "i9", "i10", "i11", "i12"}
)

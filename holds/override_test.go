package holds

import (
	"encoding/json"
	"errors"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"pgregory.net/rapid"

	"github.com/kashidashi/kashidashi/circulation"
	"github.com/kashidashi/kashidashi/reason"
)

// patronOverride is an override given with the patron as actor: never
// allowed.
var patronOverride = circulation.Override{Staff: "0000000001", Codes: circulation.CodesOf(ErrNeedsStaff)}

// TestCancelAfterNoticeH5Override: after the notice only staff cancel or
// change the place, with an override letting ErrNeedsStaff go.
func TestCancelAfterNoticeH5Override(t *testing.T) {
	later := mustDay("2026-12-01")
	hard := DefaultPolicy()
	hard.Overridable = circulation.Codes{}
	cancel := func(by Actor, p Policy, ov circulation.Override) func(Reservation) (Reservation, circulation.Override, error) {
		return func(r Reservation) (Reservation, circulation.Override, error) { return r.cancel(by, later, p, ov) }
	}
	change := func(by Actor, p Policy, ov circulation.Override) func(Reservation) (Reservation, circulation.Override, error) {
		return func(r Reservation) (Reservation, circulation.Override, error) {
			return r.changePlace(by, atAssembly, nil, cals, p, ov)
		}
	}
	p := DefaultPolicy()
	for _, c := range []struct {
		name    string
		state   State
		do      func(Reservation) (Reservation, circulation.Override, error)
		want    error // nil: done
		usedOne bool  // the override used lets ErrNeedsStaff go
	}{
		{"H5 patron cancels while waiting", Waiting, cancel(ByPatron, p, circulation.Override{}), nil, false},
		{"H5 patron cancels after the notice", Secured, cancel(ByPatron, p, circulation.Override{}), ErrNeedsStaff, false},
		{"H5 patron cannot override", Ready, cancel(ByPatron, p, patronOverride), circulation.ErrNotStaff, false},
		{"H5 patron cannot override even while waiting", Waiting, cancel(ByPatron, p, patronOverride), circulation.ErrNotStaff, false},
		{"H5 staff without an override", Ready, cancel(ByStaff, p, circulation.Override{}), ErrNeedsStaff, false},
		{"H5 staff with an override cancel a ready one", Ready, cancel(ByStaff, p, staffOverride), nil, true},
		{"H5 staff with an override cancel a secured one", Secured, cancel(ByStaff, p, staffOverride), nil, true},
		{"H5 staff override while waiting is harmless and unused", Waiting, cancel(ByStaff, p, staffOverride), nil, false},
		{"H5 hard under a policy with no soft reason", Ready, cancel(ByStaff, hard, staffOverride), ErrNeedsStaff, false},
		{"H5 an override of another code does not do", Ready, cancel(ByStaff, p, circulation.Override{Staff: "s", Codes: circulation.CodesOf(circulation.ErrReservationLimit)}), ErrNeedsStaff, false},
		{"H5 an unknown code is an error", Ready, cancel(ByStaff, p, circulation.Override{Staff: "s", Codes: circulation.CodesOf(ErrNeedsStaff, fakeCode{})}), reason.ErrBadInput, false},
		{"H5 patron changes the place after the notice", Ready, change(ByPatron, p, circulation.Override{}), ErrNeedsStaff, false},
		{"H5 patron cannot override a change of place", Ready, change(ByPatron, p, patronOverride), circulation.ErrNotStaff, false},
		{"H5 staff change the place with an override", Ready, change(ByStaff, p, staffOverride), nil, true},
		{"H5 R-HD2 an override does not redirect a posted item", InTransit, nil, ErrNoStep, false},
	} {
		t.Run(c.name, func(t *testing.T) {
			place := atPrefectural
			do := c.do
			if do == nil {
				place, do = atHome, change(ByStaff, p, staffOverride)
			}
			r := reach(t, place, c.state)
			got, used, err := do(r)
			if c.want != nil {
				assert.ErrorIs(t, err, c.want)
				assert.Equal(t, r, got)
				assert.True(t, used.IsZero())
				return
			}
			require.NoError(t, err)
			if c.usedOne {
				assert.Equal(t, staffOverride, used)
			} else {
				assert.True(t, used.IsZero(), "%v", used)
			}
		})
	}
}

// fakeCode is a reason code no package declares.
type fakeCode struct{}

func (fakeCode) Error() string              { return "fake" }
func (fakeCode) Code() string               { return "no.such_code" }
func (fakeCode) Message(reason.Lang) string { return "" }

// TestCheckoutReservationLimitH1Override: staff place reservations past
// the limit; a non-loanable item stays refused (I1 is hard).
func TestCheckoutReservationLimitH1Override(t *testing.T) {
	d := newDesk(t)
	today := mustDay("2026-11-16")
	limitOv := circulation.Override{Staff: "s.tanaka", Codes: circulation.CodesOf(circulation.ErrReservationLimit), Note: "research visit"}
	_, _, err := d.Checkout(Cart{Patron: "A", Items: volumes(10, circulation.OnLoan), Place: atHome, Ordering: Normal}, today, circulation.Override{})
	require.NoError(t, err)
	one := []circulation.Item{item("extra", circulation.OnLoan)}

	_, _, err = d.Checkout(Cart{Patron: "A", Items: one, Place: atHome, Ordering: Normal}, today, circulation.Override{})
	assert.ErrorIs(t, err, circulation.ErrReservationLimit, "H1 the patron is refused")

	_, _, err = d.Checkout(Cart{Patron: "A", Items: one, Place: atHome, Ordering: Normal}, today, circulation.Override{Codes: limitOv.Codes})
	assert.ErrorIs(t, err, circulation.ErrNotStaff, "H1 an override without staff")

	ref := []circulation.Item{item("atlas", circulation.Reference)}
	_, _, err = d.Checkout(Cart{Patron: "A", Items: ref, Place: atHome, Ordering: Normal}, today,
		circulation.Override{Staff: "s", Codes: circulation.CodesOf(circulation.ErrReservationLimit, circulation.ErrNotLoanable)})
	assert.ErrorIs(t, err, circulation.ErrNotLoanable, "I1 is hard")
	assert.False(t, errors.Is(err, circulation.ErrReservationLimit), "H1 let go, I1 left")

	rs, used, err := d.Checkout(Cart{Patron: "A", Items: one, Place: atHome, Ordering: Normal}, today, limitOv)
	require.NoError(t, err, "H1 staff reserve past the limit")
	require.Len(t, rs, 1)
	assert.Equal(t, limitOv, used)
	assert.Equal(t, 11, d.Active("A"))

	tr, err := Reservation{}.Step(rs[0], ByStaff, today, used)
	require.NoError(t, err)
	assert.Equal(t, limitOv, tr.Override)

	_, used, err = d.Checkout(Cart{Patron: "B", Items: one, Place: atHome, Ordering: Normal}, today, limitOv)
	require.NoError(t, err)
	assert.True(t, used.IsZero(), "H1 under the limit nothing is let go")
}

// TestStepRecordsTheOverrideH5: the audit Step of a cancellation after
// the notice holds who let ErrNeedsStaff go, and why; its JSON
// round-trips.
func TestStepRecordsTheOverrideH5(t *testing.T) {
	d := newDesk(t)
	today := mustDay("2026-11-16")
	rs, _, err := d.Checkout(Cart{Patron: "A", Items: volumes(1, circulation.OnLoan), Place: atPrefectural, Ordering: Normal}, today, circulation.Override{})
	require.NoError(t, err)
	secured, err := d.SecureNext(rs[0].Item, today.AddDays(1))
	require.NoError(t, err)

	_, _, err = d.Cancel(secured.ID, ByStaff, today.AddDays(2), circulation.Override{})
	assert.ErrorIs(t, err, ErrNeedsStaff, "H5 staff need an override")
	after, used, err := d.Cancel(secured.ID, ByStaff, today.AddDays(2), staffOverride)
	require.NoError(t, err)
	assert.Equal(t, Cancelled, after.State)

	tr, err := secured.Step(after, ByStaff, today.AddDays(2), used)
	require.NoError(t, err)
	b, err := json.Marshal(tr)
	require.NoError(t, err)
	assert.JSONEq(t, `{"reservation":1,"action":"cancel","by":"staff","on":"2026-11-18","from":"secured","to":"cancelled",
		"place":{"method":"prefectural_library"},
		"override":{"staff":"s.tanaka","codes":["change.needs_staff"],"note":"telephoned"}}`, string(b))
	var back Transition
	require.NoError(t, json.Unmarshal(b, &back))
	assert.Equal(t, tr, back)

	_, err = secured.Step(after, ByPatron, today.AddDays(2), used)
	assert.ErrorIs(t, err, circulation.ErrNotStaff, "H5 a patron's step never holds an override")
	assert.ErrorIs(t, err, reason.ErrBadInput)
	bad := tr
	bad.Override.Codes = circulation.CodesOf(fakeCode{})
	assert.ErrorIs(t, bad.Validate(), reason.ErrBadInput, "an unknown code")
	secure := Transition{Reservation: 1, Action: ActionSecure, By: ByStaff, On: today, From: Waiting, To: Secured, Place: atPrefectural, Override: used}
	assert.ErrorIs(t, secure.Validate(), reason.ErrBadInput, "securing takes no override")
	for _, s := range []string{
		`{"reservation":1,"action":"cancel","by":"staff","on":"2026-11-18","from":"secured","to":"cancelled","place":{"method":"prefectural_library"},"override":{"staff":"s","codes":[],"extra":1}}`,
		`{"reservation":1,"action":"cancel","by":"patron","on":"2026-11-18","from":"waiting","to":"cancelled","place":{"method":"prefectural_library"},"override":{"staff":"s","codes":["change.needs_staff"]}}`,
	} {
		assert.Error(t, json.Unmarshal([]byte(s), &back), s)
	}
}

// TestPatronOverrideH5Property: whatever override comes with the
// patron as actor, and in whatever state, the patron never cancels or
// changes the place after the notice, and any override is refused.
func TestPatronOverrideH5Property(t *testing.T) {
	var rs []Reservation
	for _, s := range []State{Waiting, Secured, Ready, Collected, Expired, Cancelled} {
		rs = append(rs, reach(t, atPrefectural, s))
	}
	rapid.Check(t, func(t *rapid.T) {
		r := rapid.SampledFrom(rs).Draw(t, "reservation")
		s := r.State
		ov := circulation.Override{}
		if rapid.Bool().Draw(t, "override") {
			ov = circulation.Override{Staff: rapid.SampledFrom([]string{"0000000001", "s.tanaka"}).Draw(t, "who"), Codes: circulation.CodesOf(ErrNeedsStaff)}
		}
		_, _, cerr := r.cancel(ByPatron, mustDay("2026-12-01"), DefaultPolicy(), ov)
		_, _, perr := r.changePlace(ByPatron, atAssembly, nil, cals, DefaultPolicy(), ov)
		_, _, plain := r.cancel(ByPatron, mustDay("2026-12-01"), DefaultPolicy(), circulation.Override{})
		for _, err := range []error{cerr, perr} {
			switch {
			case !ov.IsZero() && !errors.Is(err, circulation.ErrNotStaff):
				t.Fatalf("%v with %v: %v, want ErrNotStaff", s, ov, err)
			case s != Waiting && err == nil:
				t.Fatalf("the patron acted on a %v reservation", s)
			}
		}
		if (cerr == nil) != (plain == nil) && ov.IsZero() {
			t.Fatalf("the zero override changed the answer: %v vs %v", cerr, plain)
		}
	})
}

// TestPolicyOverridableJSON: the holds policy's soft reasons are policy
// data; an unknown code is refused.
func TestPolicyOverridableJSON(t *testing.T) {
	b, err := json.Marshal(DefaultPolicy())
	require.NoError(t, err)
	assert.Contains(t, string(b), `"overridable":["change.needs_staff"]}`)
	p := DefaultPolicy()
	require.NoError(t, json.Unmarshal([]byte(`{"overridable":[]}`), &p))
	assert.Equal(t, 0, p.Overridable.Len())
	err = json.Unmarshal([]byte(`{"overridable":["change.needs_stuff"]}`), &p)
	assert.ErrorIs(t, err, reason.ErrBadInput)
	assert.ErrorContains(t, err, "change.needs_stuff")
}

// BenchmarkCancelOverrideH5: staff cancel a ready reservation with an
// override (H5), the worst case of Cancel.
func BenchmarkCancelOverrideH5(b *testing.B) {
	r := reach(b, atPrefectural, Ready)
	p, later := DefaultPolicy(), mustDay("2026-12-01")
	b.ReportAllocs()
	for b.Loop() {
		c, used, err := r.cancel(ByStaff, later, p, staffOverride)
		if err != nil || used.IsZero() || c.State != Cancelled {
			b.Fatal(err)
		}
	}
}

// TestCheckoutOverrideOfBothPackagesH1: staff may confirm one override
// naming codes of holds and of circulation; circulation decides the
// limits with the codes it knows, and the override used names only what
// applied.
func TestCheckoutOverrideOfBothPackagesH1(t *testing.T) {
	p := DefaultPolicy()
	p.Circulation.MaxReservations = 1
	d := newDeskWith(t, p)
	reserve(t, d, "A", "book", "2026-11-16")
	both := circulation.Override{Staff: "s.tanaka", Codes: circulation.CodesOf(circulation.ErrReservationLimit, ErrNeedsStaff)}
	rs, used, err := d.Checkout(Cart{Patron: "A", Items: volumes(1, circulation.OnLoan), Place: atHome, Ordering: Normal}, mustDay("2026-11-16"), both)
	require.NoError(t, err)
	require.Len(t, rs, 1)
	assert.Equal(t, circulation.Override{Staff: "s.tanaka", Codes: circulation.CodesOf(circulation.ErrReservationLimit)}, used)
	_, _, err = d.Checkout(Cart{Patron: "A", Items: []circulation.Item{item("book", circulation.OnLoan)}, Place: atHome, Ordering: Normal}, mustDay("2026-11-16"), both)
	assert.Equal(t, []string{"reservation.duplicate book"}, reasonsOf(t, err), "H1 let go, the duplicate is hard")
}

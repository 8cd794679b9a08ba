package circulation

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/kashidashi/kashidashi/reason"
)

// staff returns an override by a member of staff letting rs go.
func staff(rs ...*reason.Reason) Override {
	cs := make([]reason.Coded, len(rs))
	for i, r := range rs {
		cs[i] = r
	}
	return Override{Staff: "k.sato", Codes: CodesOf(cs...), Note: "at the counter"}
}

// TestDefaultOverridableReading: the default split of hard and soft
// reasons (overrides [reading]).
func TestDefaultOverridableReading(t *testing.T) {
	soft := DefaultPolicy().Overridable
	for _, r := range []*reason.Reason{ErrLoanLimit, ErrReservationLimit, ErrReserved, ErrAlreadyExtended, ErrOverdue} {
		assert.True(t, soft.Has(r.Code()), "soft: %s", r.Code())
	}
	for _, r := range []*reason.Reason{ErrPartnerPickup, ErrHomeDelivery, ErrInterlibraryLoan, ErrNotLoanable,
		ErrReturnWrongPlace, ErrReceivedAtPrefectural, ErrReceivedAtAssembly, ErrReceivedByDelivery,
		ErrLentAtGeneralCounter, ErrLentAtHokkaidoCounter, ErrNotByPost, ErrOnlyByPost, ErrAssemblyNoBookDrop,
		ErrBookDropExcluded, ErrBookDropHokkaido, ErrAssemblyHours, ErrCounterClosed, ErrCounterClosedExcluded} {
		assert.False(t, soft.Has(r.Code()), "hard: %s", r.Code())
	}
	assert.Equal(t, 5, soft.Len())
}

// TestExtendOverrideL4: staff extend past the soft reasons of L4 and
// never past the hard ones.
func TestExtendOverrideL4(t *testing.T) {
	p := DefaultPolicy()
	today := day(t, "2026-04-10")
	base := loanAt(t, "2026-04-01", "2026-04-15")
	with := func(f func(*Loan)) Loan { l := base; f(&l); return l }
	reserved := with(func(l *Loan) { l.Reserved = true })
	extended := with(func(l *Loan) { l.Extensions = 1 })
	late := with(func(l *Loan) { l.Loaned, l.Due = day(t, "2026-03-20"), day(t, "2026-04-03") })
	partner := with(func(l *Loan) {
		l.Place = Place{Method: PartnerLibrary, Library: "江別市情報図書館"}
		l.Reserved = true
	})
	home := with(func(l *Loan) { l.Place = Place{Method: HomeDelivery} })
	ill := with(func(l *Loan) { l.Interlibrary = true; l.Reserved = true })
	lateReserved := with(func(l *Loan) { l.Reserved = true; l.Loaned, l.Due = day(t, "2026-03-20"), day(t, "2026-04-03") })
	for _, c := range []struct {
		name string
		loan Loan
		ov   Override
		used []*reason.Reason // on success
		left []*reason.Reason // the refusal's reasons
	}{
		{"L4 b staff extend a reserved loan", reserved, staff(ErrReserved), []*reason.Reason{ErrReserved}, nil},
		{"L4 c staff extend a second time", extended, staff(ErrAlreadyExtended), []*reason.Reason{ErrAlreadyExtended}, nil},
		{"L4 e staff extend while overdue", late, staff(ErrOverdue), []*reason.Reason{ErrOverdue}, nil},
		{"L4 b e both let go", lateReserved, staff(ErrReserved, ErrOverdue), []*reason.Reason{ErrReserved, ErrOverdue}, nil},
		{"L4 b e only one let go leaves the other", lateReserved, staff(ErrReserved), nil, []*reason.Reason{ErrOverdue}},
		{"L4 b a code that does not apply is harmless", reserved, staff(ErrReserved, ErrOverdue, ErrPartnerPickup), []*reason.Reason{ErrReserved}, nil},
		{"L4 nothing applies: the override is not used", base, staff(ErrReserved), nil, nil},
		{"L4 a partner library is hard", partner, staff(ErrPartnerPickup, ErrReserved), nil, []*reason.Reason{ErrPartnerPickup}},
		{"L2 home delivery is hard", home, staff(ErrHomeDelivery), nil, []*reason.Reason{ErrHomeDelivery}},
		{"L4 d interlibrary loan is hard", ill, staff(ErrInterlibraryLoan, ErrReserved), nil, []*reason.Reason{ErrInterlibraryLoan}},
		{"L4 b the zero override lets nothing go", reserved, Override{}, nil, []*reason.Reason{ErrReserved}},
	} {
		t.Run(c.name, func(t *testing.T) {
			d, err := p.Extend(ExtendRequest{Loan: c.loan, Today: today, Override: c.ov})
			got, used := d.Loan, d.Override
			if c.left != nil {
				assert.Equal(t, codesOf(c.left...), codes(t, err))
				assert.Equal(t, Decision{}, d)
				return
			}
			require.NoError(t, err)
			assert.Equal(t, c.loan.Extensions+1, got.Extensions)
			assert.Equal(t, day(t, "2026-04-24"), got.Due, "L3: 14 days from the day of extension")
			if c.used == nil {
				assert.True(t, used.IsZero(), "%v", used)
				return
			}
			assert.Equal(t, c.ov.Staff, used.Staff)
			assert.Equal(t, c.ov.Note, used.Note)
			assert.ElementsMatch(t, codesOf(c.used...), used.Codes.List())
		})
	}
}

// TestExtendOverrideErrors: an override without staff is a patron's or
// nobody's (ErrNotStaff); an unknown code is an error; a policy with no
// soft reason makes every reason hard.
func TestExtendOverrideErrors(t *testing.T) {
	p := DefaultPolicy()
	today := day(t, "2026-04-10")
	reserved := loanAt(t, "2026-04-01", "2026-04-15")
	reserved.Reserved = true

	patronOv := staff(ErrReserved)
	patronOv.Staff = ""
	_, err := p.Extend(ExtendRequest{Loan: reserved, Today: today, Override: patronOv})
	assert.ErrorIs(t, err, ErrNotStaff, "L4 b a patron cannot override")
	badInput(t, err, "override.staff")

	patronOv.Note = "bad\x00note"
	_, err = p.Extend(ExtendRequest{Loan: reserved, Today: today, Override: patronOv})
	assert.ErrorIs(t, err, ErrNotStaff, "every problem, and still not staff")
	badInput(t, err, "override.staff", "override.note")

	typo := Override{Staff: "k.sato", Codes: codesFrom([]string{"extension.reservd", "extension.reserved", "loan.limt"})}
	_, err = p.Extend(ExtendRequest{Loan: reserved, Today: today, Override: typo})
	ps := badInput(t, err, "override.codes[0]", "override.codes[2]")
	assert.Contains(t, ps[0].Message, `"extension.reservd"`)
	assert.NotErrorIs(t, err, ErrNotStaff)

	hard := p
	hard.Overridable = Codes{}
	_, err = hard.Extend(ExtendRequest{Loan: reserved, Today: today, Override: staff(ErrReserved)})
	assert.Equal(t, codesOf(ErrReserved), codes(t, err), "L4 b hard under a policy with no soft reason")

	maxed := reserved
	maxed.Reserved, maxed.Extensions = false, int(^uint(0)>>1)
	_, err = p.Extend(ExtendRequest{Loan: maxed, Today: today, Override: staff(ErrAlreadyExtended)})
	badInput(t, err, "loan.extensions") // L4 c an extension count at MaxInt does not wrap
}

// TestMayBorrowOverrideL1: staff lend past the loan limit.
func TestMayBorrowOverrideL1(t *testing.T) {
	p := DefaultPolicy()
	d, err := p.MayBorrow(BorrowRequest{Loans: 10, Override: staff(ErrLoanLimit)})
	require.NoError(t, err)
	assert.Equal(t, Decision{Override: staff(ErrLoanLimit)}, d)
	d, err = p.MayBorrow(BorrowRequest{Loans: 3, Override: staff(ErrLoanLimit)})
	require.NoError(t, err)
	assert.True(t, d.Override.IsZero(), "L1 under the limit nothing is let go")
	_, err = p.MayBorrow(BorrowRequest{Loans: 10, Override: staff(ErrReservationLimit)})
	assert.Equal(t, codesOf(ErrLoanLimit), codes(t, err), "L1 another code does not let the loan limit go")
	_, err = p.MayBorrow(BorrowRequest{Loans: 10, Override: Override{Codes: CodesOf(ErrLoanLimit)}})
	assert.ErrorIs(t, err, ErrNotStaff)
	_, err = p.MayBorrow(BorrowRequest{Loans: 10, Override: Override{Staff: "k.sato", Codes: CodesOf(ErrLoanLimit), Note: "bad\x00note"}})
	badInput(t, err, "override.note")
	assert.NotErrorIs(t, err, ErrNotStaff)
}

// TestMayReserveOverrideH1: staff reserve past the reservation limit (H1)
// but never a non-loanable item (I1).
func TestMayReserveOverrideH1(t *testing.T) {
	p := DefaultPolicy()
	p.HideReserveAtLoanLimit = true
	for _, c := range []struct {
		name         string
		status       Status
		loans, holds int
		ov           Override
		left         []*reason.Reason
		used         []*reason.Reason
	}{
		{"H1 staff reserve past the limit", OnLoan, 0, 10, staff(ErrReservationLimit), nil, []*reason.Reason{ErrReservationLimit}},
		{"H1 L1 both limits let go", OnLoan, 10, 10, staff(ErrReservationLimit, ErrLoanLimit), nil, []*reason.Reason{ErrReservationLimit, ErrLoanLimit}},
		{"H1 L1 only one let go", OnLoan, 10, 10, staff(ErrReservationLimit), []*reason.Reason{ErrLoanLimit}, nil},
		{"I1 not loanable is hard", Reference, 0, 10, staff(ErrNotLoanable, ErrReservationLimit), []*reason.Reason{ErrNotLoanable}, nil},
	} {
		t.Run(c.name, func(t *testing.T) {
			d, err := p.MayReserve(ReserveRequest{Items: []Item{{ID: "b1", Status: c.status}}, Loans: c.loans, Reservations: c.holds, Override: c.ov})
			if c.left != nil {
				assert.Equal(t, codesOf(c.left...), codes(t, err))
				return
			}
			require.NoError(t, err)
			assert.ElementsMatch(t, codesOf(c.used...), d.Override.Codes.List())
		})
	}
}

// TestOverrideJSON: the JSON shape, a round trip, and the refusals of
// decoding.
func TestOverrideJSON(t *testing.T) {
	ov := staff(ErrReserved, ErrOverdue)
	b, err := json.Marshal(ov)
	require.NoError(t, err)
	assert.JSONEq(t, `{"staff":"k.sato","codes":["extension.overdue","extension.reserved"],"note":"at the counter"}`, string(b))
	roundTrip(t, ov)
	b, err = json.Marshal(Override{})
	require.NoError(t, err)
	assert.JSONEq(t, `{"staff":"","codes":[]}`, string(b))
	roundTrip(t, Override{})

	for _, bad := range []string{
		`{"staff":"k.sato","codes":["extension.reserved"],"notes":"x"}`,           // unknown key
		`{"staff":"","codes":["extension.reserved"]}`,                             // no staff
		`{"staff":"k.sato","codes":"extension.reserved"}`,                         // not an array
		`{"staff":"k.sato","codes":null}`,                                         // null
		`{"staff":"k.sato","codes":["Extension.Reserved"]}`,                       // not a code
		`{"staff":"k.sato","codes":["extension..reserved"]}`,                      // empty word
		`{"staff":"k.sato","codes":[]} {}`,                                        // trailing data
		`{"staff":"k\u0000sato","codes":[]}`,                                      // control character
		`{"staff":"` + strings.Repeat("s", 65) + `","codes":[]}`,                  // too long
		`{"staff":"k.sato","codes":[],"note":"` + strings.Repeat("n", 501) + `"}`, // note too long
	} {
		var o Override
		assert.Error(t, json.Unmarshal([]byte(bad), &o), bad)
		assert.Equal(t, Override{}, o, "unchanged on error: %s", bad)
	}
	var o Override
	require.NoError(t, json.Unmarshal([]byte(`{"staff":"佐藤","codes":["loan.limit","loan.limit"],"note":"line one\nline two"}`), &o))
	assert.Equal(t, []string{"loan.limit"}, o.Codes.List(), "a code given twice counts once")
	assert.ErrorIs(t, json.Unmarshal([]byte(`{"staff":"","codes":["loan.limit"]}`), &o), ErrNotStaff)
	assert.ErrorIs(t, json.Unmarshal([]byte(`{"staff":"  ","codes":[]}`), &o), ErrNotStaff, "blank staff")
}

// TestCodes: a set of codes is sorted, without duplicates, comparable.
func TestCodes(t *testing.T) {
	a := CodesOf(ErrReserved, ErrOverdue, ErrReserved)
	assert.Equal(t, []string{"extension.overdue", "extension.reserved"}, a.List())
	assert.Equal(t, 2, a.Len())
	assert.Equal(t, a, CodesOf(ErrOverdue, ErrReserved), "comparable: the same set")
	assert.True(t, a.Has("extension.reserved"))
	assert.False(t, a.Has("extension"), "no prefix match")
	assert.False(t, Codes{}.Has(""))
	assert.Equal(t, 0, Codes{}.Len())
	assert.Nil(t, Codes{}.List())
	u := a.Union(CodesOf(ErrLoanLimit, ErrOverdue))
	assert.Equal(t, []string{"extension.overdue", "extension.reserved", "loan.limit"}, u.List())
	assert.Equal(t, a, a.Union(Codes{}))
	assert.Equal(t, a, Codes{}.Union(a))
	require.NoError(t, a.Check(Reasons()))
	ps := badInput(t, codesFrom([]string{"extension.reserved", "no.such"}).Check(Reasons()), "[1]")
	assert.Equal(t, `unknown reason code "no.such"`, ps[0].Message)
	assert.Equal(t, `overridable[1]`, ps.Prefix("overridable")[0].Path)
	var many []string
	for i := range 33 {
		many = append(many, `"c`+strings.Repeat("x", i)+`"`)
	}
	var c Codes
	assert.Error(t, json.Unmarshal([]byte("["+strings.Join(many, ",")+"]"), &c), "at most 32 codes")
	assert.Equal(t, "override by \"k.sato\": extension.reserved", staff(ErrReserved).String())
	assert.Equal(t, "no override", Override{}.String())
}

// TestPolicyOverridableUnknownCode: a policy naming a code no reason
// has is invalid.
func TestPolicyOverridableUnknownCode(t *testing.T) {
	p := DefaultPolicy()
	p.Overridable = codesFrom([]string{"extension.reservd"})
	err := p.Validate()
	badInput(t, err, "overridable[0]")
	assert.Contains(t, err.Error(), `overridable[0]: unknown reason code "extension.reservd"`)
}

// FuzzOverrideJSON: decoding any JSON never panics; an override it
// accepts is valid and encodes back to itself.
func FuzzOverrideJSON(f *testing.F) {
	f.Add(`{"staff":"k.sato","codes":["extension.reserved"],"note":"x"}`)
	f.Add(`{"staff":"","codes":[]}`)
	f.Add(`{"staff":"a","codes":["a.b","a.b","c"]}`)
	f.Add(`{"codes":null}`)
	f.Add(`null`)
	f.Fuzz(func(t *testing.T, s string) {
		var o Override
		if json.Unmarshal([]byte(s), &o) != nil {
			return
		}
		if err := o.Validate(); err != nil {
			t.Fatalf("accepted an invalid override %+v: %v", o, err)
		}
		roundTrip(t, o)
	})
}

// FuzzCodesJSON: decoding any JSON never panics; a set it accepts has at
// most 32 well-formed codes and encodes back to itself.
func FuzzCodesJSON(f *testing.F) {
	f.Add(`["extension.reserved","loan.limit"]`)
	f.Add(`[]`)
	f.Add(`["a","a"]`)
	f.Add(`["A"]`)
	f.Fuzz(func(t *testing.T, s string) {
		var c Codes
		if json.Unmarshal([]byte(s), &c) != nil {
			return
		}
		if c.Len() > maxCodes {
			t.Fatalf("accepted %d codes", c.Len())
		}
		for _, code := range c.List() {
			if !wellFormed(code) || !c.Has(code) {
				t.Fatalf("accepted %q", code)
			}
		}
		roundTrip(t, c)
	})
}

// BenchmarkExtendOverride: the worst case of an override, every soft
// reason of L4 applying and let go by staff, with the other loans of
// extendWorstCase.
func BenchmarkExtendOverride(b *testing.B) {
	p, r := extendWorstCase(b)
	r.Loan.Reserved, r.Loan.Extensions = true, 1
	r.Others[0].Due = r.Today.AddDays(-1) // overdue (L4 e)
	r.Override = staff(ErrReserved, ErrAlreadyExtended, ErrOverdue)
	b.ReportAllocs()
	for b.Loop() {
		got, err := p.Extend(r)
		if err != nil || got.Override.Codes.Len() != 3 {
			b.Fatal(err, got)
		}
		sink = got
	}
}

// BenchmarkExtendOverrideHard: a hard reason left after an override of
// every code the package has.
func BenchmarkExtendOverrideHard(b *testing.B) {
	p := DefaultPolicy()
	l := loanAt(b, "2026-04-01", "2026-04-15")
	l.Reserved, l.Extensions, l.Interlibrary = true, 1, true
	r := ExtendRequest{Loan: l, Today: day(b, "2026-04-10"), Override: Override{Staff: "k.sato", Codes: CodesOf(reasonsOf(Reasons())...)}}
	b.ReportAllocs()
	for b.Loop() {
		_, err := p.Extend(r)
		if err == nil {
			b.Fatal("extended an interlibrary loan")
		}
		sink = err
	}
}

// reasonsOf returns rs as Coded values.
func reasonsOf(rs []*reason.Reason) []reason.Coded {
	cs := make([]reason.Coded, len(rs))
	for i, r := range rs {
		cs[i] = r
	}
	return cs
}

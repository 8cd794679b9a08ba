package circulation

import (
	"encoding/json"
	"errors"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"pgregory.net/rapid"

	"github.com/kashidashi/kashidashi/calendar"
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
		ErrReturnWrongPlace, ErrReturnChannel, ErrBookDropExcluded, ErrAssemblyHours, ErrCounterClosed} {
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
			got, used, err := p.Extend(c.loan, nil, today, nil, c.ov)
			if c.left != nil {
				assert.Equal(t, codesOf(c.left...), codes(t, err))
				assert.Equal(t, Override{}, used)
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
	_, _, err := p.Extend(reserved, nil, today, nil, patronOv)
	assert.ErrorIs(t, err, ErrNotStaff, "L4 b a patron cannot override")
	assert.ErrorIs(t, err, ErrInconsistentInput)

	typo := Override{Staff: "k.sato", Codes: codesFrom([]string{"extension.reservd"})}
	_, _, err = p.Extend(reserved, nil, today, nil, typo)
	assert.ErrorIs(t, err, ErrInconsistentInput)
	assert.Contains(t, err.Error(), `"extension.reservd"`)

	hard := p
	hard.Overridable = Codes{}
	_, _, err = hard.Extend(reserved, nil, today, nil, staff(ErrReserved))
	assert.Equal(t, codesOf(ErrReserved), codes(t, err), "L4 b hard under a policy with no soft reason")

	maxed := reserved
	maxed.Reserved, maxed.Extensions = false, int(^uint(0)>>1)
	_, _, err = p.Extend(maxed, nil, today, nil, staff(ErrAlreadyExtended))
	assert.ErrorIs(t, err, ErrInconsistentInput, "L4 c an extension count at MaxInt does not wrap")
}

// TestMayBorrowOverrideL1: staff lend past the loan limit.
func TestMayBorrowOverrideL1(t *testing.T) {
	p := DefaultPolicy()
	used, err := p.MayBorrow(10, staff(ErrLoanLimit))
	require.NoError(t, err)
	assert.Equal(t, staff(ErrLoanLimit), used)
	used, err = p.MayBorrow(3, staff(ErrLoanLimit))
	require.NoError(t, err)
	assert.True(t, used.IsZero(), "L1 under the limit nothing is let go")
	_, err = p.MayBorrow(10, staff(ErrReservationLimit))
	assert.Equal(t, codesOf(ErrLoanLimit), codes(t, err), "L1 another code does not let the loan limit go")
	_, err = p.MayBorrow(10, Override{Codes: CodesOf(ErrLoanLimit)})
	assert.ErrorIs(t, err, ErrNotStaff)
	_, err = p.MayBorrow(10, Override{Staff: "k.sato", Codes: CodesOf(ErrLoanLimit), Note: "bad\x00note"})
	assert.ErrorIs(t, err, ErrInconsistentInput)
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
			used, err := p.MayReserve(c.status, c.loans, c.holds, c.ov)
			if c.left != nil {
				assert.Equal(t, codesOf(c.left...), codes(t, err))
				return
			}
			require.NoError(t, err)
			assert.ElementsMatch(t, codesOf(c.used...), used.Codes.List())
		})
	}
}

// extensionReasons returns the reasons of L4 (and L2) that apply to l
// extended on today with others, computed apart from Extend.
func extensionReasons(p Policy, l Loan, others []Loan, today calendar.Date) []string {
	var rs []string
	add := func(ok bool, r *reason.Reason) {
		if ok {
			rs = append(rs, r.Code())
		}
	}
	overdue := l.Overdue(today)
	for _, o := range others {
		overdue = overdue || o.Overdue(today)
	}
	add(l.Place.Method == PartnerLibrary, ErrPartnerPickup)
	add(l.Place.Method == HomeDelivery, ErrHomeDelivery)
	add(l.Reserved, ErrReserved)
	add(l.Extensions >= p.MaxExtensions, ErrAlreadyExtended)
	add(l.Interlibrary, ErrInterlibraryLoan)
	add(overdue, ErrOverdue)
	return rs
}

// genOverride draws an override: from staff or not (a patron's has no
// staff), letting go any subset of the extension reasons.
func genOverride(t *rapid.T) Override {
	var cs []reason.Coded
	for _, r := range Reasons()[:6] {
		if rapid.Bool().Draw(t, "let go "+r.Code()) {
			cs = append(cs, r)
		}
	}
	who := rapid.SampledFrom([]string{"", "k.sato"}).Draw(t, "staff")
	if who == "" && len(cs) == 0 {
		return Override{}
	}
	return Override{Staff: who, Codes: CodesOf(cs...)}
}

// TestExtendOverrideL4Property: for any loan, policy and override,
// Extend succeeds iff every reason that applies is soft and let go by
// staff; the override used is exactly the reasons let go; and a
// patron's override (no staff) never gives an extension.
func TestExtendOverrideL4Property(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		p := DefaultPolicy()
		var soft []reason.Coded
		for _, r := range Reasons()[:6] {
			if rapid.Bool().Draw(t, "soft "+r.Code()) {
				soft = append(soft, r)
			}
		}
		p.Overridable = CodesOf(soft...)
		today := genDate(t, "today")
		l := genLoan(t, "loan", today.AddDays(-rapid.IntRange(0, 40).Draw(t, "age")))
		others := []Loan{genLoan(t, "other", today.AddDays(-rapid.IntRange(0, 40).Draw(t, "other age")))}
		ov := genOverride(t)

		applies := extensionReasons(p, l, others, today)
		var left, let []string
		for _, code := range applies {
			if ov.Staff != "" && p.Overridable.Has(code) && ov.Codes.Has(code) {
				let = append(let, code)
			} else {
				left = append(left, code)
			}
		}
		got, used, err := p.Extend(l, others, today, prefecturalCal, ov)
		switch {
		case ov.Staff == "" && !ov.IsZero():
			if !errors.Is(err, ErrNotStaff) {
				t.Fatalf("a patron's override %v: %v, want ErrNotStaff", ov, err)
			}
		case len(left) > 0:
			if !slices.Equal(codes(t, err), left) {
				t.Fatalf("reasons %v with %v: refused %v, want %v", applies, ov, err, left)
			}
		default:
			if err != nil {
				t.Fatalf("reasons %v all let go by %v: %v", applies, ov, err)
			}
			if got.Extensions != l.Extensions+1 || !slices.Equal(used.Codes.List(), sorted(let)) {
				t.Fatalf("extended %+v, used %v, want codes %v", got, used, let)
			}
		}
		// Without the override the answer is the plain decision, which the
		// override never makes stricter.
		_, _, plain := p.Extend(l, others, today, prefecturalCal, Override{})
		if plain == nil && err != nil && !errors.Is(err, ErrNotStaff) {
			t.Fatalf("an override refused what the plain decision grants: %v", err)
		}
	})
}

// sorted returns the codes in sorted order.
func sorted(codes []string) []string {
	if len(codes) == 0 {
		return nil
	}
	return slices.Sorted(slices.Values(codes))
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
	assert.ErrorIs(t, codesFrom([]string{"no.such"}).Check(Reasons()), ErrInconsistentInput)
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
	assert.ErrorIs(t, err, ErrInvalidPolicy)
	assert.Contains(t, err.Error(), `overridable: unknown reason code "extension.reservd"`)
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
	p, l, others, today := extendWorstCase(b)
	l.Reserved, l.Extensions = true, 1
	others[0].Due = today.AddDays(-1) // overdue (L4 e)
	ov := staff(ErrReserved, ErrAlreadyExtended, ErrOverdue)
	b.ReportAllocs()
	for b.Loop() {
		got, used, err := p.Extend(l, others, today, prefecturalCal, ov)
		if err != nil || used.Codes.Len() != 3 {
			b.Fatal(err, used)
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
	today := day(b, "2026-04-10")
	ov := Override{Staff: "k.sato", Codes: CodesOf(reasonsOf(Reasons())...)}
	b.ReportAllocs()
	for b.Loop() {
		_, _, err := p.Extend(l, nil, today, nil, ov)
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

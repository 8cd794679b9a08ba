package shipping

import (
	"fmt"
	"maps"
	"slices"

	"github.com/shopspring/decimal"

	"github.com/kashidashi/kashidashi/calendar"
	"github.com/kashidashi/kashidashi/internal/text"
	"github.com/kashidashi/kashidashi/reason"
)

// WeightRate is one Yu-Mail weight step: the postage of a parcel weighing
// at most UpTo kg (and more than the step before).
type WeightRate struct {
	UpTo    decimal.Decimal `json:"up_to"`   // kg, inclusive
	Postage decimal.Decimal `json:"postage"` // yen
}

// SizeRate is the Yu-Pack postage of one size band (60, 80, …, 170).
type SizeRate struct {
	Size    int             `json:"size"`
	Postage decimal.Decimal `json:"postage"` // yen
}

// RateTable is the postage in force from its Effective date until the
// next table of its Tariff, in yen.
type RateTable struct {
	// Effective is the first posting date the table applies to.
	Effective calendar.Date `json:"effective"`
	// YuMail are the Yu-Mail weight steps, ascending. Yu-Mail postage is
	// the same to every zone.
	YuMail []WeightRate `json:"yu_mail"`
	// YuPack are the Yu-Pack rates by destination zone, each ascending by
	// size. A zone or size the table lacks has no rate (ErrNoRate).
	YuPack map[Zone][]SizeRate `json:"yu_pack"`
	// HeavySurcharge is added to the Yu-Pack rate of a heavy Yu-Pack
	// parcel; when not Valid, heavy Yu-Pack has no rate.
	HeavySurcharge decimal.NullDecimal `json:"heavy_surcharge"`
	// CODFee is added to the postage when the patron pays it on delivery
	// (着払い, R-HD1); when not Valid, CashOnDelivery has no rate.
	CODFee decimal.NullDecimal `json:"cod_fee"`
}

// problems lists what is wrong with rt, with paths in its JSON form:
// steps and sizes that do not ascend, postage that decreases as they do,
// amounts that are negative or implausible, no effective date. Zones are
// checked in order of their names.
func (rt *RateTable) problems() reason.Problems {
	var ps reason.Problems
	if rt.Effective.IsZero() {
		ps.Add("effective", "a rate table needs an effective date")
	}
	for i, r := range rt.YuMail {
		path := fmt.Sprintf("yu_mail[%d]", i)
		if !positive(r.UpTo) || (i > 0 && r.UpTo.Cmp(rt.YuMail[i-1].UpTo) <= 0) {
			ps.Add(path+".up_to", "Yu-Mail weight steps must be positive and ascending, got %s", format(r.UpTo))
		}
		if !amount(r.Postage) || (i > 0 && r.Postage.Cmp(rt.YuMail[i-1].Postage) < 0) {
			ps.Add(path+".postage", "Yu-Mail postage must be zero or more and never decrease with weight, got %s", format(r.Postage))
		}
	}
	for _, z := range slices.Sorted(maps.Keys(rt.YuPack)) {
		ps = append(ps, sizeRateProblems(z, rt.YuPack[z])...)
	}
	for _, f := range []struct {
		path string
		fee  decimal.NullDecimal
	}{{"heavy_surcharge", rt.HeavySurcharge}, {"cod_fee", rt.CODFee}} {
		if f.fee.Valid && !amount(f.fee.Decimal) {
			ps.Add(f.path, "a fee must be zero or more, got %s", format(f.fee.Decimal))
		}
	}
	return ps
}

// sizeRateProblems lists what is wrong with the Yu-Pack rates to zone z,
// with paths under "yu_pack".
func sizeRateProblems(z Zone, rates []SizeRate) reason.Problems {
	if z == "" {
		return reason.Problems{{Path: "yu_pack", Message: "a Yu-Pack zone needs a name"}}
	}
	var ps reason.Problems
	for i, r := range rates {
		path := fmt.Sprintf("yu_pack.%s[%d]", z, i)
		if r.Size <= 0 || (i > 0 && r.Size <= rates[i-1].Size) {
			ps.Add(path+".size", "Yu-Pack sizes must be positive and ascending, got %d", r.Size)
		}
		if !amount(r.Postage) || (i > 0 && r.Postage.Cmp(rates[i-1].Postage) < 0) {
			ps.Add(path+".postage", "Yu-Pack postage must be zero or more and never decrease with size, got %s", format(r.Postage))
		}
	}
	return ps
}

// positive reports whether d is a positive measure within maxScale.
func positive(d decimal.Decimal) bool { return d.Sign() > 0 && plausible(d) }

// amount reports whether d is zero or a positive amount within maxScale.
func amount(d decimal.Decimal) bool { return d.Sign() >= 0 && plausible(d) }

// clone returns a copy of rt that shares no slice or map with it.
func (rt RateTable) clone() RateTable {
	rt.YuMail = slices.Clone(rt.YuMail)
	if rt.YuPack != nil {
		m := make(map[Zone][]SizeRate, len(rt.YuPack))
		for z, rates := range rt.YuPack {
			m[z] = slices.Clone(rates)
		}
		rt.YuPack = m
	}
	return rt
}

// Tariff is a series of rate tables, each in force from its effective
// date until the next. A *Tariff is immutable and safe for concurrent
// use: NewTariff copies the tables it is given, and every table it
// returns is a copy.
type Tariff struct {
	tables []RateTable // ascending by Effective
}

// NewTariff returns the tariff of the given tables, in any order. It
// refuses a table without an effective date, two tables with the same
// one, Yu-Mail steps or Yu-Pack sizes that do not ascend, postage that
// decreases as they ascend, and negative amounts: a reason.Problems
// matching reason.ErrBadInput, each problem's path starting with the
// index of its table among those given ("[1].yu_mail[0].up_to").
func NewTariff(tables ...RateTable) (*Tariff, error) {
	var ps reason.Problems
	first := make(map[calendar.Date]int, len(tables)) // the index of the first table of each date
	for i, rt := range tables {
		at := fmt.Sprintf("[%d]", i)
		ps = append(ps, rt.problems().Prefix(at)...)
		if j, ok := first[rt.Effective]; ok && !rt.Effective.IsZero() {
			ps.Add(at+".effective", "tables [%d] and [%d] both take effect on %s", j, i, rt.Effective)
		} else if !ok {
			first[rt.Effective] = i
		}
	}
	if err := ps.Err(); err != nil {
		return nil, err
	}
	t := &Tariff{tables: make([]RateTable, len(tables))}
	for i, rt := range tables {
		t.tables[i] = rt.clone()
	}
	slices.SortFunc(t.tables, func(a, b RateTable) int { return a.Effective.Compare(b.Effective) })
	return t, nil
}

// Tables returns copies of t's tables, in order of effective date.
func (t *Tariff) Tables() []RateTable {
	if t == nil {
		return nil
	}
	out := make([]RateTable, len(t.tables))
	for i, rt := range t.tables {
		out[i] = rt.clone()
	}
	return out
}

// On returns a copy of the table in force on posting date d: the last
// one whose Effective date is on or before d. Before the first table it
// returns ErrNoRate.
func (t *Tariff) On(d calendar.Date) (RateTable, error) {
	rt, err := t.on(d)
	if err != nil {
		return RateTable{}, err
	}
	return rt.clone(), nil
}

func (t *Tariff) on(d calendar.Date) (*RateTable, error) {
	if t != nil {
		// The first table after d, then one back.
		i, _ := slices.BinarySearchFunc(t.tables, d, func(rt RateTable, d calendar.Date) int {
			if rt.Effective.After(d) {
				return 1
			}
			return -1
		})
		if i > 0 {
			return &t.tables[i-1], nil
		}
	}
	var first reason.Param
	if t != nil && len(t.tables) > 0 {
		first = reason.Date(t.tables[0].Effective)
	}
	return nil, refusePostage(ErrNoRate, errNoTable.With(first))
}

// Shipment is one parcel to price: its class (Classifier.Classify), its
// weight in kg, the zone it goes to and the day it is posted.
type Shipment struct {
	Class  Class           `json:"class"`
	Weight decimal.Decimal `json:"weight"`
	Zone   Zone            `json:"zone"`
	Posted calendar.Date   `json:"posted"`
}

// Postage returns the postage of shipment s (R-HD1: the patron pays it),
// from the table in force on the day it is posted:
//
//   - Yu-Mail: the first weight step of at least weight (in kg); the
//     zone does not matter;
//   - Yu-Pack: the rate of c's size band to zone; weight does not matter;
//   - heavy Yu-Pack: that rate plus the table's HeavySurcharge.
//
// It returns a refusal with ErrNoRate, followed by a reason saying what
// is missing, for a date before the first table or when the table lacks
// the rate; ErrBadMeasure for a Yu-Mail weight that is not positive; and
// bad input (a reason.Problems at "class", matching reason.ErrBadInput)
// for a class Classifier.Classify never returns.
func (t *Tariff) Postage(s Shipment) (decimal.Decimal, error) {
	if !s.Class.valid() {
		return decimal.Decimal{}, reason.BadInput("class", "no postage for class %s", text.Quote(s.Class.String()))
	}
	rt, err := t.on(s.Posted)
	if err != nil {
		return decimal.Decimal{}, err
	}
	return rt.postage(s.Class, s.Weight, s.Zone)
}

// CashOnDelivery returns the postage the patron pays on delivery (着払い,
// R-HD1: home-delivery loans are posted cash on delivery): Postage plus
// the table's CODFee.
func (t *Tariff) CashOnDelivery(s Shipment) (decimal.Decimal, error) {
	p, err := t.Postage(s)
	if err != nil {
		return decimal.Decimal{}, err
	}
	rt, _ := t.on(s.Posted) // found by Postage
	if !rt.CODFee.Valid {
		return decimal.Decimal{}, rt.noRate(errNoCODFee)
	}
	return p.Add(rt.CODFee.Decimal), nil
}

func (rt *RateTable) postage(c Class, weight decimal.Decimal, zone Zone) (decimal.Decimal, error) {
	if c.Service == YuMail {
		if !positive(weight) {
			return decimal.Decimal{}, refusePostage(badMeasure(0, 3))
		}
		for _, r := range rt.YuMail {
			if weight.Cmp(r.UpTo) <= 0 {
				return r.Postage, nil
			}
		}
		return decimal.Decimal{}, rt.noRate(errNoYuMailStep)
	}
	rates, ok := rt.YuPack[zone]
	if !ok {
		return decimal.Decimal{}, rt.noRate(errNoYuPackZone, reason.Field(string(zone)))
	}
	i, found := slices.BinarySearchFunc(rates, c.Size, func(r SizeRate, size int) int { return r.Size - size })
	if !found {
		return decimal.Decimal{}, rt.noRate(errNoYuPackSize, reason.Field(string(zone)), reason.Limit(c.Size))
	}
	p := rates[i].Postage
	if c.Service == HeavyYuPack {
		if !rt.HeavySurcharge.Valid {
			return decimal.Decimal{}, rt.noRate(errNoHeavySurcharge)
		}
		p = p.Add(rt.HeavySurcharge.Decimal)
	}
	return p, nil
}

// noRate returns the refusal of ErrNoRate followed by what, the reason
// saying what rt lacks, with rt's effective date and the parameters ps.
func (rt *RateTable) noRate(what *reason.Reason, ps ...reason.Param) error {
	return refusePostage(ErrNoRate, what.With(append(ps, reason.Date(rt.Effective))...))
}

// refusePostage returns the refusal of postage for the reasons cs.
func refusePostage(cs ...reason.Coded) error {
	return reason.Refuse(pkg, "postage", cs)
}

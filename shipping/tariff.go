package shipping

import (
	"slices"
	"strconv"

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

// validate checks that rt's steps and sizes ascend, that postage never
// decreases as they do, and that every amount is zero or positive; its
// errors wrap ErrInconsistentInput.
func (rt *RateTable) validate() error {
	at := " (table " + rt.Effective.String() + ")"
	if rt.Effective.IsZero() {
		return inconsistent("a rate table needs an effective date")
	}
	for i, r := range rt.YuMail {
		if !positive(r.UpTo) || (i > 0 && r.UpTo.Cmp(rt.YuMail[i-1].UpTo) <= 0) {
			return inconsistent("Yu-Mail weight steps must be positive and ascending" + at)
		}
		if !amount(r.Postage) || (i > 0 && r.Postage.Cmp(rt.YuMail[i-1].Postage) < 0) {
			return inconsistent("Yu-Mail postage must be zero or more and never decrease with weight" + at)
		}
	}
	for z, rates := range rt.YuPack {
		if z == "" {
			return inconsistent("a Yu-Pack zone needs a name" + at)
		}
		for i, r := range rates {
			if r.Size <= 0 || (i > 0 && r.Size <= rates[i-1].Size) {
				return inconsistent("Yu-Pack sizes to " + text.Quote(string(z)) + " must be positive and ascending" + at)
			}
			if !amount(r.Postage) || (i > 0 && r.Postage.Cmp(rates[i-1].Postage) < 0) {
				return inconsistent("Yu-Pack postage to " + text.Quote(string(z)) + " must be zero or more and never decrease with size" + at)
			}
		}
	}
	for _, f := range []decimal.NullDecimal{rt.HeavySurcharge, rt.CODFee} {
		if f.Valid && !amount(f.Decimal) {
			return inconsistent("fees must be zero or more" + at)
		}
	}
	return nil
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
// refuses, with ErrInconsistentInput, a table without an effective date,
// two tables with the same one, Yu-Mail steps or Yu-Pack sizes that do not ascend, postage that
// decreases as they ascend, and negative amounts.
func NewTariff(tables ...RateTable) (*Tariff, error) {
	t := &Tariff{tables: make([]RateTable, len(tables))}
	for i, rt := range tables {
		if err := rt.validate(); err != nil {
			return nil, err
		}
		t.tables[i] = rt.clone()
	}
	slices.SortFunc(t.tables, func(a, b RateTable) int { return a.Effective.Compare(b.Effective) })
	for i := 1; i < len(t.tables); i++ {
		if t.tables[i].Effective == t.tables[i-1].Effective {
			return nil, inconsistent("two rate tables take effect on " + t.tables[i].Effective.String())
		}
	}
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
	first := "none"
	if t != nil && len(t.tables) > 0 {
		first = t.tables[0].Effective.String()
	}
	return nil, refusePostage(ErrNoRate.Detail("no table in force on "+d.String()+"; first table: "+first,
		"発送日 "+d.String()+"に有効な運賃表なし（最初の運賃表 "+first+"）"))
}

// Postage returns the postage of a parcel of class c posted on date
// posted to zone (R-HD1: the patron pays it), from the table in force on
// that date:
//
//   - Yu-Mail: the first weight step of at least weight (in kg); the
//     zone does not matter;
//   - Yu-Pack: the rate of c's size band to zone; weight does not matter;
//   - heavy Yu-Pack: that rate plus the table's HeavySurcharge.
//
// It returns ErrNoRate for a date before the first table or when the
// table lacks the rate, ErrBadMeasure for a Yu-Mail weight that is not
// positive, and an error wrapping ErrInconsistentInput for a class
// Classifier.Classify never returns.
func (t *Tariff) Postage(c Class, weight decimal.Decimal, zone Zone, posted calendar.Date) (decimal.Decimal, error) {
	if !c.valid() {
		return decimal.Decimal{}, inconsistent("no postage for class " + text.Quote(c.String()))
	}
	rt, err := t.on(posted)
	if err != nil {
		return decimal.Decimal{}, err
	}
	return rt.postage(c, weight, zone)
}

// CashOnDelivery returns the postage the patron pays on delivery (着払い,
// R-HD1: home-delivery loans are posted cash on delivery): Postage plus
// the table's CODFee.
func (t *Tariff) CashOnDelivery(c Class, weight decimal.Decimal, zone Zone, posted calendar.Date) (decimal.Decimal, error) {
	p, err := t.Postage(c, weight, zone, posted)
	if err != nil {
		return decimal.Decimal{}, err
	}
	rt, _ := t.on(posted) // found by Postage
	if !rt.CODFee.Valid {
		return decimal.Decimal{}, rt.noRate("no cash-on-delivery fee", "着払い手数料の記載なし")
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
		w := weight.String()
		return decimal.Decimal{}, rt.noRate("no Yu-Mail step for "+w+" kg", "ゆうメール "+w+"kg の運賃なし")
	}
	rates, ok := rt.YuPack[zone]
	if !ok {
		return decimal.Decimal{}, rt.noRate("no Yu-Pack rates to "+text.Shorten(string(zone)), text.Shorten(zone.Label(reason.Japanese))+"宛のゆうパック運賃なし")
	}
	i, found := slices.BinarySearchFunc(rates, c.Size, func(r SizeRate, size int) int { return r.Size - size })
	if !found {
		size := strconv.Itoa(c.Size)
		return decimal.Decimal{}, rt.noRate("no Yu-Pack size "+size+" to "+text.Shorten(string(zone)),
			text.Shorten(zone.Label(reason.Japanese))+"宛のゆうパック"+size+"サイズの運賃なし")
	}
	p := rates[i].Postage
	if c.Service == HeavyYuPack {
		if !rt.HeavySurcharge.Valid {
			return decimal.Decimal{}, rt.noRate("no heavy Yu-Pack surcharge", "重量ゆうパック加算額の記載なし")
		}
		p = p.Add(rt.HeavySurcharge.Decimal)
	}
	return p, nil
}

// noRate returns ErrNoRate detailed with what rt lacks.
func (rt *RateTable) noRate(en, ja string) error {
	from := rt.Effective.String()
	return refusePostage(ErrNoRate.Detail(en+" in the table of "+from, from+"からの運賃表："+ja))
}

func refusePostage(c reason.Coded) error {
	return reason.Refuse(pkg, "postage", []reason.Coded{c})
}

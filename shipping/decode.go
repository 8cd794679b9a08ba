package shipping

import (
	"github.com/shopspring/decimal"

	"github.com/kashidashi/kashidashi/calendar"
	"github.com/kashidashi/kashidashi/internal/text"
	"github.com/kashidashi/kashidashi/reason"
)

// UnmarshalJSON decodes a Class as encoding/json writes it, {"service":
// "yu_pack", "size": 60}, and refuses, as bad input (a reason.Problems
// naming the key, matching reason.ErrBadInput), anything
// Classifier.Classify could not return under some Limits: an unknown key
// or service, a size for Yu-Mail or for no service, and a Yu-Pack or
// heavy Yu-Pack size that is not positive. null and {} decode as the
// zero Class.
func (c *Class) UnmarshalJSON(b []byte) error {
	var raw struct {
		Service *string `json:"service"`
		Size    int     `json:"size"`
	}
	if err := decode("class", b, &raw); err != nil {
		return err
	}
	got := Class{Size: raw.Size}
	if raw.Service != nil {
		s, err := services.Parse(*raw.Service)
		if err != nil {
			return reason.BadInput("service", "%s is not a service (yu_mail, yu_pack, heavy_yu_pack)", text.Quote(*raw.Service))
		}
		got.Service = s
	}
	switch {
	case got == Class{} || got.valid():
	case got.Service == 0:
		return reason.BadInput("size", "a size needs a service")
	case got.Service == YuMail:
		return reason.BadInput("size", "Yu-Mail has no size band")
	default:
		return reason.BadInput("size", "%s needs a size band, a positive number", got.Service)
	}
	*c = got
	return nil
}

// UnmarshalJSON decodes a Parcel, {"length": 34, "width": 25,
// "thickness": 3, "weight": 1} (numbers or strings, as package decimal
// reads them; a missing measure is zero), and refuses an unknown key and,
// with ErrBadMeasure, a negative measure or an implausible one. A zero
// measure decodes, as in a Packing allowance; Classifier.Classify refuses it.
func (p *Parcel) UnmarshalJSON(b []byte) error {
	var raw struct {
		Length    decimal.Decimal `json:"length"`
		Width     decimal.Decimal `json:"width"`
		Thickness decimal.Decimal `json:"thickness"`
		Weight    decimal.Decimal `json:"weight"`
	}
	if err := decode("parcel", b, &raw); err != nil {
		return err
	}
	got := Parcel(raw)
	var rs []reason.Coded
	for i, d := range got.measures() {
		if d.Sign() < 0 || !plausible(d) {
			rs = append(rs, badMeasure(0, i))
		}
	}
	if err := reason.Refuse(pkg, "parcel", rs); err != nil {
		return err
	}
	*p = got
	return nil
}

// UnmarshalJSON decodes a RateTable as encoding/json would, but refuses
// unknown keys and a table NewTariff would refuse: no effective date,
// weight steps or sizes that do not ascend, negative or implausible
// amounts, postage that decreases. Every error is a reason.Problems
// matching reason.ErrBadInput, each problem with its path in the table's
// JSON form ("yu_mail[1].up_to").
func (rt *RateTable) UnmarshalJSON(b []byte) error {
	type plain RateTable // without this method, to decode the fields
	var raw struct {
		plain
		Effective string `json:"effective"` // read here, to name it in an error
	}
	if err := decode("rate table", b, &raw); err != nil {
		return err
	}
	got := RateTable(raw.plain)
	if raw.Effective != "" {
		d, err := calendar.ParseDate(raw.Effective)
		if err != nil {
			return reason.BadInput("effective", "%s is not a date (YYYY-MM-DD)", text.Quote(raw.Effective))
		}
		got.Effective = d
	}
	if err := got.problems().Err(); err != nil {
		return err
	}
	*rt = got
	return nil
}

package shipping

import (
	"github.com/shopspring/decimal"

	"github.com/kashidashi/kashidashi/reason"
)

// UnmarshalJSON decodes a Class as encoding/json writes it, {"service":
// "yu_pack", "size": 60}, and refuses, with ErrInconsistentInput,
// anything Classifier.Classify could not return under some Limits: an unknown key
// or service, a size for Yu-Mail or for no service, and a Yu-Pack or
// heavy Yu-Pack size that is not positive. null and {} decode as the
// zero Class.
func (c *Class) UnmarshalJSON(b []byte) error {
	var raw struct {
		Service Service `json:"service"`
		Size    int     `json:"size"`
	}
	if err := decode("class", b, &raw); err != nil {
		return err
	}
	got := Class{Service: raw.Service, Size: raw.Size}
	if got != (Class{}) && !got.valid() {
		return inconsistent("class " + got.String() + " is not a class of any size band")
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

// UnmarshalJSON decodes a RateTable as encoding/json would, but refuses,
// with ErrInconsistentInput, unknown keys and a table NewTariff would
// refuse: no effective date,
// weight steps or sizes that do not ascend, negative or implausible
// amounts, postage that decreases.
func (rt *RateTable) UnmarshalJSON(b []byte) error {
	type plain RateTable // without this method, to decode the fields
	var got plain
	if err := decode("rate table", b, &got); err != nil {
		return err
	}
	if err := (*RateTable)(&got).validate(); err != nil {
		return err
	}
	*rt = RateTable(got)
	return nil
}

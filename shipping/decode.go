package shipping

import (
	"bytes"
	"encoding/json"
	"errors"
	"github.com/kashidashi/kashidashi/internal/text"

	"github.com/kashidashi/kashidashi/reason"
	"github.com/shopspring/decimal"
)

// decodeStrict decodes the JSON object b into v, refusing unknown keys
// and anything after the object. Its error names what was decoded and
// keeps the decoder's message short, since that message can quote the
// input (an unknown key, a number).
func decodeStrict(what string, b []byte, v any) error {
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	err := dec.Decode(v)
	if err == nil && dec.More() {
		err = errors.New("data after the object")
	}
	if err != nil {
		return errors.New("shipping: bad " + what + ": " + text.Shorten(err.Error()))
	}
	return nil
}

// UnmarshalJSON decodes a Class as MarshalJSON writes it, {"service":
// "yu_pack", "size": 60}, and refuses anything Classify could not
// return under some Limits: an unknown key or service, a size for
// Yu-Mail or for no service, and a Yu-Pack or heavy Yu-Pack size that
// is not positive. null and {} decode as the zero Class.
func (c *Class) UnmarshalJSON(b []byte) error {
	var raw struct {
		Service Service `json:"service"`
		Size    int     `json:"size"`
	}
	if err := decodeStrict("class", b, &raw); err != nil {
		return err
	}
	got := Class{Service: raw.Service, Size: raw.Size}
	if got != (Class{}) && !got.valid() {
		return errors.New("shipping: bad class: " + got.String() + " is not a class of any size band")
	}
	*c = got
	return nil
}

// UnmarshalJSON decodes a Parcel, {"length": 34, "width": 25,
// "thickness": 3, "weight": 1} (numbers or strings, as package decimal
// reads them; a missing measure is zero), and refuses an unknown key and,
// with ErrBadMeasure, a negative measure or one beyond MaxScale. A zero
// measure decodes, as in a Packing allowance; Classify refuses it.
func (p *Parcel) UnmarshalJSON(b []byte) error {
	var raw struct {
		Length    decimal.Decimal `json:"length"`
		Width     decimal.Decimal `json:"width"`
		Thickness decimal.Decimal `json:"thickness"`
		Weight    decimal.Decimal `json:"weight"`
	}
	if err := decodeStrict("parcel", b, &raw); err != nil {
		return err
	}
	got := Parcel(raw)
	var rs []reason.Coded
	for i, d := range got.measures() {
		if d.Sign() < 0 || !plausible(d) {
			rs = append(rs, badMeasure("", "", i, d))
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
// amounts, postage that decreases.
func (rt *RateTable) UnmarshalJSON(b []byte) error {
	type plain RateTable // without this method, to decode the fields
	var got plain
	if err := decodeStrict("rate table", b, &got); err != nil {
		return err
	}
	if err := (*RateTable)(&got).validate(); err != nil {
		return err
	}
	*rt = RateTable(got)
	return nil
}

package shipping

import (
	"github.com/kashidashi/kashidashi/calendar"
	"github.com/kashidashi/kashidashi/internal/text"
	"github.com/kashidashi/kashidashi/reason"
)

// UnmarshalJSON decodes a Class as encoding/json writes it, {"service":
// "yu_pack", "size": 60}, and refuses, as bad input (a reason.Problems
// naming the key, matching reason.ErrBadInput), anything
// Classifier.Classify could not return under some Limits: an unknown key
// or service (a service's code or label exactly, as Service's
// UnmarshalText reads it), a size for Yu-Mail or for no service, and a
// Yu-Pack or heavy Yu-Pack size that is not positive. null and {} decode
// as the zero Class.
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
		if err := got.Service.UnmarshalText([]byte(*raw.Service)); err != nil {
			return reason.BadInput("service", "%s is not a service (yu_mail, yu_pack, heavy_yu_pack)", text.Quote(*raw.Service))
		}
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
// reads them; a missing measure is zero), and refuses an unknown,
// repeated or wrong-case key and, with ErrBadMeasure, a negative measure
// or an implausible one: one of more than 32 digits is refused before it
// is read, so that decoding takes time linear in b. A zero measure
// decodes, as in a Packing allowance; Classifier.Classify refuses it.
func (p *Parcel) UnmarshalJSON(b []byte) error {
	var raw [4]number
	fields := struct {
		Length    *number `json:"length"`
		Width     *number `json:"width"`
		Thickness *number `json:"thickness"`
		Weight    *number `json:"weight"`
	}{&raw[0], &raw[1], &raw[2], &raw[3]}
	if err := decode("parcel", b, &fields); err != nil {
		return err
	}
	var rs []reason.Coded
	for i, n := range raw {
		if n.long || n.d.Sign() < 0 || !plausible(n.d) {
			rs = append(rs, badMeasure(0, i))
		}
	}
	if err := reason.Refuse(pkg, "parcel", rs); err != nil {
		return err
	}
	*p = Parcel{Length: raw[0].d, Width: raw[1].d, Thickness: raw[2].d, Weight: raw[3].d}
	return nil
}

// UnmarshalJSON decodes a RateTable as encoding/json would, but refuses
// unknown, repeated or wrong-case keys, amounts of more than 32 digits
// (before they are read) and a table NewTariff would refuse: no
// effective date, weight steps or sizes that do not ascend, negative or
// implausible amounts, postage that decreases. Every error is a
// reason.Problems matching reason.ErrBadInput, each problem with its path
// in the table's JSON form ("yu_mail[1].up_to").
func (rt *RateTable) UnmarshalJSON(b []byte) error {
	var raw rateTableJSON
	if err := decode("rate table", b, &raw); err != nil {
		return err
	}
	got, ps := raw.rates()
	if err := ps.Err(); err != nil {
		return err
	}
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

// UnmarshalJSON decodes a Shipment, {"class": {"service": "yu_pack",
// "size": 60}, "weight": "1.5", "zone": "kanto", "posted":
// "2026-05-01"}, strictly: an unknown, repeated or wrong-case key, a
// class Class's UnmarshalJSON refuses, and a weight of more than 32
// digits (refused before it is read) are bad input (a reason.Problems
// naming the key, matching reason.ErrBadInput). Postage judges the rest.
func (s *Shipment) UnmarshalJSON(b []byte) error {
	var raw struct {
		Class  Class         `json:"class"`
		Weight number        `json:"weight"`
		Zone   Zone          `json:"zone"`
		Posted calendar.Date `json:"posted"`
	}
	if err := decode("shipment", b, &raw); err != nil {
		return err
	}
	if raw.Weight.long {
		return reason.BadInput("weight", tooManyDigits)
	}
	*s = Shipment{Class: raw.Class, Weight: raw.Weight.d, Zone: raw.Zone, Posted: raw.Posted}
	return nil
}

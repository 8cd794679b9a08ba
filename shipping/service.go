package shipping

import (
	"strconv"

	"github.com/kashidashi/kashidashi/internal/enum"
	"github.com/kashidashi/kashidashi/reason"
)

// Service is a Japan Post parcel service the library posts home-delivery
// loans by (R-HD3). The zero Service means "none".
type Service uint8

// The services, in increasing order of size and weight.
const (
	YuMail      Service = iota + 1 // ゆうメール: books and printed matter up to 34 × 25 × 3 cm and 1 kg
	YuPack                         // ゆうパック: parcels by size band, up to 25 kg
	HeavyYuPack                    // 重量ゆうパック: Yu-Pack over 25 kg, up to 30 kg
)

var services = enum.NewTable[Service](pkg, "service", reason.ErrBadInput,
	enum.Name{},
	enum.Name{Code: "yu_mail", En: "Yu-Mail", Ja: "ゆうメール"},
	enum.Name{Code: "yu_pack", En: "Yu-Pack", Ja: "ゆうパック"},
	enum.Name{Code: "heavy_yu_pack", En: "Heavy Yu-Pack", Ja: "重量ゆうパック"},
)

// Valid reports whether s is one of the services.
func (s Service) Valid() bool { return services.Valid(s) }

// String returns the stable code of s: "yu_mail", "yu_pack" or
// "heavy_yu_pack".
func (s Service) String() string { return services.String(s) }

// Label returns the name of s in language l: "Yu-Mail" or "ゆうメール".
func (s Service) Label(l reason.Lang) string { return services.Label(s, l) }

// MarshalText encodes s as its stable code; the zero Service is an error.
func (s Service) MarshalText() ([]byte, error) { return services.MarshalText(s) }

// UnmarshalText decodes a stable code or a label into s; its error
// matches reason.ErrBadInput.
func (s *Service) UnmarshalText(b []byte) error { return services.UnmarshalText(s, b) }

// Class is the class a parcel is posted in: its service and, for Yu-Pack
// and heavy Yu-Pack, its size band (60, 80, …, 170: the largest sum of
// the three sides, in cm, of the band). Size is 0 for Yu-Mail. The zero
// Class means "none" and encodes as {}.
type Class struct {
	Service Service `json:"service,omitempty"`
	Size    int     `json:"size,omitempty"`
}

// valid reports whether c could be a result of Classifier.Classify under some
// Limits.
func (c Class) valid() bool {
	if c.Service == YuMail {
		return c.Size == 0
	}
	return c.Service.Valid() && c.Size > 0
}

// String returns the stable form of c: the service's code, then the size
// band when there is one: "yu_mail", "yu_pack:60".
func (c Class) String() string {
	if c.Size == 0 {
		return c.Service.String()
	}
	return c.Service.String() + ":" + strconv.Itoa(c.Size)
}

// Label describes c in language l: "Yu-Pack size 60" or ゆうパック60サイズ,
// and for Yu-Mail the service's name alone.
func (c Class) Label(l reason.Lang) string {
	name := c.Service.Label(l)
	switch {
	case c.Size == 0:
		return name
	case l == reason.Japanese:
		return name + strconv.Itoa(c.Size) + "サイズ"
	default:
		return name + " size " + strconv.Itoa(c.Size)
	}
}

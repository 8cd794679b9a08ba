package shipping

import (
	"errors"
	"github.com/kashidashi/kashidashi/internal/text"
	"strconv"
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

// serviceNames holds, per Service, its text token, English and Japanese
// names.
var serviceNames = [...][3]string{
	{"", "no service", "なし"},
	YuMail:      {"yu_mail", "Yu-Mail", "ゆうメール"},
	YuPack:      {"yu_pack", "Yu-Pack", "ゆうパック"},
	HeavyYuPack: {"heavy_yu_pack", "Heavy Yu-Pack", "重量ゆうパック"},
}

func (s Service) valid() bool { return s >= YuMail && s <= HeavyYuPack }

// String returns the English name of s, as English does.
func (s Service) String() string { return s.English() }

// English returns the English name of s: "Yu-Mail", "Yu-Pack" or "Heavy
// Yu-Pack".
func (s Service) English() string {
	if int(s) < len(serviceNames) {
		return serviceNames[s][1]
	}
	return "Service(" + strconv.Itoa(int(s)) + ")"
}

// Japanese returns the Japanese name of s: ゆうメール, ゆうパック or
// 重量ゆうパック.
func (s Service) Japanese() string {
	if int(s) < len(serviceNames) {
		return serviceNames[s][2]
	}
	return "Service(" + strconv.Itoa(int(s)) + ")"
}

// MarshalText encodes s as a stable token: "yu_mail", "yu_pack" or
// "heavy_yu_pack", and the zero Service as the empty string.
func (s Service) MarshalText() ([]byte, error) {
	if int(s) < len(serviceNames) {
		return []byte(serviceNames[s][0]), nil
	}
	return nil, errors.New("shipping: cannot encode " + s.English())
}

// UnmarshalText decodes a token written by MarshalText. It accepts
// nothing else: no names, no other case. Its error quotes at most
// text.MaxQuoted characters of b.
func (s *Service) UnmarshalText(b []byte) error {
	for i, n := range serviceNames {
		if n[0] == string(b) {
			*s = Service(i)
			return nil
		}
	}
	return errors.New("shipping: unknown service " + text.Quote(string(b)) + " (want yu_mail, yu_pack or heavy_yu_pack)")
}

// Class is the class a parcel is posted in: its service and, for Yu-Pack
// and heavy Yu-Pack, its size band (60, 80, …, 170: the largest sum of
// the three sides, in cm, of the band). Size is 0 for Yu-Mail. The zero
// Class means "none".
type Class struct {
	Service Service `json:"service"`
	Size    int     `json:"size,omitempty"`
}

// valid reports whether c could be a result of Classify under some
// Limits.
func (c Class) valid() bool {
	if c.Service == YuMail {
		return c.Size == 0
	}
	return c.Service.valid() && c.Size > 0
}

// String describes c in English: "Yu-Mail", "Yu-Pack size 60",
// "Heavy Yu-Pack size 100".
func (c Class) String() string {
	if c.Size == 0 {
		return c.Service.English()
	}
	return c.Service.English() + " size " + strconv.Itoa(c.Size)
}

// Japanese describes c in Japanese: ゆうメール, ゆうパック60サイズ,
// 重量ゆうパック100サイズ.
func (c Class) Japanese() string {
	if c.Size == 0 {
		return c.Service.Japanese()
	}
	return c.Service.Japanese() + strconv.Itoa(c.Size) + "サイズ"
}

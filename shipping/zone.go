package shipping

import "github.com/kashidashi/kashidashi/reason"

// Zone is a Yu-Pack destination zone, counted from Hokkaido, where the
// Prefectural Library posts from: Yu-Pack postage depends on it, Yu-Mail
// postage does not. The constants are Japan Post's regions; a host whose
// rate tables group destinations differently may use its own values.
// A Zone is its own stable code, so it has no String method.
type Zone string

// Japan Post's Yu-Pack regions.
const (
	ZoneHokkaido Zone = "hokkaido" // 北海道
	ZoneTohoku   Zone = "tohoku"   // 東北
	ZoneKanto    Zone = "kanto"    // 関東
	ZoneShinetsu Zone = "shinetsu" // 信越
	ZoneHokuriku Zone = "hokuriku" // 北陸
	ZoneTokai    Zone = "tokai"    // 東海
	ZoneKinki    Zone = "kinki"    // 近畿
	ZoneChugoku  Zone = "chugoku"  // 中国
	ZoneShikoku  Zone = "shikoku"  // 四国
	ZoneKyushu   Zone = "kyushu"   // 九州
	ZoneOkinawa  Zone = "okinawa"  // 沖縄
)

// zoneNames holds the English and Japanese names of the constant zones.
var zoneNames = map[Zone][2]string{
	ZoneHokkaido: {"Hokkaido", "北海道"}, ZoneTohoku: {"Tohoku", "東北"}, ZoneKanto: {"Kanto", "関東"},
	ZoneShinetsu: {"Shinetsu", "信越"}, ZoneHokuriku: {"Hokuriku", "北陸"}, ZoneTokai: {"Tokai", "東海"},
	ZoneKinki: {"Kinki", "近畿"}, ZoneChugoku: {"Chugoku", "中国"}, ZoneShikoku: {"Shikoku", "四国"},
	ZoneKyushu: {"Kyushu", "九州"}, ZoneOkinawa: {"Okinawa", "沖縄"},
}

// Label returns the name of one of the constant zones in language l
// (Hokkaido, 北海道) and z itself for any other zone.
func (z Zone) Label(l reason.Lang) string {
	n, ok := zoneNames[z]
	switch {
	case !ok:
		return string(z)
	case l == reason.Japanese:
		return n[1]
	default:
		return n[0]
	}
}

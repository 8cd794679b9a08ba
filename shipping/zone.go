package shipping

// Zone is a Yu-Pack destination zone, counted from Hokkaido, where the
// Prefectural Library posts from: Yu-Pack postage depends on it, Yu-Mail
// postage does not. The constants are Japan Post's regions; a host whose
// rate tables group destinations differently may use its own values.
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

var zoneNames = map[Zone]string{
	ZoneHokkaido: "北海道", ZoneTohoku: "東北", ZoneKanto: "関東", ZoneShinetsu: "信越",
	ZoneHokuriku: "北陸", ZoneTokai: "東海", ZoneKinki: "近畿", ZoneChugoku: "中国",
	ZoneShikoku: "四国", ZoneKyushu: "九州", ZoneOkinawa: "沖縄",
}

// Japanese returns the Japanese name of one of the constant zones (北海道
// for ZoneHokkaido) and z itself for any other.
func (z Zone) Japanese() string {
	if n, ok := zoneNames[z]; ok {
		return n
	}
	return string(z)
}

package circulation

import (
	"github.com/kashidashi/kashidashi/calendar"
)

// Collection is the collection an item belongs to; it decides the counter
// that lends it at the Prefectural Library (M1, R-PL1).
type Collection uint8

// The two collections.
const (
	General  Collection = iota // general items (一般資料)
	Hokkaido                   // the Hokkaido collection (北方資料)
)

// Loan is one item on loan to a patron.
type Loan struct {
	Item         string        `json:"item"`
	Place        Place         `json:"place"`
	Collection   Collection    `json:"collection"`
	Short        bool          `json:"short"`        // a short loan (短縮)
	Interlibrary bool          `json:"interlibrary"` // borrowed from another library (L4 d)
	Reserved     bool          `json:"reserved"`     // someone has reserved this item (L4 b)
	Loaned       calendar.Date `json:"loaned"`
	Due          calendar.Date `json:"due"`
	Extensions   int           `json:"extensions"`
}

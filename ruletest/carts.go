package ruletest

import (
	"slices"

	"github.com/kashidashi/kashidashi/circulation"
	"github.com/kashidashi/kashidashi/holds"
	"pgregory.net/rapid"
)

// kitRegistered is where each generated patron is registered (P1, R-PT1):
// A at one partner library, B at both, C at none.
var kitRegistered = map[string][]string{"A": partnerLibraries[:1], "B": partnerLibraries}

// Carts draws well-formed carts (H2): one of three patrons with the
// partner libraries they are registered at, one to five distinct items of
// any catalogue status (I1; most can be lent, a few cannot, so that I2
// refusals come up), a PickupPlace and either reservation method. Draws
// shrink toward one item on the shelf, reserved normally for the
// Prefectural Library.
func Carts() *rapid.Generator[holds.Cart] {
	return rapid.Custom(func(t *rapid.T) holds.Cart {
		who := rapid.SampledFrom(kitPatrons).Draw(t, "patron")
		ids := rapid.SliceOfNDistinct(rapid.SampledFrom(kitItems), 1, 5, rapid.ID).Draw(t, "items")
		items := make([]circulation.Item, len(ids))
		for i, id := range ids {
			items[i] = circulation.Item{
				ID:         id,
				Status:     rapid.SampledFrom(cartStatuses).Draw(t, "status"),
				Collection: rapid.SampledFrom([]circulation.Collection{circulation.General, circulation.Hokkaido}).Draw(t, "collection"),
			}
		}
		return holds.Cart{
			Patron:           who,
			Items:            items,
			Place:            PickupPlace().Draw(t, "place"),
			Ordering:         rapid.SampledFrom([]holds.Ordering{holds.Normal, holds.ReadingOrder}).Draw(t, "ordering"),
			PartnerLibraries: slices.Clone(kitRegistered[who]),
		}
	})
}

// cartStatuses lists the statuses of I1, the loanable ones several times
// so that most carts are accepted.
var cartStatuses = []circulation.Status{
	circulation.OnShelf, circulation.OnLoan, circulation.OnShelfShort, circulation.Assigned,
	circulation.OnShelf, circulation.OnLoan, circulation.LentToLibrary, circulation.InTransit,
	circulation.Reference, circulation.LibraryUseOnly, circulation.LibraryUseOnlyShort,
}

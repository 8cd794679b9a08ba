package library

import (
	"github.com/kashidashi/kashidashi/circulation"
	"github.com/kashidashi/kashidashi/holds"
)

// The split of hard and soft reasons (overrides [reading]) that a
// document leaving out "overridable" gets, the embedded default among
// them: staff may let go the limits, ErrLoanLimit (L1) and
// ErrReservationLimit (H1), the extension reasons that are the library's
// own to waive, ErrReserved (L4 b), ErrAlreadyExtended (L4 c) and
// ErrOverdue (L4 e), and a cancellation or change after the notice,
// holds.ErrNeedsStaff (H5). Hard are what the lending library's terms or
// the route decide (L4 a, L2, L4 d), an item never lent (I1), and every
// return reason. The guide does not say what staff may override. The
// default split makes soft every reason that is safe to waive
// (circulation.Waivable, holds.Waivable) and nothing else: a document may
// name fewer, never another, which the policies' Validate refuses at load
// (TestOverridesDefaultSplitIsTheWaivableSet keeps the two the same).

// defaultCirculationSoft is the circulation policy's soft reasons.
func defaultCirculationSoft() circulation.Codes {
	return circulation.CodesOf(circulation.ErrLoanLimit, circulation.ErrReservationLimit,
		circulation.ErrReserved, circulation.ErrAlreadyExtended, circulation.ErrOverdue)
}

// defaultHoldSoft is the hold policy's soft reasons.
func defaultHoldSoft() circulation.Codes { return circulation.CodesOf(holds.ErrNeedsStaff) }

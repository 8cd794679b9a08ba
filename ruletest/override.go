package ruletest

import (
	"github.com/kashidashi/kashidashi/circulation"
	"github.com/kashidashi/kashidashi/reason"
	"pgregory.net/rapid"
)

// Overrides draws the override a decision is given (circulation.Override):
// one draw in four the zero Override, a patron's own request; otherwise
// a member of staff letting go any subset of from, with a short note.
// Every draw passes Validate. Draws shrink toward the zero Override.
func Overrides(from ...*reason.Reason) *rapid.Generator[circulation.Override] {
	return rapid.Custom(func(t *rapid.T) circulation.Override {
		if rapid.IntRange(0, 3).Draw(t, "by_staff") == 0 {
			return circulation.Override{}
		}
		var let []reason.Coded
		for _, r := range from {
			if rapid.Bool().Draw(t, "let_go_"+r.Code()) {
				let = append(let, r)
			}
		}
		return circulation.Override{
			Staff: rapid.SampledFrom([]string{"k.sato", "s.tanaka", "佐藤"}).Draw(t, "staff"),
			Codes: circulation.CodesOf(let...),
			Note:  rapid.SampledFrom([]string{"", "at the counter", "電話で確認"}).Draw(t, "note"),
		}
	})
}

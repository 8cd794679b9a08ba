package notice_test

import (
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/kashidashi/kashidashi/circulation"
	"github.com/kashidashi/kashidashi/notice"
	"github.com/kashidashi/kashidashi/reason"
	"github.com/kashidashi/kashidashi/shipping"
)

// TestReasonsCatalogue: every line has a unique notice code, messages
// in both languages that differ, and the same parameters in both.
func TestReasonsCatalogue(t *testing.T) {
	code := regexp.MustCompile(`^notice(\.[a-z0-9_]+)+$`)
	seen := map[string]bool{}
	for _, e := range reason.Catalogue(notice.Reasons()) {
		assert.Regexp(t, code, e.Code)
		assert.False(t, seen[e.Code], "duplicate %s", e.Code)
		seen[e.Code] = true
		assert.Equal(t, "notice", e.Package)
		assert.NotEqual(t, e.En, e.Ja, e.Code)
	}
	assert.Len(t, seen, 40)
}

// TestHostWordingRewordsANoticeLine: a host's wording changes the line
// it names, in the language it names, with the parameters the line
// carries; every other line and language keeps the module's.
func TestHostWordingRewordsANoticeLine(t *testing.T) {
	r := secured("0012345678", atEbetsu, circulation.General, "2026-11-19")
	n, err := notice.Secured(r, timelineOf(policy, r, 0), shipping.Class{})
	require.NoError(t, err)
	w, err := reason.NewWording(notice.Reasons(), map[string]map[reason.Lang]string{
		"notice.secured.card_number": {reason.Japanese: "受取の際は利用カードをお持ちください。"},
		"notice.secured.deadline":    {reason.English: "Collect it by[ {day}], or it goes to the next patron."},
		"notice.secured.place.partner": {
			reason.English:  "Collect it at[ {library}]",
			reason.Japanese: "[{library}で]お受け取りください",
		},
	})
	require.NoError(t, err)

	ja, en := n.Text(w, reason.Japanese), n.Text(w, reason.English)
	assert.Contains(t, ja, "\n受取の際は利用カードをお持ちください。\n")
	assert.NotContains(t, ja, "利用者番号")
	assert.Contains(t, en, "\nShow your Prefectural Library card number when you collect it.\n", "English keeps the module's")
	assert.Contains(t, en, "\nCollect it by 2026-12-03 (Thu), or it goes to the next patron.\n", "a date keeps its weekday")
	assert.Contains(t, ja, "\n取置期限：2026年12月3日（木）まで（休館日は数えません）。", "Japanese keeps the module's")
	assert.Contains(t, en, "\nCollect it at 江別市情報図書館\n")
	assert.Contains(t, ja, "\n江別市情報図書館でお受け取りください\n")

	// Without the overrides the text is the module's.
	for _, l := range []reason.Lang{reason.English, reason.Japanese} {
		assert.Equal(t, n.Text(nil, l), n.Text(&reason.Wording{}, l))
	}
}

// TestHostWordingRewordsExtensionAndRows: the wording reaches the
// extension notice, the circulation reasons of a refusal, and the rows.
func TestHostWordingRewordsExtensionAndRows(t *testing.T) {
	loan := circulation.Loan{Item: "0012345678", Place: atPrefectural,
		Loaned: mustDay("2026-03-25"), Due: mustDay("2026-04-08"), Reserved: true}
	d, err := loanPolicy.Extend(circulation.ExtendRequest{Loan: loan, Today: mustDay("2026-04-01"), ReturnTo: prefectural})
	n, nerr := notice.Extension(loan, d.Loan, err)
	require.NoError(t, nerr)
	w, err := reason.NewWording(append(notice.Reasons(), circulation.Reasons()...), map[string]map[reason.Lang]string{
		"notice.extension.refused": {reason.English: "Not extended[: still due {day}]."},
		"extension.reserved":       {reason.English: "Someone is waiting for it: call 011-xxx-xxxx."},
		"notice.row.deadline":      {reason.Japanese: "お受け取り期限"},
	})
	require.NoError(t, err)
	en := n.Text(w, reason.English)
	assert.Contains(t, en, "\nNot extended: still due 2026-04-08 (Wed).\n")
	assert.Contains(t, en, "\n- Someone is waiting for it: call 011-xxx-xxxx.\n")

	rows := notice.Rows(timelineOf(policy, secured("b", atAssembly, circulation.General, "2026-11-20"), 0))
	var labels []string
	for _, r := range rows {
		labels = append(labels, r.Label(w, reason.Japanese))
	}
	assert.Contains(t, labels, "お受け取り期限")
	assert.Contains(t, labels, "予約資料確保メール送信")
}

// TestWordingMayLeaveOutTheDate: a host template without the date still
// renders, without a weekday mark of its own.
func TestWordingMayLeaveOutTheDate(t *testing.T) {
	r := secured("b", atAssembly, circulation.General, "2026-11-20")
	n, err := notice.Secured(r, timelineOf(policy, r, 0), shipping.Class{})
	require.NoError(t, err)
	w, err := reason.NewWording(notice.Reasons(), map[string]map[reason.Lang]string{
		"notice.secured.notice_day": {reason.English: "We wrote to you today."},
	})
	require.NoError(t, err)
	lines := strings.Split(n.Text(w, reason.English), "\n")
	assert.Equal(t, "We wrote to you today.", lines[2])
}

// TestWordingRewordsTheExtendedSentence: the new and the previous due
// date are one sentence, {day} and {previous_day}, so a host may put
// them in either order; each keeps its weekday.
func TestWordingRewordsTheExtendedSentence(t *testing.T) {
	loan := circulation.Loan{Item: "0012345678", Place: atPrefectural,
		Loaned: mustDay("2026-03-25"), Due: mustDay("2026-04-08")}
	extended := loan
	extended.Due = mustDay("2026-04-15")
	n, err := notice.Extension(loan, extended, nil)
	require.NoError(t, err)
	w, err := reason.NewWording(notice.Reasons(), map[string]map[reason.Lang]string{
		"notice.extension.extended": {reason.English: "Was due[ {previous_day}], now due[ {day}]."},
	})
	require.NoError(t, err)
	assert.Contains(t, n.Text(w, reason.English), "\nWas due 2026-04-08 (Wed), now due 2026-04-15 (Wed).\n")
}

// TestWordingR_HD3SizeBandIsSize: a Yu-Pack line names its size band
// {size}; {limit} is not one of its parameters.
func TestWordingR_HD3SizeBandIsSize(t *testing.T) {
	w, err := reason.NewWording(notice.Reasons(), map[string]map[reason.Lang]string{
		"notice.secured.parcel.yu_pack": {reason.English: "Yu-Pack[ ({size} cm)]"},
	})
	require.NoError(t, err)
	n := notice.Notice{Place: circulation.Place{Method: circulation.HomeDelivery},
		Parcel: shipping.Class{Service: shipping.YuPack, Size: 80}}
	assert.Contains(t, n.Text(w, reason.English), "\nYu-Pack (80 cm)\n")

	_, err = reason.NewWording(notice.Reasons(), map[string]map[reason.Lang]string{
		"notice.secured.parcel.yu_pack": {reason.English: "Yu-Pack[ {limit}]"},
	})
	assert.Error(t, err)
}

package notice_test

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"pgregory.net/rapid"

	"github.com/kashidashi/kashidashi/notice"
	"github.com/kashidashi/kashidashi/reason"
)

// closureLines are what a two-day closure of the Prefectural Library
// (Wednesday 2027-02-17 and Thursday 2027-02-18) changed for two
// patrons, given in the order a host's loans and reservations came.
func closureLines() []notice.ClosureLine {
	const pref, prefEn = "北海道立図書館", "Hokkaido Prefectural Library"
	return []notice.ClosureLine{
		{Patron: "P2", Item: "0000000002", Kind: notice.DueMoved, Library: pref, LibraryEn: prefEn,
			Original: mustDay("2027-02-17"), New: mustDay("2027-02-19")},
		{Patron: "P1", Item: "0000000001", Kind: notice.DueSpread, Library: pref, LibraryEn: prefEn,
			Original: mustDay("2027-02-18"), New: mustDay("2027-02-21")},
		{Patron: "P1", Item: "0000000003", Kind: notice.DueStands, Library: pref, LibraryEn: prefEn,
			Original: mustDay("2027-02-17"), New: mustDay("2027-02-17")},
		{Patron: "P1", Item: "0000000004", Kind: notice.DeadlineMoved, Library: pref, LibraryEn: prefEn,
			Original: mustDay("2027-02-24"), New: mustDay("2027-02-26")},
		{Patron: "P2", Item: "0000000005", Kind: notice.CourierMoved, Library: "江別市情報図書館", LibraryEn: "Ebetsu City Library",
			Original: mustDay("2027-02-19"), New: mustDay("2027-02-23")},
		{Patron: "P2", Item: "0000000006", Kind: notice.CollectableMoved, Library: "江別市情報図書館",
			Original: mustDay("2027-02-21"), New: mustDay("2027-02-25")},
		{Patron: "P2", Item: "0000000007", Kind: notice.PostingMoved, Library: pref, LibraryEn: prefEn,
			Original: mustDay("2027-02-17"), New: mustDay("2027-02-19")},
	}
}

// X6: one notice per patron, patrons in order of their identifiers,
// each listing that patron's lines in the order given.
func TestClosureNoticesX6OnePerPatron(t *testing.T) {
	lines := closureLines()
	ns := notice.ClosureNotices(lines)
	require.Len(t, ns, 2)
	assert.Equal(t, "P1", ns[0].Patron)
	assert.Equal(t, []notice.ClosureLine{lines[1], lines[2], lines[3]}, ns[0].Lines)
	assert.Equal(t, "P2", ns[1].Patron)
	assert.Equal(t, []notice.ClosureLine{lines[0], lines[4], lines[5], lines[6]}, ns[1].Lines)
	assert.Empty(t, notice.ClosureNotices(nil))
}

// X6: whatever the order of the lines, each patron gets exactly one
// notice holding exactly their lines, in the order given.
func TestClosureNoticesX6GroupingProperty(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		n := rapid.IntRange(0, 30).Draw(t, "lines")
		var lines []notice.ClosureLine
		for i := range n {
			lines = append(lines, notice.ClosureLine{
				Patron: rapid.SampledFrom([]string{"A", "B", "C", ""}).Draw(t, "patron"),
				Item:   strings.Repeat("i", i+1), Kind: notice.DueMoved,
			})
		}
		ns := notice.ClosureNotices(lines)
		seen := map[string]bool{}
		total := 0
		for i, nt := range ns {
			if seen[nt.Patron] {
				t.Fatalf("patron %q has two notices", nt.Patron)
			}
			seen[nt.Patron] = true
			if i > 0 && ns[i-1].Patron >= nt.Patron {
				t.Fatalf("patrons out of order: %q then %q", ns[i-1].Patron, nt.Patron)
			}
			var want []notice.ClosureLine
			for _, l := range lines {
				if l.Patron == nt.Patron {
					want = append(want, l)
				}
			}
			if len(want) == 0 || len(want) != len(nt.Lines) {
				t.Fatalf("patron %q: %d lines, want %d", nt.Patron, len(nt.Lines), len(want))
			}
			for j := range want {
				if want[j] != nt.Lines[j] {
					t.Fatalf("patron %q line %d: %+v, want %+v", nt.Patron, j, nt.Lines[j], want[j])
				}
			}
			total += len(nt.Lines)
		}
		if total != n {
			t.Fatalf("%d lines in the notices, %d given", total, n)
		}
	})
}

// X6: the notice to a patron, golden in JSON and in both languages: a
// subject, an introduction, and one line per loan or reservation with
// its old and new dates.
func TestClosureNoticeGoldenX6(t *testing.T) {
	for i, n := range notice.ClosureNotices(closureLines()) {
		checkGolden(t, []string{"closure-X6-P1", "closure-X6-P2"}[i], n, func(l reason.Lang) string { return n.Text(nil, l) })
	}
}

// X6: every line shows its old and new dates with their weekdays in
// both languages, and a due date that stands says so.
func TestClosureNoticeX6TextShowsBothDates(t *testing.T) {
	ns := notice.ClosureNotices(closureLines())
	ja, en := ns[0].Text(nil, reason.Japanese), ns[0].Text(nil, reason.English)
	assert.Contains(t, ja, "2027年2月18日（木）")
	assert.Contains(t, ja, "2027年2月21日（日）")
	assert.Contains(t, en, "2027-02-18 (Thu)")
	assert.Contains(t, en, "2027-02-21 (Sun)")
	assert.Contains(t, en, "Hokkaido Prefectural Library", "English shows the English name")
	assert.Contains(t, ja, "北海道立図書館")
	assert.Contains(t, en, "0000000003")
	assert.Contains(t, ja, "返却期限日は変わりません")
}

// X6: a host's wording rewords any line of the closure notice; the
// others keep the module's.
func TestClosureNoticeX6HostWording(t *testing.T) {
	w, err := reason.NewWording(notice.Reasons(), map[string]map[reason.Lang]string{
		"notice.closure.due_spread": {reason.English: "[{item} ]is now due[ {day}], to spare the queue."},
		"notice.closure.subject":    {reason.Japanese: "休館のお知らせ"},
	})
	require.NoError(t, err)
	n := notice.ClosureNotices(closureLines())[0]
	en, ja := n.Text(w, reason.English), n.Text(w, reason.Japanese)
	assert.Contains(t, en, "\n- 0000000001 is now due 2027-02-21 (Sun), to spare the queue.\n")
	assert.True(t, strings.HasPrefix(ja, "休館のお知らせ\n"))
	assert.True(t, strings.HasPrefix(en, "Dates changed because of a closure\n"), "English keeps the module's")
	for _, l := range []reason.Lang{reason.English, reason.Japanese} {
		assert.Equal(t, n.Text(nil, l), n.Text(&reason.Wording{}, l))
	}
}

// X6: the zero notice renders its subject and introduction, and a line
// of an unknown kind is left out rather than rendered wrongly.
func TestClosureNoticeX6ZeroValues(t *testing.T) {
	var n notice.ClosureNotice
	for _, l := range []reason.Lang{reason.English, reason.Japanese} {
		assert.Equal(t, 2, strings.Count(n.Text(nil, l), "\n"))
	}
	n.Lines = []notice.ClosureLine{{Item: "x"}}
	assert.Equal(t, 2, strings.Count(n.Text(nil, reason.English), "\n"))
}

// X6: a kind is its stable code in JSON and text; an unknown code is
// bad input.
func TestClosureKindX6Codes(t *testing.T) {
	codes := map[notice.ClosureKind]string{
		notice.DueStands: "due_stands", notice.DueMoved: "due_moved", notice.DueSpread: "due_spread",
		notice.DeadlineMoved: "deadline_moved", notice.CourierMoved: "courier_moved",
		notice.CollectableMoved: "collectable_moved", notice.PostingMoved: "posting_moved",
	}
	for k, code := range codes {
		assert.True(t, k.Valid())
		assert.Equal(t, code, k.String())
		b, err := json.Marshal(k)
		require.NoError(t, err)
		var back notice.ClosureKind
		require.NoError(t, json.Unmarshal(b, &back))
		assert.Equal(t, k, back)
	}
	var k notice.ClosureKind
	assert.False(t, k.Valid())
	assert.ErrorIs(t, k.UnmarshalText([]byte("closed")), reason.ErrBadInput)
	_, err := json.Marshal(k)
	assert.Error(t, err)
}

package main

import (
	"encoding/json"
	"fmt"
	"net/http"
	"testing"

	"github.com/kashidashi/kashidashi/calendar"
	"github.com/kashidashi/kashidashi/circulation"
	"github.com/kashidashi/kashidashi/library"
)

// tableLibrary is the example configuration with a policy table (V3): a
// student holds one reservation, the Hokkaido collection at the
// Prefectural Library lends for 7 days, a partner library's shelf keeps
// an item 14 open days.
func tableLibrary(t testing.TB) *library.Library {
	t.Helper()
	cfg := testLibrary(t).Config()
	cfg.Policies.Rules = []library.Rule{
		{Match: library.Criteria{PatronCategory: "student"}, Circulation: json.RawMessage(`{"max_reservations": 1}`)},
		{Match: library.Criteria{Method: "prefectural_library", Collection: "hokkaido"}, Circulation: json.RawMessage(`{"loan_days": 7, "short_loan_days": 7}`)},
		{Match: library.Criteria{Method: "partner_library"}, Holds: json.RawMessage(`{"shelf_days": 14}`)},
	}
	lib, err := library.New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	return lib
}

// TestPolicyTableOverHTTP (V7): the service decides under the table. A
// student's second reservation is refused at the student's limit, the
// reservation stored keeps the category, the due date of a Hokkaido loan
// is the row's, and a partner library's shelf deadline counts 14 open
// days; on memory, SQLite and PostgreSQL.
func TestPolicyTableOverHTTP(t *testing.T) {
	for _, b := range flowBackends {
		t.Run(b.name, func(t *testing.T) {
			lib := tableLibrary(t)
			h := newServiceOf(t, lib, options{tokens: testTokens(t), store: b.open(t, lib)}).handler()
			checkout := func(item string) (int, map[string]any) {
				c := post("/v1/checkouts", "en", `{"today":"2027-03-01","cart":{"patron":"S1","patron_category":"student","items":[{"item":"`+item+`","status":"on_loan"}],"place":{"method":"prefectural_library"},"ordering":"normal"}}`)
				c.header = as(serviceToken)
				return do(t, h, c)
			}
			if status, got := checkout("a"); status != http.StatusCreated || dig2(got, "reservations.0.patron_category") != "student" {
				t.Fatalf("first: %d %v", status, got)
			}
			if status, got := checkout("b"); status != http.StatusUnprocessableEntity || dig2(got, "reasons.0.code") != "reservation.limit" {
				t.Errorf("second: %d %v", status, got)
			}
			if _, got := staffGet(t, h, "/v1/reservations/1"); dig2(got, "reservation.patron_category") != "student" {
				t.Errorf("stored: %v", got)
			}

			c := post("/v1/due-dates", "en", `{"place":{"method":"prefectural_library"},"collection":"hokkaido","loaned":"2027-03-03"}`)
			c.header = as(serviceToken)
			loan := circulation.Loan{Place: atLibrary, Collection: circulation.Hokkaido, Loaned: calendar.NewDate(2027, 3, 3)}
			returnTo, err := lib.ReturnCalendar(loan)
			if err != nil {
				t.Fatal(err)
			}
			want, err := lib.LoanPolicy(loan, loan.Loaned).DueDate(loan, returnTo)
			base, _ := lib.CirculationPolicy(loan.Loaned).DueDate(loan, returnTo)
			if err != nil || want == base {
				t.Fatalf("the row should change the due date: %v %v", want, err)
			}
			if status, got := do(t, h, c); status != http.StatusOK || got["due"] != want.String() {
				t.Errorf("due date: %d %v, want %v", status, got, want)
			}

			partner := lib.Sites()[2].Name
			c = post("/v1/shelf-deadlines", "en", `{"place":{"method":"partner_library","library":"`+partner+`"},"first_pickup":"2027-03-02"}`)
			c.header = as(serviceToken)
			at, err := lib.Calendar(partner, calendar.NewDate(2027, 3, 2))
			if err != nil {
				t.Fatal(err)
			}
			if status, got := do(t, h, c); status != http.StatusOK || got["deadline"] != at.AddOpenDays(calendar.NewDate(2027, 3, 1), 14).String() {
				t.Errorf("shelf deadline: %d %v", status, got)
			}

			c = post("/v1/timelines", "en", `{"place":{"method":"partner_library","library":"`+partner+`"},"secured":"2027-03-01"}`)
			c.header = as(serviceToken)
			status, got := do(t, h, c)
			first, _ := calendar.ParseDate(fmt.Sprint(got["first_pickup"]))
			if status != http.StatusOK || got["deadline"] != at.AddOpenDays(first.AddDays(-1), 14).String() {
				t.Errorf("timeline: %d %v, want a shelf of 14 open days", status, got)
			}
		})
	}
}

// TestPatronStatusUnderTheTable (V7, S2): a student's status counts
// against the student's limit of one reservation, and says so to SIP2
// (BZ); a patron of no category against the base's ten.
func TestPatronStatusUnderTheTable(t *testing.T) {
	h := newServiceOf(t, tableLibrary(t), options{}).handler()
	for category, want := range map[string]float64{`,"patron_category":"student"`: 1, "": 10} {
		body := `{"today":"2026-04-20","registration":{"status":"registered","password_set":true,"email_registered":true}` + category + `}`
		status, got := do(t, h, post("/v1/patron-status", "en", body))
		if status != http.StatusOK || dig2(got, "counts.max_reservations") != want {
			t.Errorf("%q: %d %v, want a limit of %v", category, status, got["counts"], want)
		}
	}
}

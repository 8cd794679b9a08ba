package crashtest_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"math/rand/v2"
	"net/http"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/kashidashi/kashidashi/calendar"
	"github.com/kashidashi/kashidashi/examples/server/internal/crashtest"
	"github.com/kashidashi/kashidashi/holds"
	"github.com/kashidashi/kashidashi/library"
)

// The closures crash test: how many ready reservations it seeds, and how
// many one-day closures of the Prefectural Library it applies at once.
const (
	closureReservations = 40
	closureCount        = 16
)

// TestServiceCrashWhileApplyingClosures kills the reference service with
// SIGKILL while 16 unplanned one-day closures of the Prefectural Library
// (X5), sent at once, each under its own Idempotency-Key, move the
// hold-shelf deadlines of 40 ready reservations; starts it again on the
// same database and retries every closure with its key. Every retry is
// 200; an acknowledged closure gets its first answer again, byte for
// byte, replayed; every closure's answer says it added the closure (so
// none was stored without its answer). Then GET /v1/staff/closures lists
// the 16, each once, each with as many reservations as its answer moved;
// the answers, taken in the order the closures were stored, chain: each
// moved exactly the reservations whose deadline then was on or after its
// day, from that deadline, one open day later, marked with its day; and
// every stored deadline is the one the configuration with all 16
// closures gives (H4: ten open days from the open day after the ready
// day). On SQLite and PostgreSQL.
func TestServiceCrashWhileApplyingClosures(t *testing.T) {
	bin, remove, err := crashtest.Build("../..", ".")
	if err != nil {
		t.Fatal(err)
	}
	defer remove()
	for _, d := range databases {
		t.Run(d.name, func(t *testing.T) {
			ctx, cancel := context.WithTimeout(context.Background(), 90*time.Second)
			defer cancel()
			r := newClosureRun(ctx, t, service(bin, d.args(t)...))
			r.run()
		})
	}
}

// closureRun is one run of the closures crash test, on one database.
type closureRun struct {
	t      *testing.T
	ctx    context.Context
	svc    crashtest.Service
	client *http.Client
	lib    *library.Library
	// days are the closures' days, the i-th closure's (key i) at i.
	days []calendar.Date
	// seeded are the reservations made ready, by ID, as they were
	// before any closure.
	seeded map[uint64]holds.Reservation
}

// newClosureRun returns a run on the service s, its closures on 16 open
// days of the Prefectural Library between 2027-02-12 and 03-10, picked
// at random.
func newClosureRun(ctx context.Context, t *testing.T, s crashtest.Service) *closureRun {
	lib := library.Default()
	days := openDays(lib, calendar.NewDate(2027, 2, 12), calendar.NewDate(2027, 3, 10))
	if len(days) < closureCount {
		t.Fatalf("%d open days for %d closures", len(days), closureCount)
	}
	rand.Shuffle(len(days), func(i, j int) { days[i], days[j] = days[j], days[i] })
	days = days[:closureCount]
	t.Logf("closures on %v", days)
	client := &http.Client{Timeout: 30 * time.Second, Transport: &http.Transport{MaxIdleConnsPerHost: closureCount}}
	t.Cleanup(client.CloseIdleConnections)
	return &closureRun{t: t, ctx: ctx, svc: s, client: client, lib: lib, days: days, seeded: map[uint64]holds.Reservation{}}
}

// openDays returns the days from from to to, inclusive, on which lib's
// Prefectural Library is open.
func openDays(lib *library.Library, from, to calendar.Date) []calendar.Date {
	var out []calendar.Date
	for d := from; !d.After(to); d = d.AddDays(1) {
		if lib.Calendars(d).Library.IsOpen(d) {
			out = append(out, d)
		}
	}
	return out
}

// run runs the test: seed, apply the closures and kill, restart, retry,
// check.
func (r *closureRun) run() {
	t := r.t
	start := time.Now()
	p, err := crashtest.Start(r.ctx, r.svc)
	if err != nil {
		t.Fatal(err)
	}
	defer p.Kill()
	r.seed(p.Addr())
	seeded := time.Since(start)

	// The kill comes after 3 to 8 closures were acknowledged, and after
	// a random part of the time one took so far, so that it lands
	// anywhere in a closure's transaction, or between its commit and its
	// answer.
	killAt := 3 + rand.IntN(closureCount/2-2)
	var (
		acks  atomic.Int64
		delay time.Duration
	)
	sent := time.Now()
	first := r.applyAll(p.Addr(), func() {
		if acks.Add(1) == int64(killAt) {
			delay = rand.N(time.Since(sent) / time.Duration(killAt))
			time.Sleep(delay)
			p.Kill()
		}
	})
	p.Kill() // in case fewer were acknowledged
	acked := int(acks.Load())
	if acked >= closureCount {
		t.Fatalf("all %d closures were acknowledged before the kill: nothing was in flight", closureCount)
	}
	for i, f := range first {
		if f.err == nil && f.status != http.StatusOK {
			t.Errorf("closure %d (%v), before the kill: %d %s", i, r.days[i], f.status, f.body)
		}
	}

	again, err := crashtest.Start(r.ctx, r.svc)
	if err != nil {
		t.Fatal(err)
	}
	defer again.Stop()
	r.client.CloseIdleConnections()
	retry := r.applyAll(again.Addr(), func() {})
	answers, unacked := r.checkRetries(first, retry)
	t.Logf("killed %v after %d closures of %d were acknowledged; %d acknowledged in all, %d more committed unacknowledged, %d applied after the restart; seeding %v, in all %v",
		delay.Round(time.Microsecond), killAt, closureCount, acked, unacked, closureCount-acked-unacked, seeded.Round(time.Millisecond), time.Since(start).Round(time.Millisecond))
	if t.Failed() {
		t.FailNow()
	}
	order := r.checkListed(again.Addr(), answers)
	moved := r.checkChain(order, answers)
	r.checkStored(again.Addr(), moved)
}

// reply is what the client got for a request.
type reply struct {
	status   int
	body     []byte
	replayed bool
	err      error
}

// do sends a request to the service at addr: body, when not empty, as
// JSON; key, when not empty, as its Idempotency-Key.
func (r *closureRun) do(method, addr, path, body, key string) reply {
	var rd io.Reader
	if body != "" {
		rd = strings.NewReader(body)
	}
	req, err := http.NewRequestWithContext(r.ctx, method, "http://"+addr+path, rd)
	if err != nil {
		return reply{err: err}
	}
	if body != "" {
		req.Header.Set("Content-Type", "application/json")
	}
	if key != "" {
		req.Header.Set("Idempotency-Key", key)
	}
	resp, err := r.client.Do(req)
	if err != nil {
		return reply{err: err}
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	return reply{status: resp.StatusCode, body: b, replayed: resp.Header.Get("Idempotent-Replayed") == "true", err: err}
}

// must sends a request that must be answered want, and decodes the
// answer into v.
func (r *closureRun) must(want int, method, addr, path, body string, v any) {
	r.t.Helper()
	a := r.do(method, addr, path, body, "")
	if a.err != nil || a.status != want {
		r.t.Fatalf("%s %s %s: %d %s %v", method, path, body, a.status, a.body, a.err)
	}
	if err := json.Unmarshal(a.body, v); err != nil {
		r.t.Fatalf("%s %s: %s: %v", method, path, a.body, err)
	}
}

// changed is the answer of a change: the reservations it stored.
type changed struct {
	Reservations []holds.Reservation `json:"reservations"`
}

// seed places 40 reservations at the Prefectural Library, each its own
// patron's of its own item on loan, secures each and makes it ready on
// open days from 2027-02-02 to 02-09 (every other one secured the open
// day before), and checks each deadline is the one the configuration
// gives: the formula checkStored holds the stored deadlines to.
func (r *closureRun) seed(addr string) {
	t := r.t
	days := openDays(r.lib, calendar.NewDate(2027, 2, 1), calendar.NewDate(2027, 2, 9))
	for i := range closureReservations {
		patron, item := fmt.Sprintf("c%02d", i), fmt.Sprintf("ci%02d", i)
		var placed changed
		r.must(http.StatusCreated, http.MethodPost, addr, "/v1/checkouts", fmt.Sprintf(`{"today":"2027-01-26","cart":{"patron":%q,`+
			`"items":[{"item":%q,"status":"on_loan"}],"place":{"method":"prefectural_library"},"ordering":"normal"}}`, patron, item), &placed)
		if len(placed.Reservations) != 1 {
			t.Fatalf("checkout %d placed %+v", i, placed.Reservations)
		}
		id, j := placed.Reservations[0].ID, i%len(days)
		secure := days[max(0, j-i%2)]
		var secured, made changed
		r.must(http.StatusOK, http.MethodPost, addr, "/v1/staff/items/"+item+"/secure", `{"today":"`+secure.String()+`"}`, &secured)
		r.must(http.StatusOK, http.MethodPost, addr, fmt.Sprintf("/v1/staff/reservations/%d/ready", id), `{"today":"`+days[j].String()+`"}`, &made)
		if len(secured.Reservations) != 1 || secured.Reservations[0].ID != id || len(made.Reservations) != 1 {
			t.Fatalf("reservation %d: secured %+v, made ready %+v", id, secured.Reservations, made.Reservations)
		}
		res := made.Reservations[0]
		if res.State != holds.Ready || res.ReadyOn != days[j] || res.SecuredOn != secure {
			t.Fatalf("reservation %d made ready: %+v", id, res)
		}
		if want := shelfDeadline(r.lib, res); res.Deadline != want {
			t.Fatalf("reservation %d, ready on %v: deadline %v; the configuration gives %v", id, res.ReadyOn, res.Deadline, want)
		}
		r.seeded[id] = res
	}
}

// shelfDeadline is the hold-shelf deadline lib gives the ready
// reservation res, as the desk works it out (holds makeReady, H4, V7):
// the shelf days of the policy of its secured day, counted at the
// Prefectural Library from the open day after its ready day.
func shelfDeadline(lib *library.Library, res holds.Reservation) calendar.Date {
	cal := lib.Calendars(res.ReadyOn).Library
	return lib.PolicyFor(res, res.SecuredOn).ShelfDeadline(cal.AddOpenDays(res.ReadyOn, 1), cal, res.Contact)
}

// closureKey is the Idempotency-Key of closure i.
func closureKey(i int) string { return fmt.Sprintf("closure-%02d", i) }

// closureBody is the request of closure i.
func (r *closureRun) closureBody(i int) string {
	d := r.days[i].String()
	return fmt.Sprintf(`{"place":"prefectural","closure":{"from":%q,"to":%q,"name":"臨時休館 %d","name_en":"closed %d"}}`, d, d, i, i)
}

// applyAll sends every closure at once, each under its key, calling
// acked after each 200.
func (r *closureRun) applyAll(addr string, acked func()) []reply {
	out := make([]reply, closureCount)
	var wg sync.WaitGroup
	for i := range out {
		wg.Go(func() {
			out[i] = r.do(http.MethodPost, addr, "/v1/staff/closures", r.closureBody(i), closureKey(i))
			if out[i].err == nil && out[i].status == http.StatusOK {
				acked()
			}
		})
	}
	wg.Wait()
	return out
}

// closureAnswer is the answer of POST /v1/staff/closures, as far as the
// test reads it.
type closureAnswer struct {
	Added        bool `json:"added"`
	Reservations []struct {
		Record   library.ReservationRecord `json:"record"`
		Original calendar.Date             `json:"original"`
		New      calendar.Date             `json:"new"`
	} `json:"reservations"`
}

// checkRetries checks every retry is 200, an acknowledged closure's its
// first answer replayed, every answer one that added the closure, and
// returns the answers, the i-th closure's at i, and how many closures
// committed without being acknowledged (their retries replayed).
func (r *closureRun) checkRetries(first, retry []reply) ([]closureAnswer, int) {
	t := r.t
	answers := make([]closureAnswer, closureCount)
	unacked := 0
	for i, a := range retry {
		f := first[i]
		ackd := f.err == nil && f.status == http.StatusOK
		switch {
		case a.err != nil || a.status != http.StatusOK:
			t.Errorf("retry of closure %d (%v): %d %s %v", i, r.days[i], a.status, a.body, a.err)
			continue
		case ackd && (!a.replayed || !bytes.Equal(f.body, a.body)):
			t.Errorf("closure %d was acknowledged with\n%s\nand its retry answered (replayed: %v)\n%s", i, f.body, a.replayed, a.body)
		case !ackd && a.replayed:
			unacked++
		}
		if err := json.Unmarshal(a.body, &answers[i]); err != nil {
			t.Errorf("closure %d: %s: %v", i, a.body, err)
		}
		if !answers[i].Added {
			t.Errorf("closure %d (%v): its answer (replayed: %v) did not add it: stored without its answer?\n%s", i, r.days[i], a.replayed, a.body)
		}
	}
	return answers, unacked
}

// listedClosure is a closure as GET /v1/staff/closures lists it.
type listedClosure struct {
	ID      int64  `json:"id"`
	Place   string `json:"place"`
	Closure struct {
		Name   string        `json:"name"`
		NameEn string        `json:"name_en"`
		From   calendar.Date `json:"from"`
		To     calendar.Date `json:"to"`
	} `json:"closure"`
	Reservations int `json:"reservations"`
}

// checkListed checks that GET /v1/staff/closures lists the 16 closures,
// each once, in ID order, each with its names and as many reservations
// as its answer moved, and returns the closures' indices in the order
// listed (stored).
func (r *closureRun) checkListed(addr string, answers []closureAnswer) []int {
	t := r.t
	var list struct {
		Closures []listedClosure `json:"closures"`
	}
	r.must(http.StatusOK, http.MethodGet, addr, "/v1/staff/closures", "", &list)
	if len(list.Closures) != closureCount {
		t.Fatalf("%d closures listed, want %d: %+v", len(list.Closures), closureCount, list.Closures)
	}
	var order []int
	for k, c := range list.Closures {
		i := slices.Index(r.days, c.Closure.From)
		switch {
		case i < 0 || slices.Contains(order, i):
			t.Fatalf("closure %+v listed: not one of ours, or twice", c)
		case k > 0 && c.ID <= list.Closures[k-1].ID:
			t.Errorf("closure %d listed after closure %d", c.ID, list.Closures[k-1].ID)
		case c.Place != "prefectural" || c.Closure.To != r.days[i] || c.Closure.NameEn != fmt.Sprintf("closed %d", i):
			t.Errorf("closure %d (%v) listed as %+v", i, r.days[i], c)
		case c.Reservations != len(movedBy(answers[i])):
			t.Errorf("closure %d (%v) listed with %d reservations; its answer moved %d", i, r.days[i], c.Reservations, len(movedBy(answers[i])))
		}
		order = append(order, i)
	}
	return order
}

// movedBy returns the reservations a's closure moved.
func movedBy(a closureAnswer) map[uint64]bool {
	out := map[uint64]bool{}
	for _, x := range a.Reservations {
		out[x.Record.Reservation.ID] = true
	}
	return out
}

// checkChain checks the closures' answers, in the order stored, against
// the seeded deadlines: each closure moved exactly the reservations
// whose deadline then was on or after its day, each from that deadline
// to the next open day after it under the closures stored so far,
// marked with its day and the deadline before. It returns the deadlines
// the answers leave, by reservation.
func (r *closureRun) checkChain(order []int, answers []closureAnswer) map[uint64]calendar.Date {
	t := r.t
	cur := map[uint64]calendar.Date{}
	for id, res := range r.seeded {
		cur[id] = res.Deadline
	}
	var closed []library.Closed
	for _, i := range order {
		day := r.days[i]
		closed = append(closed, library.Closed{Place: "prefectural", Closure: calendar.Closure{Name: "x", From: day, To: day}})
		after, err := r.lib.WithClosures(closed...)
		if err != nil {
			t.Fatal(err)
		}
		moved := movedBy(answers[i])
		for id, d := range cur {
			if moved[id] != !day.After(d) {
				t.Errorf("closure %d (%v) moved reservation %d: %v; its deadline was %v", i, day, id, moved[id], d)
			}
		}
		for _, x := range answers[i].Reservations {
			id, m := x.Record.Reservation.ID, x.Record.Mark
			want := after.Calendars(day).Library.AddOpenDays(cur[id], 1)
			if x.Original != cur[id] || x.New != want || x.Record.Reservation.Deadline != want ||
				m != (library.Mark{From: day, To: day, Original: cur[id]}) {
				t.Errorf("closure %d (%v) moved reservation %d, due %v, from %v to %v (record %v, mark %+v); want to %v",
					i, day, id, cur[id], x.Original, x.New, x.Record.Reservation.Deadline, m, want)
			}
			cur[id] = x.New
		}
	}
	return cur
}

// checkStored checks every reservation as stored: ready since its day,
// its deadline the one the configuration with all 16 closures gives,
// and the one the closures' answers left.
func (r *closureRun) checkStored(addr string, answered map[uint64]calendar.Date) {
	t := r.t
	var closed []library.Closed
	for i, d := range r.days {
		closed = append(closed, library.Closed{Place: "prefectural", Closure: calendar.Closure{Name: "臨時休館", NameEn: fmt.Sprint(i), From: d, To: d}})
	}
	final, err := r.lib.WithClosures(closed...)
	if err != nil {
		t.Fatal(err)
	}
	movedAtAll := 0
	for id, seeded := range r.seeded {
		var got struct {
			Reservation holds.Reservation `json:"reservation"`
		}
		r.must(http.StatusOK, http.MethodGet, addr, fmt.Sprintf("/v1/reservations/%d", id), "", &got)
		res := got.Reservation
		want := shelfDeadline(final, res)
		if res.State != holds.Ready || res.ReadyOn != seeded.ReadyOn || res.SecuredOn != seeded.SecuredOn {
			t.Errorf("reservation %d stored as %+v", id, res)
		}
		if res.Deadline != want || res.Deadline != answered[id] {
			t.Errorf("reservation %d, ready on %v, due %v before the closures: stored deadline %v; with the closures %v, the answers %v",
				id, res.ReadyOn, seeded.Deadline, res.Deadline, want, answered[id])
		}
		if res.Deadline != seeded.Deadline {
			movedAtAll++
		}
	}
	t.Logf("%d of %d reservations moved", movedAtAll, len(r.seeded))
}

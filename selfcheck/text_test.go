package selfcheck_test

import (
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/kashidashi/kashidashi/circulation"
	"github.com/kashidashi/kashidashi/holds"
	"github.com/kashidashi/kashidashi/patron"
	"github.com/kashidashi/kashidashi/reason"
	"github.com/kashidashi/kashidashi/selfcheck"
)

// Where a reason the evaluation gives reaches the patron's screen.
const (
	inStatus = iota // the screen message of the Patron Status and Patron Information Responses
	inLoan          // the screen message of the loan's refusal (a Renew Response)
)

// producible is every reason code the evaluation can give (S1), with a
// request that gives it, where it shows (S4), and the loan it is about.
var producible = map[string]struct {
	r     func(t *testing.T) selfcheck.Request
	where int
	loan  int
}{
	"eligibility.not_registered": {func(*testing.T) selfcheck.Request { return selfcheck.Request{} }, inStatus, 0},
	"eligibility.provisional": {func(*testing.T) selfcheck.Request {
		return selfcheck.Request{Registration: patron.Registration{Status: patron.Provisional}}
	}, inStatus, 0},
	"eligibility.no_password": {func(*testing.T) selfcheck.Request {
		return selfcheck.Request{Registration: patron.Registration{Status: patron.Registered, EmailRegistered: true}}
	}, inStatus, 0},
	"eligibility.no_email": {func(*testing.T) selfcheck.Request {
		return selfcheck.Request{Registration: patron.Registration{Status: patron.Registered, PasswordSet: true}}
	}, inStatus, 0},
	"loan.personal_limit": {func(*testing.T) selfcheck.Request {
		return selfcheck.Request{Registration: registered, Loans: freshLoans(3), PersonalLimit: 3}
	}, inStatus, 0},
	"loan.limit": {func(*testing.T) selfcheck.Request {
		return selfcheck.Request{Registration: registered, Loans: freshLoans(10)}
	}, inStatus, 0},
	"reservation.limit": {func(t *testing.T) selfcheck.Request {
		return selfcheck.Request{Registration: registered, Reservations: reservations(t, 10, 0, 0)}
	}, inStatus, 0},
	"extension.overdue": {func(*testing.T) selfcheck.Request {
		return selfcheck.Request{Registration: registered, Loans: []circulation.Loan{loan("late", "2026-03-20", "2026-04-03")}}
	}, inStatus, 0},
	"extension.partner_library": {loanCase(func(l *circulation.Loan) {
		l.Place = circulation.Place{Method: circulation.PartnerLibrary, Library: "江別市情報図書館"}
	}), inLoan, 0},
	"extension.home_delivery":     {loanCase(func(l *circulation.Loan) { l.Place = circulation.Place{Method: circulation.HomeDelivery} }), inLoan, 0},
	"extension.reserved":          {loanCase(func(l *circulation.Loan) { l.Reserved = true }), inLoan, 0},
	"extension.already_extended":  {loanCase(func(l *circulation.Loan) { l.Extensions = 1 }), inLoan, 0},
	"extension.interlibrary_loan": {loanCase(func(l *circulation.Loan) { l.Interlibrary = true }), inLoan, 0},
}

// loanCase returns a request of a registered patron with one fresh loan
// changed by change.
func loanCase(change func(*circulation.Loan)) func(*testing.T) selfcheck.Request {
	return func(*testing.T) selfcheck.Request {
		l := loan("b", "2026-04-01", "2026-04-15")
		change(&l)
		return selfcheck.Request{Registration: registered, Loans: []circulation.Loan{l}}
	}
}

// notProduced is every other code of the catalogues of the packages the
// evaluation asks, by the reason it never gives it, so that a code added
// to a catalogue makes TestEveryReasonTranslatedS4 fail until someone
// decides where it belongs.
var notProduced = map[string]string{
	"eligibility.partner_not_registered": "P1 step 4 needs a pickup place; a status names none",
	"reservation.not_loanable":           "I1 is about an item; a status names none",
	"extension.too_early":                "L11: the published rules offer an extension from the loan day (extend_from_loan_day 0); under a host's policy that sets it, it shows on the loan's renewal like every extension reason",
}

// notProducedPrefixes are whole families of codes a status never gives.
var notProducedPrefixes = map[string]string{
	"card_number.":  "P2: what a patron types, not a status",
	"birth_key.":    "P3",
	"password.":     "P4",
	"identity.":     "P3",
	"email.":        "P6",
	"registration.": "P1: where to register, not a status",
	"return.":       "M2, R-PL2, R-AL3: returns are the return desk's",
	// holds: the desk's refusals of a request; a status asks none.
	"cart.": "H2", "place.": "M1", "reservation.duplicate": "H2", "reservation.unknown": "the desk",
	"change.": "H5", "lifecycle.": "the desk", "shelf.": "H4", "send.": "R-HD4, R-PT5",
	"order.": "H2", "queue.": "H3",
}

// S4: every reason code of circulation, holds and patron that the
// evaluation can produce arrives in the screen message as its message,
// in English and in Japanese, never as its code, in the module's wording
// and in a host's; every other code is accounted for.
func TestEveryReasonTranslatedS4(t *testing.T) {
	catalogue := slices.Concat(circulation.Reasons(), holds.Reasons(), patron.Reasons())
	overrides := map[string]map[reason.Lang]string{}
	for _, r := range catalogue {
		e := r.Entry()
		overrides[e.Code] = map[reason.Lang]string{reason.English: "(HPL) " + e.En, reason.Japanese: "【道立】" + e.Ja}
	}
	host, err := reason.NewWording(catalogue, overrides)
	if err != nil {
		t.Fatal(err)
	}
	checked := 0
	for _, r := range catalogue {
		code := r.Code()
		c, ok := producible[code]
		if !ok {
			if !accountedFor(code) {
				t.Errorf("%s: can the evaluation give it? Add it to producible or notProduced", code)
			}
			continue
		}
		st := evaluate(t, c.r(t))
		ref := st.Borrow
		for _, x := range []*reason.Refusal{st.Extend, st.Reserve} {
			if !has(ref, code) {
				ref = x
			}
		}
		if c.where == inLoan {
			ref = st.Loans[c.loan].Refusal
		}
		if !has(ref, code) {
			t.Errorf("%s: the request does not give it", code)
			continue
		}
		for _, w := range []*reason.Wording{nil, host} {
			for _, l := range []reason.Lang{reason.English, reason.Japanese} {
				want := message(w, l, ref, code)
				var af string
				if c.where == inStatus {
					_, vs := parse(t, write(t, sip2WordingOf(st, w, l), true), patronInformationFixed, patronInfoVariable)
					af = screen(vs, "")
				} else {
					af = strings.Join(selfcheck.ScreenMessages(w, l, ref), "")
				}
				if !strings.Contains(af, want) || strings.Contains(af, code) || want == "" {
					t.Errorf("%s in %s (host wording %v): AF %q lacks %q or holds the code", code, l, w != nil, af, want)
				}
				checked++
			}
		}
	}
	if checked != 4*len(producible) {
		t.Errorf("%d checks for %d producible codes", checked, len(producible))
	}
}

// accountedFor reports whether code is one the evaluation never gives.
func accountedFor(code string) bool {
	if _, ok := notProduced[code]; ok {
		return true
	}
	for p := range notProducedPrefixes {
		if strings.HasPrefix(code, p) {
			return true
		}
	}
	return false
}

// has reports whether ref lists a reason with the code.
func has(ref *reason.Refusal, code string) bool { return slices.Contains(codesOf(ref), code) }

// message returns the message in l and w of ref's reason with the code,
// as reason.Localize renders it.
func message(w *reason.Wording, l reason.Lang, ref *reason.Refusal, code string) string {
	for _, m := range w.Localize(ref, l) {
		if m.Code == code {
			return m.Message
		}
	}
	return ""
}

// sip2WordingOf returns the SIP2 fields of st in l and w, with the host's
// fields set.
func sip2WordingOf(st selfcheck.Status, w *reason.Wording, l reason.Lang) selfcheck.SIP2 {
	m := sip2Of(st, l)
	m.ScreenMessages = st.SIP2(w, l).ScreenMessages
	return m
}

// S4: what SIP2 cannot carry in a field is replaced: '|' by '｜',
// control characters and line separators by a space, invalid UTF-8 by
// U+FFFD; a host's wording cannot smuggle a delimiter into a message.
func TestScreenMessagesEscapeS4(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"予約が入っています。", "予約が入っています。"},
		{"a|b", "a｜b"},
		{"a\rb\nc\td", "a b c d"},
		{"\x00x\x1f\x7f", "x"}, // trimmed at the ends
		{"a\u0085b\u2028c\u2029d", "a b c d"},
		{"a\xffb", "a\uFFFDb"},
	} {
		w, err := reason.NewWording(circulation.Reasons(), map[string]map[reason.Lang]string{
			"loan.limit": {reason.English: c.in},
		})
		if err != nil {
			t.Fatalf("%q: %v", c.in, err)
		}
		ref := refusalOf(t, reason.Refuse("test", "loan", []reason.Coded{circulation.ErrLoanLimit}))
		if got := selfcheck.ScreenMessages(w, reason.English, ref); len(got) != 1 || got[0] != c.want {
			t.Errorf("%q: %q, want %q", c.in, got, c.want)
		}
	}
	// Through the writer, with messages a host put in: no '|' but the
	// delimiters, no control character anywhere.
	m := sip2Of(evaluate(t, selfcheck.Request{}), reason.English)
	m.ScreenMessages = append(m.ScreenMessages, "call 011|123\r\n4567", "\x1b[31mred")
	msg := write(t, m, true)
	_, vs := parse(t, msg, patronInformationFixed, patronInfoVariable)
	af := screen(vs, " ")
	if !strings.Contains(af, "call 011｜123  4567 [31mred") {
		t.Errorf("AF %q", af)
	}
	for _, r := range msg {
		if unicode.IsControl(r) {
			t.Errorf("%q holds a control character %U", msg, r)
		}
	}
	if !utf8.ValidString(msg) {
		t.Errorf("%q is not UTF-8", msg)
	}
}

// S4: the screen message is packed into AF fields of at most 255 bytes,
// as many sentences in each as fit, a sentence split only when longer
// than a field, at a character boundary; read back in order, the fields
// give every sentence whole.
func TestScreenFieldsS4(t *testing.T) {
	long := strings.Repeat("長", 100) // 300 bytes
	for _, c := range []struct {
		name string
		msgs []string
		n    int
	}{
		{"none", nil, 0},
		{"one", []string{"a."}, 1},
		{"two that fit", []string{strings.Repeat("a", 120) + ".", strings.Repeat("b", 120) + "."}, 1},
		{"two that do not", []string{strings.Repeat("a", 200) + ".", strings.Repeat("b", 100) + "."}, 2},
		{"one too long", []string{"x.", long, "y."}, 3},
		{"empty ones dropped", []string{"", " ", "a."}, 1},
	} {
		t.Run(c.name, func(t *testing.T) {
			m := sip2Of(selfcheck.Status{}, reason.Japanese)
			m.ScreenMessages = c.msgs
			_, vs := parse(t, write(t, m, false), patronStatusFixed, patronStatusVariable)
			var n int
			for _, v := range vs {
				if v[0] != "AF" {
					continue
				}
				n++
				if len(v[1]) > 255 || !utf8.ValidString(v[1]) {
					t.Errorf("AF of %d bytes, valid UTF-8 %v", len(v[1]), utf8.ValidString(v[1]))
				}
			}
			if n != c.n {
				t.Errorf("%d AF fields, want %d: %q", n, c.n, vs)
			}
			if got, want := screen(vs, ""), strings.Join(slices.DeleteFunc(slices.Clone(c.msgs), func(s string) bool { return strings.TrimSpace(s) == "" }), ""); got != want {
				t.Errorf("read back %q, want %q", got, want)
			}
		})
	}
}

// S4: a sentence given by several refusals is shown once; refusals that
// are nil are skipped.
func TestScreenMessagesOnceS4(t *testing.T) {
	a := refusalOf(t, reason.Refuse("x", "a", []reason.Coded{patron.ErrNotRegistered, circulation.ErrLoanLimit.With(reason.Limit(10))}))
	b := refusalOf(t, reason.Refuse("x", "b", []reason.Coded{patron.ErrNotRegistered, circulation.ErrLoanLimit.With(reason.Limit(3))}))
	got := selfcheck.ScreenMessages(nil, reason.English, a, nil, b)
	if len(got) != 3 || !strings.Contains(got[1], "10") || !strings.Contains(got[2], "3") {
		t.Errorf("%q", got)
	}
	if got := selfcheck.ScreenMessages(nil, reason.Japanese); got != nil {
		t.Errorf("no refusal: %q", got)
	}
}

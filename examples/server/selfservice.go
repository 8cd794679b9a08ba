package main

import (
	"net/http"

	"github.com/kashidashi/kashidashi/calendar"
	"github.com/kashidashi/kashidashi/circulation"
	"github.com/kashidashi/kashidashi/holds"
	"github.com/kashidashi/kashidashi/library"
	"github.com/kashidashi/kashidashi/patron"
	"github.com/kashidashi/kashidashi/reason"
	"github.com/kashidashi/kashidashi/selfcheck"
)

// The routes of issue 18: the extension window (L9), a patron's status
// for a self-check machine (S1–S4) and the explanation of a policy
// decision (V5). Each asks the SDK; none decides.

// extensionWindow answers when a loan can be extended (L9): the days
// from and to, and the due date an extension on each would give; or the
// refusal, with every reason it never will be.
func (s *service) extensionWindow(w http.ResponseWriter, l reason.Lang, req extendRequest) {
	lib := s.library()
	returnTo, err := lib.ReturnCalendar(req.Loan)
	if err != nil {
		fail(w, l, err)
		return
	}
	win, err := lib.LoanPolicy(req.Loan, req.Today).ExtensionWindow(circulation.ExtendRequest{
		Loan: req.Loan, Others: req.Others, Today: req.Today, ReturnTo: returnTo,
	})
	decided(w, l, err, http.StatusOK, win)
}

// registration is patron.Registration as the service reads it (P1).
type registration struct {
	Status           patron.RegistrationStatus `json:"status"`
	PasswordSet      bool                      `json:"password_set"`
	EmailRegistered  bool                      `json:"email_registered"`
	PartnerLibraries []string                  `json:"partner_libraries,omitempty"`
}

type patronStatusRequest struct {
	Today         calendar.Date       `json:"today"`
	Registration  registration        `json:"registration"`
	Loans         []circulation.Loan  `json:"loans"`
	Reservations  []holds.Reservation `json:"reservations"`
	PersonalLimit int                 `json:"personal_limit"`
	// PatronCategory is the host's category of the patron (V3): the
	// policy table's rows naming it give the limits (V7).
	PatronCategory string `json:"patron_category"`
}

// loanStatus is one loan of a patron's status: the loan an extension
// today would give, or the reasons it is refused.
type loanStatus struct {
	Loan     circulation.Loan `json:"loan"`
	Extended circulation.Loan `json:"extended,omitzero"`
	Reasons  []reason.Message `json:"reasons"`
}

// counts are selfcheck.Counts on the wire.
type counts struct {
	Loans           int `json:"loans"`
	MaxLoans        int `json:"max_loans"`
	Overdue         int `json:"overdue"`
	Reservations    int `json:"reservations"`
	MaxReservations int `json:"max_reservations"`
	Ready           int `json:"ready"`
}

type patronStatusResponse struct {
	Today      calendar.Date    `json:"today"`
	Valid      bool             `json:"valid"`
	MayBorrow  bool             `json:"may_borrow"`
	MayExtend  bool             `json:"may_extend"`
	MayReserve bool             `json:"may_reserve"`
	Borrow     []reason.Message `json:"borrow"`
	Extend     []reason.Message `json:"extend"`
	Reserve    []reason.Message `json:"reserve"`
	Loans      []loanStatus     `json:"loans"`
	Counts     counts           `json:"counts"`
	// SIP2Flags is the 14-character patron status field of SIP2 (S2).
	SIP2Flags string `json:"sip2_flags"`
}

// localized returns the reasons of r in language l, none when r is nil.
func localized(r *reason.Refusal, l reason.Lang) []reason.Message {
	if r == nil {
		return []reason.Message{}
	}
	return reason.Localize(r, l)
}

// patronStatus answers where a patron stands (S1): whether they may
// borrow, extend and reserve, the counts, every reason in the
// negotiated language (S4), and SIP2's patron status flags (S2).
func (s *service) patronStatus(w http.ResponseWriter, l reason.Lang, req patronStatusRequest) {
	st, err := selfcheck.Evaluate(s.library(), selfcheck.Request{
		Registration: patron.Registration{
			Status: req.Registration.Status, PasswordSet: req.Registration.PasswordSet,
			EmailRegistered: req.Registration.EmailRegistered, PartnerLibraries: req.Registration.PartnerLibraries,
		},
		Loans: req.Loans, Reservations: req.Reservations, Today: req.Today, PersonalLimit: req.PersonalLimit,
		PatronCategory: req.PatronCategory,
	})
	if err != nil {
		fail(w, l, err)
		return
	}
	loans := make([]loanStatus, len(st.Loans))
	for i, ls := range st.Loans {
		loans[i] = loanStatus{Loan: ls.Loan, Extended: ls.Extended, Reasons: localized(ls.Refusal, l)}
	}
	c := st.Counts
	writeJSON(w, http.StatusOK, patronStatusResponse{
		Today: st.Today, Valid: st.Valid,
		MayBorrow: st.MayBorrow(), MayExtend: st.MayExtendAny(), MayReserve: st.MayReserve(),
		Borrow: localized(st.Borrow, l), Extend: localized(st.Extend, l), Reserve: localized(st.Reserve, l),
		Loans: loans,
		Counts: counts{Loans: c.Loans, MaxLoans: c.MaxLoans, Overdue: c.Overdue,
			Reservations: c.Reservations, MaxReservations: c.MaxReservations, Ready: c.Ready},
		SIP2Flags: st.SIP2(nil, l).Flags.String(),
	})
}

type explainRequest struct {
	Today    calendar.Date    `json:"today"`
	Criteria library.Criteria `json:"criteria"`
}

// explainPolicy answers how the policy table resolves a decision on a
// day (V5): the rows that matched and where each setting comes from.
func (s *service) explainPolicy(w http.ResponseWriter, l reason.Lang, req explainRequest) {
	e, err := s.library().Explain(req.Criteria, req.Today)
	decided(w, l, err, http.StatusOK, e)
}

// extendShelf extends the hold shelf of a ready reservation, once, when
// nobody else waits for the item (H9): a desk action, one transaction,
// under the request's Idempotency-Key. The configuration's
// holds.shelf_extension_days sets its length; with none (the default) it
// is refused (shelf.extension_off).
func (s *service) extendShelf(w http.ResponseWriter, r *http.Request, l reason.Lang, req dayRequest) {
	s.step(w, r, l, holds.Request{Action: holds.ActionExtendShelf, By: holds.ByStaff, Today: req.Today})
}

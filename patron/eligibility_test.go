package patron

import (
	"errors"
	"slices"
	"strings"
	"testing"

	"pgregory.net/rapid"
)

func TestEligible(t *testing.T) {
	ready := Registration{Status: Registered, PasswordSet: true, EmailRegistered: true, PartnerLibraries: []string{"江別市情報図書館"}}
	tests := []struct {
		name    string
		reg     Registration
		partner string
		policy  EligibilityPolicy
		codes   []string
	}{
		{name: "P1 all steps done", reg: ready},
		{name: "P1 R-PT1 partner pickup where registered", reg: ready, partner: "江別市情報図書館"},
		{name: "P1 R-PT1 partner pickup where not registered", reg: ready, partner: "小樽市立図書館",
			codes: []string{"eligibility.partner_not_registered"}},
		{name: "P1 nothing done, Prefectural Library pickup", reg: Registration{},
			codes: []string{"eligibility.not_registered", "eligibility.no_password", "eligibility.no_email"}},
		{name: "P1 nothing done, partner pickup: every step in the guide's order", reg: Registration{}, partner: "小樽市立図書館",
			codes: []string{"eligibility.not_registered", "eligibility.no_password", "eligibility.no_email", "eligibility.partner_not_registered"}},
		{name: "P1 no password", reg: Registration{Status: Registered, EmailRegistered: true},
			codes: []string{"eligibility.no_password"}},
		{name: "P1 no email", reg: Registration{Status: Registered, PasswordSet: true},
			codes: []string{"eligibility.no_email"}},
		{name: "P1 provisional does not count by default", reg: Registration{Status: Provisional, PasswordSet: true, EmailRegistered: true},
			codes: []string{"eligibility.provisional"}},
		{name: "P1 provisional counts when the policy says so", reg: Registration{Status: Provisional, PasswordSet: true, EmailRegistered: true},
			policy: EligibilityPolicy{ProvisionalCounts: true}},
		{name: "P1 an unknown status is unregistered", reg: Registration{Status: 7, PasswordSet: true, EmailRegistered: true},
			policy: EligibilityPolicy{ProvisionalCounts: true}, codes: []string{"eligibility.not_registered"}},
		{name: "P1 partner names compared exactly", reg: ready, partner: "江別市情報図書館 ",
			codes: []string{"eligibility.partner_not_registered"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := tt.policy.Eligible(tt.reg, tt.partner)
			if tt.codes == nil {
				if err != nil {
					t.Fatal(err)
				}
				return
			}
			checkRefusal(t, err)
			if got := codes(err); !slices.Equal(got, tt.codes) {
				t.Errorf("codes %v, want %v", got, tt.codes)
			}
		})
	}
	err := EligibilityPolicy{}.Eligible(Registration{}, "小樽市立図書館")
	if !errors.Is(err, ErrNotRegistered) || !errors.Is(err, ErrNotPartnerRegistered) {
		t.Errorf("Eligible: %v", err)
	}
	if got := messages(err)[3]; got != "To receive at a partner library (小樽市立図書館), register as a patron of that library too." {
		t.Errorf("partner message %q", got)
	}
}

// P1: a step is listed exactly when it is missing, in the guide's order.
func TestEligibleProperty(t *testing.T) {
	steps := []string{"eligibility.not_registered", "eligibility.provisional", "eligibility.no_password", "eligibility.no_email", "eligibility.partner_not_registered"}
	rapid.Check(t, func(t *rapid.T) {
		reg := Registration{
			Status:          RegistrationStatus(rapid.IntRange(0, 2).Draw(t, "status")),
			PasswordSet:     rapid.Bool().Draw(t, "password"),
			EmailRegistered: rapid.Bool().Draw(t, "email"),
		}
		partners := []string{"A", "B", "C"}
		reg.PartnerLibraries = rapid.SliceOfDistinct(rapid.SampledFrom(partners), rapid.ID).Draw(t, "partners")
		partner := rapid.SampledFrom(append(partners, "")).Draw(t, "pickup")
		policy := EligibilityPolicy{ProvisionalCounts: rapid.Bool().Draw(t, "provisional counts")}

		var want []string
		switch {
		case reg.Status == Unregistered:
			want = append(want, steps[0])
		case reg.Status == Provisional && !policy.ProvisionalCounts:
			want = append(want, steps[1])
		}
		if !reg.PasswordSet {
			want = append(want, steps[2])
		}
		if !reg.EmailRegistered {
			want = append(want, steps[3])
		}
		if partner != "" && !slices.Contains(reg.PartnerLibraries, partner) {
			want = append(want, steps[4])
		}
		err := policy.Eligible(reg, partner)
		if got := codes(err); !slices.Equal(got, want) || (err == nil) != (want == nil) {
			t.Fatalf("%+v at %q: codes %v, want %v", reg, partner, got, want)
		}
	})
}

// Defect: the partner library's name, as the host passed it, went whole
// into the refusal (P1 step 4).
func TestEligibleP1PartnerNameShortened(t *testing.T) {
	err := EligibilityPolicy{}.Eligible(Registration{Status: Registered, PasswordSet: true, EmailRegistered: true}, strings.Repeat("館", 100000))
	if !errors.Is(err, ErrNotPartnerRegistered) || len(err.Error()) > 400 {
		t.Fatalf("error of %d bytes", len(err.Error()))
	}
}

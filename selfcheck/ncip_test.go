package selfcheck_test

import (
	"encoding/xml"
	"slices"
	"strings"
	"testing"

	"github.com/kashidashi/kashidashi/circulation"
	"github.com/kashidashi/kashidashi/patron"
	"github.com/kashidashi/kashidashi/selfcheck"
)

// The values of the BlockOrTrapType scheme of NCIP Implementation
// Profile 1 (…/imp1/schemes/blockortraptype/blockortraptype.scm), as the
// profile lists them, and the package's constant for each.
var profileBlockOrTrapTypes = []struct {
	value string
	typ   selfcheck.BlockOrTrapType
}{
	{"Block Check Out", selfcheck.BlockCheckOut},
	{"Block Electronic Resource Access", selfcheck.BlockElectronicResourceAccess},
	{"Block Hold", selfcheck.BlockHold},
	{"Block Recall", selfcheck.BlockRecall},
	{"Block Renewal", selfcheck.BlockRenewal},
	{"Block Request Item", selfcheck.BlockRequestItem},
	{"Trap For Lost Card", selfcheck.TrapForLostCard},
	{"Trap For Message", selfcheck.TrapForMessage},
	{"Trap For Pickup", selfcheck.TrapForPickup},
}

// S3: the constants are the scheme's values, and the scheme and the
// namespace are NCIP's.
func TestNCIPValuesS3(t *testing.T) {
	for _, v := range profileBlockOrTrapTypes {
		if string(v.typ) != v.value {
			t.Errorf("%q, want %q", v.typ, v.value)
		}
	}
	if selfcheck.BlockOrTrapScheme != "http://www.niso.org/ncip/v1_0/imp1/schemes/blockortraptype/blockortraptype.scm" {
		t.Error(selfcheck.BlockOrTrapScheme)
	}
	if selfcheck.NCIPNamespace != "http://www.niso.org/2008/ncip" {
		t.Error(selfcheck.NCIPNamespace)
	}
}

// S3: the mapping of a patron's standing on blocks and traps.
func TestBlocksOrTrapsS3(t *testing.T) {
	agency := selfcheck.AgencyID{Value: "HPL"}
	late := loan("late", "2026-03-20", "2026-04-03")
	for _, c := range []struct {
		name string
		r    func(t *testing.T) selfcheck.Request
		want []selfcheck.BlockOrTrapType
	}{
		{"granted", func(*testing.T) selfcheck.Request {
			return selfcheck.Request{Registration: registered, Loans: freshLoans(2)}
		}, nil},
		{"loan limit", func(*testing.T) selfcheck.Request {
			return selfcheck.Request{Registration: registered, Loans: freshLoans(10)}
		},
			[]selfcheck.BlockOrTrapType{selfcheck.BlockCheckOut}},
		{"overdue", func(*testing.T) selfcheck.Request {
			return selfcheck.Request{Registration: registered, Loans: []circulation.Loan{late}}
		}, []selfcheck.BlockOrTrapType{selfcheck.BlockRenewal}},
		{"reservation limit, two ready", func(t *testing.T) selfcheck.Request {
			return selfcheck.Request{Registration: registered, Reservations: reservations(t, 10, 2, 0)}
		}, []selfcheck.BlockOrTrapType{selfcheck.BlockHold, selfcheck.BlockRequestItem, selfcheck.TrapForPickup}},
		{"not registered", func(*testing.T) selfcheck.Request { return selfcheck.Request{Registration: patron.Registration{}} },
			[]selfcheck.BlockOrTrapType{selfcheck.BlockCheckOut, selfcheck.BlockRenewal, selfcheck.BlockHold, selfcheck.BlockRequestItem}},
	} {
		t.Run(c.name, func(t *testing.T) {
			var got []selfcheck.BlockOrTrapType
			for _, b := range evaluate(t, c.r(t)).BlocksOrTraps(agency) {
				if b.Agency != agency {
					t.Errorf("agency %v", b.Agency)
				}
				got = append(got, b.Type)
			}
			if !slices.Equal(got, c.want) {
				t.Errorf("%q, want %q", got, c.want)
			}
		})
	}
}

// lookupUser is the part of a LookupUserResponse that holds blocks, as a
// reader of NCIP version 2 decodes it: every name in the NCIP namespace,
// the Scheme attributes too.
type lookupUser struct {
	XMLName xml.Name `xml:"http://www.niso.org/2008/ncip UserOptionalFields"`
	Blocks  []struct {
		Agency struct {
			Scheme string `xml:"http://www.niso.org/2008/ncip Scheme,attr"`
			Value  string `xml:",chardata"`
		} `xml:"http://www.niso.org/2008/ncip AgencyId"`
		Type struct {
			Scheme string `xml:"http://www.niso.org/2008/ncip Scheme,attr"`
			Value  string `xml:",chardata"`
		} `xml:"http://www.niso.org/2008/ncip BlockOrTrapType"`
	} `xml:"http://www.niso.org/2008/ncip BlockOrTrap"`
}

// S3: BlockOrTrap encodes as NCIP version 2's element, in its namespace,
// AgencyId then BlockOrTrapType with the profile's scheme, whatever the
// host's field is called, and a reader gets back what was written.
func TestBlockOrTrapXMLS3(t *testing.T) {
	type hostFields struct {
		XMLName xml.Name                `xml:"http://www.niso.org/2008/ncip UserOptionalFields"`
		Blocks  []selfcheck.BlockOrTrap `xml:"Whatever"`
	}
	in := []selfcheck.BlockOrTrap{
		{Agency: selfcheck.AgencyID{Value: "HPL"}, Type: selfcheck.BlockCheckOut},
		{Agency: selfcheck.AgencyID{Scheme: "http://example.jp/isil", Value: "道立<&>"}, Type: selfcheck.TrapForPickup},
	}
	b, err := xml.Marshal(hostFields{Blocks: in})
	if err != nil {
		t.Fatal(err)
	}
	s := string(b)
	if strings.Contains(s, "Whatever") || strings.Index(s, "AgencyId") > strings.Index(s, "BlockOrTrapType") {
		t.Errorf("%s", s)
	}
	var back lookupUser
	if err := xml.Unmarshal(b, &back); err != nil {
		t.Fatal(err)
	}
	if len(back.Blocks) != len(in) {
		t.Fatalf("%s: %d blocks", s, len(back.Blocks))
	}
	for i, got := range back.Blocks {
		if got.Agency.Value != in[i].Agency.Value || got.Agency.Scheme != in[i].Agency.Scheme ||
			got.Type.Value != string(in[i].Type) || got.Type.Scheme != selfcheck.BlockOrTrapScheme {
			t.Errorf("%s: block %d read back as %+v", s, i, got)
		}
	}
}

package selfcheck

import (
	"encoding/xml"
)

// NCIPNamespace is the XML namespace of NCIP version 2 (NISO Z39.83-1-2008)
// messages, in which BlockOrTrap writes its elements and its Scheme
// attributes.
const NCIPNamespace = "http://www.niso.org/2008/ncip"

// BlockOrTrapScheme is the URI of the scheme of BlockOrTrapType values of
// NCIP Implementation Profile 1 (NISO Z39.83-2), the values of the
// BlockOrTrapType constants.
const BlockOrTrapScheme = "http://www.niso.org/ncip/v1_0/imp1/schemes/blockortraptype/blockortraptype.scm"

// BlockOrTrapType is a value of the BlockOrTrapType element of NCIP: what
// a block stops, or what a trap asks staff or a machine to attend to
// (S3).
type BlockOrTrapType string

// The values of the scheme BlockOrTrapScheme (Implementation Profile 1).
// Status.BlocksOrTraps gives BlockCheckOut, BlockRenewal, BlockHold,
// BlockRequestItem and TrapForPickup; the others are for a host that
// knows more (a lost card, a message from staff).
const (
	BlockCheckOut                 BlockOrTrapType = "Block Check Out"
	BlockElectronicResourceAccess BlockOrTrapType = "Block Electronic Resource Access"
	BlockHold                     BlockOrTrapType = "Block Hold"
	BlockRecall                   BlockOrTrapType = "Block Recall"
	BlockRenewal                  BlockOrTrapType = "Block Renewal"
	BlockRequestItem              BlockOrTrapType = "Block Request Item"
	TrapForLostCard               BlockOrTrapType = "Trap For Lost Card"
	TrapForMessage                BlockOrTrapType = "Trap For Message"
	TrapForPickup                 BlockOrTrapType = "Trap For Pickup"
)

// AgencyID is an NCIP AgencyId: the agency that imposes a block, its
// Value (the library's ISIL or the code its partners know it by) and,
// when the value is from a scheme, the scheme's URI.
type AgencyID struct {
	Scheme string
	Value  string
}

// BlockOrTrap is one BlockOrTrap element of the UserOptionalFields of an
// NCIP version 2 LookupUserResponse (S3): the agency imposing it and its
// type, from BlockOrTrapScheme. MarshalXML writes it; a host puts the
// values of Status.BlocksOrTraps in its own response.
type BlockOrTrap struct {
	Agency AgencyID
	Type   BlockOrTrapType
}

// BlocksOrTraps returns the NCIP blocks and traps of s, each imposed by
// agency (S3):
//
//   - Block Check Out when s.Borrow is not nil;
//   - Block Renewal when s.Extend is not nil;
//   - Block Hold and Block Request Item when s.Reserve is not nil: a
//     reservation is a hold, the one request the service takes;
//   - Trap For Pickup when a reservation is on the hold shelf
//     (Counts.Ready), for the machine to tell the patron.
//
// The result is nil when none applies.
func (s Status) BlocksOrTraps(agency AgencyID) []BlockOrTrap {
	var out []BlockOrTrap
	add := func(t BlockOrTrapType) { out = append(out, BlockOrTrap{Agency: agency, Type: t}) }
	if s.Borrow != nil {
		add(BlockCheckOut)
	}
	if s.Extend != nil {
		add(BlockRenewal)
	}
	if s.Reserve != nil {
		add(BlockHold)
		add(BlockRequestItem)
	}
	if s.Counts.Ready > 0 {
		add(TrapForPickup)
	}
	return out
}

// schemeValue is NCIP's SchemeValuePair: text with an optional Scheme
// attribute, which the schema declares globally and so in the NCIP
// namespace (ns1:Scheme).
type schemeValue struct {
	Scheme string `xml:"http://www.niso.org/2008/ncip Scheme,attr,omitempty"`
	Value  string `xml:",chardata"`
}

// blockOrTrapXML is the element BlockOrTrap of NCIP version 2, in the
// order of its schema: AgencyId, BlockOrTrapType (ValidFromDate,
// ValidToDate and Ext, all optional, are not written).
type blockOrTrapXML struct {
	XMLName xml.Name    `xml:"http://www.niso.org/2008/ncip BlockOrTrap"`
	Agency  schemeValue `xml:"http://www.niso.org/2008/ncip AgencyId"`
	Type    schemeValue `xml:"http://www.niso.org/2008/ncip BlockOrTrapType"`
}

// MarshalXML writes b as NCIP version 2's BlockOrTrap element in
// NCIPNamespace, whatever the name start gives:
//
//	<BlockOrTrap xmlns="http://www.niso.org/2008/ncip">
//	  <AgencyId>HPL</AgencyId>
//	  <BlockOrTrapType ncip:Scheme="…blockortraptype.scm">Block Check Out</BlockOrTrapType>
//	</BlockOrTrap>
//
// (encoding/xml declares the namespace of the Scheme attribute with a
// prefix of its own). The AgencyId has a Scheme only when b.Agency has
// one; the BlockOrTrapType always has BlockOrTrapScheme.
func (b BlockOrTrap) MarshalXML(e *xml.Encoder, _ xml.StartElement) error {
	return e.Encode(blockOrTrapXML{
		Agency: schemeValue{Scheme: b.Agency.Scheme, Value: b.Agency.Value},
		Type:   schemeValue{Scheme: BlockOrTrapScheme, Value: string(b.Type)},
	})
}

package main

import (
	"encoding/json"
	"net/http"

	"github.com/kashidashi/kashidashi/calendar"
	"github.com/kashidashi/kashidashi/library"
	"github.com/kashidashi/kashidashi/reason"
)

// whatIfRequest is a draft of the configuration's policies, as the
// document's "policies" object (docs/config.md), and a decision to
// explain under it (V6).
type whatIfRequest struct {
	Policies json.RawMessage  `json:"policies"`
	Criteria library.Criteria `json:"criteria"`
	Day      calendar.Date    `json:"day"`
}

// policyWhatIf answers how a draft of the policies would resolve a
// decision on a day (V6), with the library's places, without loading
// it: the explanation Explain gives (V5). The draft is read as the
// document's "policies" is, strictly, and checked as Load checks it:
// each problem at its path ("policies.rules[0].set"), 400.
func (s *service) policyWhatIf(w http.ResponseWriter, l reason.Lang, req whatIfRequest) {
	lib := s.library()
	draft, err := draftPolicies(lib, req.Policies)
	if err != nil {
		fail(w, l, err)
		return
	}
	e, err := lib.WhatIf(draft, req.Criteria, req.Day)
	decided(w, l, err, http.StatusOK, e)
}

// draftPolicies reads draft, a "policies" object of the configuration
// document, as Load reads it: in the document of lib's configuration,
// whose places its rows may name, in place of lib's own policies. Its
// problems carry their paths in the document, which are those of the
// request ("policies.…").
func draftPolicies(lib *library.Library, draft json.RawMessage) (library.Policies, error) {
	doc, err := lib.Config().MarshalJSON()
	if err != nil {
		return library.Policies{}, err
	}
	var keys map[string]json.RawMessage
	if err := json.Unmarshal(doc, &keys); err != nil {
		return library.Policies{}, err
	}
	keys["policies"] = draft
	if doc, err = json.Marshal(keys); err != nil {
		return library.Policies{}, err
	}
	var cfg library.Config
	if err := cfg.UnmarshalJSON(doc); err != nil {
		return library.Policies{}, err
	}
	return cfg.Policies, nil
}

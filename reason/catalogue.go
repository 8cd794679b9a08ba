package reason

// Entry is one code of the catalogue, for translators and API
// documentation: {"code": "circulation.loan_limit", "package":
// "circulation", "params": ["limit"], "en": "…[ than {limit} items].",
// "ja": "…"}. En and Ja are the templates as declared, placeholders and
// optional parts included.
type Entry struct {
	Code    string   `json:"code"`
	Package string   `json:"package"`
	Params  []string `json:"params,omitempty"`
	En      string   `json:"en"`
	Ja      string   `json:"ja"`
}

// Entry returns r's entry in the catalogue.
func (r *Reason) Entry() Entry {
	return Entry{Code: r.code, Package: r.pkg, Params: append([]string(nil), r.params...), En: r.en, Ja: r.ja}
}

// Catalogue returns the entries of the reasons of every list, in order:
// reason.Catalogue(patron.Reasons(), circulation.Reasons(), ...). Nil
// reasons are skipped.
func Catalogue(lists ...[]*Reason) []Entry {
	var out []Entry
	for _, l := range lists {
		for _, r := range l {
			if r != nil {
				out = append(out, r.Entry())
			}
		}
	}
	return out
}

package main

// text holds the tour's words in one language.
type text struct {
	lang       string
	monthTitle string
	weekHeader string
}

var texts = map[string]text{
	"en": {
		lang:       "en",
		monthTitle: "%s, %d-%02d (× closed)",
		weekHeader: "  Sun  Mon  Tue  Wed  Thu  Fri  Sat",
	},
	"ja": {
		lang:       "ja",
		monthTitle: "%s %d年%d月（×は休館日）",
		weekHeader: "  日   月   火   水   木   金   土",
	},
}

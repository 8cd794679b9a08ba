package main

import (
	"net/http"

	"github.com/kashidashi/kashidashi/reason"
)

// problem is an RFC 9457 problem detail; a refusal adds every reason,
// bad input every problem found, each naming its field.
type problem struct {
	Type     string           `json:"type"`
	Title    string           `json:"title"`
	Status   int              `json:"status"`
	Detail   string           `json:"detail,omitempty"`
	Reasons  []reason.Message `json:"reasons,omitempty"`
	Problems reason.Problems  `json:"problems,omitempty"`
}

// problemBase is the base of every problem type URI. The URIs are
// absolute, as RFC 9457 recommends, and stable: a client compares them
// whole, never parses them. The .example domain (RFC 2606) never
// resolves: they are names, not pages; the OpenAPI document describes
// each (components.schemas.Problem, x-problem-types). A host that
// publishes a page for each type sets problemBase to its own address.
const problemBase = "https://kashidashi.example/problems/"

// The problem types: every error the service answers is one of them.
const (
	problemMalformed    = problemBase + "malformed-request"
	problemTooLarge     = problemBase + "request-too-large"
	problemMediaType    = problemBase + "unsupported-media-type"
	problemRefused      = problemBase + "refused"
	problemUnauthorized = problemBase + "unauthorized"
	problemForbidden    = problemBase + "forbidden"
	problemNotFound     = problemBase + "not-found"
	problemMethod       = problemBase + "method-not-allowed"
	problemKeyReused    = problemBase + "idempotency-key-reused"
	problemInternal     = problemBase + "internal-error"
	problemNotReady     = problemBase + "not-ready"
	problemContentType  = "application/problem+json"
)

// titles gives each problem type's title in English and Japanese: the
// list of the types the service answers.
var titles = map[string][2]string{
	problemMalformed:    {"The request is malformed.", "リクエストの形式が正しくありません。"},
	problemTooLarge:     {"The request is too large.", "リクエストが大きすぎます。"},
	problemMediaType:    {"The request must be JSON (Content-Type: application/json).", "リクエストは JSON（Content-Type: application/json）で送ってください。"},
	problemRefused:      {"The request was refused.", "お受けできませんでした。"},
	problemUnauthorized: {"A valid bearer token is needed.", "有効なトークンが必要です。"},
	problemForbidden:    {"This token may not do this.", "このトークンではこの操作はできません。"},
	problemNotFound:     {"There is no such resource.", "該当するものがありません。"},
	problemMethod:       {"This method is not allowed here.", "この方法ではご利用いただけません。"},
	problemKeyReused:    {"The idempotency key was used for another request.", "この Idempotency-Key は別のリクエストに使われています。"},
	problemInternal:     {"The service failed; try again later.", "処理できませんでした。しばらくしてからもう一度お試しください。"},
	problemNotReady:     {"The service is not ready.", "サービスの準備ができていません。"},
}

// writeProblem writes a problem of type typ with status and detail.
func writeProblem(w http.ResponseWriter, l reason.Lang, status int, typ, detail string, reasons []reason.Message) {
	writeBody(w, status, problemContentType, newProblem(l, status, typ, detail, reasons))
}

// newProblem returns a problem of type typ, titled in language l.
func newProblem(l reason.Lang, status int, typ, detail string, reasons []reason.Message) problem {
	t := titles[typ][0]
	if l == reason.Japanese {
		t = titles[typ][1]
	}
	return problem{Type: typ, Title: t, Status: status, Detail: detail, Reasons: reasons}
}

package main

import (
	"bufio"
	"context"
	"crypto/sha256"
	"crypto/subtle"
	"errors"
	"fmt"
	"io"
	"net/http"
	"os"
	"strings"
)

// role is what a caller may do. Each route needs one (route.role); a
// staff token may call every route, a service token every route but the
// staff routes.
type role uint8

const (
	// rolePublic routes need no token: /healthz, /readyz, /openapi.json.
	rolePublic role = iota
	// roleService is a front end acting for its patrons (My Page, the
	// OPAC): it has authenticated the patron itself.
	roleService
	// roleStaff is library staff, or the job that does the daily work:
	// overrides, desk actions, queues and audit trails.
	roleStaff
)

// String returns the role as the tokens file writes it.
func (r role) String() string {
	switch r {
	case roleService:
		return "service"
	case roleStaff:
		return "staff"
	}
	return "public"
}

// caller is who made a request: the NAME and ROLE of the token it
// presented. In an open service (no -tokens) every caller is staff with
// no name, and a staff route takes the staff member from the body.
type caller struct {
	name string
	role role
}

// minTokenLen is the shortest token the tokens file accepts: 16
// characters, so that a placeholder such as "secret" cannot slip in.
const minTokenLen = 16

// tokens is the table of the tokens file: a SHA-256 digest of each
// token, never the token itself, and who it is.
type tokens struct {
	digests [][sha256.Size]byte
	callers []caller
}

// loadTokens reads the tokens file at path (parseTokens).
func loadTokens(path string) (*tokens, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	t, err := parseTokens(f)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return t, nil
}

// errTokens reports a tokens file the service refuses to start with.
var errTokens = errors.New("tokens file")

// parseTokens reads lines "TOKEN ROLE NAME": ROLE is service or staff,
// NAME the staff member's login or the front end's name, recorded in the
// access log and, for staff, as the override's staff. Blank lines and
// lines starting with # are skipped. A token is at least minTokenLen
// characters of RFC 6750's token alphabet (letters, digits, -._~+/ and
// trailing =). A line of another shape, an unknown role, a token given
// twice and a name given two roles are refused, naming the line, never
// the token; so is a file with no token, which would lock every caller
// out. A name may have several tokens, so that a token can be replaced
// without downtime.
func parseTokens(r io.Reader) (*tokens, error) {
	t := &tokens{}
	roles := map[string]role{}
	seen := map[[sha256.Size]byte]int{}
	sc := bufio.NewScanner(r)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		token, c, err := parseTokenLine(line)
		if err != nil {
			return nil, fmt.Errorf("%w: line %d: %v", errTokens, n, err)
		}
		d := sha256.Sum256([]byte(token))
		if first, dup := seen[d]; dup {
			return nil, fmt.Errorf("%w: line %d: the token of line %d again", errTokens, n, first)
		}
		if was, ok := roles[c.name]; ok && was != c.role {
			return nil, fmt.Errorf("%w: line %d: %s is %s on an earlier line", errTokens, n, c.name, was)
		}
		seen[d], roles[c.name] = n, c.role
		t.digests = append(t.digests, d)
		t.callers = append(t.callers, c)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%w: %v", errTokens, err)
	}
	if len(t.callers) == 0 {
		return nil, fmt.Errorf("%w: no token", errTokens)
	}
	return t, nil
}

// parseTokenLine parses one line "TOKEN ROLE NAME".
func parseTokenLine(line string) (string, caller, error) {
	f := strings.Fields(line)
	if len(f) != 3 {
		return "", caller{}, fmt.Errorf("%d fields, want TOKEN ROLE NAME", len(f))
	}
	if !validToken(f[0]) {
		return "", caller{}, fmt.Errorf("the token is not at least %d characters of letters, digits and -._~+/ (then =)", minTokenLen)
	}
	c := caller{name: f[2]}
	switch f[1] {
	case "service":
		c.role = roleService
	case "staff":
		c.role = roleStaff
	default:
		return "", caller{}, fmt.Errorf("role %q is neither service nor staff", f[1])
	}
	if len(c.name) > 64 {
		return "", caller{}, errors.New("the name is over 64 bytes")
	}
	return f[0], c, nil
}

// validToken reports whether s is a b64token (RFC 6750, 2.1) of at
// least minTokenLen characters.
func validToken(s string) bool {
	if len(s) < minTokenLen {
		return false
	}
	body := strings.TrimRight(s, "=")
	if body == "" {
		return false
	}
	for _, c := range []byte(body) {
		switch {
		case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z', '0' <= c && c <= '9':
		case strings.IndexByte("-._~+/", c) >= 0:
		default:
			return false
		}
	}
	return true
}

// lookup returns the caller whose token is token. It compares the
// digest of token with every digest of the table, in constant time
// (crypto/subtle), and never stops early: the time it takes says neither
// which token matched nor how much of one did.
func (t *tokens) lookup(token string) (caller, bool) {
	d := sha256.Sum256([]byte(token))
	found := 0
	index := 0
	for i := range t.digests {
		eq := subtle.ConstantTimeCompare(d[:], t.digests[i][:])
		index = subtle.ConstantTimeSelect(eq, i, index)
		found |= eq
	}
	if found == 0 {
		return caller{}, false
	}
	return t.callers[index], true
}

// callerKey is the context key of the request's caller.
type callerKey struct{}

// callerOf returns the caller of the request with context ctx: the zero
// caller when no token was checked (a public route).
func callerOf(ctx context.Context) caller {
	c, _ := ctx.Value(callerKey{}).(caller)
	return c
}

// bearer returns the token of an Authorization header "Bearer TOKEN",
// the scheme in any case (RFC 9110, 11.1).
func bearer(header string) (string, bool) {
	scheme, token, ok := strings.Cut(header, " ")
	if !ok || !strings.EqualFold(scheme, "Bearer") {
		return "", false
	}
	token = strings.TrimLeft(token, " ")
	return token, token != ""
}

// authorize returns h behind the check of role need. A public route is h
// itself. An open service (no tokens) lets every caller in as staff.
// Otherwise the request needs "Authorization: Bearer TOKEN" of a known
// token (else 401, with WWW-Authenticate) whose role is need or staff
// (else 403). The caller goes in the request's context (callerOf) and in
// the access log, by name: the token itself is never logged.
func (s *service) authorize(need role, h http.HandlerFunc) http.HandlerFunc {
	if need == rolePublic {
		return h
	}
	return func(w http.ResponseWriter, r *http.Request) {
		c := caller{role: roleStaff}
		if s.tokens != nil {
			var ok bool
			if c, ok = s.authenticate(w, r, need); !ok {
				return
			}
		}
		noteCaller(r.Context(), c.name)
		h(w, r.WithContext(context.WithValue(r.Context(), callerKey{}, c)))
	}
}

// authenticate checks the bearer token of r for a route that needs role
// need, writing the problem and returning false when it falls short.
func (s *service) authenticate(w http.ResponseWriter, r *http.Request, need role) (caller, bool) {
	token, ok := bearer(r.Header.Get("Authorization"))
	var c caller
	if ok {
		c, ok = s.tokens.lookup(token)
	}
	switch {
	case !ok && r.Header.Get("Authorization") == "":
		w.Header().Set("WWW-Authenticate", `Bearer realm="kashidashi"`)
		writeProblem(w, language(w, r), http.StatusUnauthorized, problemUnauthorized, "send Authorization: Bearer TOKEN", nil)
		return c, false
	case !ok:
		w.Header().Set("WWW-Authenticate", `Bearer realm="kashidashi", error="invalid_token"`)
		writeProblem(w, language(w, r), http.StatusUnauthorized, problemUnauthorized, "the token is not valid", nil)
		return c, false
	case c.role < need:
		noteCaller(r.Context(), c.name)
		w.Header().Set("WWW-Authenticate", `Bearer realm="kashidashi", error="insufficient_scope"`)
		writeProblem(w, language(w, r), http.StatusForbidden, problemForbidden, "this route needs a "+need.String()+" token", nil)
		return c, false
	}
	return c, true
}

package library

import (
	"bytes"
	"encoding/json"
	"strings"
)

// lineWidth is the width under which pretty keeps a list or object on
// one line, as a person writes short ones.
const lineWidth = 88

// pretty re-indents the JSON value b by two spaces, keeping lists and
// objects that fit on one line there: ["monday"], {"from": "09:00", "to":
// "17:00"}. Keys keep their order. b is valid JSON (from json.Marshal).
func pretty(b []byte) ([]byte, error) {
	var out bytes.Buffer
	if err := writePretty(&out, b, 0); err != nil {
		return nil, err
	}
	return out.Bytes(), nil
}

func writePretty(out *bytes.Buffer, b []byte, depth int) error {
	if line, err := inline(b); err != nil {
		return err
	} else if len(line)+2*depth <= lineWidth || (b[0] != '{' && b[0] != '[') {
		out.WriteString(line)
		return nil
	}
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.UseNumber()
	open, _ := dec.Token()
	isObject := open == json.Delim('{')
	out.WriteString(open.(json.Delim).String())
	pad := "\n" + strings.Repeat("  ", depth+1)
	for first := true; dec.More(); first = false {
		if !first {
			out.WriteByte(',')
		}
		out.WriteString(pad)
		if isObject {
			key, _ := dec.Token()
			k, _ := json.Marshal(key)
			out.Write(k)
			out.WriteString(": ")
		}
		var raw json.RawMessage
		if err := dec.Decode(&raw); err != nil {
			return err
		}
		if err := writePretty(out, raw, depth+1); err != nil {
			return err
		}
	}
	out.WriteString("\n" + strings.Repeat("  ", depth))
	if isObject {
		out.WriteByte('}')
	} else {
		out.WriteByte(']')
	}
	return nil
}

// inline writes b on one line with a space after each comma and colon.
func inline(b []byte) (string, error) {
	var compact bytes.Buffer
	if err := json.Compact(&compact, b); err != nil {
		return "", err
	}
	var s strings.Builder
	inString, escaped := false, false
	for _, c := range compact.Bytes() {
		s.WriteByte(c)
		switch {
		case escaped:
			escaped = false
		case inString && c == '\\':
			escaped = true
		case c == '"':
			inString = !inString
		case !inString && (c == ',' || c == ':'):
			s.WriteByte(' ')
		}
	}
	return s.String(), nil
}

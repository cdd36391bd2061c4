package format

import (
	"fmt"
	"math"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"gopkg.in/yaml.v3"
)

// Kinds of front matter value.
const (
	valueNull   = 'n'
	valueScalar = 's' // a plain scalar: text, a number, a boolean, a date, as YAML resolves it
	valueText   = 't' // a quoted or block scalar: always text
	valueList   = 'l'
	valueOther  = 'o' // a map, or a list of non-scalars: kept as YAML text, aliases resolved
)

// Field is one decoded front matter key.
type Field struct {
	Key   string
	Line  int    // file line of the key
	Kind  byte   // valueNull, valueScalar, valueList or valueOther
	Value string // the scalar; for valueOther, the YAML text of the value
	List  []string
}

// decodeFast reads the front matter forms lead writes and people type:
// "key: scalar" (plain, 'single' or "double" quoted), "key: [a, b]" flow
// lists of scalars, "key:" followed by "- item" lines, blank lines and
// comments. It returns ok false for anything else, which the caller hands
// to yaml.v3; on what it accepts it agrees with yaml.v3 (see
// FuzzFastFrontMatter). firstLine is the file line of text's first line.
func decodeFast(text string, firstLine int) ([]Field, bool) {
	for i := 0; i < len(text); i++ {
		c := text[i]
		switch {
		case c >= 0x20 && c < 0x7f || c == '\n':
			continue
		case c == '\r':
			if i+1 == len(text) || text[i+1] != '\n' {
				return nil, false // a lone CR is a line break to YAML
			}
			continue
		case c < utf8.RuneSelf:
			return nil, false // control characters YAML restricts: let yaml.v3 say so
		}
		r, size := utf8.DecodeRuneInString(text[i:])
		if r == 0xFEFF || r >= 0x80 && r < 0xA0 || r == 0x2028 || r == 0x2029 {
			return nil, false // and the like beyond ASCII
		}
		i += size - 1
	}
	lines := strings.Split(text, "\n")
	var out []Field
	for i := 0; i < len(lines); i++ {
		line := strings.TrimSuffix(lines[i], "\r")
		trimmed := trimSpaces(line)
		if trimmed == "" || trimmed[0] == '#' {
			continue
		}
		if line[0] == ' ' || line[0] == '\t' || strings.ContainsRune(line, '\t') {
			return nil, false
		}
		colon := strings.Index(line, ":")
		if colon <= 0 || (colon+1 < len(line) && line[colon+1] != ' ') {
			return nil, false
		}
		key := line[:colon]
		if !plainKey(key) {
			return nil, false
		}
		for _, f := range out {
			if f.Key == key {
				return nil, false // yaml.v3 rejects duplicate keys
			}
		}
		f := Field{Key: key, Line: firstLine + i}
		rest := stripComment(trimSpaces(line[colon+1:]))
		switch {
		case rest == "":
			// Null, or a block list on the following lines.
			f.Kind = valueNull
			for i+1 < len(lines) {
				next := strings.TrimSuffix(lines[i+1], "\r")
				nt := trimSpaces(next)
				if nt == "" || nt[0] == '#' {
					i++
					continue
				}
				if !strings.HasPrefix(nt, "- ") && nt != "-" {
					break
				}
				if strings.ContainsRune(next, '\t') || indentOf(next) > 2 {
					return nil, false
				}
				v, ok := scalar(stripComment(trimSpaces(strings.TrimPrefix(nt, "-"))))
				if !ok {
					return nil, false
				}
				f.Kind = valueList
				f.List = append(f.List, v)
				i++
			}
			if f.Kind == valueList {
				// Items indented differently from one another confuse the simple
				// reading; leave those to yaml.v3.
				for k := i - len(f.List) + 1; k <= i; k++ {
					if nt := trimSpaces(lines[k]); nt != "" && nt[0] != '#' && indentOf(lines[k]) != indentOf(lines[i]) {
						return nil, false
					}
				}
			}
		case rest[0] == '[':
			items, ok := flowList(rest)
			if !ok {
				return nil, false
			}
			f.Kind, f.List = valueList, items
		default:
			v, ok := scalar(rest)
			if !ok {
				return nil, false
			}
			switch {
			case rest[0] == '\'' || rest[0] == '"':
				f.Kind, f.Value = valueText, v
			case isNull(rest):
				f.Kind = valueNull
			default:
				f.Kind, f.Value = valueScalar, v
			}
		}
		out = append(out, f)
	}
	return out, true
}

// trimSpaces trims what YAML counts as white space around a token: spaces
// (tabs never reach the fast reader). Unicode spaces are text to YAML.
func trimSpaces(s string) string { return strings.Trim(s, " ") }

func indentOf(line string) int { return len(line) - len(strings.TrimLeft(line, " ")) }

func plainKey(k string) bool {
	for i, r := range k {
		if !(r == '_' || r == '-' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || i > 0 && r >= '0' && r <= '9') {
			return false
		}
	}
	return k != "" && len(k) <= 128 && k[0] != '-' && k[len(k)-1] != '-' // YAML limits implicit keys to 1024 characters
}

func isNull(s string) bool { return s == "~" || s == "null" || s == "Null" || s == "NULL" }

// stripComment drops a " #" comment after a value, unless the value is
// quoted (where a # may belong to the text).
func stripComment(s string) string {
	if s == "" || s[0] == '"' || s[0] == '\'' {
		return s
	}
	if i := strings.Index(s, " #"); i >= 0 {
		return trimSpaces(s[:i])
	}
	return s
}

// scalar reads a plain or quoted scalar the way yaml.v3 does, for the
// forms it can be sure of.
func scalar(s string) (string, bool) {
	if s == "" {
		return "", true
	}
	switch s[0] {
	case '\'':
		if len(s) < 2 || s[len(s)-1] != '\'' {
			return "", false
		}
		inner := s[1 : len(s)-1]
		if strings.Count(strings.ReplaceAll(inner, "''", ""), "'") > 0 {
			return "", false
		}
		return strings.ReplaceAll(inner, "''", "'"), true
	case '"':
		if len(s) < 2 || s[len(s)-1] != '"' {
			return "", false
		}
		inner := s[1 : len(s)-1]
		if strings.ContainsAny(inner, "\\\"") {
			return "", false // escapes: leave them to yaml.v3
		}
		return inner, true
	}
	// Plain scalars may not start with an indicator, nor hold ": " or " #";
	// a leading "-" is fine before a letter or digit (-2h).
	if strings.Contains(s, ": ") || strings.HasSuffix(s, ":") || strings.Contains(s, " #") {
		return "", false
	}
	if s[0] == '-' {
		if len(s) > 1 && (unicode.IsLetter(rune(s[1])) || unicode.IsDigit(rune(s[1]))) {
			return s, true
		}
		return "", false
	}
	if strings.ContainsRune("&*!|>%@`{}[],#?:", rune(s[0])) {
		return "", false
	}
	return s, true
}

// flowList reads "[a, b, 'c', "d"]" with scalar items only.
func flowList(s string) ([]string, bool) {
	if !strings.HasSuffix(s, "]") {
		return nil, false
	}
	inner := trimSpaces(s[1 : len(s)-1])
	if inner == "" {
		return []string{}, true
	}
	if strings.ContainsAny(inner, "[]{}#") {
		return nil, false
	}
	var list []string
	for rest, more := inner, true; more; {
		var part string
		part, rest, more = strings.Cut(rest, ",")
		part = trimSpaces(part)
		v, ok := part, true
		switch {
		case part == "":
			ok = false
		case part[0] == '\'' || part[0] == '"':
			v, ok = scalar(part)
		default:
			ok = flowSafe(part)
		}
		if !ok {
			return nil, false
		}
		list = append(list, v)
	}
	return list, true
}

// flowSafe reports whether a plain flow-list item holds only letters,
// digits and a few punctuation marks that mean nothing to YAML there.
func flowSafe(item string) bool {
	for i, r := range item {
		switch {
		case unicode.IsLetter(r), unicode.IsDigit(r), r == '_', r == '.', r == '/', r == '+', r == '(', r == ')':
		case (r == '-' || r == ' ') && i > 0:
		default:
			return false
		}
	}
	return true
}

// fieldsOf turns a yaml.v3 Mapping node into fields.
func fieldsOf(meta *yaml.Node, firstLine int) []Field {
	var out []Field
	c := meta.Content
	for i := 0; i+1 < len(c); i += 2 {
		k, v := c[i], c[i+1]
		f := Field{Key: k.Value, Line: firstLine + k.Line - 1}
		if v.Kind == yaml.AliasNode && v.Alias != nil {
			v = v.Alias // YAML reads an alias as the value it names
		}
		switch {
		case v.Kind == yaml.ScalarNode && v.Tag == "!!null":
			f.Kind = valueNull
		case v.Kind == yaml.ScalarNode && v.Style != 0 && v.ShortTag() == "!!str":
			f.Kind, f.Value = valueText, v.Value
		case v.Kind == yaml.ScalarNode:
			f.Kind, f.Value = valueScalar, v.Value
		case v.Kind == yaml.SequenceNode && allScalars(v):
			f.Kind = valueList
			f.List = []string{}
			for _, item := range v.Content {
				f.List = append(f.List, item.Value)
			}
		default:
			// Decoded and encoded again, so that the text holds no alias
			// (an alias bomb stops at yaml.v3's limit and reads as null).
			f.Kind = valueOther
			var data any
			if v.Decode(&data) == nil {
				if b, err := yaml.Marshal(data); err == nil {
					f.Value = string(b)
				}
			}
		}
		out = append(out, f)
	}
	return out
}

func allScalars(n *yaml.Node) bool {
	for _, item := range n.Content {
		if item.Kind != yaml.ScalarNode {
			return false
		}
	}
	return true
}

// plainValue is the Field as plain data for JSON output: lists as
// lists, YAML's integers, floats and booleans as such, other scalars as
// text, and maps decoded by yaml.v3 as JSON can hold them (see jsonable).
func (f Field) plainValue() any {
	switch f.Kind {
	case valueText:
		return f.Value
	case valueScalar:
		return plainScalar(f.Value)
	case valueList:
		return f.List
	case valueOther:
		var v any
		_ = yaml.Unmarshal([]byte(f.Value), &v) // it was encoded from a node
		return jsonable(v)
	}
	return nil
}

// plainScalar reads an unquoted scalar as YAML does: true and false, null
// and ~, integers (decimal, 0x, 0o, with _), floats (.inf, .nan), else
// text. A date stays the text it was written as.
func plainScalar(s string) any {
	if s == "" {
		return nil
	}
	if c := s[0]; c >= 'a' && c <= 'z' && c != 't' && c != 'f' && c != 'n' || c >= 'A' && c <= 'Z' && c != 'T' && c != 'F' && c != 'N' {
		return s // text: no other YAML value starts so
	}
	var v any
	if err := yaml.Unmarshal([]byte(s), &v); err != nil {
		return s
	}
	switch v := v.(type) {
	case string, time.Time:
		return s
	case int:
		return int64(v)
	}
	return jsonable(v)
}

// jsonable makes what yaml.v3 decoded into data JSON can hold: a map's
// keys that are not text (YAML allows `{1: a}`) become text, and floats
// JSON has no number for (.nan, .inf) the text Go prints for them.
func jsonable(v any) any {
	switch v := v.(type) {
	case map[string]any:
		for k, x := range v {
			v[k] = jsonable(x)
		}
	case map[any]any:
		m := make(map[string]any, len(v))
		for k, x := range v {
			m[fmt.Sprint(k)] = jsonable(x)
		}
		return m
	case []any:
		for i, x := range v {
			v[i] = jsonable(x)
		}
	case float64:
		if math.IsNaN(v) || math.IsInf(v, 0) {
			return fmt.Sprint(v)
		}
	}
	return v
}

package cli

import (
	"bytes"
	"maps"
	"slices"
	"unicode/utf8"
)

// Export lays out the JSON of entries itself, byte for byte as
// encoding/json indents it: encoding/json marshals by reflection and then
// indents in a second pass over every byte, which for tens of thousands
// of entries is most of the work. Strings that need no escaping, lists
// and objects are laid out here; everything else is encoded by
// encoding/json (TestEntryJSONLayout and FuzzEntryJSONLayout hold the two
// to the same bytes).

// appendEntry appends e as enc.json would encode it with the prefix
// indent, "  " a level and HTML unescaped, without the final newline.
func (enc *encoders) appendEntry(dst []byte, e entryJSON, indent string) []byte {
	type member struct {
		key   string
		value any
	}
	members := []member{{"id", e.ID}, {"path", e.Path}, {"date", e.Date}, {"kind", e.Kind}, {"title", e.Title},
		{"with", e.With}, {"project", e.Project}, {"tags", e.Tags}, {"practices", e.Practices}, {"fields", e.Fields}}
	if e.Body != nil {
		members = append(members, member{"body", *e.Body})
	}
	return appendComposite(dst, '{', '}', len(members), indent, func(dst []byte, i int, inner string) []byte {
		dst = append(enc.appendString(dst, members[i].key), ": "...)
		return enc.appendValue(dst, members[i].value, inner)
	})
}

// appendValue appends v laid out at indent.
func (enc *encoders) appendValue(dst []byte, v any, indent string) []byte {
	switch v := v.(type) {
	case string:
		return enc.appendString(dst, v)
	case []string:
		if v != nil {
			return appendComposite(dst, '[', ']', len(v), indent, func(dst []byte, i int, _ string) []byte {
				return enc.appendString(dst, v[i])
			})
		}
	case map[string]any:
		if v != nil {
			keys := slices.Sorted(maps.Keys(v))
			return appendComposite(dst, '{', '}', len(keys), indent, func(dst []byte, i int, inner string) []byte {
				dst = append(enc.appendString(dst, keys[i]), ": "...)
				return enc.appendValue(dst, v[keys[i]], inner)
			})
		}
	}
	return enc.appendEncoded(dst, v, indent)
}

// appendString appends s quoted: as it is when nothing in it needs
// escaping, by encoding/json otherwise (a string is laid out the same
// indented or not, so it is not indented).
func (enc *encoders) appendString(dst []byte, s string) []byte {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < 0x20 || c >= utf8.RuneSelf || c == '"' || c == '\\' {
			enc.json.SetIndent("", "")
			return enc.encode(dst, s)
		}
	}
	return append(append(append(dst, '"'), s...), '"')
}

// appendEncoded appends v as enc.json encodes it at indent.
func (enc *encoders) appendEncoded(dst []byte, v any, indent string) []byte {
	enc.json.SetIndent(indent, "  ")
	return enc.encode(dst, v)
}

// encode appends v as enc.json encodes it, without the final newline.
func (enc *encoders) encode(dst []byte, v any) []byte {
	enc.buf.Reset()
	if err := enc.json.Encode(v); err != nil {
		return append(dst, "null"...) // nothing lead reads is left unencodable (journal's jsonable); should anything be, null keeps the document whole
	}
	return append(dst, bytes.TrimSuffix(enc.buf.Bytes(), []byte("\n"))...)
}

// appendComposite appends a list or an object of n members, each on its
// own line one level in from indent, as encoding/json indents them.
func appendComposite(dst []byte, open, close byte, n int, indent string, member func(dst []byte, i int, inner string) []byte) []byte {
	if n == 0 {
		return append(dst, open, close)
	}
	inner := indent + "  "
	dst = append(dst, open)
	for i := range n {
		if i > 0 {
			dst = append(dst, ',')
		}
		dst = member(append(append(dst, '\n'), inner...), i, inner)
	}
	return append(append(append(dst, '\n'), indent...), close)
}

package cli

import (
	"bytes"
	"encoding/json"
	"math"
	"testing"
)

// wantEntryJSON is an entry as encoding/json lays it out in export.
func wantEntryJSON(t *testing.T, e entryJSON) string {
	t.Helper()
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetIndent("  ", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(e); err != nil {
		t.Fatal(err)
	}
	return string(bytes.TrimSuffix(b.Bytes(), []byte("\n")))
}

func layEntryJSON(e entryJSON) string {
	enc := encoderPool.Get().(*encoders)
	defer encoderPool.Put(enc)
	return string(enc.appendEntry(nil, e, "  "))
}

func TestEntryJSONLayout(t *testing.T) {
	body := "## Notes\n\"Quoted\" \\ <b>&</b>\ttab é \u2028 \x01\n"
	for _, e := range []entryJSON{
		{},
		{ID: "a", Path: "entries/2026/11/a.md", Date: "2026-11-22T10:00:00-05:00", Kind: "1on1", Title: "Roadmap <v2> & \"more\"",
			With: []string{"dana-smith", "zoë"}, Project: "q4", Tags: []string{}, Practices: nil, Body: &body,
			Fields: map[string]any{
				"title": "x", "with": []string{"a", "b"}, "tags": []string{}, "count": int64(3), "ratio": 1.5, "done": true,
				"nothing": nil, "nested": map[string]any{"b": []any{1, "two", map[string]any{}}, "a": map[string]any{}},
				"empty": map[string]any{}, "list": []any{}, "nil list": []string(nil), "nil map": map[string]any(nil),
			}},
	} {
		if got, want := layEntryJSON(e), wantEntryJSON(t, e); got != want {
			t.Errorf("laid out:\n%s\nencoding/json:\n%s", got, want)
		}
	}
}

func FuzzEntryJSONLayout(f *testing.F) {
	for _, seed := range []string{"", "plain", "\"\\", "é\u2028\u2029\x00\x1f\x7f", "<&>", "\xff\xfe", "line\nbreak\r\t"} {
		f.Add(seed, seed+"!")
	}
	f.Fuzz(func(t *testing.T, a, b string) {
		e := entryJSON{ID: a, Title: b, With: []string{a, b}, Tags: []string{b}, Body: &a,
			Fields: map[string]any{a: b, b: []string{a}, "n": map[string]any{a: a}}}
		if got, want := layEntryJSON(e), wantEntryJSON(t, e); got != want {
			t.Errorf("laid out:\n%s\nencoding/json:\n%s", got, want)
		}
	})
}

// TestJSONListReportsWhatItCannotEncode: an element encoding/json refuses
// is an error of the command, on whichever processor it is encoded.
func TestJSONListReportsWhatItCannotEncode(t *testing.T) {
	for _, list := range [][]any{{math.NaN()}, {1, 2, 3, math.Inf(1)}, {math.Inf(-1), "a", "b", "c", "d"}} {
		var b bytes.Buffer
		if err := writeJSONList(&b, list); err == nil {
			t.Errorf("%v: no error, wrote %q", list, b.String())
		}
	}
}

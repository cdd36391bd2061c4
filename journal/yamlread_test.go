package journal

import (
	"encoding/json"
	"fmt"
	"math"
	"strings"
	"testing"

	"gopkg.in/yaml.v3"
)

// TestUnknownFieldsReadAsYAMLReadsThem: what --json shows of keys lead
// does not know is what yaml.v3 decodes from them, aliases and special
// numbers included (dates stay the text they were written as, and JSON's
// missing infinities and NaN are text).
func TestUnknownFieldsReadAsYAMLReadsThem(t *testing.T) {
	front := `date: 2026-11-20T10:00:00-05:00
anchor: &x {k: 1, l: [a, 2]}
alias: *x
scalar: &s 0x1F
scalar_alias: *s
octal: 0o17
underscored: 1_000
float: 1e3
inf: .inf
minus_inf: -.Inf
nan: .nan
quoted: "0x1F"
single: 'true'
yes: true
no_value: ~
word: hello
block: |
  two
  lines
`
	j := testJournal(t)
	writeFile(t, j, "entries/2026/11/2026-11-20-1000-fields.md", "---\n"+front+"---\nbody\n")
	s := read(j, Everything)
	if len(s.Problems) > 0 || len(s.Entries) != 1 {
		t.Fatalf("%v", s.Problems)
	}
	got := s.Entries[0].Meta()
	var want map[string]any
	if err := yaml.Unmarshal([]byte(front), &want); err != nil {
		t.Fatal(err)
	}
	for key, w := range want {
		if key == "date" {
			continue
		}
		gj, _ := json.Marshal(got[key])
		wj, _ := json.Marshal(jsonForm(w))
		if string(gj) != string(wj) {
			t.Errorf("%s: %s, yaml.v3 reads %s", key, gj, wj)
		}
	}
}

// TestDuplicateKeysAreRefusedWithBothLines: a key given twice is a problem
// of its file naming both lines, whichever reader meets it; the other
// entries read as before.
func TestDuplicateKeysAreRefusedWithBothLines(t *testing.T) {
	j := testJournal(t)
	writeFile(t, j, "entries/2026/11/2026-11-20-1000-twice.md", "---\ndate: 2026-11-20T10:00:00-05:00\ntitle: one\nkind: note\ntitle: two\n---\n")
	writeFile(t, j, "entries/2026/11/2026-11-20-1100-nested.md", "---\ndate: 2026-11-20T11:00:00-05:00\nx: {a: 1}\nx: [2]\n---\n")
	writeFile(t, j, "entries/2026/11/2026-11-20-1200-fine.md", "---\ndate: 2026-11-20T12:00:00-05:00\ntitle: fine\n---\n")
	s := read(j, Everything)
	if len(s.Entries) != 1 || s.Entries[0].Title != "fine" {
		t.Errorf("entries: %v", s.Entries)
	}
	var got []string
	for _, f := range s.Check() {
		if strings.Contains(f.Message, "given twice") {
			got = append(got, f.String()[strings.LastIndex(f.Path, "/")+1:])
		}
	}
	want := []string{
		`2026-11-20-1000-twice.md:5: key "title" given twice, at lines 3 and 5: keep one`,
		`2026-11-20-1100-nested.md:4: key "x" given twice, at lines 3 and 4: keep one`,
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("check:\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// jsonForm is v with the floats JSON has no number for as Go prints them.
func jsonForm(v any) any {
	if x, ok := v.(float64); ok && (math.IsNaN(x) || math.IsInf(x, 0)) {
		return fmt.Sprint(x)
	}
	return v
}

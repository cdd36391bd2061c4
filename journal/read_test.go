package journal

import (
	"os"
	"strings"
	"testing"
)

// cacheJournal makes a journal with two entries and loads it once, so
// that its index exists.
func cacheJournal(t *testing.T) *Journal {
	t.Helper()
	j := testJournal(t)
	writeFile(t, j, "entries/2026/11/a.md", "---\ndate: 2026-11-20T10:00:00-05:00\ntitle: Alpha\n---\n- [ ] first\n")
	writeFile(t, j, "entries/2026/11/b.md", "---\ndate: 2026-11-21T10:00:00-05:00\ntitle: Bravo\n---\n- [ ] second\n")
	read(j, Everything)
	if _, err := os.Stat(j.Abs(CacheFile)); err != nil {
		t.Fatalf("no index after a load: %v", err)
	}
	return j
}

// TestQueryReadsOnlyWhatMatches: Journal.Read with a filter, which filters while it
// reads the index, gives what a read of the headers followed by Snapshot.Query
// gives, with the index warm and right after a hand edit.
func TestQueryReadsOnlyWhatMatches(t *testing.T) {
	j := cacheJournal(t)
	writeFile(t, j, "entries/2026/10/c.md", "---\ndate: 2026-10-02T10:00:00-04:00\ntitle: Charlie\nwith: [dana]\ntags: [budget]\n---\n")
	filters := []Filter{{}, {With: []string{"dana"}}, {Tags: []string{"BUDGET"}}, {Limit: 1}, {With: []string{"nobody"}}}
	for _, edit := range []bool{false, true} {
		if edit {
			writeFile(t, j, "entries/2026/11/a.md", "---\ndate: 2026-11-20T10:00:00-05:00\ntitle: Alpha\nwith: [dana]\n---\n")
		}
		for _, f := range filters {
			var want []string
			for _, e := range read(j, Headers).Query(f) {
				want = append(want, e.Title)
			}
			s, err := j.Read(ReadOptions{Entries: Headers, Filter: func(*Snapshot) (Filter, error) { return f, nil }})
			entries := s.Entries
			var got []string
			for _, e := range entries {
				got = append(got, e.Title)
			}
			if err != nil || strings.Join(got, ",") != strings.Join(want, ",") {
				t.Errorf("edit=%v %+v: a filtered read gives %v, a read and Query %v (%v)", edit, f, got, want, err)
			}
		}
	}
}

// TestGrepReadsWhatItMatches: --grep matches the text of each file as it
// is now, and an entry it keeps is the one that text holds, even after an
// edit in the same second to the same size with the old mtime put back.
func TestGrepReadsWhatItMatches(t *testing.T) {
	j := cacheJournal(t)
	grep := func(pattern string, with ...string) string {
		m, err := SmartCase(pattern)
		if err != nil {
			t.Fatal(err)
		}
		s, err := j.Read(ReadOptions{Entries: Headers, Filter: func(*Snapshot) (Filter, error) { return Filter{Grep: m, With: with}, nil }})
		entries := s.Entries
		if err != nil {
			t.Fatal(err)
		}
		var out []string
		for _, e := range entries {
			out = append(out, e.Title+"/"+strings.Join(e.With, "+"))
		}
		return strings.Join(out, ",")
	}
	if got := grep("first"); got != "Alpha/" {
		t.Fatalf("before: %q", got)
	}
	path := j.Abs("entries/2026/11/a.md")
	info, _ := os.Stat(path)
	os.WriteFile(path, []byte("---\ndate: 2026-11-20T10:00:00-05:00\ntitle: Alpha\nwith: [x]\n---\n- [ ] FIRST\n"), 0o600)
	os.Chtimes(path, info.ModTime(), info.ModTime())
	if got := grep("first"); got != "Alpha/x" {
		t.Errorf("after a same-size edit: %q", got)
	}
	if got := grep("FIRST", "x"); got != "Alpha/x" {
		t.Errorf("case-sensitive, with a filter: %q", got)
	}
	if got := grep("first|second", "nobody"); got != "" {
		t.Errorf("filtered out: %q", got)
	}
	if got := grep("first|second"); got != "Bravo/,Alpha/x" {
		t.Errorf("both: %q", got)
	}
}

package journal

import (
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/lead-journal/lead/journal/format"
)

var update = flag.Bool("update", false, "rewrite golden files")

var newYork = mustLoad("America/New_York")

func mustLoad(name string) *time.Location {
	loc, err := time.LoadLocation(name)
	if err != nil {
		panic(err)
	}
	return loc
}

// testJournal makes an empty journal in a temporary directory.
func testJournal(t *testing.T) *Journal {
	t.Helper()
	j, err := Init(filepath.Join(t.TempDir(), "journal"))
	if err != nil {
		t.Fatal(err)
	}
	return j
}

func writeFile(t *testing.T, j *Journal, rel, text string) {
	t.Helper()
	path := j.Abs(rel)
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(text), 0o600); err != nil {
		t.Fatal(err)
	}
}

func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", "golden", name)
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if string(got) != string(want) {
		t.Errorf("%s differs from what was written:\n--- got\n%s\n--- want\n%s", name, got, want)
	}
}

var fullDraft = Draft{
	FrontMatter: FrontMatter{
		Date:      time.Date(2026, 11, 22, 14, 30, 0, 0, newYork),
		Kind:      "1on1",
		Title:     "Q3 strategy review: risks & \"asks\"",
		With:      []string{"dana-smith", "lee-wong"},
		Project:   "q3-strategy",
		Tags:      []string{"strategy", "budget"},
		Practices: []string{"previewed", "sought-advice"},
	},
	Notes:    "Walked Dana through the draft.\nShe wants the risks up front.",
	Todos:    []string{"Send the revised deck due:2026-11-25", "@dana-smith intro to the SVP's chief of staff"},
	Next:     []string{"Ask about the budget timeline"},
	Wins:     []string{"Sam's migration landed a week early; credited Sam in front of Dana."},
	Feedback: []string{"Dana: lead with the decision you need, then the data."},
}

func TestComposeGolden(t *testing.T) {
	j := testJournal(t)
	p, err := j.AddPerson(Profile{Name: "Dana Smith", Relation: "boss", Style: "detail", Prefers: []string{"slack", "in-person"},
		Trusts: []string{"lee-wong"}, Stance: "champion", Influence: "high"}, "Likes decisions first.")
	if err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(j.Abs(p.Path))
	if err != nil {
		t.Fatal(err)
	}
	golden(t, "person.md", data)

	s := read(j, Everything)
	if data, err = s.Compose(fullDraft, false); err != nil {
		t.Fatal(err)
	}
	golden(t, "entry.md", data)

	// For the editor: empty sections to write under, and the open
	// commitments and agenda with the people for reference.
	if _, err := s.Log(data, ""); err != nil {
		t.Fatal(err)
	}
	s = read(j, Everything)
	next := Draft{FrontMatter: FrontMatter{Date: fullDraft.Date.AddDate(0, 0, 7), Kind: "1on1", With: []string{"dana-smith"}}}
	if data, err = s.Compose(next, true); err != nil {
		t.Fatal(err)
	}
	golden(t, "entry-prompt.md", data)
}

// TestRoundTrip: what lead writes, lead reads back as it was given.
func TestRoundTrip(t *testing.T) {
	j := testJournal(t)
	s := read(j, Everything)
	data, err := s.Compose(fullDraft, false)
	if err != nil {
		t.Fatal(err)
	}
	logged, err := s.Log(data, "")
	if err != nil {
		t.Fatal(err)
	}
	e := logged.Entry
	if want := "entries/2026/11/2026-11-22-1430-q3-strategy-review-risks-asks.md"; e.Path != want {
		t.Errorf("path %s, want %s", e.Path, want)
	}
	saved, _ := os.ReadFile(j.Abs(e.Path))
	if string(saved) != string(data) {
		t.Errorf("saved bytes differ from composed bytes:\n%s\n---\n%s", saved, data)
	}
	f := fullDraft.FrontMatter
	if !e.Date.Equal(f.Date) || e.Date.Format(time.RFC3339) != "2026-11-22T14:30:00-05:00" || e.Kind != f.Kind || e.Title != f.Title ||
		strings.Join(e.With, ",") != "dana-smith,lee-wong" || e.Project != f.Project ||
		strings.Join(e.Tags, ",") != "strategy,budget" || strings.Join(e.Practices, ",") != "previewed,sought-advice" {
		t.Errorf("read back %+v", e)
	}
	if len(e.Wins) != 1 || e.Wins[0] != fullDraft.Wins[0] || len(e.Feedback) != 1 || e.Feedback[0] != fullDraft.Feedback[0] {
		t.Errorf("wins %q, feedback %q", e.Wins, e.Feedback)
	}
	if e.Summary != "Walked Dana through the draft." {
		t.Errorf("summary %q", e.Summary)
	}
	var body string
	s.EachBody([]*Entry{e}, func(_ int, _ *Entry, b string) { body = strings.Clone(b) })
	if !strings.HasPrefix(body, "## Notes\nWalked Dana through the draft.\nShe wants") || len(s.Problems) > 0 {
		t.Errorf("body %q, problems %v", body, s.Problems)
	}
	var todos, agenda int
	for _, it := range e.Items {
		if it.Agenda {
			agenda++
		} else {
			todos++
		}
	}
	if todos != 2 || agenda != 1 {
		t.Errorf("%d commitments and %d agenda items, want 2 and 1", todos, agenda)
	}
	// Logging the same bytes again makes a second file, never a replacement.
	again, err := s.Log(data, "")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasSuffix(again.Entry.Path, "-2.md") {
		t.Errorf("second entry at %s, want a -2 suffix", again.Entry.Path)
	}
}

// TestLenientReading: the forms people write by hand all read.
func TestLenientReading(t *testing.T) {
	j := testJournal(t)
	files := map[string]string{
		"entries/a.md": "---\r\ndate: 2026-11-21\r\nwith: dana-smith\r\ntags: a, b\r\n---\r\n- [ ] crlf item\r\n",
		"entries/b.md": "\xEF\xBB\xBF---\ndate: 2026-11-20 10:15\nwith: [Dana-Smith, lee-wong]\ncustom: {nested: [1, 2]}\n---\nbody\n",
		"entries/c.md": "\n\n---\ndate: 2026-11-19T08:00:00Z\n---\n",
	}
	for rel, text := range files {
		writeFile(t, j, rel, text)
	}
	s := read(j, Everything)
	if len(s.Problems) > 0 {
		t.Fatalf("problems: %v", s.Problems)
	}
	byID := map[string]*Entry{}
	for _, e := range s.Entries {
		byID[e.ID] = e
	}
	a, b, c := byID["a"], byID["b"], byID["c"]
	if a.Date.Format("2006-01-02 15:04") != "2026-11-21 09:00" || strings.Join(a.Tags, "|") != "a|b" || a.With[0] != "dana-smith" {
		t.Errorf("a: %v %q %q", a.Date, a.Tags, a.With)
	}
	if len(a.Items) != 1 || a.Items[0].Text != "crlf item" || a.Items[0].Line != 6 {
		t.Errorf("a items: %+v", a.Items)
	}
	if strings.Join(b.With, ",") != "dana-smith,lee-wong" || b.Date.Hour() != 10 || b.Field("custom") != nil {
		t.Errorf("b: %q %v", b.With, b.Date)
	}
	if m := b.Meta(); m["custom"] == nil {
		t.Errorf("b lost its custom key: %v", m)
	}
	if c.Kind != "note" || !c.Date.Equal(time.Date(2026, 11, 19, 8, 0, 0, 0, time.UTC)) {
		t.Errorf("c: %s %v", c.Kind, c.Date)
	}
}

func TestProblemsNameFileAndLine(t *testing.T) {
	j := testJournal(t)
	cases := map[string]string{
		"entries/no-fm.md":     "just text\n",
		"entries/open.md":      "---\ndate: 2026-11-21\nno end\n",
		"entries/bad-date.md":  "---\nkind: chat\ndate: the day after\n---\n",
		"entries/bad-yaml.md":  "---\ndate: 2026-11-21\nwith: a: b\n---\n",
		"entries/list.md":      "---\n- a\n- b\n---\n",
		"entries/binary.md":    "---\x00---",
		"entries/latin1.md":    "---\ntitle: caf\xe9\n---\n",
		"entries/with-map.md":  "---\ndate: 2026-11-21\nwith: {a: 1}\n---\n",
		"entries/notes.txt":    "stray",
		"people/bad-person.md": "---\nname: X\ncadence: often\n---\n",
	}
	want := map[string]string{
		"no-fm.md":      ":1: no front matter",
		"open.md":       ":1: front matter is not closed",
		"bad-date.md":   `:3: date: "the day after" is not a date`,
		"bad-yaml.md":   ":3: mapping values are not allowed",
		"list.md":       ":2: front matter must be a map",
		"binary.md":     ": binary file",
		"latin1.md":     ":2: invalid UTF-8",
		"with-map.md":   ":3: with: want a list of values",
		"notes.txt":     ": not a Markdown file",
		"bad-person.md": `:3: cadence: "often" is not a span`,
	}
	for rel, text := range cases {
		writeFile(t, j, rel, text)
	}
	s := read(j, Everything)
	if len(s.Entries) != 0 || len(s.People) != 0 {
		t.Errorf("read %d entries and %d people from broken files", len(s.Entries), len(s.People))
	}
	got := map[string]string{}
	for _, p := range s.Problems {
		got[filepath.Base(p.Path)] = p.Error()
	}
	for name, fragment := range want {
		if !strings.Contains(got[name], name+fragment) {
			t.Errorf("%s: got %q, want it to contain %q", name, got[name], name+fragment)
		}
	}
}

// FuzzRoundTrip: what lead writes from any command-line input, lead
// reads back as given.
func FuzzRoundTrip(f *testing.F) {
	f.Add("Q3 strategy review", "dana-smith", "budget", "Notes.\n---\nmore", "Send the deck due:2026-11-25", "Sam's win")
	f.Add("title: with colon", "x", "#tag", "", "@dana thing", "")
	f.Add("'quoted' \"title\"", "", "a, b", "## Fake heading", "- [ ] nested", "win\nwith newline")
	j := &Journal{Root: f.TempDir(), Config: DefaultConfig()}
	s := &Snapshot{Journal: j, people: map[string]*Person{}}
	f.Fuzz(func(t *testing.T, title, with, tag, notes, todo, win string) {
		for _, v := range []string{title, with, tag, notes, todo, win} {
			if !utf8.ValidString(v) || strings.ContainsRune(v, 0) {
				return
			}
		}
		d := Draft{FrontMatter: FrontMatter{Date: time.Date(2026, 11, 22, 14, 30, 0, 0, time.UTC), Kind: "1on1",
			Title: strings.TrimSpace(title)}, Notes: notes}
		if w := Slugify(with); w != "" {
			d.With = []string{w}
		}
		if tg := strings.TrimSpace(tag); tg != "" && !strings.Contains(tg, ",") {
			d.Tags = []string{tg}
		}
		if strings.TrimSpace(todo) != "" {
			d.Todos = []string{todo}
		}
		if strings.TrimSpace(win) != "" {
			d.Wins = []string{win}
		}
		data, err := s.Compose(d, false)
		if err != nil {
			t.Fatal(err)
		}
		e, err := format.ParseEntry("entries/x.md", "x.md", data, j.Config.Clock())
		if err != nil {
			t.Fatalf("lead cannot read what it wrote: %v\n%s", err, data)
		}
		if e.Title != d.Title || strings.Join(e.With, ",") != strings.Join(d.With, ",") ||
			strings.Join(e.Tags, ",") != strings.Join(d.Tags, ",") || !e.Date.Equal(d.Date) {
			t.Fatalf("read back %q %q %q %v\nfrom\n%s", e.Title, e.With, e.Tags, e.Date, data)
		}
		todos := 0
		for _, it := range e.Items {
			if !it.Agenda && strings.Contains(it.Text, strings.Join(strings.Fields(todo), " ")) {
				todos++
			}
		}
		if d.Todos != nil && todos == 0 {
			t.Fatalf("the commitment %q was not read back from\n%s", todo, data)
		}
	})
}

// read reads j as Journal.Read does with nothing to filter.
func read(j *Journal, entries Entries) *Snapshot {
	s, err := j.Read(ReadOptions{Entries: entries})
	if err != nil {
		panic(err) // no filter, no error
	}
	return s
}

package index

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/lead-journal/lead/journal/format"
	"github.com/lead-journal/lead/journal/store"
	"github.com/lead-journal/lead/journal/when"
)

// testJournal is a journal as the read engine sees it, read the ways
// lead's commands read it.
type testJournal struct{ *Reader }

func newTestJournal(t *testing.T) testJournal {
	t.Helper()
	return testJournal{&Reader{Root: t.TempDir()}}
}

func (j testJournal) Abs(rel string) string { return j.abs(rel) }

// snapshot is what a read gives.
type snapshot struct {
	Entries  []*format.Entry
	Problems []*format.Problem
}

func (j testJournal) read(o Options) *snapshot {
	entries, problems := j.Read(o)
	return &snapshot{entries, problems}
}

func (j testJournal) Load() *snapshot        { return j.read(Options{Detail: Everything}) }
func (j testJournal) LoadOpen() *snapshot    { return j.read(Options{Detail: OpenItems}) }
func (j testJournal) LoadHeaders() *snapshot { return j.read(Options{Detail: Headers}) }

// with reads the front matter of the entries with slug.
func (j testJournal) with(slug string) []*format.Entry {
	return j.read(Options{Keep: func(e *format.Entry) bool { return e.Has(slug) }}).Entries
}

// Items are the items of every entry read.
func (s *snapshot) Items() []*format.Item {
	var out []*format.Item
	for _, e := range s.Entries {
		for i := range e.Items {
			out = append(out, &e.Items[i])
		}
	}
	return out
}

func writeFile(t *testing.T, j testJournal, rel, text string) {
	t.Helper()
	path := j.Abs(rel)
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(text), 0o600); err != nil {
		t.Fatal(err)
	}
}

// cacheJournal makes a journal with two entries and loads it once, so
// that its index exists.
func cacheJournal(t *testing.T) testJournal {
	t.Helper()
	j := newTestJournal(t)
	writeFile(t, j, "entries/2026/11/a.md", "---\ndate: 2026-11-20T10:00:00-05:00\ntitle: Alpha\n---\n- [ ] first\n")
	writeFile(t, j, "entries/2026/11/b.md", "---\ndate: 2026-11-21T10:00:00-05:00\ntitle: Bravo\n---\n- [ ] second\n")
	j.Load()
	if _, err := os.Stat(j.Abs(File)); err != nil {
		t.Fatalf("no index after a load: %v", err)
	}
	return j
}

func titles(s *snapshot) string {
	var out []string
	for _, e := range s.Entries {
		out = append(out, e.Title)
	}
	return strings.Join(out, ",")
}

// TestCacheSeesEveryChange: new, deleted and edited files, even an edit
// in the same second to the same size with the old mtime put back, are
// seen by the very next load, full or not.
func TestCacheSeesEveryChange(t *testing.T) {
	for _, full := range []bool{true, false} {
		j := cacheJournal(t)
		load := j.LoadHeaders
		if full {
			load = j.Load
		}
		path := j.Abs("entries/2026/11/a.md")
		info, _ := os.Stat(path)
		if err := os.WriteFile(path, []byte("---\ndate: 2026-11-20T10:00:00-05:00\ntitle: Omega\n---\n- [x] first\n"), 0o600); err != nil {
			t.Fatal(err)
		}
		if err := os.Chtimes(path, info.ModTime(), info.ModTime()); err != nil {
			t.Fatal(err)
		}
		if got := titles(load()); got != "Bravo,Omega" {
			t.Errorf("full=%v after a same-size edit: %s", full, got)
		}
		writeFile(t, j, "entries/2026/11/c.md", "---\ndate: 2026-11-22T10:00:00-05:00\ntitle: Charlie\n---\n")
		if got := titles(load()); got != "Charlie,Bravo,Omega" {
			t.Errorf("full=%v after a new file: %s", full, got)
		}
		os.Remove(j.Abs("entries/2026/11/b.md"))
		if got := titles(load()); got != "Charlie,Omega" {
			t.Errorf("full=%v after a deletion: %s", full, got)
		}
		// A file replaced by another with the same size and times: a new inode.
		tmp := j.Abs("entries/2026/11/.new")
		os.WriteFile(tmp, []byte("---\ndate: 2026-11-22T10:00:00-05:00\ntitle: Charly\n---\n"), 0o600)
		c, _ := os.Stat(j.Abs("entries/2026/11/c.md"))
		os.Chtimes(tmp, c.ModTime(), c.ModTime())
		os.Rename(tmp, j.Abs("entries/2026/11/c.md"))
		if got := titles(load()); got != "Charly,Omega" {
			t.Errorf("full=%v after a replacement: %s", full, got)
		}
		// Whatever came before, a full load has every item right.
		s := j.Load()
		var items []string
		for _, it := range s.Items() {
			items = append(items, it.Text+map[bool]string{true: "+", false: "-"}[it.Done])
		}
		if strings.Join(items, ",") != "first+" {
			t.Errorf("full=%v: items %v", full, items)
		}
	}
}

// TestCorruptOrForeignCacheIsRebuilt: an index that is damaged, from
// another version, or not an index at all is ignored and written anew.
func TestCorruptOrForeignCacheIsRebuilt(t *testing.T) {
	damage := map[string]func([]byte) []byte{
		"flipped byte": func(b []byte) []byte { b[len(b)/2] ^= 0xff; return b },
		"a title changed": func(b []byte) []byte { // still decodes: only the checksum tells
			return bytes.Replace(b, []byte("Alpha"), []byte("Alpho"), 1)
		},
		"truncated": func(b []byte) []byte { return b[:len(b)/3] },
		"empty":     func([]byte) []byte { return nil },
		"foreign":   func([]byte) []byte { return []byte("SQLite format 3\x00 not ours at all") },
		"other version": func(b []byte) []byte {
			return []byte(strings.Replace(string(b), cacheVersion, "lead-entries-index 0\n", 1))
		},
	}
	for name, f := range damage {
		j := cacheJournal(t)
		data, _ := os.ReadFile(j.Abs(File))
		if err := os.WriteFile(j.Abs(File), f(data), 0o600); err != nil {
			t.Fatal(err)
		}
		s := j.Load()
		if got := titles(s); got != "Bravo,Alpha" || len(s.Problems) > 0 || len(s.Items()) != 2 {
			t.Errorf("%s: %s %v", name, got, s.Problems)
		}
		if rebuilt, _ := os.ReadFile(j.Abs(File)); j.openIndex() == nil {
			t.Errorf("%s: the index was not rebuilt (%d bytes)", name, len(rebuilt))
		}
	}
}

// TestCacheKeepsEntriesAsParsed: an entry read from the index equals the
// entry read from its file.
func TestCacheKeepsEntriesAsParsed(t *testing.T) {
	j := newTestJournal(t)
	data, err := os.ReadFile("../testdata/golden/entry.md")
	if err != nil {
		t.Fatal(err)
	}
	writeFile(t, j, "entries/2026/11/full.md", strings.Replace(string(data), "---\n## Notes", "mood: tense\nscore: 4\n---\n## Notes", 1))
	fromFile := j.Load().Entries[0]
	fromCache := j.Load().Entries[0]
	a, b := *fromFile, *fromCache
	if a.ID != b.ID || !a.Date.Equal(b.Date) || a.Date.Location().String() != b.Date.Location().String() || a.Title != b.Title ||
		strings.Join(a.With, ",") != strings.Join(b.With, ",") || strings.Join(a.Wins, "|") != strings.Join(b.Wins, "|") ||
		strings.Join(a.Feedback, "|") != strings.Join(b.Feedback, "|") || a.Summary != b.Summary || len(a.Items) != len(b.Items) ||
		a.Meta()["mood"] != b.Meta()["mood"] || b.Meta()["score"] != int64(4) {
		t.Fatalf("from the file:\n%+v\nfrom the index:\n%+v", a, b)
	}
	for i := range a.Items {
		x, y := a.Items[i], b.Items[i]
		if x.ID != y.ID || x.Text != y.Text || x.Line != y.Line || x.Owner != y.Owner || !x.Due.Equal(y.Due) || x.Agenda != y.Agenda || x.Section != y.Section {
			t.Errorf("item %d: %+v vs %+v", i, x, y)
		}
	}
}

// TestReadingManyFilesKeepsEachOnesOwn: a read with no index parses the
// files of a directory one after another in reused memory; each entry
// still has its own paths, its own summary (cut or not) and items that
// name its file, as a file read alone gives them.
func TestReadingManyFilesKeepsEachOnesOwn(t *testing.T) {
	j := newTestJournal(t)
	var rels []string
	for i := range 12 {
		first := strings.Repeat(fmt.Sprintf("ünïcode %d ", i), 3+4*i) // 36 to 200 characters
		rel := fmt.Sprintf("entries/2026/11/e%02d.md", i)
		writeFile(t, j, rel, fmt.Sprintf("---\ndate: 2026-11-%02dT10:00:00Z\nwith: [p%d]\n---\n%s\n- [ ] item %d\n", 1+i, i, first, i))
		rels = append(rels, rel)
	}
	for _, s := range []*snapshot{j.Load(), j.Load()} { // with no index, then through it
		if len(s.Entries) != len(rels) {
			t.Fatalf("%d entries, want %d", len(s.Entries), len(rels))
		}
		for _, e := range s.Entries {
			data, err := os.ReadFile(j.Abs(e.Path))
			if err != nil {
				t.Fatal(err)
			}
			want, err := format.ParseEntry(e.Path, e.Path, data, when.Clock{})
			if err != nil {
				t.Fatal(err)
			}
			if e.ID != want.ID || e.Summary != want.Summary || len(e.Items) != 1 || e.Items[0].Path != e.Path || e.Items[0].ID != want.Items[0].ID {
				t.Errorf("%s: id %q summary %q items %+v, want id %q summary %q items %+v", e.Path, e.ID, e.Summary, e.Items, want.ID, want.Summary, want.Items)
			}
		}
	}
	if e := j.Load().Entries[0]; utf8.RuneCountInString(e.Summary) != 120 || !strings.HasSuffix(e.Summary, "…") {
		t.Errorf("a long first line gives the summary %q, want 120 characters ending in an ellipsis", e.Summary)
	}
}

// TestIndexInAnotherOrder: records come in the order a directory listed
// its files when the index was written; when the directory lists them in
// another order, they are found by name and the index stays as it is.
func TestIndexInAnotherOrder(t *testing.T) {
	j := cacheJournal(t)
	writeFile(t, j, "entries/2026/11/c.md", "---\ndate: 2026-11-22T10:00:00-05:00\ntitle: Charlie\n---\n")
	s := j.Load()
	enc := new(worker).encoder()
	for _, e := range s.Entries { // newest first: not the listing order
		_, key, err := store.ReadFileKey(j.Abs(e.Path))
		if err != nil {
			t.Fatal(err)
		}
		enc.add(e, key)
	}
	if err := j.saveCache([]*block{newBlock("entries/2026/11", enc.block())}); err != nil {
		t.Fatal(err)
	}
	before, _ := os.Stat(j.Abs(File))
	if got := titles(j.Load()); got != "Charlie,Bravo,Alpha" {
		t.Fatalf("read from a reordered index: %s", got)
	}
	if after, _ := os.Stat(j.Abs(File)); !os.SameFile(before, after) {
		t.Error("the index was rewritten, though nothing changed")
	}
}

// TestBlockKeepsItsEntriesNewestFirst: a block keeps the order of its
// records by their entries, newest first, ties broken by id, so that
// reading it in that order needs no sorting.
func TestBlockKeepsItsEntriesNewestFirst(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	base := time.Date(2026, 11, 20, 9, 0, 0, 0, time.UTC)
	enc := new(worker).encoder()
	var want []*format.Entry
	for i := range 300 {
		// Hours apart, or seconds, or milliseconds, and some the same moment.
		date := base.Add(time.Duration(rng.IntN(40))*time.Hour + time.Duration(rng.IntN(2))*time.Second + time.Duration(rng.IntN(2))*time.Millisecond)
		e := &format.Entry{ID: fmt.Sprintf("%03d-%x", rng.IntN(1000), i), Date: date, Kind: "note"}
		e.Path = "entries/2026/11/" + e.ID + ".md"
		enc.add(e, store.FileKey{Ino: uint64(i)})
		want = append(want, e)
	}
	b := newBlock("entries/2026/11", enc.block())
	if err := b.open(); err != nil {
		t.Fatal(err)
	}
	records := make([]int, len(enc.starts))
	for i, start := range enc.starts {
		records[i] = b.start + start
	}
	got, err := b.decode(b.newestFirst(records), &Options{Detail: Headers})
	if err != nil {
		t.Fatal(err)
	}
	format.SortNewestFirst(want)
	if len(got) != len(want) {
		t.Fatalf("%d entries read, want %d", len(got), len(want))
	}
	for i := range got {
		if got[i].Path != want[i].Path || !got[i].Date.Equal(want[i].Date) {
			t.Fatalf("entry %d read is %s of %s, want %s of %s", i, got[i].ID, got[i].Date, want[i].ID, want[i].Date)
		}
	}
}

// TestEntriesOutsideTheirMonth: entries are newest first even when a
// date was edited by hand to fall outside its directory's month.
func TestEntriesOutsideTheirMonth(t *testing.T) {
	j := cacheJournal(t)
	writeFile(t, j, "entries/2026/11/old.md", "---\ndate: 2025-01-01T10:00:00-05:00\ntitle: Old\n---\n")
	writeFile(t, j, "entries/2026/10/new.md", "---\ndate: 2026-12-01T10:00:00-05:00\ntitle: New\n---\n")
	writeFile(t, j, "entries/2026/10/mid.md", "---\ndate: 2026-10-02T10:00:00-04:00\ntitle: Mid\n---\n")
	for range 2 { // as read from the files, then from the index
		if got := titles(j.Load()); got != "New,Bravo,Alpha,Mid,Old" {
			t.Fatalf("order: %s", got)
		}
	}
}

// TestLoadOpenLeavesOutTickedItems: LoadOpen has the open items only,
// Load every item, whether the index is cold or warm.
func TestLoadOpenLeavesOutTickedItems(t *testing.T) {
	j := newTestJournal(t)
	writeFile(t, j, "entries/2026/11/a.md", "---\ndate: 2026-11-20T10:00:00-05:00\n---\n- [x] done\n- [ ] open\n## Next time\n- [X] asked\n")
	texts := func(s *snapshot) string {
		var out []string
		for _, it := range s.Items() {
			out = append(out, it.Text)
		}
		return strings.Join(out, ",")
	}
	for _, state := range []string{"cold", "warm"} {
		if state == "cold" {
			os.Remove(j.Abs(File))
		}
		if got := texts(j.LoadOpen()); got != "open" {
			t.Errorf("%s: LoadOpen has %q", state, got)
		}
		if got := texts(j.Load()); got != "done,open,asked" {
			t.Errorf("%s: Load has %q", state, got)
		}
	}
}

// TestIndexAgreesWithTheFiles: after every step of a seeded run of
// creations, edits (some to the same size with the old times put back),
// deletions, renames and reads of every kind, a load through the index
// gives what parsing every file gives.
func TestIndexAgreesWithTheFiles(t *testing.T) {
	j := newTestJournal(t)
	rng := rand.New(rand.NewPCG(7, 11))
	dirs := []string{"entries/2026/09", "entries/2026/10", "entries/2026/11"}
	var paths []string
	entry := func(n int, done byte) string {
		project := ""
		if n%3 > 0 {
			project = fmt.Sprintf("project: pr%d\n", n%3)
		}
		return fmt.Sprintf("---\ndate: 2026-%02d-%02dT10:00:00-04:00\ntitle: T%03d\nwith: [p%d]\ntags: [t%d, t%d]\n%s---\n- [%c] item %d\n", // t0 twice in some

			9+n%3, 1+n%28, n, n%5, n%4, n%7, project, done, n)
	}
	for step := range 120 {
		switch op := rng.IntN(6); {
		case op <= 1 || len(paths) == 0: // create
			n := rng.IntN(1000)
			p := fmt.Sprintf("%s/e%03d.md", dirs[rng.IntN(len(dirs))], n)
			if !slices.Contains(paths, p) {
				writeFile(t, j, p, entry(n, ' '))
				paths = append(paths, p)
			}
		case op == 2: // tick or untick in place: same size, old times put back
			p := j.Abs(paths[rng.IntN(len(paths))])
			data, err := os.ReadFile(p)
			info, _ := os.Stat(p)
			if err != nil {
				t.Fatal(err)
			}
			i := strings.Index(string(data), "- [") + 3
			data[i] = map[byte]byte{' ': 'x', 'x': ' '}[data[i]]
			os.WriteFile(p, data, 0o600)
			os.Chtimes(p, info.ModTime(), info.ModTime())
		case op == 3: // delete
			i := rng.IntN(len(paths))
			os.Remove(j.Abs(paths[i]))
			paths = slices.Delete(paths, i, i+1)
		case op == 4: // rename into another month
			i := rng.IntN(len(paths))
			to := fmt.Sprintf("%s/r%03d-%d.md", dirs[rng.IntN(len(dirs))], step, i)
			os.MkdirAll(filepath.Dir(j.Abs(to)), 0o700)
			if err := os.Rename(j.Abs(paths[i]), j.Abs(to)); err != nil {
				t.Fatal(err)
			}
			paths[i] = to
		default: // a read that does not decode everything
			j.LoadHeaders()
			j.with("p1")
			j.read(Options{Grep: func(text []byte) bool { return bytes.Contains(text, []byte("item 1")) }})
			j.LoadOpen()
		}
		tally, _ := j.Tally(false)
		cached := stateOf(j.Load())
		os.Remove(j.Abs(File))
		headers := j.LoadHeaders()
		fresh := stateOf(j.Load())
		if cached != fresh {
			t.Fatalf("step %d: through the index:\n%s\nfrom the files:\n%s", step, cached, fresh)
		}
		if want := tallyOf(headers.Entries); fmt.Sprint(tally) != fmt.Sprint(want) {
			t.Fatalf("step %d: the index tallies %v, the entries carry %v", step, tally, want)
		}
	}
}

// stateOf is what a read gives, as text to compare: every entry with its
// items, and every problem.
func stateOf(s *snapshot) string {
	var out []string
	for _, e := range s.Entries {
		line := e.Path + " " + e.Title + " " + e.Date.Format(time.RFC3339) + " " + strings.Join(e.With, "+")
		for _, it := range e.Items {
			line += fmt.Sprintf(" [%v %s %s]", it.Done, it.Text, it.ID)
		}
		out = append(out, line)
	}
	sort.Strings(out)
	for _, p := range s.Problems {
		out = append(out, "problem: "+p.Error())
	}
	return strings.Join(out, "\n")
}

// racyWait is longer than a directory takes to settle (store's margin).
const racyWait = 3100 * time.Millisecond

// TestSettledDirectoriesAreNotListed: once a directory of entries has not
// changed for a while, the index remembers its identity and reads look at
// the files it names without listing the directory; every change made to
// it after that is still seen by the next read, as parsing every file
// sees it. A directory holding anything but entries is always listed.
func TestSettledDirectoriesAreNotListed(t *testing.T) {
	t.Parallel()
	j := newTestJournal(t)
	entry := func(title string) string {
		return "---\ndate: 2026-01-05T10:00:00-05:00\ntitle: " + title + "\n---\n- [ ] do " + title + "\n"
	}
	for _, dir := range []string{"01", "02", "03", "04", "05", "06", "07", "08"} {
		writeFile(t, j, "entries/2026/"+dir+"/a.md", entry("A"+dir))
		writeFile(t, j, "entries/2026/"+dir+"/b.md", entry("B"+dir))
	}
	writeFile(t, j, "entries/2026/08/notes.txt", "not an entry")
	writeFile(t, j, "entries/2026/10/a.md", entry("A10"))
	writeFile(t, j, "entries/2026/10/broken.md", "---\ntitle: [\n---\n") // never in a block
	for i := range partSize + 1 {                                        // a directory read in parts
		writeFile(t, j, fmt.Sprintf("entries/2026/09/e%04d.md", i), entry(fmt.Sprint("E", i)))
	}
	flat := newTestJournal(t) // entries directly in entries/, the walk's first directory
	writeFile(t, flat, "entries/a.md", entry("A"))
	linked := newTestJournal(t) // entries/ a link to the directory that holds them
	target := t.TempDir()
	os.WriteFile(filepath.Join(target, "a.md"), []byte(entry("A")), 0o600)
	os.Symlink(target, linked.Abs("entries"))
	linked.Load()
	j.Load() // the index, written while the directories are new
	flat.Load()
	time.Sleep(racyWait)
	j.Load() // the directories are settled: the index remembers them
	flat.Load()
	linked.Load()
	for _, fj := range []testJournal{flat, linked} {
		if b := fj.openIndex().block("entries"); b == nil || b.dir == (store.FileKey{}) {
			t.Errorf("entries/ holding entries alone is not remembered as settled")
		}
	}
	writeFile(t, flat, "entries/b.md", entry("B"))
	os.WriteFile(filepath.Join(target, "b.md"), []byte(entry("B")), 0o600)
	for _, fj := range []testJournal{flat, linked} {
		if got := titles(fj.Load()); got != "A,B" && got != "B,A" {
			t.Errorf("a file added to a settled entries/: %s", got)
		}
	}
	idx := j.openIndex()
	for key, b := range idx.blocks {
		dir, _, _ := dirOf(key)
		if settled := b.dir != (store.FileKey{}); settled != (dir != "entries/2026/08" && dir != "entries/2026/10") {
			t.Errorf("%q remembers its directory's identity: %v", key, settled)
		}
	}
	path := j.Abs("entries/2026/01/a.md") // edited in place, same size, times put back
	info, _ := os.Stat(path)
	os.WriteFile(path, []byte(entry("Z01")), 0o600)
	os.Chtimes(path, info.ModTime(), info.ModTime())
	writeFile(t, j, "entries/2026/02/c.md", entry("C02"))
	os.Remove(j.Abs("entries/2026/03/b.md"))
	os.Rename(j.Abs("entries/2026/04/b.md"), j.Abs("entries/2026/04/d.md"))
	writeFile(t, j, "entries/2026/05/notes.txt", "not an entry")
	writeFile(t, j, "entries/2026/06/more/e.md", entry("E06"))
	writeFile(t, j, "entries/2026/07/broken.md", "---\ndate: [\n---\n")
	writeFile(t, j, "entries/2026/09/z.md", entry("Z09"))
	for range 2 { // the broken files are reported by every read
		cached := stateOf(j.Load())
		index, _ := os.ReadFile(j.Abs(File))
		os.Remove(j.Abs(File))
		fresh := stateOf(j.Load())
		if cached != fresh {
			t.Fatalf("through the index:\n%s\nfrom the files:\n%s", cached, fresh)
		}
		os.WriteFile(j.Abs(File), index, 0o600)
	}
	for _, want := range []string{"Z01", "C02", "entries/2026/04/d.md", "notes.txt: not a Markdown file", "E06", "07/broken.md", "10/broken.md", "Z09"} {
		if got := stateOf(j.Load()); !strings.Contains(got, want) {
			t.Errorf("%s is not in what a read gives:\n%s", want, got)
		}
	}
	if got := stateOf(j.Load()); strings.Contains(got, "entries/2026/03/b.md") || strings.Contains(got, "entries/2026/04/b.md") {
		t.Errorf("a removed or renamed file is still read:\n%s", got)
	}
}

// tallyOf counts the entries that carry each tag and project.
func tallyOf(entries []*format.Entry) Tally {
	t := Tally{Tags: map[string]int{}, Projects: map[string]int{}}
	for _, e := range entries {
		for _, tag := range slices.Compact(slices.Sorted(slices.Values(e.Tags))) {
			t.Tags[tag]++
		}
		if e.Project != "" {
			t.Projects[e.Project]++
		}
	}
	return t
}

// TestIndexForgetsDeletedFiles: a deleted file's record leaves the index
// at the next read, and so does a directory that is gone.
func TestIndexForgetsDeletedFiles(t *testing.T) {
	j := cacheJournal(t)
	writeFile(t, j, "entries/2026/10/c.md", "---\ndate: 2026-10-02T10:00:00-04:00\ntitle: Charlie\n---\n")
	j.Load()
	os.Remove(j.Abs("entries/2026/11/b.md"))
	os.RemoveAll(j.Abs("entries/2026/10"))
	j.Load()
	idx := j.openIndex()
	if idx == nil || len(idx.blocks) != 1 {
		t.Fatalf("index: %+v", idx)
	}
	b := idx.block("entries/2026/11")
	if b == nil || b.open() != nil || b.entries != 1 {
		t.Errorf("the block of entries/2026/11 holds %d records, want 1", b.entries)
	}
}

// TestLargeDirectoryIsReadInParts: a directory of more than partSize
// entries has its blocks in parts, read from several goroutines, and
// reads as the files do, warm, after an edit, an addition and a removal.
func TestLargeDirectoryIsReadInParts(t *testing.T) {
	j := newTestJournal(t)
	const n = 2*partSize + 100
	entry := func(i int, title string) string {
		return fmt.Sprintf("---\ndate: 2026-11-20T10:%02d:%02d-05:00\ntitle: %s\n---\n- [ ] item %d\n", i/60%60, i%60, title, i)
	}
	for i := range n {
		writeFile(t, j, fmt.Sprintf("entries/e%05d.md", i), entry(i, "Before"))
	}
	titles := func(s *snapshot) string {
		var b strings.Builder
		for _, e := range s.Entries {
			fmt.Fprintf(&b, "%s %s %d\n", e.ID, e.Title, len(e.Items))
		}
		return b.String()
	}
	compare := func(step string) {
		t.Helper()
		warm := j.Load()
		os.Remove(j.Abs(File))
		if got, want := titles(warm), titles(j.Load()); got != want || len(warm.Problems) > 0 {
			t.Fatalf("%s: through the index, %d entries and problems %v; from the files, %d", step, len(warm.Entries), warm.Problems, strings.Count(want, "\n"))
		}
	}
	compare("first read")
	idx := j.openIndex()
	if idx == nil || len(idx.blocks) != 4 {
		t.Fatalf("%d entries in one directory make %d blocks, want 4", n, len(idx.blocks))
	}
	writeFile(t, j, "entries/e00007.md", entry(7, "Edited"))
	writeFile(t, j, "entries/new.md", entry(n, "Added"))
	os.Remove(j.Abs("entries/e00008.md"))
	compare("after an edit, an addition and a removal")
	if s := j.Load(); !strings.Contains(titles(s), "e00007 Edited") || !strings.Contains(titles(s), "new Added") || strings.Contains(titles(s), "e00008 ") {
		t.Errorf("the changes are not all seen")
	}
}

// TestFilteredReadKeepsEachEntrysFields: entries a filter keeps from the
// index have their own unknown front matter keys, however many the
// entries left out around them had.
func TestFilteredReadKeepsEachEntrysFields(t *testing.T) {
	j := newTestJournal(t)
	writeFile(t, j, "people/dana.md", "---\nname: Dana\n---\n")
	for i := range 700 {
		with := ""
		if i%3 == 0 {
			with = "with: [dana]\n"
		}
		extra := strings.Repeat(fmt.Sprintf("x%d: %d\n", i%5, i), 1) + fmt.Sprintf("n: %d\n", i)
		writeFile(t, j, fmt.Sprintf("entries/2026/11/e%03d.md", i), fmt.Sprintf("---\ndate: 2026-11-20T10:%02d:%02d-05:00\n%s%s---\n", i/60, i%60, with, extra))
	}
	for range 2 { // from the files, then from the index
		entries := j.with("dana")
		if len(entries) != 234 {
			t.Fatalf("%d entries with dana", len(entries))
		}
		for _, e := range entries {
			if n := e.Field("n"); len(n) != 1 || "e"+fmt.Sprintf("%03s", n[0]) != e.ID {
				t.Fatalf("%s has n %v", e.ID, n)
			}
		}
	}
}

// Runs of entries, each newest first, are merged into one list newest
// first, whether they lie end to end (months) or overlap (parts of a large
// directory), with ties broken by id, then by path (files of the same
// name in two directories).
func TestMergeNewestFirst(t *testing.T) {
	base := time.Date(2026, 11, 20, 9, 0, 0, 0, time.UTC)
	rng := rand.New(rand.NewPCG(1, 2))
	for trial := range 200 {
		var runs [][]*format.Entry
		var all []*format.Entry
		for r := range 1 + rng.IntN(6) {
			var run []*format.Entry
			for k := range 1 + rng.IntN(5) {
				hours := rng.IntN(10) // overlapping runs
				if trial%2 == 0 {
					hours = r*10 + rng.IntN(10) // runs end to end, but for a shared hour
				}
				id := fmt.Sprintf("e%d-%d", r, k)
				if trial%3 == 0 {
					id = fmt.Sprintf("e%d", k) // in every run
				}
				e := &format.Entry{ID: id, Path: fmt.Sprintf("entries/%d/%s.md", r, id), Date: base.Add(time.Duration(hours) * time.Hour)}
				run = append(run, e)
				all = append(all, e)
			}
			format.SortNewestFirst(run)
			runs = append(runs, run)
		}
		rng.Shuffle(len(runs), func(a, b int) { runs[a], runs[b] = runs[b], runs[a] })
		format.SortNewestFirst(all)
		if got := mergeNewestFirst(runs, format.CompareNewestFirst); !slices.Equal(got, all) {
			t.Fatalf("trial %d: merged %v, want %v", trial, ids(got), ids(all))
		}
	}
}

func ids(entries []*format.Entry) []string {
	var out []string
	for _, e := range entries {
		out = append(out, e.ID)
	}
	return out
}

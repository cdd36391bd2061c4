package index

import (
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/lead-journal/lead/journal/when"
)

// TestIndexedRead: an indexed read gives what the index holds while no
// directory changed, without opening a file (an edit made in place is not
// seen), and reads the files again once a directory changed.
func TestIndexedRead(t *testing.T) {
	root := t.TempDir()
	dir := filepath.Join(root, "entries", "2026", "11")
	if err := os.MkdirAll(dir, 0o700); err != nil {
		t.Fatal(err)
	}
	write := func(name, title string) {
		t.Helper()
		text := "---\ndate: 2026-11-20T10:00:00Z\ntitle: " + title + "\ntags: [" + title + "]\n---\n- [ ] do it\n"
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	write("2026-11-20-1000-one.md", "One")
	r := &Reader{Root: root, DefaultTime: "09:00", Clock: when.Clock{}}
	full, _ := r.Read(Options{Detail: OpenItems})
	past := time.Now().Add(-time.Hour)
	for _, d := range []string{dir, filepath.Dir(dir), filepath.Dir(filepath.Dir(dir))} {
		os.Chtimes(d, past, past)
	}
	indexed, _ := r.Read(Options{Detail: OpenItems, Indexed: true})
	if len(full) != 1 || len(indexed) != 1 || indexed[0].Title != "One" || len(indexed[0].Items) != 1 {
		t.Fatalf("full read %v, indexed read %v", full, indexed)
	}
	write("2026-11-20-1000-one.md", "Changed in place")
	os.Chtimes(dir, past, past)
	if stale, _ := r.Read(Options{Detail: OpenItems, Indexed: true}); len(stale) != 1 || stale[0].Title != "One" {
		t.Errorf("the indexed read checked the file: %v", stale)
	}
	if tally, _ := r.Tally(true); tally.Tags["One"] != 1 || len(tally.Tags) != 1 {
		t.Errorf("the indexed tally checked the file: %v", tally.Tags)
	}
	write("2026-11-21-1000-two.md", "Two") // the directory is newer than the index now
	if tally, _ := r.Tally(true); tally.Tags["Changed in place"] != 1 || tally.Tags["Two"] != 1 || len(tally.Tags) != 2 {
		t.Errorf("after a new file the indexed tally gives %v", tally.Tags)
	}
	if again, _ := r.Read(Options{Detail: OpenItems, Indexed: true}); len(again) != 2 {
		t.Errorf("after a new file the indexed read gives %d entries", len(again))
	}
}

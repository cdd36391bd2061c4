package synth

import (
	"io/fs"
	"os"
	"path/filepath"
	"testing"

	"github.com/lead-journal/lead/journal"
)

func tree(t *testing.T, dir string) map[string]string {
	t.Helper()
	out := map[string]string{}
	filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			data, _ := os.ReadFile(path)
			rel, _ := filepath.Rel(dir, path)
			out[rel] = string(data)
		}
		return nil
	})
	return out
}

// TestSameSeedSameJournal: a seed gives the same journal byte for byte,
// another seed another one, and lead reads every file of it.
func TestSameSeedSameJournal(t *testing.T) {
	a, b, c := t.TempDir()+"/a", t.TempDir()+"/b", t.TempDir()+"/c"
	for dir, seed := range map[string]uint64{a: 3, b: 3, c: 4} {
		if err := Generate(dir, Options{Entries: 500, Seed: seed}); err != nil {
			t.Fatal(err)
		}
	}
	ta, tb, tc := tree(t, a), tree(t, b), tree(t, c)
	if len(ta) < 500 || len(ta) != len(tb) {
		t.Fatalf("%d and %d files", len(ta), len(tb))
	}
	for name, text := range ta {
		if tb[name] != text {
			t.Fatalf("%s differs between two runs with one seed", name)
		}
	}
	same := 0
	for name, text := range ta {
		if tc[name] == text {
			same++
		}
	}
	if same > len(ta)/2 {
		t.Errorf("seeds 3 and 4 share %d of %d files", same, len(ta))
	}
	j, _, err := journal.Open(a)
	if err != nil {
		t.Fatal(err)
	}
	s, err := j.Read(journal.ReadOptions{Entries: journal.Everything})
	if err != nil {
		t.Fatal(err)
	}
	if len(s.Problems) > 0 || len(s.Entries) != 500 || len(s.People) != 60 || len(s.Items()) == 0 {
		t.Errorf("%d entries, %d people, %d items, problems %v", len(s.Entries), len(s.People), len(s.Items()), s.Problems)
	}
}

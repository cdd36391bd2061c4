package journal

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/lead-journal/lead/journal/store"
)

// writeSteps are the points store.FaultHook is called at, in order, across the
// two kinds of write.
var writeSteps = []string{"create", "write", "sync", "link", "rename", "sync-dir"}

// snapshotFiles maps every file under dir to its content.
func snapshotFiles(t *testing.T, dir string) map[string]string {
	t.Helper()
	out := map[string]string{}
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(path)
		rel, _ := filepath.Rel(dir, path)
		out[rel] = string(data)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// TestFailedStepsLeaveNothingHalfWritten fails each step of logging an
// entry and of ticking an item, and checks that the journal holds either
// the old bytes or the new ones, whole, and no temporary file.
func TestFailedStepsLeaveNothingHalfWritten(t *testing.T) {
	for _, step := range writeSteps {
		t.Run(step, func(t *testing.T) {
			j := testJournal(t)
			writeFile(t, j, "entries/2026/11/old.md", "---\ndate: 2026-11-20T10:00:00-05:00\n---\n- [ ] keep my word\n")
			s := read(j, Everything)
			before := snapshotFiles(t, j.Root)
			data, err := s.Compose(fullDraft, false)
			if err != nil {
				t.Fatal(err)
			}
			injected := errors.New("injected failure at " + step)
			store.FaultHook = func(at string) error {
				if at == step {
					return injected
				}
				return nil
			}
			defer func() { store.FaultHook = nil }()

			_, logErr := s.Log(data, "")
			doneErr := j.SetDone(*s.Items()[0], true, fullDraft.Date)
			store.FaultHook = nil

			after := snapshotFiles(t, j.Root)
			for name, text := range after {
				if strings.Contains(name, store.TempPrefix) {
					t.Errorf("temporary file %s left behind", name)
				}
				if old, ok := before[name]; ok {
					// ticked with its day, or ticked alone when the step that records the day failed
					ticked := strings.Replace(old, "- [ ] keep my word", "- [x] keep my word done:"+fullDraft.Date.Format("2006-01-02"), 1)
					if text != old && text != ticked && text != strings.Replace(old, "- [ ]", "- [x]", 1) {
						t.Errorf("%s is neither the old nor the new content:\n%s", name, text)
					}
					continue
				}
				if strings.HasPrefix(name, "entries/") && text != string(data) {
					t.Errorf("new entry %s is not whole:\n%s", name, text)
				}
			}
			// A step that is not taken on this system (rename happens only in a
			// rewrite; link only for named temporary files) may not fail anything.
			if logErr != nil && !errors.Is(logErr, injected) || doneErr != nil && !errors.Is(doneErr, injected) {
				t.Errorf("unexpected errors: %v, %v", logErr, doneErr)
			}
		})
	}
}

// TestConcurrentLogsNeverOverwrite logs 20 entries with the same title
// and minute at once: there must be 20 files, each whole.
func TestConcurrentLogsNeverOverwrite(t *testing.T) {
	j := testJournal(t)
	var wg sync.WaitGroup
	errs := make(chan error, 20)
	for i := 0; i < 20; i++ {
		wg.Add(1)
		go func(i int) { // each as its own run of lead, with its own snapshot
			defer wg.Done()
			s := read(j, Everything)
			d := fullDraft
			d.Notes = fmt.Sprintf("writer %d", i)
			data, err := s.Compose(d, false)
			if err == nil {
				_, err = s.Log(data, "")
			}
			errs <- err
		}(i)
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			t.Error(err)
		}
	}
	entries := read(j, Everything).Entries
	if len(entries) != 20 {
		t.Fatalf("%d entries, want 20", len(entries))
	}
	seen := map[string]bool{}
	for _, e := range entries {
		seen[e.Summary] = true
	}
	if len(seen) != 20 {
		t.Errorf("%d distinct notes, want 20: an entry was overwritten", len(seen))
	}
}

// TestWritesStayInsideTheJournal: a symbolic link to elsewhere is not
// followed by a write.
func TestWritesStayInsideTheJournal(t *testing.T) {
	j := testJournal(t)
	outside := t.TempDir()
	if err := os.Symlink(outside, j.Abs("entries/2026")); err != nil {
		t.Fatal(err)
	}
	s := read(j, Everything)
	data, _ := s.Compose(fullDraft, false)
	if _, err := s.Log(data, ""); err == nil || !strings.Contains(err.Error(), "outside the journal") {
		t.Errorf("log through a link to elsewhere: %v", err)
	}
	if files := snapshotFiles(t, outside); len(files) > 0 {
		t.Errorf("wrote outside the journal: %v", files)
	}
	writeFile(t, j, "elsewhere.md", "---\nname: X\n---\n")
	if err := os.Symlink(filepath.Join(outside, "x.md"), j.Abs("people/x.md")); err != nil {
		t.Fatal(err)
	}
	if _, err := j.AddPerson(Profile{Name: "X"}, ""); err == nil {
		t.Error("added a person through a dangling link")
	}
	if _, err := j.writable("../escape.md"); err == nil {
		t.Error("a path with .. was accepted")
	}
}

// TestRewriteRefusesAConcurrentChange: when another writer changes the
// file while lead ticks an item in it, lead writes nothing and says so,
// and the other writer's change stays.
func TestRewriteRefusesAConcurrentChange(t *testing.T) {
	j := testJournal(t)
	writeFile(t, j, "entries/2026/11/a.md", "---\ndate: 2026-11-20T10:00:00-05:00\n---\n- [ ] keep my word\n")
	s := read(j, Everything)
	other := "---\ndate: 2026-11-20T10:00:00-05:00\n---\n- [ ] keep my word\nAdded by hand meanwhile.\n"
	store.FaultHook = func(step string) error {
		if step == "sync" { // after lead read the file, before it replaces it
			os.WriteFile(j.Abs("entries/2026/11/a.md"), []byte(other), 0o600)
		}
		return nil
	}
	defer func() { store.FaultHook = nil }()
	err := j.SetDone(*s.Items()[0], true, fullDraft.Date)
	if !errors.Is(err, ErrChanged) {
		t.Fatalf("got %v, want ErrChanged", err)
	}
	if data, _ := os.ReadFile(j.Abs("entries/2026/11/a.md")); string(data) != other {
		t.Errorf("the other writer's change was lost:\n%s", data)
	}
}

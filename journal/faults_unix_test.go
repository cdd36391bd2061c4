//go:build unix

package journal

import (
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/lead-journal/lead/journal/store"
)

// TestKilledAtEachStep ends a real process with SIGKILL at each step of
// writing an entry, ticking an item and adding an agenda item (both by a
// rename), then checks the journal.
func TestKilledAtEachStep(t *testing.T) {
	if os.Getenv("LEAD_KILL_HELPER") != "" {
		return // the helper runs in TestKillHelper
	}
	for _, step := range writeSteps {
		t.Run(step, func(t *testing.T) {
			j := testJournal(t)
			writeFile(t, j, "entries/2026/11/old.md", "---\ndate: 2026-11-20T10:00:00-05:00\n---\n- [ ] keep my word\n")
			writeFile(t, j, "people/dana-smith.md", "---\nname: Dana Smith\nrelation: boss\n---\n")
			before := snapshotFiles(t, j.Root)
			cmd := exec.Command(os.Args[0], "-test.run=^TestKillHelper$")
			cmd.Env = append(os.Environ(), "LEAD_KILL_HELPER="+j.Root, "LEAD_KILL_AT="+step)
			out, err := cmd.CombinedOutput()
			var ee *exec.ExitError
			if !errors.As(err, &ee) || ee.Sys().(syscall.WaitStatus).Signal() != syscall.SIGKILL {
				t.Fatalf("the helper was not killed at %s: %v\n%s", step, err, out)
			}
			after := snapshotFiles(t, j.Root)
			for name, text := range after {
				if strings.Contains(name, store.TempPrefix) {
					// Only a rewrite killed between naming its new content and the
					// rename can leave one: whole, skipped by readers, and removed
					// by the next scan once it is stale.
					if step != "rename" || !strings.Contains(text, "- [ ] raise it") && !strings.Contains(text, "- [x] keep my word done:") {
						t.Errorf("killed at %s: temporary file %s left behind:\n%s", step, name, text)
					}
					stale := time.Now().Add(-2 * store.StaleTempAge)
					if err := os.Chtimes(filepath.Join(j.Root, name), stale, stale); err != nil {
						t.Fatal(err)
					}
					read(j, Everything)
					if _, err := os.Stat(filepath.Join(j.Root, name)); err == nil {
						t.Errorf("stale temporary file %s survived a scan", name)
					}
					continue
				}
				if old, ok := before[name]; ok {
					if text != old && text != strings.Replace(old, "- [ ] keep my word", "- [x] keep my word done:"+fullDraft.Date.Format("2006-01-02"), 1) && text != old+"## Agenda\n- [ ] raise it\n" {
						t.Errorf("killed at %s: %s half-written:\n%s", step, name, text)
					}
				} else if strings.HasPrefix(name, "entries/") && !strings.HasSuffix(text, "## Next time\n- [ ] Ask about the budget timeline\n") {
					t.Errorf("killed at %s: new entry %s is not whole:\n%s", step, name, text)
				}
			}
			// Whatever a kill leaves, the journal still reads cleanly.
			if p := read(j, Everything).Problems; len(p) > 0 {
				t.Errorf("killed at %s: the journal no longer reads: %v", step, p)
			}
		})
	}
}

// TestKillHelper is the process TestKilledAtEachStep kills.
func TestKillHelper(t *testing.T) {
	root := os.Getenv("LEAD_KILL_HELPER")
	if root == "" {
		t.Skip("run by TestKilledAtEachStep")
	}
	step := os.Getenv("LEAD_KILL_AT")
	store.FaultHook = func(at string) error {
		if at == step {
			syscall.Kill(os.Getpid(), syscall.SIGKILL)
			time.Sleep(time.Second)
		}
		return nil
	}
	j, _, err := Open(root)
	if err != nil {
		t.Fatal(err)
	}
	s := read(j, Everything)
	data, err := s.Compose(fullDraft, false)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.Log(data, ""); err != nil {
		t.Fatal(err)
	}
	if err := j.SetDone(*s.Items()[0], true, fullDraft.Date); err != nil {
		t.Fatal(err)
	}
	p, err := s.FindPerson("dana")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := j.AddAgenda(p, "raise it", fullDraft.Date); err != nil {
		t.Fatal(err)
	}
}

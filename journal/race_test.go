package journal

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"
)

// stressRounds is how many rounds each race is run (raceRounds under
// the race detector); each round is a fresh file.
const stressRounds = 200

// stressDay is the day the stress tests tick and queue items on.
var stressDay = time.Date(2026, 11, 22, 12, 0, 0, 0, time.Local)

// stressJournal is a journal in memory where the system has a file system
// there (/dev/shm): the races are in lead's locking, not in the disk, and
// thousands of syncs to a disk would take most of a minute.
func stressJournal(t *testing.T) *Journal {
	t.Helper()
	base, err := os.MkdirTemp("/dev/shm", "lead-stress-")
	if err != nil {
		return testJournal(t)
	}
	t.Cleanup(func() { os.RemoveAll(base) })
	j, err := Init(filepath.Join(base, "journal"))
	if err != nil {
		t.Fatal(err)
	}
	return j
}

// TestConcurrentRewritesLoseNothing: eight ticks of the eight items of one
// file at once, and four agenda items added to one person at once, for
// hundreds of rounds: every change that reported success is in the file.
// Before the journal's write lock, 13 of 150 rounds lost a tick.
func TestConcurrentRewritesLoseNothing(t *testing.T) {
	j := stressJournal(t)
	writeFile(t, j, "people/dana-smith.md", "---\nname: Dana Smith\nrelation: boss\n---\n")
	for round := range raceRounds {
		rel := fmt.Sprintf("entries/2026/11/2026-11-20-0900-r%d.md", round)
		var body strings.Builder
		for i := range 8 {
			fmt.Fprintf(&body, "- [ ] item %d\n", i)
		}
		writeFile(t, j, rel, "---\ndate: 2026-11-20T09:00:00-05:00\nwith: [dana-smith]\n---\n## Commitments\n"+body.String())
		s := read(j, Everything)
		var items []*Item
		for _, it := range s.Items() {
			if it.Path == rel {
				items = append(items, it)
			}
		}
		if len(items) != 8 {
			t.Fatalf("round %d: %d items", round, len(items))
		}
		p, err := s.FindPerson("dana")
		if err != nil {
			t.Fatal(err)
		}
		var wg sync.WaitGroup
		errs := make([]error, 12)
		for i, it := range items {
			wg.Go(func() { errs[i] = j.SetDone(*it, true, stressDay) })
		}
		for i := range 4 {
			wg.Go(func() { _, errs[8+i] = j.AddAgenda(p, fmt.Sprintf("raise %d.%d", round, i), stressDay) })
		}
		wg.Wait()
		data, _ := os.ReadFile(j.Abs(rel))
		person, _ := os.ReadFile(j.Abs(p.Path))
		os.Remove(j.Abs(rel)) // each round reads a journal of one entry
		for i, err := range errs[:8] {
			if err != nil {
				t.Fatalf("round %d: done %d: %v", round, i, err)
			}
			if !strings.Contains(string(data), fmt.Sprintf("- [x] item %d done:2026-11-22\n", i)) {
				t.Fatalf("round %d: done %d reported success, and its tick is gone:\n%s", round, i, data)
			}
		}
		for i, err := range errs[8:] {
			if err != nil {
				t.Fatalf("round %d: agenda add %d: %v", round, i, err)
			}
			if !strings.Contains(string(person), fmt.Sprintf("- [ ] raise %d.%d added:2026-11-22\n", round, i)) {
				t.Fatalf("round %d: agenda add %d reported success, and its item is gone:\n%s", round, i, person)
			}
		}
	}
}

// TestRewriteRacingHandEditsLosesNothing: a tick racing a program that
// appends lines to the same file (as a shell's >> does, holding the file
// open), for hundreds of rounds: the appended lines are always there, and
// the tick is whenever it reported success. Before, 4 of 300 rounds lost
// an appended line.
func TestRewriteRacingHandEditsLosesNothing(t *testing.T) {
	j := stressJournal(t)
	ticked := 0
	for round := range raceRounds {
		rel := fmt.Sprintf("entries/2026/11/2026-11-20-0900-h%d.md", round)
		writeFile(t, j, rel, "---\ndate: 2026-11-20T09:00:00-05:00\n---\n- [ ] keep my word\n")
		s := read(j, Everything)
		var it *Item
		for _, x := range s.Items() {
			if x.Path == rel {
				it = x
			}
		}
		var wg sync.WaitGroup
		var doneErr error
		wg.Go(func() { doneErr = j.SetDone(*it, true, stressDay) })
		wg.Go(func() { appendLines(t, j.Abs(rel)) })
		wg.Wait()
		data, _ := os.ReadFile(j.Abs(rel))
		os.Remove(j.Abs(rel))
		if i := missingAppend(data); i >= 0 {
			t.Fatalf("round %d: the appended line %d is gone (done: %v):\n%s", round, i, doneErr, data)
		}
		switch {
		case doneErr == nil && !strings.Contains(string(data), "- [x] keep my word"):
			t.Fatalf("round %d: done reported success, and its tick is gone:\n%s", round, data)
		case doneErr == nil:
			ticked++
		case !errors.Is(doneErr, ErrChanged):
			t.Fatalf("round %d: done: %v", round, doneErr)
		}
	}
	t.Logf("%d of %d ticks made; the others reported the file changed", ticked, raceRounds)
}

// TestAgendaRacingHandEditsLosesNothing: an agenda item, which a rename
// puts in place, racing a program appending lines to the same person's
// file, for hundreds of rounds: the appended lines are always there, and
// the agenda item is whenever it reported success.
func TestAgendaRacingHandEditsLosesNothing(t *testing.T) {
	j := stressJournal(t)
	added := 0
	for round := range raceRounds {
		rel := fmt.Sprintf("people/p%d.md", round)
		writeFile(t, j, rel, "---\nname: P\nrelation: boss\n---\nNotes.\n")
		s := read(j, Everything)
		var p *Person
		for _, x := range s.People {
			if x.Path == rel {
				p = x
			}
		}
		var wg sync.WaitGroup
		var addErr error
		wg.Go(func() { _, addErr = j.AddAgenda(p, "raise it", stressDay) })
		wg.Go(func() { appendLines(t, j.Abs(rel)) })
		wg.Wait()
		data, _ := os.ReadFile(j.Abs(rel))
		os.Remove(j.Abs(rel))
		if i := missingAppend(data); i >= 0 {
			t.Fatalf("round %d: the appended line %d is gone (agenda add: %v):\n%s", round, i, addErr, data)
		}
		switch {
		case addErr == nil && !strings.Contains(string(data), "- [ ] raise it"):
			t.Fatalf("round %d: agenda add reported success, and its item is gone:\n%s", round, data)
		case addErr == nil:
			added++
		case !errors.Is(addErr, ErrChanged):
			t.Fatalf("round %d: agenda add: %v", round, addErr)
		}
	}
	t.Logf("%d of %d agenda items added; the others reported the file changed", added, raceRounds)
}

// appendLines appends three lines to the file at path, one open at a
// time, as a shell's >> does.
func appendLines(t *testing.T, path string) {
	for i := range 3 {
		f, err := os.OpenFile(path, os.O_WRONLY|os.O_APPEND, 0)
		if err != nil {
			t.Error(err)
			return
		}
		fmt.Fprintf(f, "appended %d\n", i)
		f.Close()
	}
}

// missingAppend returns the first line of appendLines that data lacks, or
// -1 when it has them all.
func missingAppend(data []byte) int {
	for i := range 3 {
		if !strings.Contains(string(data), fmt.Sprintf("appended %d\n", i)) {
			return i
		}
	}
	return -1
}

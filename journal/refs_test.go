package journal

import (
	"fmt"
	"slices"
	"testing"
)

// TestEntryRefsResolve: every reference EntryRefs shows finds its own entry,
// and is shorter than the id where a prefix tells the entry apart.
func TestEntryRefsResolve(t *testing.T) {
	ids := []string{
		"2026-11-22-1430-q3-strategy-review", "2026-11-21-0900-q3-planning", "2026-11-20-1000-weekly-sync",
		"2026-11-13-1000-weekly-sync", "2026-11-06-1000-weekly-sync", "2026-11-06-1000-weekly-sync-2",
		"notes", "notes-extra", "2026-10-01-0800-last-call", "2026-10-01-0800-lasting",
	}
	s := &Snapshot{}
	for _, id := range ids {
		s.Entries = append(s.Entries, &Entry{ID: id})
	}
	refs := shortRefs(ids, ids, false)
	want := map[string]string{
		"2026-11-22-1430-q3-strategy-review": "q3-strategy",
		"2026-11-21-0900-q3-planning":        "q3-planning",
		"2026-11-20-1000-weekly-sync":        "2026-11-20",
		"notes":                              "notes",
		"2026-10-01-0800-last-call":          "last-call",
	}
	for i, e := range s.Entries {
		got, err := s.FindEntry(refs[i])
		if err != nil || got != e {
			t.Errorf("%s is shown as %q, which finds %v (%v)", e.ID, refs[i], got, err)
		}
		if w, ok := want[e.ID]; ok && refs[i] != w {
			t.Errorf("%s is shown as %q, want %q", e.ID, refs[i], w)
		}
	}
}

// TestStampRefsResolve: every reference StampRefs shows finds its own
// entry and holds the whole date stamp of an id that has one.
func TestStampRefsResolve(t *testing.T) {
	ids := []string{
		"2026-11-22-1430-q3-strategy-review", "2026-11-22-1700-pricing-model", "2026-11-22-1700-budget-numbers",
		"2026-11-06-1000-weekly-sync", "2026-11-06-1000-weekly-sync-2", "2026-11-07-0900", "notes", "notes-extra",
	}
	s := &Snapshot{}
	for _, id := range ids {
		s.Entries = append(s.Entries, &Entry{ID: id})
	}
	want := []string{"2026-11-22-1430", "2026-11-22-1700-pricing", "2026-11-22-1700-budget",
		"2026-11-06-1000-weekly-sync", "2026-11-06-1000-weekly-sync-2", "2026-11-07-0900", "notes", "notes-extra"}
	refs := shortRefs(ids, ids, true)
	for i, e := range s.Entries {
		got, err := s.FindEntry(refs[i])
		if err != nil || got != e {
			t.Errorf("%s is shown as %q, which finds %v (%v)", e.ID, refs[i], got, err)
		}
		if refs[i] != want[i] {
			t.Errorf("%s is shown as %q, want %q", e.ID, refs[i], want[i])
		}
	}
}

func TestItemRefsResolve(t *testing.T) {
	e := &Entry{ID: "e"}
	for i := range 500 {
		e.Items = append(e.Items, Item{ID: fmt.Sprintf("%012x", i*i*7919)})
	}
	s := &Snapshot{Entries: []*Entry{e}}
	items := s.Items()
	refs := s.ItemRefs(items)
	if few := s.ItemRefs(items[:10]); !slices.Equal(few, refs[:10]) {
		t.Errorf("a few items are shown as %v, all as %v", few, refs[:10])
	}
	for i, it := range items {
		got, err := s.FindItem(refs[i])
		if err != nil || got.ID != it.ID || len(refs[i]) < ShortIDLength {
			t.Errorf("%s is shown as %q, which finds %v (%v)", it.ID, refs[i], got, err)
		}
		if one := s.ItemRef(it); one != refs[i] {
			t.Errorf("%s alone is shown as %q, among all as %q", it.ID, one, refs[i])
		}
		if shorter := refs[i][:len(refs[i])-1]; len(shorter) >= ShortIDLength {
			if _, err := s.FindItem(shorter); err == nil {
				t.Errorf("%s is shown as %q, though %q finds it", it.ID, refs[i], shorter)
			}
		}
	}
}

// TestTitlePart: only a real date stamp is taken off an id; a hand-made
// name with dashes in the same places keeps its words.
func TestTitlePart(t *testing.T) {
	for id, want := range map[string]string{
		"2026-11-20-1430-q3-review": "q3-review",
		"2026-11-20-1430":           "2026-11-20-1430",
		"team-of-ab-sync-notes":     "team-of-ab-sync-notes",
		"2026-13-20-1430-q3":        "2026-13-20-1430-q3",
	} {
		if got := titlePart(id); got != want {
			t.Errorf("titlePart(%q) = %q, want %q", id, got, want)
		}
		if got := hasStamp(id); got != (id[:4] == "2026" && id[5:7] != "13") {
			t.Errorf("hasStamp(%q) = %v", id, got)
		}
	}
}

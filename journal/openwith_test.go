package journal_test

import (
	"slices"
	"testing"

	"github.com/lead-journal/lead/journal"
	"github.com/lead-journal/lead/journal/synth"
)

// TestOpenWithBothWays: a person's open commitments are the open items,
// not agenda, that are mine in an entry with them or owed by them; each
// once, however often the entry names them, due first.
func TestOpenWithBothWays(t *testing.T) {
	_, j := generated(t, synth.Options{Entries: 1500, People: 12, Seed: 5})
	s := read(j, journal.Everything)
	total := 0
	for _, p := range s.People {
		var want []*journal.Item
		for _, it := range s.Items() {
			if !it.Agenda && !it.Done && (it.Owner == p.Slug || it.Mine() && slices.Contains(it.With, p.Slug)) {
				want = append(want, it)
			}
		}
		got := s.OpenWith(p.Slug)
		total += len(got)
		if len(got) != len(want) {
			t.Errorf("%s: %d open commitments, want %d", p.Slug, len(got), len(want))
			continue
		}
		for _, it := range want {
			if !slices.Contains(got, it) {
				t.Errorf("%s: %q is left out", p.Slug, it.Text)
			}
		}
		for i := 1; i < len(got); i++ {
			if a, b := got[i-1].Due, got[i].Due; !b.IsZero() && (a.IsZero() || a.After(b)) {
				t.Errorf("%s: due %v before due %v", p.Slug, a, b)
				break
			}
		}
	}
	if total == 0 {
		t.Fatal("no open commitments in the journal")
	}
}

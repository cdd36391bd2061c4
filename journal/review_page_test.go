package journal_test

import (
	"slices"
	"testing"
	"time"

	"github.com/lead-journal/lead/journal"
	"github.com/lead-journal/lead/journal/synth"
)

// TestReviewPageIsTheWholeReviewCut: a review made to be read, which
// keeps ReviewListLimit items of each list, shows what the whole review
// shows, in weeks across a generated journal and its future: the same
// Markdown, each list the start of the whole one, the same counts; and
// each agenda is the person's, as lead prep lists it, up to then.
func TestReviewPageIsTheWholeReviewCut(t *testing.T) {
	dir := t.TempDir()
	if err := synth.Generate(dir, synth.Options{Entries: 3000, Years: 3, Seed: 5}); err != nil {
		t.Fatal(err)
	}
	j, _, err := journal.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	s := j.LoadOpen()
	newest := s.Entries[0].Date
	for _, at := range []time.Time{newest.AddDate(-2, 0, 0), newest.AddDate(0, -6, 3), newest, newest.AddDate(0, 1, 0)} {
		page, whole := s.ReviewWeek(at, at, journal.ReviewListLimit), s.ReviewWeek(at, at, 0)
		if page.Markdown(journal.ChartText) != whole.Markdown(journal.ChartText) {
			t.Errorf("week of %s: the page and the whole review read differently", at.Format(time.DateOnly))
		}
		cut := func(items []*journal.Item) []*journal.Item { return items[:min(len(items), journal.ReviewListLimit)] }
		if !slices.Equal(page.MyOpen, cut(whole.MyOpen)) || page.MyOpenCount != len(whole.MyOpen) ||
			!slices.Equal(page.Waiting, cut(whole.Waiting)) || page.WaitingCount != len(whole.Waiting) ||
			!slices.Equal(page.DueSoon, whole.DueSoon) || len(page.Coming) != len(whole.Coming) {
			t.Fatalf("week of %s: my open %d of %d, waiting %d of %d, due soon %d, coming %d; whole: %d, %d, %d, %d",
				at.Format(time.DateOnly), len(page.MyOpen), page.MyOpenCount, len(page.Waiting), page.WaitingCount,
				len(page.DueSoon), len(page.Coming), len(whole.MyOpen), len(whole.Waiting), len(whole.DueSoon), len(whole.Coming))
		}
		cutAgendas := 0
		for i, c := range page.Coming {
			w := whole.Coming[i]
			if c.Contact.Person != w.Contact.Person || !slices.Equal(c.Agenda, cut(w.Agenda)) || c.AgendaCount != len(w.Agenda) {
				t.Errorf("week of %s, %s: agenda %d of %d, whole %d", at.Format(time.DateOnly), c.Contact.Person.Slug, len(c.Agenda), c.AgendaCount, len(w.Agenda))
			}
			queued := slices.DeleteFunc(s.Agenda(w.Contact.Person.Slug), func(it *journal.Item) bool { return it.Date.After(whole.At) })
			if !slices.Equal(w.Agenda, queued) && len(queued) > 0 {
				t.Errorf("week of %s, %s: the review's agenda is not what lead prep lists, oldest first, up to then", at.Format(time.DateOnly), w.Contact.Person.Slug)
			}
			if len(w.Agenda) > journal.ReviewListLimit {
				cutAgendas++
			}
		}
		if at.Equal(newest) && (whole.MyOpenCount <= journal.ReviewListLimit || cutAgendas == 0) {
			t.Errorf("week of %s: %d open commitments and %d agendas longer than a page: nothing was cut", at.Format(time.DateOnly), whole.MyOpenCount, cutAgendas)
		}
	}
}

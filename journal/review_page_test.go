package journal_test

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/lead-journal/lead/journal"
	"github.com/lead-journal/lead/journal/synth"
	"github.com/lead-journal/lead/journal/when"
)

// generated opens a journal generated in a temporary directory.
func generated(t *testing.T, o synth.Options) (string, *journal.Journal) {
	t.Helper()
	dir := t.TempDir()
	if err := synth.Generate(dir, o); err != nil {
		t.Fatal(err)
	}
	j, _, err := journal.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	return dir, j
}

// TestReviewPageIsTheWholeReviewCut: a review made to be read, which
// keeps ReviewListLimit items of each list, shows what the whole review
// shows, in weeks across a generated journal and its future: the same
// Markdown, each list the start of the whole one, the same counts; and
// each agenda is the person's, as lead prep lists it, up to then.
func TestReviewPageIsTheWholeReviewCut(t *testing.T) {
	_, j := generated(t, synth.Options{Entries: 3000, Years: 3, Seed: 5})
	s := read(j, journal.OpenItems)
	newest := s.Entries[0].Date
	for _, at := range []time.Time{newest.AddDate(-2, 0, 0), newest.AddDate(0, -6, 3), newest, newest.AddDate(0, 1, 0)} {
		page, whole := s.ReviewWeek(at, at, journal.ReviewListLimit), s.ReviewWeek(at, at, 0)
		if page.Markdown("") != whole.Markdown("") {
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

// TestReviewReadIsTheWholeJournalsReview: a review made from the read
// lead review makes, which leaves out ticked items, is the review of the
// whole journal, in weeks and longer windows across a generated journal
// and its future, both as a page and whole: the same Markdown, the same
// items in the same order, the same counts and last contacts. Entries and
// items with the same dates, in different directories, break ties the
// same way in every window.
func TestReviewReadIsTheWholeJournalsReview(t *testing.T) {
	dir, j := generated(t, synth.Options{Entries: 4000, Years: 2, Seed: 9})
	boss := read(j, journal.NoEntries).Bosses()[0].Slug
	newest := read(j, journal.Headers).Entries[0].Date
	// Entries on the same minute in three directories, two of the same
	// name, long before the windows: the newest with a person met nowhere
	// else and on a project with the boss, holding open items with the
	// same dates; and the project in the last week.
	write := func(rel, text string) {
		if err := os.MkdirAll(filepath.Dir(filepath.Join(dir, rel)), 0o700); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, rel), []byte(text), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	write("people/tie.md", "---\nname: Tie Breaker\nrelation: peer\n---\n")
	tied := newest.AddDate(-1, 0, 0).Format(time.RFC3339)
	for i, name := range []string{"b", "a", "c", "d", "b"} {
		write(fmt.Sprintf("entries/ties%d/%s.md", i%3, name), "---\ndate: "+tied+"\nwith: [tie, "+boss+"]\nproject: ties\n---\n"+
			"- [ ] mine "+name+"\n- [ ] @tie theirs "+name+"\n\n## Next time\n\n- [ ] raise "+name+"\n")
	}
	write("entries/ties0/now.md", "---\ndate: "+newest.Format(time.RFC3339)+"\nproject: ties\n---\n")
	// More of my commitments due on one day, long ago, than a page shows,
	// in two entries of the same minute, and more to raise with a person;
	// and, in a month of many, one due in the week after the last week
	// reviewed.
	var agenda strings.Builder
	for _, name := range []string{"early-a", "early-b"} {
		var items strings.Builder
		for i := range journal.ReviewListLimit/2 + 3 {
			fmt.Fprintf(&items, "- [ ] %s %d due:2000-01-01\n", name, i)
			fmt.Fprintf(&agenda, "- [ ] raise %s %d\n", name, i)
		}
		write("entries/ties2/"+name+".md", "---\ndate: "+tied+"\n---\n"+items.String())
	}
	write("entries/ties2/agenda.md", "---\ndate: "+tied+"\nwith: [tie]\n---\n## Next time\n\n"+agenda.String())
	soon := when.WeekStart(newest).AddDate(0, 0, 9).Format(time.DateOnly)
	write("entries/"+tied[:4]+"/"+tied[5:7]+"/soon.md", "---\ndate: "+tied+"\n---\n- [ ] renew the contract due:"+soon+"\n")

	open, whole := read(j, journal.OpenItems), read(j, journal.Everything)
	for _, at := range []time.Time{newest.AddDate(-3, 0, 0), newest.AddDate(-2, 0, 0), newest.AddDate(-1, 0, 1),
		newest.AddDate(0, -6, 3), newest.AddDate(0, 0, -2), newest, newest.AddDate(0, 1, 0)} {
		now := at.Add(36 * time.Hour)
		start := when.WeekStart(at)
		windows := [][2]time.Time{{start, start.AddDate(0, 0, 7)}, {at.AddDate(0, -1, 0), at}, {at.AddDate(-1, 0, 0), at.AddDate(0, 0, 3)}}
		for _, w := range windows {
			for _, shown := range []int{journal.ReviewListLimit, 0} {
				got, want := reviewText(open.Review(w[0], w[1], now, shown)), reviewText(whole.Review(w[0], w[1], now, shown))
				if got != want {
					t.Fatalf("%s to %s, shown %d: the review of the open items differs from the whole journal's:\n%s",
						w[0].Format(time.DateOnly), w[1].Format(time.DateOnly), shown, firstDifference(got, want))
				}
			}
		}
	}
}

// reviewText is a review as its Markdown, and every list of it by item,
// contact and project.
func reviewText(r *journal.Review) string {
	var b strings.Builder
	b.WriteString(r.Markdown(""))
	items := func(name string, list []*journal.Item, count int) {
		fmt.Fprintf(&b, "%s (%d):", name, count)
		for _, it := range list {
			fmt.Fprintf(&b, " %s:%d", it.Path, it.Line)
		}
		b.WriteByte('\n')
	}
	contact := func(c journal.Contact) {
		last := "never"
		if c.Last != nil {
			last = c.Last.Path
		}
		fmt.Fprintf(&b, "%s: last %s, due %s, overdue %v\n", c.Person.Slug, last, c.Due, c.Overdue)
	}
	items("mine", r.MyOpen, r.MyOpenCount)
	items("waiting", r.Waiting, r.WaitingCount)
	items("due soon", r.DueSoon, len(r.DueSoon))
	for _, c := range r.Overdue {
		contact(c)
	}
	for _, c := range r.Coming {
		contact(c.Contact)
		items("agenda", c.Agenda, c.AgendaCount)
	}
	fmt.Fprintf(&b, "%d entries, %v, %+v\n", r.Entries, r.Directions, r.Projects)
	return b.String()
}

// firstDifference shows the first line where got and want differ.
func firstDifference(got, want string) string {
	g, w := strings.Split(got, "\n"), strings.Split(want, "\n")
	for i := range min(len(g), len(w)) {
		if g[i] != w[i] {
			return fmt.Sprintf("line %d:\n got: %.300s\nwant: %.300s", i+1, g[i], w[i])
		}
	}
	return fmt.Sprintf("got %d lines, want %d", len(g), len(w))
}

// read reads j as Journal.Read does with nothing to filter.
func read(j *journal.Journal, entries journal.Entries) *journal.Snapshot {
	s, err := j.Read(journal.ReadOptions{Entries: entries})
	if err != nil {
		panic(err) // no filter, no error
	}
	return s
}

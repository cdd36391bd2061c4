package journal

import (
	"fmt"
	"maps"
	"slices"
	"sort"
	"strings"
	"time"
)

// Brag writes a brag document for [since, until): a Markdown record of
// wins with the people credited, feedback received, projects and their
// entries, practices shown and relationships kept, ready to hand to a boss
// before a performance conversation.
func (s *Snapshot) Brag(since, until time.Time) string {
	var entries []*Entry
	s.eachInWindow(since, until, func(e *Entry) { entries = append(entries, e) })
	var b strings.Builder
	w := func(format string, args ...any) { fmt.Fprintf(&b, format, args...) }
	last := until.Add(-time.Nanosecond)
	w("# What I did, %s to %s\n\n", since.Format("2 January 2006"), last.Format("2 January 2006"))

	people := map[string]bool{}
	byDir := map[string]int{}
	for _, e := range entries {
		for _, p := range e.With {
			people[p] = true
		}
		for _, d := range s.Directions(e) {
			byDir[d]++
		}
	}
	wins := s.Wins(since, until)
	feedback := len(s.FeedbackIn(since, until))
	w("%d recorded %s with %d %s; %d %s; %d %s of feedback.\n\n",
		len(entries), Plural(len(entries), "interaction", "interactions"), len(people), Plural(len(people), "person", "people"),
		len(wins), Plural(len(wins), "win", "wins"), feedback, Plural(feedback, "piece", "pieces"))

	w("## Wins\n\n")
	if len(wins) == 0 {
		w("None recorded in this period.\n")
	}
	for _, win := range wins {
		line := "- " + WithoutCredit(win.Text)
		var notes []string
		if len(win.Credited) > 0 {
			notes = append(notes, "with "+s.Names(win.Credited))
		}
		if win.Entry.Project != "" {
			notes = append(notes, win.Entry.Project)
		}
		notes = append(notes, win.Entry.Date.Format("2 Jan 2006"))
		w("%s (%s)\n", line, strings.Join(notes, "; "))
	}

	w("\n## Feedback received\n\n")
	byFrom := map[string][]Feedback{}
	var froms []string
	for _, f := range s.FeedbackIn(since, until) {
		if byFrom[f.From] == nil {
			froms = append(froms, f.From)
		}
		byFrom[f.From] = append(byFrom[f.From], f)
	}
	sort.Strings(froms)
	if len(froms) == 0 {
		w("None recorded in this period.\n")
	}
	for _, from := range froms {
		name := "Unattributed"
		if from != "" {
			name = s.Names([]string{from})
		}
		w("**%s**\n\n", name)
		for _, f := range byFrom[from] {
			w("- %s (%s)\n", s.FeedbackSaid(f), f.Entry.Date.Format("2 Jan 2006"))
		}
		w("\n")
	}

	w("## Projects\n\n")
	projects := map[string][]*Entry{}
	var names []string
	for _, e := range entries {
		if e.Project == "" {
			continue
		}
		if projects[e.Project] == nil {
			names = append(names, e.Project)
		}
		projects[e.Project] = append(projects[e.Project], e)
	}
	sort.Strings(names)
	if len(names) == 0 {
		w("No entries name a project in this period.\n\n")
	}
	for _, name := range names {
		list := projects[name]
		involved := map[string]bool{}
		for _, e := range list {
			for _, p := range e.With {
				involved[p] = true
			}
		}
		w("### %s\n\n%d %s, %s to %s, with %s.\n\n", name, len(list), Plural(len(list), "interaction", "interactions"),
			list[0].Date.Format("2 Jan"), list[len(list)-1].Date.Format("2 Jan 2006"), s.Names(slices.Sorted(maps.Keys(involved))))
		for _, e := range list {
			w("- %s: %s\n", e.Date.Format("2 Jan"), e.Label())
		}
		w("\n")
	}

	w("## Practices\n\n")
	counts := map[string]int{}
	for _, e := range entries {
		for _, p := range e.Practices {
			counts[p]++
		}
	}
	if len(counts) == 0 {
		w("None recorded in this period.\n")
	}
	for _, p := range s.Journal.Config.Practices {
		if counts[p.Name] > 0 {
			w("- %s: %d (%s)\n", p.Name, counts[p.Name], strings.TrimSuffix(p.Description, "."))
		}
	}

	w("\n## Relationships\n\n")
	for _, d := range Directions {
		w("- %s: %d %s\n", d, byDir[d], Plural(byDir[d], "interaction", "interactions"))
	}
	return b.String()
}

// Names shows people by name, for prose: "Dana Smith, Lee Wong". A slug
// with no person file is shown as it is.
func (s *Snapshot) Names(slugs []string) string {
	out := make([]string, len(slugs))
	for i, slug := range slugs {
		out[i] = slug
		if p := s.Person(slug); p != nil {
			out[i] = p.Name
		}
	}
	return strings.Join(out, ", ")
}

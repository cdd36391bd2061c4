package cli

import (
	"bufio"
	"fmt"

	"github.com/lead-journal/lead/journal"
	"github.com/lead-journal/lead/journal/calendar"
)

// icsUIDDomain ends the UID of every exported commitment.
const icsUIDDomain = "@lead"

// exportICS writes the open commitments with a due date, of the entries
// that pass the filters, as an iCalendar file.
func (a *app) exportICS(f *filterFlags) error {
	if f.grep != "" {
		return usagef("--grep does not apply to --format ics")
	}
	s, err := a.loadOpen()
	if err != nil {
		return err
	}
	now := a.env.Now()
	filter, err := f.build(s, now)
	if err != nil {
		return err
	}
	entries := map[string]*journal.Entry{}
	for _, e := range s.Query(filter) {
		entries[e.Path] = e
	}
	var deadlines []calendar.Deadline
	for _, it := range s.Commitments(journal.TodoFilter{}, now) {
		e := entries[it.Path]
		if e == nil || it.Due.IsZero() {
			continue
		}
		d := calendar.Deadline{UID: it.ID + icsUIDDomain, Day: it.Due, Categories: []string{"lead"}}
		if it.Mine() { // the event's day says when: Task leaves due: out
			d.Summary = "Due: " + it.Task()
			d.Categories = append(d.Categories, "mine")
		} else {
			d.Summary = s.Names([]string{it.Owner}) + " owes: " + it.Task()
			d.Categories = append(d.Categories, "theirs")
		}
		d.Description = e.Date.Format("2006-01-02") + ", " + e.Kind
		if e.Title != "" {
			d.Description += " “" + e.Title + "”"
		}
		if len(e.With) > 0 {
			d.Description += " with " + s.Names(e.With)
		}
		d.Description += "\n" + it.Path + ":" + fmt.Sprint(it.Line) + "\nlead done " + it.ShortID()
		deadlines = append(deadlines, d)
	}
	w := bufio.NewWriter(a.env.Stdout)
	if err := calendar.Write(w, "lead commitments", now, deadlines); err != nil {
		return err
	}
	return w.Flush()
}

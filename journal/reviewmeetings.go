package journal

import "strings"

// SetUnlogged gives the review the window's meetings that were never
// logged, read from the user's calendar; a review without a calendar has
// no such section.
func (r *Review) SetUnlogged(meetings []Meeting) {
	r.Unlogged, r.calendarRead = meetings, true
}

// unloggedSection writes "Meetings not logged" when a calendar was read.
func (r *Review) unloggedSection(w func(string, ...any)) {
	if !r.calendarRead {
		return
	}
	w("\n## Meetings not logged\n\n")
	if len(r.Unlogged) == 0 {
		w("Every meeting with your people is logged.\n")
	}
	for _, m := range r.Unlogged[:min(len(r.Unlogged), ReviewListLimit)] {
		names := make([]string, len(m.People))
		for i, p := range m.People {
			names[i] = p.Name
		}
		w("- %s %s with %s: `lead log --event %s`\n", m.Start.Format("Mon 2006-01-02 15:04"), m.Title, strings.Join(names, ", "), m.ID)
	}
	more(w, "", len(r.Unlogged), "lead inbox")
}

package journal

import (
	"fmt"
	"strings"
)

// reviewHabits fills in the review's sections on the habits of leading
// up, down and across: what to chase among what it shows you waiting on
// (a page of the most urgent, so that the page and the whole agree),
// whom you have not thanked, meetings above the boss without a preview,
// rising close oversight from the boss, and the balance of the last
// quarter against the last year.
func (s *Snapshot) reviewHabits(r *Review) {
	r.FollowUps = s.FollowUps(r.Waiting[:min(len(r.Waiting), ReviewListLimit)], r.At) // of what Waiting on shows
	r.Unthanked = s.unthanked(r.At)
	r.PreviewGaps = s.previewGaps(r.Start, r.End)
	r.Shares = s.directionShares(r.At)
	for _, t := range s.oversightTrends(r.At) {
		if t.Rising() {
			r.Oversight = append(r.Oversight, t)
		}
	}
}

// habitsMarkdown writes the review's sections on the habits.
func (r *Review) habitsMarkdown(w func(string, ...any)) {
	w("\n## Balance, last quarter against the last year\n\n")
	year := 0
	for _, d := range r.Shares {
		year += d.Year
	}
	if year == 0 {
		w("No interactions with people of a known relation in the last year.\n")
	} else {
		w("| direction | last quarter | last year |\n|---|---|---|\n")
		for _, d := range r.Shares {
			w("| %s | %d%% (%d) | %d%% (%d) |\n", d.Direction, percent(d.QuarterShare), d.Quarter, percent(d.YearShare), d.Year)
		}
		for _, d := range r.Shares {
			if d.Falling() {
				w("\n- %s\n", d.Advice())
			}
		}
	}
	w("\n## Follow up\n\n")
	if len(r.FollowUps) == 0 {
		w("Nothing owed to you has waited past its time.\n")
	}
	for _, f := range r.FollowUps {
		it := f.Item
		chased := ""
		if f.Nudges > 0 {
			chased = fmt.Sprintf(", chased %s", times(f.Nudges))
		}
		w("- Ask %s about %s (waiting %d %s%s) — then `lead nudge %s`\n", r.s.Names([]string{it.Owner}),
			owedText(it), f.Waiting, Plural(f.Waiting, "day", "days"), chased, it.ShortID())
	}

	w("\n## Thanks\n\n")
	if len(r.Unthanked) == 0 {
		w("Everyone you worked with lately has been thanked.\n")
	}
	for _, u := range r.Unthanked {
		w("- %s%s: met %s in %s, not thanked. Thank them for something specific.\n",
			u.Person.Name, r.relationOf(Contact{Person: u.Person}), times(u.Met), u.Window)
	}

	if len(r.PreviewGaps) > 0 {
		w("\n## Before you share\n\n")
	}
	for _, g := range r.PreviewGaps {
		names := make([]string, len(g.Above))
		for i, p := range g.Above {
			names[i] = p.Name + " (" + p.Relation + ")"
		}
		w("- You met %s on %s without previewing with %s first (%s). Preview with %s before the next one.\n",
			strings.Join(names, " and "), g.Entry.Project, g.Boss.Name, Day(g.Entry.Date), g.Boss.Name)
	}

	if len(r.Oversight) > 0 {
		w("\n## Oversight from the boss\n\n")
	}
	for _, t := range r.Oversight {
		w("- %s\n", t.Advice())
	}
}

// times says how many times: "once", "twice", "3 times".
func times(n int) string {
	switch n {
	case 1:
		return "once"
	case 2:
		return "twice"
	}
	return fmt.Sprintf("%d times", n)
}

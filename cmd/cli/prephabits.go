package cli

import (
	"fmt"
	"io"
	"slices"
	"strings"
	"time"

	"github.com/lead-journal/lead/journal"
	"github.com/lead-journal/lead/journal/when"
)

// prepHabitsJSON is what `lead prep --json` adds for the habits of
// leading up; see docs/format.md.
type prepHabitsJSON struct {
	Advice       string         `json:"advice"`
	Thanked      *thanksJSON    `json:"thanked"`
	PreviewFirst *previewJSON   `json:"preview_first"`
	Trusted      []personJSON   `json:"trusted"`
	Oversight    *oversightJSON `json:"oversight"`
}

type thanksJSON struct {
	For   string `json:"for"`
	Entry string `json:"entry"`
	Date  string `json:"date"`
}

type previewJSON struct {
	Boss     string   `json:"boss"`
	Projects []string `json:"projects"`
	Wins     int      `json:"wins"`
}

func toPrepHabitsJSON(pr *journal.Prep, now time.Time) prepHabitsJSON {
	out := prepHabitsJSON{Advice: pr.Advice, Trusted: []personJSON{}}
	if t := pr.Thanked; t != nil {
		out.Thanked = &thanksJSON{t.For, t.Entry.ID, t.Entry.Date.Format(time.RFC3339)}
	}
	if pf := pr.PreviewFirst; pf != nil {
		out.PreviewFirst = &previewJSON{pf.Boss.Slug, journal.NonNil(pf.Projects), pf.Wins}
	}
	for _, c := range pr.Trusted {
		out.Trusted = append(out.Trusted, toPersonJSON(c, now))
	}
	if t := pr.Oversight; t != nil {
		out.Oversight = toOversightJSON(*t)
	}
	return out
}

// printPrepHabits prints how to meet the person: what their style asks,
// the channel they prefer, a preview with the boss to make first, the
// last thanks; then whom they trust and when you last engaged each.
func (a *app) printPrepHabits(w io.Writer, pr *journal.Prep) {
	now := a.env.Now()
	p := pr.Contact.Person
	fmt.Fprintf(w, "\n%s\n", a.paint("heading", "How to meet "+p.Name))
	if pr.Advice != "" {
		fmt.Fprintf(w, "  - %s (style: %s)\n", pr.Advice, p.Style)
	} else if p.Style != "" {
		fmt.Fprintf(w, "  - Adapt to their style: %s.\n", p.Style)
	}
	if len(p.Prefers) > 0 {
		fmt.Fprintf(w, "  - Use %s.\n", strings.Join(p.Prefers, " or "))
	}
	if pf := pr.PreviewFirst; pf != nil {
		what := pf.Projects
		if pf.Wins > 0 {
			what = append(slices.Clone(what), fmt.Sprintf("the %s below", journal.Plural(pf.Wins, "win", "wins")))
		}
		fmt.Fprintf(w, "  - %s\n", a.paint("soon", fmt.Sprintf("Preview with %s first: %s. No preview of it with them in the last %s.",
			pf.Boss.Name, strings.Join(what, ", "), a.journal.Config.Habits.PreviewWindow())))
	}
	if t := pr.Oversight; t != nil {
		fmt.Fprintf(w, "  - %s\n", a.paint("soon", t.Advice()))
	}
	if t := pr.Thanked; t != nil {
		fmt.Fprintf(w, "  - Last thanked %s (%s): %s\n", ago(when.DaysBetween(t.Entry.Date, now)), journal.Day(t.Entry.Date), t.For)
	} else {
		fmt.Fprintf(w, "  - No thanks recorded: thank them for something specific (lead log -p thanked).\n")
	}
	if len(pr.Trusted) == 0 {
		return
	}
	fmt.Fprintf(w, "\n%s\n", a.paint("heading", "Whom "+p.Name+" trusts"))
	for _, c := range pr.Trusted {
		last := a.paint("soon", "never met: reach out")
		if c.Last != nil {
			last = "last engaged " + ago(c.DaysSince(now))
			if c.Overdue {
				last += a.paint("soon", ": re-engage")
			}
		}
		rel := ""
		if c.Person.Relation != "" {
			rel = " (" + c.Person.Relation + ")"
		}
		fmt.Fprintf(w, "  - %s%s: %s\n", c.Person.Name, rel, last)
	}
}

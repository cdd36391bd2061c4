package cli

import (
	"fmt"
	"strings"
	"time"

	"github.com/lead-journal/lead/journal"
)

// chainJSON is one chain of trust in `lead map --path --json`; see
// docs/format.md.
type chainJSON struct {
	People []linkJSON `json:"people"`
}

type linkJSON struct {
	Slug      string `json:"slug"`
	DaysSince *int   `json:"days_since"`
	Engaged   bool   `json:"engaged"`
	Trusts    *bool  `json:"trusts_next"` // null for the last
}

// printPaths prints the chains of trust to target, or says there are none.
func (a *app) printPaths(target journal.Contact, chains []journal.Chain, now time.Time, asJSON bool) error {
	if asJSON {
		out := struct {
			Target string      `json:"target"`
			Chains []chainJSON `json:"chains"`
		}{target.Person.Slug, []chainJSON{}}
		for _, c := range chains {
			var cj chainJSON
			for i, link := range c {
				lj := linkJSON{Slug: link.Person.Slug, Engaged: link.Last != nil && !link.Overdue}
				if link.Last != nil {
					days := link.DaysSince(now)
					lj.DaysSince = &days
				}
				if i+1 < len(c) {
					trusts := c.Trusts(i)
					lj.Trusts = &trusts
				}
				cj.People = append(cj.People, lj)
			}
			out.Chains = append(out.Chains, cj)
		}
		return writeJSON(a.env.Stdout, out)
	}
	name := target.Person.Name
	if target.Last != nil && !target.Overdue {
		a.infof("you are engaged with %s directly (%s)", name, reachMark(target, now))
	}
	if len(chains) == 0 {
		a.infof("no chain of trust from anyone you are engaged with to %s; record who trusts whom with trusts: in people's files", name)
		return nil
	}
	w := a.env.Stdout
	fmt.Fprintf(w, "To reach %s:\n", name)
	for _, c := range chains {
		var b strings.Builder
		for i, link := range c[:len(c)-1] {
			verb := "trusts"
			if !c.Trusts(i) {
				verb = "is trusted by"
			}
			fmt.Fprintf(&b, "%s (%s) %s ", link.Person.Name, reachMark(link, now), verb)
		}
		b.WriteString(name)
		fmt.Fprintf(w, "  - %s\n", b.String())
	}
	return nil
}

// reachMark says how recently you engaged someone on a chain, and whether
// to re-engage them first.
func reachMark(c journal.Contact, now time.Time) string {
	if c.Last == nil {
		return "never met: engage"
	}
	days := c.DaysSince(now)
	mark := fmt.Sprintf("%d %s", days, journal.Plural(days, "day", "days"))
	if c.Overdue {
		mark += ": re-engage"
	}
	return mark
}

package cli

import (
	"fmt"
	"io"
	"strings"

	"github.com/lead-journal/lead/journal"
	"github.com/spf13/cobra"
)

// personOptions are lead person's argument and flags.
type personOptions struct {
	name  string // a name, slug or unique prefix of one
	json  bool
	limit int // entries in the timeline, 0 for all
}

func (a *app) cmdPerson() *cobra.Command {
	var o personOptions
	cmd := &cobra.Command{
		Use:               "person NAME",
		ValidArgsFunction: a.completeFirstPerson,
		Short:             "Show a person's profile and timeline",
		GroupID:           "daily",
		Args:              argCount(1, 1),
		RunE: func(_ *cobra.Command, args []string) error {
			o.name = args[0]
			return a.runPerson(o)
		},
	}
	cmd.Flags().BoolVar(&o.json, "json", false, "print JSON")
	cmd.Flags().IntVarP(&o.limit, "limit", "n", 20, "entries in the timeline (0 for all)")
	return cmd
}

// runPerson prints a person's profile, feedback and timeline as of the
// clock, as text or JSON.
func (a *app) runPerson(o personOptions) error {
	s, p, err := a.loadPerson(o.name, a.loadOpen) // with feedback
	if err != nil {
		return err
	}
	now := a.env.Now()
	c := s.ContactOf(p, now)
	feedback := s.FeedbackFrom(p.Slug, now)
	timeline := s.Query(journal.Filter{With: []string{p.Slug}, Limit: o.limit})
	if o.json {
		out := struct {
			Person   personJSON          `json:"person"`
			Timeline []entryJSON         `json:"timeline"`
			Feedback []feedbackMonthJSON `json:"feedback"`
		}{toPersonJSON(c, now), make([]entryJSON, len(timeline)), feedbackMonthsJSON(feedback)}
		for i, e := range timeline {
			out.Timeline[i] = toEntryJSON(e, nil)
		}
		return writeJSON(a.env.Stdout, out)
	}
	var b strings.Builder
	a.printPerson(&b, s, c, timeline, feedback)
	return a.printText(b.String())
}

// printPerson lays out a person's profile, notes and timeline.
func (a *app) printPerson(w io.Writer, s *journal.Snapshot, c journal.Contact, timeline []*journal.Entry, feedback []journal.FeedbackMonth) {
	a.profile(w, s, c)
	if notes := strings.TrimSpace(c.Person.Body); notes != "" {
		if a.env.StdoutTTY {
			notes = strings.TrimRight(a.renderNotes(withoutEmptySections(notes), a.width()), "\n")
		}
		if notes != "" {
			fmt.Fprintf(w, "\n%s\n", notes)
		}
	}
	a.printFeedbackMonths(w, feedback)
	fmt.Fprintf(w, "\n%s\n", a.paint("bold", "Timeline"))
	if len(timeline) == 0 {
		fmt.Fprintln(w, "  no entries yet")
		return
	}
	refs := a.entryRefs(s, timeline)
	for _, row := range a.entryRows(timeline, refs) {
		fmt.Fprintln(w, row)
	}
}

// entryRows lays out entries one to a line: the day, the kind and the
// label, then the id if ids are given. Piped, as they always were; on a
// terminal each keeps its columns, the ids lined up, the labels cut with …
// to fit the width as tables are, or with --wide wrapped under their
// column.
func (a *app) entryRows(entries []*journal.Entry, ids []string) []string {
	rows := make([]string, len(entries))
	painted := func(i int) string {
		if ids == nil {
			return ""
		}
		return a.paint("id", ids[i])
	}
	if !a.env.StdoutTTY {
		for i, e := range entries {
			rows[i] = fmt.Sprintf("  %s  %-10s %s", e.Date.Format("2006-01-02"), e.Kind, e.Label())
			if ids != nil {
				rows[i] += "  " + painted(i)
			}
		}
		return rows
	}
	kindWidth, labelWidth, idWidth := 10, 0, 0
	labels := make([]string, len(entries))
	for i, e := range entries {
		labels[i] = visibleText(cellSpace.Replace(e.Label()))
		kindWidth = max(kindWidth, cells(e.Kind))
		labelWidth = max(labelWidth, cells(labels[i]))
		if ids != nil {
			idWidth = max(idWidth, cells(ids[i]))
		}
	}
	width := a.width()
	room := width - (2 + 10 + 2 + kindWidth + 1) // the label's, after the day and kind
	if idWidth > 0 {
		room -= tableGap + idWidth
	}
	switch {
	case a.wide: // a longer label wraps
		labelWidth = min(labelWidth, max(room, 0))
	case room < labelWidth:
		labelWidth = max(room, min(labelWidth, minFreeWidth))
	}
	for i, e := range entries {
		head := "  " + e.Date.Format("2006-01-02") + "  " + pad(visibleText(e.Kind), kindWidth) + " "
		id := painted(i)
		if !a.wide || cells(labels[i]) <= labelWidth {
			row := truncate(labels[i], labelWidth)
			if id != "" {
				row = pad(row, labelWidth) + strings.Repeat(" ", tableGap) + id
			}
			rows[i] = head + row
			continue
		}
		hang := strings.Repeat(" ", cells(head))
		row := strings.TrimSuffix(wrap(head, hang, labels[i], cells(head)+labelWidth), "\n")
		if id != "" { // in the column of ids, on the label's last line if there is room
			cut := strings.LastIndexByte(row, '\n') + 1
			if last := row[cut:]; cells(last) <= cells(head)+labelWidth {
				row = row[:cut] + pad(last, cells(head)+labelWidth) + strings.Repeat(" ", tableGap) + id
			} else {
				row += "\n" + pad(hang, cells(head)+labelWidth+tableGap) + id
			}
		}
		rows[i] = row
	}
	return rows
}

// withoutEmptySections is Markdown without the headings that head nothing
// (a person's "## Agenda" with nothing queued), for reading.
func withoutEmptySections(md string) string {
	lines := strings.Split(md, "\n")
	keep := make([]bool, len(lines))
	fenced := false
	next := len(lines) // the nearest line below that is kept and not blank
	for i := len(lines) - 1; i >= 0; i-- {
		line := lines[i]
		if fenceLine.MatchString(line) {
			fenced = !fenced
		}
		switch m := headingLine.FindStringSubmatch(line); {
		case strings.TrimSpace(line) == "":
			keep[i] = true
			continue
		case m != nil && !fenced:
			keep[i] = next < len(lines) && !isHeadingAtMost(lines[next], len(m[1]))
		default:
			keep[i] = true
		}
		if keep[i] {
			next = i
		}
	}
	var out []string
	for i, l := range lines {
		blank := strings.TrimSpace(l) == ""
		if keep[i] && !(blank && len(out) > 0 && strings.TrimSpace(out[len(out)-1]) == "") {
			out = append(out, l)
		}
	}
	return strings.TrimSpace(strings.Join(out, "\n"))
}

// isHeadingAtMost reports whether line is a heading of level at most level.
func isHeadingAtMost(line string, level int) bool {
	m := headingLine.FindStringSubmatch(line)
	return m != nil && len(m[1]) <= level
}

// profile prints a person's header and profile fields.
func (a *app) profile(w io.Writer, s *journal.Snapshot, c journal.Contact) {
	p := c.Person
	head := p.Name
	if p.Relation != "" {
		head += " — " + p.Relation
		if c.Direction != "" {
			head += " (" + c.Direction + ")"
		}
	}
	if p.Org != "" {
		head += ", " + p.Org
	}
	fmt.Fprintln(w, a.paint("bold", head))
	now := a.env.Now()
	last := "never"
	if c.Last != nil {
		last = fmt.Sprintf("%s (%s, %s)", ago(c.DaysSince(now)), c.Last.Date.Format("2006-01-02"), c.Last.Label())
	}
	rows := [][2]string{
		{"style", p.Style},
		{"prefers", strings.Join(p.Prefers, ", ")},
		{"cadence", c.Cadence.String()},
		{"last contact", last},
		{"status", a.status(c, now)},
		{"trusts", s.Names(p.Trusts)},
		{"stance", p.Stance},
		{"influence", p.Influence},
		{"interest", p.Interest},
		{"email", strings.Join(p.Email, ", ")},
	}
	for _, r := range rows {
		if r[1] != "" {
			fmt.Fprintln(w, a.hanging(fmt.Sprintf("  %-13s ", r[0]+":"), r[1]))
		}
	}
}

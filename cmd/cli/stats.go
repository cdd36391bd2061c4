package cli

import (
	"fmt"
	"io"
	"strings"

	"github.com/lead-journal/lead/journal"
	"github.com/spf13/cobra"
)

// sparkline draws counts as block characters scaled to their maximum.
func sparkline(counts []int) string {
	const blocks = "▁▂▃▄▅▆▇█"
	top := 0
	for _, c := range counts {
		top = max(top, c)
	}
	var b strings.Builder
	for _, c := range counts {
		switch {
		case c == 0:
			b.WriteRune(' ')
		default:
			b.WriteRune([]rune(blocks)[(c*7+top-1)/top])
		}
	}
	return b.String()
}

// statsOptions are lead stats' flags.
type statsOptions struct {
	weeks, people int
	json          bool
}

func (a *app) cmdStats() *cobra.Command {
	var o statsOptions
	cmd := &cobra.Command{
		Use:     "stats",
		Short:   "Interactions over time, as sparklines",
		GroupID: "habits",
		Long: `Interactions per ISO week over the last weeks, by direction and for the
people you meet most, as sparklines (one character per week, oldest on the
left; a blank is a week without any).`,
		Args: cobra.NoArgs,
		RunE: func(*cobra.Command, []string) error { return a.runStats(o) },
	}
	cmd.Flags().IntVar(&o.weeks, "weeks", 12, "how many weeks back")
	cmd.Flags().IntVar(&o.people, "people", 10, "how many people to show")
	cmd.Flags().BoolVar(&o.json, "json", false, "print JSON")
	return cmd
}

// runStats prints the interactions of the last weeks as sparklines.
func (a *app) runStats(o statsOptions) error {
	if o.weeks < 1 || o.weeks > 520 {
		return usagef("--weeks must be between 1 and 520")
	}
	s, err := a.loadHeaders()
	if err != nil {
		return err
	}
	st := s.Stats(o.weeks, a.env.Now())
	if o.json {
		return writeJSON(a.env.Stdout, st)
	}
	var b strings.Builder
	w := &b
	name := a.statsNames(o.weeks)
	fmt.Fprintf(w, "%s  %d %s from %s to %s, %d %s\n\n", a.paint("bold", "Interactions"), o.weeks, journal.Plural(o.weeks, "week", "weeks"), st.Weeks[0], st.Weeks[len(st.Weeks)-1], st.Total, journal.Plural(st.Total, "entry", "entries"))
	for _, d := range st.ByDirection {
		fmt.Fprintf(w, "  %s %s %4d\n", name(d.Name), sparkline(d.Counts), d.Total)
	}
	if len(st.ByPerson) > 0 {
		fmt.Fprintln(w)
	}
	for i, p := range st.ByPerson {
		if i == o.people {
			fmt.Fprintf(w, "  … and %d more\n", len(st.ByPerson)-o.people)
			break
		}
		fmt.Fprintf(w, "  %s %s %4d\n", name(s.Names([]string{p.Name})), sparkline(p.Counts), p.Total)
	}
	text := b.String()
	if a.fits() {
		text = fitLines(text, a.width()) // the last resort, with many weeks
	}
	_, err = io.WriteString(a.env.Stdout, text)
	return err
}

// statsNameWidth is the width, in cells, of the names before the
// sparklines.
const statsNameWidth = 24

// statsNames returns how lead stats shows a name before sparklines of
// weeks: padded to a column, and on a terminal (unless --wide) cut to fit
// it and the terminal's width, so that every sparkline starts in one
// column.
func (a *app) statsNames(weeks int) func(string) string {
	if !a.fits() {
		return func(name string) string { return pad(name, statsNameWidth) }
	}
	width := max(minFreeWidth, min(statsNameWidth, a.width()-len("  ")-1-weeks-len(" 1234")))
	return func(name string) string { return pad(truncate(name, width), width) }
}

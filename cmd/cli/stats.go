package cli

import (
	"fmt"
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

func (a *app) cmdStats() *cobra.Command {
	var weeks, people int
	var asJSON bool
	cmd := &cobra.Command{
		Use:     "stats",
		Short:   "Interactions over time, as sparklines",
		GroupID: "habits",
		Long: `Interactions per ISO week over the last weeks, by direction and for the
people you meet most, as sparklines (one character per week, oldest on the
left; a blank is a week without any).`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if weeks < 1 || weeks > 520 {
				return usagef("--weeks must be between 1 and 520")
			}
			s, err := a.loadHeaders()
			if err != nil {
				return err
			}
			st := s.Stats(weeks, a.env.Now())
			if asJSON {
				return writeJSON(a.env.Stdout, st)
			}
			w := a.env.Stdout
			fmt.Fprintf(w, "%s  %d %s from %s to %s, %d %s\n\n", a.paint("bold", "Interactions"), weeks, journal.Plural(weeks, "week", "weeks"), st.Weeks[0], st.Weeks[len(st.Weeks)-1], st.Total, journal.Plural(st.Total, "entry", "entries"))
			for _, d := range st.ByDirection {
				fmt.Fprintf(w, "  %s %s %4d\n", pad(d.Name, 24), sparkline(d.Counts), d.Total)
			}
			if len(st.ByPerson) > 0 {
				fmt.Fprintln(w)
			}
			for i, p := range st.ByPerson {
				if i == people {
					fmt.Fprintf(w, "  … and %d more\n", len(st.ByPerson)-people)
					break
				}
				fmt.Fprintf(w, "  %s %s %4d\n", pad(s.Names([]string{p.Name}), 24), sparkline(p.Counts), p.Total)
			}
			return nil
		},
	}
	cmd.Flags().IntVar(&weeks, "weeks", 12, "how many weeks back")
	cmd.Flags().IntVar(&people, "people", 10, "how many people to show")
	cmd.Flags().BoolVar(&asJSON, "json", false, "print JSON")
	return cmd
}

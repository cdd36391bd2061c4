package cli

import (
	"fmt"
	"strings"
	"time"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
)

// nextMeeting is lead prep --next: the brief for the next meeting's people.
type nextMeeting struct {
	on  bool
	ics string
}

// nextLookAhead is how far ahead lead prep --next looks for a meeting.
const nextLookAhead = 14 * 24 * time.Hour

func (n *nextMeeting) flags(f *pflag.FlagSet) {
	f.BoolVar(&n.on, "next", false, "brief for the people of your next meeting on the calendar")
	calendarFlag(f, &n.ics)
}

// args wants a person, or none with --next.
func (n *nextMeeting) args(cmd *cobra.Command, args []string) error {
	if n.on {
		return cobra.NoArgs(cmd, args)
	}
	return argCount(1, 1)(cmd, args)
}

// prepNextJSON is lead prep --next --json.
type prepNextJSON struct {
	Meeting meetingJSON `json:"meeting"`
	Prep    []prepJSON  `json:"prep"`
}

// runPrepNext briefs for the first meeting not yet over, not declined,
// not all-day and with people of the journal in it.
func (a *app) runPrepNext(n nextMeeting, asJSON bool) error {
	now := a.env.Now()
	s, err := a.loadOpen()
	if err != nil {
		return err
	}
	meetings, err := a.meetings(s, n.ics, now, now.Add(nextLookAhead))
	if err != nil {
		return err
	}
	for _, m := range meetings {
		if m.Declined || m.AllDay || len(m.People) == 0 || !m.End.After(now) {
			continue
		}
		if asJSON {
			out := prepNextJSON{Meeting: a.toMeetingJSON(s, m, false, now)}
			for _, p := range m.People {
				out.Prep = append(out.Prep, toPrepJSON(s.Prep(p, now), now))
			}
			return writeJSON(a.env.Stdout, out)
		}
		var w strings.Builder
		fmt.Fprintf(&w, "%s  %s  %s\n", m.Start.Format("Mon 2006-01-02 15:04"), a.paint("bold", m.Title), a.paint("dim", m.ID))
		for _, u := range m.Unknown {
			fmt.Fprintf(&w, "  also: %s — not in the journal: %s\n", u.Name, addLine(u))
		}
		for _, p := range m.People {
			fmt.Fprintln(&w)
			a.printPrep(&w, s, s.Prep(p, now))
		}
		return a.printText(w.String())
	}
	a.infof("no meeting with people of the journal in the next %d days", int(nextLookAhead.Hours()/24))
	return nil
}

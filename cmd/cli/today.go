package cli

import (
	"fmt"
	"strings"
	"time"

	"github.com/lead-journal/lead/journal"
	"github.com/lead-journal/lead/journal/when"
	"github.com/spf13/cobra"
)

// todayOptions are lead today's flags.
type todayOptions struct {
	ics, day   string
	week, json bool
}

func (a *app) cmdToday() *cobra.Command {
	var o todayOptions
	cmd := &cobra.Command{
		Use:     "today",
		Short:   "Today's meetings, who is in them and what to raise",
		GroupID: "daily",
		Long: `Today's meetings from your calendar, each with its people, their
direction and days since you last met, and what "lead prep" would put
first for each: overdue commitments both ways and the agenda you queued.
Attendees the journal does not know are shown with the "lead people add"
line that adds them; meetings you declined are marked and not briefed.

The calendar is --ics, else calendar: in the user config: an .ics file or
the private iCal address Google Calendar, Outlook, iCloud or Fastmail give.
An address is fetched with a timeout and kept under .lead/calendar, so the
command works offline. Attendees are matched to people by the email: of
their files, then by name; email: in the user config says which is you.`,
		Example: `  lead today
  lead today --day tomorrow
  lead today --week --ics ~/Downloads/calendar.ics`,
		Args: cobra.NoArgs,
		RunE: func(*cobra.Command, []string) error { return a.runToday(o) },
	}
	f := cmd.Flags()
	calendarFlag(f, &o.ics)
	f.StringVar(&o.day, "day", "", "the day: 2026-11-23, today, yesterday, tomorrow or a weekday (the next one)")
	f.BoolVar(&o.week, "week", false, "the whole week (Monday to Sunday) of the day")
	f.BoolVar(&o.json, "json", false, "print JSON")
	return cmd
}

// runToday prints the meetings of the day or week with their briefs.
func (a *app) runToday(o todayOptions) error {
	now := a.env.Now()
	from, err := parseDay(o.day, now)
	if err != nil {
		return err
	}
	to := from.AddDate(0, 0, 1)
	if o.week {
		from = when.WeekStart(from)
		to = from.AddDate(0, 0, 7)
	}
	s, err := a.loadOpen()
	if err != nil {
		return err
	}
	meetings, err := a.meetings(s, o.ics, from, to)
	if err != nil {
		return err
	}
	if o.json {
		out := make([]meetingJSON, len(meetings))
		for i, m := range meetings {
			out[i] = a.toMeetingJSON(s, m, true, now)
		}
		return writeJSON(a.env.Stdout, out)
	}
	if len(meetings) == 0 {
		if o.week {
			a.infof("no meetings from %s to %s", journal.Day(from), journal.Day(to.AddDate(0, 0, -1)))
		} else {
			a.infof("no meetings on %s", journal.Day(from))
		}
		return nil
	}
	var w strings.Builder
	shown := time.Time{}
	for _, m := range meetings {
		if d := when.Day(m.Start); !d.Equal(shown) {
			if !shown.IsZero() {
				fmt.Fprintln(&w)
			}
			fmt.Fprintln(&w, a.paint("bold", d.Format("Monday 2 January 2006")))
			shown = d
		}
		a.printMeeting(&w, s, m, true, now)
	}
	return a.printText(w.String()) // fitted to a terminal's width
}

// inboxWindow is how far back lead inbox looks by default.
const inboxWindow = "14d"

// inboxOptions are lead inbox's flags.
type inboxOptions struct {
	ics, since string
	json       bool
}

func (a *app) cmdInbox() *cobra.Command {
	var o inboxOptions
	cmd := &cobra.Command{
		Use:     "inbox",
		Short:   "Past meetings with your people that were never logged",
		GroupID: "daily",
		Long: `Meetings of the last two weeks (or since --since) with people in the
journal that have no entry with them within two hours of the meeting, oldest
first, each with the "lead log --event" line that logs it. Meetings you
declined, all-day events and meetings with nobody you know are left out.`,
		Example: `  lead inbox
  lead inbox --since 30d`,
		Args: cobra.NoArgs,
		RunE: func(*cobra.Command, []string) error { return a.runInbox(o) },
	}
	f := cmd.Flags()
	calendarFlag(f, &o.ics)
	f.StringVar(&o.since, "since", inboxWindow, "how far back: a date or a span such as 7d, 2w")
	f.BoolVar(&o.json, "json", false, "print JSON")
	return cmd
}

// runInbox lists the past meetings with people of the journal that no
// entry logs.
func (a *app) runInbox(o inboxOptions) error {
	now := a.env.Now()
	from, err := when.Since(o.since, now)
	if err != nil {
		return usagef("--since: %v", err)
	}
	s, err := a.loadHeaders()
	if err != nil {
		return err
	}
	meetings, err := a.meetings(s, o.ics, from, now)
	if err != nil {
		return err
	}
	unlogged := journal.Unlogged(meetings, now)
	if o.json {
		out := make([]meetingJSON, len(unlogged))
		for i, m := range unlogged {
			out[i] = a.toMeetingJSON(s, m, false, now)
		}
		return writeJSON(a.env.Stdout, out)
	}
	if len(unlogged) == 0 {
		a.infof("every meeting since %s is logged", journal.Day(from))
		return nil
	}
	t := a.newTable("WHEN", "TITLE", "WITH", "LOG IT").freeText("TITLE", "WITH")
	for _, m := range unlogged {
		t.add(m.Start.Format("Mon 2006-01-02 15:04"), m.Title, s.Names(slugsOf(m.People)), logLine(m))
	}
	return t.print()
}

// slugsOf returns the slugs of people.
func slugsOf(people []*journal.Person) []string {
	out := make([]string, len(people))
	for i, p := range people {
		out[i] = p.Slug
	}
	return out
}

// reviewMeetings gives a review the meetings of its window not logged,
// when the user config names a calendar; a calendar that cannot be read
// is a warning, and the review goes on without it.
func (a *app) reviewMeetings(s *journal.Snapshot, r *journal.Review, now time.Time) {
	uc, err := a.userConfig()
	if err != nil || uc.Calendar == "" {
		return
	}
	to := r.End
	if now.Before(to) {
		to = now
	}
	meetings, err := a.meetings(s, "", r.Start, to)
	if err != nil {
		a.warnf("review without meetings: %v", err)
		return
	}
	r.SetUnlogged(journal.Unlogged(meetings, now))
}

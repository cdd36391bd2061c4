package cli

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/lead-journal/lead/journal"
	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
)

// pickEvent is --event without an id: pick one.
const pickEvent = "?"

// Where lead log --event looks for an event by its id.
const (
	eventLookBack  = 60 * 24 * time.Hour
	eventLookAhead = 14 * 24 * time.Hour
)

// completeEvents offers the ids of the calendar's events that lead log
// --event finds, the latest first, each with its time and title: from the
// calendar's file, or the copy of its address lead last fetched (see
// quietJournal).
func (a *app) completeEvents(cmd *cobra.Command, _ []string, prefix string) ([]string, cobra.ShellCompDirective) {
	s := a.quietLoad(journal.NoEntries)
	if s == nil {
		return nil, noFiles
	}
	ics, _ := cmd.Flags().GetString("ics")
	now := a.env.Now()
	meetings, err := a.meetings(s, ics, now.Add(-eventLookBack), now.Add(eventLookAhead))
	if err != nil {
		return nil, noFiles
	}
	var out []string
	seen := map[string]bool{}
	for i := len(meetings) - 1; i >= 0 && len(out) < completionLimit; i-- {
		m := meetings[i]
		if m.Start.After(now) || seen[m.ID] || !strings.HasPrefix(m.ID, strings.ToLower(prefix)) {
			continue
		}
		seen[m.ID] = true
		out = append(out, m.ID+"\t"+m.Start.Format("Mon 01-02 15:04")+" "+m.Title)
	}
	return out, noFiles
}

// completeEventArg completes the id that follows a bare --event, as
// eventArg takes it.
func (a *app) completeEventArg(o *logOptions) completer {
	return func(cmd *cobra.Command, args []string, prefix string) ([]string, cobra.ShellCompDirective) {
		if o.event != pickEvent || len(args) > 0 {
			return nil, noFiles
		}
		return a.completeEvents(cmd, args, prefix)
	}
}

func eventFlags(f *pflag.FlagSet, o *logOptions) {
	f.StringVar(&o.event, "event", "", "log a calendar event by its id (see lead today, lead inbox); with no id, pick one")
	f.Lookup("event").NoOptDefVal = pickEvent
	calendarFlag(f, &o.ics)
}

// eventArg lets the id of --event follow it as an argument, as in
// "lead log --event 13a59f59"; lead log takes no other argument.
func eventArg(o *logOptions) cobra.PositionalArgs {
	return func(cmd *cobra.Command, args []string) error {
		switch {
		case len(args) == 0:
			return nil
		case len(args) == 1 && o.event == pickEvent:
			o.event = args[0]
			return nil
		}
		return fmt.Errorf("unexpected argument %q: lead log takes flags only (did you mean --event ID?)", args[0])
	}
}

// fromEvent fills what the options leave out from the calendar event
// --event names: date, title, people and kind.
func (a *app) fromEvent(o *logOptions, now time.Time) error {
	s, err := a.loadHeaders()
	if err != nil {
		return err
	}
	meetings, err := a.meetings(s, o.ics, now.Add(-eventLookBack), now.Add(eventLookAhead))
	if err != nil {
		return err
	}
	var m journal.Meeting
	if o.event == pickEvent {
		if m, err = a.pickMeeting(meetings, now); err != nil {
			return err
		}
	} else {
		var ids []string
		for _, c := range meetings {
			if strings.HasPrefix(c.ID, strings.ToLower(o.event)) && !slices.Contains(ids, c.ID) {
				m, ids = c, append(ids, c.ID)
			}
		}
		switch {
		case len(ids) == 0:
			return fmt.Errorf("no calendar event %q between %s and %s: see lead today or lead inbox", o.event, journal.Day(now.Add(-eventLookBack)), journal.Day(now.Add(eventLookAhead)))
		case len(ids) > 1:
			return &journal.AmbiguousError{What: "event", Query: o.event, Candidates: ids}
		}
	}
	if o.date == "" {
		o.date = m.Start.Format(time.RFC3339)
	}
	if o.title == "" {
		o.title = m.Title
	}
	if len(o.with) == 0 {
		o.with = slugsOf(m.People)
	}
	if o.kind == "" {
		o.kind = m.Kind
	}
	for _, u := range m.Unknown {
		a.infof("%s is not in the journal: %s", u.Name, addLine(u))
	}
	return nil
}

// pickMeeting offers today's meetings and the unlogged ones, the latest
// first, through the pickers of lead show and lead prep; a meeting is
// previewed by the brief for its first person.
func (a *app) pickMeeting(meetings []journal.Meeting, now time.Time) (journal.Meeting, error) {
	if !a.canPick() {
		return journal.Meeting{}, usagef("--event needs an id when not on a terminal: see lead today or lead inbox")
	}
	today := func(m journal.Meeting) bool { return m.Start.Format(time.DateOnly) == now.Format(time.DateOnly) }
	var choices []choice
	for i := len(meetings) - 1; i >= 0; i-- {
		m := meetings[i]
		if m.Declined || m.AllDay || m.Start.After(now) || !(today(m) || m.Logged == nil && len(m.People) > 0) {
			continue
		}
		preview := ""
		if len(m.People) > 0 {
			preview = m.People[0].Slug
		}
		choices = append(choices, choice{m.ID, m.Start.Format("Mon 01-02 15:04") + "  " + m.Title, preview})
	}
	if len(choices) == 0 {
		return journal.Meeting{}, fmt.Errorf("no meeting today or unlogged to pick from")
	}
	id, err := a.pick(choices, "prep")
	if err != nil {
		return journal.Meeting{}, err
	}
	return meetings[slices.IndexFunc(meetings, func(m journal.Meeting) bool { return m.ID == id })], nil
}

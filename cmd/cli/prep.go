package cli

import (
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/lead-journal/lead/journal"
	"github.com/spf13/cobra"
)

// prepOptions are lead prep's argument and flags.
type prepOptions struct {
	name  string // a name, slug or unique prefix of one; empty with --next
	json  bool
	share bool
	next  nextMeeting
}

func (a *app) cmdPrep() *cobra.Command {
	var o prepOptions
	cmd := &cobra.Command{
		Use:               "prep PERSON | --next",
		ValidArgsFunction: a.completeFirstPerson,
		Short:             "Brief yourself before meeting someone",
		GroupID:           "habits",
		Long: `Before a meeting: the person's profile and style, days since you last met
against the cadence you want, open commitments both ways, the agenda you
queued, wins since your last meeting worth sharing, their latest feedback,
and your last few interactions. First, how to meet them: what their style
asks (lead.yaml's habits.styles), the channel they prefer, for someone above
your boss the projects to preview with the boss first, and when you last
thanked them; then whom they trust and when you last engaged each.

--share prints only what is safe to paste into a 1:1 document you share
with them, as lead agenda --share does. With --next, the brief for each
person in your next meeting on the calendar (see lead today).`,
		Args: o.next.args,
		RunE: func(_ *cobra.Command, args []string) error {
			if len(args) > 0 {
				o.name = args[0]
			}
			return a.runPrep(o)
		},
	}
	cmd.Flags().BoolVar(&o.json, "json", false, "print JSON")
	cmd.Flags().BoolVar(&o.share, "share", false, "print only the agenda and the commitments between you two, as Markdown to share")
	cmd.MarkFlagsMutuallyExclusive("json", "share")
	o.next.flags(cmd.Flags())
	return cmd
}

// runPrep prints the brief before meeting a person as of the clock: as
// text, JSON, or only what is safe to share; with --next, the brief for
// each person in the next meeting on the calendar.
func (a *app) runPrep(o prepOptions) error {
	if o.next.on {
		return a.runPrepNext(o.next, o.json)
	}
	s, p, err := a.loadPerson(o.name, a.loadOpen)
	if err != nil {
		return err
	}
	now := a.env.Now()
	if o.share {
		return a.printShared(s, p, now)
	}
	pr := s.Prep(p, now)
	if o.json {
		return writeJSON(a.env.Stdout, toPrepJSON(pr, now))
	}
	var b strings.Builder
	a.printPrep(&b, s, pr)
	return a.printText(b.String())
}

// printShared prints what is safe to paste into a 1:1 document shared
// with p, for prep --share and agenda --share.
func (a *app) printShared(s *journal.Snapshot, p *journal.Person, now time.Time) error {
	_, err := fmt.Fprint(a.env.Stdout, s.Shared(p).Markdown(now))
	return err
}

// prepJSON is `lead prep --json`; see docs/format.md.
type prepJSON struct {
	Person   personJSON     `json:"person"`
	Style    string         `json:"style"`
	Prefers  []string       `json:"prefers"`
	Mine     []itemJSON     `json:"mine"`
	Theirs   []itemJSON     `json:"theirs"`
	Agenda   []itemJSON     `json:"agenda"`
	Wins     []winJSON      `json:"wins"`
	Feedback []feedbackJSON `json:"feedback"`
	Recent   []entryJSON    `json:"recent"`
	prepHabitsJSON
}

type winJSON struct {
	Text     string   `json:"text"`
	Credited []string `json:"credited"`
	Entry    string   `json:"entry"`
	Date     string   `json:"date"`
}

type feedbackJSON struct {
	Text  string `json:"text"`
	From  string `json:"from"`
	Kind  string `json:"kind"` // praise, correction, oversight or note
	Entry string `json:"entry"`
	Date  string `json:"date"`
}

func winsJSON(wins []journal.Win) []winJSON {
	out := make([]winJSON, len(wins))
	for i, w := range wins {
		out[i] = winJSON{w.Text, journal.NonNil(w.Credited), w.Entry.ID, w.Entry.Date.Format(time.RFC3339)}
	}
	return out
}

func feedbacksJSON(fb []journal.Feedback) []feedbackJSON {
	out := make([]feedbackJSON, len(fb))
	for i, f := range fb {
		out[i] = feedbackJSON{f.Text, f.From, f.Kind(), f.Entry.ID, f.Entry.Date.Format(time.RFC3339)}
	}
	return out
}

func entriesJSON(entries []*journal.Entry) []entryJSON {
	out := make([]entryJSON, len(entries))
	for i, e := range entries {
		out[i] = toEntryJSON(e, nil)
	}
	return out
}

func toPrepJSON(pr *journal.Prep, now time.Time) prepJSON {
	p := pr.Contact.Person
	return prepJSON{
		Person: toPersonJSON(pr.Contact, now), Style: p.Style, Prefers: journal.NonNil(p.Prefers),
		Mine: itemsJSON(pr.Mine, now), Theirs: itemsJSON(pr.Theirs, now), Agenda: itemsJSON(pr.Agenda, now),
		Wins: winsJSON(pr.Wins), Feedback: feedbacksJSON(pr.Feedback), Recent: entriesJSON(pr.Recent),
		prepHabitsJSON: toPrepHabitsJSON(pr, now),
	}
}

func (a *app) printPrep(w io.Writer, s *journal.Snapshot, pr *journal.Prep) {
	now := a.env.Now()
	a.profile(w, s, pr.Contact)
	a.printPrepHabits(w, pr)
	section := func(title string, n int, empty string) bool {
		fmt.Fprintf(w, "\n%s\n", a.paint("bold", title))
		if n == 0 {
			fmt.Fprintf(w, "  %s\n", empty)
		}
		return n > 0
	}
	items := func(list []*journal.Item) {
		refs := s.ItemRefs(list)
		for i, it := range list {
			due := "" // the text already says when it is due
			if it.Overdue(now) {
				due = a.paint("overdue", " (overdue)")
			}
			if !it.Mine() && !it.Agenda {
				due += fmt.Sprintf(" (waiting %dd)", it.WaitingDays(now))
			}
			fmt.Fprintf(w, "  - %s%s  %s\n", a.readable(it.Text), due, a.paint("dim", refs[i]))
		}
	}
	name := pr.Contact.Person.Name
	if section("I owe "+name, len(pr.Mine), "nothing open") {
		items(pr.Mine)
	}
	if section(name+" owes me", len(pr.Theirs), "nothing open") {
		items(pr.Theirs)
	}
	if section("Agenda", len(pr.Agenda), "nothing queued (lead agenda add "+pr.Contact.Person.Slug+" TEXT)") {
		items(pr.Agenda)
	}
	if section("Wins since you last met, worth sharing", len(pr.Wins), "none recorded") {
		for _, win := range pr.Wins {
			credit := ""
			if len(win.Credited) > 0 {
				credit = " (credit: " + s.Names(win.Credited) + ")"
			}
			fmt.Fprintf(w, "  - %s%s\n", a.readable(journal.WithoutCredit(win.Text)), credit)
		}
	}
	if section("Their latest feedback", len(pr.Feedback), "none recorded") {
		for _, f := range pr.Feedback {
			fmt.Fprintf(w, "  - %s (%s)\n", a.readable(s.FeedbackSaid(f)), journal.Day(f.Entry.Date))
		}
	}
	if section("Last interactions", len(pr.Recent), "none yet") {
		const indent = "              " // under the kind
		for i, row := range a.entryRows(pr.Recent, nil) {
			fmt.Fprintln(w, row)
			summary := pr.Recent[i].Summary
			if !a.env.StdoutTTY {
				if notes := firstLine(summary); notes != "" {
					fmt.Fprintf(w, "%s%s\n", indent, a.paint("dim", notes))
				}
				continue
			}
			// A preview, cut where it cannot wrap: lead show has it whole.
			summary, _, _ = strings.Cut(summary, "\n")
			room := a.width() - len(indent)
			for _, line := range strings.SplitAfter(fitLines(a.renderNotes(summary, room), room), "\n") {
				if line != "" {
					fmt.Fprintf(w, "%s%s\n", indent, a.paintAll("dim", strings.TrimSuffix(line, "\n")))
				}
			}
		}
	}
}

func firstLine(s string) string {
	line, _, _ := strings.Cut(s, "\n")
	if r := []rune(line); len(r) > 100 {
		line = string(r[:97]) + "..."
	}
	return line
}

package cli

import (
	"fmt"
	"time"

	"github.com/lead-journal/lead/journal"
	"github.com/lead-journal/lead/journal/when"
	"github.com/spf13/cobra"
)

// reviewJSON is `lead review --json`; see docs/format.md.
type reviewJSON struct {
	Week       string                     `json:"week"`
	Start      string                     `json:"start"`
	End        string                     `json:"end"`
	Entries    int                        `json:"entries"`
	Directions []journal.DirectionBalance `json:"directions"`
	Overdue    []personJSON               `json:"overdue"`
	MyOpen     []itemJSON                 `json:"my_open"`
	Waiting    []itemJSON                 `json:"waiting"`
	DoneMine   []itemJSON                 `json:"done_mine"`
	DoneTheirs []itemJSON                 `json:"done_theirs"`
	Wins       []winJSON                  `json:"wins"`
	Feedback   []feedbackJSON             `json:"feedback"`
	Bosses     []bossJSON                 `json:"bosses"`
	Projects   []projectJSON              `json:"projects"`
	Coming     []comingJSON               `json:"coming"`
	DueSoon    []itemJSON                 `json:"due_soon"`
	reviewHabitsJSON
	Unlogged []meetingJSON `json:"unlogged,omitempty"`
}

type bossJSON struct {
	Slug      string         `json:"slug"`
	Practices map[string]int `json:"practices"`
	Nudges    []string       `json:"nudges"`
}

type projectJSON struct {
	Project      string  `json:"project"`
	Entries      int     `json:"entries"`
	BossLast     *string `json:"boss_last"`
	BossInvolved bool    `json:"boss_involved"`
}

type comingJSON struct {
	Person personJSON `json:"person"`
	Agenda []itemJSON `json:"agenda"`
}

func toReviewJSON(r *journal.Review) reviewJSON {
	out := reviewJSON{Week: r.Week, Start: r.Start.Format(time.RFC3339), End: r.End.Format(time.RFC3339), Entries: r.Entries,
		Directions: r.Directions, Overdue: []personJSON{}, MyOpen: itemsJSON(r.MyOpen, r.At), Waiting: itemsJSON(r.Waiting, r.At),
		DoneMine: itemsJSON(r.DoneMine, r.At), DoneTheirs: itemsJSON(r.DoneTheirs, r.At),
		Wins: winsJSON(r.Wins), Feedback: feedbacksJSON(r.Feedback), Bosses: []bossJSON{}, Projects: []projectJSON{},
		Coming: []comingJSON{}, DueSoon: itemsJSON(r.DueSoon, r.At), reviewHabitsJSON: toReviewHabitsJSON(r)}
	for _, c := range r.Overdue {
		out.Overdue = append(out.Overdue, toPersonJSON(c, r.LastDay()))
	}
	for _, b := range r.Bosses {
		bj := bossJSON{Slug: b.Person.Slug, Practices: map[string]int{}, Nudges: []string{}}
		for _, pc := range b.Counts {
			bj.Practices[pc.Practice.Name] = pc.Count
		}
		for _, p := range b.Missing {
			bj.Nudges = append(bj.Nudges, p.NudgeFor(b.Person.Name))
		}
		out.Bosses = append(out.Bosses, bj)
	}
	for _, p := range r.Projects {
		pj := projectJSON{Project: p.Project, Entries: p.Entries, BossInvolved: p.BossInvolve}
		if !p.BossLast.IsZero() {
			last := p.BossLast.Format(time.RFC3339)
			pj.BossLast = &last
		}
		out.Projects = append(out.Projects, pj)
	}
	for _, c := range r.Coming {
		out.Coming = append(out.Coming, comingJSON{toPersonJSON(c.Contact, r.At), itemsJSON(c.Agenda, r.At)})
	}
	return out
}

// reviewOptions are lead review's flags.
type reviewOptions struct {
	week, since string
	json, write bool
	format      documentFormat
}

func (a *app) cmdReview() *cobra.Command {
	var o reviewOptions
	cmd := &cobra.Command{
		Use:     "review",
		Short:   "The weekly review",
		GroupID: "daily",
		Long: `The weekly review, for the current ISO week (Monday to Sunday, local time)
unless --week or --since says otherwise:

  - interactions by direction (up, down, side, out) against the average of
    the four weeks before;
  - relationships overdue for contact;
  - my open and overdue commitments, and what I am waiting on;
  - wins and the people credited, ready to share with the boss;
  - feedback received;
  - practices with each boss over the last four weeks, with a nudge for each
    one missing;
  - projects active this week whose boss has not been in an entry on them
    in two weeks;
  - each direction's share of the last quarter against the last year;
  - what others owe you that has waited past its time, to chase (lead nudge);
  - people you worked with lately and have not thanked;
  - meetings above your boss on a project without a preview with the boss;
  - a rising share of close oversight in the boss's feedback;
  - meetings not logged: with calendar: in the user config, the window's
    past meetings with your people that have no entry (see lead inbox);
  - the coming week: who is due for contact, their agenda, what falls due.

--write saves it as reviews/YYYY-Www.md with a Mermaid chart; writing the
same week again keeps what you wrote under "## Reflection".`,
		Example: `  lead review
  lead review --week 2026-W47 --write
  lead review --since 2w --json | jq '.overdue[].name'`,
		Args: cobra.NoArgs,
		RunE: func(*cobra.Command, []string) error { return a.runReview(o) },
	}
	documentFlag(cmd, &o.format)
	cmd.Flags().StringVar(&o.week, "week", "", "the ISO week to review, e.g. 2026-W47")
	cmd.Flags().StringVar(&o.since, "since", "", "review from this date or span (7d, 2w) to today instead of one week")
	cmd.Flags().BoolVar(&o.json, "json", false, "print JSON")
	cmd.Flags().BoolVar(&o.write, "write", false, "save the review as reviews/YYYY-Www.md")
	return cmd
}

// runReview reviews the week of now, of --week, or from --since to today,
// and prints it, or writes it with --write.
func (a *app) runReview(o reviewOptions) error {
	if o.week != "" && o.since != "" {
		return usagef("--week and --since cannot be used together")
	}
	now := a.env.Now()
	from := now // the week of now, of --week, or from --since to today
	switch {
	case o.week != "":
		t, _, err := when.ISOWeek(o.week, now.Location())
		if err != nil {
			return usageError{err}
		}
		if t.After(now) {
			return usagef("%s has not begun; the latest week to review is %s", o.week, when.WeekName(now))
		}
		from = t
	case o.since != "":
		if o.write {
			return usagef("--write saves whole weeks; use --week")
		}
		t, err := when.Since(o.since, now)
		if err != nil {
			return usagef("--since: %v", err)
		}
		from = t
	}
	shown := journal.ReviewListLimit // the review as a page
	if o.json {
		shown = 0 // every item
	}
	start := when.WeekStart(from) // what was ticked since is read too: Done this week, and past weeks as they were
	if o.since != "" {
		start = from
	}
	s, err := a.read(journal.ReadOptions{Entries: journal.OpenItems, DoneSince: start})
	if err != nil {
		return err
	}
	r := s.ReviewWeek(from, now, shown)
	if o.since != "" {
		r = s.ReviewSince(from, now, shown)
	}
	a.reviewMeetings(s, r, now)
	if o.write {
		a.rewriting(journal.ReviewPath(r.Week))
		rel, err := a.journal.WriteReview(r, now)
		if err != nil {
			return err
		}
		a.autocommit("review: "+r.Week, rel)
		_, err = fmt.Fprintln(a.env.Stdout, a.abs(rel))
		return err
	}
	if o.json {
		out := toReviewJSON(r)
		for _, m := range r.Unlogged {
			out.Unlogged = append(out.Unlogged, a.toMeetingJSON(s, m, false, now))
		}
		return writeJSON(a.env.Stdout, out)
	}
	return a.printDocument(r.Markdown(directionBars(r.Directions)), o.format)
}

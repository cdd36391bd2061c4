package cli

import (
	"fmt"
	"strings"
	"time"

	"github.com/lead-journal/lead/journal"
	"github.com/spf13/cobra"
)

// itemJSON is a commitment or agenda item in --json output.
type itemJSON struct {
	ID      string   `json:"id"`
	ShortID string   `json:"short_id"`
	Text    string   `json:"text"`
	Owner   string   `json:"owner"` // a slug, or "me"
	Mine    bool     `json:"mine"`
	Due     *string  `json:"due"`
	Done    bool     `json:"done"`
	Overdue bool     `json:"overdue"`
	Agenda  bool     `json:"agenda"`
	Section string   `json:"section"`
	Path    string   `json:"path"`
	Line    int      `json:"line"`
	Date    *string  `json:"date"`
	With    []string `json:"with"`
	Waiting *int     `json:"waiting_days"` // theirs: days since written or last nudged
	Nudged  []string `json:"nudged"`       // the days it was chased
}

func toItemJSON(it *journal.Item, now time.Time) itemJSON {
	out := itemJSON{ID: it.ID, ShortID: it.ShortID(), Text: it.Text, Owner: it.Owner, Mine: it.Mine(), Done: it.Done,
		Overdue: it.Overdue(now), Agenda: it.Agenda, Section: it.Section, Path: it.Path, Line: it.Line, With: journal.NonNil(it.With)}
	if out.Mine {
		out.Owner = "me"
	} else if !it.Agenda && !it.Date.IsZero() {
		days := it.WaitingDays(now)
		out.Waiting = &days
	}
	out.Nudged = []string{}
	for _, d := range it.Nudges() {
		out.Nudged = append(out.Nudged, journal.Day(d))
	}
	if !it.Due.IsZero() {
		d := journal.Day(it.Due)
		out.Due = &d
	}
	if !it.Date.IsZero() {
		d := it.Date.Format(time.RFC3339)
		out.Date = &d
	}
	return out
}

func itemsJSON(items []*journal.Item, now time.Time) []itemJSON {
	out := make([]itemJSON, len(items))
	for i, it := range items {
		out[i] = toItemJSON(it, now)
	}
	return out
}

// todoOptions are lead todo's flags.
type todoOptions struct {
	filter journal.TodoFilter
	with   []string // people as typed, made slugs for filter.With
	json   bool
}

func (a *app) cmdTodo() *cobra.Command {
	var o todoOptions
	cmd := &cobra.Command{
		Use:     "todo",
		Short:   "List open commitments, both ways",
		GroupID: "habits",
		Long: `List open commitments: task items in entries ("- [ ] ..."), outside
"## Next time" sections. An item that starts with @person is theirs; any
other is yours. Overdue items come first, then by due date, then oldest;
with --theirs alone, what has waited longest comes first, with how many
days it has waited since it was written or last chased (lead nudge).

Each has a short id that stays the same when other lines change; tick it with
"lead done ID". Piped, the columns are: id, due, owner, text, entry path,
and with --theirs alone the days waited.`,
		Example: `  lead todo --mine --overdue
  lead todo --theirs --with dana
  lead todo --json | jq -r '.[] | select(.overdue) | .text'`,
		Args: cobra.NoArgs,
		RunE: func(*cobra.Command, []string) error { return a.runTodo(o) },
	}
	cmd.Flags().BoolVar(&o.filter.Mine, "mine", false, "only what I owe")
	cmd.Flags().BoolVar(&o.filter.Theirs, "theirs", false, "only what others owe me, longest waiting first")
	cmd.Flags().StringSliceVarP(&o.with, "with", "w", nil, "commitments in entries with this person or owed by them; with --theirs, owed by them (repeatable, all given must match)")
	cmd.Flags().BoolVar(&o.filter.Overdue, "overdue", false, "only overdue commitments")
	cmd.Flags().BoolVarP(&o.filter.Done, "all", "a", false, "include ticked items")
	cmd.Flags().BoolVar(&o.json, "json", false, "print JSON")
	return cmd
}

// runTodo prints the commitments the options select.
func (a *app) runTodo(o todoOptions) error {
	f := o.filter
	load := a.loadOpen
	if f.Done {
		load = a.load
	}
	s, err := load()
	if err != nil {
		return err
	}
	for _, name := range o.with {
		p, err := s.Lookup(name)
		if err != nil {
			return usagef("--with: %v", err)
		}
		f.With = append(f.With, p.Slug)
	}
	now := a.env.Now()
	items := s.Commitments(f, now)
	theirs := f.Theirs && !f.Mine
	if theirs {
		journal.ByWaiting(items, now)
	}
	if o.json {
		return writeJSONList(a.env.Stdout, itemsJSON(items, now))
	}
	if len(items) == 0 {
		a.infof("no open commitments")
		return nil
	}
	t := a.itemTable(s, items, now)
	if theirs {
		waiting := make([]string, len(items))
		for i, it := range items {
			waiting[i] = fmt.Sprintf("%dd", it.WaitingDays(now))
		}
		t.addColumn("WAITING", waiting)
	}
	return t.print()

}

// itemTable lays out items with their ids. On a terminal an item's text
// is shown without the owner and due date its columns already show.
func (a *app) itemTable(s *journal.Snapshot, items []*journal.Item, now time.Time) *table {
	t := a.newTable("ID", "DUE", "OWNER", "TEXT", "FROM").freeText("FROM", "OWNER", "TEXT")
	refs := s.ItemRefs(items)
	for i, it := range items {
		owner := "me"
		if !it.Mine() {
			owner = a.names(s, []string{it.Owner})
		}
		text, from := it.Text, a.abs(it.Path)
		if a.env.StdoutTTY {
			text, from = it.Task(), journal.Day(it.Date)
			if len(it.With) > 0 {
				from += " " + a.names(s, it.With)
			}
		}
		if it.Done {
			text = "[x] " + text
		}
		t.add(a.paint("id", refs[i]), a.due(it.Due, it.Done, now), owner, text, strings.TrimSpace(from))
	}
	return t
}

// doneOptions are lead done's arguments and flags.
type doneOptions struct {
	refs []string // item ids, or unique prefixes of them
	undo bool
}

func (a *app) cmdDone() *cobra.Command {
	var o doneOptions
	cmd := &cobra.Command{
		Use:               "done ID...",
		ValidArgsFunction: a.completeItems,
		Short:             "Tick commitments or agenda items",
		GroupID:           "habits",
		Long: `Tick the box of each item, in place, and record the day at the end of its
line ("done:2026-11-24"): that line changes and nothing else in the file.
With --undo, untick it and remove the day. An item already in that state is
left as it is, and lead says so. ID is an item id from
lead todo or lead agenda, or any unique prefix of one. If the file changed
since and the item is gone, nothing is written.`,
		Args: argCount(1, -1),
		RunE: func(_ *cobra.Command, args []string) error {
			o.refs = args
			return a.runDone(o)
		},
	}
	cmd.Flags().BoolVar(&o.undo, "undo", false, "untick instead")
	return cmd
}

// runDone ticks each item and records the day, or unticks it with undo;
// only its line changes.
func (a *app) runDone(o doneOptions) error {
	s, err := a.load()
	if err != nil {
		return err
	}
	for _, ref := range o.refs {
		it, err := s.FindItem(ref)
		if err != nil {
			return err
		}
		verb := "done"
		if o.undo {
			verb = "reopened"
		}
		if it.Done != o.undo {
			state := "done"
			if o.undo {
				state = "open"
			}
			a.infof("%s was already %s: %s (%s:%d)", s.ItemRef(it), state, it.Text, a.abs(it.Path), it.Line)
			continue
		}
		a.rewriting(it.Path)
		if err := a.journal.SetDone(*it, !o.undo, a.env.Now()); err != nil {
			return err
		}
		a.autocommit(verb+": "+it.Text, it.Path)
		text := it.Text
		if o.undo {
			text = it.AsItWas().Text // without the day it was done
		}
		a.infof("%s %s: %s (%s:%d)", verb, s.ItemRef(it), text, a.abs(it.Path), it.Line)
	}
	return nil
}

// agendaOptions are lead agenda's argument and flags.
type agendaOptions struct {
	name  string // a name, slug or unique prefix of one; empty for everyone
	json  bool
	share bool
}

func (a *app) cmdAgenda() *cobra.Command {
	var o agendaOptions
	cmd := &cobra.Command{
		Use:               "agenda [PERSON]",
		ValidArgsFunction: a.completeFirstPerson,
		Short:             "Show what is queued to raise with someone",
		GroupID:           "habits",
		Long: `Show the open agenda items for a person: items under "## Agenda" in their
file and under "## Next time" in entries with them. Without PERSON, everyone's
queue. Tick them with lead done.

--share prints, as Markdown, only what is safe to paste into a 1:1 document
you share with them: the agenda and the open commitments between the two of
you, from their file and from entries with them alone; never notes,
feedback, wins, or what is owed by or was said with anyone else.`,
		Args: argCount(0, 1),
		RunE: func(_ *cobra.Command, args []string) error {
			if len(args) > 0 {
				o.name = args[0]
			}
			return a.runAgenda(o)
		},
	}
	cmd.Flags().BoolVar(&o.json, "json", false, "print JSON")
	cmd.Flags().BoolVar(&o.share, "share", false, "print only what is safe to share with them, as Markdown")
	cmd.MarkFlagsMutuallyExclusive("json", "share")
	cmd.AddCommand(a.cmdAgendaAdd())
	return cmd
}

// runAgenda prints the open agenda items for a person, or everyone's
// without one; with share, only what is safe to share with them.
func (a *app) runAgenda(o agendaOptions) error {
	if o.name == "" {
		if o.share {
			return usagef("--share is for one person: lead agenda PERSON --share")
		}
		return a.everyonesAgenda(o.json)
	}
	s, p, err := a.loadPerson(o.name, a.loadOpen)
	if err != nil {
		return err
	}
	now := a.env.Now()
	if o.share {
		return a.printShared(s, p, now)
	}
	items := s.Agenda(p.Slug)
	if o.json {
		return writeJSONList(a.env.Stdout, itemsJSON(items, now))
	}
	if len(items) == 0 {
		a.infof("nothing queued for %s: lead agenda add %s TEXT", p.Name, p.Slug)
		return nil
	}
	return a.itemTable(s, items, now).print()
}

// agendaAddOptions are lead agenda add's arguments.
type agendaAddOptions struct {
	name  string   // a name, slug or unique prefix of one
	words []string // the item's text, as typed
}

func (a *app) cmdAgendaAdd() *cobra.Command {
	var o agendaAddOptions
	return &cobra.Command{
		Use:               "add PERSON TEXT...",
		ValidArgsFunction: a.completeFirstPerson,
		Short:             "Queue something to raise with someone",
		Long:              `Append "- [ ] TEXT" under "## Agenda" in the person's file (the section is added if missing).`,
		Args:              argCount(2, -1),
		RunE: func(_ *cobra.Command, args []string) error {
			o.name, o.words = args[0], args[1:]
			return a.runAgendaAdd(o)
		},
	}
}

// runAgendaAdd appends the item under "## Agenda" in the person's file
// and prints its id.
func (a *app) runAgendaAdd(o agendaAddOptions) error {
	s, err := a.loadPeople()
	if err != nil {
		return err
	}
	p, err := s.Lookup(o.name)
	if err != nil {
		return err
	}
	text := strings.Join(strings.Fields(strings.Join(o.words, " ")), " ")
	a.rewriting(p.Path)
	it, err := a.journal.AddAgenda(p, text, a.env.Now())
	if err != nil {
		return err
	}
	a.autocommit("agenda: "+p.Name+": "+text, p.Path)
	_, err = fmt.Fprintln(a.env.Stdout, it.ShortID())
	a.infof("queued for %s: %s", p.Name, text)
	return err
}

// everyonesAgenda lists every open agenda item, once, oldest first.
func (a *app) everyonesAgenda(asJSON bool) error {
	s, err := a.loadOpen()
	if err != nil {
		return err
	}
	now := a.env.Now()
	items := s.AllAgenda()
	if asJSON {
		return writeJSONList(a.env.Stdout, itemsJSON(items, now))
	}
	if len(items) == 0 {
		a.infof("nothing queued: lead agenda add PERSON TEXT")
		return nil
	}
	return a.itemTable(s, items, now).print()
}

// practicesOptions are lead practices' flag.
type practicesOptions struct {
	json bool
}

func (a *app) cmdPractices() *cobra.Command {
	var o practicesOptions
	cmd := &cobra.Command{
		Use:     "practices",
		Short:   "The practice vocabulary and what each means",
		GroupID: "habits",
		Long: `The practices an entry can record in its "practices" list (lead log -p),
whom each is meant for, and what it means. Add or redefine practices in
lead.yaml; see docs/format.md.`,
		Args: cobra.NoArgs,
		RunE: func(*cobra.Command, []string) error { return a.runPractices(o) },
	}
	cmd.Flags().BoolVar(&o.json, "json", false, "print JSON")
	return cmd
}

// runPractices prints the journal's practice vocabulary: each practice,
// whom it is meant for, and what it means.
func (a *app) runPractices(o practicesOptions) error {
	j, err := a.open()
	if err != nil {
		return err
	}
	if o.json {
		return writeJSON(a.env.Stdout, j.Config.Practices)
	}
	t := a.newTable("PRACTICE", "FOR", "MEANING").freeText("FOR", "MEANING")
	for _, p := range j.Config.Practices {
		who := strings.Join(p.Relations, ",")
		if who == "" {
			who = "anyone"
		}
		t.add(p.Name, who, p.Description)
	}
	return t.print()
}

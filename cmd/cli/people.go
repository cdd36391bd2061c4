package cli

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/lead-journal/lead/journal"
	"github.com/spf13/cobra"
)

// personJSON is a person in --json output; see docs/format.md.
type personJSON struct {
	Slug        string         `json:"slug"`
	Path        string         `json:"path"`
	Name        string         `json:"name"`
	Relation    string         `json:"relation"`
	Direction   string         `json:"direction"`
	Org         string         `json:"org"`
	Cadence     string         `json:"cadence"`
	LastContact *string        `json:"last_contact"`
	DaysSince   *int           `json:"days_since"`
	Due         *string        `json:"due"`
	Late        *string        `json:"late"` // the last day before overdue
	Overdue     bool           `json:"overdue"`
	Grade       string         `json:"grade"`
	Snoozed     bool           `json:"snoozed"`
	Fields      map[string]any `json:"fields"`
}

func toPersonJSON(c journal.Contact, now time.Time) personJSON {
	p := c.Person
	out := personJSON{Slug: p.Slug, Path: p.Path, Name: p.Name, Relation: p.Relation, Direction: c.Direction, Org: p.Org,
		Cadence: c.Cadence.String(), Overdue: c.Overdue, Grade: c.Grade(now), Snoozed: c.Snoozed, Fields: p.Meta()}
	if c.Last != nil {
		last, days := c.Last.Date.Format(time.RFC3339), c.DaysSince(now)
		out.LastContact, out.DaysSince = &last, &days
	}
	if !c.Due.IsZero() {
		due, late := journal.Day(c.Due), journal.Day(c.Late)
		out.Due, out.Late = &due, &late
	}
	return out
}

// status says where a relationship stands in a word or two.
func (a *app) status(c journal.Contact, now time.Time) string { return a.contactStatus(c, now, false) }

// contactStatus is status, with short the due dates of a relationship that
// is due in fewer words: the one after which it is overdue.
func (a *app) contactStatus(c journal.Contact, now time.Time, short bool) string {
	switch {
	case c.Snoozed:
		return "snoozed until " + journal.Day(c.Person.SnoozeUntil)
	case c.Cadence.IsZero():
		return ""
	case c.Never():
		return a.paint("soon", "never met")
	case c.Lapsed:
		return a.paint("overdue", fmt.Sprintf("lapsed, overdue %dd", int(now.Sub(c.Late).Hours()/24)))
	case c.Overdue:
		return a.paint("overdue", fmt.Sprintf("overdue %dd", int(now.Sub(c.Late).Hours()/24)))
	case c.Grade(now) == journal.GradeDue && short:
		return a.paint("soon", "due now, by "+journal.Day(c.Late))
	case c.Grade(now) == journal.GradeDue:
		return a.paint("soon", fmt.Sprintf("due since %s, overdue after %s", journal.Day(c.Due), journal.Day(c.Late)))
	}
	return "due " + a.due(c.Due, false, now)
}

// peopleOptions are lead people's flags.
type peopleOptions struct {
	json, overdue         bool
	relations, directions []string
}

func (a *app) cmdPeople() *cobra.Command {
	var o peopleOptions
	cmd := &cobra.Command{
		Use:     "people",
		Short:   "List everyone, with last contact and whether overdue",
		GroupID: "daily",
		Long: `List the people in the journal: relation, direction, last contact, the
contact cadence you want and whether you are overdue.

Last contact is always the newest entry with the person. Piped, the output
is tab-separated: slug, name, relation, direction, last contact (RFC 3339),
cadence, due date, status.`,
		Args: cobra.NoArgs,
		RunE: func(*cobra.Command, []string) error { return a.runPeople(o) },
	}
	cmd.Flags().BoolVar(&o.json, "json", false, "print JSON")
	cmd.Flags().BoolVar(&o.overdue, "overdue", false, "only people overdue for contact")
	cmd.Flags().StringSliceVar(&o.relations, "relation", nil, "only people of this relation")
	cmd.Flags().StringSliceVar(&o.directions, "direction", nil, "only people in this direction (up, down, side, out)")
	cmd.AddCommand(a.cmdPeopleAdd(), a.cmdPeopleSet(), a.cmdPeopleMerge())
	return cmd
}

// runPeople lists the people the options select, with their contact.
func (a *app) runPeople(o peopleOptions) error {
	s, err := a.loadHeaders()
	if err != nil {
		return err
	}
	if err := oneOf("relation", o.relations, a.journal.Config.RelationNames()); err != nil {
		return err
	}
	if err := oneOf("direction", o.directions, journal.Directions); err != nil {
		return err
	}
	now := a.env.Now()
	var contacts []journal.Contact
	for _, c := range s.Contacts(now) {
		if (o.overdue && !c.Overdue) || (len(o.relations) > 0 && !slices.ContainsFunc(o.relations, equalFold(c.Person.Relation))) ||
			(len(o.directions) > 0 && !slices.ContainsFunc(o.directions, equalFold(c.Direction))) {
			continue
		}
		contacts = append(contacts, c)
	}
	if o.json {
		out := make([]personJSON, len(contacts))
		for i, c := range contacts {
			out[i] = toPersonJSON(c, now)
		}
		return writeJSON(a.env.Stdout, out)
	}
	if len(contacts) == 0 {
		a.infof("no people yet: lead people add NAME --relation boss")
		return nil
	}
	if a.env.StdoutTTY {
		return a.contactTable(contacts, now).print()
	}
	t := a.newTable("SLUG", "NAME", "RELATION", "DIRECTION", "LAST CONTACT", "CADENCE", "DUE", "STATUS")
	for _, c := range contacts {
		last := ""
		if c.Last != nil {
			last = a.stamp(c.Last.Date)
		}
		grade := c.Grade(now)
		t.add(c.Person.Slug, c.Person.Name, c.Person.Relation, a.paint(c.Direction, c.Direction), last, c.Cadence.String(), journal.Day(c.Due),
			a.paint(gradeColour[grade], grade))
	}
	return t.print()
}

// gradeColour is the colour of each grade of contact, as on a terminal.
var gradeColour = map[string]string{journal.GradeOverdue: "overdue", journal.GradeLapsed: "overdue", journal.GradeDue: "soon", journal.GradeNever: "soon"}

// contactTable is the people table on a terminal: a name is as good a
// reference as a slug, and the status says the due date. The status is
// the point of the table and is never cut: to fit, the relation and the
// name are, the relation first.
func (a *app) contactTable(contacts []journal.Contact, now time.Time) *table {
	t := a.newTable("NAME", "RELATION", "DIRECTION", "LAST CONTACT", "CADENCE", "STATUS").freeText("RELATION", "NAME")
	for _, c := range contacts {
		last := ""
		if c.Last != nil {
			last = ago(c.DaysSince(now))
		}
		t.add(c.Person.Name, c.Person.Relation, a.paint(c.Direction, c.Direction), last, c.Cadence.String(), a.contactStatus(c, now, true))
	}
	return t
}

// peopleAddOptions are lead people add's argument and flags.
type peopleAddOptions struct {
	profile journal.Profile // the name given and the values of the flags
	notes   string
}

func (a *app) cmdPeopleAdd() *cobra.Command {
	var o peopleAddOptions
	cmd := &cobra.Command{
		Use:   "add NAME",
		Short: "Add a person",
		Long: `Add a person: a file people/<slug>.md with their profile.

Relations (boss, skip, executive, mentor, report, peer, partner, assistant,
chief-of-staff, stakeholder, customer, vendor, external, or your own in
lead.yaml) map to a direction and a default contact cadence.`,
		Example: `  lead people add "Dana Smith" --relation boss --style detail --prefers slack,in-person --cadence 7d
  lead people add "Lee Wong" --relation peer --trusts dana --stance supporter --influence high
  lead people add "Sam Lee" --relation report --email sam@example.com`,
		Args: argCount(1, 1),
		RunE: func(cmd *cobra.Command, args []string) error {
			o.profile.Name = args[0]
			return a.runPeopleAdd(o)
		},
	}
	f := cmd.Flags()
	profileFlags(f, &o.profile)
	f.StringVarP(&o.notes, "message", "m", "", "notes about them")
	return cmd
}

// runPeopleAdd writes a new person's file, refusing a person already in
// the journal, and prints the file's path.
func (a *app) runPeopleAdd(o peopleAddOptions) error {
	s, err := a.loadPeople()
	if err != nil {
		return err
	}
	p := o.profile
	p.Name = strings.TrimSpace(p.Name)
	if err := a.checkProfile(s, &p); err != nil {
		return err
	}
	if existing, err := s.FindPerson(p.Name); err == nil && journal.Slugify(existing.Name) == journal.Slugify(p.Name) {
		return fmt.Errorf("%s is already in the journal: %s", existing.Name, a.abs(existing.Path))
	}
	added, err := a.journal.AddPerson(p, o.notes)
	if err != nil {
		return err
	}
	a.autocommit("people: add "+added.Name, added.Path)
	_, err = fmt.Fprintln(a.env.Stdout, a.abs(added.Path))
	return err
}

// equalFold matches strings equal to s, ignoring case.
func equalFold(s string) func(string) bool {
	return func(x string) bool { return strings.EqualFold(x, s) }
}

package cli

import (
	"fmt"
	"net/mail"
	"strings"

	"github.com/lead-journal/lead/journal"
	"github.com/lead-journal/lead/journal/when"
	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
)

// profileFlags are the flags of a person's profile, shared by people add
// and people set; each is named after the front matter key it writes.
func profileFlags(f *pflag.FlagSet, p *journal.Profile) {
	f.StringVarP(&p.Relation, "relation", "r", "", "boss, skip, peer, report, assistant, chief-of-staff, stakeholder, ...")
	f.StringVar(&p.Org, "org", "", "organisation or team")
	f.StringVar(&p.Cadence, "cadence", "", "how often you want contact, e.g. 7d, 2w, or an ideal and a limit, 7d..14d (default by relation)")
	f.StringVar(&p.Style, "style", "", "working style: detail, high-level, or your words")
	f.StringSliceVar(&p.Prefers, "prefers", nil, "preferred channels, e.g. slack,in-person")
	f.StringSliceVar(&p.Trusts, "trusts", nil, "people they trust (slugs, names or prefixes)")
	f.StringVar(&p.Stance, "stance", "", "champion, supporter, neutral, skeptic or blocker")
	f.StringVar(&p.Influence, "influence", "", "high, medium or low")
	f.StringVar(&p.Interest, "interest", "", "how much they care about your work: high, medium or low")
	f.StringSliceVar(&p.Email, "email", nil, "email addresses, matched against calendar attendees")
}

// checkProfile validates a profile from the command line and resolves the
// people it names: an unknown relation is a warning, a bad cadence or
// address a usage error.
func (a *app) checkProfile(s *journal.Snapshot, p *journal.Profile) error {
	if p.Cadence != "" {
		if _, err := when.ParseCadence(p.Cadence); err != nil {
			return usagef("--cadence: %v", err)
		}
	}
	if _, ok := a.journal.Config.Relations[p.Relation]; !ok && p.Relation != "" {
		a.warnf("relation %q has no direction or cadence; known: %s", p.Relation, strings.Join(a.journal.Config.RelationNames(), ", "))
	}
	for i, name := range p.Trusts {
		if q, err := s.FindPerson(name); err == nil {
			p.Trusts[i] = q.Slug
		} else {
			p.Trusts[i] = journal.Slugify(name)
			a.warnf("trusts: %v; kept as %s", err, p.Trusts[i])
		}
	}
	for i, address := range p.Email {
		parsed, err := mail.ParseAddress(address)
		if err != nil {
			return usagef("--email %q: not an email address", address)
		}
		p.Email[i] = strings.ToLower(parsed.Address)
	}
	return nil
}

// peopleSetOptions are lead people set's argument and flags.
type peopleSetOptions struct {
	name    string          // the person, by slug, name or prefix
	profile journal.Profile // the values of the flags
	set     []string        // the flags given, by name: the keys to write
}

func (a *app) cmdPeopleSet() *cobra.Command {
	var o peopleSetOptions
	cmd := &cobra.Command{
		Use:               "set NAME",
		ValidArgsFunction: a.completeFirstPerson,
		Short:             "Change a person's profile",
		Long: `Change the profile of a person already in the journal: only the keys of
the flags given are written, each replacing its line (or lines) in the
person's file; every other line, comment and note stays as it is. An empty
value removes the key (--org "").`,
		Example: `  lead people set dana --cadence 14d --style high-level
  lead people set "Lee Wong" --email lee@example.com,lwong@example.org
  lead people set sam --relation report --org ""`,
		Args: argCount(1, 1),
		RunE: func(cmd *cobra.Command, args []string) error {
			o.name = args[0]
			cmd.Flags().Visit(func(f *pflag.Flag) { o.set = append(o.set, f.Name) })
			return a.runPeopleSet(o)
		},
	}
	profileFlags(cmd.Flags(), &o.profile)
	return cmd
}

// runPeopleSet writes the keys of the flags given in the person's file,
// each replacing its line, and prints the file's path.
func (a *app) runPeopleSet(o peopleSetOptions) error {
	s, person, err := a.loadPerson(o.name, a.loadPeople)
	if err != nil {
		return err
	}
	p := &o.profile
	if err := a.checkProfile(s, p); err != nil {
		return err
	}
	values := map[string]any{"relation": p.Relation, "org": p.Org, "cadence": p.Cadence, "style": p.Style,
		"prefers": p.Prefers, "trusts": p.Trusts, "stance": p.Stance, "influence": p.Influence,
		"interest": p.Interest, "email": journal.EmailValue(p.Email)}
	var changes []journal.PersonChange
	for _, key := range o.set {
		if v, ok := values[key]; ok {
			changes = append(changes, journal.PersonChange{Key: key, Value: v})
		}
	}
	if len(changes) == 0 {
		return usagef("nothing to change: give a flag such as --relation, --cadence or --email")
	}
	a.rewriting(person.Path)
	changed, err := a.journal.SetPerson(person, changes)
	if err != nil {
		return err
	}
	a.autocommit("people: set "+changed.Name, changed.Path)
	_, err = fmt.Fprintln(a.env.Stdout, a.abs(changed.Path))
	return err
}

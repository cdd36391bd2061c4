package cli

import (
	"fmt"

	"github.com/lead-journal/lead/journal"
	"github.com/spf13/cobra"
)

// peopleMergeOptions are lead people merge's arguments.
type peopleMergeOptions struct {
	from, into string // the duplicate and the person it folds into
}

func (a *app) cmdPeopleMerge() *cobra.Command {
	return &cobra.Command{
		Use:   "merge FROM INTO",
		Short: "Fold a duplicate person into the real one",
		Long: `Fold FROM, a duplicate ("dsmith" beside "dana-smith"), into INTO across the
journal: every entry's "with", every person's "trusts" and every @mention
name INTO instead, FROM's trusts are added to INTO's and FROM's open agenda
moves to INTO's, and FROM's file is removed. Each file changes only in the
lines that named FROM. With git.autocommit, it is one commit. Notes in
FROM's file other than its agenda are not moved; lead says so, and git
keeps them.`,
		Example: `  lead people merge dsmith dana-smith`,
		Args:    argCount(2, 2),
		RunE: func(cmd *cobra.Command, args []string) error {
			return a.runPeopleMerge(peopleMergeOptions{from: args[0], into: args[1]})
		},
	}
}

// runPeopleMerge folds one person into another across the journal and
// prints the path of the person kept.
func (a *app) runPeopleMerge(o peopleMergeOptions) error {
	s, err := a.loadHeaders()
	if err != nil {
		return err
	}
	from, err := s.Lookup(o.from)
	if err != nil {
		return usagef("FROM: %v", err)
	}
	into, err := s.Lookup(o.into)
	if err != nil {
		return usagef("INTO: %v", err)
	}
	if from.Slug == into.Slug {
		return usagef("%s and %s are the same person", o.from, o.into)
	}
	touched := []string{}
	for _, e := range s.Entries {
		if e.Has(from.Slug) {
			touched = append(touched, e.Path)
		}
	}
	for _, p := range s.People {
		touched = append(touched, p.Path)
	}
	a.rewriting(touched...)
	m, err := a.journal.MergePeople(s, from, into, a.env.Now())
	if m != nil {
		a.autocommit("people: merge "+from.Name+" into "+into.Name, append(m.Changed, m.Removed)...)
	}
	if err != nil {
		return err
	}
	a.infof("merged %s into %s: %s rewritten, %s removed", from.Label(), into.Label(), fmt.Sprintf("%d %s", len(m.Changed), journal.Plural(len(m.Changed), "file", "files")), a.abs(m.Removed))
	if m.Notes {
		a.warnf("the notes in %s were not moved; copy them from git's history if you need them", m.Removed)
	}
	_, err = fmt.Fprintln(a.env.Stdout, a.abs(into.Path))
	return err
}

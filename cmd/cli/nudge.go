package cli

import (
	"fmt"

	"github.com/spf13/cobra"
)

// nudgeOptions are lead nudge's arguments.
type nudgeOptions struct {
	refs []string // item ids or unique prefixes
}

func (a *app) cmdNudge() *cobra.Command {
	return &cobra.Command{
		Use:               "nudge ID...",
		ValidArgsFunction: a.completeItems,
		Short:             "Record that you chased what someone owes you",
		GroupID:           "habits",
		Long: `Record that you chased an item someone owes you: " nudged:YYYY-MM-DD" (today)
is appended to its line, and nothing else in the file changes. The item keeps
its id, and how long it has waited (lead todo --theirs, lead review) counts
from the latest nudge. ID is an item id from lead todo, or any unique prefix.`,
		Example: `  lead todo --theirs        # longest waiting first
  lead nudge 1a2b3c4`,
		Args: argCount(1, -1),
		RunE: func(cmd *cobra.Command, args []string) error {
			return a.runNudge(nudgeOptions{refs: args})
		},
	}
}

// runNudge records a nudge on each item, commits it when the journal does,
// and says on stderr how long each had waited.
func (a *app) runNudge(o nudgeOptions) error {
	s, err := a.loadOpen()
	if err != nil {
		return err
	}
	now := a.env.Now()
	for _, ref := range o.refs {
		it, err := s.FindItem(ref)
		if err != nil {
			return err
		}
		a.rewriting(it.Path)
		if err := a.journal.Nudge(*it, now); err != nil {
			return err
		}
		who := s.Names([]string{it.Owner})
		a.autocommit(fmt.Sprintf("nudge: %s: %s", who, it.Text), it.Path)
		a.infof("nudged %s %s after %d days: %s (%s:%d)", who, s.ItemRef(it), it.WaitingDays(now), it.Text, a.abs(it.Path), it.Line)
	}
	return nil
}

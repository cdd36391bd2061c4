package cli

import (
	"errors"
	"fmt"
	"strings"

	"github.com/lead-journal/lead/journal"

	"github.com/lead-journal/lead/cmd/gitrepo"
	"github.com/spf13/cobra"
)

// autocommit commits the files a write touched when the journal's
// lead.yaml sets git.autocommit and the journal is a repository. A failed
// commit is a warning: the write itself succeeded.
func (a *app) autocommit(message string, paths ...string) {
	if a.journal == nil || !a.journal.Config.Git.Autocommit {
		return
	}
	repo := gitrepo.Repo{Dir: a.journal.Root}
	if !repo.IsRepo() {
		a.warnf("git.autocommit is set but %s is not a git repository", a.journal.Root)
		return
	}
	if err := repo.Commit(message, paths...); err != nil {
		a.warnf("saved, but not committed: %v", err)
	}
}

func (a *app) cmdSync() *cobra.Command {
	return &cobra.Command{
		Use:     "sync",
		Short:   "Commit, pull with rebase, and push the journal",
		GroupID: "journal",
		Long: `Commit every pending change in the journal, pull the remote's changes with
rebase, and push. When both sides changed the same lines, the rebase is
undone: your commits stay as they were, the remote's are fetched, nothing is
lost, and lead says which files to reconcile.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			j, err := a.open()
			if err != nil {
				return err
			}
			res, err := gitrepo.Repo{Dir: j.Root}.Sync(func(files []string) string { return "sync: " + countFiles(files) })
			if err != nil {
				var ce *gitrepo.ConflictError
				if errors.As(err, &ce) {
					return fmt.Errorf("sync stopped: %w", err)
				}
				return err
			}
			committed := "nothing to commit"
			if res.Committed {
				committed = countFiles(res.Files) + " committed"
			}
			if res.NoRemote {
				a.infof("%s; no remote to sync with (git remote add origin URL)", committed)
				return nil
			}
			pulled := "nothing pulled"
			if len(res.PulledIn) > 0 {
				pulled = countFiles(res.PulledIn) + " pulled"
			}
			a.infof("%s, %s, pushed to %s", committed, pulled, res.Remote)
			return nil
		},
	}
}

// countFiles says what journal files a list of paths holds, in words:
// "3 entries, 1 person", "2 files".
func countFiles(paths []string) string {
	var entries, people, reviews, other int
	for _, p := range paths {
		switch {
		case strings.HasPrefix(p, journal.EntriesDir+"/"):
			entries++
		case strings.HasPrefix(p, journal.PeopleDir+"/"):
			people++
		case strings.HasPrefix(p, journal.ReviewsDir+"/"):
			reviews++
		default:
			other++
		}
	}
	var parts []string
	for _, c := range []struct {
		n         int
		one, many string
	}{{entries, "entry", "entries"}, {people, "person", "people"}, {reviews, "review", "reviews"}, {other, "other file", "other files"}} {
		switch {
		case c.n == 1:
			parts = append(parts, "1 "+c.one)
		case c.n > 1:
			parts = append(parts, fmt.Sprintf("%d %s", c.n, c.many))
		}
	}
	if len(parts) == 0 {
		return "no files"
	}
	return strings.Join(parts, ", ")
}

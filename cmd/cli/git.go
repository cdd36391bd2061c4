package cli

import (
	"errors"
	"fmt"

	"github.com/lead-journal/lead/journal"
	"github.com/lead-journal/lead/journal/gitrepo"
	"github.com/spf13/cobra"
)

// autocommit commits the files a write touched when the journal's
// lead.yaml sets git.autocommit and the journal is a repository. A failed
// commit is a warning: the write itself succeeded. A file that rewriting
// found holding the user's uncommitted changes is left uncommitted, and
// lead says so: its commit would carry the user's edits under lead's
// message.
func (a *app) autocommit(message string, paths ...string) {
	if a.journal == nil || !a.journal.Config.Git.Autocommit {
		return
	}
	repo := gitrepo.Repo{Dir: a.journal.Root}
	if !repo.IsRepo() {
		a.warnf("git.autocommit is set but %s is not a git repository", a.journal.Root)
		return
	}
	mine := paths[:0:0]
	for _, p := range paths {
		if a.userEdited[p] {
			a.infof("saved, but not committed: %s already had changes of yours that are not committed; commit them together with git commit", a.abs(p))
		} else {
			mine = append(mine, p)
		}
	}
	if err := repo.Commit(message, mine...); err != nil {
		a.warnf("saved, but not committed: %v", err)
	}
}

// rewriting is called before a command rewrites files in place (paths
// relative to the journal): with git.autocommit on, it notes which of
// them already hold changes git has not committed, for autocommit.
func (a *app) rewriting(paths ...string) {
	if a.journal == nil || !a.journal.Config.Git.Autocommit {
		return
	}
	repo := gitrepo.Repo{Dir: a.journal.Root}
	if !repo.IsRepo() {
		return
	}
	changed, err := repo.Uncommitted(paths...)
	if err != nil {
		a.warnf("%v", err)
	}
	if a.userEdited == nil {
		a.userEdited = map[string]bool{}
	}
	for _, p := range changed {
		a.userEdited[p] = true
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
lost, and lead says which files to reconcile.

Sync commits nothing, and says what to do next, while a rebase, merge,
cherry-pick or revert is in progress, while any file holds conflict markers
(<<<<<<< or >>>>>>> at the start of a line), and on a detached HEAD. lead's
temporary files (.lead-tmp-*) are never committed; ones a killed process
left are removed.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			j, err := a.open()
			if err != nil {
				return err
			}
			j.RemoveStaleTemps()
			res, err := gitrepo.Repo{Dir: j.Root}.Sync("sync: "+a.env.Now().Format("2006-01-02 15:04"), journal.TempPattern)
			if err != nil {
				var ce *gitrepo.ConflictError
				var nr *gitrepo.NotReadyError
				if errors.As(err, &ce) || errors.As(err, &nr) {
					return fmt.Errorf("sync stopped: %w", err)
				}
				return err
			}
			switch {
			case res.NoRemote && res.Committed:
				a.infof("committed; no remote to sync with (git remote add origin URL)")
			case res.NoRemote:
				a.infof("nothing to commit; no remote to sync with (git remote add origin URL)")
			default:
				a.infof("synced: committed %v, pulled %v, pushed %v", res.Committed, res.Pulled, res.Pushed)
			}
			return nil
		},
	}
}

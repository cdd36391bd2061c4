package cli

import (
	"errors"
	"fmt"

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
			res, err := gitrepo.Repo{Dir: j.Root}.Sync("sync: " + a.env.Now().Format("2006-01-02 15:04"))
			if err != nil {
				var ce *gitrepo.ConflictError
				if errors.As(err, &ce) {
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

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

// syncOptions are lead sync's options: it has none, and takes the
// journal from the global --dir like every command.
type syncOptions struct{}

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
		RunE: func(cmd *cobra.Command, args []string) error { return a.runSync(syncOptions{}) },
	}
}

// runSync commits the journal's pending changes, pulls with rebase and
// pushes, and says on stderr what moved.
func (a *app) runSync(syncOptions) error {
	j, err := a.open()
	if err != nil {
		return err
	}
	j.RemoveStaleTemps()
	res, err := gitrepo.Repo{Dir: j.Root}.Sync(func(files []string) string { return "sync: " + countFiles(files) }, journal.TempPattern)
	if err != nil {
		var ce *gitrepo.ConflictError
		var nr *gitrepo.NotReadyError
		if errors.As(err, &ce) || errors.As(err, &nr) {
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
	pushed := "nothing to push to " + res.Remote
	if res.Pushed {
		pushed = "pushed to " + res.Remote
	}
	a.infof("%s, %s, %s", committed, pulled, pushed)
	return nil
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

// Package gitrepo runs the git operations lead uses to keep a journal in
// a repository: committing what a write touched, and syncing with the
// remote by commit, pull with rebase, and push.
package gitrepo

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
)

// Repo is a journal directory that is (or may be) a git work tree.
type Repo struct{ Dir string }

// run runs git in the repository and returns its trimmed standard output;
// on failure the error carries git's standard error.
func (r Repo) run(args ...string) (string, error) {
	cmd := exec.Command("git", append([]string{"-C", r.Dir}, args...)...)
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	if err := cmd.Run(); err != nil {
		msg := strings.TrimSpace(errb.String())
		if msg == "" {
			msg = err.Error()
		}
		return strings.TrimSpace(out.String()), fmt.Errorf("git %s: %s", args[0], msg)
	}
	return strings.TrimSpace(out.String()), nil
}

// IsRepo reports whether the directory is the top of a git work tree.
func (r Repo) IsRepo() bool {
	_, err := os.Stat(filepath.Join(r.Dir, ".git"))
	return err == nil
}

// Init makes the directory a repository.
func (r Repo) Init() error {
	_, err := r.run("init", "--quiet")
	return err
}

// Commit commits exactly the given files (paths relative to the
// repository) with message, leaving anything else staged or changed as it
// is. It does nothing when those files have no changes.
func (r Repo) Commit(message string, paths ...string) error {
	if len(paths) == 0 {
		return nil
	}
	if _, err := r.run(append([]string{"add", "--"}, paths...)...); err != nil {
		return err
	}
	if _, err := r.run(append([]string{"diff", "--cached", "--quiet", "--"}, paths...)...); err == nil {
		return nil // nothing to commit in those files
	}
	_, err := r.run(append([]string{"commit", "--quiet", "--no-verify", "-m", message, "--"}, paths...)...)
	return err
}

// ConflictError reports a pull that could not be rebased cleanly. The
// rebase was aborted: the local commits are as they were, and the remote's
// are fetched; nothing is lost on either side.
type ConflictError struct {
	Files []string
}

func (e *ConflictError) Error() string {
	return fmt.Sprintf("the remote changed the same lines as you in %s; your commits are kept as they were and the remote's are fetched. "+
		"Resolve it with: git pull --rebase, fix the files, git rebase --continue, then lead sync", strings.Join(e.Files, ", "))
}

// SyncResult says what Sync did.
type SyncResult struct {
	Committed bool // pending changes were committed
	Pulled    bool
	Pushed    bool
	NoRemote  bool
}

// Sync commits every pending change with message, pulls with rebase from
// the upstream (or origin), and pushes.
func (r Repo) Sync(message string) (SyncResult, error) {
	var res SyncResult
	if !r.IsRepo() {
		return res, errors.New("the journal is not a git repository: run lead init --git, or git init in it")
	}
	if _, err := r.run("add", "--all"); err != nil {
		return res, err
	}
	if _, err := r.run("diff", "--cached", "--quiet"); err != nil {
		if _, err := r.run("commit", "--quiet", "--no-verify", "-m", message); err != nil {
			return res, err
		}
		res.Committed = true
	}
	remotes, err := r.run("remote")
	if err != nil {
		return res, err
	}
	if remotes == "" {
		res.NoRemote = true
		return res, nil
	}
	branch, err := r.run("symbolic-ref", "--short", "HEAD")
	if err != nil {
		return res, err
	}
	remote := "origin"
	if up, err := r.run("config", "branch."+branch+".remote"); err == nil && up != "" {
		remote = up
	}
	if _, err := r.run("fetch", "--quiet", remote); err != nil {
		return res, err
	}
	if _, err := r.run("rev-parse", "--verify", "--quiet", remote+"/"+branch); err == nil {
		if _, err := r.run("rebase", "--quiet", remote+"/"+branch); err != nil {
			files, _ := r.run("diff", "--name-only", "--diff-filter=U")
			if _, abortErr := r.run("rebase", "--abort"); abortErr != nil {
				return res, fmt.Errorf("%v; and the rebase could not be aborted: %v", err, abortErr)
			}
			return res, &ConflictError{Files: strings.Fields(files)}
		}
		res.Pulled = true
	}
	if _, err := r.run("push", "--quiet", "--set-upstream", remote, branch); err != nil {
		return res, err
	}
	res.Pushed = true
	return res, nil
}

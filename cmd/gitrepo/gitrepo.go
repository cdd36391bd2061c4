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
	Committed bool     // pending changes were committed
	Files     []string // the files committed, relative to the repository
	Pulled    bool
	PulledIn  []string // the files the pull brought changes to
	Pushed    bool
	Remote    string // the remote synced with
	NoRemote  bool
}

// Sync commits every pending change with the message describe gives for
// the files staged, pulls with rebase from the upstream (or origin), and
// pushes. The files the pull brings are made private (0600, directories
// 0700), as lead writes its own.
func (r Repo) Sync(describe func(files []string) string) (SyncResult, error) {
	var res SyncResult
	if !r.IsRepo() {
		return res, errors.New("the journal is not a git repository: run lead init --git, or git init in it")
	}
	if _, err := r.run("add", "--all"); err != nil {
		return res, err
	}
	if _, err := r.run("diff", "--cached", "--quiet"); err != nil {
		staged, err := r.run("diff", "--cached", "--name-only", "-z")
		if err != nil {
			return res, err
		}
		res.Files = splitNUL(staged)
		if _, err := r.run("commit", "--quiet", "--no-verify", "-m", describe(res.Files)); err != nil {
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
	res.Remote = remote
	if _, err := r.run("rev-parse", "--verify", "--quiet", remote+"/"+branch); err == nil {
		incoming, _ := r.run("diff", "--name-only", "-z", "HEAD..."+remote+"/"+branch) // none without a commit yet
		if _, err := r.run("rebase", "--quiet", remote+"/"+branch); err != nil {
			files, _ := r.run("diff", "--name-only", "--diff-filter=U")
			if _, abortErr := r.run("rebase", "--abort"); abortErr != nil {
				return res, fmt.Errorf("%v; and the rebase could not be aborted: %v", err, abortErr)
			}
			return res, &ConflictError{Files: strings.Fields(files)}
		}
		res.Pulled, res.PulledIn = true, splitNUL(incoming)
		r.makePrivate(res.PulledIn)
	}
	if _, err := r.run("push", "--quiet", "--set-upstream", remote, branch); err != nil {
		return res, err
	}
	res.Pushed = true
	return res, nil
}

// splitNUL splits git's -z output into its names.
func splitNUL(s string) []string {
	return strings.FieldsFunc(s, func(r rune) bool { return r == 0 })
}

// makePrivate gives the regular files of files mode 0600 and the
// directories that hold them 0700, up to the repository's top; a symbolic
// link is left alone, so nothing outside the repository is touched.
func (r Repo) makePrivate(files []string) {
	for _, f := range files {
		path := filepath.Join(r.Dir, filepath.FromSlash(f))
		if fi, err := os.Lstat(path); err == nil && fi.Mode().IsRegular() && fi.Mode().Perm() != 0o600 {
			os.Chmod(path, 0o600)
		}
		for dir := filepath.Dir(path); dir != r.Dir && strings.HasPrefix(dir, r.Dir+string(filepath.Separator)); dir = filepath.Dir(dir) {
			if fi, err := os.Lstat(dir); err == nil && fi.IsDir() && fi.Mode().Perm() != 0o700 {
				os.Chmod(dir, 0o700)
			}
		}
	}
}

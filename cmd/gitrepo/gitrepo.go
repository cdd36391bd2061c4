// Package gitrepo runs the git operations lead uses to keep a journal in
// a repository: committing what a write touched, and syncing with the
// remote by commit, pull with rebase, and push.
package gitrepo

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
)

// Repo is a journal directory that is (or may be) a git work tree.
type Repo struct{ Dir string }

// run runs git in the repository and returns its trimmed standard output;
// on failure the error is a *gitError carrying git's standard error.
func (r Repo) run(args ...string) (string, error) {
	cmd := exec.Command("git", append([]string{"-C", r.Dir}, args...)...)
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	if err := cmd.Run(); err != nil {
		ge := &gitError{command: args[0], message: strings.TrimSpace(errb.String()), code: -1}
		if ee, ok := err.(*exec.ExitError); ok {
			ge.code = ee.ExitCode()
		}
		if ge.message == "" {
			ge.message = err.Error()
		}
		return strings.TrimSpace(out.String()), ge
	}
	return strings.TrimSpace(out.String()), nil
}

// gitError is a git command that failed.
type gitError struct {
	command, message string
	code             int // the exit status, -1 when git did not run
}

func (e *gitError) Error() string { return fmt.Sprintf("git %s: %s", e.command, e.message) }

// IsRepo reports whether the directory is the top of a git work tree.
func (r Repo) IsRepo() bool {
	_, err := os.Stat(filepath.Join(r.Dir, ".git"))
	return err == nil
}

// InWorkTree reports whether git has the directory in a work tree: its
// own repository, or one it is inside of.
func (r Repo) InWorkTree() bool {
	out, err := r.run("rev-parse", "--is-inside-work-tree")
	return err == nil && out == "true"
}

// Init makes the directory a private repository: .git and everything git
// writes into it later are for the owner alone (core.sharedRepository
// 0600), whatever the umask.
func (r Repo) Init() error {
	if _, err := r.run("init", "--quiet", "--shared=0600"); err != nil {
		return err
	}
	return filepath.WalkDir(filepath.Join(r.Dir, ".git"), func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.Type()&fs.ModeSymlink != 0 {
			return nil
		}
		info, err := d.Info()
		if err != nil {
			return err
		}
		if perm := info.Mode().Perm(); perm&0o077 != 0 {
			return os.Chmod(path, perm&^0o077)
		}
		return nil
	})
}

// Commit commits exactly the given files (paths relative to the
// repository) with message, leaving anything else staged or changed as it
// is. It does nothing when those files have no changes, and returns a
// *NotReadyError, committing nothing, during a rebase, merge, cherry-pick
// or revert and on a detached HEAD.
func (r Repo) Commit(message string, paths ...string) error {
	if len(paths) == 0 {
		return nil
	}
	if err := r.midway(); err != nil {
		return err
	}
	if err := r.detached(); err != nil {
		return err
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

// Uncommitted returns those of paths (relative to the repository, with
// slashes) that differ from the last commit: changed, staged or untracked.
func (r Repo) Uncommitted(paths ...string) ([]string, error) {
	if len(paths) == 0 {
		return nil, nil
	}
	out, err := r.run(append([]string{"status", "--porcelain", "-z", "--untracked-files=all", "--"}, paths...)...)
	if err != nil {
		return nil, err
	}
	var changed []string
	for _, p := range paths {
		for rec := range strings.SplitSeq(out, "\x00") {
			// "XY path", its leading space trimmed when it is the first
			if strings.HasSuffix(rec, " "+p) && len(rec) <= len(p)+3 {
				changed = append(changed, p)
				break
			}
		}
	}
	return changed, nil
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

// Marker is a line of a file holding a conflict marker git left.
type Marker struct {
	Path string // relative to the repository, with slashes
	Line int
	Text string
}

// ConflictMarkers finds the lines that begin with a conflict marker
// (<<<<<<< or >>>>>>>, alone or followed by a space) in the files git
// tracks or would add. The ======= between them is not looked for: in
// Markdown it underlines a heading.
func (r Repo) ConflictMarkers() ([]Marker, error) {
	out, err := r.run("grep", "--untracked", "-I", "-n", "-z", "--no-color", "-E", "-e", "^(<<<<<<<|>>>>>>>)( |$)")
	var ge *gitError
	if errors.As(err, &ge) && ge.code == 1 && out == "" {
		return nil, nil // no match
	}
	if err != nil {
		return nil, err
	}
	var markers []Marker
	for line := range strings.SplitSeq(out, "\n") {
		parts := strings.SplitN(line, "\x00", 3)
		if len(parts) != 3 {
			continue
		}
		n, _ := strconv.Atoi(parts[1])
		markers = append(markers, Marker{Path: parts[0], Line: n, Text: strings.TrimSpace(parts[2])})
	}
	return markers, nil
}

// NotReadyError says why the repository cannot be synced now, and what to
// do about it.
type NotReadyError struct{ Reason, Next string }

func (e *NotReadyError) Error() string { return e.Reason + ". " + e.Next }

// inProgress are the operations git leaves half done until the person
// finishes or undoes them, by the file that marks each.
var inProgress = []struct{ file, what, next string }{
	{"rebase-merge", "a rebase", "Finish it (fix the files, git add them, git rebase --continue) or undo it (git rebase --abort), then run lead sync again"},
	{"rebase-apply", "a rebase", "Finish it (fix the files, git add them, git rebase --continue) or undo it (git rebase --abort), then run lead sync again"},
	{"MERGE_HEAD", "a merge", "Finish it (fix the files, git add them, git commit) or undo it (git merge --abort), then run lead sync again"},
	{"CHERRY_PICK_HEAD", "a cherry-pick", "Finish it (git cherry-pick --continue) or undo it (git cherry-pick --abort), then run lead sync again"},
	{"REVERT_HEAD", "a revert", "Finish it (git revert --continue) or undo it (git revert --abort), then run lead sync again"},
}

// Ready returns a *NotReadyError when committing everything now would
// commit a half-done operation or conflict markers, or lose the commit:
// during a rebase, merge, cherry-pick or revert; with files git could not
// merge or with conflict markers in any file; on a detached HEAD.
func (r Repo) Ready() error {
	if err := r.midway(); err != nil {
		return err
	}
	if files, err := r.run("diff", "--name-only", "--diff-filter=U"); err != nil {
		return err
	} else if files != "" {
		return &NotReadyError{"git could not merge " + strings.Join(strings.Fields(files), ", "),
			"Edit each to keep the lines you want and remove the conflict markers, git add it, then run lead sync again"}
	}
	markers, err := r.ConflictMarkers()
	if err != nil {
		return err
	}
	if len(markers) > 0 {
		var where []string
		for _, m := range markers {
			if loc := m.Path + ":" + strconv.Itoa(m.Line); len(where) < 5 {
				where = append(where, loc)
			}
		}
		if len(markers) > len(where) {
			where = append(where, "...")
		}
		return &NotReadyError{"conflict markers left by a merge are still in " + strings.Join(where, ", "),
			"Edit each file to keep the lines you want and remove the marker lines (lead check lists them all), then run lead sync again"}
	}
	return r.detached()
}

// midway returns a *NotReadyError while an operation git leaves half done
// is in progress.
func (r Repo) midway() error {
	for _, op := range inProgress {
		path, err := r.run("rev-parse", "--git-path", op.file)
		if err != nil {
			return err
		}
		if !filepath.IsAbs(path) {
			path = filepath.Join(r.Dir, path)
		}
		if _, err := os.Lstat(path); err == nil {
			return &NotReadyError{op.what + " is in progress in the journal, and lead will not commit in the middle of it", op.next}
		}
	}
	return nil
}

// detached returns a *NotReadyError when HEAD is on no branch.
func (r Repo) detached() error {
	if _, err := r.run("symbolic-ref", "--quiet", "HEAD"); err != nil {
		return &NotReadyError{"the journal's HEAD is detached (on no branch): a commit there would be lost at the next checkout",
			"Go back to your branch with git switch BRANCH (git branch lists them), then run lead sync again"}
	}
	return nil
}

// Sync commits every pending change with the message describe gives for
// the files staged, pulls with rebase from the upstream (or origin), and
// pushes when there is anything to push. The files the pull brings are
// made private (0600, directories 0700), as lead writes its own, and after
// a sync so is every file git tracks, those a clone checked out too. It
// does nothing while the repository is not Ready, and never commits a
// file whose name matches one of the globs in scratch (temporary files).
func (r Repo) Sync(describe func(files []string) string, scratch ...string) (SyncResult, error) {
	var res SyncResult
	if !r.IsRepo() {
		return res, errors.New("the journal is not a git repository: run lead init --git, or git init in it")
	}
	if err := r.Ready(); err != nil {
		return res, err
	}
	add := []string{"add", "--all", "--", "."}
	for _, glob := range scratch {
		add = append(add, ":(exclude,glob)**/"+glob)
	}
	if _, err := r.run(add...); err != nil {
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
		if ahead, err := r.run("rev-list", "--count", remote+"/"+branch+"..HEAD"); err == nil && ahead == "0" {
			r.makeTrackedPrivate()
			return res, nil // nothing to push
		}
	}
	if _, err := r.run("push", "--quiet", "--set-upstream", remote, branch); err != nil {
		return res, err
	}
	res.Pushed = true
	r.makeTrackedPrivate()
	return res, nil
}

// makeTrackedPrivate makes every file git tracks private, as lead writes
// its own: those a clone checked out too. It is a courtesy: a file it
// cannot list or change is left as it is.
func (r Repo) makeTrackedPrivate() {
	if tracked, err := r.run("ls-files", "-z"); err == nil {
		r.makePrivate(splitNUL(tracked))
	}
}

// splitNUL splits git's -z output into its names.
func splitNUL(s string) []string {
	return strings.FieldsFunc(s, func(r rune) bool { return r == 0 })
}

// makePrivate gives the regular files of files mode 0600 and the
// directories that hold them 0700, up to the repository's top; a symbolic
// link is left alone, so nothing outside the repository is touched.
func (r Repo) makePrivate(files []string) {
	seen := map[string]bool{} // directories looked at
	for _, f := range files {
		path := filepath.Join(r.Dir, filepath.FromSlash(f))
		if fi, err := os.Lstat(path); err == nil && fi.Mode().IsRegular() && fi.Mode().Perm() != 0o600 {
			os.Chmod(path, 0o600)
		}
		for dir := filepath.Dir(path); dir != r.Dir && !seen[dir] && strings.HasPrefix(dir, r.Dir+string(filepath.Separator)); dir = filepath.Dir(dir) {
			seen[dir] = true
			if fi, err := os.Lstat(dir); err == nil && fi.IsDir() && fi.Mode().Perm() != 0o700 {
				os.Chmod(dir, 0o700)
			}
		}
	}
}

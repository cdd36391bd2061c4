package store

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"
)

// Permissions for everything lead creates: the journal is private.
const (
	DirMode  fs.FileMode = 0o700
	FileMode fs.FileMode = 0o600
)

// TempPrefix marks lead's named temporary files; readers skip them.
const TempPrefix = ".lead-tmp-"

// ErrChanged reports that a file changed under lead between reading and
// rewriting it; nothing was written.
var ErrChanged = errors.New("the file changed while lead was updating it; nothing was written, try again")

// FaultHook, when a test sets it, runs before each step of a write and
// may fail it (or end the process) to show no step leaves a file half
// written.
var FaultHook func(step string) error

func fault(step string) error {
	if FaultHook == nil {
		return nil
	}
	return FaultHook(step)
}

// staged is data written to a file that is not yet in place (and synced,
// for the journal's own files).
type staged struct {
	file *os.File
	name string // "" for an anonymous file, which vanishes if the process dies
}

// stage writes data to a synced temporary file in dir: an anonymous one
// where the system has them (Linux), a hidden named one otherwise.
func stage(dir string, data []byte) (*staged, error) {
	return stageWith(dir, true, func(w io.Writer) error {
		_, err := w.Write(data)
		return err
	})
}

// stageWith is stage for content written by write, which may stream it;
// the content reaches the disk before it is used only when durable.
func stageWith(dir string, durable bool, write func(io.Writer) error) (*staged, error) {
	if err := fault("create"); err != nil {
		return nil, err
	}
	f, err := openAnonymous(dir)
	name := ""
	if errors.Is(err, errNoAnonymous) {
		f, err = os.CreateTemp(dir, TempPrefix+"*")
		if f != nil {
			name = f.Name()
		}
	}
	if err != nil {
		return nil, err
	}
	st := &staged{file: f, name: name}
	err = fault("write")
	if err == nil {
		err = write(f)
	}
	if err == nil && durable {
		err = fault("sync")
	}
	if err == nil && durable {
		err = f.Sync()
	}
	if err != nil {
		st.discard()
		return nil, err
	}
	return st, nil
}

// discard closes the staged file and removes its name, if it has one.
func (st *staged) discard() {
	st.file.Close()
	if st.name != "" {
		os.Remove(st.name)
	}
}

// tempName gives the staged file a hidden name in dir, for a rename into
// place, and returns a function that removes that name again.
func (st *staged) tempName(dir string) (string, func(), error) {
	if st.name != "" {
		return st.name, func() {}, nil
	}
	tmp := filepath.Join(dir, fmt.Sprintf("%s%d-%d", TempPrefix, os.Getpid(), time.Now().UnixNano()))
	if err := st.link(tmp); err != nil {
		return "", nil, err
	}
	return tmp, func() { os.Remove(tmp) }, nil
}

// link puts the staged file at path, failing if path exists.
func (st *staged) link(path string) error {
	if err := fault("link"); err != nil {
		return err
	}
	var err error
	if st.name == "" {
		err = linkAnonymous(st.file, path)
	} else {
		err = os.Link(st.name, path)
	}
	var le *os.LinkError
	if errors.As(err, &le) {
		err = le.Err
	}
	if err != nil {
		return &fs.PathError{Op: "create", Path: path, Err: err}
	}
	return nil
}

// CreateFile atomically creates path holding data and fails with an error
// matching fs.ErrExist when path exists: the data is written and synced
// to a temporary file, then linked into place, which never replaces a file.
func CreateFile(path string, data []byte) error {
	dir := filepath.Dir(path)
	if err := os.MkdirAll(dir, DirMode); err != nil {
		return err
	}
	st, err := stage(dir, data)
	if err != nil {
		return err
	}
	defer st.discard()
	if err := st.link(path); err != nil {
		return err
	}
	return syncDir(dir)
}

// ReplaceFile atomically replaces path's content with data, provided the
// file still holds old; otherwise it returns ErrChanged. The file keeps
// its permissions. A program that had the file open and wrote to it after
// lead read it (a shell's >>, an editor saving in place) wrote into the
// file the rename took away: ReplaceFile notices, waiting briefly for
// such writers to finish. Lines they appended are appended again to the
// new file, so both changes are kept; a rewrite is put back in place and
// ErrChanged returned, lead's change reported as not made. Writers of
// lead hold the journal's Lock.
func ReplaceFile(path string, old, data []byte) error {
	return replaceFile(path, old, data, 3)
}

func replaceFile(path string, old, data []byte, tries int) error {
	info, err := os.Lstat(path)
	if err != nil {
		return err
	}
	if !info.Mode().IsRegular() {
		return fmt.Errorf("%s: not a regular file; lead does not rewrite links or devices", path)
	}
	dir := filepath.Dir(path)
	st, err := stage(dir, data)
	if err != nil {
		return err
	}
	defer st.discard()
	if err := st.file.Chmod(info.Mode().Perm()); err != nil {
		return err
	}
	tmp, remove, err := st.tempName(dir)
	if err != nil {
		return err
	}
	defer remove()
	replaced, err := os.OpenFile(path, os.O_RDONLY|nonBlocking, 0)
	if err != nil {
		return err
	}
	defer replaced.Close()
	before, err := replaced.Stat()
	if err != nil {
		return err
	}
	if !before.Mode().IsRegular() {
		return fmt.Errorf("%s: not a regular file; lead does not rewrite links or devices", path)
	}
	current, err := io.ReadAll(io.LimitReader(replaced, before.Size()+1))
	if err != nil {
		return err
	}
	if !bytes.Equal(current, old) {
		return fmt.Errorf("%s: %w", path, ErrChanged)
	}
	if err := fault("rename"); err != nil {
		return err
	}
	if err := os.Rename(tmp, path); err != nil {
		return err
	}
	if err := syncDir(dir); err != nil {
		return err
	}
	// A writer that opened the file before the rename may not have
	// written yet: wait, briefly, for those to close it.
	for wait := 0; wait < 100 && openForWriting(replaced); wait++ {
		time.Sleep(time.Millisecond)
	}
	after, err := replaced.Stat()
	if err != nil || after.Size() == before.Size() && after.ModTime().Equal(before.ModTime()) {
		return err
	}
	// Written to after lead read it, into the file the rename took away.
	theirs, err := io.ReadAll(io.NewSectionReader(replaced, 0, after.Size()))
	if err != nil {
		return err
	}
	if tries == 0 {
		return fmt.Errorf("%s: %w (and what was written to it meanwhile is in the file lead replaced, which could not be put back)", path, ErrChanged)
	}
	if lost, appended := bytes.CutPrefix(theirs, current); appended {
		// Lines appended: append them again to the new file, in place as
		// the writer did, so both changes are kept. Another rename here
		// could itself meet the writer's next append and lose these.
		return appendTo(path, lost)
	}
	// Rewritten in place: theirs wins, lead's change is not made.
	if err := replaceFile(path, data, theirs, tries-1); err != nil && !errors.Is(err, ErrChanged) {
		return err
	}
	return fmt.Errorf("%s: %w", path, ErrChanged)
}

// appendTo appends data to the regular file at path, in place, as a
// shell's >> does.
func appendTo(path string, data []byte) error {
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_APPEND|nonBlocking|noFollow, 0)
	if err != nil {
		return err
	}
	if _, err := f.Write(data); err != nil {
		f.Close()
		return err
	}
	return errors.Join(f.Sync(), f.Close())
}

// WriteReplacing atomically puts what write writes at path, replacing
// whatever is there: for lead's own disposable files, never the journal's.
// It does not wait for the disk: after a crash such a file may be damaged,
// which its reader notices, and it is made again.
func WriteReplacing(path string, write func(io.Writer) error) error {
	dir := filepath.Dir(path)
	st, err := stageWith(dir, false, write)
	if err != nil {
		return err
	}
	defer st.discard()
	tmp, remove, err := st.tempName(dir)
	if err != nil {
		return err
	}
	defer remove()
	return os.Rename(tmp, path)
}

func syncDir(dir string) error {
	if err := fault("sync-dir"); err != nil {
		return err
	}
	d, err := os.Open(dir)
	if err != nil {
		return err
	}
	defer d.Close()
	if err := d.Sync(); err != nil && !errors.Is(err, fs.ErrInvalid) {
		return err
	}
	return nil
}

// StaleTempAge is how old a named temporary file must be before a scan
// removes it as the leftover of a killed process.
const StaleTempAge = time.Minute

// removeStaleTemp deletes path, named name, when it is an old temporary
// file of lead's.
func removeStaleTemp(path, name string) {
	if !strings.HasPrefix(name, TempPrefix) {
		return
	}
	if info, err := os.Lstat(path); err == nil && time.Since(info.ModTime()) > StaleTempAge {
		os.Remove(path)
	}
}

// Inside returns path relative to root, refusing paths that leave root,
// whether by "..", by being elsewhere, or through a symbolic link.
func Inside(root, path string) (string, error) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return "", err
	}
	rootAbs, err := filepath.Abs(root)
	if err != nil {
		return "", err
	}
	rel, err := filepath.Rel(rootAbs, abs)
	if err != nil || escapes(rel) {
		return "", fmt.Errorf("%s is outside the journal %s", path, root)
	}
	realRoot, err := filepath.EvalSymlinks(rootAbs)
	if err != nil {
		return "", err
	}
	if real, err := filepath.EvalSymlinks(abs); err == nil {
		if r, err := filepath.Rel(realRoot, real); err != nil || escapes(r) {
			return "", fmt.Errorf("%s leads outside the journal %s through a symbolic link", path, root)
		}
	}
	return filepath.ToSlash(rel), nil
}

func escapes(rel string) bool {
	return rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator))
}

//go:build unix

package store

import (
	"os"
	"path/filepath"
	"syscall"
)

// nonBlocking opens a file without waiting on it: a named pipe put in a
// file's place opens at once, to be refused as not a regular file.
const nonBlocking = syscall.O_NONBLOCK

// Lock takes the lock file at path (made, private, if missing) for this
// process alone, waiting while another holds it, and returns the function
// that lets it go. lead's rewrites of the journal's files hold it from
// reading a file to replacing it, so two never interleave.
func Lock(path string) (unlock func(), err error) {
	if err := os.MkdirAll(filepath.Dir(path), DirMode); err != nil {
		return nil, err
	}
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE|syscall.O_NOFOLLOW|syscall.O_NONBLOCK, FileMode)
	if err != nil {
		return nil, err
	}
	for {
		err = syscall.Flock(int(f.Fd()), syscall.LOCK_EX)
		if err != syscall.EINTR {
			break
		}
	}
	if err != nil {
		f.Close()
		return nil, &os.PathError{Op: "lock", Path: path, Err: err}
	}
	return func() { f.Close() }, nil
}

// noFollow makes an open refuse a symbolic link.
const noFollow = syscall.O_NOFOLLOW

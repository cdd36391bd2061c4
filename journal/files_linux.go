package journal

import (
	"errors"
	"fmt"
	"os"

	"golang.org/x/sys/unix"
)

// errNoAnonymous reports that the file system cannot make anonymous files.
var errNoAnonymous = errors.New("anonymous temporary files not supported")

// openAnonymous opens an unnamed file in dir (O_TMPFILE): if the process
// dies before the file is linked into place, nothing is left behind.
func openAnonymous(dir string) (*os.File, error) {
	fd, err := unix.Open(dir, unix.O_TMPFILE|unix.O_WRONLY|unix.O_CLOEXEC, uint32(FileMode))
	if err != nil {
		if errors.Is(err, unix.EOPNOTSUPP) || errors.Is(err, unix.EISDIR) || errors.Is(err, unix.EINVAL) {
			return nil, errNoAnonymous
		}
		return nil, &os.PathError{Op: "open", Path: dir, Err: err}
	}
	return os.NewFile(uintptr(fd), dir), nil
}

// linkAnonymous gives an anonymous file its name; it fails if path exists.
func linkAnonymous(f *os.File, path string) error {
	err := unix.Linkat(unix.AT_FDCWD, fmt.Sprintf("/proc/self/fd/%d", f.Fd()), unix.AT_FDCWD, path, unix.AT_SYMLINK_FOLLOW)
	if err != nil {
		return &os.LinkError{Op: "link", Old: f.Name(), New: path, Err: err}
	}
	return nil
}

// statAt returns the identity of the file name in the open directory
// dir, without following a final symbolic link: one fstatat call, with no
// path to resolve again.
func statAt(dir *os.File, name string) (fileKey, error) {
	var st unix.Stat_t
	if err := unix.Fstatat(int(dir.Fd()), name, &st, unix.AT_SYMLINK_NOFOLLOW); err != nil {
		return fileKey{}, err
	}
	return keyOf(&st), nil
}

func keyOf(st *unix.Stat_t) fileKey {
	return fileKey{size: st.Size, mtime: st.Mtim.Nano(), ctime: st.Ctim.Nano(), ino: st.Ino}
}

// readFileKey reads a whole file with as few system calls as the system
// allows (open, fstat, read, close), and returns its identity too. Files
// larger than MaxFileSize are refused without reading them.
func readFileKey(path string) ([]byte, fileKey, error) {
	fd, err := unix.Open(path, unix.O_RDONLY|unix.O_CLOEXEC, 0)
	if err != nil {
		return nil, fileKey{}, &os.PathError{Op: "open", Path: path, Err: err}
	}
	defer unix.Close(fd)
	var st unix.Stat_t
	if err := unix.Fstat(fd, &st); err != nil {
		return nil, fileKey{}, &os.PathError{Op: "fstat", Path: path, Err: err}
	}
	if st.Mode&unix.S_IFMT != unix.S_IFREG {
		return nil, fileKey{}, &Problem{path, 0, "not a regular file"}
	}
	if st.Size > MaxFileSize {
		return nil, fileKey{}, &Problem{path, 0, fmt.Sprintf("file is %d bytes, larger than the %d lead reads", st.Size, MaxFileSize)}
	}
	buf := make([]byte, st.Size)
	for n := 0; n < len(buf); {
		m, err := unix.Read(fd, buf[n:])
		if err != nil {
			return nil, fileKey{}, &os.PathError{Op: "read", Path: path, Err: err}
		}
		if m == 0 {
			buf = buf[:n] // shrank while being read
			break
		}
		n += m
	}
	return buf, keyOf(&st), nil
}

// readText reads a whole file for searching into buf, growing it when
// the file does not fit: open, one read for most entries, close.
func readText(path string, buf []byte) ([]byte, error) {
	fd, err := unix.Open(path, unix.O_RDONLY|unix.O_CLOEXEC, 0)
	if err != nil {
		return nil, &os.PathError{Op: "open", Path: path, Err: err}
	}
	defer unix.Close(fd)
	buf = buf[:cap(buf)]
	n := 0
	for {
		if n == len(buf) {
			if len(buf) >= MaxFileSize {
				return nil, &Problem{path, 0, fmt.Sprintf("file is larger than the %d bytes lead reads", MaxFileSize)}
			}
			buf = append(buf, make([]byte, max(len(buf), 4096))...)
		}
		m, err := unix.Read(fd, buf[n:])
		if err != nil {
			return nil, &os.PathError{Op: "read", Path: path, Err: err}
		}
		n += m
		// A short read of a regular file is its end.
		if m == 0 || n < len(buf) {
			return buf[:n], nil
		}
	}
}

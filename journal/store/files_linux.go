package store

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"unsafe"

	"github.com/lead-journal/lead/journal/format"
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

// keyOf is the identity of the file st describes.
func keyOf(st *unix.Statx_t) FileKey {
	return FileKey{Size: int64(st.Size), Mtime: st.Mtime.Sec*1e9 + int64(st.Mtime.Nsec),
		Ctime: st.Ctime.Sec*1e9 + int64(st.Ctime.Nsec), Ino: st.Ino}
}

// statxMask asks statx for what a FileKey holds, the file type and its
// permissions.
const statxMask = unix.STATX_TYPE | unix.STATX_MODE | unix.STATX_SIZE | unix.STATX_MTIME | unix.STATX_CTIME | unix.STATX_INO

// listDir lists dir: one getdents call for most directories and, with
// stat, one statx call per name, made on the name in the getdents buffer.
// This pays for itself, barely: with os.File.Readdirnames and
// unix.Statx, which copies each name again, a warm list --with took
// 12-27 % longer at 100,000 entries and at 10,000 (processor time 5-9 %;
// side by side, docs/performance.md).
func (l *Lister) listDir(dir string, stat bool) ([]Dirent, error) {
	if err := l.openDir(dir); err != nil {
		return nil, err
	}
	fd, n := l.fd, 0
	for {
		if cap(l.buf)-n < 16<<10 {
			l.buf = slices.Grow(l.buf[:n], max(cap(l.buf), 64<<10))
		}
		m, err := unix.Getdents(fd, l.buf[n:cap(l.buf)])
		if err != nil {
			return nil, &os.PathError{Op: "getdents", Path: dir, Err: err}
		}
		if m <= 0 {
			break
		}
		n += m
	}
	l.buf = l.buf[:n]
	// Each record is struct linux_dirent64: inode, offset, record length,
	// type, and the name ended by a NUL. The records are counted first, so
	// that the lists of a large directory are made once.
	records := 0
	for off := 0; off+19 < n; off += int(binary.NativeEndian.Uint16(l.buf[off+16:])) {
		records++
	}
	l.list, l.pending = slices.Grow(l.list[:0], records), slices.Grow(l.pending[:0], records)
	for off := 0; off+19 < n; {
		size := int(binary.NativeEndian.Uint16(l.buf[off+16:]))
		typ := l.buf[off+18]
		at := off + 19
		name := l.buf[at : off+size]
		name = name[:bytes.IndexByte(name, 0)]
		off += size
		if string(name) == "." || string(name) == ".." {
			continue
		}
		if typ == unix.DT_UNKNOWN || stat {
			l.pending = append(l.pending, [2]int{len(l.list), at})
		}
		l.list = append(l.list, Dirent{Name: string(name), IsDir: typ == unix.DT_DIR})
	}
	l.statPending(nil)
	return l.list, nil
}

// openKey opens dir, as openDir does, and returns the identity of the
// directory it opened (a link followed).
func (l *Lister) openKey(dir string) (FileKey, error) {
	if err := l.openDir(dir); err != nil {
		return FileKey{}, err
	}
	return statKey(l.fd, "", unix.AT_EMPTY_PATH)
}

// listKnown looks at names, the names the directory open holds, without
// listing it: one statx call per name, as listDir makes. It reports false
// when a name cannot be looked at, for the directory to be listed after
// all.
func (l *Lister) listKnown(names []string) ([]Dirent, bool) {
	size := 0
	for _, name := range names {
		size += len(name) + 1
	}
	l.buf = slices.Grow(l.buf[:0], size)[:size]
	l.list, l.pending = slices.Grow(l.list[:0], len(names))[:len(names)], slices.Grow(l.pending[:0], len(names))[:0]
	at := 0
	for i, name := range names {
		l.pending = append(l.pending, [2]int{i, at})
		at += len(name) + 1
	}
	l.statPending(names)
	for _, d := range l.list {
		if d.Err != nil {
			return nil, false
		}
	}
	return l.list, true
}

// dirKey is the identity of the directory at path, a link followed as
// opening it follows it.
func dirKey(path string) (FileKey, error) { return statKey(unix.AT_FDCWD, path, 0) }

// statKey is the identity statx gives of path in the directory open as
// dirfd, with flags.
func statKey(dirfd int, path string, flags int) (FileKey, error) {
	var st unix.Statx_t
	if err := unix.Statx(dirfd, path, flags, statxMask, &st); err != nil {
		return FileKey{}, err
	}
	return keyOf(&st), nil
}

// statPending looks at the names of the listing that pending points to,
// with a statx call each on the name in buf; the names of a large
// directory are looked at from several goroutines. With names (from
// listKnown), each goroutine first makes the entries of its names: the
// listing's names are those, and each is copied into buf, ended by a NUL,
// where pending points.
func (l *Lister) statPending(names []string) {
	const batch = 1024 // names a goroutine looks at
	Parallel((len(l.pending)+batch-1)/batch, func(b int) {
		for _, p := range l.pending[b*batch : min(len(l.pending), (b+1)*batch)] {
			if names != nil {
				name := names[p[0]]
				l.buf[p[1]+copy(l.buf[p[1]:], name)] = 0 // for statx, a name ended by a NUL
				l.list[p[0]] = Dirent{Name: name}
			}
			statAt(l.fd, &l.list[p[0]], &l.buf[p[1]])
		}
	})
}

// statAt fills in d's type, identity and permissions from a statx call
// on its name in the directory open as fd: name is where it starts in the
// listing, followed by a NUL, so that the call needs no copy of it.
func statAt(fd int, d *Dirent, name *byte) {
	var st unix.Statx_t
	if _, _, errno := unix.Syscall6(unix.SYS_STATX, uintptr(fd), uintptr(unsafe.Pointer(name)),
		unix.AT_SYMLINK_NOFOLLOW, statxMask, uintptr(unsafe.Pointer(&st)), 0); errno != 0 {
		d.Err = errno
		return
	}
	d.IsDir = st.Mode&unix.S_IFMT == unix.S_IFDIR
	d.Perm = fs.FileMode(st.Mode).Perm()
	d.Key = keyOf(&st)
}

// openDir opens dir, for its files to be read relative to it, and closes
// the directory open before.
func (l *Lister) openDir(dir string) error {
	l.close()
	fd, err := unix.Open(dir, unix.O_RDONLY|unix.O_DIRECTORY|unix.O_CLOEXEC, 0)
	if err != nil {
		return &os.PathError{Op: "open", Path: dir, Err: err}
	}
	l.dir, l.fd, l.open = dir, fd, true
	return nil
}

// close closes the directory open last.
func (l *Lister) close() {
	if l.open {
		unix.Close(l.fd)
		l.open = false
	}
}

// readFile reads a file of the directory open last, opened relative to
// it, into memory that the next call reuses.
func (l *Lister) ReadFile(name string) ([]byte, FileKey, error) {
	data, key, err := readAt(l.fd, l.dir, name, l.text, format.MaxFileSize)
	if err == nil {
		l.text = data
	}
	return data, key, err
}

// ReadFileKey reads a whole file into fresh memory, and returns its
// identity too.
func ReadFileKey(path string) ([]byte, FileKey, error) {
	return readAt(unix.AT_FDCWD, "", path, nil, format.MaxFileSize)
}

// ReadLimited reads a whole regular file of at most limit bytes, as
// ReadFileKey reads a journal file: anything else is refused without
// reading it, and without waiting on it.
func ReadLimited(path string, limit int64) ([]byte, error) {
	data, _, err := readAt(unix.AT_FDCWD, "", path, nil, limit)
	return data, err
}

// readAt reads the whole file name in the directory open as dirfd (dir)
// into buf, grown as needed, with as few system calls as the system
// allows (openat, statx, read, close), and returns its identity too.
// Files larger than limit, and anything but a regular file, are refused
// without reading them (a named pipe is opened without waiting for a
// writer).
func readAt(dirfd int, dir, name string, buf []byte, limit int64) ([]byte, FileKey, error) {
	path := func() string { return filepath.Join(dir, name) }
	fd, err := unix.Openat(dirfd, name, unix.O_RDONLY|unix.O_CLOEXEC|unix.O_NONBLOCK, 0)
	if err != nil {
		return nil, FileKey{}, &os.PathError{Op: "open", Path: path(), Err: err}
	}
	defer unix.Close(fd)
	var st unix.Statx_t
	if err := unix.Statx(fd, "", unix.AT_EMPTY_PATH, statxMask, &st); err != nil {
		return nil, FileKey{}, &os.PathError{Op: "statx", Path: path(), Err: err}
	}
	if st.Mode&unix.S_IFMT != unix.S_IFREG {
		return nil, FileKey{}, &format.Problem{Path: path(), Msg: "not a regular file"}
	}
	if int64(st.Size) > limit {
		return nil, FileKey{}, &format.Problem{Path: path(), Msg: fmt.Sprintf("file is %d bytes, larger than the %d lead reads", st.Size, limit)}
	}
	buf = slices.Grow(buf[:0], int(st.Size))[:st.Size]
	for n := 0; n < len(buf); {
		m, err := unix.Read(fd, buf[n:])
		if errors.Is(err, unix.EINTR) {
			continue
		}
		if err != nil {
			return nil, FileKey{}, &os.PathError{Op: "read", Path: path(), Err: err}
		}
		if m == 0 {
			buf = buf[:n] // shrank while being read
			break
		}
		n += m
	}
	return buf, keyOf(&st), nil
}

// MapFile maps the index into memory, read-only and faulted in by
// one system call: the pages are the page cache's own, so nothing is
// copied or zeroed. Read into memory instead, the index of 100,000
// entries cost a warm list --with 11,100 page faults rather than 2,500
// and 11 % more time, completing a tag 48 ms rather than 19 (side by
// side, docs/performance.md). lead never changes the index in place (it is
// replaced by a rename, and the mapping keeps the old file), so the
// mapping stays whole for as long as the process lives; it is never
// unmapped, because entries read from the index keep strings that point
// into it.
func MapFile(path string) ([]byte, error) {
	fd, err := unix.Open(path, unix.O_RDONLY|unix.O_CLOEXEC|unix.O_NONBLOCK|unix.O_NOFOLLOW, 0) // lead writes it by a rename: never a link
	if err != nil {
		return nil, err
	}
	defer unix.Close(fd)
	var st unix.Stat_t
	if err := unix.Fstat(fd, &st); err != nil {
		return nil, err
	}
	if st.Mode&unix.S_IFMT != unix.S_IFREG {
		return nil, &format.Problem{Path: path, Msg: "not a regular file"}
	}
	if st.Size == 0 {
		return nil, nil
	}
	buf, err := unix.Mmap(fd, 0, int(st.Size), unix.PROT_READ, unix.MAP_PRIVATE|unix.MAP_POPULATE)
	if err != nil {
		return os.ReadFile(path)
	}
	return buf, nil
}

// openForWriting reports whether any process has f's file open for
// writing: a read lease, which the system refuses then, is taken and let
// go at once. It reports false where leases are not to be had (a file of
// another user's, a file system without them).
func openForWriting(f *os.File) bool {
	fd := int(f.Fd())
	if _, err := unix.FcntlInt(uintptr(fd), unix.F_SETLEASE, unix.F_RDLCK); err != nil {
		return err == unix.EAGAIN
	}
	unix.FcntlInt(uintptr(fd), unix.F_SETLEASE, unix.F_UNLCK)
	return false
}

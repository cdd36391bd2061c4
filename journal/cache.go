package journal

import (
	"bufio"
	"bytes"
	"encoding/binary"
	"errors"
	"hash/crc32"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"time"
	"unsafe"
)

// CacheFile is the index of parsed entries. It is disposable: lead
// rebuilds it whenever it is missing, stale, corrupt or from another
// version, and the files stay the only source of truth.
const CacheFile = CacheDir + "/cache/entries.idx"

// cacheVersion changes whenever what the index holds, or how entries are
// read, changes; an index of another version is ignored.
const cacheVersion = "lead-entries-index 5\n"

// fileKey identifies one state of a file. Any change to a file, even
// within the same second and to the same size, changes its ctime, and a
// replaced file has another inode.
type fileKey struct {
	size, mtime, ctime int64
	ino                uint64
}

// cached is an entry as the index remembers it.
type cached struct {
	key   fileKey
	entry *Entry
}

// cacheStamp is what else the index depends on: the time zone dates
// without an offset are read in, and the default time of day.
func (j *Journal) cacheStamp() string {
	return cacheVersion + time.Local.String() + "\n" + j.Config.DefaultTime + "\n"
}

// loadCache reads the index; any problem with it gives an empty one.
// Without full, entries come without what their bodies hold.
func (j *Journal) loadCache(full bool) map[string]cached {
	data, err := os.ReadFile(j.Abs(CacheFile))
	if err != nil || len(data) < 4 {
		return nil
	}
	body, sum := data[:len(data)-4], binary.LittleEndian.Uint32(data[len(data)-4:])
	if crc32.ChecksumIEEE(body) != sum {
		return nil
	}
	// The strings of the index share the bytes just read, which nothing
	// writes to again.
	d := &decoder{data: body, text: unsafe.String(unsafe.SliceData(body), len(body))}
	if d.raw() != j.cacheStamp() {
		return nil
	}
	n, items := d.uvarint(), d.uvarint()
	if d.err != nil || n > uint64(len(body)) || items > uint64(len(body)) {
		return nil
	}
	d.entries = make([]Entry, 0, n)
	d.lists = make([]string, 0, 5*n)
	d.strings = make([]string, 0, 2*n)
	if full {
		d.items = make([]Item, 0, items)
	}
	out := make(map[string]cached, n)
	for i := uint64(0); i < n && d.err == nil; i++ {
		rel, c := d.record(full)
		out[rel] = c
	}
	if d.err != nil || d.off != len(body) {
		return nil
	}
	return out
}

// saveCache writes the index atomically, streaming it so that it is never
// whole in memory. Failing to write it is not worth stopping a command
// for, so the error is only returned.
func (j *Journal) saveCache(entries []*Entry, keys []fileKey) error {
	path := j.Abs(CacheFile)
	if err := os.MkdirAll(filepath.Dir(path), DirMode); err != nil {
		return err
	}
	if err := createFile(j.Abs(CacheDir+"/.gitignore"), []byte("*\n")); err != nil && !errors.Is(err, fs.ErrExist) {
		return err
	}
	return writeReplacing(path, func(w io.Writer) error {
		sum := crc32.NewIEEE()
		out := bufio.NewWriterSize(io.MultiWriter(w, sum), 256<<10)
		e := &encoder{out: out, strings: make(map[string]uint64, 2*len(entries))}
		e.raw(j.cacheStamp())
		e.uvarint(uint64(len(entries)))
		items := 0
		for _, en := range entries {
			items += len(en.Items)
		}
		e.uvarint(uint64(items))
		for i, entry := range entries {
			e.record(entry, keys[i])
		}
		if err := out.Flush(); err != nil {
			return err
		}
		_, err := w.Write(binary.LittleEndian.AppendUint32(nil, sum.Sum32()))
		return err
	})
}

// encoder writes the index: varints, and strings through a table so that
// the slugs, kinds, tags and sections that repeat are written once and
// shared in memory when read.
type encoder struct {
	out     *bufio.Writer // where the index goes; errors surface at Flush
	strings map[string]uint64
	tmp     [binary.MaxVarintLen64]byte
	block   bytes.Buffer // an entry's block of body details, then written whole
	detail  *encoder     // writes into block
}

func (e *encoder) uvarint(v uint64) { e.out.Write(e.tmp[:binary.PutUvarint(e.tmp[:], v)]) }
func (e *encoder) varint(v int64)   { e.out.Write(e.tmp[:binary.PutVarint(e.tmp[:], v)]) }

func (e *encoder) raw(s string) {
	e.uvarint(uint64(len(s)))
	e.out.WriteString(s)
}

func (e *encoder) str(s string) {
	if i, ok := e.strings[s]; ok {
		e.uvarint(i + 1)
		return
	}
	e.strings[s] = uint64(len(e.strings))
	e.uvarint(0)
	e.raw(s)
}

func (e *encoder) strs(list []string) {
	e.uvarint(uint64(len(list)))
	for _, s := range list {
		e.str(s)
	}
}

func (e *encoder) record(en *Entry, k fileKey) {
	e.str(en.Path)
	e.varint(k.size)
	e.varint(k.mtime)
	e.varint(k.ctime)
	e.uvarint(k.ino)
	_, offset := en.Date.Zone()
	e.varint(en.Date.Unix())
	e.varint(int64(en.Date.Nanosecond()))
	e.varint(int64(offset))
	for _, s := range []string{en.Kind, en.Title, en.Project} {
		e.str(s)
	}
	for _, l := range [][]string{en.With, en.Tags, en.Practices} {
		e.strs(l)
	}
	e.uvarint(uint64(len(en.extra)))
	for _, f := range en.extra {
		e.str(f.key)
		e.out.WriteByte(f.kind)
		e.str(f.value)
		e.strs(f.list)
	}
	// What the body holds goes in a block of its own, with its strings
	// written out, so that a reader of headers can step over it.
	e.block.Reset()
	if e.detail == nil {
		e.detail = &encoder{out: bufio.NewWriter(&e.block)}
	}
	block := e.detail
	block.raw(en.Summary)
	for _, l := range [][]string{en.Wins, en.Feedback} {
		block.uvarint(uint64(len(l)))
		for _, s := range l {
			block.raw(s)
		}
	}
	block.uvarint(uint64(len(en.Items)))
	for _, it := range en.Items {
		block.raw(it.ID)
		block.uvarint(uint64(it.Line))
		block.out.WriteByte(boolByte(it.Done) | boolByte(it.Agenda)<<1)
		block.raw(it.Text)
		block.raw(it.Owner)
		block.raw(it.Section)
		due := int64(0)
		if !it.Due.IsZero() {
			due = it.Due.Unix()
		}
		block.varint(due)
	}
	block.out.Flush() // into memory: it cannot fail
	e.uvarint(uint64(e.block.Len()))
	e.out.Write(e.block.Bytes())
}

func boolByte(b bool) byte {
	if b {
		return 1
	}
	return 0
}

// decoder reads what encoder wrote; the first error sticks. Strings are
// slices of one copy of the data, and lists, items and entries are cut
// from shared arenas, so that reading a large index allocates little.
type decoder struct {
	data    []byte
	text    string // the data as one string, for strings to share
	off     int
	err     error
	strings []string
	zones   map[int]*time.Location
	lists   []string
	items   []Item
	entries []Entry
}

var errCorrupt = errors.New("corrupt index")

func (d *decoder) uvarint() uint64 {
	if d.err != nil {
		return 0
	}
	v, n := binary.Uvarint(d.data[d.off:])
	if n <= 0 {
		d.err = errCorrupt
		return 0
	}
	d.off += n
	return v
}

func (d *decoder) varint() int64 {
	if d.err != nil {
		return 0
	}
	v, n := binary.Varint(d.data[d.off:])
	if n <= 0 {
		d.err = errCorrupt
		return 0
	}
	d.off += n
	return v
}

func (d *decoder) byte() byte {
	if d.err != nil || d.off >= len(d.data) {
		d.err = errCorrupt
		return 0
	}
	d.off++
	return d.data[d.off-1]
}

func (d *decoder) raw() string {
	n := d.uvarint()
	if d.err != nil || n > uint64(len(d.data)-d.off) {
		d.err = errCorrupt
		return ""
	}
	s := d.text[d.off : d.off+int(n)]
	d.off += int(n)
	return s
}

func (d *decoder) str() string {
	i := d.uvarint()
	if i == 0 {
		s := d.raw()
		d.strings = append(d.strings, s)
		return s
	}
	if i > uint64(len(d.strings)) {
		d.err = errCorrupt
		return ""
	}
	return d.strings[i-1]
}

func (d *decoder) strs() []string {
	n := d.uvarint()
	if n == 0 || d.err != nil || n > uint64(len(d.data)-d.off) {
		if n > 0 {
			d.err = errCorrupt
		}
		return nil
	}
	start := len(d.lists)
	for i := uint64(0); i < n; i++ {
		d.lists = append(d.lists, d.str())
	}
	return d.lists[start:len(d.lists):len(d.lists)]
}

// date rebuilds a time with the offset it was written with, in the local
// zone when that zone has this offset at that moment, as parsing does.
func (d *decoder) date(sec, nsec int64, offset int) time.Time {
	t := time.Unix(sec, nsec).In(time.Local)
	if _, off := t.Zone(); off == offset {
		return t
	}
	if d.zones == nil {
		d.zones = map[int]*time.Location{}
	}
	loc := d.zones[offset]
	if loc == nil {
		loc = time.FixedZone("", offset)
		d.zones[offset] = loc
	}
	return t.In(loc)
}

func (d *decoder) record(full bool) (string, cached) {
	rel := d.str()
	c := cached{key: fileKey{size: d.varint(), mtime: d.varint(), ctime: d.varint(), ino: d.uvarint()}}
	sec, nsec, offset := d.varint(), d.varint(), int(d.varint())
	d.entries = append(d.entries, Entry{Path: rel, ID: strings.TrimSuffix(path.Base(rel), ".md"), Date: d.date(sec, nsec, offset)})
	e := &d.entries[len(d.entries)-1]
	e.Kind, e.Title, e.Project = d.str(), d.str(), d.str()
	e.With, e.Tags, e.Practices = d.strs(), d.strs(), d.strs()
	if n := d.uvarint(); n > 0 && n <= uint64(len(d.data)-d.off) {
		e.extra = make([]field, n)
		for i := range e.extra {
			e.extra[i] = field{key: d.str(), kind: d.byte(), value: d.str(), list: d.strs()}
		}
	} else if n > 0 {
		d.err = errCorrupt
	}
	size := d.uvarint()
	if d.err != nil || size > uint64(len(d.data)-d.off) {
		d.err = errCorrupt
		return rel, c
	}
	end := d.off + int(size)
	if full {
		d.details(e)
		if d.off != end {
			d.err = errCorrupt
		}
	}
	d.off = end
	c.entry = e
	return rel, c
}

// details reads the block of what an entry's body holds.
func (d *decoder) details(e *Entry) {
	e.Summary = d.raw()
	for _, l := range []*[]string{&e.Wins, &e.Feedback} {
		n := d.uvarint()
		if n > uint64(len(d.data)-d.off) {
			d.err = errCorrupt
			return
		}
		if n > 0 {
			start := len(d.lists)
			for i := uint64(0); i < n; i++ {
				d.lists = append(d.lists, d.raw())
			}
			*l = d.lists[start:len(d.lists):len(d.lists)]
		}
	}
	n := d.uvarint()
	if n == 0 {
		return
	}
	if n > uint64(len(d.data)-d.off) {
		d.err = errCorrupt
		return
	}
	start := len(d.items)
	d.items = slices.Grow(d.items, int(n))[:start+int(n)]
	e.Items = d.items[start:len(d.items):len(d.items)]
	for i := range e.Items {
		it := Item{ID: d.raw(), Line: int(d.uvarint()), Path: e.Path, Date: e.Date, With: e.With}
		if len(it.ID) != 16 {
			d.err = errCorrupt
		}
		flags := d.byte()
		it.Done, it.Agenda = flags&1 != 0, flags&2 != 0
		it.Text, it.Owner, it.Section = d.raw(), d.raw(), d.raw()
		if due := d.varint(); due != 0 {
			it.Due = time.Unix(due, 0).In(time.Local)
		}
		e.Items[i] = it
	}
}

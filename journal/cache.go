package journal

import (
	"bufio"
	"encoding/binary"
	"errors"
	"hash/crc32"
	"io"
	"io/fs"
	"os"
	"path/filepath"
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
const cacheVersion = "lead-entries-index 6\n"

// The index is, after a version line and before a CRC-32 of all the rest:
//
//	a table of the strings that repeat (kinds, slugs, tags, sections...)
//	the number of directories, then for each: its path, how many entries,
//	header lists, body lists and items it holds, and its records
//
// A record is its length, the file's path and identity, then the front
// matter with repeated strings as table references, then the block of
// what the body holds, with its own length so that it can be stepped
// over. Directories are independent: each is read by the goroutine that
// lists it, and records come in the order the directory listed its files
// when the index was written, which is the order it lists them again
// while nothing changes.

// fileKey identifies one state of a file. Any change to a file, even
// within the same second and to the same size, changes its ctime, and a
// replaced file has another inode.
type fileKey struct {
	size, mtime, ctime int64
	ino                uint64
}

// indexed is an entry with the identity of the file it was read from.
type indexed struct {
	entry *Entry
	key   fileKey
}

// dirEntries is what a directory of entries holds, in listing order.
type dirEntries struct {
	rel   string
	files []indexed
}

// cacheStamp is what else the index depends on: the time zone dates
// without an offset are read in, and the default time of day.
func (j *Journal) cacheStamp() string {
	return cacheVersion + time.Local.String() + "\n" + j.Config.DefaultTime + "\n"
}

// index is an index read into memory; its directories are decoded on
// demand, and its strings point into the bytes read.
type index struct {
	table   []string
	dirs    map[string]*indexDir
	records int
}

// indexDir is one directory of the index, not yet decoded.
type indexDir struct {
	data                  []byte
	text                  string // data as a string, for strings to share
	entries, lists, items int    // for the arenas entries are cut from
	bodyLists             int
}

// openIndex reads the index; any problem with it gives nil.
func (j *Journal) openIndex() *index {
	data, err := readIndexFile(j.Abs(CacheFile))
	if err != nil || len(data) < 4 {
		return nil
	}
	body, sum := data[:len(data)-4], binary.LittleEndian.Uint32(data[len(data)-4:])
	if crc32.ChecksumIEEE(body) != sum {
		return nil
	}
	d := &decoder{data: body, text: unsafe.String(unsafe.SliceData(body), len(body))}
	if d.raw() != j.cacheStamp() {
		return nil
	}
	idx := &index{}
	n := d.count()
	idx.table = make([]string, 0, n)
	for i := 0; i < n; i++ {
		idx.table = append(idx.table, d.raw())
	}
	n = d.count()
	idx.dirs = make(map[string]*indexDir, n)
	for i := 0; i < n && d.err == nil; i++ {
		rel := d.raw()
		dir := &indexDir{entries: d.count(), lists: d.count(), bodyLists: d.count(), items: d.count()}
		size := d.count()
		if d.err != nil {
			break
		}
		dir.data, dir.text = d.data[d.off:d.off+size], d.text[d.off:d.off+size]
		d.off += size
		idx.dirs[rel] = dir
		idx.records += dir.entries
	}
	if d.err != nil || d.off != len(body) {
		return nil
	}
	return idx
}

// dirReader finds and decodes the records of one directory of the index.
// It is used by one goroutine.
type dirReader struct {
	decoder
	dir    *indexDir
	next   int               // offset of the record expected next
	byName map[string]int    // record offsets, once names come out of order
	full   bool              // decode what bodies hold too
	keep   func(*Entry) bool // the entries to keep; nil keeps all
	hits   int
}

// reader returns a reader for the directory rel; a nil index or an unknown
// directory gives a reader that finds nothing.
func (idx *index) reader(rel string, full bool, keep func(*Entry) bool) *dirReader {
	if idx == nil || idx.dirs[rel] == nil {
		return nil
	}
	dir := idx.dirs[rel]
	r := &dirReader{dir: dir, full: full, keep: keep}
	r.decoder = decoder{data: dir.data, text: dir.text, table: idx.table}
	r.entries = make([]Entry, 0, dir.entries)
	lists := dir.lists
	if full {
		lists += dir.bodyLists
		r.items = make([]Item, 0, dir.items)
	}
	r.lists = make([]string, 0, lists)
	return r
}

// find returns the entry of the file name as the index has it, and
// whether the file still has the identity key: the index is right about
// the file. The entry is nil when keep refused it.
func (r *dirReader) find(name string, key fileKey) (*Entry, bool) {
	if r == nil {
		return nil, false
	}
	off, ok := r.next, false
	if off < len(r.dir.data) && r.byName == nil {
		r.off = off
		_, rel := r.count(), r.raw()
		ok = r.err == nil && baseName(rel) == name
	}
	if !ok {
		if off, ok = r.offsets()[name]; !ok {
			return nil, false
		}
	}
	r.off = off
	size := r.count()
	end := r.off + size
	if r.err != nil || end > len(r.data) {
		r.err = errCorrupt
		return nil, false
	}
	r.next = end
	e, ok := r.record(key)
	if r.err != nil || !ok {
		return nil, false
	}
	r.hits++
	return e, true
}

// offsets indexes the directory's records by file name, for files listed
// in another order than the index remembers.
func (r *dirReader) offsets() map[string]int {
	if r.byName == nil {
		r.byName = make(map[string]int, r.dir.entries)
		for r.off = 0; r.off < len(r.data) && r.err == nil; {
			start := r.off
			size := r.count()
			end := r.off + size
			r.byName[baseName(r.raw())] = start
			r.off = end
		}
	}
	return r.byName
}

func baseName(rel string) string { return rel[strings.LastIndexByte(rel, '/')+1:] }

// saveCache writes the index atomically, streaming it a directory at a
// time. Failing to write it is not worth stopping a command for, so the
// error is only returned.
func (j *Journal) saveCache(dirs []dirEntries) error {
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
		e := newEncoder(dirs)
		head := &encoder{}
		head.raw(j.cacheStamp())
		head.uvarint(uint64(len(e.table)))
		for _, s := range e.table {
			head.raw(s)
		}
		head.uvarint(uint64(len(dirs)))
		out.Write(head.b)
		for _, dir := range dirs {
			out.Write(e.dir(dir))
		}
		if err := out.Flush(); err != nil {
			return err
		}
		_, err := w.Write(binary.LittleEndian.AppendUint32(nil, sum.Sum32()))
		return err
	})
}

// encoder appends the index's varints and strings to b.
type encoder struct {
	b         []byte
	positions map[string]uint64 // where each string of the table is
	table     []string
}

// newEncoder makes an encoder whose table holds the strings that repeat
// across entries.
func newEncoder(dirs []dirEntries) *encoder {
	e := &encoder{positions: map[string]uint64{}}
	add := func(list ...string) {
		for _, s := range list {
			if _, ok := e.positions[s]; !ok {
				e.positions[s] = uint64(len(e.table))
				e.table = append(e.table, s)
			}
		}
	}
	for _, dir := range dirs {
		for _, f := range dir.files {
			en := f.entry
			add(en.Kind, en.Project)
			add(en.With...)
			add(en.Tags...)
			add(en.Practices...)
			for _, x := range en.extra {
				add(x.key, x.value)
				add(x.list...)
			}
			for _, it := range en.Items {
				add(it.Owner, it.Section)
			}
		}
	}
	return e
}

func (e *encoder) uvarint(v uint64) { e.b = binary.AppendUvarint(e.b, v) }
func (e *encoder) varint(v int64)   { e.b = binary.AppendVarint(e.b, v) }

func (e *encoder) raw(s string) {
	e.uvarint(uint64(len(s)))
	e.b = append(e.b, s...)
}

// ref writes a string of the table.
func (e *encoder) ref(s string) { e.uvarint(e.positions[s]) }

func (e *encoder) refs(list []string) {
	e.uvarint(uint64(len(list)))
	for _, s := range list {
		e.ref(s)
	}
}

// sub returns an empty encoder sharing e's table, for a part whose length
// is written before it.
func (e *encoder) sub() *encoder { return &encoder{positions: e.positions} }

// dir encodes one directory: its header, then its records.
func (e *encoder) dir(dir dirEntries) []byte {
	records := e.sub()
	lists, bodyLists, items := 0, 0, 0
	rec := e.sub()
	for _, f := range dir.files {
		en := f.entry
		lists += len(en.With) + len(en.Tags) + len(en.Practices)
		for _, x := range en.extra {
			lists += len(x.list)
		}
		bodyLists += len(en.Wins) + len(en.Feedback)
		items += len(en.Items)
		rec.b = rec.b[:0]
		rec.record(en, f.key)
		records.uvarint(uint64(len(rec.b)))
		records.b = append(records.b, rec.b...)
	}
	out := e.sub()
	out.raw(dir.rel)
	for _, n := range []int{len(dir.files), lists, bodyLists, items, len(records.b)} {
		out.uvarint(uint64(n))
	}
	return append(out.b, records.b...)
}

func (e *encoder) record(en *Entry, k fileKey) {
	e.raw(en.Path)
	e.varint(k.size)
	e.varint(k.mtime)
	e.varint(k.ctime)
	e.uvarint(k.ino)
	_, offset := en.Date.Zone()
	e.varint(en.Date.Unix())
	e.varint(int64(en.Date.Nanosecond()))
	e.varint(int64(offset))
	e.ref(en.Kind)
	e.raw(en.Title)
	e.ref(en.Project)
	for _, l := range [][]string{en.With, en.Tags, en.Practices} {
		e.refs(l)
	}
	e.uvarint(uint64(len(en.extra)))
	for _, f := range en.extra {
		e.ref(f.key)
		e.b = append(e.b, f.kind)
		e.ref(f.value)
		e.refs(f.list)
	}
	// What the body holds goes in a block of its own, so that a reader of
	// headers can step over it.
	block := e.sub()
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
		block.b = append(block.b, boolByte(it.Done)|boolByte(it.Agenda)<<1)
		block.raw(it.Text)
		block.ref(it.Owner)
		block.ref(it.Section)
		due := int64(0)
		if !it.Due.IsZero() {
			due = it.Due.Unix()
		}
		block.varint(due)
	}
	e.uvarint(uint64(len(block.b)))
	e.b = append(e.b, block.b...)
}

func boolByte(b bool) byte {
	if b {
		return 1
	}
	return 0
}

// decoder reads what encoder wrote; the first error sticks. Strings are
// slices of the data, and lists, items and entries are cut from arenas
// sized up front, so that reading a large index allocates little.
type decoder struct {
	data    []byte
	text    string // the data as one string, for strings to share
	off     int
	err     error
	table   []string
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

// count reads a length or a number of things, which cannot exceed what is
// left of the data.
func (d *decoder) count() int {
	n := d.uvarint()
	if n > uint64(len(d.data)-d.off) {
		d.err = errCorrupt
		return 0
	}
	return int(n)
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
	n := d.count()
	if d.err != nil {
		return ""
	}
	s := d.text[d.off : d.off+n]
	d.off += n
	return s
}

// ref reads a string of the table.
func (d *decoder) ref() string {
	i := d.uvarint()
	if i >= uint64(len(d.table)) {
		d.err = errCorrupt
		return ""
	}
	return d.table[i]
}

// list cuts n strings read by read from the lists arena.
func (d *decoder) list(read func() string) []string {
	n := d.count()
	if n == 0 || d.err != nil {
		return nil
	}
	if len(d.lists)+n > cap(d.lists) {
		d.err = errCorrupt
		return nil
	}
	start := len(d.lists)
	for i := 0; i < n; i++ {
		d.lists = append(d.lists, read())
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

// record reads the rest of a record whose length has been read, when the
// file's identity is still key (ok). An entry keep refuses gives nil, and
// the arenas take back what it used.
func (r *dirReader) record(key fileKey) (e *Entry, ok bool) {
	rel := r.raw()
	if (fileKey{size: r.varint(), mtime: r.varint(), ctime: r.varint(), ino: r.uvarint()}) != key || r.err != nil {
		return nil, false
	}
	if len(r.entries) == cap(r.entries) {
		r.err = errCorrupt
		return nil, false
	}
	lists := len(r.lists)
	sec, nsec, offset := r.varint(), r.varint(), int(r.varint())
	r.entries = append(r.entries, Entry{Path: rel, ID: strings.TrimSuffix(baseName(rel), ".md"), Date: r.date(sec, nsec, offset)})
	e = &r.entries[len(r.entries)-1]
	e.Kind, e.Title, e.Project = r.ref(), r.raw(), r.ref()
	e.With, e.Tags, e.Practices = r.list(r.ref), r.list(r.ref), r.list(r.ref)
	if n := r.count(); n > 0 {
		e.extra = make([]field, n)
		for i := range e.extra {
			e.extra[i] = field{key: r.ref(), kind: r.byte(), value: r.ref(), list: r.list(r.ref)}
		}
	}
	size := r.count()
	if r.err != nil {
		return nil, false
	}
	end := r.off + size
	if r.keep != nil && !r.keep(e) {
		r.entries, r.lists, r.off = r.entries[:len(r.entries)-1], r.lists[:lists], end
		return nil, true
	}
	if r.full {
		r.details(e)
		if r.off != end {
			r.err = errCorrupt
		}
	}
	r.off = end
	return e, true
}

// details reads the block of what an entry's body holds.
func (d *decoder) details(e *Entry) {
	e.Summary = d.raw()
	e.Wins, e.Feedback = d.list(d.raw), d.list(d.raw)
	n := d.count()
	if n == 0 || d.err != nil {
		return
	}
	if len(d.items)+n > cap(d.items) {
		d.err = errCorrupt
		return
	}
	start := len(d.items)
	d.items = d.items[:start+n]
	e.Items = d.items[start:len(d.items):len(d.items)]
	for i := range e.Items {
		it := Item{ID: d.raw(), Line: int(d.uvarint()), Path: e.Path, Date: e.Date, With: e.With}
		if len(it.ID) != 16 {
			d.err = errCorrupt
		}
		flags := d.byte()
		it.Done, it.Agenda = flags&1 != 0, flags&2 != 0
		it.Text, it.Owner, it.Section = d.raw(), d.ref(), d.ref()
		if due := d.varint(); due != 0 {
			it.Due = time.Unix(due, 0).In(time.Local)
		}
		e.Items[i] = it
	}
}

package index

import (
	"bufio"
	"encoding/binary"
	"errors"
	"hash/crc32"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"
	"unsafe"

	"github.com/lead-journal/lead/journal/format"
	"github.com/lead-journal/lead/journal/store"
)

// File is the index of parsed entries, in the journal. It is disposable:
// lead rebuilds it whenever it is missing, stale, corrupt or from another
// version, and the files stay the only source of truth.
const File = format.CacheDir + "/cache/entries.idx"

// cacheVersion changes whenever what the index holds, or how entries are
// read, changes; an index of another version is ignored.
const cacheVersion = "lead-entries-index 12\n"

// The index is, after a version line and before a CRC-32 of all the rest,
// the number of blocks and, for each, its key, the identity of its
// directory and its bytes: a block per directory, keyed by its path, or
// per part of a large directory (see partition), keyed by the path, a NUL
// and the part's number. The directory's identity is the one its listing
// had when it was settled and held nothing but the block's files (see
// store.Listing), zero otherwise: while the directory keeps it, its files
// are looked at by the names the block holds, without listing it. A block is
// self-contained, so that each is read, checked and rebuilt by the
// goroutine that reads its files, and an unchanged block is written again
// byte for byte:
//
//	how many entries, header lists, body lists, items and open items it holds
//	a table of the strings that repeat (kinds, slugs, tags, sections...)
//	the order of its records by the entries' dates, newest first
//	how many entries carry each tag, and each project, as table references
//	its records
//
// A record is its length, the file's path and identity, then the front
// matter with repeated strings as table references, then the block of
// what the body holds, with its own length so that it can be stepped
// over. Records come in the order the directory listed its files when the
// block was written, which is the order it lists them again while nothing
// changes.

// cacheStamp is what else the index depends on: the time zone dates
// without an offset are read in, and the default time of day.
func (j *Reader) cacheStamp() string {
	return cacheVersion + time.Local.String() + "\n" + j.DefaultTime + "\n"
}

// abs is the file path of a slash path in the journal.
func (j *Reader) abs(rel string) string { return filepath.Join(j.Root, filepath.FromSlash(rel)) }

// index is an index read into memory: its blocks by key, decoded on
// demand. Strings point into the bytes read.
type index struct {
	blocks map[string]*block
}

// block is the part of the index for one directory, or one part of it.
type block struct {
	key  string
	dir  store.FileKey // the directory's identity, when it tells its names
	data []byte
	text string // data as a string, for strings to share

	// Read by open, once.
	opened                                      bool
	openErr                                     error
	entries, lists, bodyLists, items, openItems int // for the arenas entries are cut from
	table                                       []string
	order                                       []int32 // the records' numbers, newest entry first
	tags, projects                              []tallied
	start                                       int // where the records start
}

// tallied is how many of a block's entries carry a string of its table.
type tallied struct{ ref, entries int }

// openIndex reads the index; any problem with it gives nil.
func (j *Reader) openIndex() *index {
	data, err := store.MapFile(j.abs(File))
	if err != nil || len(data) < 4 {
		return nil
	}
	body, sum := data[:len(data)-4], binary.LittleEndian.Uint32(data[len(data)-4:])
	if crc32.ChecksumIEEE(body) != sum {
		return nil
	}
	// What is decoded points into the mapped index through this alias:
	// with a copy of each block as a string instead, completing a tag at
	// 100,000 entries took 55 ms rather than 19, and a warm list --with
	// 11-15 % longer (docs/performance.md).
	d := &decoder{data: body, text: unsafe.String(unsafe.SliceData(body), len(body))}
	if d.raw() != j.cacheStamp() {
		return nil
	}
	n := d.count()
	idx := &index{blocks: make(map[string]*block, n)}
	for i := 0; i < n && d.err == nil; i++ {
		key, dir := d.raw(), d.key()
		size := d.count()
		if d.err != nil {
			break
		}
		idx.blocks[key] = &block{key: key, dir: dir, data: d.data[d.off : d.off+size], text: d.text[d.off : d.off+size]}
		d.off += size
	}
	if d.err != nil || d.off != len(body) {
		return nil
	}
	return idx
}

// block returns the block with key, or nil.
func (idx *index) block(key string) *block {
	if idx == nil {
		return nil
	}
	return idx.blocks[key]
}

// newBlock wraps the bytes of a block just written, with a copy of them
// as a string for what is decoded from it to point into: a block is
// written only when a file of it changed.
func newBlock(key string, data []byte) *block {
	return &block{key: key, data: data, text: string(data)}
}

// withDir is the block remembering dir as its directory's identity.
func (b *block) withDir(dir store.FileKey) *block {
	c := *b
	c.dir = dir
	return &c
}

// putNames puts the file names of an opened block's records into names,
// in the block's order, and reports whether they were as many.
func (b *block) putNames(names []string) bool {
	d := &decoder{data: b.data, text: b.text}
	i := 0
	for d.off = b.start; d.off < len(d.data) && d.err == nil && i < len(names); i++ {
		size := d.count()
		end := d.off + size
		names[i] = baseName(d.raw())
		d.off = end
	}
	return d.err == nil && i == len(names) && d.off == len(d.data)
}

// open reads a block's counts and table, the first time it is called. A
// block is read by one goroutine at a time (the one that reads its
// directory, or its part), so that this needs no lock.
func (b *block) open() error {
	if !b.opened {
		b.opened, b.openErr = true, b.readHead()
	}
	return b.openErr
}

// readHead reads a block's counts and table.
func (b *block) readHead() error {
	d := &decoder{data: b.data, text: b.text}
	b.entries, b.lists, b.bodyLists, b.items, b.openItems = d.count(), d.count(), d.count(), d.count(), d.count()
	n := d.count()
	b.table = make([]string, 0, n)
	for i := 0; i < n && d.err == nil; i++ {
		b.table = append(b.table, d.raw())
	}
	b.order = make([]int32, b.entries)
	seen := make([]bool, b.entries)
	for i := range b.order {
		r := d.uvarint()
		if r >= uint64(b.entries) || seen[r] {
			return errCorrupt
		}
		b.order[i], seen[r] = int32(r), true
	}
	b.tags, b.projects = d.tally(len(b.table)), d.tally(len(b.table))
	b.start = d.off
	return d.err
}

// tally reads a list of table references, each with how many entries
// carry it.
func (d *decoder) tally(tableSize int) []tallied {
	n := d.count()
	if d.err != nil || n == 0 {
		return nil
	}
	out := make([]tallied, n)
	for i := range out {
		out[i] = tallied{int(d.uvarint()), d.count()}
		if out[i].ref >= tableSize {
			d.err = errCorrupt
			return nil
		}
	}
	return out
}

// newestFirst returns where the records at offsets (-1 for none) start,
// ordered by their entries newest first when they are all of the block's
// records, and in the order given otherwise. It reuses offsets.
func (b *block) newestFirst(offsets []int) []int {
	starts := offsets[:0]
	for _, off := range offsets {
		if off >= 0 {
			starts = append(starts, off)
		}
	}
	if b == nil || len(starts) != b.entries {
		return starts
	}
	slices.Sort(starts) // where the records start, in the block's order; sorted unless listed in another order
	out := make([]int, len(starts))
	for i, r := range b.order {
		out[i] = starts[r]
	}
	return out
}

// match finds each file's record in the block: offsets[i] is where the
// record of files[i] starts when the file still has the identity the
// block remembers, and -1 otherwise. The block is current when every
// file has its record and every record its file.
func (b *block) match(files []store.Dirent) (offsets []int, current bool) {
	if b == nil {
		return nil, len(files) == 0
	}
	if b.open() != nil {
		return nil, false
	}
	offsets = make([]int, len(files))
	d := &decoder{data: b.data, text: b.text}
	var byName map[string]int // once names come out of order
	next, hits := b.start, 0
	for i, f := range files {
		off := -1
		if byName == nil && next < len(b.data) {
			d.off = next
			size := d.count()
			end := d.off + size
			if rel := d.raw(); d.err == nil && baseName(rel) == f.Name {
				off, next = next, end
			}
		}
		if off < 0 {
			if byName == nil {
				byName = b.names()
			}
			if o, ok := byName[f.Name]; ok {
				off = o
			}
		}
		if off >= 0 {
			d.off = off
			d.count()
			d.raw()
			if d.key() != f.Key || d.err != nil {
				off = -1
			}
		}
		if off >= 0 {
			hits++
		}
		offsets[i] = off
	}
	return offsets, hits == len(files) && hits == b.entries
}

// names indexes the block's records by file name, for files listed in
// another order than the block remembers.
func (b *block) names() map[string]int {
	byName := make(map[string]int, b.entries)
	d := &decoder{data: b.data, text: b.text}
	for d.off = b.start; d.off < len(d.data) && d.err == nil; {
		start := d.off
		size := d.count()
		end := d.off + size
		byName[baseName(d.raw())] = start
		d.off = end
	}
	return byName
}

func baseName(rel string) string { return rel[strings.LastIndexByte(rel, '/')+1:] }

// entryID is the id of the entry at rel: its file name without .md.
func entryID(rel string) string { return strings.TrimSuffix(baseName(rel), ".md") }

// decode decodes the records at offsets (-1 skips a file), in order, as r
// reads them: the entries it keeps, with as much of what their bodies
// hold as r.Detail asks for.
func (b *block) decode(offsets []int, r *Options) ([]*format.Entry, error) {
	if b == nil {
		return nil, nil
	}
	d := &decoder{data: b.data, text: b.text, table: b.table}
	d.entries = make([]format.Entry, 0, b.entries)
	lists := b.lists
	if r.Detail > Headers {
		lists += b.bodyLists
		items := b.items
		if r.Detail == OpenItems && r.DoneSince.IsZero() {
			items = b.openItems // a long journal's items are mostly ticked
		}
		d.items = make([]format.Item, 0, items)
	}
	d.lists = make([]string, 0, lists)
	out := make([]*format.Entry, 0, len(offsets))
	for _, off := range offsets {
		if off < 0 {
			continue
		}
		d.off = off
		if e := d.record(r.Detail, r.Keep, r.DoneSince); e != nil {
			out = append(out, e)
		}
	}
	return out, d.err
}

// refresh brings the block key, of files of the directory rel, up to date
// with them: the old block when nothing changed; otherwise a new block, with
// the files that changed read and parsed again and the rest taken from
// the old block. offsets[i] is where the record of files[i] starts, -1
// for a file that cannot be read, which is reported and left out. A
// directory with no entries gives a nil block.
func (j *Reader) refresh(rel, key string, l *store.Lister, w *worker, old *block, files []store.Dirent) (b *block, offsets []int, changed bool, problems []*format.Problem) {
	offsets, current := old.match(files)
	if current {
		return old, offsets, false, nil
	}
	kept, err := old.decode(offsets, &Options{Detail: Everything}) // one for each offset, in order
	if err != nil {
		kept, offsets = nil, nil // a damaged block: read every file
	}
	enc := w.encoder()
	clock := j.Clock
	records := make([]int, len(files)) // which record of the new block each file has
	for i, f := range files {
		records[i] = len(enc.starts)
		if offsets != nil && offsets[i] >= 0 {
			enc.add(kept[0], f.Key)
			kept = kept[1:]
			continue
		}
		data, id, err := l.ReadFile(f.Name)
		var e *format.Entry
		if err == nil {
			path, shown := rel+"/"+f.Name, l.Path(f.Name)
			e, err = format.ParseEntry(path, shown, data, clock)
		}
		if err != nil {
			shown := l.Path(f.Name)
			p := format.AsProblem(shown, err)
			p.Path = shown
			problems = append(problems, p)
			records[i] = -1
			continue
		}
		enc.add(e, id)
	}
	if len(enc.starts) == 0 {
		return nil, records, old != nil, problems
	}
	b = newBlock(key, enc.block())
	if b.open() != nil {
		panic("lead: a block just written cannot be read")
	}
	offsets = records
	for i, r := range records {
		if r >= 0 {
			offsets[i] = b.start + enc.starts[r]
		}
	}
	return b, offsets, true, problems
}

// saveCache writes the index atomically, streaming it a block at a time.
// Failing to write it is not worth stopping a command for, so the error
// is only returned.
func (j *Reader) saveCache(blocks []*block) error {
	path := j.abs(File)
	if err := os.MkdirAll(filepath.Dir(path), store.DirMode); err != nil {
		return err
	}
	if err := store.CreateFile(j.abs(format.CacheDir+"/.gitignore"), []byte("*\n")); err != nil && !errors.Is(err, fs.ErrExist) {
		return err
	}
	return store.WriteReplacing(path, func(w io.Writer) error {
		sum := crc32.NewIEEE()
		out := bufio.NewWriterSize(io.MultiWriter(w, sum), 256<<10)
		head := &encoder{}
		head.raw(j.cacheStamp())
		head.uvarint(uint64(len(blocks)))
		out.Write(head.b)
		for _, b := range blocks {
			head.b = head.b[:0]
			head.raw(b.key)
			head.key(b.dir)
			head.uvarint(uint64(len(b.data)))
			out.Write(head.b)
			out.Write(b.data)
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
	b     []byte
	table *stringTable // where strings written as references go
}

// stringTable is a block's table of the strings that repeat.
type stringTable struct {
	strings   []string
	positions map[string]uint64 // where each string is
}

// position returns where s is in the table, adding it when it is not.
func (t *stringTable) position(s string) uint64 {
	if p, ok := t.positions[s]; ok {
		return p
	}
	p := uint64(len(t.strings))
	s = strings.Clone(s) // the table outlives what s points into
	t.positions[s] = p
	t.strings = append(t.strings, s)
	return p
}

// blockEncoder encodes the entries of one directory, in listing order, as
// a block. Each entry is encoded as it is added, so that what it points
// into may be reused; strings that repeat go into the table as they are
// first seen.
type blockEncoder struct {
	table                         stringTable
	records, rec, body            encoder
	starts                        []int // where each record starts in records
	lists, bodyLists, items, open int
	dates                         []recordDate // of each record
	tags, projects                []int        // how many entries carry each string of the table
}

// recordDate is the date and id of a record's entry.
type recordDate struct {
	date time.Time
	id   string
}

// encoder returns the worker's block encoder, emptied: its memory is
// reused from one directory to the next.
func (w *worker) encoder() *blockEncoder {
	if w.enc == nil {
		w.enc = &blockEncoder{table: stringTable{positions: map[string]uint64{}}}
		w.enc.rec.table, w.enc.body.table = &w.enc.table, &w.enc.table
	}
	e := w.enc
	clear(e.table.positions)
	e.table.strings, e.records.b, e.starts, e.dates = e.table.strings[:0], e.records.b[:0], e.starts[:0], e.dates[:0]
	e.tags, e.projects = e.tags[:0], e.projects[:0]
	e.lists, e.bodyLists, e.items, e.open = 0, 0, 0, 0
	return e
}

// add encodes an entry read from a file with the identity key.
func (e *blockEncoder) add(en *format.Entry, key store.FileKey) {
	e.lists += len(en.With) + len(en.Tags) + len(en.Practices)
	for _, x := range en.Extra {
		e.lists += len(x.List)
	}
	for _, it := range en.Items {
		if !it.Done {
			e.open++
		}
	}
	e.bodyLists += len(en.Wins) + len(en.Feedback)
	e.items += len(en.Items)
	e.rec.b = e.rec.b[:0]
	e.rec.record(en, key, &e.body)
	e.starts = append(e.starts, len(e.records.b))
	e.records.uvarint(uint64(len(e.rec.b)))
	e.dates = append(e.dates, recordDate{en.Date, en.ID})
	e.records.b = append(e.records.b, e.rec.b...)
	for i, tag := range en.Tags {
		if !slices.Contains(en.Tags[:i], tag) { // an entry that repeats a tag carries it once
			e.tags = count(e.tags, e.table.position(tag))
		}
	}
	if en.Project != "" {
		e.projects = count(e.projects, e.table.position(en.Project))
	}
}

// count adds one to counts[at], growing counts as needed.
func count(counts []int, at uint64) []int {
	for uint64(len(counts)) <= at {
		counts = append(counts, 0)
	}
	counts[at]++
	return counts
}

// block returns the bytes of the block: its counts, its table of the
// strings that repeat, the order of its records, its records.
func (e *blockEncoder) block() []byte {
	head := &encoder{}
	for _, n := range []int{len(e.starts), e.lists, e.bodyLists, e.items, e.open, len(e.table.strings)} {
		head.uvarint(uint64(n))
	}
	for _, s := range e.table.strings {
		head.raw(s)
	}
	order := make([]int32, len(e.dates))
	for n := range order {
		order[n] = int32(n)
	}
	slices.SortFunc(order, func(a, b int32) int { // as format.CompareNewestFirst: a block's paths differ by their ids
		x, y := e.dates[a], e.dates[b]
		return format.NewestFirst(x.date, x.id, y.date, y.id)
	})
	for _, n := range order {
		head.uvarint(uint64(n))
	}
	for _, counts := range [][]int{e.tags, e.projects} {
		head.tally(counts)
	}
	return append(append(make([]byte, 0, len(head.b)+len(e.records.b)), head.b...), e.records.b...)
}

// tally writes, for each string of the table that entries carry, its
// position and how many carry it (counts[position]), as decoder.tally
// reads them.
func (e *encoder) tally(counts []int) {
	n := 0
	for _, c := range counts {
		if c > 0 {
			n++
		}
	}
	e.uvarint(uint64(n))
	for at, c := range counts {
		if c > 0 {
			e.uvarint(uint64(at))
			e.uvarint(uint64(c))
		}
	}
}

func (e *encoder) uvarint(v uint64) { e.b = binary.AppendUvarint(e.b, v) }
func (e *encoder) varint(v int64)   { e.b = binary.AppendVarint(e.b, v) }

func (e *encoder) raw(s string) {
	e.uvarint(uint64(len(s)))
	e.b = append(e.b, s...)
}

// ref writes a string as a reference to the table.
func (e *encoder) ref(s string) { e.uvarint(e.table.position(s)) }

func (e *encoder) refs(list []string) {
	e.uvarint(uint64(len(list)))
	for _, s := range list {
		e.ref(s)
	}
}

// key writes a file's identity, as decoder.key reads it.
func (e *encoder) key(k store.FileKey) {
	e.varint(k.Size)
	e.varint(k.Mtime)
	e.varint(k.Ctime)
	e.uvarint(k.Ino)
}

// record encodes an entry read from a file with the identity k; block is
// scratch space for the block of what the body holds.
func (e *encoder) record(en *format.Entry, k store.FileKey, block *encoder) {
	e.raw(en.Path)
	e.key(k)
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
	e.uvarint(uint64(len(en.Extra)))
	for _, f := range en.Extra {
		e.ref(f.Key)
		e.b = append(e.b, f.Kind)
		e.ref(f.Value)
		e.refs(f.List)
	}
	// What the body holds goes in a block of its own, so that a reader of
	// headers can step over it.
	block.b = block.b[:0]
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
	items   []format.Item
	entries []format.Entry
	extras  []format.Field // front matter keys lead does not know, cut a chunk at a time
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

// key reads a file's identity.
func (d *decoder) key() store.FileKey {
	return store.FileKey{Size: d.varint(), Mtime: d.varint(), Ctime: d.varint(), Ino: d.uvarint()}
}

// record decodes the record at d.off into the arenas: the entry, with as
// much of what its body holds as detail asks for. An entry keep refuses
// gives nil, and the arenas take back what it used.
func (d *decoder) record(detail Detail, keep func(*format.Entry) bool, doneSince time.Time) *format.Entry {
	size := d.count()
	end := d.off + size
	rel := d.raw()
	d.key()
	if len(d.entries) == cap(d.entries) {
		d.err = errCorrupt
	}
	if d.err != nil {
		return nil
	}
	lists, extras := len(d.lists), -1 // where this entry's extras start, if any
	sec, nsec, offset := d.varint(), d.varint(), int(d.varint())
	d.entries = append(d.entries, format.Entry{Path: rel, ID: entryID(rel), Date: d.date(sec, nsec, offset)})
	e := &d.entries[len(d.entries)-1]
	e.Kind, e.Title, e.Project = d.ref(), d.raw(), d.ref()
	e.With, e.Tags, e.Practices = d.list(d.ref), d.list(d.ref), d.list(d.ref)
	if n := d.count(); n > 0 && d.err == nil {
		if len(d.extras)+n > cap(d.extras) {
			d.extras = make([]format.Field, 0, max(n, 256))
		}
		extras = len(d.extras)
		d.extras = d.extras[:extras+n]
		e.Extra = d.extras[extras : extras+n : extras+n]
		for i := range e.Extra {
			e.Extra[i] = format.Field{Key: d.ref(), Kind: d.byte(), Value: d.ref(), List: d.list(d.ref)}
		}
	}
	details := d.count()
	if d.err != nil {
		return nil
	}
	if keep != nil && !keep(e) {
		d.drop(lists, extras)
		return nil
	}
	if detail > Headers {
		d.details(e, detail == OpenItems, doneSince)
	} else {
		d.off += details
	}
	if d.off != end {
		d.err = errCorrupt
	}
	if d.err != nil {
		return nil
	}
	return e
}

// drop takes the entry decoded last out of the arenas, back to where its
// lists and extras started (extras -1 when it has none); its items stay.
func (d *decoder) drop(lists, extras int) {
	d.entries, d.lists = d.entries[:len(d.entries)-1], d.lists[:lists]
	if extras >= 0 {
		d.extras = d.extras[:extras]
	}
}

// details reads the block of what an entry's body holds, without the
// ticked items when openOnly, but for those ticked on doneSince or later
// when it is set.
func (d *decoder) details(e *format.Entry, openOnly bool, doneSince time.Time) {
	e.Summary = d.raw()
	e.Wins, e.Feedback = d.list(d.raw), d.list(d.raw)
	n := d.count()
	if n == 0 || d.err != nil {
		return
	}
	start := len(d.items)
	for range n {
		it := format.Item{ID: d.raw(), Line: int(d.uvarint()), Path: e.Path, Date: e.Date, With: e.With}
		if len(it.ID) != 16 {
			d.err = errCorrupt
		}
		flags := d.byte()
		it.Done, it.Agenda = flags&1 != 0, flags&2 != 0
		it.Text, it.Owner, it.Section = d.raw(), d.ref(), d.ref()
		if due := d.varint(); due != 0 {
			it.Due = time.Unix(due, 0).In(time.Local)
		}
		if it.Done {
			it.DoneOn = format.DoneDay(it.Text)
		}
		if !it.Done || !openOnly || !doneSince.IsZero() && !it.DoneOn.IsZero() && !it.DoneOn.Before(doneSince) {
			if len(d.items) == cap(d.items) { // more than the block's counts
				d.err = errCorrupt
				return
			}
			d.items = append(d.items, it)
		}
	}
	if len(d.items) > start {
		e.Items = d.items[start:len(d.items):len(d.items)]
	}
}

package cli

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/lead-journal/lead/journal"
	"github.com/lead-journal/lead/journal/jrnl"
	"github.com/lead-journal/lead/journal/when"
	"github.com/spf13/cobra"
)

// bragOptions are lead brag's flags.
type bragOptions struct {
	since, until string
	format       documentFormat
}

func (a *app) cmdBrag() *cobra.Command {
	var o bragOptions
	cmd := &cobra.Command{
		Use:     "brag",
		Short:   "A brag document for a performance conversation",
		GroupID: "habits",
		Long: `Write a Markdown brag document from the journal: wins with the people
credited, feedback received by person, projects with their entries,
practices shown and relationships kept. Hand it to your boss before a
performance conversation, or keep it as the record of a half year.`,
		Example: `  lead brag > brag.md
  lead brag --since 2026-01-01 --until 2026-06-30`,
		Args: cobra.NoArgs,
		RunE: func(*cobra.Command, []string) error { return a.runBrag(o) },
	}
	documentFlag(cmd, &o.format)
	cmd.Flags().StringVar(&o.since, "since", "6m", "from this date or span back")
	cmd.Flags().StringVar(&o.until, "until", "", "up to and including this date (default today)")
	return cmd
}

// runBrag prints the brag document of the entries from since up to and
// including until (today when empty).
func (a *app) runBrag(o bragOptions) error {
	now := a.env.Now()
	from, err := when.Since(o.since, now)
	if err != nil {
		return usagef("--since: %v", err)
	}
	to := when.Day(now).AddDate(0, 0, 1)
	if o.until != "" {
		if to, err = when.Until(o.until, now); err != nil {
			return usagef("--until: %v", err)
		}
	}
	s, err := a.load()
	if err != nil {
		return err
	}
	return a.printDocument(s.Brag(from, to), o.format)
}

// exportBatch is how many entries' bodies export reads at a time.
const exportBatch = 1024

// exportLayout is how export lays out entries: the list, and each entry
// rendered with its body, appended to dst (from several goroutines at
// once).
type exportLayout struct {
	listLayout
	render func(dst []byte, s *journal.Snapshot, e *journal.Entry, body string) []byte
}

// encoders is a buffer with the encoders that write into it, reused from
// one entry to the next.
type encoders struct {
	buf  bytes.Buffer
	csv  *csv.Writer
	json *json.Encoder
}

var encoderPool = sync.Pool{New: func() any {
	enc := &encoders{}
	enc.csv, enc.json = csv.NewWriter(&enc.buf), json.NewEncoder(&enc.buf)
	enc.json.SetEscapeHTML(false)
	return enc
}}

const csvHeader = "id,date,kind,title,with,project,tags,practices,path,body\n"

// csvLayout writes a row per entry, each cell passed through cell.
func csvLayout(cell func(string) string) exportLayout {
	return exportLayout{listLayout: listLayout{head: csvHeader, none: csvHeader}, render: func(dst []byte, _ *journal.Snapshot, e *journal.Entry, body string) []byte {
		enc := encoderPool.Get().(*encoders)
		defer encoderPool.Put(enc)
		enc.buf.Reset()
		row := []string{e.ID, e.Date.Format(time.RFC3339), e.Kind, e.Title, strings.Join(e.With, ";"), e.Project,
			strings.Join(e.Tags, ";"), strings.Join(e.Practices, ";"), e.Path, body}
		for i := range row {
			row[i] = cell(row[i])
		}
		enc.csv.Write(row)
		enc.csv.Flush()
		return append(dst, enc.buf.Bytes()...)
	}}
}

var exportLayouts = map[string]exportLayout{
	"json": {listLayout: jsonList, render: func(dst []byte, _ *journal.Snapshot, e *journal.Entry, body string) []byte {
		enc := encoderPool.Get().(*encoders)
		defer encoderPool.Put(enc)
		return enc.appendEntry(dst, toEntryJSON(e, &body), "  ")
	}},
	"csv": csvLayout(spreadsheetText),
	"markdown": {listLayout: listLayout{sep: "\n"}, render: func(dst []byte, s *journal.Snapshot, e *journal.Entry, body string) []byte {
		meta := []string{"*" + e.Kind + "*"}
		if len(e.With) > 0 {
			meta = append(meta, "with "+s.Names(e.With))
		}
		if e.Project != "" {
			meta = append(meta, "project "+e.Project)
		}
		if len(e.Tags) > 0 {
			meta = append(meta, "tags "+strings.Join(e.Tags, ", "))
		}
		return fmt.Appendf(dst, "# %s — %s\n\n%s\n\n%s", e.Date.Format("2006-01-02 15:04"), e.Label(), strings.Join(meta, " · "), demote(body))
	}},
}

// exportOptions are lead export's flags.
type exportOptions struct {
	filter       filterFlags
	format       string
	keepFormulas bool
}

func (a *app) cmdExport() *cobra.Command {
	var o exportOptions
	cmd := &cobra.Command{
		Use:     "export",
		Short:   "Export entries as JSON, CSV or Markdown, commitments as iCalendar",
		GroupID: "journal",
		Long: `Export the entries that pass the same filters as lead list, oldest first.

  json      an array of entries with every list field and the body
  csv       a header row, then id, date, kind, title, with, project, tags,
            practices, path, body (lists joined with ";"); a cell that
            begins with = + - @ (or their full-width forms), a tab or a
            carriage return gets a leading ' so that a spreadsheet shows it
            as text and never evaluates it (--keep-formulas turns this off)
  markdown  one document: a heading per entry, its people and tags, its body
  ics       the open commitments with a due date, mine and theirs, from the
            entries that pass the filters (--grep aside), as an iCalendar
            file to import or subscribe to: one all-day event on each due
            day, whose UID stays while the item's text and file do (a new
            due date included), so that importing again updates the events
            rather than adding new ones`,
		Example: `  lead export --format csv --since 1y > lead.csv
  lead export --format markdown --with dana > dana.md
  lead export --format ics > ~/Calendars/lead.ics`,
		Args: cobra.NoArgs,
		RunE: func(*cobra.Command, []string) error { return a.runExport(o) },
	}
	o.filter.register(cmd.Flags(), true)
	cmd.Flags().StringVar(&o.format, "format", "json", "json, csv, markdown or ics")
	cmd.Flags().BoolVar(&o.keepFormulas, "keep-formulas", false, "csv: write cells that begin like a formula as they are")
	return cmd
}

// runExport writes the entries that pass the filter, oldest first, in the
// format asked for, or the open commitments as iCalendar.
func (a *app) runExport(o exportOptions) error {
	if o.format == "ics" {
		return a.exportICS(&o.filter)
	}
	layout, ok := exportLayouts[o.format]
	if !ok {
		return usagef("--format %q: want json, csv, markdown or ics", o.format)
	}
	if o.format == "csv" && o.keepFormulas {
		layout = csvLayout(func(s string) string { return s })
	}
	s, entries, err := a.query(&o.filter)
	if err != nil {
		return err
	}
	slices.Reverse(entries)
	out := bufio.NewWriterSize(a.env.Stdout, outputBuffer)
	// A batch at a time, its bodies read and rendered in parallel
	// into the memory of the batch before: a large journal is never
	// held whole.
	parts := make([][]byte, min(len(entries), exportBatch))
	for start := 0; start < len(entries); start += exportBatch {
		batch := entries[start:min(len(entries), start+exportBatch)]
		s.EachBody(batch, func(i int, e *journal.Entry, body string) {
			parts[i] = layout.render(parts[i][:0], s, e, body)
		})
		for i, part := range parts[:len(batch)] {
			if start+i == 0 {
				out.WriteString(layout.head)
			} else {
				out.WriteString(layout.sep)
			}
			out.Write(part)
		}
	}
	if len(entries) == 0 {
		out.WriteString(layout.none)
	} else {
		out.WriteString(layout.tail)
	}
	a.report(s)
	return out.Flush()
}

// demote moves an entry's headings one level down, under its own heading.
func demote(body string) string {
	lines := strings.SplitAfter(body, "\n")
	for i, l := range lines {
		if strings.HasPrefix(l, "#") {
			lines[i] = "#" + l
		}
	}
	out := strings.Join(lines, "")
	if out != "" && !strings.HasSuffix(out, "\n") {
		out += "\n"
	}
	return out
}

// importJrnlOptions are lead import jrnl's arguments.
type importJrnlOptions struct {
	file string // jrnl's text file or its JSON export
}

func (a *app) cmdImport() *cobra.Command {
	cmd := &cobra.Command{
		Use:     "import",
		Short:   "Bring in entries from another journal",
		GroupID: "journal",
	}
	cmd.AddCommand(&cobra.Command{
		Use:   "jrnl FILE",
		Short: "Import a jrnl journal (its text file or its JSON export)",
		Long: `Import a journal kept with jrnl: its plain-text file, or the output of
jrnl --export json. Each entry becomes a note with jrnl's title and body;
a starred entry is tagged "starred"; an @tag that names someone in the
journal (by slug, name or unique prefix) adds them to "with", and other
tags become tags. Every imported entry records its source, so importing
the same file again adds only what is new. Times are read as local time.`,
		Example: `  lead import jrnl ~/.local/share/jrnl/journal.txt
  jrnl --export json > jrnl.json && lead import jrnl jrnl.json`,
		Args: argCount(1, 1),
		RunE: func(_ *cobra.Command, args []string) error {
			return a.runImportJrnl(importJrnlOptions{file: args[0]})
		},
	})
	return cmd
}

// runImportJrnl adds the entries of a jrnl journal that are not in the
// journal yet and prints the path of each it adds.
func (a *app) runImportJrnl(o importJrnlOptions) error {
	data, err := journal.ReadImport(o.file)
	if err != nil {
		return err
	}
	entries, err := jrnl.Parse(data, time.Local)
	if err != nil {
		return fmt.Errorf("%s: %w", o.file, err)
	}
	s, err := a.load()
	if err != nil {
		return err
	}
	res, err := s.ImportJrnl(entries)
	if res != nil {
		paths := make([]string, len(res.Added))
		for i, e := range res.Added {
			fmt.Fprintln(a.env.Stdout, a.abs(e.Path))
			paths[i] = e.Path
		}
		if len(paths) > 0 {
			a.autocommit(fmt.Sprintf("import: %d jrnl %s from %s", len(paths), journal.Plural(len(paths), "entry", "entries"), o.file), paths...)
		}
		a.infof("imported %d %s from %s; %d already in the journal", len(res.Added), journal.Plural(len(res.Added), "entry", "entries"), o.file, res.Skipped)
	}
	return err
}

package journal

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strings"
	"text/template"
	"time"

	"github.com/lead-journal/lead/journal/format"
	"github.com/lead-journal/lead/journal/store"
	"github.com/lead-journal/lead/journal/when"
	"github.com/lead-journal/lead/templates"
	"gopkg.in/yaml.v3"
)

// Draft is a new entry as given on the command line.
type Draft struct {
	FrontMatter
	Notes    string
	Todos    []string
	Next     []string
	Wins     []string
	Feedback []string
}

// draftData is what an entry template sees.
type draftData struct {
	Draft
	Prompt bool      // the draft is for an editor: keep empty sections as prompts
	People []*Person // the people in With
	Open   []*Item   // open commitments with them, both ways
	Agenda []*Item   // their queued agenda
}

// ErrEmpty reports an entry with nothing written in it, neither a body nor
// a title, project, tag or practice; nothing is logged.
var ErrEmpty = errors.New("the entry is empty; nothing logged")

// Compose renders a draft as the bytes of an entry file, through the
// template of its kind. With prompt, empty sections are kept as headings
// to write under and a comment lists the people's open commitments and
// queued agenda; the comment is removed again when the entry is logged.
func (s *Snapshot) Compose(d Draft, prompt bool) ([]byte, error) {
	oneLine := func(list []string) []string { // each is one list item: one line
		out := make([]string, len(list))
		for i, item := range list {
			out[i] = strings.Join(strings.Fields(item), " ")
		}
		return out
	}
	d.Todos, d.Next, d.Wins, d.Feedback = oneLine(d.Todos), oneLine(d.Next), oneLine(d.Wins), oneLine(d.Feedback)
	d.Notes = closeFence(d.Notes)
	if d.Kind == "" {
		d.Kind = DefaultKind(d.With)
	}
	data := draftData{Draft: d, Prompt: prompt}
	for _, slug := range d.With {
		if p := s.Person(slug); p != nil {
			data.People = append(data.People, p)
		}
		if prompt {
			data.Open = append(data.Open, s.OpenWith(slug)...)
			data.Agenda = append(data.Agenda, s.Agenda(slug)...)
		}
	}
	data.Open, data.Agenda = uniqueItems(data.Open), uniqueItems(data.Agenda)
	body, err := s.Journal.render(d.Kind+".md", data)
	if err != nil {
		return nil, err
	}
	front := d.FrontMatter.Render()
	if prompt && d.Title == "" { // a line to give it one
		front = bytes.Replace(front, []byte("\nkind: "+d.Kind+"\n"), []byte("\nkind: "+d.Kind+"\ntitle:\n"), 1)
	}
	return append(front, tidy(body)...), nil
}

// render executes a template file with the shared sections available.
func (j *Journal) render(name string, data any) (string, error) {
	text, found, err := templates.Read(j.Root, name, store.ReadFile)
	if err == nil && !found {
		text, _, err = templates.Read(j.Root, templates.Fallback+".md", store.ReadFile)
	}
	if err != nil {
		return "", err
	}
	shared, _, err := templates.Read(j.Root, templates.Shared, store.ReadFile)
	if err != nil {
		return "", err
	}
	t := template.New(name).Funcs(template.FuncMap{"join": strings.Join})
	if _, err := t.Parse(shared); err != nil {
		return "", fmt.Errorf("template %s: %w", templates.Shared, err)
	}
	if _, err := t.Parse(text); err != nil {
		return "", fmt.Errorf("template %s: %w", name, err)
	}
	var b strings.Builder
	if err := t.Execute(&b, data); err != nil {
		return "", fmt.Errorf("template %s: %w", name, err)
	}
	return b.String(), nil
}

// closeFence closes a code fence the text leaves open, so that the
// sections lead writes after the notes are not read as code.
func closeFence(text string) string {
	fence := ""
	for _, line := range strings.Split(text, "\n") {
		t := strings.TrimSpace(line)
		switch {
		case fence != "" && strings.HasPrefix(t, fence):
			fence = ""
		case fence == "" && (strings.HasPrefix(t, "```") || strings.HasPrefix(t, "~~~")):
			fence = t[:3]
		}
	}
	if fence == "" {
		return text
	}
	return text + "\n" + fence
}

var blankRuns = regexp.MustCompile(`\n{3,}`)

// tidy folds runs of blank lines in generated text and ends it with one
// newline.
func tidy(s string) string {
	s = strings.TrimLeft(blankRuns.ReplaceAllString(s, "\n\n"), "\n")
	if s = strings.TrimRight(s, "\n"); s == "" {
		return ""
	}
	return s + "\n"
}

const contextOpen, contextClose = "<!-- lead:", "-->"

// stripContext removes the reference comment Compose adds for an editor.
func stripContext(body string) string {
	trimmed := strings.TrimLeft(body, " \t\r\n")
	if !strings.HasPrefix(trimmed, contextOpen) {
		return body
	}
	end := strings.Index(trimmed, contextClose)
	if end < 0 {
		return body
	}
	return strings.TrimLeft(trimmed[end+len(contextClose):], " \t\r\n")
}

// Logged says what Log wrote.
type Logged struct {
	Entry   *Entry    // as read back from the new file
	Created []*Person // stubs made for people the journal did not know
	Guessed []Guess   // names in `with` taken to mean someone close to them
}

// Log validates the bytes of a new entry, composed by lead or edited by a
// person, and saves them as a new file that never replaces another. People
// in `with` the journal does not know get stub files; names and prefixes
// become slugs, and in task items relative due dates ("due:fri") become
// absolute, counted from the entry's own date, and @mentions by prefix
// become slugs. display names the draft in problems.
func (s *Snapshot) Log(data []byte, display string) (*Logged, error) {
	if len(bytes.TrimSpace(data)) == 0 {
		return nil, ErrEmpty
	}
	d, err := format.ParseDocument(display, data)
	if err != nil {
		return nil, err
	}
	e, err := format.EntryOf(d, "draft.md", s.Journal.Config.Clock())
	if err != nil {
		return nil, err
	}
	body := stripContext(string(d.Body))
	if isBlank(body) && e.Title == "" && e.Project == "" && len(e.Tags)+len(e.Practices) == 0 {
		return nil, ErrEmpty
	}
	if err := s.Journal.Config.CheckKind(e.Kind); err != nil {
		return nil, &Problem{Path: display, Line: d.Line("kind"), Msg: err.Error()}
	}
	if err := s.Journal.Config.CheckPractices(e.Practices); err != nil {
		return nil, &Problem{Path: display, Line: d.Line("practices"), Msg: err.Error()}
	}
	var logged Logged
	slugs, stubs, guesses, err := s.resolveWith(d, display)
	if err != nil {
		return nil, err
	}
	logged.Guessed = guesses
	for _, name := range stubs { // known while the items are resolved, written once they are
		s.add(&Person{Slug: Slugify(name), Name: name})
	}
	if body, err = s.resolveItems(body, display, d.BodyLine, e.Date); err != nil {
		return nil, err
	}
	head := data[:len(data)-len(d.Body)]
	emptyTitle := d.Field("title") != nil && e.Title == ""
	if !slices.Equal(slugs, e.With) || emptyTitle {
		node, err := d.Node()
		if err != nil {
			return nil, err
		}
		if emptyTitle { // the template's line, left empty
			node.Content = dropKey(node.Content, "title")
		}
		head = setList(node, "with", slugs)
	}
	body = dropEmptySections(body)
	for _, name := range stubs {
		p, err := s.Journal.AddPerson(Profile{Name: name}, "")
		switch {
		case errors.Is(err, fs.ErrExist): // another run made them a moment ago
			if p, err = s.Journal.readPerson(PeopleDir + "/" + Slugify(name) + ".md"); err != nil {
				return nil, err
			}
		case err != nil:
			return nil, err
		default:
			logged.Created = append(logged.Created, p)
		}
		s.add(p)
	}
	saved := append(head, body...)
	rel, err := s.Journal.createEntry(e.Date, entrySlug(e.Title, e.Kind, slugs), saved)
	if err != nil {
		return nil, err
	}
	logged.Entry, err = format.ParseEntry(rel, s.Journal.Abs(rel), saved, s.Journal.Config.Clock())
	return &logged, err
}

// resolveWith resolves the names in `with` to slugs as ResolveNew does;
// names close to nobody become stubs, named as given.
func (s *Snapshot) resolveWith(d *format.Document, display string) (slugs, stubs []string, guesses []Guess, err error) {
	names, _ := d.List("with")
	line := d.Line("with")
	for _, name := range names {
		slug, stub, guess, err := s.ResolveNew(name)
		if err != nil {
			return nil, nil, nil, &Problem{Path: display, Line: line, Msg: "with: " + err.Error()}
		}
		if slices.Contains(slugs, slug) {
			continue
		}
		slugs = append(slugs, slug)
		if stub != "" {
			stubs = append(stubs, stub)
		}
		if guess != nil {
			guesses = append(guesses, *guess)
		}
	}
	return slugs, stubs, guesses, nil
}

// resolveItems rewrites relative due dates, counted from the day of on,
// and @mention prefixes in the task items of body.
func (s *Snapshot) resolveItems(body, display string, firstLine int, on time.Time) (string, error) {
	lines := strings.SplitAfter(body, "\n")
	for i, line := range lines {
		_, start, end, ok := format.TaskItem(line)
		if !ok {
			continue
		}
		text := line[start:end]
		if name, ok := format.Mention(text); ok && !strings.EqualFold(name, "me") {
			if p, err := s.FindPerson(name); err == nil {
				text = "@" + p.Slug + text[1+len(name):]
			}
		}
		var resolved strings.Builder
		done := 0
		for from, to := range format.DueValues(text) {
			if from < done { // inside the phrase before
				continue
			}
			t, to, err := duePhrase(text, from, to, on)
			if err != nil {
				return "", &Problem{Path: display, Line: firstLine + i, Msg: err.Error()}
			}
			resolved.WriteString(text[done:from])
			resolved.WriteString(t.Format("2006-01-02"))
			done = to
		}
		resolved.WriteString(text[done:])
		lines[i] = line[:start] + resolved.String() + line[end:]
	}
	return strings.Join(lines, ""), nil
}

// duePhrase resolves the due date whose first word is text[from:to],
// taking the longest run of up to four words that when.Due reads, so that
// "due:next week" and "due:end of month" are read whole. It returns the
// end of the phrase it read.
func duePhrase(text string, from, to int, on time.Time) (time.Time, int, error) {
	t, err := when.Due(text[from:to], on)
	end := to
	for words := 1; words < 4 && end < len(text); words++ {
		next := end + 1
		for next < len(text) && !format.IsSpace(text[next]) {
			next++
		}
		if longer, lerr := when.Due(text[from:next], on); lerr == nil {
			t, to, err = longer, next, nil
		}
		end = next
	}
	return t, to, err
}

// setList re-renders a front matter mapping with key set to a flow list.
func setList(meta *yaml.Node, key string, list []string) []byte {
	var v yaml.Node
	_ = v.Encode(list) // a []string always encodes
	v.Style = yaml.FlowStyle
	c := meta.Content
	for i := 0; i+1 < len(c); i += 2 {
		if c[i].Value == key {
			c[i+1] = &v
		}
	}
	return (&format.Mapping{Node: *meta}).Render()
}

// dropKey removes key and its value from the pairs of a mapping node.
func dropKey(pairs []*yaml.Node, key string) []*yaml.Node {
	for i := 0; i+1 < len(pairs); i += 2 {
		if pairs[i].Value == key {
			return slices.Delete(pairs, i, i+2)
		}
	}
	return pairs
}

// dropEmptySections removes the level-two headings with nothing under
// them but blank lines (the template's prompts left unused), and the blank
// lines that follow them.
func dropEmptySections(body string) string {
	lines := strings.SplitAfter(body, "\n")
	var out []string
	for i := 0; i < len(lines); i++ {
		if _, level := format.Heading(strings.TrimRight(lines[i], "\r\n")); level == 2 {
			end := i + 1
			for end < len(lines) && strings.TrimSpace(lines[end]) == "" {
				end++
			}
			if end == len(lines) || isSectionHeading(lines[end]) {
				i = end - 1
				continue
			}
		}
		out = append(out, lines[i])
	}
	if len(out) == len(lines) {
		return body
	}
	return tidy(strings.Join(out, ""))
}

// isSectionHeading reports whether a line is a level-two heading, or a
// level-one heading, which also ends a section.
func isSectionHeading(line string) bool {
	_, level := format.Heading(strings.TrimRight(line, "\r\n"))
	return level > 0 && level <= 2
}

func isBlank(body string) bool {
	for _, line := range strings.Split(body, "\n") {
		t := strings.TrimSpace(line)
		if _, level := format.Heading(t); t != "" && level == 0 {
			return false
		}
	}
	return true
}

// entrySlug names an entry file: its title, else its kind and first person.
func entrySlug(title, kind string, with []string) string {
	if s := Slugify(title); s != "" {
		return s
	}
	if len(with) > 0 {
		return Slugify(kind + " " + with[0])
	}
	return Slugify(kind)
}

// EntryPath is where an entry of that date and slug is written:
// entries/YYYY/MM/YYYY-MM-DD-HHMM-slug.md.
func EntryPath(date time.Time, slug string) string {
	return date.Format("entries/2006/01/"+format.StampLayout+"-") + slug + ".md"
}

// maxSameName bounds the numeric suffixes tried for one entry name.
const maxSameName = 1000

// createEntry writes a new entry file; when the name is taken it tries
// name-2, name-3, ... so that no entry is ever replaced.
func (j *Journal) createEntry(date time.Time, slug string, data []byte) (string, error) {
	base := strings.TrimSuffix(EntryPath(date, slug), ".md")
	for n := 1; n <= maxSameName; n++ {
		rel := base + ".md"
		if n > 1 {
			rel = fmt.Sprintf("%s-%d.md", base, n)
		}
		abs, err := j.writable(rel)
		if err != nil {
			return "", err
		}
		if err = store.CreateFile(abs, data); err == nil {
			return rel, nil
		}
		if !errors.Is(err, fs.ErrExist) {
			return "", err
		}
	}
	return "", fmt.Errorf("%s: %d entries already have this name", base, maxSameName)
}

// AddPerson writes a new person file from a profile and optional notes.
// It fails when a person with that slug exists.
func (j *Journal) AddPerson(p Profile, notes string) (*Person, error) {
	slug := Slugify(p.Name)
	if slug == "" {
		return nil, fmt.Errorf("%q is not a name", p.Name)
	}
	body, err := j.render("person.md", struct {
		Profile
		Notes string
	}{p, notes})
	if err != nil {
		return nil, err
	}
	rel := PeopleDir + "/" + slug + ".md"
	abs, err := j.writable(rel)
	if err != nil {
		return nil, err
	}
	data := append(p.Render(), tidy(body)...)
	if err := store.CreateFile(abs, data); err != nil {
		if errors.Is(err, fs.ErrExist) {
			return nil, fmt.Errorf("%s already exists: %s: %w", p.Name, j.Abs(rel), fs.ErrExist)
		}
		return nil, err
	}
	return format.ParsePerson(rel, j.Abs(rel), data)
}

// SaveDraft keeps the text of an entry that could not be logged under
// .lead/drafts and returns the file's path.
func (j *Journal) SaveDraft(data []byte) (string, error) {
	f, err := j.NewDraftFile()
	if err != nil {
		return "", err
	}
	if _, err := f.Write(data); err != nil {
		f.Close()
		return "", err
	}
	if err := f.Sync(); err != nil {
		f.Close()
		return "", err
	}
	return f.Name(), f.Close()
}

// NewDraftFile creates an empty, private draft file ending in .md, for an
// editor to work on.
func (j *Journal) NewDraftFile() (*os.File, error) {
	dir := j.Abs(DraftsDir)
	if err := os.MkdirAll(dir, DirMode); err != nil {
		return nil, err
	}
	return os.CreateTemp(dir, time.Now().Format("20060102-150405-")+"*.md")
}

// Drafts lists the kept drafts, newest first.
func (j *Journal) Drafts() ([]string, error) {
	matches, err := filepath.Glob(filepath.Join(j.Abs(DraftsDir), "*.md"))
	if err != nil {
		return nil, err
	}
	type draft struct {
		path string
		mod  time.Time
	}
	var drafts []draft
	for _, m := range matches {
		// lead's drafts are files it made: a link (one that came with the
		// journal, say, to a file of the user's) is not one.
		if info, err := os.Lstat(m); err == nil && info.Mode()&fs.ModeSymlink == 0 {
			drafts = append(drafts, draft{m, info.ModTime()})
		}
	}
	sort.Slice(drafts, func(a, b int) bool { return drafts[a].mod.After(drafts[b].mod) })
	out := make([]string, len(drafts))
	for i, d := range drafts {
		out[i] = d.path
	}
	return out, nil
}

func uniqueItems(items []*Item) []*Item {
	seen := map[string]bool{}
	out := items[:0]
	for _, it := range items {
		if !seen[it.ID] {
			seen[it.ID] = true
			out = append(out, it)
		}
	}
	return out
}

package journal

import (
	"fmt"
	"os"
	"path"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/lead-journal/lead/journal/format"
	"github.com/lead-journal/lead/journal/store"
	"github.com/lead-journal/lead/journal/when"
)

// Severities of a finding.
const (
	SeverityError   = "error"
	SeverityWarning = "warning"
)

// Finding is one thing lead check found wrong or doubtful.
type Finding struct {
	Path     string `json:"path"` // absolute
	Line     int    `json:"line"` // 0 when not at one line
	Severity string `json:"severity"`
	Message  string `json:"message"`
	// Subject is the word on the line the finding is about (a slug, a
	// kind, "@dana", "due:fri"), or "" when it is about the whole line.
	Subject string `json:"-"`
}

func (f Finding) String() string {
	loc := f.Path
	if f.Line > 0 {
		loc = fmt.Sprintf("%s:%d", f.Path, f.Line)
	}
	if f.Severity == SeverityWarning {
		return loc + ": warning: " + f.Message
	}
	return loc + ": " + f.Message
}

// findings gathers what a check finds.
type findings []Finding

func (fs *findings) add(path string, line int, subject, severity, format string, args ...any) {
	*fs = append(*fs, Finding{path, line, severity, fmt.Sprintf(format, args...), subject})
}

// Check validates the whole journal: files that cannot be read, unknown
// people, kinds, practices and relations, @mentions of no one, relative
// due dates, duplicate ids, misplaced files, near-duplicate people, email
// addresses that are none or that two people share, and permissions that
// let others read it. Findings are sorted by path and line.
func (s *Snapshot) Check() []Finding {
	var out findings
	for _, p := range s.Problems {
		out.add(p.Path, p.Line, "", SeverityError, "%s", p.Msg)
	}
	ids := map[string][]string{}
	for _, e := range s.Entries {
		path := s.Journal.Abs(e.Path)
		ids[e.ID] = append(ids[e.ID], path)
		s.checkEntry(e, path, s.keyLines(e), false, &out)
	}
	for id, paths := range ids {
		if len(paths) > 1 {
			sort.Strings(paths)
			for _, p := range paths {
				out.add(p, 0, "", SeverityError, "%s", duplicateID(id, without(paths, p)))
			}
		}
	}
	for _, p := range s.People {
		s.checkPerson(p, s.Journal.Abs(p.Path), &out)
	}
	s.checkEmails(&out)
	for _, pair := range s.nearDuplicates() {
		out.add(s.Journal.Abs(pair[0].Path), 0, "", SeverityWarning, "%s", nearDuplicate(pair[0], pair[1]))
	}
	out = append(out, s.Journal.checkTree()...)
	sortFindings(out)
	return out
}

// checkEntry checks one entry, read from the file at path; keyLine gives
// the line of a front matter key. A draft is checked as lead log reads
// it: names in with: and relative due dates are resolved when it is
// logged, and so are not problems.
func (s *Snapshot) checkEntry(e *Entry, path string, keyLine func(string) int, draft bool, out *findings) {
	cfg := s.Journal.Config
	if !draft {
		for _, w := range e.With {
			if s.people[w] == nil {
				out.add(path, keyLine("with"), w, SeverityError, "with: no person %q (add people/%s.md or fix the slug)", w, w)
			}
		}
	}
	if err := cfg.CheckKind(e.Kind); err != nil {
		out.add(path, keyLine("kind"), e.Kind, SeverityError, "%v", err)
	}
	for _, p := range e.Practices {
		if err := cfg.CheckPractices([]string{p}); err != nil {
			out.add(path, keyLine("practices"), p, SeverityError, "%v", err)
		}
	}
	if want := e.Date.Format("2006/01"); strings.Count(e.Path, "/") == 3 && !strings.HasPrefix(e.Path, EntriesDir+"/"+want+"/") {
		out.add(path, keyLine("date"), "", SeverityWarning, "dated %s but filed under %s", e.Date.Format("2006-01-02"), filepath.Dir(e.Path))
	}
	s.checkItems(e.Items, path, draft, out)
}

// checkPerson checks one person, read from the file at path.
func (s *Snapshot) checkPerson(p *Person, path string, out *findings) {
	cfg := s.Journal.Config
	if _, ok := cfg.Relations[p.Relation]; !ok {
		msg := fmt.Sprintf("relation %q has no direction or cadence (known: %s)", p.Relation, strings.Join(cfg.RelationNames(), ", "))
		if p.Relation == "" {
			msg = "no relation: set one so lead knows the direction and cadence"
		}
		out.add(path, p.KeyLine("relation"), p.Relation, SeverityWarning, "%s", msg)
	}
	for _, t := range p.Trusts {
		if s.people[t] == nil {
			out.add(path, p.KeyLine("trusts"), t, SeverityWarning, "trusts: no person %q", t)
		}
	}
	s.checkItems(p.Items, path, false, out)
}

func duplicateID(id string, others []string) string {
	return fmt.Sprintf("duplicate id %s: also %s", id, strings.Join(others, ", "))
}

func nearDuplicate(a, b *Person) string {
	return fmt.Sprintf("%s (%s) and %s (%s) look like the same person: a split person breaks cadence and review figures",
		a.Name, a.Slug, b.Name, b.Slug)
}

func sortFindings(out []Finding) {
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].Path != out[j].Path {
			return out[i].Path < out[j].Path
		}
		return out[i].Line < out[j].Line
	})
}

// keyLines returns the line of a front matter key in an entry's file,
// read again the first time a line is asked for: entries do not carry line
// numbers, and only a problem needs one. The file is read once however
// many problems it has, so that check stays linear in its size.
func (s *Snapshot) keyLines(e *Entry) func(key string) int {
	var d *format.Document
	read := false
	return func(key string) int {
		if !read {
			read = true
			if data, err := store.ReadFile(s.Journal.Abs(e.Path)); err == nil {
				if doc, err := format.ParseDocument(e.Path, data); err == nil {
					d = doc
				}
			}
		}
		if d == nil {
			return 0
		}
		return d.Line(key)
	}
}

func (s *Snapshot) checkItems(items []Item, path string, draft bool, out *findings) {
	for _, it := range items {
		if it.Owner != "" {
			if _, err := s.FindPerson(it.Owner); err != nil {
				out.add(path, it.Line, "@"+it.Owner, SeverityWarning, "@%s: %v", it.Owner, err)
			}
		}
		if draft {
			continue
		}
		for start, end := range format.DueValues(it.Text) {
			value := it.Text[start:end]
			if _, _, err := when.Absolute(value, time.UTC, when.Clock{}); err != nil {
				out.add(path, it.Line, "due:"+value, SeverityWarning, "due:%s is not a date (YYYY-MM-DD); lead log resolves relative dates, hand edits must not use them", value)
			}
		}
	}
}

// checkTree looks at the files themselves: permissions that let others
// read a private journal, and Markdown files where lead does not look.
// Hidden directories (.git, .lead) are left out.
func (j *Journal) checkTree() []Finding {
	var (
		mu      sync.Mutex
		out     []Finding
		exposed []string
	)
	if info, err := os.Lstat(j.Root); err == nil && info.Mode().Perm()&0o077 != 0 {
		exposed = append(exposed, j.Root)
	}
	store.WalkDirs(j.Root, store.Dir{Rel: "."}, true, nil, func(dir store.Dir, _ *store.Lister, list []store.Dirent, _ error) []store.Dir {
		var (
			subdirs []store.Dir
			open    []string
		)
		var found []Finding
		for _, d := range list {
			if d.IsDir && strings.HasPrefix(d.Name, ".") || d.Err != nil {
				continue
			}
			rel := path.Join(dir.Rel, d.Name)
			if d.Perm&0o077 != 0 {
				open = append(open, j.Abs(rel))
			}
			switch {
			case d.IsDir:
				subdirs = append(subdirs, store.Dir{Rel: rel})
			case strings.HasSuffix(rel, ".md") && !placed(rel):
				found = append(found, Finding{Path: j.Abs(rel), Severity: SeverityWarning, Message: misplaced})
			}
		}
		mu.Lock()
		defer mu.Unlock()
		out, exposed = append(out, found...), append(exposed, open...)
		return subdirs
	})
	if len(exposed) > 0 {
		// The example is the first in the order of a walk: a directory
		// before what is in it, names in order.
		first := slices.MinFunc(exposed, func(a, b string) int {
			return strings.Compare(strings.ReplaceAll(a, string(filepath.Separator), "\x00"), strings.ReplaceAll(b, string(filepath.Separator), "\x00"))
		})
		out = append(out, Finding{Path: j.Root, Severity: SeverityWarning, Message: fmt.Sprintf(
			"%d %s can be read by other users (%s): chmod -R go-rwx %s", len(exposed), Plural(len(exposed), "file or directory", "files and directories"), first, j.Root)})
	}
	return out
}

// misplaced is the warning for a Markdown file where lead does not look.
const misplaced = "lead does not read Markdown files here: entries go under entries/, people directly under people/"

// placed reports whether lead reads or writes a Markdown file at rel.
func placed(rel string) bool {
	switch {
	case strings.HasPrefix(rel, EntriesDir+"/"), strings.HasPrefix(rel, ReviewsDir+"/"), strings.HasPrefix(rel, "templates/"):
		return true
	case strings.HasPrefix(rel, PeopleDir+"/"):
		return strings.Count(rel, "/") == 1
	}
	return !strings.Contains(rel, "/") && strings.EqualFold(rel, "README.md")
}

func without(list []string, x string) []string {
	return slices.DeleteFunc(slices.Clone(list), func(s string) bool { return s == x })
}

// nearDuplicates finds pairs of people who are probably one person: names
// a letter or two apart ("Dana Smith", "Dana Smyth"), or a slug that is
// another's initial and surname ("dsmith" for "dana-smith").
func (s *Snapshot) nearDuplicates() [][2]*Person {
	var out [][2]*Person
	for i, a := range s.People {
		for _, b := range s.People[i+1:] {
			if similar(a, b) {
				out = append(out, [2]*Person{a, b})
			}
		}
	}
	return out
}

func similar(a, b *Person) bool {
	an, bn := Slugify(a.Name), Slugify(b.Name)
	if an == bn {
		return true
	}
	for _, pair := range [][2]string{{an, b.Slug}, {bn, a.Slug}} {
		if parts := strings.Split(pair[0], "-"); len(parts) > 1 && len(parts[0]) > 0 {
			if parts[0][:1]+parts[len(parts)-1] == strings.ReplaceAll(pair[1], "-", "") {
				return true
			}
		}
	}
	longer := max(len([]rune(an)), len([]rune(bn)))
	return longer >= 8 && editDistance(an, bn) <= longer/8
}

// editDistance is the number of single-rune insertions, deletions,
// substitutions and swaps of two neighbours that turn a into b (the
// optimal string alignment distance): "smiht" is one edit from "smith".
func editDistance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	rows := [3][]int{make([]int, len(rb)+1), make([]int, len(rb)+1), make([]int, len(rb)+1)}
	for j := range rows[0] {
		rows[0][j] = j
	}
	for i := 1; i <= len(ra); i++ {
		older, prev, cur := rows[(i+1)%3], rows[(i+2)%3], rows[i%3]
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && ra[i-1] == rb[j-2] && ra[i-2] == rb[j-1] {
				cur[j] = min(cur[j], older[j-2]+1)
			}
		}
	}
	return rows[len(ra)%3][len(rb)]
}

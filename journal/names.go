package journal

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
)

// ClosePeople returns the people a name that is no one's slug, name or
// prefix probably means: those with a word of their name equal to it
// ("Patel", "Smith"), those whose initial and surname it is ("D. Smith",
// "dsmith") or whose initials it is ("DS"), and those whose name, or a
// word of it, is an edit or two away ("Dana Smithe", "Smyth"). They are
// in slug order.
func (s *Snapshot) ClosePeople(name string) []*Person {
	q := Slugify(strings.TrimPrefix(strings.TrimSpace(name), "@"))
	if q == "" {
		return nil
	}
	var out []*Person
	for _, p := range s.People {
		if closeTo(q, p) {
			out = append(out, p)
		}
	}
	return out
}

// closeTo reports whether slugified query q probably names p.
func closeTo(q string, p *Person) bool {
	qw := strings.Split(q, "-")
	for _, full := range []string{Slugify(p.Name), p.Slug} {
		nw := strings.Split(full, "-")
		if len(nw) == 0 || nw[0] == "" {
			continue
		}
		initial, last := nw[0][:1], nw[len(nw)-1]
		var initials strings.Builder
		for _, w := range nw {
			initials.WriteString(w[:1])
		}
		switch {
		case len(qw) == 1 && len(q) > 1 && slices.Contains(nw, q),
			len(nw) > 1 && (q == initial+"-"+last || q == initial+last),
			len(nw) > 1 && q == initials.String(),
			len(q) >= 4 && editDistance(q, full) <= min(2, len(q)/4):
			return true
		}
		if len(qw) == 1 && len(q) >= 4 {
			for _, w := range nw {
				if d := editDistance(q, w); len(w) >= 4 && d > 0 && d <= 1+len(w)/7 {
					return true
				}
			}
		}
	}
	return false
}

// Lookup finds the person a command names, as FindPerson does; when no one
// matches, the error (a *NotFoundError underneath) names the people the
// name is close to, or says that no one is.
func (s *Snapshot) Lookup(name string) (*Person, error) {
	p, err := s.FindPerson(name)
	var nf *NotFoundError
	if errors.As(err, &nf) {
		near := &NearError{NotFoundError: nf}
		for _, c := range s.ClosePeople(name) {
			near.Closest = append(near.Closest, c.Label())
		}
		return nil, near
	}
	return p, err
}

// NearError is a person not found, with the people closest to the name.
type NearError struct {
	*NotFoundError
	Closest []string // labels of the people the name is close to
}

func (e *NearError) Error() string {
	if len(e.Closest) == 0 {
		return e.NotFoundError.Error() + "; lead people lists everyone"
	}
	return e.NotFoundError.Error() + "; did you mean " + strings.Join(e.Closest, " or ") + "?"
}

func (e *NearError) Unwrap() error { return e.NotFoundError }

// Guess records a name that was taken to mean a person close to it.
type Guess struct {
	Name   string
	Person *Person
}

// ResolveNew resolves a name given for someone present at an interaction.
// A slug, name or prefix is that person. A name close to exactly one
// person (see ClosePeople) is taken to mean them, and the guess is
// returned so that it can be said; a name close to several is refused,
// listing them. Only a name close to nobody is new: ResolveNew returns its
// slug and the name to make a stub of. A person file that exists but
// cannot be read counts as existing: its slug is returned, with no stub.
func (s *Snapshot) ResolveNew(name string) (slug, stub string, guess *Guess, err error) {
	p, err := s.FindPerson(name)
	var nf *NotFoundError
	switch {
	case err == nil:
		return p.Slug, "", nil, nil
	case !errors.As(err, &nf):
		return "", "", nil, err
	}
	close := s.ClosePeople(name)
	switch len(close) {
	case 0:
	case 1:
		return close[0].Slug, "", &Guess{name, close[0]}, nil
	default:
		var names []string
		for _, c := range close {
			names = append(names, c.Label())
		}
		return "", "", nil, &AmbiguousError{"person", name, names}
	}
	slug = Slugify(name)
	if slug == "" {
		return "", "", nil, fmt.Errorf("%q is not a name", name)
	}
	if _, err := os.Lstat(s.Journal.Abs(PeopleDir + "/" + slug + ".md")); !errors.Is(err, fs.ErrNotExist) {
		return slug, "", nil, nil // there, though it could not be read: lead check says why
	}
	if unread := s.unreadablePerson(slug); unread != nil {
		return "", "", nil, fmt.Errorf("no one lead can read matches %q, and %s could not be read (%s): fix that file (lead check says more) and try again; lead adds no one meanwhile",
			name, unread.Path, unread.Msg)
	}
	return slug, name, nil, nil
}

// Closest returns the options nearest to word, for a message about a word
// that is none of them: those a few edits away, that start with it, or
// that it starts with.
func Closest(word string, options []string) []string {
	w := strings.ToLower(strings.TrimSpace(word))
	var out []string
	for _, o := range options {
		lo := strings.ToLower(o)
		if w != "" && strings.HasPrefix(lo, w) || len(lo) >= 3 && strings.HasPrefix(w, lo) || editDistance(w, lo) <= max(1, len(lo)/3) {
			out = append(out, o)
		}
	}
	return out
}

// unreadablePerson returns the problem of a person's file that could not
// be read and whose slug starts with slug: that may be who a name means,
// and a new person of that name would split them in two.
func (s *Snapshot) unreadablePerson(slug string) *Problem {
	people := s.Journal.Abs(PeopleDir)
	for _, p := range s.Problems {
		if filepath.Dir(p.Path) == people && strings.HasPrefix(strings.TrimSuffix(filepath.Base(p.Path), ".md"), slug) {
			return p
		}
	}
	return nil
}

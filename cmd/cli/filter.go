package cli

import (
	"slices"
	"strings"
	"time"

	"github.com/lead-journal/lead/journal"
	"github.com/lead-journal/lead/journal/when"
	"github.com/spf13/pflag"
)

// filterFlags are the entry filters shared by list, export, brag and stats.
type filterFlags struct {
	with, kinds, tags, practices []string
	projects, directions, fields []string
	since, until, grep           string
	limit                        int
}

func (f *filterFlags) register(fs *pflag.FlagSet, limit bool) {
	fs.StringSliceVarP(&f.with, "with", "w", nil, "entries with this person, by slug, name or prefix (all given must match)")
	fs.StringSliceVarP(&f.kinds, "kind", "k", nil, "entries of this kind (any given)")
	fs.StringSliceVar(&f.tags, "tag", nil, "entries with this tag (all given must match)")
	fs.StringSliceVarP(&f.practices, "practice", "p", nil, "entries recording this practice (all given must match)")
	fs.StringSliceVar(&f.projects, "project", nil, "entries about this project (any given)")
	fs.StringSliceVar(&f.directions, "direction", nil, "entries with someone up, down, side or out (any given)")
	fs.StringArrayVar(&f.fields, "field", nil, "entries whose front matter KEY holds VALUE (KEY=VALUE), does not (KEY!=VALUE), or has any value (KEY); repeatable, all must match")
	fs.StringVar(&f.since, "since", "", "entries from this date or span back (2026-11-01, monday, nov 9, 7d, 2w, \"2 weeks\", 3m, 1y)")
	fs.StringVar(&f.until, "until", "", "entries up to and including this date (2026-11-20, yesterday, nov 20)")
	fs.StringVar(&f.grep, "grep", "", "entries whose text matches this regular expression (case-insensitive unless it has a capital)")
	if limit {
		fs.IntVarP(&f.limit, "limit", "n", 0, "show at most this many entries")
	}
}

// build turns the flags into a journal filter, resolving people.
func (f *filterFlags) build(s *journal.Snapshot, now time.Time) (journal.Filter, error) {
	out := journal.Filter{Kinds: f.kinds, Tags: f.tags, Practices: f.practices, Projects: f.projects, Limit: f.limit}
	for _, name := range f.with {
		p, err := s.Lookup(name)
		if err != nil {
			return out, usagef("--with: %v", err)
		}
		out.With = append(out.With, p.Slug)
	}
	cfg := s.Journal.Config
	var practices []string
	for _, p := range cfg.Practices {
		practices = append(practices, p.Name)
	}
	for _, check := range []struct {
		flag         string
		given, valid []string
	}{{"kind", f.kinds, cfg.Kinds}, {"practice", f.practices, practices}, {"direction", f.directions, journal.Directions}} {
		if err := oneOf(check.flag, check.given, check.valid); err != nil {
			return out, err
		}
	}
	out.Directions = f.directions
	for _, kv := range f.fields {
		m, err := journal.ParseFieldMatch(kv)
		if err != nil {
			return out, usagef("--field %v", err)
		}
		out.Fields = append(out.Fields, m)
	}
	var err error
	if f.since != "" {
		if out.Since, err = when.Since(f.since, now); err != nil {
			return out, usagef("--since: %v", err)
		}
	}
	if f.until != "" {
		if out.Until, err = when.Until(f.until, now); err != nil {
			return out, usagef("--until: %v", err)
		}
	}
	if !out.Since.IsZero() && !out.Until.IsZero() && !out.Since.Before(out.Until) {
		return out, usagef("--since %s is after --until %s: nothing can match", f.since, f.until)
	}
	if f.grep != "" {
		if out.Grep, err = journal.SmartCase(f.grep); err != nil {
			return out, usagef("--grep: %v", err)
		}
	}
	if f.limit < 0 {
		return out, usagef("--limit must not be negative")
	}
	return out, nil
}

// oneOf refuses, as a usage error, a value of a filter flag that is none
// of the valid ones, naming the closest or else all of them. Values are
// compared without case.
func oneOf(flag string, given, valid []string) error {
	for _, g := range given {
		if slices.ContainsFunc(valid, func(v string) bool { return strings.EqualFold(v, g) }) {
			continue
		}
		if near := journal.Closest(g, valid); len(near) > 0 {
			return usagef("--%s %q is unknown; did you mean %s?", flag, g, strings.Join(near, " or "))
		}
		return usagef("--%s %q is unknown; want one of %s", flag, g, strings.Join(valid, ", "))
	}
	return nil
}

// query reads the journal's people and the entries that pass the filter
// flags, newest first; the snapshot holds only those entries.
func (a *app) query(f *filterFlags) (*journal.Snapshot, []*journal.Entry, error) {
	s, err := a.read(journal.ReadOptions{Entries: journal.Headers,
		Filter: func(s *journal.Snapshot) (journal.Filter, error) { return f.build(s, a.env.Now()) }})
	if err != nil {
		return nil, nil, err
	}
	return s, s.Entries, nil
}

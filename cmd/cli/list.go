package cli

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/lead-journal/lead/journal"
	"github.com/spf13/cobra"
)

// entryJSON is an entry in --json output; see docs/format.md.
type entryJSON struct {
	ID        string         `json:"id"`
	Path      string         `json:"path"`
	Date      string         `json:"date"`
	Kind      string         `json:"kind"`
	Title     string         `json:"title"`
	With      []string       `json:"with"`
	Project   string         `json:"project"`
	Tags      []string       `json:"tags"`
	Practices []string       `json:"practices"`
	Fields    map[string]any `json:"fields"`
	Body      *string        `json:"body,omitempty"`
}

// toEntryJSON shapes an entry for --json; body is included when not nil.
func toEntryJSON(e *journal.Entry, body *string) entryJSON {
	out := entryJSON{
		ID: e.ID, Path: e.Path, Date: e.Date.Format(time.RFC3339), Kind: e.Kind, Title: e.Title,
		With: journal.NonNil(e.With), Project: e.Project, Tags: journal.NonNil(e.Tags), Practices: journal.NonNil(e.Practices), Fields: e.Meta(),
	}
	out.Body = body
	return out
}

// listOptions are lead list's flags.
type listOptions struct {
	filter            filterFlags
	json, paths, null bool
}

func (a *app) cmdList() *cobra.Command {
	var o listOptions
	cmd := &cobra.Command{
		Use:     "list",
		Aliases: []string{"ls"},
		Short:   "List entries, newest first",
		GroupID: "daily",
		Long: `List entries, newest first, filtered by people, kind, tags, practices,
projects, direction, dates, any front matter field and full text.

On a terminal the output is a table; piped, it is tab-separated:
id, date (RFC 3339), kind, people (comma-separated), title, project.
--json prints the fields documented in docs/format.md; --paths prints one
absolute path per line for xargs, grep and editors (-0 separates them
with NUL for xargs -0).`,
		Example: `  lead list --with dana --since 2w
  lead list --kind 1on1,skip-level --direction up
  lead list --grep budget --paths | xargs grep -n budget
  lead list --field mood=tense --json | jq '.[].title'`,
		Args: cobra.NoArgs,
		RunE: func(*cobra.Command, []string) error { return a.runList(o) },
	}
	o.filter.register(cmd.Flags(), true)
	cmd.Flags().BoolVar(&o.json, "json", false, "print JSON")
	cmd.Flags().BoolVar(&o.paths, "paths", false, "print one absolute path per line")
	cmd.Flags().BoolVarP(&o.null, "null", "0", false, "with --paths, end each path with NUL instead of a newline")
	return cmd
}

// runList prints the entries that pass the filters: a table, JSON or
// paths.
func (a *app) runList(o listOptions) error {
	if o.null {
		o.paths = true
	}
	if o.json && o.paths {
		return usagef("--json and --paths cannot be used together")
	}
	s, entries, err := a.query(&o.filter)
	if err != nil {
		return err
	}
	switch {
	case o.json:
		out := make([]entryJSON, len(entries))
		for i, e := range entries {
			out[i] = toEntryJSON(e, nil)
		}
		return writeJSONList(a.env.Stdout, out)
	case o.paths:
		end := "\n"
		if o.null {
			end = "\x00"
		}
		for _, e := range entries {
			if _, err := fmt.Fprint(a.env.Stdout, a.abs(e.Path)+end); err != nil {
				return err
			}
		}
		return nil
	}
	if len(entries) == 0 {
		a.infof("no entries match")
		return nil
	}
	return a.entryTable(s, entries).print()

}

// entryTable lays out entries as lead shows them everywhere. Piped, each
// row has the whole id and the date. On a terminal the id is shown at the
// shortest length that finds the entry and holds its date stamp
// (Journal.StampRefs), "2026-11-22-1730", and then says the date and time
// itself: the DATE column is left out unless an entry's id was named for
// another time than its date.
func (a *app) entryTable(s *journal.Snapshot, entries []*journal.Entry) *table {
	header := []string{"ID", "DATE", "KIND", "WITH", "TITLE", "PROJECT"}
	refs := make([]string, len(entries))
	for i, e := range entries {
		refs[i] = e.ID
	}
	dated := false // every ref says its entry's date and time
	if a.env.StdoutTTY {
		refs, dated = s.Journal.StampRefs(entries), true
		for i, e := range entries {
			dated = dated && strings.HasPrefix(refs[i], e.Date.Format(journal.StampLayout))
		}
	}
	if dated {
		header = slices.Delete(header, 1, 2)
	}
	t := a.newTable(header...).freeText("PROJECT", "WITH", "TITLE")
	for i, e := range entries {
		row := []string{a.paint("id", refs[i]), a.stamp(e.Date), e.Kind, a.names(s, e.With), e.Label(), e.Project}
		if dated {
			row = slices.Delete(row, 1, 2)
		}
		t.add(row...)
	}
	return t
}

// entryRefs are the references a table shows for entries: on a terminal
// the shortest that resolve to each among all the journal's entries,
// piped the whole ids.
func (a *app) entryRefs(s *journal.Snapshot, entries []*journal.Entry) []string {
	if a.env.StdoutTTY {
		return s.Journal.EntryRefs(entries)
	}
	refs := make([]string, len(entries))
	for i, e := range entries {
		refs[i] = e.ID
	}
	return refs
}

// names shows people by name on a terminal and by slug when piped, for
// table cells.
func (a *app) names(s *journal.Snapshot, slugs []string) string {
	if !a.env.StdoutTTY {
		return strings.Join(slugs, ",")
	}
	return s.Names(slugs)
}

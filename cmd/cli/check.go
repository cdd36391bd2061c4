package cli

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"github.com/lead-journal/lead/cmd/gitrepo"
	"github.com/lead-journal/lead/journal"
	"github.com/spf13/cobra"
)

// checkOptions are lead check's flags.
type checkOptions struct {
	json, strict bool
}

func (a *app) cmdCheck() *cobra.Command {
	var o checkOptions
	cmd := &cobra.Command{
		Use:     "check",
		Short:   "Validate the whole journal",
		GroupID: "journal",
		Long: `Validate every file in the journal and print one line per finding,
path:line: message, so editors can jump to it.

Errors: files that cannot be read (malformed front matter, invalid UTF-8,
binary or oversized files, bad dates), unknown people in "with", unknown
kinds and practices, duplicate ids, conflict markers git left (<<<<<<< or
>>>>>>> at the start of a line, in a git journal). Warnings: people without a known
relation, @mentions and trusts of no one, relative due dates in files,
entries filed under the wrong month, Markdown files where lead does not
look, people who look like the same person, email addresses that are
none or that two people share, and files or directories other users can
read.

Exit status 1 when there are errors (or, with --strict, warnings).`,
		Args: cobra.NoArgs,
		RunE: func(*cobra.Command, []string) error { return a.runCheck(o) },
	}
	cmd.Flags().BoolVar(&o.json, "json", false, "print JSON: path, line, severity, message")
	cmd.Flags().BoolVar(&o.strict, "strict", false, "fail on warnings too")
	return cmd
}

// runCheck prints every finding about the journal, and fails when there
// are errors (or, with strict, warnings).
func (a *app) runCheck(o checkOptions) error {
	j, err := a.open()
	if err != nil {
		return err
	}
	s, err := j.Read(journal.ReadOptions{Entries: journal.Everything})
	if err != nil {
		return err
	}
	findings := append(s.Check(), a.conflictMarkers(j)...)
	slices.SortStableFunc(findings, func(x, y journal.Finding) int {
		return cmp.Or(strings.Compare(x.Path, y.Path), cmp.Compare(x.Line, y.Line))
	})
	if findings == nil {
		findings = []journal.Finding{}
	}
	errors, warnings := 0, 0
	for _, f := range findings {
		if f.Severity == journal.SeverityError {
			errors++
		} else {
			warnings++
		}
	}
	if o.json {
		if err := writeJSON(a.env.Stdout, findings); err != nil {
			return err
		}
	} else {
		for _, f := range findings {
			fmt.Fprintln(a.env.Stdout, f)
		}
	}
	if errors+warnings == 0 {
		a.infof("%s: no problems", j.Root)
		return nil
	}
	a.infof("%d %s, %d %s", errors, journal.Plural(errors, "error", "errors"), warnings, journal.Plural(warnings, "warning", "warnings"))
	if errors > 0 || (o.strict && warnings > 0) {
		return exitError{ExitError}
	}
	return nil
}

// conflictMarkers reports, in a journal git keeps (in a repository of its
// own or inside another), each line where a merge left a conflict marker.
func (a *app) conflictMarkers(j *journal.Journal) []journal.Finding {
	repo := gitrepo.Repo{Dir: j.Root}
	if !repo.InWorkTree() {
		return nil
	}
	markers, err := repo.ConflictMarkers()
	if err != nil {
		a.warnf("could not look for conflict markers: %v", err)
	}
	var out []journal.Finding
	for _, m := range markers {
		out = append(out, journal.Finding{Path: j.Abs(m.Path), Line: m.Line, Severity: journal.SeverityError,
			Message: fmt.Sprintf("conflict marker %q left by a merge: keep the lines you want and delete the marker lines", m.Text)})
	}
	return out
}

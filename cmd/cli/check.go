package cli

import (
	"fmt"

	"github.com/lead-journal/lead/journal"
	"github.com/spf13/cobra"
)

func (a *app) cmdCheck() *cobra.Command {
	var asJSON, strict bool
	cmd := &cobra.Command{
		Use:     "check",
		Short:   "Validate the whole journal",
		GroupID: "journal",
		Long: `Validate every file in the journal and print one line per finding,
path:line: message, so editors can jump to it.

Errors: files that cannot be read (malformed front matter, invalid UTF-8,
binary or oversized files, bad dates), unknown people in "with", unknown
kinds and practices, duplicate ids. Warnings: people without a known
relation, @mentions and trusts of no one, relative due dates in files,
entries filed under the wrong month, Markdown files where lead does not
look, people who look like the same person, and files or directories
other users can read.

Exit status 1 when there are errors (or, with --strict, warnings).`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			j, err := a.open()
			if err != nil {
				return err
			}
			s, err := j.Read(journal.ReadOptions{Entries: journal.Everything})
			if err != nil {
				return err
			}
			findings := s.Check()
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
			if asJSON {
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
			a.infof("%d %s, %d %s", errors, plural(errors, "error", "errors"), warnings, plural(warnings, "warning", "warnings"))
			if errors > 0 || (strict && warnings > 0) {
				return exitError{ExitError}
			}
			return nil
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print JSON: path, line, severity, message")
	cmd.Flags().BoolVar(&strict, "strict", false, "fail on warnings too")
	return cmd
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

package cli

import (
	"context"
	"io"

	"github.com/lead-journal/lead/cmd/cli/lsp"
	"github.com/spf13/cobra"
)

// lspOptions are lead lsp's options: it has none, and serves on the
// app's standard input and output.
type lspOptions struct{}

func (a *app) cmdLSP() *cobra.Command {
	return &cobra.Command{
		Use:     "lsp",
		Short:   "Run a language server for editors",
		GroupID: "journal",
		Long: `Run a Language Server Protocol server on standard input and output, for
any editor with an LSP client (see docs/editors.md).

While an entry or a person file is written it completes person slugs in
"with" and "trusts" and after @, kinds, practices, tags and projects in
use, and due dates after "due:" as the dates they stand for; shows what
"lead check" finds in the file as you type; previews a person, a practice
or a commitment on hover; goes from a slug or @mention to the person's
file and from a person to the entries with them; and offers to tick a
commitment, to write a relative due date as its date, and to add a
person the journal does not know.

The journal is the one the file is in; for files in no journal, --dir,
$LEAD_DIR, the user config or ~/lead as for every command.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error { return a.runLSP(lspOptions{}) },
	}
}

// runLSP serves the Language Server Protocol on the app's standard input
// and output until the client exits or input ends, logging to stderr.
func (a *app) runLSP(lspOptions) error {
	lsp.Serve(context.Background(), stdio{a.env.Stdin, a.env.Stdout}, lsp.Options{
		Now:     a.env.Now,
		Journal: a.defaultJournal,
		Log:     a.env.Stderr,
		Version: version(),
	})
	return nil
}

// defaultJournal is the journal commands would use, or "" when it cannot
// be told.
func (a *app) defaultJournal() string {
	dir, _, err := a.journalDir()
	if err != nil {
		return ""
	}
	return dir
}

// stdio is standard input and output as one stream.
type stdio struct {
	io.Reader
	io.Writer
}

func (stdio) Close() error { return nil }

package cli

import (
	"os"
	"path/filepath"

	"github.com/lead-journal/lead/journal"
	"github.com/spf13/cobra"
)

const refHelp = `REF is an entry id (the file name, with or without .md), a unique prefix
of one, a path to the file, or "last" for the entry logged or edited most
recently. A prefix may also be of the part after the date: "q3" finds
2026-11-20-1430-q3-review. An entry whose file does not read (after a bad
hand edit, say) is found the same way, and its problem is shown on stderr.
Without REF on a terminal, pick one of the newest entries (in fzf when it
is installed).`

// loadEntry loads the journal's headers and resolves REF, taking a
// relative path as relative to the working directory. A file that does
// not read is found too; reading the journal reported its problem.
func (a *app) loadEntry(ref string) (journal.EntryFile, error) {
	s, err := a.loadHeaders()
	if err != nil {
		return journal.EntryFile{}, err
	}
	if _, err := os.Stat(ref); err == nil && ref != "last" {
		if abs, err := filepath.Abs(ref); err == nil {
			ref = abs
		}
	}
	return s.FindEntryFile(ref)
}

// showOptions are lead show's argument and flag.
type showOptions struct {
	ref    string // an entry id, a unique prefix of one, a path, or "last"
	format documentFormat
}

func (a *app) cmdShow() *cobra.Command {
	var o showOptions
	cmd := &cobra.Command{
		Use:               "show REF",
		ValidArgsFunction: a.completeEntries,
		Short:             "Print an entry",
		GroupID:           "daily",
		Long: "Print an entry: on a terminal rendered for reading, piped (or with --format markdown)\n" +
			"its file as it is on disk.\n\n" + refHelp,
		Args: argCount(1, 1),
		RunE: func(_ *cobra.Command, args []string) error {
			o.ref = args[0]
			return a.runShow(o)
		},
	}
	documentFlag(cmd, &o.format)
	return cmd
}

// runShow prints the entry REF names: rendered on a terminal or with
// --format text, otherwise its file as it is on disk.
func (a *app) runShow(o showOptions) error {
	e, err := a.loadEntry(o.ref)
	if err != nil {
		return err
	}
	data, err := journal.ReadFile(a.abs(e.Path))
	if err != nil {
		return err
	}
	if o.format == "text" || o.format == "" && a.env.StdoutTTY {
		return a.printDocument(string(data), o.format)
	}
	_, err = a.env.Stdout.Write(data)
	return err
}

// editOptions are lead edit's argument.
type editOptions struct {
	ref string // an entry id, a unique prefix of one, a path, or "last"
}

func (a *app) cmdEdit() *cobra.Command {
	var o editOptions
	return &cobra.Command{
		Use:               "edit REF",
		ValidArgsFunction: a.completeEntries,
		Short:             "Open an entry in your editor",
		GroupID:           "daily",
		Long: "Open an entry in your editor ($LEAD_EDITOR, the config, $VISUAL, $EDITOR, vi).\n" +
			"When you leave it unreadable, lead says where, and keeps it as you left it.\n\n" + refHelp,
		Args: argCount(1, 1),
		RunE: func(_ *cobra.Command, args []string) error {
			o.ref = args[0]
			return a.runEdit(o)
		},
	}
}

// runEdit opens the entry REF names in the editor; when it is left
// unreadable, it says where and fails, keeping the file as it was left.
func (a *app) runEdit(o editOptions) error {
	e, err := a.loadEntry(o.ref)
	if err != nil {
		return err
	}
	if err := a.edit(a.abs(e.Path)); err != nil {
		return err
	}
	if err := a.journal.Validate(e.Path); err != nil {
		a.warnf("%v", err)
		a.infof("the file is saved as you left it; lead skips it until it is fixed")
		return exitError{ExitError}
	}
	return nil
}

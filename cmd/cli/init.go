package cli

import (
	"github.com/lead-journal/lead/cmd/gitrepo"
	"github.com/lead-journal/lead/journal"
	"github.com/spf13/cobra"
)

// initOptions are lead init's flag and argument.
type initOptions struct {
	dir string // the journal to create; "" for the one lead would use
	git bool
}

func (a *app) cmdInit() *cobra.Command {
	var o initOptions
	cmd := &cobra.Command{
		Use:     "init [DIR]",
		Short:   "Create a journal",
		GroupID: "journal",
		Long: `Create a journal in DIR (default: the journal directory lead would use).
The directories are private (0700). With --git the journal is also a git
repository, with .lead/ (caches and drafts) ignored.`,
		Args: argCount(0, 1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if len(args) == 1 {
				o.dir = args[0]
			}
			return a.runInit(o)
		},
	}
	cmd.Flags().BoolVar(&o.git, "git", false, "make the journal a git repository")
	return cmd
}

// runInit creates the journal, and with git its repository, and says where.
func (a *app) runInit(o initOptions) error {
	if o.dir != "" {
		a.dir = o.dir
	}
	dir, _, err := a.journalDir()
	if err != nil {
		return err
	}
	if _, err := journal.Init(dir); err != nil {
		return err
	}
	if repo := (gitrepo.Repo{Dir: dir}); o.git && !repo.IsRepo() {
		if err := repo.Init(); err != nil {
			return err
		}
	}
	a.infof("journal ready in %s", dir)
	return nil
}

package cli

import (
	"github.com/lead-journal/lead/cmd/gitrepo"
	"github.com/lead-journal/lead/journal"
	"github.com/spf13/cobra"
)

func (a *app) cmdInit() *cobra.Command {
	var git bool
	cmd := &cobra.Command{
		Use:     "init [DIR]",
		Short:   "Create a journal",
		GroupID: "journal",
		Long: `Create a journal in DIR (default: the journal directory lead would use).
The directories are private (0700). With --git the journal is also a git
repository, with .lead/ (caches and drafts) ignored.`,
		Args: cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if len(args) == 1 {
				a.dir = args[0]
			}
			dir, _, err := a.journalDir()
			if err != nil {
				return err
			}
			if _, err := journal.Init(dir); err != nil {
				return err
			}
			if repo := (gitrepo.Repo{Dir: dir}); git && !repo.IsRepo() {
				if err := repo.Init(); err != nil {
					return err
				}
			}
			a.infof("journal ready in %s", dir)
			return nil
		},
	}
	cmd.Flags().BoolVar(&git, "git", false, "make the journal a git repository")
	return cmd
}

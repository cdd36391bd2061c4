// Command gen-docs writes lead's command reference from the cobra tree:
// Markdown into docs/reference and man pages into docs/man. The output is
// deterministic, so a test can tell when it is stale.
//
//	go run ./cmd/gen-docs
package main

import (
	"fmt"
	"os"
	"path/filepath"
	"time"

	"github.com/lead-journal/lead/cmd/cli"
	"github.com/spf13/cobra"
	"github.com/spf13/cobra/doc"
)

//go:generate go run . -root ../..

func main() {
	root := "."
	if len(os.Args) == 3 && os.Args[1] == "-root" {
		root = os.Args[2]
	}
	if err := generate(filepath.Join(root, "docs")); err != nil {
		fmt.Fprintln(os.Stderr, "gen-docs:", err)
		os.Exit(1)
	}
}

// manDate is the date printed in the man pages; fixed so that the output
// does not change from one run to the next.
var manDate = time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC)

// generate replaces docs/reference and docs/man under dir.
func generate(dir string) error {
	cmd := tree()
	reference, man := filepath.Join(dir, "reference"), filepath.Join(dir, "man")
	for _, d := range []string{reference, man} {
		if err := os.RemoveAll(d); err != nil {
			return err
		}
		if err := os.MkdirAll(d, 0o755); err != nil {
			return err
		}
	}
	if err := doc.GenMarkdownTree(cmd, reference); err != nil {
		return err
	}
	header := &doc.GenManHeader{Title: "LEAD", Section: "1", Source: "lead", Manual: "lead manual", Date: &manDate}
	return doc.GenManTree(cmd, header, man)
}

// tree is lead's command tree as documented: no machine-specific defaults.
func tree() *cobra.Command {
	root := cli.NewRoot(cli.System())
	root.DisableAutoGenTag = true
	var walk func(*cobra.Command)
	walk = func(c *cobra.Command) {
		c.DisableAutoGenTag = true
		for _, sub := range c.Commands() {
			walk(sub)
		}
	}
	walk(root)
	return root
}

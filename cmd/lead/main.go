// Command lead is a journal for the working relationships that decide a
// career. See https://github.com/lead-journal/lead.
package main

import (
	"os"

	"github.com/lead-journal/lead/cmd/cli"
)

func main() {
	os.Exit(cli.Run(os.Args[1:], cli.System()))
}

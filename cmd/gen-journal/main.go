// Command gen-journal writes a synthetic journal for benchmarks and
// performance measurements (see docs/performance.md):
//
//	go run ./cmd/gen-journal -entries 100000 -seed 1 /tmp/j100k
package main

import (
	"flag"
	"fmt"
	"os"

	"github.com/lead-journal/lead/journal/synth"
)

func main() {
	var o synth.Options
	flag.IntVar(&o.Entries, "entries", 10000, "how many entries")
	flag.IntVar(&o.People, "people", 60, "how many people")
	flag.IntVar(&o.Years, "years", 10, "how many years the entries span")
	flag.Uint64Var(&o.Seed, "seed", 1, "the random seed; the same seed gives the same journal")
	flag.Parse()
	if flag.NArg() != 1 {
		fmt.Fprintln(os.Stderr, "usage: gen-journal [flags] DIR")
		os.Exit(2)
	}
	if err := synth.Generate(flag.Arg(0), o); err != nil {
		fmt.Fprintln(os.Stderr, "gen-journal:", err)
		os.Exit(1)
	}
}

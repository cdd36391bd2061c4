// Command lead is a journal for the working relationships that decide a
// career. See README.md and docs/.
package main

import (
	"os"
	"runtime"
	"runtime/debug"

	"github.com/lead-journal/lead/cmd/cli"
)

func main() {
	// lead runs briefly and what it reads stays live until it exits:
	// collect garbage only as the heap nears the memory budget
	// (docs/performance.md). The index, read outside the heap, is taken
	// out of this budget when it is read.
	debug.SetGCPercent(-1)
	debug.SetMemoryLimit(150 << 20)
	// Reading a journal, threads often wait in the kernel (on system calls
	// and first touches of memory) while they hold their processor: with
	// one processor per CPU the CPUs stood a quarter idle, and with two a
	// warm read of 100,000 entries takes 7 to 10 % less time
	// (docs/performance.md). A GOMAXPROCS set in the environment is left
	// as it is.
	if os.Getenv("GOMAXPROCS") == "" {
		runtime.GOMAXPROCS(2 * runtime.GOMAXPROCS(0))
	}
	os.Exit(cli.Run(os.Args[1:], cli.System()))
}

package cli

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/lead-journal/lead/journal/synth"
)

// Benchmarks of whole commands over generated journals of 1,000, 10,000
// and 100,000 entries, run in process through the cobra tree. Journals
// are generated once (deterministically, seed 1) under the system's
// temporary directory and reused; a first run builds the index under
// .lead/ and the benchmark measures warm runs, and its -cold twin removes
// the index before each run. docs/performance.md has the figures and the
// whole-process comparison with rg.
//
//	go test ./cmd/cli -run '^$' -bench . -benchtime 5x
//	go test ./cmd/cli -run '^$' -bench 'Commands/10k'

var benchSizes = []struct {
	name    string
	entries int
}{{"1k", 1000}, {"10k", 10000}, {"100k", 100000}}

var (
	benchMu       sync.Mutex
	benchJournals = map[int]string{}
)

// benchJournal returns the directory of a generated journal of n entries.
func benchJournal(b *testing.B, n int) string {
	b.Helper()
	benchMu.Lock()
	defer benchMu.Unlock()
	if dir := benchJournals[n]; dir != "" {
		return dir
	}
	dir := filepath.Join(os.TempDir(), fmt.Sprintf("lead-bench-%d-seed1", n))
	if _, err := os.Stat(filepath.Join(dir, "entries")); err != nil {
		os.RemoveAll(dir)
		if err := synth.Generate(dir, synth.Options{Entries: n, Seed: 1}); err != nil {
			b.Fatal(err)
		}
	}
	benchJournals[n] = dir
	return dir
}

func BenchmarkCommands(b *testing.B) {
	commands := []struct {
		name string
		args []string
	}{
		{"list-with", []string{"list", "--with", "aiko-muller"}},
		{"list-grep", []string{"list", "--grep", "escalation.*second time"}},
		{"todo", []string{"todo", "--mine", "--overdue"}},
		{"prep", []string{"prep", "aiko-muller"}},
		{"people", []string{"people"}},
		{"review", []string{"review"}},
	}
	for _, size := range benchSizes {
		for _, c := range commands {
			b.Run(size.name+"/"+c.name, func(b *testing.B) {
				dir := benchJournal(b, size.entries)
				runInProcess(b, dir, c.args...) // build the index
				b.ResetTimer()
				for i := 0; i < b.N; i++ {
					runInProcess(b, dir, c.args...)
				}
			})
			// The same with no index: every file is read and the index built.
			b.Run(size.name+"/"+c.name+"-cold", func(b *testing.B) {
				dir := benchJournal(b, size.entries)
				for i := 0; i < b.N; i++ {
					b.StopTimer()
					if err := os.RemoveAll(filepath.Join(dir, ".lead", "cache")); err != nil {
						b.Fatal(err)
					}
					b.StartTimer()
					runInProcess(b, dir, c.args...)
				}
			})
		}
		b.Run(size.name+"/log", func(b *testing.B) {
			dir := benchJournal(b, size.entries)
			var written []string
			b.Cleanup(func() {
				for _, p := range written {
					os.Remove(p)
				}
			})
			for i := 0; i < b.N; i++ {
				path := runInProcess(b, dir, "log", "-w", "aiko-muller", "-t", "Benchmark", "-m", "notes", "--todo", "follow up due:fri")
				written = append(written, strings.TrimSpace(path))
			}
		})
	}
}

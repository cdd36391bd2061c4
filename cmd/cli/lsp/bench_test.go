package lsp

import (
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/lead-journal/lead/journal"
	"github.com/lead-journal/lead/journal/synth"
)

// Benchmarks of the answers an editor waits for, over generated journals
// of 10,000 and 100,000 entries (seed 1, under the system's temporary
// directory, shared with cmd/cli's benchmarks), each answer a whole
// request and response through the protocol. docs/performance.md has the
// figures.
//
//	go test ./cmd/cli/lsp -run '^$' -bench . -benchtime 200x
func BenchmarkAnswers(b *testing.B) {
	for _, size := range []struct {
		name    string
		entries int
	}{{"10k", 10000}, {"100k", 100000}} {
		dir := filepath.Join(os.TempDir(), fmt.Sprintf("lead-bench-%d-seed1", size.entries))
		if _, err := os.Stat(filepath.Join(dir, "entries")); err != nil {
			os.RemoveAll(dir)
			if err := synth.Generate(dir, synth.Options{Entries: size.entries, Seed: 1}); err != nil {
				b.Fatal(err)
			}
		}
		start := time.Now()
		c := connect(b, dir, time.Hour)
		rel := "entries/2026/11/2026-11-22-1600-bench.md"
		text := "---\ndate: 2026-11-22T16:00:00Z\nkind: 1on1\nwith: [aiko-muller]\ntags: []\npractices: [previewed]\n---\n" +
			"## Commitments\n- [ ] @aiko-muller sends the plan due:\n"
		c.open(rel, text)
		b.Logf("%s: first diagnostics after %v (the journal read into memory)", size.name, time.Since(start))
		for _, q := range []struct {
			name, after string
			line        int
			hover       bool
		}{
			{"complete-with", "[", 3, false},
			{"complete-tags", "[", 4, false},
			{"complete-due", "due:", 8, false},
			{"hover-person", "aiko", 3, true},
			{"hover-practice", "prev", 5, true},
			{"hover-commitment", "sends", 8, true},
		} {
			b.Run(size.name+"/"+q.name, func(b *testing.B) {
				for b.Loop() {
					if q.hover {
						if c.hover(rel, text, q.line, q.after) == "" {
							b.Fatal("no hover")
						}
					} else if len(c.complete(rel, text, q.line, q.after)) == 0 {
						b.Fatal("no completion")
					}
				}
			})
		}
		// A read of the journal again, as after a file changed on disk:
		// the index spares the files that did not.
		b.Run(size.name+"/reread", func(b *testing.B) {
			j, _, err := journal.Open(dir)
			if err != nil {
				b.Fatal(err)
			}
			done := make(chan struct{})
			var reads sync.WaitGroup
			w := newWorkspace(j, &reads, func(*workspace) { done <- struct{}{} })
			<-done
			for b.Loop() {
				w.refresh()
				<-done
			}
		})
	}
}

//go:build unix

package journal

import (
	"path/filepath"
	"strings"
	"testing"
	"time"

	"golang.org/x/sys/unix"
)

// A named pipe called like an entry is reported, not waited on: opening
// one for reading would wait for a writer forever.
func TestNamedPipeIsReportedNotWaitedOn(t *testing.T) {
	j := testJournal(t)
	writeFile(t, j, "entries/2026/11/2026-11-20-1000-kept.md", "---\ndate: 2026-11-20T10:00:00Z\n---\n")
	if err := unix.Mkfifo(filepath.Join(j.Root, "entries/2026/11/2026-11-20-1100-pipe.md"), 0o600); err != nil {
		t.Fatal(err)
	}
	done := make(chan *Snapshot)
	go func() { done <- read(j, Everything) }()
	select {
	case s := <-done:
		if len(s.Entries) != 1 || len(s.Problems) != 1 ||
			!strings.HasSuffix(s.Problems[0].Path, "pipe.md") || s.Problems[0].Msg != "not a regular file" {
			t.Errorf("entries %d, problems %v", len(s.Entries), s.Problems)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("reading the journal waited on the pipe")
	}
}

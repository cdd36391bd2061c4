//go:build unix

package calendar

import (
	"context"
	"strings"
	"syscall"
	"testing"
	"time"
)

// A named pipe is refused before it is opened, so that nothing waits for
// a writer.
func TestReadNamedPipe(t *testing.T) {
	dir := t.TempDir()
	fifo := dir + "/pipe.ics"
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Skip(err)
	}
	done := make(chan error, 1)
	go func() { _, _, err := (Source{Location: fifo}).Read(context.Background(), time.Now()); done <- err }()
	select {
	case err := <-done:
		if err == nil || !strings.Contains(err.Error(), "not a regular file") {
			t.Errorf("a named pipe: %v", err)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("reading a named pipe hangs")
	}
}

package store

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"sync"
	"testing"
)

// A file is read whole wherever the reading goroutine's stack grows or
// is shrunk by the collector: the memory the kernel writes into must not
// be left behind when the stack moves during a call.
func TestReadingSurvivesAMovingStack(t *testing.T) {
	path := filepath.Join(t.TempDir(), "entry.md")
	text := "---\ndate: 2026-11-20T10:00:00Z\n---\n"
	if err := os.WriteFile(path, []byte(text), 0o600); err != nil {
		t.Fatal(err)
	}
	var read func(depth int) error
	read = func(depth int) error {
		if depth > 0 {
			var frame [64]byte // so that the stack grows at each depth in turn
			return read(depth - 1 + int(frame[depth%64]))
		}
		data, key, err := ReadFileKey(path)
		if err == nil && (string(data) != text || key.Size != int64(len(text))) {
			err = fmt.Errorf("read %q, size %d", data, key.Size)
		}
		return err
	}
	stop := make(chan struct{})
	collected := make(chan struct{})
	go func() { // collections shrink stacks
		defer close(collected)
		for {
			select {
			case <-stop:
				return
			default:
				runtime.GC()
			}
		}
	}()
	defer func() { close(stop); <-collected }()
	var wg sync.WaitGroup
	errs := make(chan error, 4)
	for range 4 {
		wg.Go(func() {
			for i := range 3000 {
				if err := read(i % 200); err != nil {
					errs <- fmt.Errorf("at depth %d: %v", i%200, err)
					return
				}
			}
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
}

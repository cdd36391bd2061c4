package main

import (
	"os"
	"path/filepath"
	"testing"
)

// TestDocsAreCurrent fails when docs/reference or docs/man differ from
// what the command tree generates: run `go generate ./cmd/gen-docs`.
func TestDocsAreCurrent(t *testing.T) {
	fresh := t.TempDir()
	if err := generate(fresh); err != nil {
		t.Fatal(err)
	}
	for _, sub := range []string{"reference", "man"} {
		want := readDir(t, filepath.Join(fresh, sub))
		got := readDir(t, filepath.Join("..", "..", "docs", sub))
		for name, text := range want {
			if got[name] != text {
				t.Errorf("docs/%s/%s is stale: run go generate ./cmd/gen-docs", sub, name)
			}
		}
		for name := range got {
			if _, ok := want[name]; !ok {
				t.Errorf("docs/%s/%s documents no command: run go generate ./cmd/gen-docs", sub, name)
			}
		}
	}
	// Generating twice gives the same bytes.
	again := t.TempDir()
	if err := generate(again); err != nil {
		t.Fatal(err)
	}
	a, b := readDir(t, filepath.Join(fresh, "man")), readDir(t, filepath.Join(again, "man"))
	for name := range a {
		if a[name] != b[name] {
			t.Errorf("%s differs between two runs", name)
		}
	}
}

func readDir(t *testing.T, dir string) map[string]string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]string{}
	for _, e := range entries {
		data, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		out[e.Name()] = string(data)
	}
	return out
}

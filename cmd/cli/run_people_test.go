package cli

import (
	"os"
	"path/filepath"
	"testing"
	"time"
)

// TestRunInit: lead init's run function creates the journal it is given
// and says where on the error stream, printing nothing on stdout.
func TestRunInit(t *testing.T) {
	a, stdout, stderr := testApp(t, time.Date(2026, 11, 22, 16, 0, 0, 0, time.UTC), nil)
	dir := filepath.Join(t.TempDir(), "new")
	if err := a.runInit(initOptions{dir: dir}); err != nil {
		t.Fatal(err)
	}
	if fi, err := os.Stat(dir); err != nil || !fi.IsDir() {
		t.Fatalf("no journal in %s: %v", dir, err)
	}
	if want := "lead: journal ready in " + dir + "\n"; stderr.String() != want {
		t.Errorf("stderr %q, want %q", stderr, want)
	}
	if stdout.Len() > 0 {
		t.Errorf("stdout: %s", stdout)
	}
}

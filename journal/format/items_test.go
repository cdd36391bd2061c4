package format

import (
	"crypto/sha1"
	"encoding/hex"
	"fmt"
	"strconv"
	"strings"
	"testing"
)

// TestItemIDsCountRepeats: the nth item with the same text in a file
// has the SHA-1 of path, text and n as its id, before and after the
// count of items grows past what is counted by scanning.
func TestItemIDsCountRepeats(t *testing.T) {
	var text strings.Builder
	for i := range 40 {
		fmt.Fprintf(&text, "- [ ] same\n- [ ] other %d\n", i%3)
	}
	b := parseBody("entries/x.md", text.String(), 1, "Next time")
	counts := map[string]int{}
	for _, it := range b.items {
		key := "entries/x.md\n" + it.Text
		if n := counts[it.Text]; n > 0 {
			key += "\n" + strconv.Itoa(n)
		}
		counts[it.Text]++
		sum := sha1.Sum([]byte(key))
		if want := hex.EncodeToString(sum[:8]); it.ID != want {
			t.Fatalf("line %d %q: id %s, want %s", it.Line, it.Text, it.ID, want)
		}
	}
	if len(b.items) != 80 {
		t.Fatalf("%d items", len(b.items))
	}
}

func TestItemTask(t *testing.T) {
	for _, c := range []struct{ text, owner, want string }{
		{"Send the revised deck due:2026-11-25", "", "Send the revised deck"},
		{"@dana-smith intro to the SVP's chief of staff", "dana-smith", "intro to the SVP's chief of staff"},
		{"@me send it due:2026-11-25 before lunch", "", "send it before lunch"},
		{"ask about overdue:things", "", "ask about overdue:things"},
	} {
		if got := (Item{Text: c.text, Owner: c.owner}).Task(); got != c.want {
			t.Errorf("%q: %q, want %q", c.text, got, c.want)
		}
	}
}

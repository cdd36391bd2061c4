package cli

import (
	"strings"
	"testing"
)

// TestWrap: text is broken at spaces to the width, a word wider than a
// line where it reaches the end of one (by cells, wide characters as two),
// and an address is never broken: it stands whole on a line of its own.
func TestWrap(t *testing.T) {
	for _, c := range []struct{ text, want string }{
		{"one two three four", "- one two\n  three\n  four\n"},
		{"話し合った内容を全部", "- 話し合\n  った内\n  容を全\n  部\n"},
		{"see https://example.com/a/long/path now", "- see\n  https://example.com/a/long/path\n  now\n"},
	} {
		if got := wrap("- ", "  ", c.text, 9); got != c.want {
			t.Errorf("wrap(%q) =\n%s want\n%s", c.text, got, c.want)
		}
	}
}

// TestFrontMatterWraps: a front matter value wraps under itself, and under
// a short indent when its key is too long to hang under, the key never
// repeated.
func TestFrontMatterWraps(t *testing.T) {
	a := &app{env: &Env{StdoutTTY: true, LookupEnv: func(string) (string, bool) { return "", false }}, colorMode: colorNever}
	got := a.renderMarkdown("---\ntitle: one two three four five\na-rather-long-front-matter-key: one two three four\n---\n", 24)
	want := "title: one two three\n       four five\na-rather-long-front-matter-key: one\n  two three four\n"
	if !strings.HasPrefix(got, want) {
		t.Errorf("rendered:\n%s\nwant it to begin:\n%s", got, want)
	}
}

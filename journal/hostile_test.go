package journal

import (
	"strings"
	"testing"

	"github.com/lead-journal/lead/journal/format"
)

// hostileFiles are files a journal may meet that were made to hurt a
// parser. Each must be reported (or read) without blowing up.
func hostileFiles() map[string]string {
	var bomb strings.Builder
	bomb.WriteString("---\ndate: 2026-11-20\na: &a [x, x, x, x, x, x, x, x, x]\n")
	prev := "a"
	for _, name := range []string{"b", "c", "d", "e", "f", "g", "h", "i"} {
		bomb.WriteString(name + ": &" + name + " [" + strings.TrimSuffix(strings.Repeat("*"+prev+", ", 9), ", ") + "]\n")
		prev = name
	}
	bomb.WriteString("with: *i\n---\n")
	return map[string]string{
		"alias-bomb.md":  bomb.String(),
		"alias-meta.md":  strings.Replace(bomb.String(), "with: *i\n", "", 1),
		"huge-front.md":  "---\ntitle: " + strings.Repeat("x", 3<<20) + "\n---\n",
		"binary.md":      "---\x00\x01\x02" + strings.Repeat("\xff", 1000),
		"ten-mb.md":      "---\ndate: 2026-11-20\n---\n" + strings.Repeat("words ", 10<<20/6),
		"deep-flow.md":   "---\ndate: 2026-11-20\nx: " + strings.Repeat("[", 100000) + strings.Repeat("]", 100000) + "\n---\n",
		"deep-block.md":  "---\ndate: 2026-11-20\n" + deepBlock(500) + "---\n",
		"deep-limit.md":  "---\ndate: 2026-11-20\n" + deepBlock(format.MaxDepth-1) + "---\n",
		"deep-past.md":   "---\ndate: 2026-11-20\nx: " + strings.Repeat("[", format.MaxDepth) + strings.Repeat("]", format.MaxDepth) + "\n---\n",
		"deep-alias.md":  "---\ndate: 2026-11-20\na: &a " + strings.Repeat("[", 20) + strings.Repeat("]", 20) + "\nb: " + strings.Repeat("[", 20) + "*a" + strings.Repeat("]", 20) + "\n---\n",
		"long-line.md":   "---\ndate: 2026-11-20\n---\n- [ ] " + strings.Repeat("a", 1<<20) + "\n",
		"many-items.md":  "---\ndate: 2026-11-20\n---\n" + strings.Repeat("- [ ] item due:2026-11-21\n", 100000),
		"unclosed.md":    "---\ndate: 2026-11-20\n" + strings.Repeat("k: v\n", 100000),
		"only-dashes.md": "---\n---\n---\n",
	}
}

func deepBlock(depth int) string {
	var b strings.Builder
	for i := 0; i < depth; i++ {
		b.WriteString(strings.Repeat(" ", i) + "k:\n")
	}
	return b.String()
}

func TestHostileFilesAreReportedOrRead(t *testing.T) {
	j := testJournal(t)
	for name, text := range hostileFiles() {
		writeFile(t, j, "entries/"+name, text)
	}
	s := read(j, Everything)
	problems, lines := map[string]string{}, map[string]int{}
	for _, p := range s.Problems {
		problems[p.Path[strings.LastIndex(p.Path, "/")+1:]] = p.Msg
		lines[p.Path[strings.LastIndex(p.Path, "/")+1:]] = p.Line
	}
	read := map[string]*Entry{}
	for _, e := range s.Entries {
		read[e.ID+".md"] = e
	}
	for _, name := range []string{"alias-bomb.md", "huge-front.md", "binary.md", "ten-mb.md", "deep-flow.md", "deep-block.md", "deep-past.md", "deep-alias.md", "unclosed.md", "only-dashes.md"} {
		if problems[name] == "" {
			t.Errorf("%s was not reported", name)
		}
	}
	for _, name := range []string{"alias-meta.md", "deep-limit.md", "long-line.md", "many-items.md"} {
		if read[name] == nil {
			t.Errorf("%s was not read: %s", name, problems[name])
		}
	}
	// yaml.v3 refuses to expand an alias bomb when the whole front matter
	// is decoded (for --json): the keys before it survive.
	if m := read["alias-meta.md"].Meta(); m["date"] == nil || m["i"] != nil {
		t.Errorf("alias-meta decoded to %d keys", len(m))
	}
	if n := len(read["many-items.md"].Items); n != 100000 {
		t.Errorf("many-items: %d items", n)
	}
	for name, line := range map[string]int{"deep-block.md": 3 + format.MaxDepth, "deep-past.md": 3, "deep-alias.md": 3} {
		if want := "front matter nests deeper than the 32 levels lead reads"; problems[name] != want || lines[name] != line {
			t.Errorf("%s: line %d: %q, want line %d: %q", name, lines[name], problems[name], line, want)
		}
	}
	t.Logf("problems: %v", problems)
}

// BenchmarkHostileFile measures reading each hostile file; the figures
// are in docs/reliability.md.
func BenchmarkHostileFile(b *testing.B) {
	for name, text := range hostileFiles() {
		data := []byte(text)
		b.Run(name, func(b *testing.B) {
			b.ReportAllocs()
			for i := 0; i < b.N; i++ {
				if e, err := format.ParseEntry("entries/"+name, name, data, DefaultConfig().Clock()); err == nil {
					e.Meta()
				}
			}
		})
	}
}

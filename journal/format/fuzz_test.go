package format

import (
	"bytes"
	"regexp"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/adrg/frontmatter"
	"github.com/lead-journal/lead/journal/when"
)

// Fuzz tests: run each with go test -fuzz=FuzzName ./journal; the runs
// and what they found are in docs/reliability.md. Seeds are in
// testdata/fuzz and below.

func FuzzParseEntry(f *testing.F) {
	for _, seed := range []string{
		"---\ndate: 2026-11-22T14:30:00-05:00\nkind: 1on1\nwith: [dana]\n---\n## Notes\n- [ ] @dana do it due:2026-11-25\n",
		"\xEF\xBB\xBF---\r\ndate: 2026-11-22\r\nwith: a, b\r\n---\r\nbody\r\n",
		"---\n---\n", "---\na: &a [*a]\n---\n", "---\nwith: {x: 1}\n---\n", "no front matter",
	} {
		f.Add([]byte(seed))
	}
	clock := when.Clock{}
	f.Fuzz(func(t *testing.T, data []byte) {
		e, err := ParseEntry("entries/x.md", "x.md", data, clock)
		if err != nil {
			if p, ok := err.(*Problem); !ok || p.Path != "x.md" {
				t.Fatalf("error is not a problem naming the file: %#v", err)
			}
			return
		}
		lines := bytes.Count(data, []byte("\n")) + 1
		for _, it := range e.Items {
			if it.Line < 1 || it.Line > lines {
				t.Fatalf("item %q at line %d of %d", it.Text, it.Line, lines)
			}
			if len(it.ID) != 16 {
				t.Fatalf("item id %q", it.ID)
			}
		}
		if d, err := ParseDocument("x.md", data); err != nil || !bytes.HasSuffix(data, d.Body) {
			t.Fatalf("body is not the end of the file, byte for byte: %v", err)
		}
		again, err := ParseEntry("entries/x.md", "x.md", data, clock)
		if err != nil || !again.Date.Equal(e.Date) || len(again.Items) != len(e.Items) {
			t.Fatalf("parsing twice differs: %v", err)
		}
		e.Meta() // must not panic
	})
}

// The rules TaskItem, DueValues and mention read by hand, as regular
// expressions.
var (
	taskLine  = regexp.MustCompile(`^(\s*[-*+] \[)([ xX])(\] ?)([^\r\n]*)`)
	dueToken  = regexp.MustCompile(`(?:^|\s)due:(\S+)`)
	mentionAt = regexp.MustCompile(`^@([\p{L}\p{N}][\p{L}\p{N}._-]*)`)
)

// FuzzTaskItem holds TaskItem, DueValues and mention to the regular
// expressions they stand for.
func FuzzTaskItem(f *testing.F) {
	for _, seed := range []string{
		"- [ ] mine due:2026-11-25", " \t* [x]  @dana theirs\r", "+ [X]", "- [ ]text", "-  [ ] no", "- [y] no",
		"\v- [ ] not white space to \\s", "@dana-k. rest", "@-x", "@é2_x.y-", "@\xff", "@Ⅻ", "due:a due: due:b xdue:c due:due:d\tdue:é", "- [ ] a\rb\nc",
	} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, line string) {
		box, start, end, ok := TaskItem(line)
		m := taskLine.FindStringSubmatchIndex(line)
		if ok != (m != nil) || ok && (box != m[4] || start != m[8] || end != m[9]) {
			t.Fatalf("TaskItem(%q) = %d %d %d %v; the expression: %v", line, box, start, end, ok, m)
		}
		var got, want []string
		for start, end := range DueValues(line) {
			got = append(got, line[start:end])
		}
		for _, m := range dueToken.FindAllStringSubmatch(line, -1) {
			want = append(want, m[1])
		}
		if strings.Join(got, "\x00") != strings.Join(want, "\x00") || len(got) != len(want) {
			t.Fatalf("DueValues(%q) = %q; the expression: %q", line, got, want)
		}
		name, ok := Mention(line)
		if m := mentionAt.FindStringSubmatch(line); ok != (m != nil) || ok && name != m[1] {
			t.Fatalf("Mention(%q) = %q %v; the expression: %q", line, name, ok, m)
		}
	})
}

func FuzzItems(f *testing.F) {
	for _, seed := range []string{
		"- [ ] mine due:2026-11-25\n- [x] @dana theirs\n## Next time\n* [ ] agenda\n",
		"```\n- [ ] not an item\n```\n  + [X] nested @me\n", "- [ ]", "- [ ] @\n- [ ] due:\n",
	} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, text string) {
		b := parseBody("entries/x.md", text, 1, "Next time")
		lines := strings.Split(text, "\n")
		seen := map[string]bool{}
		for _, it := range b.items {
			if seen[it.ID] {
				t.Fatalf("two items share id %s", it.ID)
			}
			seen[it.ID] = true
			line := strings.TrimSuffix(lines[it.Line-1], "\r")
			if !taskLine.MatchString(line) || !strings.Contains(line, it.Text) {
				t.Fatalf("item %q does not come from line %d %q", it.Text, it.Line, line)
			}
			if it.Owner != "" && !strings.HasPrefix(strings.ToLower(it.Text), "@"+it.Owner) {
				t.Fatalf("owner %q not at the start of %q", it.Owner, it.Text)
			}
		}
	})
}

func FuzzDates(f *testing.F) {
	for _, seed := range []string{"2026-11-22", "2026-11-22 14:30", "2026-11-22T14:30:00+01:00", "yesterday 16:30", "fri", "-2h", "14:30", "3w", "2026-W47"} {
		f.Add(seed)
	}
	now := time.Date(2026, 11, 22, 16, 0, 0, 0, time.UTC)
	f.Fuzz(func(t *testing.T, s string) {
		if t1, err := when.Moment(s, now, when.Clock{Hour: 9}); err == nil {
			if again, err := when.Moment(s, now, when.Clock{Hour: 9}); err != nil || !again.Equal(t1) {
				t.Fatalf("Moment(%q) is not stable", s)
			}
		}
		if d, err := when.Due(s, now); err == nil && (d.Hour() != 0 || d.Minute() != 0) {
			t.Fatalf("Due(%q) = %v is not a day", s, d)
		}
		since, err1 := when.Since(s, now)
		until, err2 := when.Until(s, now)
		if err1 == nil && err2 == nil && !until.After(since) && !strings.HasPrefix(strings.TrimSpace(s), "-") {
			t.Fatalf("--since %q is %v but --until %q is %v", s, since, s, until)
		}
		when.ISOWeek(s, time.UTC)
	})
}

// FuzzFastFrontMatter: whatever the fast reader accepts, it reads exactly
// as yaml.v3 does.
func FuzzFastFrontMatter(f *testing.F) {
	for _, seed := range []string{
		"date: 2026-11-22T14:30:00-05:00\nkind: 1on1\ntitle: 'Q3: review'\nwith: [dana-smith, lee-wong]\ntags:\n  - a\n  - b\n",
		"title: \"plain\"\nempty:\nnull: ~\ncomment: value # note\nlist: []\n",
		"a: b: c\n", "a: [x, 'y z', -1]\n", "- a\n", "a: 'it''s'\n", "a: -2h\n", "k: [a:b]\n",
		"with: [\"dana-smith\", \"lee wong\"]\ntags: [\"x,y\", \"z\"]\n", "k: [\"a\"b, \"\\\"\"]\n",
	} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, text string) {
		if !utf8.ValidString(text) {
			return // ParseDocument rejects it before any decoding
		}
		fast, ok := decodeFast(text, 2)
		if !ok {
			return
		}
		d := &Document{path: "x.md", front: text, metaLine: 2}
		node, err := d.Node()
		if err != nil {
			t.Fatalf("fast reader accepted what yaml.v3 rejects (%v):\n%s", err, text)
		}
		slow := fieldsOf(node, 2)
		if len(fast) != len(slow) {
			t.Fatalf("%d fields fast, %d by yaml.v3:\n%s", len(fast), len(slow), text)
		}
		for i := range fast {
			a, b := fast[i], slow[i]
			if a.Key != b.Key || a.Line != b.Line || a.Kind != b.Kind || a.Value != b.Value || strings.Join(a.List, "\x00") != strings.Join(b.List, "\x00") {
				t.Fatalf("fast %+v, yaml.v3 %+v, from:\n%s", a, b, text)
			}
		}
	})
}

// FuzzSplitFrontMatter: lead's in-memory split finds the same front
// matter and body as adrg/frontmatter.
func FuzzSplitFrontMatter(f *testing.F) {
	for _, seed := range []string{"---\na: 1\n---\nbody\n", "\n\n---\r\na: 1\r\n---\r\n", "---\n---", " --- \nx\n  ---  \nrest", "text\n---\n---\n", "---\nunclosed\n"} {
		f.Add(seed)
	}
	format := frontmatter.NewFormat("---", "---", func(data []byte, v any) error {
		*v.(*string) = string(data)
		return nil
	})
	f.Fuzz(func(t *testing.T, text string) {
		front, body, ok := splitFrontMatter([]byte(text))
		var want string
		rest, err := frontmatter.MustParse(strings.NewReader(text), &want, format)
		if ok != (err == nil) {
			t.Fatalf("split ok %v, adrg/frontmatter error %v, for %q", ok, err, text)
		}
		if ok && (string(front) != want || string(body) != string(rest)) {
			t.Fatalf("split %q | %q, adrg/frontmatter %q | %q", front, body, want, rest)
		}
	})
}

// FuzzBulletSection holds bulletSection to the lower-casing it stands for.
func FuzzBulletSection(f *testing.F) {
	for _, seed := range []string{"Notes", "WINS", "feedback", "Feedbac\u212a", "Wİns", "Notes ", "Win", "ſ"} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, name string) {
		want := strings.ToLower(name)
		if want != "notes" && want != "wins" && want != "feedback" {
			want = ""
		}
		if got := bulletSection(name); got != want {
			t.Errorf("bulletSection(%q) = %q, want %q", name, got, want)
		}
	})
}

// FuzzShorten holds the summary's cut, which takes bytes for characters
// while they are ASCII, to a cut after n-1 characters counted one by one.
func FuzzShorten(f *testing.F) {
	for _, seed := range []string{strings.Repeat("a", 130), strings.Repeat("é", 130), strings.Repeat("a", 118) + "ééé",
		strings.Repeat("a", 119) + "é" + strings.Repeat("b", 10), "short", strings.Repeat("\xff", 125), strings.Repeat("日", 50)} {
		f.Add(seed, maxSummary)
	}
	f.Fuzz(func(t *testing.T, s string, n int) {
		if n < 1 || n > 200 {
			return
		}
		want := s
		if len(s) > n {
			count := 0
			for i := range s {
				if count == n-1 {
					want = s[:i] + "…"
					break
				}
				count++
			}
		}
		if got := shorten(s, n); got != want {
			t.Fatalf("shorten(%q, %d) = %q, want %q", s, n, got, want)
		}
	})
}

// FuzzParseDay holds the reader of due days to time.ParseInLocation.
func FuzzParseDay(f *testing.F) {
	for _, seed := range []string{"2026-11-25", "2024-02-29", "2023-02-29", "1900-02-29", "2000-02-29", "2026-13-01",
		"2026-00-10", "2026-04-31", "2026-04-30", "0000-01-01", "2026-1-05", "2026-11-5x", "+026-11-25", "2026/11/25", ""} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, s string) {
		want, err := time.ParseInLocation("2006-01-02", s, time.Local)
		got, ok := parseDay(s)
		if ok != (err == nil) || ok && !got.Equal(want) || ok && got.Location() != want.Location() {
			t.Fatalf("parseDay(%q) = %v, %v; time.ParseInLocation: %v, %v", s, got, ok, want, err)
		}
	})
}

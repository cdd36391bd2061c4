package format

import (
	"fmt"
	"testing"
)

// TestFrontMatterFields: each key of the front matter as lead reads it,
// with its file line, the kind of its value (a scalar YAML resolves, quoted
// or block text, a list of scalars, anything else as YAML text) and its
// value, in the forms lead writes and people type.
func TestFrontMatterFields(t *testing.T) {
	for _, c := range []struct{ front, want string }{
		{"date: 2026-11-22T14:30:00-05:00\nkind: 1on1\n", `date@2 s "2026-11-22T14:30:00-05:00" | kind@3 s "1on1"`},
		{"title: 'Q3: review'\nsub: \"it's\"\nesc: \"a\\tb\"\nplain: it''s\n", `title@2 t "Q3: review" | sub@3 t "it's" | esc@4 t "a\tb" | plain@5 s "it''s"`},
		{"with: [dana-smith, 'lee wong', \"x,y\"]\nempty: []\n", `with@2 l ["dana-smith" "lee wong" "x,y"] | empty@3 l []`},
		{"tags:\n  - a\n\n  # a comment\n  - b\nnext: 1\n", `tags@2 l ["a" "b"] | next@7 s "1"`},
		{"none:\ntilde: ~\nnull: null\n", `none@2 n | tilde@3 n | null@4 n`},
		{"comment: value # note\nhash: a#b\n", `comment@2 s "value" | hash@3 s "a#b"`},
		{"due: -2h\nyes: true\nnum: 0x1F\n", `due@2 s "-2h" | yes@3 s "true" | num@4 s "0x1F"`},
		{"block: |\n  two\n  lines\n", `block@2 t "two\nlines\n"`},
		{"map: {a: 1}\nnested: [[a]]\n", `map@2 o "a: 1\n" | nested@3 o "- - a\n"`},
		{"a: &x [p, q]\nb: *x\n", `a@2 l ["p" "q"] | b@3 l ["p" "q"]`},
		{"crlf: [a, b]\r\ntitle: x\r\n", `crlf@2 l ["a" "b"] | title@3 s "x"`},
		{"# only a comment\n\n", ``},
		{"#\r0", `problem at 2: front matter must be a map of keys to values`}, // a lone CR ends a line
		{"\u2000", `problem at 2: front matter must be a map of keys to values`},
	} {
		got := ""
		d, err := ParseDocument("x.md", []byte("---\n"+c.front+"\n---\nbody\n"))
		if p, ok := err.(*Problem); ok {
			got = fmt.Sprintf("problem at %d: %s", p.Line, p.Msg)
		} else if err != nil {
			t.Fatal(err)
		} else {
			for i, f := range d.Fields {
				if i > 0 {
					got += " | "
				}
				got += fmt.Sprintf("%s@%d %c", f.Key, f.Line, f.Kind)
				switch f.Kind {
				case valueList:
					got += fmt.Sprintf(" %q", f.List)
				case valueNull:
				default:
					got += fmt.Sprintf(" %q", f.Value)
				}
			}
		}
		if got != c.want {
			t.Errorf("%q:\n got %s\nwant %s", c.front, got, c.want)
		}
	}
}

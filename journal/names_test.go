package journal

import (
	"strings"
	"testing"
)

func TestEditDistance(t *testing.T) {
	for _, c := range []struct {
		a, b string
		want int
	}{{"smith", "smith", 0}, {"smith", "smyth", 1}, {"smiht", "smith", 1}, {"dana-smithe", "dana-smith", 1}, {"", "abc", 3}, {"kitten", "sitting", 3}, {"ca", "abc", 3}} {
		if got := editDistance(c.a, c.b); got != c.want {
			t.Errorf("editDistance(%q, %q) = %d, want %d", c.a, c.b, got, c.want)
		}
	}
}

func TestClosePeople(t *testing.T) {
	s := &Snapshot{}
	for _, name := range []string{"Ash Patel", "Priya Patel", "Dana Smith", "Sam Rivera"} {
		s.People = append(s.People, &Person{Slug: Slugify(name), Name: name})
	}
	for query, want := range map[string]string{
		"Patel": "ash-patel priya-patel", "Smith": "dana-smith", "D. Smith": "dana-smith", "dsmith": "dana-smith",
		"DS": "dana-smith", "Dana Smithe": "dana-smith", "Smyth": "dana-smith", "Maria Garcia": "", "Sam": "sam-rivera", "Lee": "",
	} {
		var got []string
		for _, p := range s.ClosePeople(query) {
			got = append(got, p.Slug)
		}
		if strings.Join(got, " ") != want {
			t.Errorf("ClosePeople(%q) = %v, want %q", query, got, want)
		}
	}
}

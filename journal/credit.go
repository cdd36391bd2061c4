package journal

import (
	"regexp"
	"slices"
	"strings"
)

// Attribution: whom a win credits and whom feedback came from. Review,
// prep, person and brag all ask here, so that a win or a piece of
// feedback means the same everywhere. docs/format.md states the rules.

// CreditKey marks, in a win's text, the people it credits explicitly:
// "credit:sam-rivera" (repeatable, or comma-separated). lead log --credit
// writes it.
const CreditKey = "credit:"

// audience are the phrases after which the people a win names are those
// it was shown to, not those it credits.
var audience = regexp.MustCompile(`(?i)\b(shared (it |this |them |that )?with|told|showed|shown to|in front of|presented (it |this )?to|demoed (it |this )?to|sent (it |this )?to|announced (it |this )?to|cc'?d)\b`)

// audienceEnd ends an audience phrase's reach: the end of a clause, or a
// "that" that starts what was said ("told Dana that Sam fixed it").
var audienceEnd = regexp.MustCompile(`[.;!?]|\bthat\b`)

// credited returns the people a win credits. Explicit credit: tokens
// decide alone. Otherwise it is everyone the text names (see mentions),
// except people named only as its audience ("shared it with Dana",
// "in front of Dana"); an @mention always credits.
func (s *Snapshot) credited(text string) []string {
	if explicit := s.explicitCredit(text); len(explicit) > 0 {
		return explicit
	}
	var shownTo [][2]int
	for _, m := range audience.FindAllStringIndex(text, -1) {
		end := len(text)
		if e := audienceEnd.FindStringIndex(text[m[1]:]); e != nil {
			end = m[1] + e[0]
		}
		shownTo = append(shownTo, [2]int{m[1], end})
	}
	var out []string
	for _, m := range s.mentions(text) {
		inAudience := slices.ContainsFunc(shownTo, func(r [2]int) bool { return m.at >= r[0] && m.at < r[1] })
		if (m.explicit || !inAudience) && !slices.Contains(out, m.slug) {
			out = append(out, m.slug)
		}
	}
	return out
}

// explicitCredit reads the credit: tokens of a win.
func (s *Snapshot) explicitCredit(text string) []string {
	var out []string
	for _, word := range strings.Fields(text) {
		value, ok := strings.CutPrefix(strings.ToLower(word), CreditKey)
		if !ok {
			continue
		}
		for _, name := range strings.Split(strings.TrimRight(value, ".;)"), ",") {
			if p, err := s.FindPerson(name); err == nil && !slices.Contains(out, p.Slug) {
				out = append(out, p.Slug)
			}
		}
	}
	return out
}

// WithoutCredit is a win's text without its credit: tokens, for a page
// that names whom it credits beside it.
func WithoutCredit(text string) string {
	if !strings.Contains(strings.ToLower(text), CreditKey) {
		return text
	}
	words := strings.Fields(text)
	kept := words[:0]
	for _, w := range words {
		if !strings.HasPrefix(strings.ToLower(w), CreditKey) {
			kept = append(kept, w)
		}
	}
	return strings.Join(kept, " ")
}

// feedbackFrom returns whom feedback in entry e came from, or "". Written
// "Name: text", the name is looked for among the entry's own people first,
// then among everyone. Without a name, it is the entry's one person, or
// the one person of the entry the text names.
func (s *Snapshot) feedbackFrom(text string, e *Entry) string {
	if who, _, ok := feedbackPrefix(text); ok {
		if slug := s.amongPeople(who, e.With); slug != "" {
			return slug
		}
		if p, err := s.FindPerson(who); err == nil {
			return p.Slug
		}
	}
	if len(e.With) == 1 {
		return e.With[0]
	}
	var present []string
	for _, m := range s.mentions(text) {
		if slices.Contains(e.With, m.slug) && !slices.Contains(present, m.slug) {
			present = append(present, m.slug)
		}
	}
	if len(present) == 1 {
		return present[0]
	}
	return ""
}

// feedbackPrefix splits "Name: text" into the name and the text.
func feedbackPrefix(text string) (who, said string, ok bool) {
	who, said, ok = strings.Cut(text, ":")
	if !ok || len(who) >= 40 || strings.TrimSpace(who) == "" || strings.ContainsAny(who, ".;!?") {
		return "", text, false
	}
	return strings.TrimSpace(who), strings.TrimSpace(said), true
}

// FeedbackSaid is the feedback's text without its "Name:" prefix when the
// prefix names the person it came from.
func (s *Snapshot) FeedbackSaid(f Feedback) string {
	if who, said, ok := feedbackPrefix(f.Text); ok && f.From != "" && s.amongPeople(who, []string{f.From}) != "" {
		return said
	}
	return f.Text
}

// amongPeople resolves a name against the given people only: a slug, a
// full name, or a prefix of either or of any word of the name, when it
// fits exactly one of them.
func (s *Snapshot) amongPeople(name string, slugs []string) string {
	q := Slugify(strings.TrimPrefix(name, "@"))
	if q == "" {
		return ""
	}
	var fits []string
	for _, slug := range slugs {
		p := s.Person(slug)
		full := slug
		if p != nil {
			full = Slugify(p.Name)
		}
		words := append(strings.Split(full, "-"), slug)
		if slug == q || full == q || slices.ContainsFunc(words, func(w string) bool { return strings.HasPrefix(w, q) }) || strings.HasPrefix(full, q) {
			fits = append(fits, slug)
		}
	}
	if len(fits) == 1 {
		return fits[0]
	}
	return ""
}

// namedAt is a person named in a text, and where.
type namedAt struct {
	slug     string
	at       int  // byte offset of the name in the text
	explicit bool // an @mention
}

var mentionAnywhere = regexp.MustCompile(`@([\p{L}\p{N}][\p{L}\p{N}._-]*)`)

// mentions returns the people a text names, in the order they appear:
// @mentions, full names, and first names that belong to one person only.
func (s *Snapshot) mentions(text string) []namedAt {
	var out []namedAt
	for _, m := range mentionAnywhere.FindAllStringSubmatchIndex(text, -1) {
		if p, err := s.FindPerson(text[m[2]:m[3]]); err == nil {
			out = append(out, namedAt{p.Slug, m[0], true})
		}
	}
	lower := strings.ToLower(text)
	firsts := map[string]int{}
	for _, p := range s.People {
		if name := strings.Fields(strings.ToLower(p.Name)); len(name) > 0 {
			firsts[name[0]]++
		}
	}
	for _, p := range s.People {
		name := strings.ToLower(p.Name)
		words := strings.Fields(name)
		if len(words) == 0 {
			continue
		}
		at := phraseAt(lower, name)
		if at < 0 && firsts[words[0]] == 1 {
			at = phraseAt(lower, words[0])
		}
		if at >= 0 {
			out = append(out, namedAt{p.Slug, at, false})
		}
	}
	slices.SortStableFunc(out, func(a, b namedAt) int { return a.at - b.at })
	return out
}

// phraseAt returns the offset of the first occurrence of phrase in text
// between word boundaries, or -1.
func phraseAt(text, phrase string) int {
	for from := 0; from <= len(text)-len(phrase); {
		i := strings.Index(text[from:], phrase)
		if i < 0 {
			return -1
		}
		at := from + i
		end := at + len(phrase)
		if (at == 0 || !isWordByte(text[at-1])) && (end == len(text) || !isWordByte(text[end])) {
			return at
		}
		from = at + 1
	}
	return -1
}

// isWordByte reports whether b can be part of a word in lower-case text.
func isWordByte(b byte) bool {
	return b >= 'a' && b <= 'z' || b >= '0' && b <= '9' || b >= 0x80
}

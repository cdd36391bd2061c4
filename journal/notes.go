package journal

import (
	"regexp"
	"slices"
	"sort"
	"strings"
	"time"
	"unicode"
)

// Win is a list item under "## Wins", with the people it credits.
type Win struct {
	Text     string   `json:"text"`
	Credited []string `json:"credited"` // slugs mentioned or named in the text
	Entry    *Entry   `json:"-"`
}

// Feedback is a list item under "## Feedback" and whom it came from.
type Feedback struct {
	Text  string `json:"text"`
	From  string `json:"from"` // a slug, "" when unknown
	Entry *Entry `json:"-"`
}

// Wins returns the wins recorded in entries dated in [since, until),
// oldest first.
func (s *Snapshot) Wins(since, until time.Time) []Win {
	var out []Win
	s.eachInWindow(since, until, func(e *Entry) {
		for _, text := range e.Wins {
			out = append(out, Win{Text: text, Credited: s.Mentioned(text), Entry: e})
		}
	})
	return out
}

// FeedbackIn returns the feedback recorded in entries dated in
// [since, until), oldest first. It is attributed to the person named
// before a colon ("Dana: ..."), or mentioned, or else to the entry's one
// person.
func (s *Snapshot) FeedbackIn(since, until time.Time) []Feedback {
	var out []Feedback
	s.eachInWindow(since, until, func(e *Entry) {
		for _, text := range e.Feedback {
			out = append(out, Feedback{Text: text, From: s.feedbackFrom(text, e), Entry: e})
		}
	})
	return out
}

func (s *Snapshot) feedbackFrom(text string, e *Entry) string {
	if who, _, ok := strings.Cut(text, ":"); ok && len(who) < 40 {
		if p, err := s.FindPerson(who); err == nil {
			return p.Slug
		}
	}
	if m := s.Mentioned(text); len(m) > 0 {
		return m[0]
	}
	if len(e.With) == 1 {
		return e.With[0]
	}
	return ""
}

// eachInWindow calls f for entries dated in [since, until), oldest first.
// Entries are newest first, so the window is found by binary search.
func (s *Snapshot) eachInWindow(since, until time.Time, f func(*Entry)) {
	first := sort.Search(len(s.Entries), func(i int) bool { return s.Entries[i].Date.Before(until) })
	end := sort.Search(len(s.Entries), func(i int) bool { return s.Entries[i].Date.Before(since) })
	for i := end - 1; i >= first; i-- {
		f(s.Entries[i])
	}
}

var mentionAnywhere = regexp.MustCompile(`@([\p{L}\p{N}][\p{L}\p{N}._-]*)`)

// Mentioned returns the people a text names: @mentions, full names, and
// first names that belong to one person only.
func (s *Snapshot) Mentioned(text string) []string {
	var out []string
	add := func(slug string) {
		if !slices.Contains(out, slug) {
			out = append(out, slug)
		}
	}
	for _, m := range mentionAnywhere.FindAllStringSubmatch(text, -1) {
		if p, err := s.FindPerson(m[1]); err == nil {
			add(p.Slug)
		}
	}
	words := wordSet(text)
	firsts := map[string][]string{}
	for _, p := range s.People {
		name := strings.Fields(strings.ToLower(p.Name))
		if len(name) > 0 {
			firsts[name[0]] = append(firsts[name[0]], p.Slug)
		}
	}
	for _, p := range s.People {
		name := strings.Fields(strings.ToLower(p.Name))
		if len(name) == 0 {
			continue
		}
		if containsPhrase(strings.ToLower(text), strings.ToLower(p.Name)) || (words[name[0]] && len(firsts[name[0]]) == 1) {
			add(p.Slug)
		}
	}
	return out
}

// wordSet returns the lower-case words of text, possessives trimmed.
func wordSet(text string) map[string]bool {
	set := map[string]bool{}
	for _, w := range strings.FieldsFunc(strings.ToLower(text), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '\'' && r != '’' && r != '-'
	}) {
		w = strings.TrimSuffix(strings.TrimSuffix(w, "'s"), "’s")
		set[strings.Trim(w, "'’-")] = true
	}
	return set
}

// containsPhrase reports whether phrase occurs in text between word
// boundaries.
func containsPhrase(text, phrase string) bool {
	for i := strings.Index(text, phrase); i >= 0; {
		end := i + len(phrase)
		before := i == 0 || !isWordByte(text[i-1])
		after := end == len(text) || !isWordByte(text[end])
		if before && after {
			return true
		}
		next := strings.Index(text[i+1:], phrase)
		if next < 0 {
			return false
		}
		i += 1 + next
	}
	return false
}

func isWordByte(b byte) bool {
	return b >= 'a' && b <= 'z' || b >= '0' && b <= '9' || b >= 0x80
}

package lsp

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/lead-journal/lead/journal"
	"github.com/lead-journal/lead/journal/when"
	protocol "github.com/tliron/glsp/protocol_3_16"
)

// entryKeys and personKeys are the front matter keys completed in an
// entry and in a person file, in the order lead writes them.
var (
	entryKeys  = []string{"date", "kind", "title", "with", "project", "tags", "practices"}
	personKeys = journal.PersonFields
)

// Value lists for person keys with a vocabulary of their own.
var (
	stances    = []string{"champion", "supporter", "neutral", "skeptic", "blocker"}
	influences = []string{"high", "medium", "low"}
	styles     = []string{"detail", "high-level"}
)

// sections are the headings lead reads in an entry's body.
var sections = []string{"Notes", "Feedback", "Commitments", "Wins", "Next time"}

// dueWords are the relative due dates offered after "due:", each shown as
// the date it stands for today.
var dueWords = []string{"today", "tomorrow", "mon", "tue", "wed", "thu", "fri", "sat", "sun", "1w", "2w", "1m"}

// completer builds the items for one completion request.
type completer struct {
	snippets bool // items may be snippets
	t        *text
	v        *view
	person   bool // a person file, not an entry
	now      time.Time
	line     int
	start    int    // where the word being completed starts
	end      int    // the cursor
	lead     string // written before each completion: a space right after a key's colon
	items    []protocol.CompletionItem
}

// add offers label, written as newText over the word being completed.
func (c *completer) add(kind protocol.CompletionItemKind, label, newText, detail, doc string) {
	item := protocol.CompletionItem{Label: label, Kind: &kind,
		TextEdit: protocol.TextEdit{Range: c.t.span(c.line, c.start, c.end), NewText: c.lead + newText}}
	if detail != "" {
		item.Detail = &detail
	}
	if doc != "" {
		item.Documentation = protocol.MarkupContent{Kind: protocol.MarkupKindMarkdown, Value: doc}
	}
	sort := fmt.Sprintf("%04d", len(c.items))
	item.SortText = &sort
	c.items = append(c.items, item)
}

func (s *server) completion(uri protocol.DocumentUri, pos protocol.Position) *protocol.CompletionList {
	list := &protocol.CompletionList{Items: []protocol.CompletionItem{}}
	t, d, v := s.state(uri)
	if v == nil {
		return list
	}
	n, offset := int(pos.Line), t.offset(pos)
	line := t.line(n)
	_, person := personFile(d.rel)
	c := &completer{snippets: s.snippets, t: t, v: v, person: person, now: s.opts.Now(), line: n,
		start: wordBefore(line, offset), end: offset}
	switch key, isValue := t.frontKey(n, offset); {
	case t.front < 0 && strings.TrimSpace(strings.Join(t.lines[:n], "")) == "":
		c.start = 0
		c.frontMatter()
	case isValue:
		c.value(key)
	case t.inFront(n) && !strings.ContainsAny(line, ": "):
		c.start = 0
		c.keys()
	case t.inFront(n):
	case strings.HasPrefix(line[:c.start], "#"):
		c.start = 0
		c.headings()
	case strings.HasSuffix(line[:c.start], "@"):
		c.people()
	case strings.HasSuffix(line[:c.start], "due:"):
		c.dues()
	}
	list.Items = append(list.Items, c.items...)
	return list
}

// frontMatter offers the line that opens a file's front matter.
func (c *completer) frontMatter() {
	what := "an entry"
	if c.person {
		what = "a person"
	}
	c.add(protocol.CompletionItemKindSnippet, "---", "---", "opens the front matter of "+what, "")
}

// keys offers the front matter keys not yet written.
func (c *completer) keys() {
	keys := entryKeys
	if c.person {
		keys = personKeys
	}
	for _, k := range keys {
		if c.hasKey(k) {
			continue
		}
		newText := k + ": "
		switch {
		case k == "date":
			newText += c.now.Format(time.RFC3339)
		case slices.Contains(listKeys, k) && c.snippets:
			newText += "[$1]"
		case slices.Contains(listKeys, k):
			newText += "[]"
		}
		c.add(protocol.CompletionItemKindProperty, k, newText, "", "")
		if c.snippets {
			snippet := protocol.InsertTextFormatSnippet
			c.items[len(c.items)-1].InsertTextFormat = &snippet
		}
	}
	if c.t.body == len(c.t.lines) { // not closed yet
		c.add(protocol.CompletionItemKindSnippet, "---", "---", "closes the front matter", "")
	}
}

// listKeys are the keys whose values are lists.
var listKeys = []string{"with", "tags", "practices", "prefers", "trusts"}

func (c *completer) hasKey(key string) bool {
	for i := c.t.front + 1; i < c.t.body && i < len(c.t.lines); i++ {
		if i != c.line && strings.HasPrefix(c.t.lines[i], key+":") {
			return true
		}
	}
	return false
}

// value offers the values of a front matter key.
func (c *completer) value(key string) {
	cfg := c.v.snap.Journal.Config
	if line := c.t.line(c.line); c.start > 0 && line[c.start-1] == ':' {
		c.lead = " " // "kind:1on1" would be a string, not a key's value
	}
	plain := func(values []string, detail string) {
		for _, v := range values {
			c.add(protocol.CompletionItemKindValue, v, v, detail, "")
		}
	}
	switch key {
	case "with", "trusts":
		c.people()
	case "kind":
		plain(cfg.Kinds, "kind")
	case "practices":
		for _, p := range cfg.Practices {
			c.add(protocol.CompletionItemKindEnumMember, p.Name, p.Name, "practice", p.Description)
		}
	case "tags":
		plain(c.v.tags, "tag in use")
	case "project":
		plain(c.v.projects, "project in use")
	case "date", "snooze_until":
		c.add(protocol.CompletionItemKindValue, c.now.Format(time.RFC3339), c.now.Format(time.RFC3339), "now", "")
	case "relation":
		for _, r := range cfg.RelationNames() {
			c.add(protocol.CompletionItemKindValue, r, r, cfg.Direction(r), "")
		}
	case "stance":
		plain(stances, "stance")
	case "influence":
		plain(influences, "influence")
	case "style":
		plain(styles, "style")
	}
}

// people offers person slugs, with their name and relation, the most
// recently met first.
func (c *completer) people() {
	people := slices.Clone(c.v.snap.People)
	last := func(p *journal.Person) time.Time {
		if es := c.v.entries[p.Slug]; len(es) > 0 {
			return es[0].Date
		}
		return time.Time{}
	}
	slices.SortStableFunc(people, func(a, b *journal.Person) int { return last(b).Compare(last(a)) })
	for _, p := range people {
		detail := p.Name
		if p.Relation != "" {
			detail += " (" + p.Relation + ")"
		}
		c.add(protocol.CompletionItemKindReference, p.Slug, p.Slug, detail, "")
	}
}

// dues offers due dates, each written as the absolute date it stands
// for, soonest first.
func (c *completer) dues() {
	type due struct {
		word string
		day  time.Time
	}
	var list []due
	for _, w := range dueWords {
		day, err := when.Due(w, c.now)
		if err == nil && !slices.ContainsFunc(list, func(d due) bool { return d.day.Equal(day) }) {
			list = append(list, due{w, day})
		}
	}
	slices.SortStableFunc(list, func(a, b due) int { return a.day.Compare(b.day) })
	for _, d := range list {
		date := d.day.Format("2006-01-02")
		c.add(protocol.CompletionItemKindValue, date, date, d.word+", "+d.day.Format("Monday 2 January"), "")
		filter := d.word + " " + date
		c.items[len(c.items)-1].FilterText = &filter
	}
}

// headings offers the sections lead reads.
func (c *completer) headings() {
	list := sections
	if c.person {
		list = []string{"Agenda"}
	}
	for _, h := range list {
		if !slices.Contains(c.t.lines, "## "+h) {
			c.add(protocol.CompletionItemKindKeyword, "## "+h, "## "+h, "section", "")
		}
	}
}

package format

import "strings"

// Task is what the item asks to be done: its text without the @mention of
// its owner and without its due: tokens, which a table shows in columns of
// their own.
func (it Item) Task() string {
	text := it.Text
	if name, ok := Mention(text); ok && (it.Owner != "" || strings.EqualFold(name, "me")) {
		text = strings.TrimLeft(text[1+len(name):], " \t")
	}
	var b strings.Builder
	last := 0
	for start, end := range DueValues(text) {
		b.WriteString(text[last : start-len("due:")])
		last = end
	}
	b.WriteString(text[last:])
	return strings.Join(strings.Fields(b.String()), " ")
}

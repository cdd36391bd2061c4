package journal

import (
	"time"

	"github.com/lead-journal/lead/journal/format"
)

// Plural is one when n is 1, and many otherwise.
func Plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// Day writes a calendar day as lead does everywhere, 2026-11-22; the zero
// time is "".
func Day(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format(time.DateOnly)
}

// NonNil makes a nil list an empty one, so that JSON shows [] rather
// than null.
func NonNil(s []string) []string { return format.NonNil(s) }

package format

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/runes"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"
)

// maxSlug bounds slugs so that file names stay well under system limits.
const maxSlug = 60

// Slugify turns a name or title into a file-name-safe slug: lower case,
// accents removed, letters and digits of any script kept, everything else
// collapsed to single dashes. "Zoë O'Brien" becomes "zoe-o-brien". The
// result never contains a path separator or a dot, so it cannot escape
// the directory it is joined to.
func Slugify(s string) string {
	if !isASCII(s) {
		// A chain of transformers keeps state, so each call makes its own.
		stripMarks := transform.Chain(norm.NFD, runes.Remove(runes.In(unicode.Mn)), norm.NFC)
		s, _, _ = transform.String(stripMarks, s)
	}
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(s) {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			b.WriteRune(r)
			dash = false
			if b.Len() >= maxSlug {
				break
			}
			continue
		}
		dash = true
	}
	return b.String()
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

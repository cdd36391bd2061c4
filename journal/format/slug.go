package format

import (
	"strings"
	"unicode"
	"unicode/utf8"

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
		s = stripLatinAccents(s)
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

// stripLatinAccents removes the accents of Latin letters ("é" becomes "e")
// and keeps the marks of other scripts, which are part of their letters:
// Japanese "ので" stays "ので", not "のて".
func stripLatinAccents(s string) string {
	var b strings.Builder
	latin := false
	for _, r := range norm.NFD.String(s) {
		if unicode.Is(unicode.Mn, r) {
			if latin {
				continue
			}
		} else {
			latin = unicode.Is(unicode.Latin, r)
		}
		b.WriteRune(r)
	}
	return norm.NFC.String(b.String())
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

package format

import "testing"

func TestSlugifyStripsLatinAccentsOnly(t *testing.T) {
	for in, want := range map[string]string{
		"Crème brûlée":    "creme-brulee",
		"Zoë O'Brien":     "zoe-o-brien",
		"会議なので":           "会議なので",
		"ガイド, ぱぴぷ":        "ガイド-ぱぴぷ",
		"Привет, Йоко":    "привет-йоко",
		"Sync with Ñúñez": "sync-with-nunez",
	} {
		if got := Slugify(in); got != want {
			t.Errorf("Slugify(%q) = %q, want %q", in, got, want)
		}
	}
}

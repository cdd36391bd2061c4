package journal

import (
	"crypto/sha1"
	"encoding/hex"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/lead-journal/lead/journal/jrnl"
)

// Imported says what an import did.
type Imported struct {
	Added   []*Entry
	Skipped int // already in the journal
}

// ImportJrnl adds jrnl entries as notes: the title and body as written, a
// starred entry tagged "starred", @tags that name a person in the journal
// as people in `with`, other tags as tags. Each records its source; an
// entry whose source is already in the journal is skipped.
func (s *Snapshot) ImportJrnl(entries []jrnl.Entry) (*Imported, error) {
	seen := map[string]bool{}
	for _, e := range s.Entries {
		for _, src := range e.Field(SourceKey) {
			seen[src] = true
		}
	}
	res := &Imported{}
	for i, je := range entries {
		src := jrnlSource(je)
		if seen[src] {
			res.Skipped++
			continue
		}
		seen[src] = true
		fm := FrontMatter{Date: je.Date, Kind: "note", Title: je.Title, Source: src}
		for _, tag := range je.Tags {
			name := strings.TrimLeft(tag, "@#")
			if strings.HasPrefix(tag, "@") {
				if p, err := s.FindPerson(name); err == nil {
					if !slices.Contains(fm.With, p.Slug) {
						fm.With = append(fm.With, p.Slug)
					}
					continue
				}
			}
			fm.Tags = append(fm.Tags, name)
		}
		if je.Starred {
			fm.Tags = append(fm.Tags, "starred")
		}
		body := ""
		if strings.TrimSpace(je.Body) != "" {
			body = strings.TrimSpace(je.Body) + "\n"
		}
		data := append(fm.Render(), body...)
		logged, err := s.Log(data, fmt.Sprintf("jrnl entry %d (%s)", i+1, je.Date.Format("2006-01-02 15:04")))
		if errors.Is(err, ErrEmpty) {
			continue
		}
		if err != nil {
			return res, err
		}
		res.Added = append(res.Added, logged.Entry)
	}
	return res, nil
}

// jrnlSource identifies a jrnl entry by its date, title and body.
func jrnlSource(e jrnl.Entry) string {
	sum := sha1.Sum([]byte(e.Date.Format(time.RFC3339) + "\n" + e.Title + "\n" + strings.TrimSpace(e.Body)))
	return "jrnl:" + hex.EncodeToString(sum[:8])
}

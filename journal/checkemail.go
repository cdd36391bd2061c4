package journal

import (
	"net/mail"
	"strings"
)

// checkEmails warns of person addresses that are not addresses, and of
// an address two people share: calendar attendees are matched to people
// by it, and such an attendee would be only one of them.
func (s *Snapshot) checkEmails(out *findings) {
	owner := map[string]*Person{}
	for _, p := range s.People { // by slug
		path := s.Journal.Abs(p.Path)
		for _, e := range p.Email {
			if a, err := mail.ParseAddress(e); err != nil || a.Address != e {
				out.add(path, p.KeyLine("email"), e, SeverityWarning, "email: %q is not an email address", e)
				continue
			}
			key := strings.ToLower(e)
			if other := owner[key]; other != nil {
				out.add(path, p.KeyLine("email"), e, SeverityWarning, "email: %s is also %s's (%s); a calendar attendee with it is matched to one of you only", e, other.Name, s.Journal.Abs(other.Path))
				continue
			}
			owner[key] = p
		}
	}
}

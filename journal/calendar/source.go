package calendar

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"time"
)

// Source is where a calendar comes from: a file, or the secret http(s)
// address (webcal:// too) that Google Calendar, Outlook, iCloud and
// Fastmail give for a private iCal feed. A fetched calendar is kept in
// CacheDir, so that commands work offline.
type Source struct {
	Location string
	CacheDir string
	Client   *http.Client  // nil for a client with Timeout
	Timeout  time.Duration // for one fetch; 0 for DefaultTimeout
	// Fresh is how long a fetched copy is used without asking again.
	Fresh time.Duration
	// Offline never fetches: an address is read from its cached copy,
	// however old, and is an error without one.
	Offline bool
}

// Fetching defaults.
const (
	DefaultTimeout = 15 * time.Second
	DefaultFresh   = 10 * time.Minute
	// MaxSize bounds what is read of a calendar.
	MaxSize = 32 << 20
)

// Remote says whether the source is an address rather than a file.
func (s Source) Remote() bool {
	u, err := url.Parse(s.Location)
	if err != nil {
		return false
	}
	switch strings.ToLower(u.Scheme) {
	case "http", "https", "webcal", "webcals":
		return true
	}
	return false
}

// String names the source without its secret: a file's path, or an
// address's scheme and host only.
func (s Source) String() string {
	if !s.Remote() {
		return s.Location
	}
	return Redact(s.Location)
}

// Redact shortens an address to its scheme and host, for messages: the
// rest of a private calendar address is as good as a password.
func Redact(address string) string {
	u, err := url.Parse(address)
	if err != nil || u.Host == "" {
		return "(calendar address)"
	}
	return strings.ToLower(u.Scheme) + "://" + u.Hostname() + "/…"
}

// Read returns the calendar's bytes. An address is fetched unless a copy
// younger than Fresh is cached (or Offline); when fetching fails and a copy is cached,
// the copy is returned with a warning saying how old it is.
func (s Source) Read(ctx context.Context, now time.Time) (data []byte, warning string, err error) {
	if !s.Remote() {
		path := s.Location
		if u, err := url.Parse(path); err == nil && u.Scheme == "file" {
			path = u.Path
		}
		data, err := readLimited(path)
		return data, "", err
	}
	cache := s.cachePath()
	if s.Offline {
		data, err := readLimited(cache)
		return data, "", err
	}
	info, statErr := os.Stat(cache)
	fresh := s.Fresh
	if fresh == 0 {
		fresh = DefaultFresh
	}
	if statErr == nil && now.Sub(info.ModTime()) < fresh && now.Sub(info.ModTime()) >= 0 {
		if data, err := readLimited(cache); err == nil {
			return data, "", nil
		}
	}
	data, err = s.fetch(ctx)
	if err == nil {
		return data, "", s.keep(cache, data)
	}
	if statErr == nil {
		if old, readErr := readLimited(cache); readErr == nil {
			return old, fmt.Sprintf("%v; using the copy fetched %s", err, info.ModTime().Format("2006-01-02 15:04")), nil
		}
	}
	return nil, "", err
}

// fetch gets the calendar from its address; errors name only its host.
func (s Source) fetch(ctx context.Context) ([]byte, error) {
	address := s.Location
	if u, err := url.Parse(address); err == nil {
		if scheme := strings.ToLower(u.Scheme); scheme == "webcal" || scheme == "webcals" {
			u.Scheme = "https" // the services that hand out webcal:// serve it over https
			address = u.String()
		}
	}
	timeout := s.Timeout
	if timeout == 0 {
		timeout = DefaultTimeout
	}
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	client := s.Client
	if client == nil {
		client = &http.Client{}
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, address, nil)
	if err != nil {
		return nil, fmt.Errorf("%s: not an address", s)
	}
	req.Header.Set("Accept", "text/calendar")
	resp, err := client.Do(req)
	if err != nil {
		var uerr *url.Error
		if errors.As(err, &uerr) {
			err = uerr.Err
		}
		if errors.Is(err, context.DeadlineExceeded) {
			return nil, fmt.Errorf("fetching %s: no answer within %s", s, timeout)
		}
		return nil, fmt.Errorf("fetching %s: %v", s, err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return nil, fmt.Errorf("fetching %s: %s", s, resp.Status)
	}
	data, err := io.ReadAll(io.LimitReader(resp.Body, MaxSize+1))
	if err != nil {
		return nil, fmt.Errorf("fetching %s: %v", s, err)
	}
	if len(data) > MaxSize {
		return nil, fmt.Errorf("fetching %s: larger than %d bytes", s, MaxSize)
	}
	if !strings.HasPrefix(strings.TrimLeft(string(data[:min(len(data), 512)]), "\ufeff \t\r\n"), "BEGIN:VCALENDAR") {
		return nil, fmt.Errorf("fetching %s: the answer is not an iCalendar file", s)
	}
	return data, nil
}

// cachePath names the cached copy by a hash of the address, so that the
// address is not written anywhere.
func (s Source) cachePath() string {
	sum := sha256.Sum256([]byte(s.Location))
	return filepath.Join(s.CacheDir, hex.EncodeToString(sum[:8])+".ics")
}

// keep writes the cached copy atomically, private to the user.
func (s Source) keep(path string, data []byte) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return err
	}
	f, err := os.CreateTemp(filepath.Dir(path), ".fetch-*")
	if err != nil {
		return err
	}
	defer os.Remove(f.Name())
	if _, err := f.Write(data); err != nil {
		f.Close()
		return err
	}
	if err := f.Close(); err != nil {
		return err
	}
	return os.Rename(f.Name(), path)
}

// readLimited reads a regular file of at most MaxSize bytes. A named
// pipe, a device or a socket is refused, and never waited on: it is
// looked at before it is opened, and opened without blocking.
func readLimited(path string) ([]byte, error) {
	if info, err := os.Stat(path); err != nil {
		return nil, err
	} else if !info.Mode().IsRegular() {
		return nil, fmt.Errorf("%s: not a regular file", path)
	}
	f, err := os.OpenFile(path, os.O_RDONLY|syscall.O_NONBLOCK, 0)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return nil, err
	}
	if !info.Mode().IsRegular() {
		return nil, fmt.Errorf("%s: not a regular file", path)
	}
	if info.Size() > MaxSize {
		return nil, fmt.Errorf("%s: larger than %d bytes", path, MaxSize)
	}
	return io.ReadAll(io.LimitReader(f, MaxSize))
}

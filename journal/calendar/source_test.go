package calendar

import (
	"context"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"sync/atomic"
	"testing"
	"time"
)

const secretPath = "/calendar/ical/alex%40example.com/private-5e3c7a9b1f/basic.ics"

// A private address is fetched, cached, used again while fresh and when
// the server is gone, and never shown in full.
func TestFetchAndCache(t *testing.T) {
	body, _ := os.ReadFile("testdata/google.ics")
	var hits atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		hits.Add(1)
		if r.URL.EscapedPath() != secretPath {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Content-Type", "text/calendar")
		w.Write(body)
	}))
	address := srv.URL + secretPath
	src := Source{Location: address, CacheDir: t.TempDir()}
	now := time.Now()
	data, warning, err := src.Read(context.Background(), now)
	if err != nil || warning != "" || string(data) != string(body) {
		t.Fatalf("first read: %q, %v", warning, err)
	}
	if _, _, err := src.Read(context.Background(), now.Add(time.Minute)); err != nil || hits.Load() != 1 {
		t.Errorf("a fresh copy is used without fetching: %d fetches, %v", hits.Load(), err)
	}
	srv.Close()
	data, warning, err = src.Read(context.Background(), now.Add(time.Hour))
	if err != nil || string(data) != string(body) || !strings.Contains(warning, "using the copy fetched") {
		t.Errorf("offline: %q, %v", warning, err)
	}
	if strings.Contains(warning, "private") || strings.Contains(src.String(), "private") {
		t.Errorf("the secret shows: %q, %s", warning, src)
	}
	entries, _ := os.ReadDir(src.CacheDir)
	for _, e := range entries {
		if strings.Contains(e.Name(), "private") || strings.HasPrefix(e.Name(), ".fetch") {
			t.Errorf("cache file %s", e.Name())
		}
		if info, _ := e.Info(); info.Mode().Perm() != 0o600 {
			t.Errorf("cache file mode %v", info.Mode())
		}
	}
}

// Offline, an address is never fetched: its cached copy is read however
// old it is, and without one the read fails.
func TestOfflineReadsTheCacheAlone(t *testing.T) {
	body, _ := os.ReadFile("testdata/google.ics")
	var hits atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		hits.Add(1)
		w.Write(body)
	}))
	defer srv.Close()
	src := Source{Location: srv.URL + "/cal.ics", CacheDir: t.TempDir(), Offline: true}
	if _, _, err := src.Read(context.Background(), time.Now()); err == nil || hits.Load() != 0 {
		t.Fatalf("offline with no copy: %v, %d fetches", err, hits.Load())
	}
	src.Offline = false
	if _, _, err := src.Read(context.Background(), time.Now()); err != nil {
		t.Fatal(err)
	}
	src.Offline = true
	data, _, err := src.Read(context.Background(), time.Now().Add(48*time.Hour))
	if err != nil || string(data) != string(body) || hits.Load() != 1 {
		t.Errorf("offline with a day-old copy: %v, %d fetches", err, hits.Load())
	}
}

// Failures say what went wrong and name only the host.
func TestFetchFailures(t *testing.T) {
	slow := make(chan struct{})
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/slow/private-token":
			<-slow
		case "/html/private-token":
			w.Write([]byte("<html>sign in</html>"))
		default:
			http.Error(w, "gone", http.StatusGone)
		}
	}))
	defer srv.Close()
	defer close(slow)
	for path, want := range map[string]string{
		"/slow/private-token": "no answer within 50ms",
		"/html/private-token": "not an iCalendar file",
		"/gone/private-token": "410 Gone",
	} {
		src := Source{Location: srv.URL + path, CacheDir: t.TempDir(), Timeout: 50 * time.Millisecond}
		_, _, err := src.Read(context.Background(), time.Now())
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("%s: %v, want %q", path, err, want)
		}
		if err != nil && strings.Contains(err.Error(), "private-token") {
			t.Errorf("%s: the secret shows: %v", path, err)
		}
	}
}

func TestRedact(t *testing.T) {
	for in, want := range map[string]string{
		"https://calendar.google.com/calendar/ical/x/private-abc/basic.ics":     "https://calendar.google.com/…",
		"webcal://p01-caldav.icloud.com/published/2/secret":                     "webcal://p01-caldav.icloud.com/…",
		"https://user:pass@outlook.office365.com/owa/calendar/x/y/calendar.ics": "https://outlook.office365.com/…",
	} {
		if got := Redact(in); got != want {
			t.Errorf("%s: %s, want %s", in, got, want)
		}
	}
}

// A file is read as it is, by path or file: address.
func TestReadFile(t *testing.T) {
	dir := t.TempDir()
	path := dir + "/cal.ics"
	os.WriteFile(path, []byte("BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n"), 0o600)
	for _, location := range []string{path, "file://" + path} {
		if data, _, err := (Source{Location: location}).Read(context.Background(), time.Now()); err != nil || len(data) == 0 {
			t.Errorf("%s: %v", location, err)
		}
	}
}

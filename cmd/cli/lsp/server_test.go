package lsp

import (
	"context"
	"encoding/json"
	"maps"
	"net"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/lead-journal/lead/journal"
	"github.com/sourcegraph/jsonrpc2"
	protocol "github.com/tliron/glsp/protocol_3_16"
)

// now is the frozen clock of these tests: Sunday 22 November 2026.
var now = time.Date(2026, 11, 22, 16, 0, 0, 0, time.UTC)

// client is an editor talking to a server in the same process.
type client struct {
	t     testing.TB
	conn  *jsonrpc2.Conn
	root  string
	diags chan protocol.PublishDiagnosticsParams
	asked chan string // the methods of the server's requests
}

// start writes files into a new journal and connects a client to a
// server for it.
func start(t *testing.T, files map[string]string, rescan time.Duration) *client {
	t.Helper()
	root := t.TempDir()
	if _, err := journal.Init(root); err != nil {
		t.Fatal(err)
	}
	for rel, text := range files {
		write(t, filepath.Join(root, rel), text)
	}
	return connect(t, root, rescan)
}

// connect connects a client to a server for the journal at root.
func connect(tb testing.TB, root string, rescan time.Duration) *client {
	tb.Helper()
	rootURI := pathURI(root)
	return dial(tb, root, Options{Rescan: rescan}, func(p *protocol.InitializeParams) { p.RootURI = &rootURI })
}

// dial connects a client to a server run with o, for files of the
// journal at root, and initializes it with the params setup makes.
func dial(tb testing.TB, root string, o Options, setup func(*protocol.InitializeParams)) *client {
	tb.Helper()
	serverSide, clientSide := net.Pipe()
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	o.Now, o.Delay = func() time.Time { return now }, 10*time.Millisecond
	go func() {
		Serve(ctx, serverSide, o)
		close(done)
	}()
	c := &client{t: tb, root: root, diags: make(chan protocol.PublishDiagnosticsParams, 100), asked: make(chan string, 10)}
	c.conn = jsonrpc2.NewConn(ctx, jsonrpc2.NewBufferedStream(clientSide, jsonrpc2.VSCodeObjectCodec{}),
		answerAside{jsonrpc2.HandlerWithError(func(_ context.Context, _ *jsonrpc2.Conn, req *jsonrpc2.Request) (any, error) {
			if !req.Notif {
				select {
				case c.asked <- req.Method:
				default:
				}
			}
			if req.Method == protocol.ServerTextDocumentPublishDiagnostics {
				var p protocol.PublishDiagnosticsParams
				if err := json.Unmarshal(*req.Params, &p); err != nil {
					tb.Error(err)
				}
				select {
				case c.diags <- p:
				default: // nobody is reading them
				}
			}
			return nil, nil
		})})
	tb.Cleanup(func() {
		c.conn.Close()
		cancel()
		<-done
	})
	var result protocol.InitializeResult
	var params protocol.InitializeParams
	// The editor watches files for the server, as VS Code and Neovim 0.9 do.
	if err := json.Unmarshal([]byte(`{"capabilities": {"workspace": {"didChangeWatchedFiles": {"dynamicRegistration": true}}}}`), &params); err != nil {
		tb.Fatal(err)
	}
	setup(&params)
	c.call(protocol.MethodInitialize, params, &result)
	if result.Capabilities.HoverProvider != true {
		tb.Fatalf("capabilities: %+v", result.Capabilities)
	}
	c.notify(protocol.MethodInitialized, protocol.InitializedParams{})
	return c
}

// answerAside answers the server's requests off the client's read loop,
// as editors do, and takes its notifications in order: a pipe has no
// buffer, and a client writing a request while its read loop waits to
// write an answer would never read again.
type answerAside struct{ jsonrpc2.Handler }

func (h answerAside) Handle(ctx context.Context, conn *jsonrpc2.Conn, req *jsonrpc2.Request) {
	if req.Notif {
		h.Handler.Handle(ctx, conn, req)
	} else {
		go h.Handler.Handle(ctx, conn, req)
	}
}

func write(t testing.TB, path, text string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(text), 0o600); err != nil {
		t.Fatal(err)
	}
}

func (c *client) call(method string, params, result any) {
	c.t.Helper()
	if err := c.conn.Call(context.Background(), method, params, result); err != nil {
		c.t.Fatalf("%s: %v", method, err)
	}
}

func (c *client) notify(method string, params any) {
	c.t.Helper()
	if err := c.conn.Notify(context.Background(), method, params); err != nil {
		c.t.Fatalf("%s: %v", method, err)
	}
}

func (c *client) uri(rel string) protocol.DocumentUri { return pathURI(filepath.Join(c.root, rel)) }

// open opens rel in the editor with text and returns its first diagnostics.
func (c *client) open(rel, text string) []protocol.Diagnostic {
	c.t.Helper()
	c.notify(protocol.MethodTextDocumentDidOpen, protocol.DidOpenTextDocumentParams{TextDocument: protocol.TextDocumentItem{
		URI: c.uri(rel), LanguageID: "markdown", Version: 1, Text: text}})
	return c.diagnostics(rel, 1)
}

// edit replaces the text of rel and returns the diagnostics that follow.
func (c *client) edit(rel, text string, version protocol.Integer) []protocol.Diagnostic {
	c.t.Helper()
	c.notify(protocol.MethodTextDocumentDidChange, protocol.DidChangeTextDocumentParams{
		TextDocument:   protocol.VersionedTextDocumentIdentifier{TextDocumentIdentifier: protocol.TextDocumentIdentifier{URI: c.uri(rel)}, Version: version},
		ContentChanges: []any{protocol.TextDocumentContentChangeEventWhole{Text: text}}})
	return c.diagnostics(rel, version)
}

// diagnostics returns the next diagnostics of rel for its text of version
// or later.
func (c *client) diagnostics(rel string, version protocol.Integer) []protocol.Diagnostic {
	c.t.Helper()
	for {
		select {
		case p := <-c.diags:
			if p.URI == c.uri(rel) && p.Version != nil && *p.Version >= protocol.UInteger(version) {
				return p.Diagnostics
			}
		case <-time.After(10 * time.Second):
			c.t.Fatalf("no diagnostics for %s", rel)
		}
	}
}

func at(rel string, line, char int) protocol.TextDocumentPositionParams {
	return protocol.TextDocumentPositionParams{TextDocument: protocol.TextDocumentIdentifier{URI: pathURI(rel)},
		Position: protocol.Position{Line: uint32(line), Character: uint32(char)}}
}

// position is the place of the cursor in rel at line, after the first
// occurrence of after on it.
func (c *client) position(rel, text string, line int, after string) protocol.TextDocumentPositionParams {
	c.t.Helper()
	l := strings.Split(text, "\n")[line]
	i := strings.Index(l, after)
	if i < 0 {
		c.t.Fatalf("%q is not on line %d: %q", after, line, l)
	}
	return at(filepath.Join(c.root, rel), line, len([]rune(l[:i+len(after)])))
}

func (c *client) complete(rel, text string, line int, after string) []protocol.CompletionItem {
	c.t.Helper()
	var list protocol.CompletionList
	c.call(protocol.MethodTextDocumentCompletion, protocol.CompletionParams{TextDocumentPositionParams: c.position(rel, text, line, after)}, &list)
	return list.Items
}

func (c *client) hover(rel, text string, line int, after string) string {
	c.t.Helper()
	var h struct {
		Contents protocol.MarkupContent `json:"contents"`
	}
	c.call(protocol.MethodTextDocumentHover, protocol.HoverParams{TextDocumentPositionParams: c.position(rel, text, line, after)}, &h)
	return h.Contents.Value
}

func labels(items []protocol.CompletionItem) string {
	var out []string
	for _, it := range items {
		s := it.Label
		if it.Detail != nil {
			s += " (" + *it.Detail + ")"
		}
		out = append(out, s)
	}
	return strings.Join(out, "; ")
}

var people = map[string]string{
	"people/dana-smith.md": "---\nname: Dana Smith\nrelation: boss\nstyle: detail\nprefers: [slack]\n---\n",
	"people/lee-wong.md":   "---\nname: Lee Wong\nrelation: peer\n---\n",
	"people/abe-nolan.md":  "---\nname: Abe Nolan\nrelation: report\n---\n", // never met: offered last
	"entries/2026/11/2026-11-20-1000-q3.md": "---\ndate: 2026-11-20T10:00:00Z\nkind: 1on1\ntitle: Q3 review\nwith: [dana-smith]\nproject: q3-plan\ntags: [budget, hiring]\n---\n" +
		"## Commitments\n- [ ] Send the revised deck due:2026-11-25\n- [ ] @dana-smith intro to the SVP's chief of staff\n- [x] Share the numbers\n",
	"entries/2026/11/2026-11-18-0900-budget.md": "---\ndate: 2026-11-18T09:00:00Z\nkind: meeting\nwith: [lee-wong, dana-smith]\ntags: [budget]\n---\nNotes.\n",
}

// TestCompletion: an entry written from nothing by completion alone.
func TestCompletion(t *testing.T) {
	c := start(t, people, time.Hour)
	rel := "entries/2026/11/2026-11-22-1600-new.md"
	c.open(rel, "")
	for _, tc := range []struct {
		text, after string
		line        int
		want        string
	}{
		{"", "", 0, "--- (opens the front matter of an entry)"},
		{"---\nwi\n---\n", "wi", 1, "date; kind; title; with; project; tags; practices"},
		{"---\nkind: 1on1\nw", "w", 2, "date; title; with; project; tags; practices; --- (closes the front matter)"},
		{"---\nwith:\n  - dana-smith\n-", "-", 3, "date; kind; title; project; tags; practices; --- (closes the front matter)"},
		{"---\nwith: [dana-smith, l\n---\n", ", l", 1, "lee-wong (Lee Wong (peer)); dana-smith (Dana Smith (boss)); abe-nolan (Abe Nolan (report))"},
		{"---\nwith:\n  - d\n---\n", "- d", 2, "dana-smith (Dana Smith (boss)); lee-wong (Lee Wong (peer)); abe-nolan (Abe Nolan (report))"},
		{"---\nkind: \n---\n", "kind: ", 1, "1on1 (kind); meeting (kind); skip-level (kind); review (kind); email (kind); chat (kind); event (kind); note (kind)"},
		{"---\ntags: [\n---\n", "[", 1, "budget (tag in use); hiring (tag in use)"},
		{"---\nproject: \n---\n", ": ", 1, "q3-plan (project in use)"},
		{"---\n---\n- [ ] ask @", "@", 2, "dana-smith (Dana Smith (boss)); lee-wong (Lee Wong (peer)); abe-nolan (Abe Nolan (report))"},
		{"---\n---\n- [ ] send it due:", "due:", 2, "2026-11-22 (today, Sunday 22 November); 2026-11-23 (tomorrow, Monday 23 November); " +
			"2026-11-24 (tue, Tuesday 24 November); 2026-11-25 (wed, Wednesday 25 November); 2026-11-26 (thu, Thursday 26 November); " +
			"2026-11-27 (fri, Friday 27 November); 2026-11-28 (sat, Saturday 28 November); 2026-11-29 (sun, Sunday 29 November); " +
			"2026-12-06 (2w, Sunday 6 December); 2026-12-22 (1m, Tuesday 22 December)"},
		{"---\n---\n## C", "## C", 2, "## Notes (section); ## Feedback (section); ## Commitments (section); ## Wins (section); ## Next time (section)"},
	} {
		c.edit(rel, tc.text, 2)
		items := c.complete(rel, tc.text, tc.line, tc.after)
		if got := labels(items); got != tc.want {
			t.Errorf("%q after %q:\n got %s\nwant %s", tc.text, tc.after, got, tc.want)
		}
	}
	// Practices come with what they mean; a due date is written as the date.
	text := "---\npractices: [pre\n---\n"
	c.edit(rel, text, 3)
	items := c.complete(rel, text, 1, "pre")
	if len(items) == 0 || items[0].Label != "previewed" || !strings.Contains(items[0].Documentation.(protocol.MarkupContent).Value, "never upstage the boss") {
		t.Errorf("practices: %s", labels(items))
	}
	text = "---\nkind:\n---\n"
	c.edit(rel, text, 4)
	if items := c.complete(rel, text, 1, "kind:"); items[0].TextEdit.(protocol.TextEdit).NewText != " 1on1" {
		t.Errorf("right after the colon, a kind is written after a space: %+v", items[0].TextEdit)
	}
	text = "---\n---\n- [ ] send it due:fr"
	c.edit(rel, text, 4)
	items = c.complete(rel, text, 2, "due:fr")
	edit := items[5].TextEdit.(protocol.TextEdit)
	if edit.NewText != "2026-11-27" || edit.Range.Start.Character != uint32(len("- [ ] send it due:")) {
		t.Errorf("due:fr is written as %v", edit)
	}
}

// TestReadAtInitialize: the journal the editor starts in is read as soon
// as the server is initialized, before any file is opened, so that the
// first answer waits for as little of the read as it can: the root itself,
// a directory inside it, a workspace folder, or, from a root in no
// journal, the default journal.
func TestReadAtInitialize(t *testing.T) {
	for _, tc := range []struct {
		name  string
		setup func(root string, p *protocol.InitializeParams, o *Options)
	}{
		{"root", func(root string, p *protocol.InitializeParams, _ *Options) {
			uri := pathURI(root)
			p.RootURI = &uri
		}},
		{"root inside", func(root string, p *protocol.InitializeParams, _ *Options) {
			uri := pathURI(filepath.Join(root, "entries/2026/11"))
			p.RootURI = &uri
		}},
		{"root path", func(root string, p *protocol.InitializeParams, _ *Options) {
			path := filepath.Join(root, "people")
			p.RootPath = &path
		}},
		{"workspace folder", func(root string, p *protocol.InitializeParams, _ *Options) {
			p.WorkspaceFolders = []protocol.WorkspaceFolder{{URI: pathURI(root), Name: "lead"}}
		}},
		{"default journal", func(root string, p *protocol.InitializeParams, o *Options) {
			uri := pathURI(t.TempDir())
			p.RootURI = &uri
			o.Journal = func() string { return root }
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			root := t.TempDir()
			if _, err := journal.Init(root); err != nil {
				t.Fatal(err)
			}
			for rel, text := range people {
				write(t, filepath.Join(root, rel), text)
			}
			o := Options{Rescan: time.Hour}
			var roots protocol.InitializeParams
			tc.setup(root, &roots, &o)
			dial(t, root, o, func(p *protocol.InitializeParams) {
				p.RootURI, p.RootPath, p.WorkspaceFolders = roots.RootURI, roots.RootPath, roots.WorkspaceFolders
			})
			// The read leaves the journal's index behind when it is done.
			for deadline := time.Now().Add(10 * time.Second); ; time.Sleep(10 * time.Millisecond) {
				if _, err := os.Stat(filepath.Join(root, ".lead/cache/entries.idx")); err == nil {
					break
				}
				if time.Now().After(deadline) {
					t.Fatal("the journal was not read before a file was opened")
				}
			}
		})
	}
}

// TestPeopleByWhatIsTyped: people whose slug or name matches what is
// typed come first, then the others, each the most recently met first,
// in an order clients keep.
func TestPeopleByWhatIsTyped(t *testing.T) {
	files := maps.Clone(people)
	files["people/rj.md"] = "---\nname: Robert Jones\nrelation: peer\n---\n"
	c := start(t, files, time.Hour)
	rel := "entries/2026/11/2026-11-22-1600-new.md"
	c.open(rel, "")
	for _, tc := range []struct{ text, after, want string }{
		{"---\nwith: [dana-smith, ab\n---\n", ", ab", "abe-nolan; dana-smith; lee-wong; rj"},
		{"---\nwith: [dana-smith, Wo\n---\n", ", Wo", "lee-wong; dana-smith; abe-nolan; rj"},
		{"---\nwith: [dana-smith, jo\n---\n", ", jo", "rj; dana-smith; lee-wong; abe-nolan"},
		{"---\n---\n- [ ] ask @ab", "@ab", "abe-nolan; dana-smith; lee-wong; rj"},
	} {
		c.edit(rel, tc.text, 2)
		items := c.complete(rel, tc.text, strings.Count(tc.text[:strings.Index(tc.text, tc.after)], "\n"), tc.after)
		var got []string
		for i, it := range items {
			got = append(got, it.Label)
			if i > 0 && *it.SortText <= *items[i-1].SortText {
				t.Errorf("%q: %s sorts before %s", tc.after, it.Label, items[i-1].Label)
			}
			if it.FilterText == nil || !strings.Contains(*it.FilterText, it.Label) {
				t.Errorf("%q: %s is filtered on %v", tc.after, it.Label, it.FilterText)
			}
		}
		if g := strings.Join(got, "; "); g != tc.want {
			t.Errorf("after %q: %s, want %s", tc.after, g, tc.want)
		}
	}
}

// TestDueFromTheEntrysDate: relative due dates count from the date in
// the entry's front matter, as lead log counts them, in completion and in
// the code action; from today while the file has no valid date.
func TestDueFromTheEntrysDate(t *testing.T) {
	c := start(t, people, time.Hour)
	rel := "entries/2026/11/2026-11-02-0900-old.md"
	text := "---\ndate: 2026-11-02T09:00:00Z\nkind: 1on1\n---\n- [ ] Send it due:fri\n"
	c.open(rel, text)
	var got []protocol.CodeAction
	r := protocol.Range{Start: protocol.Position{Line: 4}, End: protocol.Position{Line: 4}}
	c.call(protocol.MethodTextDocumentCodeAction, protocol.CodeActionParams{TextDocument: protocol.TextDocumentIdentifier{URI: c.uri(rel)}, Range: r}, &got)
	if len(got) != 2 || got[1].Title != "Write due:fri as due:2026-11-06" || got[1].Edit.Changes[c.uri(rel)][0].NewText != "due:2026-11-06" {
		t.Errorf("actions: %+v", got)
	}
	for _, tc := range []struct{ text, want string }{
		{"---\ndate: 2026-11-02T09:00:00Z\n---\n- [ ] send it due:", "2026-11-02 (the entry's day, Monday 2 November); " +
			"2026-11-03 (the day after the entry, Tuesday 3 November); 2026-11-04 (wed, Wednesday 4 November)"},
		{"---\ndate: someday\n---\n- [ ] send it due:", "2026-11-22 (today, Sunday 22 November); 2026-11-23 (tomorrow, Monday 23 November); " +
			"2026-11-24 (tue, Tuesday 24 November)"},
	} {
		c.edit(rel, tc.text, 2)
		if got := labels(c.complete(rel, tc.text, 3, "due:")); !strings.HasPrefix(got, tc.want) {
			t.Errorf("%q:\n got %s\nwant %s...", tc.text, got, tc.want)
		}
	}
}

// TestDiagnostics: what lead check says of the file, where it says it,
// as the text changes and before it is saved.
func TestDiagnostics(t *testing.T) {
	c := start(t, people, time.Hour)
	rel := "entries/2026/11/2026-11-22-1600-new.md"
	text := "---\ndate: 2026-11-22T16:00:00Z\nkind: standup\nwith: [dana-smith, sam]\n---\n- [ ] Send it due:fri\n"
	got := c.open(rel, text)
	// Where each is, and its words: lead check's, for the same file saved.
	write(t, filepath.Join(c.root, rel), text)
	j, _, err := journal.Open(c.root)
	if err != nil {
		t.Fatal(err)
	}
	s, _ := j.Read(journal.ReadOptions{Entries: journal.Everything})
	var want []string
	places := []string{"2:6-2:13 error ", "3:19-3:22 error ", "5:14-5:21 warning "}
	for _, f := range s.Check() {
		if f.Path == filepath.Join(c.root, rel) && len(want) < len(places) {
			want = append(want, places[len(want)]+f.Message)
		}
	}
	if len(want) != 3 || !strings.Contains(want[1], `with: no person "sam"`) {
		t.Fatalf("lead check says: %q", want)
	}
	if s := showDiagnostics(got); s != strings.Join(want, "\n") {
		t.Errorf("diagnostics:\n%s\nwant\n%s", s, strings.Join(want, "\n"))
	}
	if got := c.edit(rel, "---\ndate: 2026-11-22T16:00:00Z\nkind: 1on1\nwith: [dana-smith]\n---\n", 2); len(got) != 0 {
		t.Errorf("fixed, still: %s", showDiagnostics(got))
	}
	// Columns count UTF-16 units, as the protocol does: 😀 is two.
	got = c.edit(rel, "---\ndate: 2026-11-22T16:00:00Z\nkind: 1on1\n---\n- [ ] 😀 é due:fri\n", 3)
	if s := showDiagnostics(got); !strings.HasPrefix(s, "4:11-4:18 warning due:fri") {
		t.Errorf("after wide characters: %s", s)
	}
	if got := c.edit(rel, "---\ndate: [\n---\n", 4); len(got) != 1 || *got[0].Severity != protocol.DiagnosticSeverityError || got[0].Range.Start.Line != 1 {
		t.Errorf("broken front matter: %s", showDiagnostics(got))
	}
}

// TestFileInNoJournal: a file outside any journal is answered from the
// default journal (--dir, LEAD_DIR, ...).
func TestFileInNoJournal(t *testing.T) {
	c := start(t, people, time.Hour)
	elsewhere := filepath.Join(t.TempDir(), "scratch.md")
	serverSide, clientSide := net.Pipe()
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() {
		Serve(ctx, serverSide, Options{Now: func() time.Time { return now }, Journal: func() string { return c.root }})
		close(done)
	}()
	conn := jsonrpc2.NewConn(ctx, jsonrpc2.NewBufferedStream(clientSide, jsonrpc2.VSCodeObjectCodec{}),
		jsonrpc2.HandlerWithError(func(context.Context, *jsonrpc2.Conn, *jsonrpc2.Request) (any, error) { return nil, nil }))
	defer func() {
		conn.Close()
		cancel()
		<-done
	}()
	var init protocol.InitializeResult
	if err := conn.Call(ctx, protocol.MethodInitialize, protocol.InitializeParams{}, &init); err != nil {
		t.Fatal(err)
	}
	text := "---\nwith: [\n---\n"
	uri := pathURI(elsewhere)
	conn.Notify(ctx, protocol.MethodTextDocumentDidOpen, protocol.DidOpenTextDocumentParams{TextDocument: protocol.TextDocumentItem{URI: uri, Text: text, Version: 1}})
	var list protocol.CompletionList
	params := protocol.CompletionParams{TextDocumentPositionParams: at(elsewhere, 1, 7)}
	if err := conn.Call(ctx, protocol.MethodTextDocumentCompletion, params, &list); err != nil {
		t.Fatal(err)
	}
	if got := labels(list.Items); !strings.HasPrefix(got, "dana-smith (Dana Smith (boss))") {
		t.Errorf("completion from the default journal: %s", got)
	}
}

func showDiagnostics(ds []protocol.Diagnostic) string {
	var out []string
	for _, d := range ds {
		sev := "error"
		if *d.Severity == protocol.DiagnosticSeverityWarning {
			sev = "warning"
		}
		r := d.Range
		out = append(out, strings.Join([]string{
			itoa(r.Start.Line) + ":" + itoa(r.Start.Character) + "-" + itoa(r.End.Line) + ":" + itoa(r.End.Character), sev, d.Message}, " "))
	}
	return strings.Join(out, "\n")
}

func itoa(n uint32) string { return strconv.FormatUint(uint64(n), 10) }

// TestHoverAndNavigation: a person's card on a slug or mention, a
// practice's meaning, a commitment's id; definition and references.
func TestHoverAndNavigation(t *testing.T) {
	c := start(t, people, time.Hour)
	rel := "entries/2026/11/2026-11-22-1600-new.md"
	text := "---\nwith: [dana-smith]\npractices: [previewed]\n---\n- [ ] @lee-wong sends the plan due:2026-11-30\n"
	c.open(rel, text)
	card := c.hover(rel, text, 1, "dan")
	for _, want := range []string{"**Dana Smith** (dana-smith) · boss, up", "style: detail · prefers: slack · cadence: 7d",
		"Last contact: 2026-11-20, 2 days ago (Q3 review) · next by 2026-11-27",
		"I owe (1):\n- Send the revised deck due:2026-11-25 (due 2026-11-25)", "They owe (1):\n- @dana-smith intro to the SVP's chief of staff"} {
		if !strings.Contains(card, want) {
			t.Errorf("card lacks %q:\n%s", want, card)
		}
	}
	if card := c.hover(rel, text, 4, "@le"); !strings.Contains(card, "**Lee Wong** (lee-wong) · peer, side") {
		t.Errorf("mention: %s", card)
	}
	if h := c.hover(rel, text, 2, "prev"); !strings.Contains(h, "never upstage the boss") {
		t.Errorf("practice: %s", h)
	}
	if h := c.hover(rel, text, 4, "sends"); !strings.Contains(h, "**commitment ") || !strings.Contains(h, "Lee Wong owes it (due 2026-11-30)") {
		t.Errorf("commitment: %s", h)
	}
	var loc protocol.Location
	c.call(protocol.MethodTextDocumentDefinition, protocol.DefinitionParams{TextDocumentPositionParams: c.position(rel, text, 4, "@le")}, &loc)
	if loc.URI != c.uri("people/lee-wong.md") {
		t.Errorf("definition: %s", loc.URI)
	}
	person := "people/dana-smith.md"
	c.open(person, people[person])
	if h := c.hover(person, people[person], 1, "name"); !strings.Contains(h, "**Dana Smith** (dana-smith) · boss, up") {
		t.Errorf("in the person's own file: %s", h)
	}
	var refs []protocol.Location
	c.call(protocol.MethodTextDocumentReferences, protocol.ReferenceParams{TextDocumentPositionParams: c.position(person, people[person], 1, "name")}, &refs)
	if len(refs) != 2 || refs[0].URI != c.uri("entries/2026/11/2026-11-20-1000-q3.md") || refs[1].URI != c.uri("entries/2026/11/2026-11-18-0900-budget.md") {
		t.Errorf("references: %v", refs)
	}
}

// TestCodeActions: tick a commitment, write a relative due date as its
// date, add a person the journal does not know.
func TestCodeActions(t *testing.T) {
	c := start(t, people, time.Hour)
	rel := "entries/2026/11/2026-11-22-1600-new.md"
	text := "---\nkind: 1on1\nwith: [sam-okafor]\n---\n- [ ] Send it due:fri\n"
	c.open(rel, text)
	actions := func(line int) []protocol.CodeAction {
		var out []protocol.CodeAction
		r := protocol.Range{Start: protocol.Position{Line: uint32(line)}, End: protocol.Position{Line: uint32(line)}}
		c.call(protocol.MethodTextDocumentCodeAction, protocol.CodeActionParams{TextDocument: protocol.TextDocumentIdentifier{URI: c.uri(rel)}, Range: r}, &out)
		return out
	}
	got := actions(4)
	if len(got) != 2 || got[0].Title != "Tick: Send it due:fri" || got[1].Title != "Write due:fri as due:2026-11-27" {
		t.Fatalf("actions: %+v", got)
	}
	for i, want := range []string{"4:3-4:4 x", "4:14-4:21 due:2026-11-27"} {
		e := got[i].Edit.Changes[c.uri(rel)][0]
		if s := itoa(e.Range.Start.Line) + ":" + itoa(e.Range.Start.Character) + "-" + itoa(e.Range.End.Line) + ":" + itoa(e.Range.End.Character) + " " + e.NewText; s != want {
			t.Errorf("%s: %s, want %s", got[i].Title, s, want)
		}
	}
	got = actions(2)
	if len(got) != 1 || got[0].Command == nil || got[0].Command.Command != commandAddPerson {
		t.Fatalf("actions on an unknown slug: %+v", got)
	}
	var result any
	c.call(protocol.MethodWorkspaceExecuteCommand, protocol.ExecuteCommandParams{Command: got[0].Command.Command, Arguments: got[0].Command.Arguments}, &result)
	data, err := os.ReadFile(filepath.Join(c.root, "people/sam-okafor.md"))
	if err != nil || !strings.Contains(string(data), "name: Sam Okafor") {
		t.Fatalf("person file: %v %s", err, data)
	}
	// The journal is read again, and the slug is known.
	for ds := c.diagnostics(rel, 1); ; ds = c.diagnostics(rel, 1) {
		if !strings.Contains(showDiagnostics(ds), "sam-okafor") {
			break
		}
	}
}

// TestFilesChangedOnDisk: a person added by another program is known on
// the next answer after a rescan, and at once when the editor says a
// watched file changed.
func TestFilesChangedOnDisk(t *testing.T) {
	c := start(t, people, time.Hour)
	rel := "entries/2026/11/2026-11-22-1600-new.md"
	text := "---\nwith: [\n---\n"
	c.open(rel, text)
	write(t, filepath.Join(c.root, "people/ada-lovelace.md"), "---\nname: Ada Lovelace\nrelation: mentor\n---\n")
	c.notify(protocol.MethodWorkspaceDidChangeWatchedFiles, protocol.DidChangeWatchedFilesParams{Changes: []protocol.FileEvent{
		{URI: c.uri("people/ada-lovelace.md"), Type: protocol.FileChangeTypeCreated}}})
	c.waitFor(rel, text, "ada-lovelace (Ada Lovelace (mentor))")
	select {
	case m := <-c.asked:
		if m != string(protocol.ServerClientRegisterCapability) {
			t.Errorf("the server asked for %s", m)
		}
	case <-time.After(10 * time.Second):
		t.Error("the server never asked the editor to watch the files")
	}

	// lead.yaml is read again too.
	write(t, filepath.Join(c.root, journal.ConfigFile), "kinds: [offsite]\n")
	c.notify(protocol.MethodWorkspaceDidChangeWatchedFiles, protocol.DidChangeWatchedFilesParams{Changes: []protocol.FileEvent{
		{URI: c.uri(journal.ConfigFile), Type: protocol.FileChangeTypeChanged}}})
	kind := "---\nkind: \n---\n"
	c.edit(rel, kind, 2)
	deadline := time.Now().Add(10 * time.Second)
	for !strings.Contains(labels(c.complete(rel, kind, 1, "kind: ")), "offsite") {
		if time.Now().After(deadline) {
			t.Fatal("a kind added in lead.yaml is never offered")
		}
		time.Sleep(10 * time.Millisecond)
	}
	c.edit(rel, text, 3)

	c = start(t, people, time.Millisecond)
	c.open(rel, text)
	write(t, filepath.Join(c.root, "people/ada-lovelace.md"), "---\nname: Ada Lovelace\nrelation: mentor\n---\n")
	time.Sleep(5 * time.Millisecond)
	c.waitFor(rel, text, "ada-lovelace")
}

// waitFor asks for the people in with: until want is among them.
func (c *client) waitFor(rel, text, want string) {
	c.t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for !strings.Contains(labels(c.complete(rel, text, 1, "[")), want) {
		if time.Now().After(deadline) {
			c.t.Fatalf("a file added on disk is never read")
		}
		time.Sleep(10 * time.Millisecond)
	}
}

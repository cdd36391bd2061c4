// Package lsp is lead's language server: completion, diagnostics, hover,
// navigation and code actions for the files of a journal, in any editor
// that speaks the Language Server Protocol. The protocol's types and
// dispatch are github.com/tliron/glsp's; the answers come from the
// journal package, read into memory once and kept current as files change.
package lsp

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/lead-journal/lead/journal"
	"github.com/sourcegraph/jsonrpc2"
	"github.com/tliron/glsp"
	protocol "github.com/tliron/glsp/protocol_3_16"
)

// Options are what a server needs from the process that runs it.
type Options struct {
	Now func() time.Time
	// Journal returns the journal for files in no journal (--dir,
	// LEAD_DIR, the user config, ~/lead); "" when there is none.
	Journal func() string
	Log     io.Writer     // where problems of the server itself go (stderr)
	Version string        // reported to the editor
	Delay   time.Duration // how long typing must pause before diagnostics; 0 for the default
	// Rescan is how old the journal's read may be before an answer reads
	// it again in the background, for files changed on disk; 0 for the default.
	Rescan time.Duration
}

// Default delays.
const (
	DefaultDelay  = 150 * time.Millisecond
	DefaultRescan = 5 * time.Second
)

// Serve answers the editor on stream until it exits or ctx ends.
func Serve(ctx context.Context, stream io.ReadWriteCloser, o Options) {
	if o.Delay == 0 {
		o.Delay = DefaultDelay
	}
	if o.Rescan == 0 {
		o.Rescan = DefaultRescan
	}
	s := &server{opts: o, workspaces: map[string]*workspace{}, docs: map[string]*document{}}
	s.handler = s.protocolHandler()
	conn := jsonrpc2.NewConn(ctx, jsonrpc2.NewBufferedStream(stream, jsonrpc2.VSCodeObjectCodec{}), jsonrpc2.HandlerWithError(s.handle))
	select {
	case <-conn.DisconnectNotify():
	case <-ctx.Done():
		conn.Close()
	}
	s.reads.Wait() // no read of a journal is left writing its index
}

// server is one editor's connection.
type server struct {
	opts     Options
	handler  *protocol.Handler
	snippets bool           // the editor takes completions as snippets
	watches  bool           // the editor watches files for the server when asked
	reads    sync.WaitGroup // reads of the journals under way

	mu         sync.Mutex
	conn       *jsonrpc2.Conn        // set by the first message
	workspaces map[string]*workspace // by journal root
	docs       map[protocol.DocumentUri]*document
}

// document is a file open in the editor, with its unsaved text.
type document struct {
	uri     protocol.DocumentUri
	path    string
	rel     string // in its journal, with slashes; "" for a file in none
	ws      *workspace
	text    string
	version protocol.Integer
	timer   *time.Timer

	publishing sync.Mutex // one publish at a time, so the last sent is of the latest text
}

// handle hands a message to glsp's dispatch, as glsp's own server does.
func (s *server) handle(ctx context.Context, conn *jsonrpc2.Conn, req *jsonrpc2.Request) (any, error) {
	s.mu.Lock()
	s.conn = conn
	s.mu.Unlock()
	c := &glsp.Context{
		Method: req.Method,
		Notify: func(method string, params any) { s.notify(method, params) },
		Call: func(method string, params any, result any) {
			if err := conn.Call(ctx, method, params, result); err != nil {
				s.logf("%s: %v", method, err)
			}
		},
	}
	if req.Params != nil {
		c.Params = *req.Params
	}
	r, validMethod, validParams, err := s.handler.Handle(c)
	switch {
	case req.Method == protocol.MethodExit:
		return nil, conn.Close()
	case !validMethod:
		return nil, &jsonrpc2.Error{Code: jsonrpc2.CodeMethodNotFound, Message: "method not supported: " + req.Method}
	case !validParams:
		return nil, &jsonrpc2.Error{Code: jsonrpc2.CodeInvalidParams, Message: fmt.Sprint(err)}
	case err != nil:
		return nil, &jsonrpc2.Error{Code: jsonrpc2.CodeInvalidRequest, Message: err.Error()}
	}
	return r, nil
}

func (s *server) notify(method string, params any) {
	s.mu.Lock()
	conn := s.conn
	s.mu.Unlock()
	if err := conn.Notify(context.Background(), method, params); err != nil {
		s.logf("%s: %v", method, err)
	}
}

func (s *server) logf(format string, args ...any) {
	if s.opts.Log != nil {
		fmt.Fprintf(s.opts.Log, "lead lsp: "+format+"\n", args...)
	}
}

func (s *server) protocolHandler() *protocol.Handler {
	return &protocol.Handler{
		Initialize: s.initialize,
		Initialized: func(c *glsp.Context, _ *protocol.InitializedParams) error {
			if s.watches {
				// Asked from another goroutine: the answer comes through the
				// loop that is running this handler.
				go c.Call(protocol.ServerClientRegisterCapability, watchFiles, nil)
			}
			return nil
		},
		Shutdown: func(*glsp.Context) error { return nil },
		SetTrace: func(*glsp.Context, *protocol.SetTraceParams) error { return nil },
		TextDocumentDidOpen: func(_ *glsp.Context, p *protocol.DidOpenTextDocumentParams) error {
			s.open(p.TextDocument.URI, p.TextDocument.Text, p.TextDocument.Version)
			return nil
		},
		TextDocumentDidChange: func(_ *glsp.Context, p *protocol.DidChangeTextDocumentParams) error {
			for _, c := range p.ContentChanges {
				if whole, ok := c.(protocol.TextDocumentContentChangeEventWhole); ok {
					s.change(p.TextDocument.URI, whole.Text, p.TextDocument.Version)
				}
			}
			return nil
		},
		TextDocumentDidSave: func(_ *glsp.Context, p *protocol.DidSaveTextDocumentParams) error {
			if d := s.doc(p.TextDocument.URI); d != nil && d.ws != nil {
				d.ws.refresh()
			}
			return nil
		},
		TextDocumentDidClose: func(_ *glsp.Context, p *protocol.DidCloseTextDocumentParams) error {
			s.close(p.TextDocument.URI)
			return nil
		},
		WorkspaceDidChangeWatchedFiles: func(_ *glsp.Context, p *protocol.DidChangeWatchedFilesParams) error {
			// Every journal open here that holds a changed file is read again.
			s.mu.Lock()
			var changed []*workspace
			for root, w := range s.workspaces {
				if slices.ContainsFunc(p.Changes, func(c protocol.FileEvent) bool { return inside(root, uriPath(c.URI)) }) {
					changed = append(changed, w)
				}
			}
			s.mu.Unlock()
			for _, w := range changed {
				w.refresh()
			}
			return nil
		},
		TextDocumentCompletion: func(_ *glsp.Context, p *protocol.CompletionParams) (any, error) {
			return s.completion(p.TextDocument.URI, p.Position), nil
		},
		TextDocumentHover: func(_ *glsp.Context, p *protocol.HoverParams) (*protocol.Hover, error) {
			return s.hover(p.TextDocument.URI, p.Position), nil
		},
		TextDocumentDefinition: func(_ *glsp.Context, p *protocol.DefinitionParams) (any, error) {
			if loc := s.definition(p.TextDocument.URI, p.Position); loc != nil {
				return loc, nil
			}
			return nil, nil
		},
		TextDocumentReferences: func(_ *glsp.Context, p *protocol.ReferenceParams) ([]protocol.Location, error) {
			return s.references(p.TextDocument.URI, p.Position, p.Context.IncludeDeclaration), nil
		},
		TextDocumentCodeAction: func(_ *glsp.Context, p *protocol.CodeActionParams) (any, error) {
			return s.codeActions(p.TextDocument.URI, p.Range), nil
		},
		WorkspaceExecuteCommand: func(_ *glsp.Context, p *protocol.ExecuteCommandParams) (any, error) {
			return nil, s.execute(p.Command, p.Arguments)
		},
	}
}

func (s *server) initialize(_ *glsp.Context, p *protocol.InitializeParams) (any, error) {
	s.readRoots(p)
	if ws := p.Capabilities.Workspace; ws != nil && ws.DidChangeWatchedFiles != nil {
		s.watches = ws.DidChangeWatchedFiles.DynamicRegistration != nil && *ws.DidChangeWatchedFiles.DynamicRegistration
	}
	if td := p.Capabilities.TextDocument; td != nil && td.Completion != nil && td.Completion.CompletionItem != nil {
		s.snippets = td.Completion.CompletionItem.SnippetSupport != nil && *td.Completion.CompletionItem.SnippetSupport
	}
	sync := protocol.TextDocumentSyncKindFull
	yes := true
	return protocol.InitializeResult{
		Capabilities: protocol.ServerCapabilities{
			TextDocumentSync: protocol.TextDocumentSyncOptions{OpenClose: &yes, Change: &sync, Save: true},
			CompletionProvider: &protocol.CompletionOptions{
				TriggerCharacters: []string{"@", ":", "[", ",", " ", "-"},
			},
			HoverProvider:      true,
			DefinitionProvider: true,
			ReferencesProvider: true,
			CodeActionProvider: true,
			ExecuteCommandProvider: &protocol.ExecuteCommandOptions{
				Commands: []string{commandAddPerson},
			},
		},
		ServerInfo: &protocol.InitializeResultServerInfo{Name: "lead", Version: &s.opts.Version},
	}, nil
}

// readRoots starts reading, before any file is opened, the journals the
// editor was started in: each root that is a journal or is inside one,
// else the default journal, so that the first answer waits for as little
// of the read as it can.
func (s *server) readRoots(p *protocol.InitializeParams) {
	var roots []string
	if p.RootURI != nil {
		roots = append(roots, uriPath(*p.RootURI))
	} else if p.RootPath != nil {
		roots = append(roots, *p.RootPath)
	}
	for _, f := range p.WorkspaceFolders {
		roots = append(roots, uriPath(f.URI))
	}
	read := false
	for _, root := range roots {
		if root == "" {
			continue
		}
		if isJournal(root) {
			root = filepath.Join(root, journal.EntriesDir) // the journal's own file
		}
		if _, ok := journalRoot(filepath.Join(root, "x.md")); ok {
			read = s.workspaceFor(filepath.Join(root, "x.md")) != nil || read
		}
	}
	if !read {
		s.workspaceFor("") // the default journal
	}
}

// watchFiles asks the editor to say when a Markdown file or a journal's
// settings change on disk, whoever changed them.
var watchFiles = protocol.RegistrationParams{Registrations: []protocol.Registration{{
	ID: "lead-files", Method: string(protocol.MethodWorkspaceDidChangeWatchedFiles),
	RegisterOptions: protocol.DidChangeWatchedFilesRegistrationOptions{Watchers: []protocol.FileSystemWatcher{
		{GlobPattern: "**/*.md"}, {GlobPattern: "**/" + journal.ConfigFile}}},
}}}

// inside reports whether path is in the directory root.
func inside(root, path string) bool {
	rel, err := filepath.Rel(root, path)
	return path != "" && err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator))
}

// uriPath returns the file path of a file: URI, or "".
func uriPath(uri protocol.DocumentUri) string {
	u, err := url.Parse(string(uri))
	if err != nil || u.Scheme != "file" {
		return ""
	}
	return filepath.FromSlash(u.Path)
}

// pathURI returns the file: URI of an absolute path.
func pathURI(path string) protocol.DocumentUri {
	return protocol.DocumentUri((&url.URL{Scheme: "file", Path: filepath.ToSlash(path)}).String())
}

// workspaceFor returns the workspace of the journal path is in, opening
// it on first use: the journal found from the file's location, else the
// default journal. nil when there is neither.
func (s *server) workspaceFor(path string) *workspace {
	root, ok := journalRoot(path)
	if !ok && s.opts.Journal != nil {
		root = s.opts.Journal()
	}
	if root == "" {
		return nil
	}
	if info, err := os.Stat(root); err != nil || !info.IsDir() {
		return nil // the default journal is made by commands that write, never here
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if w := s.workspaces[root]; w != nil {
		return w
	}
	j, _, err := journal.Open(root)
	if err != nil {
		s.logf("%v", err)
		return nil
	}
	w := newWorkspace(j, &s.reads, s.reread)
	s.workspaces[root] = w
	return w
}

// reread publishes the diagnostics of the open files of w again, after a
// new read of its journal (a person added makes a slug known).
func (s *server) reread(w *workspace) {
	s.mu.Lock()
	var open []*document
	for _, d := range s.docs {
		if d.ws == w {
			open = append(open, d)
		}
	}
	s.mu.Unlock()
	for _, d := range open {
		s.publish(d)
	}
}

func (s *server) open(uri protocol.DocumentUri, text string, version protocol.Integer) {
	path := uriPath(uri)
	d := &document{uri: uri, path: path, text: text, version: version}
	if path != "" {
		if d.ws = s.workspaceFor(path); d.ws != nil {
			if rel, err := filepath.Rel(d.ws.root, path); err == nil && inside(d.ws.root, path) {
				d.rel = filepath.ToSlash(rel)
			}
			d.ws.refreshIfOlder(s.opts.Rescan)
		}
	}
	s.mu.Lock()
	s.docs[uri] = d
	s.mu.Unlock()
	go s.publish(d)
}

func (s *server) change(uri protocol.DocumentUri, text string, version protocol.Integer) {
	s.mu.Lock()
	defer s.mu.Unlock()
	d := s.docs[uri]
	if d == nil {
		return
	}
	d.text, d.version = text, version
	if d.timer != nil {
		d.timer.Stop()
	}
	d.timer = time.AfterFunc(s.opts.Delay, func() { s.publish(d) })
}

func (s *server) close(uri protocol.DocumentUri) {
	s.mu.Lock()
	d := s.docs[uri]
	delete(s.docs, uri)
	if d != nil && d.timer != nil {
		d.timer.Stop()
	}
	s.mu.Unlock()
	if d != nil {
		s.notify(protocol.ServerTextDocumentPublishDiagnostics, protocol.PublishDiagnosticsParams{URI: uri, Diagnostics: []protocol.Diagnostic{}})
	}
}

// doc returns the open document, or nil.
func (s *server) doc(uri protocol.DocumentUri) *document {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.docs[uri]
}

// state returns an open document's text and its journal's current view,
// reading the journal again in the background when its read is old.
// The view is nil for a file in no journal.
func (s *server) state(uri protocol.DocumentUri) (*text, *document, *view) {
	s.mu.Lock()
	d := s.docs[uri]
	var body string
	if d != nil {
		body = d.text
	}
	s.mu.Unlock()
	if d == nil {
		return nil, nil, nil
	}
	if d.ws == nil {
		return newText(body), d, nil
	}
	d.ws.refreshIfOlder(s.opts.Rescan)
	return newText(body), d, d.ws.current()
}

// inspect reads an open document's text as lead reads that file.
func (d *document) inspect(v *view, body string) *journal.Inspection {
	if d.rel == "" {
		return &journal.Inspection{}
	}
	return v.snap.Inspect(d.rel, []byte(body))
}

// publish sends the diagnostics of an open document's current text.
func (s *server) publish(d *document) {
	if d.ws == nil || d.rel == "" {
		return
	}
	v := d.ws.current()
	d.publishing.Lock()
	defer d.publishing.Unlock()
	s.mu.Lock()
	body, version, open := d.text, d.version, s.docs[d.uri] == d
	s.mu.Unlock()
	if !open {
		return
	}
	t := newText(body)
	diags := []protocol.Diagnostic{}
	for _, f := range d.inspect(v, body).Findings {
		diags = append(diags, diagnostic(t, f))
	}
	n := protocol.UInteger(version)
	s.notify(protocol.ServerTextDocumentPublishDiagnostics, protocol.PublishDiagnosticsParams{URI: d.uri, Version: &n, Diagnostics: diags})
}

// diagnostic places a finding in the text: on the word it is about when
// that is on its line, else across the whole line (the first line for a
// finding about the whole file).
func diagnostic(t *text, f journal.Finding) protocol.Diagnostic {
	n := max(f.Line-1, 0)
	line := t.line(n)
	start, end := 0, len(line)
	if i := findWord(line, f.Subject); i >= 0 {
		start, end = i, i+len(f.Subject)
	}
	severity := protocol.DiagnosticSeverityError
	if f.Severity == journal.SeverityWarning {
		severity = protocol.DiagnosticSeverityWarning
	}
	source := "lead"
	return protocol.Diagnostic{Range: t.span(n, start, end), Severity: &severity, Source: &source, Message: f.Message}
}

// decode reads a command argument into v.
func decode(arg any, v any) error {
	data, err := json.Marshal(arg)
	if err != nil {
		return err
	}
	return json.Unmarshal(data, v)
}

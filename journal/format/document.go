package format

import (
	"bytes"
	"cmp"
	"errors"
	"fmt"
	"io/fs"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"gopkg.in/yaml.v3"
)

// Problem is something wrong with one file, at one line when known.
type Problem struct {
	Path string // the file, as given to the reader; "" for text from the command line
	Line int    // 1-based; 0 when the problem is not at one line
	Msg  string
}

func (p *Problem) Error() string {
	if p.Path == "" {
		return p.Msg
	}
	if p.Line > 0 {
		return fmt.Sprintf("%s:%d: %s", p.Path, p.Line, p.Msg)
	}
	return fmt.Sprintf("%s: %s", p.Path, p.Msg)
}

// AsProblem is err as a problem with the file at path: err itself when
// it is one, and the cause of a failed system call without the path it
// repeats.
func AsProblem(path string, err error) *Problem {
	var p *Problem
	if errors.As(err, &p) {
		return p
	}
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return &Problem{Path: path, Msg: pe.Err.Error()}
	}
	return &Problem{Path: path, Msg: err.Error()}
}

// MaxFileSize is the largest journal file lead reads; larger files are
// reported, not parsed.
const MaxFileSize = 8 << 20

// maxFrontMatter bounds the front matter handed to the YAML decoder.
const maxFrontMatter = 256 << 10

// MaxDepth is how deeply front matter may nest, counting the map of its
// keys as the first level. Real front matter nests two or three levels;
// a deeper one is refused as a problem of its file, so that it cannot
// break, or blow up, the JSON of a listing or an export.
const MaxDepth = 32

var bom = []byte("\xEF\xBB\xBF")

// splitFrontMatter splits text (without a byte order mark) into its
// front matter and body by the rules of adrg/frontmatter's YAML format:
// blank lines may come first, the front matter opens at a line that is
// "---" and closes at the next line that is "---", each compared after
// trimming white space. It works in memory on the bytes it is given: at
// 100,000 files that is the difference between 0.3 µs and 11 µs a file
// (docs/performance.md). FuzzSplitFrontMatter holds it to adrg's results.
func splitFrontMatter(text []byte) (front, body []byte, ok bool) {
	off, opened, start := 0, false, 0
	for off < len(text) {
		end := bytes.IndexByte(text[off:], '\n')
		next := len(text)
		if end >= 0 {
			next = off + end + 1
		}
		line := bytes.TrimSpace(text[off:next])
		switch {
		case !opened && len(line) == 0:
		case !opened && string(line) == "---":
			opened, start = true, next
		case !opened:
			return nil, nil, false
		case string(line) == "---":
			return text[start:off], text[next:], true
		}
		off = next
	}
	return nil, nil, false
}

// Document is a Markdown file with YAML front matter.
type Document struct {
	path     string
	Fields   []Field
	front    string // the front matter's text
	metaLine int    // file line of the first front matter line
	Body     []byte // everything after the closing delimiter, byte for byte
	BodyLine int    // file line of the body's first line
}

// ParseDocument splits data into front matter and body and decodes the
// front matter: the forms lead writes by a fast reader, anything else by
// yaml.v3. Every error is a *Problem naming path and, where known, the line.
func ParseDocument(path string, data []byte) (*Document, error) {
	d, err := splitDocument(path, data)
	if err != nil {
		return nil, err
	}
	if fields, ok := decodeFast(d.front, d.metaLine); ok {
		d.Fields = fields
		return d, nil
	}
	node, err := d.Node()
	if err != nil {
		return nil, err
	}
	d.Fields = fieldsOf(node, d.metaLine)
	if err := d.duplicateKey(); err != nil {
		return nil, err
	}
	return d, nil
}

// duplicateKey reports a key given twice, with both lines. YAML forbids
// it and readers disagree on which value wins, so lead reads neither: the
// file is reported until one is removed. (The fast reader never accepts
// a duplicate; yaml.v3 does when decoding into nodes.)
func (d *Document) duplicateKey() error {
	first := make(map[string]int, len(d.Fields))
	for _, f := range d.Fields {
		if line, ok := first[f.Key]; ok {
			return &Problem{d.path, f.Line, fmt.Sprintf("key %q given twice, at lines %d and %d: keep one", f.Key, line, f.Line)}
		}
		first[f.Key] = f.Line
	}
	return nil
}

// splitDocument checks data and splits it into front matter and body,
// without decoding the front matter.
func splitDocument(path string, data []byte) (*Document, error) {
	if len(data) > MaxFileSize {
		return nil, &Problem{path, 0, fmt.Sprintf("file is %d bytes, larger than the %d lead reads", len(data), MaxFileSize)}
	}
	if bytes.IndexByte(data, 0) >= 0 {
		return nil, &Problem{path, 0, "binary file (contains NUL bytes)"}
	}
	if !utf8.Valid(data) {
		return nil, &Problem{path, lineOf(data, invalidUTF8(data)), "invalid UTF-8"}
	}
	text := bytes.TrimPrefix(data, bom)
	open := openingLine(text)
	if open == 0 {
		return nil, &Problem{path, 1, "no front matter: the file must start with a line of three dashes (---)"}
	}
	if len(text) > maxFrontMatter && !closesWithin(text, maxFrontMatter) {
		return nil, &Problem{path, open, fmt.Sprintf("front matter is not closed within its first %d bytes", maxFrontMatter)}
	}
	front, rest, ok := splitFrontMatter(text)
	if !ok {
		return nil, &Problem{path, open, "front matter is not closed: add a line of three dashes (---) after it"}
	}
	head := len(text) - len(rest)
	return &Document{path: path, front: string(front), metaLine: open + 1, Body: rest,
		BodyLine: bytes.Count(text[:head], []byte("\n")) + 1}, nil
}

// Body returns the body of the file path, read as data, as a string of
// its own.
func Body(path string, data []byte) (string, error) {
	d, err := splitDocument(path, data)
	if err != nil {
		return "", err
	}
	return string(d.Body), nil
}

// node decodes the front matter with yaml.v3.
func (d *Document) Node() (*yaml.Node, error) {
	var node yaml.Node
	if err := yaml.Unmarshal([]byte(d.front), &node); err != nil {
		return nil, YAMLProblem(d.path, d.metaLine-1, err)
	}
	switch {
	case node.Kind == 0, node.Kind == yaml.DocumentNode && len(node.Content) == 0: // empty, or only comments
		return &yaml.Node{Kind: yaml.MappingNode}, nil
	case node.Kind == yaml.DocumentNode && len(node.Content) == 1 && node.Content[0].Kind == yaml.MappingNode:
		meta := node.Content[0]
		if deep := tooDeep(meta); deep != nil {
			return nil, &Problem{d.path, d.metaLine - 1 + deep.Line, fmt.Sprintf("front matter nests deeper than the %d levels lead reads", MaxDepth)}
		}
		return meta, nil
	}
	return nil, &Problem{d.path, d.metaLine, "front matter must be a map of keys to values"}
}

// tooDeep returns the first node of n nested deeper than MaxDepth, n
// being the first level, or nil. An alias counts as the node it names.
func tooDeep(n *yaml.Node) *yaml.Node {
	heights := map[*yaml.Node]int{}
	var height func(n *yaml.Node) int
	height = func(n *yaml.Node) int {
		if n.Kind == yaml.AliasNode && n.Alias != nil {
			n = n.Alias
		}
		if h, ok := heights[n]; ok {
			return h
		}
		heights[n] = 1 // until known: an alias of an enclosing node adds nothing
		h := 1
		for _, c := range n.Content {
			h = max(h, 1+height(c))
		}
		heights[n] = h
		return h
	}
	for level := 1; ; level++ {
		if level > MaxDepth {
			return n
		}
		if height(n) <= MaxDepth-level+1 {
			return nil
		}
		if n.Kind == yaml.AliasNode && n.Alias != nil {
			n = n.Alias
		}
		n = slices.MaxFunc(n.Content, func(a, b *yaml.Node) int { return cmp.Compare(height(a), height(b)) })
	}
}

// openingLine returns the 1-based line of the opening "---", allowing blank
// lines before it, or 0 when the file does not start with front matter.
func openingLine(text []byte) int {
	for n := 1; len(text) > 0; n++ {
		line, rest, _ := bytes.Cut(text, []byte("\n"))
		switch strings.TrimSpace(string(line)) {
		case "":
			text = rest
			continue
		case "---":
			return n
		}
		return 0
	}
	return 0
}

// closesWithin reports whether a closing "---" line starts within the
// first limit bytes, so that no huge front matter reaches the decoder.
func closesWithin(text []byte, limit int) bool {
	seen := 0
	for off := 0; off < limit && off < len(text); {
		line, _, found := bytes.Cut(text[off:], []byte("\n"))
		if strings.TrimSpace(string(line)) == "---" {
			if seen++; seen == 2 {
				return true
			}
		}
		if !found {
			return false
		}
		off += len(line) + 1
	}
	return false
}

var yamlLine = regexp.MustCompile(`^yaml: (?:line (\d+): )?(.*)$`)

// YAMLProblem turns a yaml.v3 error into a Problem at the file line, given
// the file line of the opening delimiter (0 for a plain YAML file).
func YAMLProblem(path string, open int, err error) *Problem {
	msg := err.Error()
	var te *yaml.TypeError
	if errors.As(err, &te) && len(te.Errors) > 0 {
		msg = "yaml: " + te.Errors[0]
	}
	m := yamlLine.FindStringSubmatch(msg)
	if m == nil {
		return &Problem{path, open, msg}
	}
	line := open
	if n, err := strconv.Atoi(m[1]); err == nil {
		line = open + n
	}
	return &Problem{path, line, m[2]}
}

// Field returns the decoded key, or nil.
func (d *Document) Field(key string) *Field {
	for i := range d.Fields {
		if d.Fields[i].Key == key {
			return &d.Fields[i]
		}
	}
	return nil
}

// line returns the file line of key, or 0.
func (d *Document) Line(key string) int {
	if f := d.Field(key); f != nil {
		return f.Line
	}
	return 0
}

// text reads key as a single string; a missing or null key is "".
func (d *Document) Text(key string) (string, error) {
	f := d.Field(key)
	switch {
	case f == nil || f.Kind == valueNull:
		return "", nil
	case f.Kind != valueScalar && f.Kind != valueText:
		return "", &Problem{d.path, f.Line, fmt.Sprintf("%s: want a single value", key)}
	}
	return strings.TrimSpace(f.Value), nil
}

// list reads key as a list of strings. A single string is split on commas,
// so `tags: a, b` and `with: dana-smith` read as people write them.
func (d *Document) List(key string) ([]string, error) {
	f := d.Field(key)
	if f == nil || f.Kind == valueNull {
		return nil, nil
	}
	values := f.List
	switch f.Kind {
	case valueScalar, valueText:
		values = strings.Split(f.Value, ",")
	case valueList:
	default:
		return nil, &Problem{d.path, f.Line, fmt.Sprintf("%s: want a list of values", key)}
	}
	var out []string
	for _, s := range values {
		if s = strings.TrimSpace(s); s != "" {
			out = append(out, s)
		}
	}
	return out, nil
}

// extras returns the fields whose keys lead does not know.
func (d *Document) extras(known []string) []Field {
	var out []Field
	for _, f := range d.Fields {
		if !slices.Contains(known, f.Key) {
			out = append(out, f)
		}
	}
	return out
}

// fieldValues returns a Field's values as strings: one for a scalar, one
// per item for a list, none otherwise.
func fieldValues(fields []Field, key string) []string {
	for _, f := range fields {
		if f.Key != key {
			continue
		}
		switch f.Kind {
		case valueScalar, valueText:
			return []string{f.Value}
		case valueList:
			return f.List
		}
	}
	return nil
}

func lineOf(data []byte, offset int) int {
	return bytes.Count(data[:offset], []byte("\n")) + 1
}

func invalidUTF8(data []byte) int {
	for i := 0; i < len(data); {
		r, size := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && size <= 1 {
			return i
		}
		i += size
	}
	return 0
}

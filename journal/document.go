package journal

import (
	"bytes"
	"errors"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/adrg/frontmatter"
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

// MaxFileSize is the largest journal file lead reads; larger files are
// reported, not parsed.
const MaxFileSize = 8 << 20

// maxFrontMatter bounds the front matter handed to the YAML decoder.
const maxFrontMatter = 256 << 10

var bom = []byte("\xEF\xBB\xBF")

// yamlFormat makes adrg/frontmatter decode with yaml.v3 into a node, so
// that reading and writing agree and every key keeps its line number.
var yamlFormat = frontmatter.NewFormat("---", "---", yaml.Unmarshal)

// document is a Markdown file with YAML front matter.
type document struct {
	path     string
	meta     *yaml.Node // the front matter mapping
	metaLine int        // file line of the first front matter line
	body     []byte     // everything after the closing delimiter, byte for byte
	bodyLine int        // file line of the body's first line
}

// parseDocument splits data into front matter and body. Every error is a
// *Problem naming path and, where known, the line.
func parseDocument(path string, data []byte) (*document, error) {
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
	var node yaml.Node
	rest, err := frontmatter.MustParse(bytes.NewReader(text), &node, yamlFormat)
	if errors.Is(err, frontmatter.ErrNotFound) {
		return nil, &Problem{path, open, "front matter is not closed: add a line of three dashes (---) after it"}
	}
	if err != nil {
		return nil, yamlProblem(path, open, err)
	}
	head := len(text) - len(rest)
	d := &document{path: path, metaLine: open + 1, body: rest, bodyLine: bytes.Count(text[:head], []byte("\n")) + 1}
	switch {
	case node.Kind == 0: // empty front matter
		d.meta = &yaml.Node{Kind: yaml.MappingNode}
	case node.Kind == yaml.DocumentNode && len(node.Content) == 1 && node.Content[0].Kind == yaml.MappingNode:
		d.meta = node.Content[0]
	default:
		return nil, &Problem{path, d.metaLine, "front matter must be a map of keys to values"}
	}
	return d, nil
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

// yamlProblem turns a yaml.v3 error into a Problem at the file line, given
// the file line of the opening delimiter (0 for a plain YAML file).
func yamlProblem(path string, open int, err error) *Problem {
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

// field returns the value node of key and the key's file line.
func (d *document) field(key string) (*yaml.Node, int) {
	c := d.meta.Content
	for i := 0; i+1 < len(c); i += 2 {
		if c[i].Value == key {
			return c[i+1], d.metaLine + c[i].Line - 1
		}
	}
	return nil, 0
}

// keyLine returns the file line of key in a front matter mapping whose
// first line is file line metaLine, or 0 when the key is missing.
func keyLine(meta *yaml.Node, metaLine int, key string) int {
	_, line := (&document{meta: meta, metaLine: metaLine}).field(key)
	return line
}

// text reads key as a single string; a missing or null key is "".
func (d *document) text(key string) (string, error) {
	n, line := d.field(key)
	if n == nil || n.Tag == "!!null" {
		return "", nil
	}
	if n.Kind != yaml.ScalarNode {
		return "", &Problem{d.path, line, fmt.Sprintf("%s: want a single value", key)}
	}
	return strings.TrimSpace(n.Value), nil
}

// list reads key as a list of strings. A single string is split on commas,
// so `tags: a, b` and `with: dana-smith` read as people write them.
func (d *document) list(key string) ([]string, error) {
	n, line := d.field(key)
	if n == nil || n.Tag == "!!null" {
		return nil, nil
	}
	var out []string
	switch n.Kind {
	case yaml.ScalarNode:
		for _, s := range strings.Split(n.Value, ",") {
			if s = strings.TrimSpace(s); s != "" {
				out = append(out, s)
			}
		}
	case yaml.SequenceNode:
		for _, item := range n.Content {
			if item.Kind != yaml.ScalarNode {
				return nil, &Problem{d.path, d.metaLine + item.Line - 1, fmt.Sprintf("%s: want a list of values", key)}
			}
			if s := strings.TrimSpace(item.Value); s != "" {
				out = append(out, s)
			}
		}
	default:
		return nil, &Problem{d.path, line, fmt.Sprintf("%s: want a list of values", key)}
	}
	return out, nil
}

// values returns the scalar values of a front matter key as strings: one
// for a single value, one per item for a list, none when missing.
func values(meta *yaml.Node, key string) []string {
	if meta == nil {
		return nil
	}
	c := meta.Content
	for i := 0; i+1 < len(c); i += 2 {
		if c[i].Value != key {
			continue
		}
		switch v := c[i+1]; v.Kind {
		case yaml.ScalarNode:
			return []string{v.Value}
		case yaml.SequenceNode:
			var out []string
			for _, item := range v.Content {
				if item.Kind == yaml.ScalarNode {
					out = append(out, item.Value)
				}
			}
			return out
		}
	}
	return nil
}

// decodeMeta decodes the whole front matter into plain Go values.
func decodeMeta(meta *yaml.Node) map[string]any {
	out := map[string]any{}
	if meta != nil {
		_ = meta.Decode(&out) // the node was decoded once already
	}
	return out
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

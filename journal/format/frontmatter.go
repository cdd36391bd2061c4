package format

import (
	"fmt"
	"math"
	"time"

	"gopkg.in/yaml.v3"
)

// Kinds of front matter value.
const (
	valueNull   = 'n'
	valueScalar = 's' // a plain scalar: text, a number, a boolean, a date, as YAML resolves it
	valueText   = 't' // a quoted or block scalar: always text
	valueList   = 'l'
	valueOther  = 'o' // a map, or a list of non-scalars: kept as YAML text, aliases resolved
)

// Field is one decoded front matter key.
type Field struct {
	Key   string
	Line  int    // file line of the key
	Kind  byte   // valueNull, valueScalar, valueText, valueList or valueOther
	Value string // the scalar; for valueOther, the YAML text of the value
	List  []string
}

// fieldsOf turns a yaml.v3 Mapping node into fields.
func fieldsOf(meta *yaml.Node, firstLine int) []Field {
	var out []Field
	c := meta.Content
	for i := 0; i+1 < len(c); i += 2 {
		k, v := c[i], c[i+1]
		f := Field{Key: k.Value, Line: firstLine + k.Line - 1}
		if v.Kind == yaml.AliasNode && v.Alias != nil {
			v = v.Alias // YAML reads an alias as the value it names
		}
		switch {
		case v.Kind == yaml.ScalarNode && v.Tag == "!!null":
			f.Kind = valueNull
		case v.Kind == yaml.ScalarNode && v.Style != 0 && v.ShortTag() == "!!str":
			f.Kind, f.Value = valueText, v.Value
		case v.Kind == yaml.ScalarNode:
			f.Kind, f.Value = valueScalar, v.Value
		case v.Kind == yaml.SequenceNode && allScalars(v):
			f.Kind = valueList
			f.List = []string{}
			for _, item := range v.Content {
				f.List = append(f.List, item.Value)
			}
		default:
			// Decoded and encoded again, so that the text holds no alias
			// (an alias bomb stops at yaml.v3's limit and reads as null).
			f.Kind = valueOther
			var data any
			if v.Decode(&data) == nil {
				if b, err := yaml.Marshal(data); err == nil {
					f.Value = string(b)
				}
			}
		}
		out = append(out, f)
	}
	return out
}

func allScalars(n *yaml.Node) bool {
	for _, item := range n.Content {
		if item.Kind != yaml.ScalarNode {
			return false
		}
	}
	return true
}

// plainValue is the Field as plain data for JSON output: lists as
// lists, YAML's integers, floats and booleans as such, other scalars as
// text, and maps decoded by yaml.v3 as JSON can hold them (see jsonable).
func (f Field) plainValue() any {
	switch f.Kind {
	case valueText:
		return f.Value
	case valueScalar:
		return plainScalar(f.Value)
	case valueList:
		return f.List
	case valueOther:
		var v any
		_ = yaml.Unmarshal([]byte(f.Value), &v) // it was encoded from a node
		return jsonable(v)
	}
	return nil
}

// plainScalar reads an unquoted scalar as YAML does: true and false, null
// and ~, integers (decimal, 0x, 0o, with _), floats (.inf, .nan), else
// text. A date stays the text it was written as.
func plainScalar(s string) any {
	if s == "" {
		return nil
	}
	if c := s[0]; c >= 'a' && c <= 'z' && c != 't' && c != 'f' && c != 'n' || c >= 'A' && c <= 'Z' && c != 'T' && c != 'F' && c != 'N' {
		return s // text: no other YAML value starts so
	}
	var v any
	if err := yaml.Unmarshal([]byte(s), &v); err != nil {
		return s
	}
	switch v := v.(type) {
	case string, time.Time:
		return s
	case int:
		return int64(v)
	}
	return jsonable(v)
}

// jsonable makes what yaml.v3 decoded into data JSON can hold: a map's
// keys that are not text (YAML allows `{1: a}`) become text, and floats
// JSON has no number for (.nan, .inf) the text Go prints for them.
func jsonable(v any) any {
	switch v := v.(type) {
	case map[string]any:
		for k, x := range v {
			v[k] = jsonable(x)
		}
	case map[any]any:
		m := make(map[string]any, len(v))
		for k, x := range v {
			m[fmt.Sprint(k)] = jsonable(x)
		}
		return m
	case []any:
		for i, x := range v {
			v[i] = jsonable(x)
		}
	case float64:
		if math.IsNaN(v) || math.IsInf(v, 0) {
			return fmt.Sprint(v)
		}
	}
	return v
}

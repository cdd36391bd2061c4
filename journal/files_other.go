//go:build !linux

package journal

import (
	"errors"
	"os"
)

var errNoAnonymous = errors.New("anonymous temporary files not supported")

// openAnonymous is not available here: lead uses named temporary files.
func openAnonymous(string) (*os.File, error) { return nil, errNoAnonymous }

func linkAnonymous(*os.File, string) error { return errNoAnonymous }

//go:build !unix

package store

// nonBlocking is 0 where opening never waits on a named pipe.
const nonBlocking = 0

// Lock does nothing where the system has no advisory locks: the
// compare-before-replace of ReplaceFile still refuses a rewrite of a file
// that changed.
func Lock(path string) (unlock func(), err error) { return func() {}, nil }

// noFollow is 0 where opens cannot refuse links.
const noFollow = 0

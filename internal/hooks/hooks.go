// Package hooks holds the points at which tests stop notelint in the
// middle of fixing a file, to change the file under it or to interrupt the
// process. They are nil outside tests.
package hooks

// BeforeWrite runs after a file was read, linted and fixed in memory, before
// notelint checks that it is unchanged and writes it.
var BeforeWrite func(path string)

// TempWritten runs when the temporary file that will replace path is
// written and synced, before the last check and the rename.
var TempWritten func(path, temp string)

// AfterCheck runs after the last check that path is unchanged, right before
// the rename or the write in place.
var AfterCheck func(path string)

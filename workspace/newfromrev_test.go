package workspace

import (
	"reflect"
	"testing"
)

// TestParseDiff: the added lines of `git diff -U0`, for plain, spaced and
// quoted names; deleted files and pure deletions add nothing.
func TestParseDiff(t *testing.T) {
	diff := "diff --git a/notes/a.md b/notes/a.md\n" +
		"index 1..2 100644\n--- a/notes/a.md\n+++ b/notes/a.md\n" +
		"@@ -3 +3 @@ heading\n-old\n+new\n" +
		"@@ -10,0 +11,2 @@\n+x\n+y\n" +
		"@@ -20,2 +22,0 @@\n-gone\n-gone\n" +
		"diff --git a/my notes.md b/my notes.md\n--- a/my notes.md\t\n+++ b/my notes.md\t\n@@ -1 +1 @@\n-a\n+b\n" +
		"diff --git \"a/tab\\there.md\" \"b/tab\\there.md\"\n--- \"a/tab\\there.md\"\n+++ \"b/tab\\there.md\"\n@@ -0,0 +1,3 @@\n+1\n+2\n+3\n" +
		"diff --git a/한글.md b/한글.md\n--- a/한글.md\n+++ b/한글.md\n@@ -5,0 +6 @@\n+z\n" +
		"diff --git a/deleted.md b/deleted.md\n--- a/deleted.md\n+++ /dev/null\n@@ -1,2 +0,0 @@\n-a\n-b\n" +
		"diff --git a/pic.png b/pic.png\nBinary files a/pic.png and b/pic.png differ\n"
	got := parseDiff([]byte(diff))
	want := map[string][]lineSpan{
		"notes/a.md":   {{3, 3}, {11, 12}},
		"my notes.md":  {{1, 1}},
		"tab\there.md": {{1, 3}},
		"한글.md":        {{6, 6}},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %v\nwant %v", got, want)
	}
	for _, c := range []struct {
		from, to int
		want     bool
	}{{2, 2, false}, {3, 3, true}, {4, 10, false}, {10, 11, true}, {12, 30, true}, {13, 30, false}} {
		if got := overlaps(want["notes/a.md"], c.from, c.to); got != c.want {
			t.Errorf("lines %d-%d: overlaps %v", c.from, c.to, got)
		}
	}
}

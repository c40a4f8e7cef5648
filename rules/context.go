package rules

import (
	"strings"

	"github.com/notelint/notelint/rules/kubectl"
	"github.com/notelint/notelint/rules/manifest"
)

// ageCodes are the findings about a form's age: removed or deprecated
// flags, commands, API versions and fields. A note that shows such a form
// and says, around it, that the form is old (a section "gitRepo
// (deprecated)", "before v1beta3 this was written as:", "--record is
// deprecated, but you may still see:") teaches the history on purpose; the
// finding would tell the reader what the note already says, so it is not
// reported there.
//
// The value says whether the code is about a removal (true) or a
// deprecation (false).
var ageCodes = map[any]bool{
	kubectl.RemovedFlag:           true,
	kubectl.DeprecatedForm:        false,
	kubectl.RemovedFlagMention:    true,
	manifest.RemovedAPIVersion:    true,
	manifest.DeprecatedAPIVersion: false,
	manifest.DeprecatedField:      false,
}

// removalWords say that a form belongs to an older version or was removed,
// in the languages notes are written in (matched in lower case). They
// acknowledge a removed form: "before v1beta3 this was written as".
var removalWords = []string{
	// English
	"legacy", "removed in", "was removed", "been removed", "older version", "old version",
	"earlier version", "previous version", "prior to", "used to be", "used to take", "before v1", "before 1.", "pre-1.",
	// Korean
	"제거되었", "제거된", "이전 버전", "예전 버전", "구버전", "구 버전", "이전에", "예전에는",
	// Chinese
	"已移除", "已删除", "旧版", "早期版本", "之前的版本",
	// Japanese
	"廃止", "旧バージョン", "削除された", "以前のバージョン",
}

// deprecationWords say that a form is deprecated; with removalWords they
// acknowledge a deprecated form, but not a removed one: a note that calls
// `kubectl run --schedule` deprecated still shows a command that fails now.
var deprecationWords = []string{
	"deprecat", "obsolete", "no longer",
	"사용 중단", "사용중단", "더 이상 사용", "더 이상 지원", "폐기", "지원 중단",
	"弃用", "废弃", "过时",
	"非推奨",
}

// acknowledgesAge reports whether a note's text around a snippet (see
// notes.Document.Context) says that what it shows is old: removed, for a
// removed form, or deprecated or removed, for a deprecated one.
func acknowledgesAge(context string, removed bool) bool {
	c := strings.ToLower(context)
	for _, w := range removalWords {
		if strings.Contains(c, w) {
			return true
		}
	}
	if removed {
		return false
	}
	for _, w := range deprecationWords {
		if strings.Contains(c, w) {
			return true
		}
	}
	return false
}

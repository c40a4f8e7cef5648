package kubectl

import (
	"fmt"
	"os"
	"os/exec"
	"strings"
	"testing"

	"k8s.io/kubectl/pkg/util/i18n"
)

// TestNoTranslations runs in a fresh process with a Chinese locale, for
// which kubectl ships translations: kubectl's strings must stay English
// (translations are never loaded, which saves their start-up cost) and the
// command tree must be the same as under any other locale.
func TestNoTranslations(t *testing.T) {
	if os.Getenv("NOTELINT_I18N_CHILD") != "" {
		fmt.Printf("T=%s\ntop=%s\n", i18n.T("Update the labels on a resource"), strings.Join(TopLevelCommands(), ","))
		return
	}
	run := func(lang string) string {
		cmd := exec.Command(os.Args[0], "-test.run=^TestNoTranslations$")
		cmd.Env = append(os.Environ(), "NOTELINT_I18N_CHILD=1", "LANG="+lang, "LC_ALL="+lang, "LC_MESSAGES="+lang)
		out, err := cmd.CombinedOutput()
		if err != nil {
			t.Fatalf("%v: %s", err, out)
		}
		return string(out)
	}
	zh, c := run("zh_CN.UTF-8"), run("C")
	if !strings.Contains(zh, "T=Update the labels on a resource\n") {
		t.Errorf("kubectl's translations were loaded under zh_CN:\n%s", zh)
	}
	if zh != c {
		t.Errorf("the tree depends on the locale:\n%s\nvs\n%s", zh, c)
	}
}

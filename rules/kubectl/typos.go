package kubectl

import (
	"github.com/notelint/notelint/internal/editdist"
	"slices"
	"strings"
)

// tools are the programs that commonly share a command line with kubectl
// in Kubernetes notes; a near miss of one of these is reported.
var tools = []string{
	"base64", "grep", "echo", "cat", "sudo", "systemctl", "journalctl", "docker", "crictl",
	"etcdctl", "kubeadm", "openssl", "ip", "curl", "watch", "xargs", "less", "vi", "kubectl",
	"etcdutl", "helm", "kube-apiserver", "kube-controller-manager", "kube-scheduler", "kubelet", "kube-proxy", "etcd",
}

// realTools are real programs that are close to a tool name (egrep, kubectx,
// etcdutl, ...) or common enough never to be called a typo.
var realTools = map[string]bool{
	"egrep": true, "fgrep": true, "pgrep": true, "zgrep": true, "rgrep": true, "ngrep": true, "agrep": true,
	"base32": true, "basenc": true, "kubectx": true, "kubens": true,
	"dockerd": true, "docker-compose": true, "openssh": true, "curlie": true, "lesskey": true, "lessc": true,
	"vim": true, "nvim": true, "view": true, "vimdiff": true, "cut": true, "cal": true, "chat": true, "bat": true,
	"ls": true, "cd": true, "apt-get": true, "apt": true, "wget": true, "mv": true, "cp": true, "help": true, "hello": true, "held": true, "helmfile": true,
	"kustomize": true, "k9s": true, "jq": true, "yq": true, "ps": true, "top": true, "kill": true, "pkill": true,
	"echo": true, "tee": true, "seq": true, "sed": true, "awk": true, "git": true, "go": true, "make": true,
	"crio": true, "ctr": true, "nerdctl": true, "podman": true, "kind": true, "minikube": true, "k3s": true,
	"kubecolor": true, "stern": true, "kubeseal": true, "kubeval": true, "kubeconform": true, "kubetail": true,
	"watchexec": true, "catch": true, "less.sh": true, "ipcs": true, "iptables": true, "ip6tables": true,
	"curlftpfs": true, "opensslv": true, "systemd": true, "systemd-run": true, "journald": true, "sudoedit": true,
	"xargs": true, "dig": true, "host": true, "nc": true, "ssh": true, "scp": true, "tar": true, "zip": true,
	"export": true, "source": true, "env": true, "set": true, "unset": true, "alias": true, "type": true,
}

// toolConfusions are not edit-distance typos but the same mistake.
var toolConfusions = map[string]string{
	"system": "systemctl", "systemct": "systemctl", "journalct": "journalctl", "systemclt": "systemctl",
	"kubeclt": "kubectl", "kubect": "kubectl", "kubctl": "kubectl", "kubeclt.exe": "kubectl",
}

// systemctlVerbs make "system VERB" read as a systemctl call.
var systemctlVerbs = map[string]bool{
	"restart": true, "start": true, "stop": true, "status": true, "enable": true, "disable": true,
	"daemon-reload": true, "reload": true, "is-active": true, "list-units": true,
}

// ipObjects are ip(8)'s objects; ip also accepts any unambiguous prefix.
var ipObjects = []string{
	"address", "addrlabel", "link", "route", "rule", "neighbour", "neighbor", "netns", "ntable",
	"tunnel", "tuntap", "maddress", "mroute", "mrule", "monitor", "xfrm", "netconf", "token",
	"macsec", "tcp_metrics", "vrf", "sr", "nexthop", "mptcp", "ioam", "stats", "help", "l2tp", "fou",
}

// checkToolTypo reports args[i] when it is a near miss of a known tool and
// returns the tool it stands for ("" when none). It is deliberately narrow:
// an unknown word is only a typo when it is within one edit of a tool name
// of four letters or more (two edits from seven letters on).
func (r *run) checkToolTypo(i int) string {
	w := r.text(i)
	name := programName(w)
	if name == "ip" {
		r.checkIPObject(i)
		return "ip"
	}
	if slices.Contains(tools, name) || realTools[name] || strings.Contains(w, "=") || strings.HasPrefix(w, "-") {
		return name
	}
	if !nameLike(name) && !strings.ContainsAny(name, ".+") {
		// "kubectl:" in sha256sum output, "kubectl," in prose: a program
		// name never ends in punctuation
		return ""
	}
	fix, ok := toolConfusions[name]
	if name == "system" && (i+1 >= len(r.args) || !systemctlVerbs[r.text(i+1)]) {
		ok = false
	}
	safe := ok
	if !ok {
		if len(name) < 4 || strings.ToLower(name) != name {
			return ""
		}
		var c []candidate
		for _, t := range tools {
			if len(t) < 4 {
				continue
			}
			limit := 1
			if len(name) >= 7 {
				limit = 2
			}
			if d, ok := editdist.Within(name, t, limit); ok && d > 0 {
				c = append(c, candidate{t, d})
			}
		}
		if len(c) == 0 {
			return ""
		}
		// safe as the single candidate, or the single closest one
		// (etcdclt is one edit from etcdctl and two from etcdutl)
		slices.SortStableFunc(c, func(a, b candidate) int { return a.dist - b.dist })
		fix, safe = c[0].name, len(c) == 1 || c[0].dist < c[1].dist
	}
	if strings.ToLower(name) == fix {
		return fix
	}
	e := []Edit{{FromArg: i, FromOff: len(w) - len(name), ToArg: i, ToOff: len(w), New: fix}}
	r.add(Finding{Code: ToolTypo, Arg: i, Start: len(w) - len(name), End: len(w), Edits: e, Safe: safe,
		Message: q(name) + " looks like a typo of " + q(fix) + "; write " + q(r.fixedLine(i, e)) + "."})
	return fix
}

// checkIPObject reports a near miss of ip(8)'s object (ip nets → ip netns).
func (r *run) checkIPObject(i int) {
	j := i + 1
	for j < len(r.args) && strings.HasPrefix(r.text(j), "-") {
		j++
	}
	if j >= len(r.args) || r.isPlaceholder(j) {
		return
	}
	w := r.text(j)
	for _, o := range ipObjects {
		if strings.HasPrefix(o, w) {
			return // ip accepts abbreviations: ip a, ip r, ip netn
		}
	}
	if len(w) < 3 {
		return
	}
	var c []candidate
	for _, o := range ipObjects {
		if d, ok := editdist.Within(w, o, 1); ok && d == 1 {
			c = append(c, candidate{o, 1})
		}
	}
	if len(c) == 0 {
		return
	}
	fix, safe := best(c)
	e := []Edit{r.replaceWord(j, fix)}
	r.add(Finding{Code: ToolTypo, Arg: j, Start: 0, End: len(w), Edits: e, Safe: safe,
		Message: q(w) + " is not an ip object; write " + q(r.fixedLine(i, e)) + "."})
}

// knownPlugins are popular kubectl plugins (mostly from the krew index):
// `kubectl NAME` runs the executable kubectl-NAME found on PATH.
var knownPlugins = map[string]string{
	"convert":           "kubectl-convert, the former built-in convert command, shipped separately",
	"krew":              "the plugin manager",
	"ctx":               "switch contexts (kubectx)",
	"ns":                "switch namespaces (kubens)",
	"neat":              "strip clutter from YAML",
	"tree":              "show ownership trees",
	"view-secret":       "decode secrets",
	"view-allocations":  "list resource allocations",
	"view-utilization":  "show cluster utilisation",
	"node-shell":        "open a shell on a node",
	"access-matrix":     "show an RBAC access matrix",
	"who-can":           "show who has RBAC permissions",
	"rbac-lookup":       "find RBAC bindings",
	"rakkess":           "show an RBAC access matrix",
	"images":            "list container images",
	"tail":              "tail logs of many pods",
	"stern":             "tail logs of many pods",
	"sniff":             "capture pod traffic",
	"df-pv":             "show persistent volume usage",
	"resource-capacity": "show resource requests and limits",
	"score":             "static analysis of manifests",
	"popeye":            "cluster sanitizer",
	"deprecations":      "find deprecated API use",
	"outdated":          "find outdated images",
	"trace":             "bpftrace on nodes",
	"gadget":            "Inspektor Gadget",
	"hns":               "hierarchical namespaces",
	"slice":             "split multi-document YAML",
	"modify-secret":     "edit decoded secrets",
	"sick-pods":         "show failing pods",
	"get-all":           "list really all resources",
	"explore":           "browse explain output",
	"graph":             "graph resources",
	"lineage":           "show resource relationships",
	"blame":             "show who edited which field",
	"oidc-login":        "OIDC authentication",
	"cnpg":              "CloudNativePG",
	"cert-manager":      "cert-manager",
	"kyverno":           "Kyverno",
	"virt":              "KubeVirt",
	"minio":             "MinIO operator",
	"cilium":            "Cilium",
	"directpv":          "DirectPV",
	"pv-migrate":        "migrate volumes",
	"ingress-nginx":     "ingress-nginx",
	"np-viewer":         "show network policies",
	"ktop":              "top-like dashboard",
	"example":           "the sample plugin",
	"hello":             "the sample plugin",
	"foo":               "the sample plugin of the plugin docs",
	"whisper-secret":    "create secrets without echo",
	"allctx":            "run across contexts",
	"iexec":             "interactive exec",
	"pexec":             "privileged exec",
	"ssh-jump":          "SSH through a jump pod",
	"konfig":            "merge kubeconfigs",
	"status":            "show object status",
	"kuttl":             "KUTTL tests",
	"starboard":         "Starboard security",
	"kubescape":         "Kubescape",
	"evict-pod":         "evict a pod",
	"fields":            "search fields of explain",
	"split-yaml":        "split YAML",
	"janitor":           "find problematic objects",
	"mtail":             "tail logs of many pods",
	"socks5-proxy":      "SOCKS5 proxy",
	"rabbitmq":          "RabbitMQ operator",
	"vsphere":           "vSphere",
	"fuzzy":             "fuzzy finder",
	"whoami":            "show the subject of the current context; built in as " + q("kubectl auth whoami") + " since 1.27",
}

package kubectl

import (
	"slices"
	"strings"
	"testing"
)

// validToolCommands must give no finding: commands of kubeadm and of the
// control plane's programs as notes and the kubeadm documentation write them.
var validToolCommands = []string{
	`kubeadm init --pod-network-cidr=10.244.0.0/16 --apiserver-advertise-address=10.0.0.10`,
	`kubeadm init --control-plane-endpoint "lb.example.com:6443" --upload-certs`,
	`kubeadm join 10.0.0.10:6443 --token abcdef.0123456789abcdef --discovery-token-ca-cert-hash sha256:1234`,
	`kubeadm join lb.example.com:6443 --control-plane --certificate-key 0123`,
	`kubeadm token create --print-join-command`,
	`kubeadm token list`,
	`kubeadm upgrade plan`,
	`kubeadm upgrade apply v1.37.0`,
	`kubeadm upgrade node`,
	`kubeadm certs check-expiration`,
	`kubeadm certs renew all`,
	`kubeadm certs generate-csr --cert-dir /tmp/csr`,
	`kubeadm config images pull --kubernetes-version v1.37.0`,
	`kubeadm config print init-defaults`,
	`kubeadm init phase control-plane all --config kubeadm.yaml`,
	`kubeadm reset -f`,
	`sudo kubeadm reset --force`,
	`kubeadm version -o short`,
	`kube-apiserver --enable-admission-plugins=NodeRestriction,PodSecurity --authorization-mode=Node,RBAC`,
	`kube-apiserver --token-auth-file=/etc/kubernetes/tokens.csv --audit-policy-file=/etc/kubernetes/audit.yaml --audit-log-path=-`,
	`kube-apiserver --encryption-provider-config=/etc/kubernetes/enc.yaml`,
	`kube-controller-manager --node-monitor-grace-period=40s --cluster-signing-cert-file=/etc/kubernetes/pki/ca.crt`,
	`kube-scheduler --config=/etc/kubernetes/scheduler.yaml --leader-elect=false`,
	`kubelet --config=/var/lib/kubelet/config.yaml --node-ip=10.0.0.11 --container-runtime-endpoint=unix:///run/containerd/containerd.sock`,
	`kubelet --allowed-unsafe-sysctls 'kernel.msg*,net.core.somaxconn'`,
	`kube-proxy --proxy-mode=ipvs --cluster-cidr=10.244.0.0/16`,
	`kube-apiserver --help`,
	`kube-apiserver -h`,
	`kubelet --version`,
	`sudo env FOO=bar kubeadm token list`,
	`etcdctl snapshot save /tmp/snap.db --endpoints=https://127.0.0.1:2379 --cacert=/etc/kubernetes/pki/etcd/ca.crt --cert=/etc/kubernetes/pki/etcd/server.crt --key=/etc/kubernetes/pki/etcd/server.key`,
	`sudo ETCDCTL_API=3 etcdctl --endpoints=https://127.0.0.1:2379 member list -w table`,
	`etcdctl snap save a.db`,
	`etcdctl endpoint health --cluster`,
	`etcdutl snapshot restore snap.db --data-dir /var/lib/etcd-new`,
	`etcdutl snapshot status snap.db -w table`,
	`crictl ps -a`,
	`sudo crictl pods --name kube-apiserver`,
	`crictl exec -it 1234 ls -l`,
	`crictl logs --tail=10 1234`,
	`crictl -r unix:///run/containerd/containerd.sock images`,
	`crictl --runtime-endpoint unix:///run/containerd/containerd.sock ps`,
	`crictl inspect -o json 1234`,
	`crictl rmi --prune`,
	`crictl ps -name web`,
	`helm repo add bitnami https://charts.bitnami.com/bitnami`,
	`helm install my-release bitnami/nginx --namespace web --create-namespace --set replicaCount=2`,
	`helm upgrade --install web ./chart -f values.yaml`,
	`helm list -A`,
	`helm delete web`,
	`sudo KUBECONFIG=/etc/kubernetes/admin.conf kubeadm token list`,
	// the etcd static pod's command as kubeadm 1.37 writes it
	// (cmd/kubeadm/app/phases/etcd/local.go getEtcdCommand): every flag
	`etcd --name=cp1 --listen-client-urls=https://127.0.0.1:2379,https://10.0.0.10:2379 --advertise-client-urls=https://10.0.0.10:2379 ` +
		`--listen-peer-urls=https://10.0.0.10:2380 --initial-advertise-peer-urls=https://10.0.0.10:2380 --data-dir=/var/lib/etcd ` +
		`--cert-file=/etc/kubernetes/pki/etcd/server.crt --key-file=/etc/kubernetes/pki/etcd/server.key --trusted-ca-file=/etc/kubernetes/pki/etcd/ca.crt ` +
		`--client-cert-auth=true --peer-cert-file=/etc/kubernetes/pki/etcd/peer.crt --peer-key-file=/etc/kubernetes/pki/etcd/peer.key ` +
		`--peer-trusted-ca-file=/etc/kubernetes/pki/etcd/ca.crt --peer-client-cert-auth=true --snapshot-count=10000 ` +
		`--listen-metrics-urls=http://127.0.0.1:2381 --feature-gates=InitialCorruptCheck=true --watch-progress-notify-interval=5s ` +
		`--initial-cluster=cp1=https://10.0.0.10:2380 --initial-cluster-state=existing`,
	`etcd -name m1 -data-dir /var/lib/etcd -listen-client-urls http://127.0.0.1:2379`, // Go's flag package: -flag is --flag
	`etcd --client-cert-auth --peer-auto-tls -name m1`,                                // booleans take no separate value
	`etcd --version`,
	`etcd grpc-proxy start --endpoints=https://10.0.0.10:2379`, // flags stop at the first argument
	`sudo etcd --data-dir /var/lib/etcd --heartbeat-interval=100 --election-timeout 1000 --grpc-keepalive-timeout=20s`,
}

func TestValidToolCommands(t *testing.T) {
	for _, line := range validToolCommands {
		args := split(t, line)
		if fs := testChecker.Check(args); len(fs) > 0 {
			var got []string
			for _, f := range fs {
				got = append(got, f.Code.String()+"@"+args[f.Arg].Text[f.Start:f.End]+": "+f.Message)
			}
			t.Errorf("%q: want no finding, got %v", line, got)
		}
	}
}

// invalidToolCommands: kubeadm's commands and flags, the components' flags,
// the history that dates them and the tools' own names misspelt.
var invalidToolCommands = []invalidCase{
	{`kubeadm init --apiserver-advertise-addres=10.0.0.10`, []want{{"unknown-flag", `--apiserver-advertise-addres`, `kubeadm init --apiserver-advertise-address=10.0.0.10`, true}}},
	{`kubeadm config images pul`, []want{{"unknown-command", `pul`, `kubeadm config images pull`, false}}},
	{`kubeadm tokn create`, []want{{"unknown-command", `tokn`, `kubeadm token create`, true}}},
	{`kubeadm upgrade node config --kubelet-version v1.12.0`, []want{
		{"removed-flag", `config`, `kubeadm upgrade node --kubelet-version v1.12.0`, false},
		{"removed-flag", `--kubelet-version`, `kubeadm upgrade node config`, false}}},
	{`kubeadm upgrade node config --kubeloet-version v1.12.0`, []want{
		{"removed-flag", `config`, `kubeadm upgrade node --kubeloet-version v1.12.0`, false},
		{"removed-flag", `--kubeloet-version`, `kubeadm upgrade node config`, false}}},
	{`kubeadm certs renew apiserver --csr-only`, []want{{"removed-flag", `--csr-only`, "", false}}},
	{`kubadm token list`, []want{{"tool-typo", `kubadm`, `kubeadm token list`, true}}},
	{`sudo kubadm token list`, []want{{"tool-typo", `kubadm`, `sudo kubeadm token list`, true}}},
	{`kube-controller-manager --pod-eviction-timeout=5m0s`, []want{{"removed-flag", `--pod-eviction-timeout`, "", false}}},
	{`kube-apiserver --basic-auth-file=/etc/users.csv`, []want{{"removed-flag", `--basic-auth-file`, "", false}}},
	{`kube-apiserver --insecure-port=0 --secure-port=6443`, []want{{"removed-flag", `--insecure-port`, `kube-apiserver --secure-port=6443`, true}}},
	{`kube-apiserver --insecure-port=8080`, []want{{"removed-flag", `--insecure-port`, `kube-apiserver`, false}}},
	{`kube-apiserver --enable-admision-plugins=NodeRestriction`, []want{{"unknown-flag", `--enable-admision-plugins`, `kube-apiserver --enable-admission-plugins=NodeRestriction`, true}}},
	{`kube-scheduler --policy-config-file=/etc/kubernetes/policy.json`, []want{{"removed-flag", `--policy-config-file`, "", false}}},
	{`kubelet --container-runtime=remote --container-runtime-endpoint=unix:///run/containerd/containerd.sock`, []want{
		{"removed-flag", `--container-runtime`, `kubelet --container-runtime-endpoint=unix:///run/containerd/containerd.sock`, true}}},
	{`kubelet --network-plugin=cni`, []want{{"removed-flag", `--network-plugin`, "", false}}},
	{`kube-controler-manager --leader-elect=true`, []want{{"tool-typo", `kube-controler-manager`, `kube-controller-manager --leader-elect=true`, true}}},
	{`kube-apiserver --kubelet-https=true`, []want{{"removed-flag", `--kubelet-https`, `kube-apiserver`, true}}},
	{`etcdctl snapshot restore snap.db --data-dir /var/lib/etcd-new`, []want{{"removed-flag", `restore`, "", false}}},
	{`etcdctl snapshot sve snap.db`, []want{{"unknown-command", `sve`, `etcdctl snapshot save snap.db`, true}}},
	{`./etcdctl set key1 value1`, []want{{"removed-flag", `set`, `./etcdctl put key1 value1`, false}}},
	{`etcdctl ls /registry`, []want{{"removed-flag", `ls`, "", false}}},
	{`ectdctl member list`, []want{{"tool-typo", `ectdctl`, `etcdctl member list`, true}}},
	{`critcl ps`, []want{{"tool-typo", `critcl`, `crictl ps`, true}}},
	{`crictl ps --all-namespaces`, []want{{"unknown-flag", `--all-namespaces`, "", false}}},
	{`crictl images -r unix:///run/containerd/containerd.sock`, []want{{"unknown-flag", `r`, "", false}}},
	{`hlem list`, []want{{"tool-typo", `hlem`, `helm list`, true}}},
	{`helm instal web ./chart`, []want{{"unknown-command", `instal`, `helm install web ./chart`, true}}},
	{`helm install --name web stable/nginx`, []want{{"removed-flag", `--name`, "", false}}},
	{`helm init`, []want{{"removed-flag", `init`, "", false}}},
	{`helm init --client-only --stable-repo-url https://charts.helm.sh/stable`, []want{{"removed-flag", `init`, "", false}}},
	{`kubeadm kubeconfg user --client-name admin`, []want{{"unknown-command", `kubeconfg`, `kubeadm kubeconfig user --client-name admin`, true}}},
	{`helm delete --purge web`, []want{{"removed-flag", `--purge`, `helm delete web`, true}}},
	{`etcd --data-dirr=/var/lib/etcd --name m1`, []want{{"unknown-flag", `--data-dirr`, `etcd --data-dir=/var/lib/etcd --name m1`, true}}},
	{`etcd --listen-client-url=https://127.0.0.1:2379`, []want{{"unknown-flag", `--listen-client-url`, `etcd --listen-client-urls=https://127.0.0.1:2379`, true}}},
	// renamed in etcd 3.6 (deprecated there), gone in 3.7: etcd 3.6 said what to use
	{`etcd --experimental-corrupt-check-time=1m --name m1`, []want{{"removed-flag", `--experimental-corrupt-check-time`, `etcd --corrupt-check-time=1m --name m1`, true}}},
	{`etcd --experimental-initial-corrupt-check=true`, []want{{"removed-flag", `--experimental-initial-corrupt-check`, "", false}}},
	{`etcd --enable-v2=true --data-dir=/var/lib/etcd`, []want{{"removed-flag", `--enable-v2`, "", false}}},
	{`etcd --initial-cluster-state=exist`, []want{{"invalid-flag-value", `exist`, "", false}}},
	{`etcd --snapshot-count=ten`, []want{{"invalid-flag-value", `ten`, "", false}}},
	{`etcd --grpc-keepalive-timeout=20`, []want{{"invalid-flag-value", `20`, `etcd --grpc-keepalive-timeout=20s`, false}}},
	{`ectd --data-dir=/var/lib/etcd`, []want{{"tool-typo", `ectd`, `etcd --data-dir=/var/lib/etcd`, true}}},
}

func TestInvalidToolCommands(t *testing.T) { checkInvalid(t, invalidToolCommands) }

// TestToolMessages checks what the seed's three lines are told: the version
// of each removal and what to write.
func TestToolMessages(t *testing.T) {
	for _, tc := range []struct{ line, want string }{
		{`kube-controller-manager --pod-eviction-timeout=5m0s`, `"--pod-eviction-timeout" was deprecated in 1.26 and removed from "kube-controller-manager" in 1.27; pods on a failed node are evicted by taints`},
		{`kube-apiserver --basic-auth-file=user-details.csv`, `"--basic-auth-file" was deprecated in 1.16 and removed from "kube-apiserver" in 1.19; the API server no longer reads static password files`},
		{`kubeadm upgrade node config --kubeloet-version v1.12.0`, `"kubeadm upgrade node config" was deprecated in 1.15 and removed in 1.18; write "kubeadm upgrade node"`},
		{`etcdctl snapshot restore snap.db`, `"etcdctl snapshot restore" was removed in etcdctl 3.6 (etcdctl 3.5 was the last to have it); write "etcdutl snapshot restore": etcdutl reads the snapshot file itself`},
		{`helm install --name web stable/nginx`, `"--name" was removed from "helm install" in helm 3.0; helm 3 takes the release name as the first argument`},
		{`etcd --experimental-watch-progress-notify-interval=5s`, `"--experimental-watch-progress-notify-interval" was removed from "etcd" in etcd 3.7 (deprecated since etcd 3.6); etcd 3.6 was the last to accept it, saying "--experimental-watch-progress-notify-interval is deprecated in v3.6 and will be decommissioned in v3.7. Use '--watch-progress-notify-interval' instead"; write "--watch-progress-notify-interval=5s".`},
		{`kubeadm upgrade node config --kubeloet-version v1.12.0`, `"--kubeloet-version" is a misspelling of "--kubelet-version": "--kubelet-version" was deprecated in 1.18 and removed from "kubeadm upgrade node" in 1.20; drop it`},
	} {
		var msgs []string
		for _, f := range testChecker.Check(split(t, tc.line)) {
			msgs = append(msgs, f.Message)
		}
		if !slices.ContainsFunc(msgs, func(m string) bool { return strings.HasPrefix(m, tc.want) }) {
			t.Errorf("%q: no message starts with %q; got %q", tc.line, tc.want, msgs)
		}
	}
}

// TestRemovedToolFlag: what prose may be told about a flag named with a
// program.
func TestRemovedToolFlag(t *testing.T) {
	for _, tc := range []struct {
		tool, flag string
		want       bool
	}{
		{"kube-apiserver", "basic-auth-file", true},
		{"kube-apiserver", "token-auth-file", false}, // exists
		{"kube-apiserver", "no-such-flag", false},    // never existed: prose is not judged
		{"kube-controller-manager", "pod-eviction-timeout", true},
		{"kubelet", "network-plugin", true},
		{"kubectl", "record", false}, // not a component
		{"etcd", "data-dir", false},  // exists
		{"etcd", "enable-v2", true},  // removed in etcd 3.6
	} {
		msg, ok := testChecker.RemovedToolFlag(tc.tool, tc.flag)
		if ok != tc.want || ok && !strings.Contains(msg, "--"+tc.flag) {
			t.Errorf("RemovedToolFlag(%s, %s) = %q, %v; want %v", tc.tool, tc.flag, msg, ok, tc.want)
		}
	}
}

// TestToolTreeOfAnotherVersion: a target older than the oldest tree of a
// tool is read against that tree, and only what is dated or a near miss is
// said (a flag merely absent from a newer tree may be the target's own).
func TestToolTreeOfAnotherVersion(t *testing.T) {
	c := New(Options{KubeVersion: 20})
	line := `%s --some-flag-of-old=1 --leader-elec=true`
	for _, tool := range []string{"kube-controller-manager", "kube-scheduler"} {
		args := split(t, strings.Replace(line, "%s", tool, 1))
		fs := c.Check(args)
		var got []string
		for _, f := range fs {
			got = append(got, args[f.Arg].Text)
		}
		want := []string{"--leader-elec=true"}
		if toolSnapshot(tool, 20) == 20 {
			want = []string{"--some-flag-of-old=1", "--leader-elec=true"}
		}
		if !slices.Equal(got, want) {
			t.Errorf("%s at 1.20 (tree %d): findings on %q, want %q", tool, toolSnapshot(tool, 20), got, want)
		}
	}
}

// TestComponentsHaveNoSubcommands keeps the list of components honest: each
// is a program and its flags, as the embedded tree has it.
func TestComponentsHaveNoSubcommands(t *testing.T) {
	if len(Components()) != len(components) {
		t.Errorf("components with a tree: %v, want all of %v", Components(), components)
	}
	for _, c := range Components() {
		tr := getToolTree(c, 37)
		if tr == nil || len(tr.root.kids) != 0 || len(tr.root.long) < 10 {
			t.Errorf("%s: want a tree of flags without subcommands", c)
		}
	}
}

// TestLineEnvTurnsGatesOn: an assignment on the command's own line turns a
// feature gate on, as an export in the note does.
func TestLineEnvTurnsGatesOn(t *testing.T) {
	args := split(t, `kubectl apply -f app.yaml --prune --applyset=web`)
	if fs := testChecker.CheckEnv(nil, nil, args); len(fs) == 0 {
		t.Fatalf("--applyset without the gate: want a finding")
	}
	if fs := testChecker.CheckEnv(nil, []string{"KUBECTL_APPLYSET=true"}, args); len(fs) != 0 {
		t.Errorf("with KUBECTL_APPLYSET=true on the line: got %+v", fs)
	}
}

// TestToolVersionsOfTheirOwn: etcdctl is checked as the etcd that kubeadm
// of the target deploys: at Kubernetes 1.33 (etcd 3.5) snapshot restore is
// deprecated for etcdutl's, at 1.37 (etcd 3.7) it is gone; ETCDCTL_API=2
// selects an API no tree describes, so nothing is said.
func TestToolVersionsOfTheirOwn(t *testing.T) {
	args := split(t, `etcdctl snapshot restore snap.db --data-dir /var/lib/etcd-new`)
	for _, tc := range []struct {
		minor int
		code  Code
		msg   string
	}{
		{33, DeprecatedForm, `"etcdctl snapshot restore" is deprecated since etcdctl 3.5; write "etcdutl snapshot restore": etcdutl reads the snapshot file itself and takes no --endpoints, --cacert, --cert or --key.`},
		{37, RemovedFlag, `"etcdctl snapshot restore" was removed in etcdctl 3.6 (etcdctl 3.5 was the last to have it); write "etcdutl snapshot restore": etcdutl reads the snapshot file itself and takes no --endpoints, --cacert, --cert or --key.`},
	} {
		fs := New(Options{KubeVersion: tc.minor}).Check(args)
		if len(fs) != 1 || fs[0].Code != tc.code || fs[0].Message != tc.msg || args[fs[0].Arg].Text != "restore" {
			t.Errorf("1.%d: got %+v, want %s %q on restore", tc.minor, fs, tc.code, tc.msg)
		}
	}
	if fs := New(Options{KubeVersion: 21}).Check(args); len(fs) != 0 {
		t.Errorf("1.21 (etcd 3.4, restore in etcdctl): got %+v", fs)
	}
	v2 := split(t, `etcdctl ls /registry`)
	if fs := testChecker.CheckEnv(nil, []string{"ETCDCTL_API=2"}, v2); len(fs) != 0 {
		t.Errorf("ETCDCTL_API=2: got %+v, want nothing", fs)
	}
	if fs := testChecker.CheckEnv(nil, []string{"ETCDCTL_API=3"}, split(t, `etcdctl snapshot sve a.db`)); len(fs) != 1 {
		t.Errorf("ETCDCTL_API=3: got %+v, want the typo", fs)
	}
}

// TestEtcdServerVersions: etcd's server is checked as the etcd kubeadm of
// the target deploys: --experimental-corrupt-check-time is etcd 3.5's name
// (Kubernetes 1.30), deprecated in etcd 3.6 (1.34) with the new name as a
// fix, gone in 3.7 (1.37).
func TestEtcdServerVersions(t *testing.T) {
	args := split(t, `etcd --experimental-corrupt-check-time=1m`)
	if fs := New(Options{KubeVersion: 30}).Check(args); len(fs) != 0 {
		t.Errorf("1.30 (etcd 3.5): got %+v, want nothing", fs)
	}
	fs := New(Options{KubeVersion: 34}).Check(args)
	if len(fs) != 1 || fs[0].Code != DeprecatedForm || !fs[0].Safe || ApplyEdits(args, fs[0].Edits) != `etcd --corrupt-check-time=1m` ||
		!strings.HasPrefix(fs[0].Message, `"--experimental-corrupt-check-time" is deprecated on "etcd" since etcd 3.6 (removed in etcd 3.7): `) {
		t.Errorf("1.34 (etcd 3.6): got %+v", fs)
	}
	if fs := New(Options{KubeVersion: 37}).Check(args); len(fs) != 1 || fs[0].Code != RemovedFlag {
		t.Errorf("1.37 (etcd 3.7): got %+v", fs)
	}
	// --corrupt-check-time is new in etcd 3.6: etcd 3.5 does not have it
	if fs := New(Options{KubeVersion: 30}).Check(split(t, `etcd --corrupt-check-time=1m`)); len(fs) != 1 || fs[0].Code != UnknownFlag {
		t.Errorf("1.30 (etcd 3.5) --corrupt-check-time: got %+v", fs)
	}
	// etcd 3.5's --v2-deprecation takes a list of its stages
	c30 := New(Options{KubeVersion: 30})
	if fs := c30.Check(split(t, `etcd --v2-deprecation=write-only,write-only-drop-data`)); len(fs) != 0 {
		t.Errorf("1.30 (etcd 3.5) --v2-deprecation list: got %+v", fs)
	}
	if fs := c30.Check(split(t, `etcd --v2-deprecation=gone-forever`)); len(fs) != 1 || fs[0].Code != InvalidFlagValue {
		t.Errorf("1.30 (etcd 3.5) --v2-deprecation=gone-forever: got %+v", fs)
	}
	// the flags etcd ignores are said to be ignored, with etcd's words
	for _, line := range []string{`etcd --config=/etc/etcd/etcd.conf.yml`, `etcd -v`, `etcd --v`} {
		fs = testChecker.Check(split(t, line))
		if len(fs) != 1 || fs[0].Code != DeprecatedForm || !strings.Contains(fs[0].Message, "flag is no longer supported - ignoring") {
			t.Errorf("%s: got %+v", line, fs)
		}
	}
}

package kubectl

import (
	"fmt"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/google/shlex"
)

// braceGroup is a {placeholder with spaces} (not a jsonpath {.x}).
var braceGroup = regexp.MustCompile(`\{[^{}.][^{}]*\}`)

// split turns a command line into Args the way the engine does: shell
// words after quote removal, <x>, {x}, {x y} and $X words marked as
// placeholders, and an unquoted $X, ${X} or $(cmd) word marked Expands.
func split(t testing.TB, line string) []Arg {
	t.Helper()
	prot := braceGroup.ReplaceAllStringFunc(line, func(s string) string { return strings.ReplaceAll(s, " ", "\x00") })
	words, err := shlex.Split(prot)
	if err != nil {
		t.Fatalf("split %q: %v", line, err)
	}
	args := make([]Arg, len(words))
	for i, w := range words {
		w = strings.ReplaceAll(w, "\x00", " ")
		ph := strings.HasPrefix(w, "$") ||
			strings.HasPrefix(w, "<") && strings.HasSuffix(w, ">") ||
			strings.HasPrefix(w, "{") && strings.HasSuffix(w, "}") && !strings.HasPrefix(w, "{.")
		unquoted := strings.HasPrefix(w, "$") && slices.Contains(strings.Fields(line), w)
		args[i] = Arg{Text: w, Placeholder: ph, Expands: unquoted}
	}
	return args
}

var testChecker = New(Options{Aliases: map[string]string{"kc": "kubectl"}})

// validCommands must produce no finding at all: the user's note
// (/work/shared/seed), public study notes (/work/shared/corpus) and
// kubectl's documentation.
var validCommands = []string{
	`crictl ps`,
	`docker ps`,
	`egrep foo bar`,
	`etcdctl snapshot save /tmp/snap.db`,
	`helm install x y`,
	`ip a`,
	`ip addr show`,
	`ip netns exec blue ip link`,
	`journalctl -u kubelet`,
	`jq .items`,
	`k --namespace dev get po -A`,
	`k -n kube-system get po`,
	`k annotate pod http-go test1234=test1234`,
	`k apply -f -`,
	`k apply -f nginx-deployment.yaml`,
	`k apply -f secure-ingress.yaml`,
	`k auth can-i delete deployments --as jane -n red`,
	`k auth can-i delete deployments --as jim -n default`,
	`k create  -f pod.yaml`,
	`k create -f allow.yaml`,
	`k create -f secure-ingress.yaml`,
	`k create clusterrole deploy-deleter --verb delete --resource deployments`,
	`k create clusterrolebinding accessor --clusterrole edit --serviceaccount default:accessor`,
	`k create deploy hr-web-app --image=kodecloud/webapp-color`,
	`k create deployment`,
	`k create ns red`,
	`k create sa accessor`,
	`k delete pod --all`,
	`k describe pod secure`,
	`k describe sa dashboard-sa`,
	`k describe secret accessor-token-bnd4s`,
	`k describe svc message-service`,
	`k drain master --ignore-daemonsets`,
	`k edit ns default`,
	`k edit pod nginx`,
	`k edit svc storageos -n storageos`,
	`k exec backend -- curl 192.168.166.179`,
	`k exec backend -- curl frontend`,
	`k exec frontend -- curl 192.168.104.27`,
	`k explain pods.spec.containers`,
	`k explain pv --recursive`,
	`k expose deployment hr-web-app --name hr-web-app-service --type NodePort --port 8080 --target-port 8080 --dry-run=client -o yaml`,
	`k expose pod backend --port 80`,
	`k expose pod messaging --name messaging-service --port 6379 --target-port 6379`,
	`k get all`,
	`k get certificates`,
	`k get deploy.apps/x`,
	`k get deployments.v1.apps`,
	`k get foo.example.com`,
	`k get ing`,
	`k get nodes -o json`,
	`k get nodes -o jsonpath='{.items[*].status.nodeInfo.osImage}'`,
	`k get nodes -o jsonpath={.items[*].metadata.name}`,
	`k get po --all_namespaces`,
	`k get po -n`,
	`k get po -w`,
	`k get pod`,
	`k get pod --show-labels -l '!env'`,
	`k get pod --show-labels -l 'env!=test'`,
	`k get pod --show-labels -l 'env'`,
	`k get pod -L app,rel`,
	`k get pod -o yaml`,
	`k get pod orange -o yaml`,
	`k get pod {podname} -o yaml`,
	`k get pod,svc -n ingress-nginx`,
	`k get pods --sort-by=.metadata.name`,
	`k get pods -n kube-system`,
	`k get pods nginx --show-labels`,
	`k get pods,svc`,
	`k get sa,secrets`,
	`k get storageclasses.storage.k8s.io`,
	`k get svc,deploy -o wide`,
	`k label po x app-`,
	`k label pod http-go-v2 test-`,
	`k label pod http-go-v2 test=foo`,
	`k label pod http-go-ve test=doo --overwrite`,
	`k logs deploy/x`,
	`k port-forward http-go 7777:8080`,
	`k run frontend --image=nginx`,
	`k run messaging --image=redis:alpine -l tier=msg`,
	`k run nginx --image=nginx`,
	`k run nginx-pod --image=nginx:alpine`,
	`k run pod --image=busybox --command -oyaml --dry-run=client`,
	`k run pod2 --image=httpd`,
	`k run secure --image=nginx -oyaml --dry-run=client`,
	`k run static-busybox --image=busybox --command sleep 1000`,
	`k run test --image=nginx`,
	`k scale --replicas=4 deployment/nginx-deployment`,
	`k scale deploy hr-web-app --replicas=2`,
	`k top nodes`,
	`k version`,
	`kubeadm upgrade apply v1.12.0`,
	`kubectl -v=6 get po`,
	`kubectl annotate deploy x kubernetes.io/change-cause='image 1.2'`,
	`kubectl annotate po nginx1 nginx2 nginx3 description='my description'`,
	`kubectl annotate po nginx{1..3} description-`,
	`kubectl api-resources --namespaced=true`,
	`kubectl apply -f /cks/4/pod1.yaml`,
	`kubectl apply -f <add-on.yaml`,
	`kubectl apply -f deploy.yaml`,
	`kubectl apply -f deployment.yaml`,
	`kubectl apply -f envpod.yaml`,
	`kubectl apply -f https://raw.githubusercontent.com/coreos/flannel/master/Documentation/kube-flannel.yml`,
	`kubectl apply -f https://raw.githubusercontent.com/kubernetes/dashboard/v2.1.0/aio/deploy/recommended.yaml`,
	`kubectl apply -f inicon.yaml`,
	`kubectl apply -f jenkins-pod.yaml`,
	`kubectl apply -f manypod.yaml`,
	`kubectl apply -f maxmem.yaml`,
	`kubectl apply -f nginx-deployment.yaml`,
	`kubectl apply -f pod.yaml`,
	`kubectl apply -f pod1.yaml`,
	`kubectl apply -f pod2.yaml`,
	`kubectl apply -f simple-nginx-pod.yaml`,
	`kubectl apply -k ./overlays/dev`,
	`kubectl auth can-i create deployment`,
	`kubectl auth can-i create deployment --as dev-user`,
	`kubectl auth can-i create pods`,
	`kubectl auth can-i list pods --as=system:serviceaccount:default:sa1`,
	`kubectl auth whoami`,
	`kubectl autoscale deploy nginx --min=2 --max=5 --cpu=80%`,
	`kubectl certificate approve csr1`,
	`kubectl cluster-info`,
	`kubectl cluster-info dump`,
	`kubectl config --kubeconfig=/root/my-kube-config use-context research`,
	`kubectl config get-contexts`,
	`kubectl config set-context --current --namespace=dev`,
	`kubectl config use-context ek8s`,
	`kubectl config use-context prod`,
	`kubectl config use-context wk8s`,
	`kubectl config view`,
	`kubectl config view --kubeconfig=my-custom`,
	`kubectl cordon node-02`,
	`kubectl cp mypod:/tmp/foo /tmp/bar`,
	`kubectl create  serviceaccount dashboard-sa`,
	`kubectl create -f`,
	`kubectl create -f /cks/6/p1.yaml`,
	`kubectl create -f <your-file`,
	`kubectl create -f app-stack.yaml`,
	`kubectl create -f deploy.yaml`,
	`kubectl create -f deploy/1.8+`,
	`kubectl create -f job.yaml`,
	`kubectl create -f pod-definition.yaml`,
	`kubectl create -f pod.yaml --namespace=rq-demo`,
	`kubectl create clusterrolebinding crb --clusterrole=view --user=jane`,
	`kubectl create configmap config-name --from-file=path-to-file`,
	`kubectl create configmap config-name --from-literal=key=value --from-literal`,
	`kubectl create cronjob hello --image=busybox --schedule='*/1 * * * *' -- echo hi`,
	`kubectl create ingress web --rule=foo.com/bar=svc1:8080`,
	`kubectl create job pi --image=perl -- perl -Mbignum=bpi -wle 'print bpi(2000)'`,
	`kubectl create ns dev`,
	`kubectl create pdb pdb1 --selector=app=x --min-available=1`,
	`kubectl create priorityclass high --value=1000`,
	`kubectl create quota q --hard=pods=2`,
	`kubectl create role pod-reader --verb=get,list --resource=pods`,
	`kubectl create rolebinding rb --role=pod-reader --user=jane`,
	`kubectl create secret docker-registry regcred --docker-server=r.io --docker-username=u --docker-password=p`,
	`kubectl create secret generic secret-name --from-file=path-to-file`,
	`kubectl create secret generic secret-name --from-literal=key=value`,
	`kubectl create secret tls tls-secret --cert=tls.crt --key=tls.key`,
	`kubectl create service nodeport web --tcp=80:8080 --node-port=30080`,
	`kubectl create token sa1`,
	`kubectl debug node/node1 -it --image=busybox`,
	`kubectl delete NODE`,
	`kubectl delete cj busybox`,
	`kubectl delete deploy x --cascade=orphan`,
	`kubectl delete pod nginx --grace-period=0 --force`,
	`kubectl describe deployments.apps nginx`,
	`kubectl describe node $NODE`,
	`kubectl describe node node1`,
	`kubectl describe pod kube-apiserver-controlplane -n kube-system`,
	`kubectl describe secret dashboard-sa-token-kbbm`,
	`kubectl diff -f app.yaml`,
	`kubectl drain node-01`,
	`kubectl drain node1 --ignore-daemonsets --delete-emptydir-data --force`,
	`kubectl events --for pod/web`,
	`kubectl exec -it mypod -c app -- /bin/sh`,
	`kubectl exec ubuntu-sleeper -- whoami`,
	`kubectl explain deployment.spec.strategy`,
	`kubectl expose deployment nginx-clusterip --type="ClusterIP" --port="80"`,
	`kubectl expose nginx --port=80 --target-port=8000`,
	`kubectl get --raw /healthz`,
	`kubectl get Pod`,
	`kubectl get cj`,
	`kubectl get crd`,
	`kubectl get cronjobs current-date -o yaml`,
	`kubectl get csr`,
	`kubectl get daemonset`,
	`kubectl get deployments`,
	`kubectl get ep`,
	`kubectl get events`,
	`kubectl get events --sort-by=.metadata.creationTimestamp`,
	`kubectl get hpa`,
	`kubectl get ing`,
	`kubectl get netpol -A`,
	`kubectl get nodes`,
	`kubectl get nodes --show-labels`,
	`kubectl get po -A --field-selector=status.phase=Running`,
	`kubectl get po -l 'app in (a,b)'`,
	`kubectl get po -l 'app in (v2)'`,
	`kubectl get po -l app=nginx`,
	`kubectl get po -o wide`,
	`kubectl get po -o=jsonpath='{.items[0].metadata.name}'`,
	`kubectl get po <pod-name> -o yaml`,
	`kubectl get po,pv,pvc`,
	`kubectl get pod --all-namespaces`,
	`kubectl get pod -n ckad-prep`,
	`kubectl get pod sso -n testing -o yaml`,
	`kubectl get pod {name} -n {namespace}`,
	`kubectl get pods $(cat list.txt)`,
	`kubectl get pods -l app=foo -o wide`,
	`kubectl get pods -l env=prod,bu=finance`,
	`kubectl get pods -o custom-columns=NAME:.metadata.name,IP:.status.podIP`,
	`kubectl get pv,pvc`,
	`kubectl get rs`,
	`kubectl get sc`,
	`kubectl get secret app-secret -o yaml`,
	`kubectl get secrets`,
	`kubectl get serviceaccount`,
	`kubectl kustomize ./base`,
	`kubectl label nodes node-name label-key=label-value`,
	`kubectl label nodes your-node-name disktype=ssd`,
	`kubectl label ns dev pod-security.kubernetes.io/enforce=restricted`,
	`kubectl logs ${POD} -c app`,
	`kubectl logs --namespace kube-system weave-net-pwjkj -c weave`,
	`kubectl logs -f event-pod`,
	`kubectl logs -f event-pod container1`,
	`kubectl logs -p -c ruby web-1`,
	`kubectl logs -p mypod --tail=20`,
	`kubectl logs busybox-ptx58 -f`,
	`kubectl logs etcd-ubuntu -n kube-system`,
	`kubectl logs job/busybox`,
	`kubectl patch deploy x -p '{"spec":{"replicas":3}}'`,
	`kubectl plugin list`,
	`kubectl port-forward svc/web 8080:80`,
	`kubectl proxy --port=8001`,
	`kubectl replace --force -f pod.yaml`,
	`kubectl rollout history deployment nginx`,
	`kubectl rollout status deployment/myapp-deployment`,
	`kubectl rollout undo deploy/nginx --to-revision=2`,
	`kubectl rollout undo deployment/<deployment-name`,
	`kubectl rollout undo deployment/nginx`,
	`kubectl run -it busybox --image=busybox --restart=Never --rm -- sh`,
	`kubectl run busybox --image=busybox --command --restart=Never -it -- env`,
	`kubectl run busybox --image=busybox --rm -it --restart=Never -- wget -O- 10.1.1.131:80`,
	`kubectl run busybox --image=busybox --rm -it --restart=Never -n ckad-prep -- /bin/sh`,
	`kubectl run busybox --rm --image=busybox -it --restart=Never -- sh`,
	`kubectl run nginx1 --image=nginx --restart=Never --labels=app=v1`,
	`kubectl run podname --image=nginx`,
	`kubectl run x --image=busybox --command -- sleep 3600`,
	`kubectl scale deployments deploy --replicas=5`,
	`kubectl set env deploy/x ENV=prod`,
	`kubectl set image deployment/myapp-deployment nginx=nginx:1.9.1`,
	`kubectl set resources deploy nginx --limits=cpu=200m,memory=512Mi`,
	`kubectl taint nodes node-name key=value:taint-effect`,
	`kubectl taint nodes node1 dedicated=gpu:NoExecute`,
	`kubectl taint nodes node1 key1-`,
	`kubectl taint nodes node1 key1:NoSchedule-`,
	`kubectl taint nodes node1 key1=value1:NoSchedule-`,
	`kubectl top node`,
	`kubectl top node --sort-by=cpu`,
	`kubectl top pod`,
	`kubectl top pod --containers`,
	`kubectl uncordon node-01`,
	`kubectl version --client`,
	`kubectl version -o yaml`,
	`kubectl wait --for=condition=Ready pod/x --timeout=60s`,
	`kubectx prod`,
	`kubens dev`,
	`ls -la`,
	`openssl x509 -in a.crt -text`,
	`sudo kubectl get po`,
	`systemctl restart kubelet`,
	`vim x.yaml`,
	`watch -n 1 kubectl get pods`,
	`watch kubectl get pods`,
	// unquoted expansions are any number of words ($ns holds "-n dev",
	// $do holds "--dry-run=client -o yaml"): nothing is counted across them
	`k exec -it $ns consumer -- /bin/sh`,
	`k exec -it $ns consumer -- sh`,
	`kubectl exec $POD sh`,
	`kubectl exec -it $POD_AND_CONTAINER ls`,
	`kubectl run nginx $do`,
	`kubectl create deployment web $IMAGE_FLAGS`,
	`kubectl create deployment --image $IMAGE`,
	`kubectl scale deploy web $REPLICAS`,
	// cobra's help command, flags and command families named in prose,
	// synopses, versions and pasted output
	`kubectl help`,
	`kubectl help get`,
	`kubectl -A`,
	`kubectl --all-namespaces`,
	`kubectl create service -o yaml --dry-run=client`,
	`kubectl create secret --from-literal=user=admin`,
	`kubectl kubectl Cheat Sheet`,
	`kubectl <= 1.4`,
	`kubectl get, patch and delete`,
	`kubectl create (docker-registry | generic | tls)`,
	`kubectl scale deployment deployment --replicas=X`,
	`kubectl scale --replicas=N deployment/web`,
	`kubectl: OK`,
	`kubectl: FAILED`,
	`kubectl logs --since=T web`,
}

func TestValidCommands(t *testing.T) {
	for _, line := range validCommands {
		args := split(t, line)
		for _, f := range testChecker.Check(args) {
			t.Errorf("%q: unexpected %s at %q: %s", line, f.Code, args[f.Arg].Text[f.Start:f.End], f.Message)
		}
	}
}

// want is one expected finding: its rule, the highlighted text, the
// command after applying its edits ("" when it has none) and Safe.
type want struct {
	rule, at, fixed string
	safe            bool
}

var invalidCommands = []invalidCase{
	{`kubectl create secret generic db --from-literal=password`, []want{{"invalid-flag-value", `password`, "", false}}},
	{`kubectl create configmap cfg --from-literal =mode`, []want{{"invalid-flag-value", `=mode`, "", false}}},
	{`k run http-go --image=http-go --dry-run -o yaml`, []want{{"dry-run-value", `--dry-run`, `k run http-go --image=http-go --dry-run=client -o yaml`, true}}},
	{`k run finance --image=redis:alpine --dry-run -o yaml`, []want{{"dry-run-value", `--dry-run`, `k run finance --image=redis:alpine --dry-run=client -o yaml`, true}}},
	{`kubectl tolerations nodes node1 app=blue:NoSchudule`, []want{{"unknown-command", `tolerations`, "", false}}},
	{`k edit deploy {deploy name} --replicas={number}`, []want{{"unknown-flag", `--replicas`, "", false}}},
	{`k create -f http-go-deploy.yaml --record=true`, []want{{"deprecated-form", `--record`, `k create -f http-go-deploy.yaml`, false}}},
	{`kubectl undo deployment/myapp-deployment`, []want{{"unknown-command", `undo`, `kubectl rollout undo deployment/myapp-deployment`, true}}},
	{`kubectl logs my-custom-scheduler --name-space=kube-system`, []want{{"unknown-flag", `--name-space`, `kubectl logs my-custom-scheduler --namespace=kube-system`, true}}},
	{`kubectl craete serviceaccount sa1`, []want{{"unknown-command", `craete`, `kubectl create serviceaccount sa1`, true}}},
	{`kubectl config user-context context-A`, []want{{"unknown-command", `user-context`, `kubectl config use-context context-A`, true}}},
	{`kubectl undrain`, []want{{"unknown-command", `undrain`, `kubectl uncordon`, true}}},
	{`k run static-busybox --image=busybox --command sleep 1000 --dry-run-client -o yaml`, []want{{"unknown-flag", `--dry-run-client`, `k run static-busybox --image=busybox --command sleep 1000 --dry-run=client -o yaml`, true}}},
	{`k craete pod.yaml`, []want{{"unknown-command", `craete`, `k create pod.yaml`, true}, {"missing-argument", `pod.yaml`, `k craete -f pod.yaml`, true}}},
	{`k get pod --all`, []want{{"unknown-flag", `--all`, "", false}}},
	{`bask64 --decode`, []want{{"tool-typo", `bask64`, `base64 --decode`, true}}},
	{`system restart kubelet`, []want{{"tool-typo", `system`, `systemctl restart kubelet`, true}}},
	{`ip nets exec blue ping 8.8.8.8`, []want{{"tool-typo", `nets`, `ip netns exec blue ping 8.8.8.8`, true}}},
	{`kubectl descibe pod x`, []want{{"unknown-command", `descibe`, `kubectl describe pod x`, true}}},
	{`kubectl rollout histroy deploy/x`, []want{{"unknown-command", `histroy`, `kubectl rollout history deploy/x`, true}}},
	{`kubectl create servicaccount sa1`, []want{{"unknown-command", `servicaccount`, `kubectl create serviceaccount sa1`, true}}},
	{`kubectl logs web --contianer=app`, []want{{"unknown-flag", `--contianer`, `kubectl logs web --container=app`, true}}},
	{`kubectl get po --all-namespace`, []want{{"unknown-flag", `--all-namespace`, `kubectl get po --all-namespaces`, true}}},
	{`kubectl get po --show-label`, []want{{"unknown-flag", `--show-label`, `kubectl get po --show-labels`, true}}},
	{`kubectl run x --image=nginx --restat=Never`, []want{{"unknown-flag", `--restat`, `kubectl run x --image=nginx --restart=Never`, true}}},
	{`kubectl run x --image=nginx --dry-run client -o yaml`, []want{{"dry-run-value", `--dry-run`, `kubectl run x --image=nginx --dry-run=client -o yaml`, true}}},
	{`kubectl apply -f x.yaml --dry-run=true`, []want{{"dry-run-value", `true`, `kubectl apply -f x.yaml --dry-run=client`, true}}},
	{`kubectl apply -f x.yaml --dry-run=false`, []want{{"dry-run-value", `false`, `kubectl apply -f x.yaml --dry-run=none`, true}}},
	{`kubectl apply -f x.yaml --dry-run=clinet`, []want{{"invalid-flag-value", `clinet`, `kubectl apply -f x.yaml --dry-run=client`, true}}},
	{`kubectl apply -f x.yaml --dry-run-server`, []want{{"unknown-flag", `--dry-run-server`, `kubectl apply -f x.yaml --dry-run=server`, true}}},
	{`kubectl get po -o yml`, []want{{"invalid-flag-value", `yml`, `kubectl get po -o yaml`, true}}},
	{`kubectl get po -oyml`, []want{{"invalid-flag-value", `yml`, `kubectl get po -oyaml`, true}}},
	{`kubectl get po -o josn`, []want{{"invalid-flag-value", `josn`, `kubectl get po -o json`, true}}},
	{`kubectl get po -o`, []want{{"invalid-flag-value", `-o`, "", false}}},
	{`kubectl get po -n -o yaml`, []want{{"invalid-flag-value", `-n`, "", false}}},
	{`kubectl create deploy x --image=y -o wide`, []want{{"invalid-flag-value", `wide`, "", false}}},
	{`kubectl run x --image=nginx --restart=never`, []want{{"invalid-flag-value", `never`, `kubectl run x --image=nginx --restart=Never`, true}}},
	{`kubectl run x --image=nginx --restart=Alway`, []want{{"invalid-flag-value", `Alway`, `kubectl run x --image=nginx --restart=Always`, true}}},
	{`kubectl run x --image=nginx --image-pull-policy=ifnotpresent`, []want{{"invalid-flag-value", `ifnotpresent`, `kubectl run x --image=nginx --image-pull-policy=IfNotPresent`, true}}},
	{`kubectl expose deploy x --type nodeport --port 80`, []want{{"invalid-flag-value", `nodeport`, `kubectl expose deploy x --type NodePort --port 80`, true}}},
	{`kubectl expose deploy x --type=LoadBalancr --port 80`, []want{{"invalid-flag-value", `LoadBalancr`, `kubectl expose deploy x --type=LoadBalancer --port 80`, true}}},
	{`kubectl delete po x --cascade=true`, []want{{"deprecated-form", `true`, `kubectl delete po x --cascade=background`, true}}},
	{`kubectl delete po x --cascade=false`, []want{{"deprecated-form", `false`, `kubectl delete po x --cascade=orphan`, true}}},
	{`kubectl delete po x --cascade=orphn`, []want{{"invalid-flag-value", `orphn`, `kubectl delete po x --cascade=orphan`, true}}},
	{`kubectl taint nodes node1 key=value:NoSchudule`, []want{{"invalid-flag-value", `NoSchudule`, `kubectl taint nodes node1 key=value:NoSchedule`, true}}},
	{`kubectl taint nodes node1 key=value:NoSchedul`, []want{{"invalid-flag-value", `NoSchedul`, `kubectl taint nodes node1 key=value:NoSchedule`, true}}},
	{`kubectl taint nodes node1 key=value:noexecute`, []want{{"invalid-flag-value", `noexecute`, `kubectl taint nodes node1 key=value:NoExecute`, true}}},
	{`kubectl taint nodes node1 key:NoSchedle-`, []want{{"invalid-flag-value", `NoSchedle`, `kubectl taint nodes node1 key:NoSchedule-`, true}}},
	{`k get pdo`, []want{{"unknown-resource-type", `pdo`, `k get pod`, false}}},
	{`k get deploymnet`, []want{{"unknown-resource-type", `deploymnet`, `k get deployment`, true}}},
	{`k get sec`, []want{{"unknown-resource-type", `sec`, `k get secret`, false}}},
	{`k get pods,sevrices`, []want{{"unknown-resource-type", `sevrices`, `k get pods,services`, true}}},
	{`k describe deploymnt/web`, []want{{"unknown-resource-type", `deploymnt`, `k describe deployment/web`, true}}},
	{`k logs deploymnt/web`, []want{{"unknown-resource-type", `deploymnt`, `k logs deployment/web`, true}}},
	{`k explain pdos.spec`, []want{{"unknown-resource-type", `pdos`, `k explain pods.spec`, true}}},
	// two edits from a built-in type: perhaps a custom resource, so the fix
	// is offered but not safe
	{`kubectl get crontab`, []want{{"unknown-resource-type", `crontab`, `kubectl get cronjob`, false}}},
	{`kubectl get resourceclass`, []want{{"unknown-resource-type", `resourceclass`, "", false}}},
	{`kubectl get resourceclaimz`, []want{{"unknown-resource-type", `resourceclaimz`, `kubectl get resourceclaim`, true}}},
	{`k get psp`, []want{{"unknown-resource-type", `psp`, "", false}}},
	{`k get cs`, []want{{"deprecated-form", `cs`, "", false}}},
	{`kubectl run nginx --image=nginx --generator=run-pod/v1`, []want{{"removed-flag", `--generator`, `kubectl run nginx --image=nginx`, true}}},
	{`kubectl run nginx --image=nginx --generator=deployment/apps.v1`, []want{{"removed-flag", `--generator`, `kubectl run nginx --image=nginx`, false}}},
	{`kubectl run nginx --image=nginx --replicas=3`, []want{{"removed-flag", `--replicas`, "", false}}},
	{`kubectl run nginx --image=nginx --schedule='*/1 * * * *'`, []want{{"removed-flag", `--schedule`, "", false}}},
	{`kubectl run nginx --image=nginx --serviceaccount=sa1`, []want{{"removed-flag", `--serviceaccount`, "", false}}},
	{`kubectl run nginx --image=nginx --requests=cpu=100m`, []want{{"removed-flag", `--requests`, "", false}}},
	{`kubectl run nginx --image=nginx --limits cpu=200m`, []want{{"removed-flag", `--limits`, "", false}}},
	{`kubectl get po nginx -o yaml --export`, []want{{"removed-flag", `--export`, `kubectl get po nginx -o yaml`, false}}},
	{`kubectl version --short`, []want{{"removed-flag", `--short`, `kubectl version`, true}}},
	{`kubectl drain n1 --delete-local-data --ignore-daemonsets`, []want{{"removed-flag", `--delete-local-data`, `kubectl drain n1 --delete-emptydir-data --ignore-daemonsets`, true}}},
	{`kubectl apply -f d/ --prune --prune-whitelist=core/v1/ConfigMap`, []want{{"removed-flag", `--prune-whitelist`, `kubectl apply -f d/ --prune --prune-allowlist=core/v1/ConfigMap`, true}}},
	{`kubectl apply -f x.yaml --server-dry-run`, []want{{"removed-flag", `--server-dry-run`, `kubectl apply -f x.yaml --dry-run=server`, true}}},
	{`kubectl --record deployments/web set image deployments/web nginx=nginx:1.9.1`, []want{{"deprecated-form", `--record`, "", false}}},
	{`kubectl set image deploy/x app=nginx:1.2 --record`, []want{{"deprecated-form", `--record`, `kubectl set image deploy/x app=nginx:1.2`, false}}},
	{`kubectl autoscale deploy x --min=2 --max=5 --cpu-percent=80`, []want{{"deprecated-form", `--cpu-percent`, `kubectl autoscale deploy x --min=2 --max=5 --cpu=80%`, true}}},
	{`kubectl autoscale deploy x --max=5 --cpu-percent 80`, []want{{"deprecated-form", `--cpu-percent`, `kubectl autoscale deploy x --max=5 --cpu=80%`, true}}},
	{`kubectl exec -it busybox sh`, []want{{"removed-flag", `sh`, `kubectl exec -it busybox -- sh`, true}}},
	{`kubectl exec nginx ls /`, []want{{"removed-flag", `ls`, `kubectl exec nginx -- ls /`, true}}},
	// an expansion before the pod: the command certainly lacks "--", but
	// where "--" goes depends on what the expansion holds, so no fix
	{`k exec -it $ns consumer sh`, []want{{"removed-flag", `sh`, "", false}}},
	{`kubectl exec -it web $opts ls -l`, []want{{"removed-flag", `ls`, "", false}}},
	{`kubectl exec $ns web ls --color`, []want{{"removed-flag", `ls`, "", false}}},
	{`kubectl exec web ls $dir`, []want{{"removed-flag", `ls`, `kubectl exec web -- ls $dir`, true}}},
	{`kubectl alpha auth whoami`, []want{{"unknown-command", `auth`, `kubectl auth whoami`, false}}},
	{`kubectl alpha auth whoami -o yaml`, []want{{"unknown-command", `auth`, `kubectl auth whoami -o yaml`, true}}},
	{`kubectl alpha events --for pod/web`, []want{{"unknown-command", `events`, `kubectl events --for pod/web`, true}}},
	{`kubectl alpha kuberc view`, []want{{"unknown-command", `kuberc`, "", false}}},
	{`kubectl view`, []want{{"unknown-command", `view`, "", false}}},
	{`kubectl plugins`, []want{{"unknown-command", `plugins`, `kubectl plugin`, false}}},
	{`kubectl plugins list`, []want{{"unknown-command", `plugins`, `kubectl plugin list`, true}}},
	{`kubectl --versoin`, []want{{"unknown-flag", `--versoin`, "", false}}},
	{`kubectl rolling-update frontend --image=image:v2`, []want{{"removed-flag", `rolling-update`, "", false}}},
	{`kubectl alpha debug mypod -it --image=busybox`, []want{{"unknown-command", `debug`, `kubectl debug mypod -it --image=busybox`, true}}},
	{`kubectl convert -f pod.yaml --output-version apps/v1`, []want{{"kubectl-plugin", `convert`, "", false}}},
	{`kubectl krew install neat`, []want{{"kubectl-plugin", `krew`, "", false}}},
	{`kubectl ctx prod`, []want{{"kubectl-plugin", `ctx`, "", false}}},
	{`kubectl ns dev`, []want{{"kubectl-plugin", `ns`, "", false}}},
	{`kubectl neat -f x.yaml`, []want{{"kubectl-plugin", `neat`, "", false}}},
	{`kubectl evil`, []want{{"unknown-command", `evil`, "", false}}},
	{`kubectl history deploy/x`, []want{{"unknown-command", `history`, `kubectl rollout history deploy/x`, true}}},
	{`kubectl use-context prod`, []want{{"unknown-command", `use-context`, `kubectl config use-context prod`, true}}},
	{`kubectl list pods`, []want{{"unknown-command", `list`, `kubectl get pods`, true}}},
	{`kubectl log mypod`, []want{{"unknown-command", `log`, `kubectl logs mypod`, true}}},
	{`kubectl create user user1`, []want{{"unknown-command", `user`, "", false}}},
	{`kubectl top deploy`, []want{{"unknown-command", `deploy`, "", false}}},
	{`kubectl config get-context`, []want{{"unknown-command", `get-context`, `kubectl config get-contexts`, false}}},
	{`kubectl apply pod.yaml`, []want{{"missing-argument", `pod.yaml`, `kubectl apply -f pod.yaml`, true}}},
	{`kubectl create deployment web`, []want{{"missing-argument", `deployment`, "", false}}},
	{`kubectl create deployment --image=nginx`, []want{{"missing-argument", `deployment`, "", false}}},
	{`kubectl scale deploy web`, []want{{"missing-argument", `scale`, "", false}}},
	{`kubectl run nginx --restart=Never`, []want{{"missing-argument", `run`, "", false}}},
	{`kubeclt get po`, []want{{"tool-typo", `kubeclt`, `kubectl get po`, true}}},
	{`kubect get pods`, []want{{"tool-typo", `kubect`, `kubectl get pods`, true}}},
	{`kubeclt get po --all`, []want{{"tool-typo", `kubeclt`, `kubectl get po --all`, true}, {"unknown-flag", `--all`, "", false}}},
	{`grpe -i taint`, []want{{"tool-typo", `grpe`, `grep -i taint`, true}}},
	{`sytemctl restart kubelet`, []want{{"tool-typo", `sytemctl`, `systemctl restart kubelet`, true}}},
	{`journlctl -u kubelet`, []want{{"tool-typo", `journlctl`, `journalctl -u kubelet`, true}}},
	{`dokcer ps`, []want{{"tool-typo", `dokcer`, `docker ps`, true}}},
	{`crictrl ps`, []want{{"tool-typo", `crictrl`, `crictl ps`, true}}},
	{`etcdclt snapshot save a.db`, []want{{"tool-typo", `etcdclt`, `etcdctl snapshot save a.db`, true}}},
	{`kubeamd init`, []want{{"tool-typo", `kubeamd`, `kubeadm init`, true}}},
	{`opensll x509 -in a.crt`, []want{{"tool-typo", `opensll`, `openssl x509 -in a.crt`, true}}},
	{`kubectl get po -namespace kube-system`, []want{{"unknown-flag", `-namespace`, `kubectl get po --namespace kube-system`, true}}},
	{`kubectl wait --for=condition=Ready pod/x --timeout=60`, []want{{"invalid-flag-value", `60`, `kubectl wait --for=condition=Ready pod/x --timeout=60s`, false}}},
	{`kubectl scale deploy x --replicas=three`, []want{{"invalid-flag-value", `three`, "", false}}},
	{`kubectl get po -a`, []want{{"unknown-flag", `a`, "", false}}},
	{`sudo kubectl get po --all`, []want{{"unknown-flag", `--all`, "", false}}},
	{`watch -n 2 kubectl get pdo`, []want{{"unknown-resource-type", `pdo`, `watch -n 2 kubectl get pod`, false}}},
	{`kc get pdo`, []want{{"unknown-resource-type", `pdo`, `kc get pod`, false}}},
	{`kubectl get po --sort-by .metadata.name --show-lables`, []want{{"unknown-flag", `--show-lables`, `kubectl get po --sort-by .metadata.name --show-labels`, true}}},
	{`kubectl get po -A --watchh`, []want{{"unknown-flag", `--watchh`, `kubectl get po -A --watch`, true}}},
	{`kubectl delete po x --grace-period=now`, []want{{"invalid-flag-value", `now`, "", false}}},
	{`kubectl get nodes -o jsonpth='{.items}'`, []want{{"invalid-flag-value", `jsonpth`, `kubectl get nodes -o jsonpath={.items}`, true}}},
}

// invalidCase is a row of a table of wrong commands: the findings expected,
// in order, each with its code, highlighted text, fixed command and safety.
type invalidCase = struct {
	line string
	want []want
}

func TestInvalidCommands(t *testing.T) { checkInvalid(t, invalidCommands) }

// checkInvalid checks each row: the findings' codes and highlighted text,
// each fix byte for byte with its safety, and the message's shape.
func checkInvalid(t *testing.T, rows []invalidCase) {
	t.Helper()
	for _, tc := range rows {
		args := split(t, tc.line)
		fs := testChecker.Check(args)
		if len(fs) != len(tc.want) {
			var got []string
			for _, f := range fs {
				got = append(got, fmt.Sprintf("%s@%q(%s)", f.Code, args[f.Arg].Text[f.Start:f.End], f.Message))
			}
			t.Errorf("%q: got %d findings %v, want %d", tc.line, len(fs), got, len(tc.want))
			continue
		}
		for i, w := range tc.want {
			f := fs[i]
			at := args[f.Arg].Text[f.Start:f.End]
			if f.Code.String() != w.rule || at != w.at {
				t.Errorf("%q: finding %d is %s at %q (%s), want %s at %q", tc.line, i, f.Code, at, f.Message, w.rule, w.at)
			}
			fixed := ""
			if f.Edits != nil {
				fixed = ApplyEdits(args, f.Edits)
			}
			if fixed != w.fixed || f.Safe != w.safe {
				t.Errorf("%q: fix gives %q safe=%v, want %q safe=%v", tc.line, fixed, f.Safe, w.fixed, w.safe)
			}
			if f.Message == "" || strings.Contains(f.Message, "\n") {
				t.Errorf("%q: bad message %q", tc.line, f.Message)
			}
			if f.Safe && f.Edits == nil {
				t.Errorf("%q: Safe without edits", tc.line)
			}
		}
	}
}

func TestTableSize(t *testing.T) {
	if n := len(validCommands) + len(invalidCommands); n < 150 {
		t.Fatalf("only %d rows", n)
	}
}

// A missing "--" after exec is one finding, not one more per flag of the
// container's command.
func TestExecWithoutDashIsOneFinding(t *testing.T) {
	var args []Arg
	for _, w := range strings.Fields("kubectl exec etcd-master -n kube-system etcdctl get / --prefix -keys-only") {
		args = append(args, Arg{Text: w})
	}
	got := New(Options{}).Check(args)
	if len(got) != 1 || got[0].Code != RemovedFlag || got[0].Arg != 5 || ApplyEdits(args, got[0].Edits) != "kubectl exec etcd-master -n kube-system -- etcdctl get / --prefix -keys-only" {
		t.Fatalf("got %+v", got)
	}
}

// The note reader marks a whole word as a placeholder when any part of it
// is one; a flag whose value is the placeholder still has its name checked.
func TestPlaceholderValueFlags(t *testing.T) {
	c := New(Options{})
	args := []Arg{{Text: "k"}, {Text: "edit"}, {Text: "deploy"}, {Text: "{deploy name}", Placeholder: true}, {Text: "--replicas={number}", Placeholder: true}}
	got := c.Check(args)
	if len(got) != 1 || got[0].Code != UnknownFlag || got[0].Arg != 4 || args[4].Text[got[0].Start:got[0].End] != "--replicas" {
		t.Fatalf("Check(%v) = %+v; want one unknown-flag at --replicas", args, got)
	}
	ok := []Arg{{Text: "kubectl"}, {Text: "scale"}, {Text: "deploy"}, {Text: "<name>", Placeholder: true}, {Text: "--replicas=<n>", Placeholder: true}}
	if got := c.Check(ok); len(got) != 0 {
		t.Fatalf("Check(%v) = %+v; want nothing", ok, got)
	}
	whole := []Arg{{Text: "kubectl"}, {Text: "get"}, {Text: "pods"}, {Text: "$FLAGS", Placeholder: true}}
	if got := c.Check(whole); len(got) != 0 {
		t.Fatalf("Check(%v) = %+v; want nothing", whole, got)
	}
}

// noteContext is what a note about custom resources and plugins defines:
// a CRD (crontabs.stable.example.com, short name ct), an object of a kind
// no built-in group serves, the plugin scripts it writes, and
// KUBECTL_APPLYSET=true.
func noteContext() *Context {
	return &Context{
		Resources: []CustomResource{
			{Group: "stable.example.com", Kind: "CronTab", Plural: "crontabs", Singular: "crontab", ShortNames: []string{"ct"}, Categories: []string{"examples"}, Versions: []string{"v1"}},
			{Group: "stable.example.com", Kind: "Operator", Plural: "operators", Singular: "operator", ShortNames: []string{"op"}},
			{Group: "example.com", Kind: "ResourceClass"},      // an object of a CRD defined elsewhere
			{Group: "apps", Kind: "Deployment"},                // an object of a built-in kind defines nothing
			{Group: "", Kind: "Pdo"},                           // a core-group kind: not a CR either
			{Group: "batch.tutorial.kubebuilder.io", Kind: ""}, // nothing to name
		},
		Plugins: []string{"whoami", "foo-bar-baz", "foo_bar", "create-foo", "undo"},
		Env:     map[string]string{"KUBECTL_APPLYSET": "true"},
	}
}

// What a note defines is known there, and only there: never reported,
// never the target of a "fix".
func TestNoteContext(t *testing.T) {
	ctx := noteContext()
	for _, line := range []string{
		`kubectl get crontab`,
		`kubectl get crontabs`,
		`kubectl get ct`,
		`kubectl get CronTab my-new-cron-object -o yaml`,
		`kubectl get crontabs.stable.example.com`,
		`kubectl get crontabs.v1.stable.example.com`,
		`kubectl get examples`,
		`kubectl delete ct/my-new-cron-object`,
		`kubectl explain crontab.spec`,
		`kubectl get op`,
		`kubectl get operators,pods`,
		`kubectl get resourceclass`,
		`kubectl get resourceclasses`,
		`kubectl whoami`,
		`kubectl foo bar baz arg1 --flag=value arg2`,
		`kubectl foo-bar`,
		`kubectl foo_bar`,
		`kubectl create foo`,
		`kubectl undo`,
		`kubectl apply -f manifests/ --prune --applyset=configmaps/mine`,
	} {
		args := split(t, line)
		for _, f := range testChecker.CheckIn(ctx, args) {
			t.Errorf("%q: unexpected %s at %q: %s", line, f.Code, args[f.Arg].Text[f.Start:f.End], f.Message)
		}
	}
	// the same commands in a note that defines nothing
	for _, tc := range []struct {
		line string
		want want
	}{
		{`kubectl get crontab`, want{"unknown-resource-type", `crontab`, `kubectl get cronjob`, false}},
		{`kubectl get op`, want{"unknown-resource-type", `op`, `kubectl get po`, false}},
		{`kubectl whoami`, want{"kubectl-plugin", `whoami`, "", false}},
		{`kubectl foo-bar`, want{"unknown-command", `foo-bar`, "", false}},
		{`kubectl create foo`, want{"unknown-command", `foo`, "", false}},
		{`kubectl undo`, want{"unknown-command", `undo`, `kubectl rollout undo`, true}},
		{`kubectl apply -f manifests/ --prune --applyset=configmaps/mine`, want{"unknown-flag", `--applyset`, "", false}},
	} {
		args := split(t, tc.line)
		fs := testChecker.CheckIn(&Context{}, args)
		if len(fs) != 1 {
			t.Errorf("%q without context: got %+v, want one %s", tc.line, fs, tc.want.rule)
			continue
		}
		f := fs[0]
		fixed := ""
		if f.Edits != nil {
			fixed = ApplyEdits(args, f.Edits)
		}
		if f.Code.String() != tc.want.rule || args[f.Arg].Text[f.Start:f.End] != tc.want.at || fixed != tc.want.fixed || f.Safe != tc.want.safe {
			t.Errorf("%q without context: got %s at %q fix %q safe %v; want %+v", tc.line, f.Code, args[f.Arg].Text[f.Start:f.End], fixed, f.Safe, tc.want)
		}
	}
	// a typo of a type the note defines is still a typo
	args := split(t, `kubectl get crontabz`)
	fs := testChecker.CheckIn(ctx, args)
	if len(fs) != 1 || fs[0].Code != UnknownResourceType || !fs[0].Safe || ApplyEdits(args, fs[0].Edits) != `kubectl get crontab` {
		t.Errorf("kubectl get crontabz in the note of crontabs: %+v", fs)
	}
}

// --kube-version judges by the target: a form is deprecated only from the
// version that deprecated it, removed only from the version that removed it.
func TestTargetVersions(t *testing.T) {
	for _, tc := range []struct {
		version int
		line    string
		want    string // the code of the single finding, "" for none
	}{
		{20, `kubectl apply -f x.yaml --record`, ""},
		{22, `kubectl apply -f x.yaml --record`, "deprecated-form"},
		{37, `kubectl set image deploy/x app=nginx:1.2 --record=true`, "deprecated-form"},
		{25, `kubectl run x --image=nginx --filename=pod.yaml`, ""},
		{30, `kubectl run x --image=nginx --filename=pod.yaml`, "deprecated-form"},
		{33, `kubectl run x --image=nginx --filename=pod.yaml`, ""},
		{37, `kubectl run x --image=nginx --filename=pod.yaml`, "deprecated-form"},
		{23, `kubectl kustomize --enable-managedby-label ./base`, ""},
		{24, `kubectl kustomize --enable-managedby-label ./base`, "deprecated-form"},
		{26, `kubectl kustomize --reorder=none ./base`, ""},
		{27, `kubectl kustomize --reorder=none ./base`, "deprecated-form"},
		{24, `kubectl get psp`, ""},
		{25, `kubectl get psp`, "unknown-resource-type"},
		{30, `kubectl get resourceclasses`, ""},
		{31, `kubectl get resourceclasses`, "unknown-resource-type"},
		{17, `kubectl run nginx --image=nginx --replicas=3`, ""},
		{20, `kubectl run nginx --image=nginx --replicas=3`, "deprecated-form"},
		{21, `kubectl run nginx --image=nginx --replicas=3`, "removed-flag"},
		{17, `kubectl exec web ls`, ""},
		{18, `kubectl exec web ls`, "deprecated-form"},
		{31, `kubectl exec web ls`, "removed-flag"},
		{19, `kubectl delete po x --cascade=false`, ""},
		{20, `kubectl delete po x --cascade=false`, "deprecated-form"},
		{33, `kubectl autoscale deploy x --max=5 --cpu-percent=80`, ""},
		{34, `kubectl autoscale deploy x --max=5 --cpu-percent=80`, "deprecated-form"},
		{30, `kubectl drain n1 --delete-local-data`, "deprecated-form"},
		{31, `kubectl drain n1 --delete-local-data`, "removed-flag"},
		{20, `kubectl alpha debug mypod -it --image=busybox`, ""},
		{21, `kubectl alpha debug mypod -it --image=busybox`, "unknown-command"},
		{25, `kubectl alpha events --for pod/web`, ""},
		{26, `kubectl alpha auth whoami`, ""},
		{27, `kubectl alpha auth whoami`, "unknown-command"},
		{15, `kubectl explain deployments --api-version=apps/v1beta1`, ""},
		{16, `kubectl explain deployments --api-version=apps/v1beta1`, "invalid-flag-value"},
		{21, `kubectl explain ingress --api-version=networking.k8s.io/v1beta1`, ""},
		{22, `kubectl explain ingress --api-version=networking.k8s.io/v1beta1`, "invalid-flag-value"},
		{18, `kubectl get cs`, ""},
		{19, `kubectl get cs`, "deprecated-form"},
	} {
		args := split(t, tc.line)
		fs := New(Options{KubeVersion: tc.version}).Check(args)
		got := ""
		if len(fs) > 1 {
			t.Errorf("1.%d %q: %d findings %+v", tc.version, tc.line, len(fs), fs)
			continue
		}
		if len(fs) == 1 {
			got = fs[0].Code.String()
		}
		if got != tc.want {
			t.Errorf("1.%d %q: got %q, want %q (%+v)", tc.version, tc.line, got, tc.want, fs)
		}
	}
}

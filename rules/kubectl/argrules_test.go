package kubectl

import (
	"slices"
	"strings"
	"testing"
)

// Every row names a command of the tree and flags that command has, so a
// kubectl upgrade that renames one fails here instead of silently never
// firing.
func TestArgRowsMatchTheTree(t *testing.T) {
	tr := getTree()
	check := func(cmd, flag string) {
		n := tr.byPath[cmd]
		if n == nil {
			t.Errorf("row for %q: no such command", cmd)
			return
		}
		if flag != "" && n.long[flag] == nil && !(flag == "applyset" && cmd == "apply") {
			t.Errorf("row for %q: no flag --%s", cmd, flag)
		}
	}
	for _, row := range flagRows {
		check(row.cmd, row.a.name)
		for _, b := range row.b {
			check(row.cmd, b.name)
		}
		if row.cite == "" || row.err == "" {
			t.Errorf("row %+v has no citation or error text", row)
		}
	}
	for _, cmd := range createNamed {
		check(cmd, "")
	}
}

// Commands from the notes and kubectl's own examples that the rows must
// leave alone.
var validArgCommands = []string{
	`kubectl run -i --tty load-generator --rm --image=busybox:1.28 --restart=Never -- /bin/sh -c "while sleep 0.01; do wget -q -O- http://php-apache; done"`,
	`kubectl run mysql-client --image=mysql:5.7 -i -t --rm --restart=Never -- mysql -h mysql-read`,
	`kubectl run -i --tty --image busybox:1.28 dns-test --restart=Never --rm /bin/sh`,
	`kubectl run curl --image=radial/busyboxplus:curl -i --tty`,
	`kubectl run nginx --image=nginx --restart=Never --port=80 --expose`,
	`kubectl run nginx --image=nginx --dry-run=client -o yaml`,
	`kubectl run nginx --image=nginx -i --dry-run=none`,
	`kubectl run nginx --image=nginx --attach=false --dry-run=client`,
	`kubectl run nginx --image=nginx --port=$PORT`,
	`kubectl run nginx --image=nginx --rm --attach`,
	`kubectl logs -f -l name=myLabel --all-containers`,
	`kubectl logs web -c app --tail=20`,
	`kubectl logs web app`,
	`kubectl logs --since=1h web`,
	`kubectl logs web --tail=-1`,
	`kubectl logs deploy/web --all-containers=true`,
	`kubectl get --raw /healthz`,
	`kubectl get --raw='/readyz?verbose'`,
	`kubectl get pods --show-labels -o wide`,
	`kubectl get pods --show-labels`,
	`kubectl get pods -w --output-watch-events`,
	`kubectl delete pod web --grace-period=0 --force`,
	`kubectl delete pods --all`,
	`kubectl delete pods -l app=web`,
	`kubectl drain node-1 --ignore-daemonsets`,
	`kubectl drain --selector=pool=old --ignore-daemonsets`,
	`kubectl apply -f manifests/ --prune -l app=web`,
	`kubectl apply -f manifests/ --prune --all`,
	`kubectl apply --server-side --force-conflicts -f app.yaml`,
	`kubectl apply --server-side --dry-run=server -f app.yaml`,
	`kubectl apply -f app.yaml --force`,
	`kubectl scale deploy web --replicas=0`,
	`kubectl scale deploy web --replicas=3 --current-replicas=2`,
	`kubectl autoscale deploy web --min=2 --max=5 --cpu=80%`,
	`kubectl autoscale deploy web --max=5`,
	`kubectl rollout undo deploy/web --to-revision=2`,
	`kubectl rollout undo deploy/web --to-revision=0`,
	`kubectl auth can-i --list`,
	`kubectl auth can-i --list --no-headers`,
	`kubectl auth can-i '*' '*'`,
	`kubectl auth can-i get /logs/`,
	`kubectl auth can-i get pods/web-1`,
	`kubectl auth can-i list deployments.apps -n dev --as jane`,
	`kubectl auth can-i get pods --subresource=log`,
	`kubectl auth can-i create deployment 같이 확인`,
	`kubectl create rolebinding rb --role=pod-reader --user=jane`,
	`kubectl create rolebinding rb --clusterrole=view --serviceaccount=dev:sa1`,
	`kubectl create pdb web --selector=app=web --min-available=1`,
	`kubectl create poddisruptionbudget web --selector=app=web --max-unavailable=50%`,
	`kubectl create secret generic db --from-literal=user=admin --from-file=ssh-key=id_rsa`,
	`kubectl create secret generic db --from-env-file=db.env`,
	`kubectl create configmap cfg --from-file=config/ --from-literal=mode=dev`,
	`kubectl create secret tls tls-secret --cert=tls.crt --key=tls.key`,
	`kubectl create secret docker-registry regcred --docker-server=r.io --docker-username=u --docker-password=p`,
	`kubectl create secret docker-registry regcred --from-file=.dockerconfigjson=config.json`,
	`kubectl create job pi --image=perl -- perl -Mbignum=bpi -wle 'print bpi(2000)'`,
	`kubectl create job test-job --from=cronjob/a-cronjob`,
	`kubectl create role pod-reader --verb=get,list,watch --resource=pods,pods/log,deployments.apps`,
	`kubectl create clusterrole aggregated --aggregation-rule="rbac.example.com/aggregate=true"`,
	`kubectl create clusterrole health --verb=get --non-resource-url=/healthz`,
	`kubectl create role r --verb=get --resource=crontabs.stable.example.com`,
	`kubectl create service clusterip headless --clusterip="None"`,
	`kubectl create service clusterip web --tcp=80:8080`,
	`kubectl create service nodeport web --tcp=80:8080 --node-port=30080`,
	`kubectl create service externalname db --external-name=db.example.com`,
	`kubectl create token sa1 --bound-object-kind=Pod --bound-object-name=web`,
	`kubectl create deployment web --image=nginx --replicas=3 -- nginx -g 'daemon off;'`,
	`kubectl create cronjob hello --image=busybox --schedule="*/1 * * * *" -- date`,
	`kubectl create configmap game-config --from-file=configure-pod-container/configmap/`,
	`kubectl create namespace dev`,
	`kubectl create secret generic NAME [--type=string] [--from-file=[key=]source] [--from-literal=key1=value1]`,
	`kubectl taint nodes node1 key1=value1:NoSchedule key2=value2:NoExecute`,
	`kubectl taint node -l myLabel=X dedicated=foo:PreferNoSchedule`,
	`kubectl taint nodes --all node-role.kubernetes.io/control-plane-`,
	`kubectl taint no node1 key1:NoSchedule-`,
	`kubectl taint NODE NAME KEY_1=VAL_1:TAINT_EFFECT_1 ... KEY_N=VAL_N:TAINT_EFFECT_N`,
	`kubectl taint nodes $NODE key=value:NoSchedule`,
	`kubectl port-forward svc/web 8080:80`,
	`kubectl port-forward pod/mypod 8888:5000 6000`,
	`kubectl port-forward pod/mypod :5000`,
	`kubectl port-forward deploy/web 8080:http`,
	`kubectl port-forward svc/web 0:80`,
	`kubectl port-forward --address 0.0.0.0 pod/mypod 8888:5000`,
	`kubectl port-forward mypod 5000 6000`,
	// values kubectl checks when it runs
	`kubectl explain deployments --api-version=apps/v1`,
	`kubectl explain pods --api-version=v1`,
	`kubectl explain crontabs --api-version=stable.example.com/v1`,
	`kubectl explain hpa --api-version=autoscaling/v2`,
	`kubectl wait --for=condition=Ready pod/web --timeout=60s`,
	`kubectl wait --for=condition=Available=false deploy/web`,
	`kubectl wait --for=delete pod/web`,
	`kubectl wait --for=Delete pod/web`,
	`kubectl wait --for=create pod/web`,
	`kubectl wait --for=jsonpath='{.status.phase}'=Running pod/web`,
	`kubectl events --types=Warning,Normal`,
	`kubectl events --types=warning`,
	`kubectl set resources deploy nginx --limits=cpu=200m,memory=512Mi --requests=cpu=100m,memory=256Mi`,
	`kubectl create quota q --hard=cpu=1,memory=1G,pods=2,requests.storage=10Gi`,
	`kubectl create service nodeport web --tcp=80:8080,443:https`,
	`kubectl create service clusterip web --tcp=5678:8080`,
	`kubectl expose deploy web --port=53 --protocol=UDP`,
	`kubectl top pod --sort-by=memory`,
	`kubectl rollout undo deployment/web --to-revision=2`,
	`kubectl rollout status -w`,
	`kubectl rollout restart -f deploy.yaml`,
	// Helm and Go templates are placeholders
	`kubectl create deployment {{ .Values.name }} --image={{ .Values.image }}`,
	`kubectl scale deploy web --replicas={{ .Values.replicas }}`,
	`kubectl get pods -n {{ .Release.Namespace }}`,
	// usage lines, templates and flags named in a sentence
	`kubectl create service nodeport <사용자 서비스 명칭>`,
	`kubectl create deployment <name>`,
	`kubectl create rolebinding <binding-name> --user=<user>`,
	`kubectl logs POD [-c CONTAINER] [--follow] [flags]`,
	`kubectl apply --prune`,
	`kubectl run -t`,
	`kubectl create job NAME --image=image [--from=cronjob/name] -- [COMMAND] [args...]`,
	`kubectl auth can-i VERB [TYPE | TYPE/NAME | NONRESOURCEURL]`,
	`kubectl port-forward TYPE/NAME [options] [LOCAL_PORT:]REMOTE_PORT [...[LOCAL_PORT_N:]REMOTE_PORT_N]`,
	`kubectl logs (POD | TYPE/NAME) [-c CONTAINER]`,
	// brackets and bars inside values: commands to run, judged and valid
	`kubectl patch deploy web --type=json -p='[{"op": "replace", "path": "/spec/replicas", "value": 3}]'`,
	`kubectl get pods -o jsonpath='{.items[*].metadata.name}'`,
	`kubectl get pods -o custom-columns=NAME:.metadata.name,IMAGE:.spec.containers[*].image`,
	`kubectl get pods -o jsonpath='{range .items[*]}{.metadata.name}{"\n"}{end}'`,
}

func TestValidArgCommands(t *testing.T) {
	for _, line := range validArgCommands {
		args := split(t, line)
		for _, f := range testChecker.Check(args) {
			t.Errorf("%q: unexpected %s at %q: %s", line, f.Code, args[f.Arg].Text[f.Start:f.End], f.Message)
		}
	}
}

// Invalid commands: the code, the highlighted text, the fixed command ("" for
// no fix) and Safe, as in TestInvalidCommands.
var invalidArgCommands = []invalidCase{
	{`kubectl run web --image=busybox -t -- sh`, []want{{"missing-argument", `-t`, "", false}}},
	{`kubectl run web --image=busybox --rm --restart=Never -- sh`, []want{{"missing-argument", `--rm`, "", false}}},
	{`kubectl run web --image=nginx --expose`, []want{{"missing-argument", `--expose`, "", false}}},
	{`kubectl run web --image=busybox -it --rm --dry-run=client -o yaml -- sh`, []want{{"invalid-arguments", `--dry-run`, "", false}}},
	{`kubectl run web --image=nginx --port=http`, []want{{"invalid-flag-value", `http`, "", false}}},
	{`kubectl run --image=nginx`, []want{{"missing-argument", `run`, "", false}}},
	{`kubectl run --image=busybox -- sleep 3600`, []want{{"missing-argument", `run`, "", false}}},
	{`kubectl logs web -c app --all-containers`, []want{{"invalid-arguments", `--all-containers`, "", false}}},
	{`kubectl logs web app -c app`, []want{{"invalid-arguments", `app`, "", false}}},
	{`kubectl logs web app --all-containers`, []want{{"invalid-arguments", `app`, "", false}}},
	{`kubectl logs -l app=web web-1`, []want{{"invalid-arguments", `web-1`, "", false}}},
	{`kubectl logs web --since=1h --since-time=2024-01-01T00:00:00Z`, []want{{"invalid-arguments", `--since-time`, "", false}}},
	{`kubectl logs web --tail=-5`, []want{{"invalid-flag-value", `-5`, "", false}}},
	{`kubectl logs web app sidecar`, []want{{"invalid-arguments", `sidecar`, "", false}}},
	{`kubectl get --raw /api/v1/pods pods`, []want{{"invalid-arguments", `pods`, "", false}}},
	{`kubectl get --raw /api -o json`, []want{{"invalid-arguments", `-o`, "", false}}},
	{`kubectl get pods --show-labels -o yaml`, []want{{"invalid-arguments", `-o`, "", false}}},
	// brackets inside a value make no usage line: the command is still judged
	{`kubectl get --raw /api/v1/pods pods -o custom-columns=NAME:.metadata.name,IMAGE:.spec.containers[*].image`, []want{{"invalid-arguments", `pods`, "", false}}},
	{`kubectl get pods --output-watch-events`, []want{{"missing-argument", `--output-watch-events`, "", false}}},
	{`kubectl delete pod web --now --grace-period=5`, []want{{"invalid-arguments", `--grace-period`, "", false}}},
	{`kubectl delete pods --all -l app=web`, []want{{"invalid-arguments", `-l`, "", false}}},
	{`kubectl drain node-1 --selector=pool=old`, []want{{"invalid-arguments", `node-1`, "", false}}},
	{`kubectl apply -f app.yaml --force-conflicts`, []want{{"missing-argument", `--force-conflicts`, "", false}}},
	{`kubectl apply --server-side --dry-run=client -f app.yaml`, []want{{"invalid-arguments", `--dry-run`, "", false}}},
	{`kubectl apply --server-side --force -f app.yaml`, []want{{"invalid-arguments", `--force`, "", false}}},
	{`kubectl apply -f manifests/ --prune`, []want{{"missing-argument", `--prune`, "", false}}},
	{`kubectl apply -f manifests/ --prune -l app=web --force`, []want{{"invalid-arguments", `--force`, "", false}}},
	{`kubectl scale deploy web --replicas=-1`, []want{{"invalid-flag-value", `-1`, "", false}}},
	{`kubectl autoscale deploy web --min=5 --max=2`, []want{{"invalid-flag-value", `2`, "", false}}},
	{`kubectl autoscale deploy web --max=0`, []want{{"invalid-flag-value", `0`, "", false}}},
	{`kubectl rollout undo deploy/web --to-revision=-1`, []want{{"invalid-flag-value", `-1`, "", false}}},
	{`kubectl auth can-i --list pods`, []want{{"invalid-arguments", `pods`, "", false}}},
	{`kubectl auth can-i --list -A`, []want{{"invalid-arguments", `-A`, "", false}}},
	{`kubectl auth can-i get pods --no-headers`, []want{{"missing-argument", `--no-headers`, "", false}}},
	{`kubectl auth can-i get pods web-1`, []want{{"invalid-arguments", `web-1`, `kubectl auth can-i get pods/web-1`, true}}},
	{`kubectl auth can-i get pods web-1 -n dev`, []want{{"invalid-arguments", `web-1`, `kubectl auth can-i get pods/web-1 -n dev`, true}}},
	{`kubectl auth can-i get pods web-1 web-2`, []want{{"invalid-arguments", `web-1`, "", false}}},
	{`kubectl auth can-i create pods deployments`, []want{{"invalid-arguments", `deployments`, `kubectl auth can-i create pods/deployments`, false}}},
	{`kubectl auth can-i create`, []want{{"missing-argument", `create`, "", false}}},
	{`kubectl auth can-i get pdos`, []want{{"unknown-resource-type", `pdos`, `kubectl auth can-i get pods`, true}}},
	{`kubectl auth can-i get /healthz --subresource=log`, []want{{"invalid-arguments", `/healthz`, "", false}}},
	{`kubectl create rolebinding rb --user=jane`, []want{{"missing-argument", `rolebinding`, "", false}}},
	{`kubectl create rolebinding rb --role=a --clusterrole=b --user=jane`, []want{{"invalid-arguments", `--clusterrole`, "", false}}},
	{`kubectl create pdb web --min-available=1`, []want{{"missing-argument", `pdb`, "", false}}},
	{`kubectl create pdb web --selector=app=web`, []want{{"missing-argument", `pdb`, "", false}}},
	{`kubectl create pdb web --selector=app=web --min-available=1 --max-unavailable=1`, []want{{"invalid-arguments", `--max-unavailable`, "", false}}},
	{`kubectl create secret generic db --from-env-file=db.env --from-literal=a=b`, []want{{"invalid-arguments", `--from-literal`, "", false}}},
	{`kubectl create configmap cfg --from-env-file=a.env --from-file=b.txt`, []want{{"invalid-arguments", `--from-file`, "", false}}},
	{`kubectl create secret tls web-tls --cert=tls.crt`, []want{{"missing-argument", `tls`, "", false}}},
	{`kubectl create secret docker-registry regcred --docker-server=r.io`, []want{{"missing-argument", `docker-registry`, "", false}, {"missing-argument", `docker-registry`, "", false}}},
	{`kubectl create job pi`, []want{{"missing-argument", `job`, "", false}}},
	{`kubectl create job pi --image=perl --from=cronjob/pi`, []want{{"invalid-arguments", `--from`, "", false}}},
	{`kubectl create job pi --from=cronjob/pi -- perl -v`, []want{{"invalid-arguments", `perl`, "", false}}},
	{`kubectl create role r --resource=pods`, []want{{"missing-argument", `role`, "", false}}},
	{`kubectl create role r --verb=get`, []want{{"missing-argument", `role`, "", false}}},
	{`kubectl create role r --verb=get --resource=pdos`, []want{{"unknown-resource-type", `pdos`, `kubectl create role r --verb=get --resource=pods`, true}}},
	{`kubectl create role r --verb=get --resource=pods,deploymnets.apps`, []want{{"unknown-resource-type", `deploymnets`, `kubectl create role r --verb=get --resource=pods,deployments.apps`, true}}},
	{`kubectl create clusterrole c --resource=pods`, []want{{"missing-argument", `clusterrole`, "", false}}},
	{`kubectl create service nodeport web`, []want{{"missing-argument", `nodeport`, "", false}}},
	{`kubectl create token sa1 --bound-object-name=web`, []want{{"missing-argument", `--bound-object-name`, "", false}}},
	{`kubectl create deployment web nginx --image=nginx`, []want{{"invalid-arguments", `nginx`, "", false}}},
	{`kubectl create namespace dev prod`, []want{{"invalid-arguments", `prod`, "", false}}},
	{`kubectl create configmap cfg key1=value1`, []want{{"invalid-arguments", `key1=value1`, "", false}}},
	{`kubectl taint node1 dedicated=gpu:NoSchedule`, []want{{"invalid-arguments", `node1`, `kubectl taint nodes node1 dedicated=gpu:NoSchedule`, true}}},
	{`k taint controlplane node-role.kubernetes.io/control-plane:NoSchedule-`, []want{{"invalid-arguments", `controlplane`, `k taint nodes controlplane node-role.kubernetes.io/control-plane:NoSchedule-`, true}}},
	{`kubectl taint nodes/node1 key=value:NoSchedule`, []want{{"invalid-arguments", `nodes/node1`, `kubectl taint nodes node1 key=value:NoSchedule`, true}}},
	{`kubectl taint pods web key=value:NoSchedule`, []want{{"invalid-arguments", `pods`, "", false}}},
	{`kubectl taint nodes key=value:NoSchedule`, []want{{"missing-argument", `nodes`, "", false}}},
	{`kubectl taint nodes key=value:NoSchedule node1`, []want{{"invalid-arguments", `node1`, "", false}}},
	{`kubectl taint noeds node1 key=value:NoSchedule`, []want{{"unknown-resource-type", `noeds`, `kubectl taint nodes node1 key=value:NoSchedule`, true}}},
	{`kubectl port-forward svc/web 8080:80:90`, []want{{"invalid-flag-value", `8080:80:90`, "", false}}},
	{`kubectl port-forward svc/web http:80`, []want{{"invalid-flag-value", `http`, "", false}}},
	{`kubectl port-forward svc/web 8080:`, []want{{"invalid-flag-value", `8080:`, "", false}}},
	{`kubectl port-forward svc/web 8080:70000`, []want{{"invalid-flag-value", `70000`, "", false}}},
	{`kubectl port-forward pod/web 0`, []want{{"invalid-flag-value", `0`, "", false}}},
	{`kubectl rollout undo --to-revision=2`, []want{{"missing-argument", `undo`, "", false}}},
	{`kubectl rollout restart -n prod`, []want{{"missing-argument", `restart`, "", false}}},
	{`kubectl explain deployments --api-version=apps/v1beta1`, []want{{"invalid-flag-value", `apps/v1beta1`, "", false}}},
	{`kubectl explain ingress --api-version=extensions/v1beta1`, []want{{"invalid-flag-value", `extensions/v1beta1`, "", false}}},
	{`kubectl wait --for=Ready pod/web`, []want{{"invalid-flag-value", `Ready`, "", false}}},
	{`kubectl wait --for=Condition=Ready pod/web`, []want{{"invalid-flag-value", `Condition=Ready`, "", false}}},
	{`kubectl events --types=Error`, []want{{"invalid-flag-value", `Error`, "", false}}},
	{`kubectl set resources deploy nginx --limits=cpu=200mi`, []want{{"invalid-flag-value", `cpu=200mi`, "", false}}},
	{`kubectl set resources deploy nginx --requests=cpu:100m`, []want{{"invalid-flag-value", `cpu:100m`, "", false}}},
	{`kubectl create quota q --hard=pods:2`, []want{{"invalid-flag-value", `pods:2`, "", false}}},
	{`kubectl create service nodeport web --tcp=http:8080`, []want{{"invalid-flag-value", `http:8080`, "", false}}},
	{`kubectl expose deploy web --port=53 --protocol=udp`, []want{{"invalid-flag-value", `udp`, `kubectl expose deploy web --port=53 --protocol=UDP`, true}}},
	{`kubectl top node --sort-by=mem`, []want{{"invalid-flag-value", `mem`, "", false}}},
	{`kubectl convert -f pod.yaml --output-version v1`, []want{{"kubectl-plugin", `convert`, "", false}}},
	{`kubectl convert -f ingress.yaml --output-version networking.k8s.io/v1`, []want{{"kubectl-plugin", `convert`, "", false}}},
	{`kubectl convert -f old.yaml --output-version apps/v1beta2`, []want{{"kubectl-plugin", `convert`, "", false}, {"invalid-flag-value", `apps/v1beta2`, "", false}}},
}

func TestInvalidArgCommands(t *testing.T) {
	checkInvalid(t, invalidArgCommands)
	for _, tc := range invalidArgCommands {
		for _, f := range testChecker.Check(split(t, tc.line)) {
			if !strings.Contains(f.Message, ".") {
				t.Errorf("%q: message %q is not a sentence", tc.line, f.Message)
			}
		}
	}
	if n := len(validArgCommands) + len(invalidArgCommands); n < 100 || !slices.ContainsFunc(invalidArgCommands, func(c invalidCase) bool {
		return strings.Contains(c.line, "taint")
	}) {
		t.Fatalf("only %d rows", n)
	}
}

//go:build config_reflect && !k8s_136

package main

import (
	"k8s.io/apimachinery/pkg/runtime/schema"
	apiserverv1 "k8s.io/apiserver/pkg/apis/apiserver/v1"
	apiserverv1alpha1 "k8s.io/apiserver/pkg/apis/apiserver/v1alpha1"
	audit "k8s.io/apiserver/pkg/apis/audit/v1"
	clientcmdv1 "k8s.io/client-go/tools/clientcmd/api/v1"
	proxyv1alpha1 "k8s.io/kube-proxy/config/v1alpha1"
	schedulerv1 "k8s.io/kube-scheduler/config/v1"
	kubeletv1beta1 "k8s.io/kubelet/config/v1beta1"
	kubeadmv1beta4 "k8s.io/kubernetes/cmd/kubeadm/app/apis/kubeadm/v1beta4"
)

// kindSets are the configuration kinds of Kubernetes 1.37 that notelint
// validates (kubeconfig is core v1 Config, a kind core v1 does not serve).
// apiserver.k8s.io/v1alpha1 is still registered (the API server
// reads AdmissionConfiguration in it).
var kindSets = []kindSet{
	{kubeletv1beta1.SchemeGroupVersion, kubeletv1beta1.AddToScheme, []string{"KubeletConfiguration"}},
	{proxyv1alpha1.SchemeGroupVersion, proxyv1alpha1.AddToScheme, []string{"KubeProxyConfiguration"}},
	{schedulerv1.SchemeGroupVersion, schedulerv1.AddToScheme, []string{"KubeSchedulerConfiguration"}},
	{kubeadmv1beta4.SchemeGroupVersion, kubeadmv1beta4.AddToScheme, []string{"InitConfiguration", "ClusterConfiguration", "JoinConfiguration", "ResetConfiguration", "UpgradeConfiguration"}},
	{apiserverv1.SchemeGroupVersion, apiserverv1.AddToScheme, []string{"EncryptionConfiguration", "AdmissionConfiguration"}},
	// also registered as v1 EncryptionConfig ("due to a docs bug"), which the API server reads
	{schema.GroupVersion{Version: "v1"}, apiserverv1.AddToScheme, []string{"EncryptionConfig"}},
	{apiserverv1alpha1.SchemeGroupVersion, apiserverv1alpha1.AddToScheme, []string{"AdmissionConfiguration"}},
	{audit.SchemeGroupVersion, audit.AddToScheme, []string{"Policy"}},
	{clientcmdv1.SchemeGroupVersion, clientcmdv1.AddToScheme, []string{"Config"}},
}

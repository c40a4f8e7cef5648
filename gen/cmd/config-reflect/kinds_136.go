//go:build config_reflect && k8s_136

package main

import (
	kubeadmv1beta3 "k8s.io/kubernetes/cmd/kubeadm/app/apis/kubeadm/v1beta3"
)

// kindSets are the configuration kinds that Kubernetes 1.37 no longer
// reads but 1.36 does: kubeadm v1beta3 (removed in 1.37).
var kindSets = []kindSet{
	{kubeadmv1beta3.SchemeGroupVersion, kubeadmv1beta3.AddToScheme, []string{"InitConfiguration", "ClusterConfiguration", "JoinConfiguration"}},
}

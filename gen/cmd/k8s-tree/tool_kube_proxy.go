//go:build k8s_tree && tool_kube_proxy && !k8s_old

package main

import (
	"github.com/spf13/cobra"
	_ "k8s.io/component-base/logs/json/register"          // as cmd/kube-proxy links them
	_ "k8s.io/component-base/metrics/prometheus/clientgo" //
	_ "k8s.io/component-base/metrics/prometheus/version"  //
	"k8s.io/kubernetes/cmd/kube-proxy/app"
)

const tool = "kube-proxy"

// construct builds the command as cmd/kube-proxy's main does.
func construct() *cobra.Command { return component(app.NewProxyCommand()) }

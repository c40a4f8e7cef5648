//go:build k8s_tree && tool_kube_apiserver && !k8s_old

package main

import (
	_ "time/tzdata" // as cmd/kube-apiserver links it

	"github.com/spf13/cobra"
	_ "k8s.io/component-base/logs/json/register"          // as cmd/kube-apiserver links them
	_ "k8s.io/component-base/metrics/prometheus/clientgo" //
	_ "k8s.io/component-base/metrics/prometheus/version"  //
	"k8s.io/kubernetes/cmd/kube-apiserver/app"
)

const tool = "kube-apiserver"

// construct builds the command as cmd/kube-apiserver's main does.
func construct() *cobra.Command { return component(app.NewAPIServerCommand()) }

//go:build k8s_tree && tool_kube_controller_manager && !k8s_old

package main

import (
	_ "time/tzdata" // as cmd/kube-controller-manager links it

	"github.com/spf13/cobra"
	_ "k8s.io/component-base/logs/json/register"          // as cmd/kube-controller-manager links them
	_ "k8s.io/component-base/metrics/prometheus/clientgo" //
	_ "k8s.io/component-base/metrics/prometheus/version"  //
	"k8s.io/kubernetes/cmd/kube-controller-manager/app"
)

const tool = "kube-controller-manager"

// construct builds the command as cmd/kube-controller-manager's main does.
func construct() *cobra.Command { return component(app.NewControllerManagerCommand()) }

//go:build k8s_tree && tool_kube_scheduler && !k8s_old

package main

import (
	"github.com/spf13/cobra"
	_ "k8s.io/component-base/logs/json/register"          // as cmd/kube-scheduler links them
	_ "k8s.io/component-base/metrics/prometheus/clientgo" //
	_ "k8s.io/component-base/metrics/prometheus/version"  //
	"k8s.io/kubernetes/cmd/kube-scheduler/app"
)

const tool = "kube-scheduler"

// construct builds the command as cmd/kube-scheduler's main does.
func construct() *cobra.Command { return component(app.NewSchedulerCommand()) }

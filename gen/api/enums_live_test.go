package api

import (
	appsv1 "k8s.io/api/apps/v1"
	autoscalingv2 "k8s.io/api/autoscaling/v2"
	batchv1 "k8s.io/api/batch/v1"
	corev1 "k8s.io/api/core/v1"
	networkingv1 "k8s.io/api/networking/v1"
	policyv1 "k8s.io/api/policy/v1"
	rbacv1 "k8s.io/api/rbac/v1"
	storagev1 "k8s.io/api/storage/v1"
)

// liveEnums is the enumeration table built from the constants of k8s.io/api
// as the gen module links it (v0.37.2): the table the generator reads from
// the source of every version must say the same for 1.37.
func liveEnums() map[string][]string {
	m := map[string][]string{}
	add := func(model, field string, vals ...string) { m[model+"."+field] = vals }
	core := "io.k8s.api.core.v1."
	effects := []string{string(corev1.TaintEffectNoSchedule), string(corev1.TaintEffectPreferNoSchedule), string(corev1.TaintEffectNoExecute)}
	add(core+"Taint", "effect", effects...)
	add(core+"Toleration", "effect", effects...)
	add(core+"Toleration", "operator", string(corev1.TolerationOpExists), string(corev1.TolerationOpEqual))
	add(core+"Container", "imagePullPolicy", string(corev1.PullAlways), string(corev1.PullNever), string(corev1.PullIfNotPresent))
	add(core+"EphemeralContainer", "imagePullPolicy", string(corev1.PullAlways), string(corev1.PullNever), string(corev1.PullIfNotPresent))
	add(core+"Container", "terminationMessagePolicy", string(corev1.TerminationMessageReadFile), string(corev1.TerminationMessageFallbackToLogsOnError))
	add(core+"Container", "restartPolicy", string(corev1.ContainerRestartPolicyAlways), string(corev1.ContainerRestartPolicyNever), string(corev1.ContainerRestartPolicyOnFailure))
	add(core+"PodSpec", "restartPolicy", string(corev1.RestartPolicyAlways), string(corev1.RestartPolicyOnFailure), string(corev1.RestartPolicyNever))
	add(core+"PodSpec", "dnsPolicy", string(corev1.DNSClusterFirstWithHostNet), string(corev1.DNSClusterFirst), string(corev1.DNSDefault), string(corev1.DNSNone))
	add(core+"PodSpec", "preemptionPolicy", string(corev1.PreemptLowerPriority), string(corev1.PreemptNever))
	add(core+"ServiceSpec", "type", string(corev1.ServiceTypeClusterIP), string(corev1.ServiceTypeNodePort), string(corev1.ServiceTypeLoadBalancer), string(corev1.ServiceTypeExternalName))
	add(core+"ServiceSpec", "externalTrafficPolicy", string(corev1.ServiceExternalTrafficPolicyCluster), string(corev1.ServiceExternalTrafficPolicyLocal))
	add(core+"ServiceSpec", "internalTrafficPolicy", string(corev1.ServiceInternalTrafficPolicyCluster), string(corev1.ServiceInternalTrafficPolicyLocal))
	add(core+"ServiceSpec", "sessionAffinity", string(corev1.ServiceAffinityClientIP), string(corev1.ServiceAffinityNone))
	add(core+"ServiceSpec", "ipFamilyPolicy", string(corev1.IPFamilyPolicySingleStack), string(corev1.IPFamilyPolicyPreferDualStack), string(corev1.IPFamilyPolicyRequireDualStack))
	add(core+"ServiceSpec", "ipFamilies", string(corev1.IPv4Protocol), string(corev1.IPv6Protocol))
	protocols := []string{string(corev1.ProtocolTCP), string(corev1.ProtocolUDP), string(corev1.ProtocolSCTP)}
	add(core+"ContainerPort", "protocol", protocols...)
	add(core+"ServicePort", "protocol", protocols...)
	add(core+"EndpointPort", "protocol", protocols...)
	add("io.k8s.api.networking.v1.NetworkPolicyPort", "protocol", protocols...)
	add("io.k8s.api.discovery.v1.EndpointPort", "protocol", protocols...)
	modes := []string{string(corev1.ReadWriteOnce), string(corev1.ReadOnlyMany), string(corev1.ReadWriteMany), string(corev1.ReadWriteOncePod)}
	add(core+"PersistentVolumeSpec", "accessModes", modes...)
	add(core+"PersistentVolumeClaimSpec", "accessModes", modes...)
	add(core+"PersistentVolumeSpec", "persistentVolumeReclaimPolicy", string(corev1.PersistentVolumeReclaimRecycle), string(corev1.PersistentVolumeReclaimDelete), string(corev1.PersistentVolumeReclaimRetain))
	add(core+"PersistentVolumeSpec", "volumeMode", string(corev1.PersistentVolumeBlock), string(corev1.PersistentVolumeFilesystem))
	add(core+"PersistentVolumeClaimSpec", "volumeMode", string(corev1.PersistentVolumeBlock), string(corev1.PersistentVolumeFilesystem))
	nodeOps := []string{string(corev1.NodeSelectorOpIn), string(corev1.NodeSelectorOpNotIn), string(corev1.NodeSelectorOpExists), string(corev1.NodeSelectorOpDoesNotExist), string(corev1.NodeSelectorOpGt), string(corev1.NodeSelectorOpLt)}
	add(core+"NodeSelectorRequirement", "operator", nodeOps...)
	add("io.k8s.apimachinery.pkg.apis.meta.v1.LabelSelectorRequirement", "operator", "In", "NotIn", "Exists", "DoesNotExist")
	add(core+"PodCondition", "status", string(corev1.ConditionTrue), string(corev1.ConditionFalse), string(corev1.ConditionUnknown))
	add(core+"HTTPGetAction", "scheme", string(corev1.URISchemeHTTP), string(corev1.URISchemeHTTPS))
	add(core+"HostPathVolumeSource", "type", "", string(corev1.HostPathDirectoryOrCreate), string(corev1.HostPathDirectory), string(corev1.HostPathFileOrCreate), string(corev1.HostPathFile), string(corev1.HostPathSocket), string(corev1.HostPathCharDev), string(corev1.HostPathBlockDev))
	add(core+"EmptyDirVolumeSource", "medium", "", string(corev1.StorageMediumMemory), string(corev1.StorageMediumHugePages))
	add(core+"VolumeMount", "mountPropagation", string(corev1.MountPropagationNone), string(corev1.MountPropagationHostToContainer), string(corev1.MountPropagationBidirectional))
	add(core+"TopologySpreadConstraint", "whenUnsatisfiable", string(corev1.DoNotSchedule), string(corev1.ScheduleAnyway))
	add(core+"TopologySpreadConstraint", "nodeAffinityPolicy", string(corev1.NodeInclusionPolicyIgnore), string(corev1.NodeInclusionPolicyHonor))
	add(core+"TopologySpreadConstraint", "nodeTaintsPolicy", string(corev1.NodeInclusionPolicyIgnore), string(corev1.NodeInclusionPolicyHonor))
	add(core+"PodSecurityContext", "fsGroupChangePolicy", string(corev1.FSGroupChangeOnRootMismatch), string(corev1.FSGroupChangeAlways))
	add(core+"SeccompProfile", "type", string(corev1.SeccompProfileTypeUnconfined), string(corev1.SeccompProfileTypeRuntimeDefault), string(corev1.SeccompProfileTypeLocalhost))
	add(core+"AppArmorProfile", "type", string(corev1.AppArmorProfileTypeUnconfined), string(corev1.AppArmorProfileTypeRuntimeDefault), string(corev1.AppArmorProfileTypeLocalhost))
	add(core+"PodOS", "name", string(corev1.Linux), string(corev1.Windows))
	add(core+"LimitRangeItem", "type", string(corev1.LimitTypePod), string(corev1.LimitTypeContainer), string(corev1.LimitTypePersistentVolumeClaim))
	add(core+"ResourceQuotaSpec", "scopes", string(corev1.ResourceQuotaScopeTerminating), string(corev1.ResourceQuotaScopeNotTerminating), string(corev1.ResourceQuotaScopeBestEffort), string(corev1.ResourceQuotaScopeNotBestEffort), string(corev1.ResourceQuotaScopePriorityClass), string(corev1.ResourceQuotaScopeCrossNamespacePodAffinity), string(corev1.ResourceQuotaScopeVolumeAttributesClass))
	add(core+"ContainerResizePolicy", "restartPolicy", string(corev1.NotRequired), string(corev1.RestartContainer))

	apps := "io.k8s.api.apps.v1."
	add(apps+"DeploymentStrategy", "type", string(appsv1.RecreateDeploymentStrategyType), string(appsv1.RollingUpdateDeploymentStrategyType))
	add(apps+"StatefulSetSpec", "podManagementPolicy", string(appsv1.OrderedReadyPodManagement), string(appsv1.ParallelPodManagement))
	add(apps+"StatefulSetUpdateStrategy", "type", string(appsv1.RollingUpdateStatefulSetStrategyType), string(appsv1.OnDeleteStatefulSetStrategyType))
	add(apps+"DaemonSetUpdateStrategy", "type", string(appsv1.RollingUpdateDaemonSetStrategyType), string(appsv1.OnDeleteDaemonSetStrategyType))
	add(apps+"StatefulSetPersistentVolumeClaimRetentionPolicy", "whenDeleted", string(appsv1.RetainPersistentVolumeClaimRetentionPolicyType), string(appsv1.DeletePersistentVolumeClaimRetentionPolicyType))
	add(apps+"StatefulSetPersistentVolumeClaimRetentionPolicy", "whenScaled", string(appsv1.RetainPersistentVolumeClaimRetentionPolicyType), string(appsv1.DeletePersistentVolumeClaimRetentionPolicyType))

	batch := "io.k8s.api.batch.v1."
	add(batch+"CronJobSpec", "concurrencyPolicy", string(batchv1.AllowConcurrent), string(batchv1.ForbidConcurrent), string(batchv1.ReplaceConcurrent))
	add(batch+"JobSpec", "completionMode", string(batchv1.NonIndexedCompletion), string(batchv1.IndexedCompletion))
	add(batch+"JobSpec", "podReplacementPolicy", string(batchv1.TerminatingOrFailed), string(batchv1.Failed))
	add(batch+"PodFailurePolicyRule", "action", string(batchv1.PodFailurePolicyActionFailJob), string(batchv1.PodFailurePolicyActionFailIndex), string(batchv1.PodFailurePolicyActionIgnore), string(batchv1.PodFailurePolicyActionCount))
	add(batch+"PodFailurePolicyOnExitCodesRequirement", "operator", string(batchv1.PodFailurePolicyOnExitCodesOpIn), string(batchv1.PodFailurePolicyOnExitCodesOpNotIn))

	net := "io.k8s.api.networking.v1."
	add(net+"NetworkPolicySpec", "policyTypes", string(networkingv1.PolicyTypeIngress), string(networkingv1.PolicyTypeEgress))
	add(net+"HTTPIngressPath", "pathType", string(networkingv1.PathTypeExact), string(networkingv1.PathTypePrefix), string(networkingv1.PathTypeImplementationSpecific))

	add("io.k8s.api.autoscaling.v2.MetricSpec", "type", string(autoscalingv2.ObjectMetricSourceType), string(autoscalingv2.PodsMetricSourceType), string(autoscalingv2.ResourceMetricSourceType), string(autoscalingv2.ContainerResourceMetricSourceType), string(autoscalingv2.ExternalMetricSourceType))
	add("io.k8s.api.autoscaling.v2.MetricTarget", "type", string(autoscalingv2.UtilizationMetricType), string(autoscalingv2.ValueMetricType), string(autoscalingv2.AverageValueMetricType))
	add("io.k8s.api.autoscaling.v2.HPAScalingPolicy", "type", string(autoscalingv2.PodsScalingPolicy), string(autoscalingv2.PercentScalingPolicy))
	add("io.k8s.api.autoscaling.v2.HPAScalingRules", "selectPolicy", string(autoscalingv2.MaxChangePolicySelect), string(autoscalingv2.MinChangePolicySelect), string(autoscalingv2.DisabledPolicySelect))
	add("io.k8s.api.policy.v1.PodDisruptionBudgetSpec", "unhealthyPodEvictionPolicy", string(policyv1.IfHealthyBudget), string(policyv1.AlwaysAllow))
	add("io.k8s.api.storage.v1.StorageClass", "volumeBindingMode", string(storagev1.VolumeBindingImmediate), string(storagev1.VolumeBindingWaitForFirstConsumer))
	add("io.k8s.api.storage.v1.StorageClass", "reclaimPolicy", string(corev1.PersistentVolumeReclaimDelete), string(corev1.PersistentVolumeReclaimRetain))

	rbac := "io.k8s.api.rbac.v1."
	add(rbac+"Subject", "kind", rbacv1.UserKind, rbacv1.GroupKind, rbacv1.ServiceAccountKind)
	add(rbac+"RoleRef", "kind", "Role", "ClusterRole")
	add(rbac+"RoleRef", "apiGroup", rbacv1.GroupName)
	return m
}

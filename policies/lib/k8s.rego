# Helpers for Kubernetes workloads. The normalizer records where each workload keeps its
# pod spec (links.pod_path), so rules need not know every controller kind.
package gatepost.lib.k8s

workload_kinds := {"Pod", "Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "Job", "CronJob", "ReplicationController", "PodTemplate"}

workloads contains r if {
	some kind in workload_kinds
	some r in input.by_type[kind]
}

# containers lists {resource, container, pointer} for every container and init container.
containers contains item if {
	some r in workloads
	spec := object.get(r.attrs, r.links.pod_path, {})
	some key in ["containers", "initContainers"]
	some i, c in object.get(spec, key, [])
	item := {"resource": r, "container": c, "pointer": sprintf("%s/%s/%d", [r.links.pod_pointer, key, i])}
}

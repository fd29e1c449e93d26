# Helpers for Kubernetes workloads. The normalizer records where each workload keeps its
# pod spec (links.pod_path), so rules need not know every controller kind; objects of other
# kinds that embed a pod template (Knative, Argo Rollouts) are recognised by their shape.
package gatepost.lib.k8s

# Kinds whose objects may carry a pod spec. Rules list the same kinds in `types`.
workload_kinds := {
	"Pod", "Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "Job", "CronJob",
	"ReplicationController", "PodTemplate", "Configuration", "Revision", "Rollout", "Service",
}

workloads contains r if {
	some kind in workload_kinds
	some r in input.by_type[kind]
	r.links.pod_path
}

pod_spec(r) := object.get(r.attrs, r.links.pod_path, {})

# containers lists {resource, container, pointer, pod} for every container and init container.
containers contains item if {
	some r in workloads
	spec := pod_spec(r)
	some key in ["containers", "initContainers"]
	some i, c in object.get(spec, key, [])
	is_object(c)
	item := {"resource": r, "container": c, "pod": spec, "pointer": sprintf("%s/%s/%d", [r.links.pod_pointer, key, i])}
}

# container_sc(c) is the container's securityContext ({} when absent).
container_sc(c) := object.get(c.container, "securityContext", {})

pod_sc(c) := object.get(c.pod, "securityContext", {})

# at(c, paths) points at the first of the container's paths that is set, else the container.
at(c, paths) := p if {
	found := [sprintf("%s/%s", [c.pointer, concat("/", path)]) |
		some path in paths
		object.get(c.container, path, null) != null
	]
	count(found) > 0
	p := found[0]
} else := c.pointer

# unresolved(r, pointer): the value is a placeholder a templating step fills in later.
unresolved(r, pointer) if {
	some u in object.get(r, "unresolved", [])
	u == pointer
}

name(r) := object.get(r.attrs, ["metadata", "name"], "unnamed")

# Pointer to the namespace an object declares, else its name.
namespace_pointer(r) := "/metadata/namespace" if {
	object.get(r.attrs, ["metadata", "namespace"], null) != null
} else := "/metadata/name"

# METADATA
# title: Workload mounts the container runtime socket
# description: |
#   Whoever can talk to the Docker, containerd or CRI-O socket can start privileged
#   containers on the node: mounting it (or the directory that holds it) gives the pod root
#   on the node. Reported in every namespace. (Pod-security guardrails belong to the hygiene
#   family: they harden a workload rather than spend or grant anything.)
# related_resources:
#   - https://kubernetes.io/docs/concepts/storage/volumes/#hostpath
# custom:
#   id: k8s-docker-socket-mount
#   family: hygiene
#   severity: critical
#   fix: 'Remove the hostPath volume for the runtime socket; build images with a rootless builder (BuildKit rootless, Kaniko) instead of the node daemon.'
#   types: [PersistentVolume, Pod, Deployment, StatefulSet, DaemonSet, ReplicaSet, Job, CronJob, ReplicationController, PodTemplate, Configuration, Revision, Rollout, Service]
package gatepost.rules.k8s_docker_socket_mount

import data.gatepost.lib.k8s

# Sockets of container runtimes, and the directories that hold them.
runtime_socket(p) if {
	some s in ["docker.sock", "containerd.sock", "crio.sock", "cri-dockerd.sock", "podman.sock"]
	endswith(p, s)
}

runtime_socket(p) if p in {"/var/run", "/run", "/var/run/docker", "/run/docker", "/var/run/containerd", "/run/containerd", "/var/run/crio", "/run/crio"}

clean(p) := "/" if p == "/"

clean(p) := trim_right(p, "/") if p != "/"

host_paths contains item if {
	some r in data.gatepost.lib.k8s.workloads
	some i, v in object.get(k8s.pod_spec(r), "volumes", [])
	is_string(v.hostPath.path)
	ptr := sprintf("%s/volumes/%d/hostPath/path", [r.links.pod_pointer, i])
	not k8s.unresolved(r, ptr)
	item := {"resource": r, "path": clean(v.hostPath.path), "pointer": ptr, "namespace": object.get(r.links, "namespace", "")}
}

# PersistentVolumes are cluster-wide: the namespace their metadata names is the author's intent.
host_paths contains item if {
	some r in input.by_type.PersistentVolume
	is_string(r.attrs.spec.hostPath.path)
	not k8s.unresolved(r, "/spec/hostPath/path")
	item := {"resource": r, "path": clean(r.attrs.spec.hostPath.path), "pointer": "/spec/hostPath/path", "namespace": object.get(r.attrs, ["metadata", "namespace"], "")}
}

deny contains finding if {
	some h in host_paths
	runtime_socket(h.path)
	finding := {
		"address": h.resource.address,
		"pointer": h.pointer,
		"message": sprintf("%s %s mounts the container runtime socket path %s", [h.resource.type, k8s.name(h.resource), h.path]),
	}
}

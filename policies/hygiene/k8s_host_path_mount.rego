# METADATA
# title: Workload mounts a sensitive host directory
# description: |
#   A hostPath volume on a system directory (/, /etc, /var, /proc, /sys, /dev, /boot, /root,
#   /home, /usr, /lib, /bin, /sbin, /run) lets the pod read node credentials and other pods'
#   data, or change the node itself. Node agents in kube-system are exempt; container
#   runtime sockets are reported by k8s-docker-socket-mount. (Pod-security guardrails belong
#   to the hygiene family: they harden a workload rather than spend or grant anything.)
# related_resources:
#   - https://kubernetes.io/docs/concepts/security/pod-security-standards/
# custom:
#   id: k8s-host-path-mount
#   family: hygiene
#   severity: high
#   fix: 'Use a configMap, secret, emptyDir or persistentVolumeClaim volume instead of hostPath; if a node agent truly needs the host directory, run it in kube-system and mount it readOnly.'
#   types: [PersistentVolume, Pod, Deployment, StatefulSet, DaemonSet, ReplicaSet, Job, CronJob, ReplicationController, PodTemplate, Configuration, Revision, Rollout, Service]
package gatepost.rules.k8s_host_path_mount

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

sensitive(p) if p == "/"

sensitive(p) if {
	some d in ["/etc", "/var", "/proc", "/sys", "/dev", "/boot", "/root", "/home", "/usr", "/lib", "/lib64", "/bin", "/sbin", "/run"]
	some prefix in [d, concat("", [d, "/"])]
	startswith(concat("", [p, "/"]), concat("", [prefix, "/"]))
}

deny contains finding if {
	some h in host_paths
	h.namespace != "kube-system"
	sensitive(h.path)
	not runtime_socket(h.path)
	finding := {
		"address": h.resource.address,
		"pointer": h.pointer,
		"message": sprintf("%s %s mounts the host directory %s", [h.resource.type, k8s.name(h.resource), h.path]),
	}
}

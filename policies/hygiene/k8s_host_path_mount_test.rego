package gatepost.rules.k8s_host_path_mount_test

import data.gatepost.rules.k8s_host_path_mount as rule

pod(ns, path) := {"by_type": {"Pod": [{
	"type": "Pod", "address": "p", "attrs": {"metadata": {"name": "p"}, "spec": {"volumes": [{"name": "v", "hostPath": {"path": path}}]}},
	"links": {"namespace": ns, "pod_path": ["spec"], "pod_pointer": "/spec"},
}]}}

test_etc_is_denied if {
	d := rule.deny with input as pod("app", "/etc/nginx/")
	some f in d
	f.pointer == "/spec/volumes/0/hostPath/path"
}

test_kube_system_tmp_and_sockets_pass if {
	count(rule.deny) == 0 with input as pod("kube-system", "/var/log")
	count(rule.deny) == 0 with input as pod("app", "/tmp/cache")
	count(rule.deny) == 0 with input as pod("app", "/var/run/docker.sock")
	count(rule.deny) == 0 with input as pod("app", "/etcetera")
}

package gatepost.rules.k8s_docker_socket_mount_test

import data.gatepost.rules.k8s_docker_socket_mount as rule

pod(path) := {"by_type": {"CronJob": [{
	"type": "CronJob", "address": "c", "attrs": {"metadata": {"name": "c"}, "spec": {"jobTemplate": {"spec": {"template": {"spec": {"volumes": [{"hostPath": {"path": path}}]}}}}}},
	"links": {"namespace": "kube-system", "pod_path": ["spec", "jobTemplate", "spec", "template", "spec"], "pod_pointer": "/spec/jobTemplate/spec/template/spec"},
}]}}

test_socket_is_denied_even_in_kube_system if {
	d := rule.deny with input as pod("/var/run/docker.sock")
	some f in d
	f.pointer == "/spec/jobTemplate/spec/template/spec/volumes/0/hostPath/path"
}

test_other_paths_pass if {
	count(rule.deny) == 0 with input as pod("/data")
}

package gatepost.rules.k8s_host_namespaces_test

import data.gatepost.rules.k8s_host_namespaces as rule

pod(spec) := {"by_type": {"Deployment": [{"type": "Deployment", "address": "d", "attrs": {"metadata": {"name": "d"}, "spec": {"template": {"spec": spec}}}, "links": {"pod_path": ["spec", "template", "spec"], "pod_pointer": "/spec/template/spec"}}]}}

test_host_pid_is_denied if {
	d := rule.deny with input as pod({"hostPID": true, "hostIPC": false})
	count(d) == 1
	some f in d
	f.pointer == "/spec/template/spec/hostPID"
}

test_no_host_namespaces_pass if {
	count(rule.deny) == 0 with input as pod({"hostNetwork": false})
}

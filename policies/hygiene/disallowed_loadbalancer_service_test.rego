package gatepost.rules.disallowed_loadbalancer_service_test

import data.gatepost.rules.disallowed_loadbalancer_service as rule

svc(type, ns, allowed) := {"config": {"hygiene": {"loadbalancer_namespaces": allowed}}, "by_type": {"Service": [{"kind": "k8s.object", "type": "Service", "address": "s", "attrs": {"metadata": {"name": "web"}, "spec": {"type": type}}, "links": {"namespace": ns}}]}}

test_loadbalancer_outside_allowed_namespaces if {
	d := rule.deny with input as svc("LoadBalancer", "app", [])
	some f in d
	f.pointer == "/spec/type"
}

test_allowed_namespace_and_clusterip_pass if {
	count(rule.deny) == 0 with input as svc("LoadBalancer", "ingress", ["ingress"])
	count(rule.deny) == 0 with input as svc("ClusterIP", "app", [])
}

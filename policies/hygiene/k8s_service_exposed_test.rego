package gatepost.rules.k8s_service_exposed_test

import data.gatepost.rules.k8s_service_exposed as rule

svc(spec, annotations) := {"by_type": {"Service": [{"address": "s", "attrs": {"metadata": {"name": "s", "annotations": annotations}, "spec": spec}}]}}

test_node_port_is_denied if {
	d := rule.deny with input as svc({"type": "NodePort"}, {})
	some f in d
	f.pointer == "/spec/type"
}

test_external_load_balancer_is_denied if {
	count(rule.deny) == 1 with input as svc({"type": "LoadBalancer"}, {"service.beta.kubernetes.io/aws-load-balancer-internal": "false"})
}

test_internal_or_narrowed_load_balancers_pass if {
	count(rule.deny) == 0 with input as svc({"type": "LoadBalancer"}, {"networking.gke.io/load-balancer-type": "Internal"})
	count(rule.deny) == 0 with input as svc({"type": "LoadBalancer", "loadBalancerSourceRanges": ["10.0.0.0/8"]}, {})
	count(rule.deny) == 0 with input as svc({"type": "ClusterIP"}, {})
}

# METADATA
# title: Instance, node or database type is not allowed for micro-apps
# description: |
#   GPU, bare-metal and very large instance families cost hundreds to thousands of dollars a
#   month each. They are outside what a micro-app may run without a platform review.
# custom:
#   id: cost-disallowed-instance-type
#   family: cost
#   severity: high
#   fix: 'Use a general-purpose burstable type (t3/t4g, e2, B-series) sized for the app, or ask the platform team for an exception.'
#   types: [aws_instance, aws_launch_template, aws_db_instance, aws_rds_cluster_instance, aws_elasticache_cluster, aws_eks_node_group, google_compute_instance, google_container_node_pool, azurerm_linux_virtual_machine, azurerm_windows_virtual_machine, azurerm_kubernetes_cluster_node_pool]
package gatepost.rules.cost_disallowed_instance_type

# Attribute holding the size, per resource type.
size_attr := {
	"aws_instance": "instance_type",
	"aws_launch_template": "instance_type",
	"aws_db_instance": "instance_class",
	"aws_rds_cluster_instance": "instance_class",
	"aws_elasticache_cluster": "node_type",
	"google_compute_instance": "machine_type",
	"azurerm_linux_virtual_machine": "size",
	"azurerm_windows_virtual_machine": "size",
	"azurerm_kubernetes_cluster_node_pool": "vm_size",
}

default_patterns := [
	`^(p[0-9]|g[0-9]|inf[0-9]|trn[0-9]|dl[0-9]|f[0-9]|vt[0-9])[a-z0-9-]*\.`,
	`\.metal`,
	`\.([4-9]|[1-9][0-9]+)xlarge$`,
	`^db\.[a-z0-9]+\.(4|8|12|16|24|32)xlarge$`,
	`^(a2|a3|g2)-`,
	`-(highmem|highcpu|standard)-(3[2-9]|[4-9][0-9]|[0-9]{3})$`,
	`^Standard_N`,
]

patterns := object.get(input.config, ["cost", "disallowed_instance_types"], default_patterns)

disallowed(size) if {
	some p in patterns
	regex.match(p, size)
}

candidates contains {"r": r, "pointer": sprintf("/%s", [attr]), "size": r.attrs[attr]} if {
	some t, attr in size_attr
	some r in input.by_type[t]
	is_string(r.attrs[attr])
}

candidates contains {"r": r, "pointer": sprintf("/instance_types/%d", [i]), "size": s} if {
	some r in input.by_type.aws_eks_node_group
	some i, s in r.attrs.instance_types
}

candidates contains {"r": r, "pointer": sprintf("/node_config/0/machine_type", []), "size": r.attrs.node_config[0].machine_type} if {
	some r in input.by_type.google_container_node_pool
}

deny contains finding if {
	some c in candidates
	not startswith(c.size, "${")
	disallowed(c.size)
	finding := {
		"address": c.r.address,
		"pointer": c.pointer,
		"message": sprintf("%s uses %q, which is not allowed for micro-apps", [c.r.address, c.size]),
	}
}

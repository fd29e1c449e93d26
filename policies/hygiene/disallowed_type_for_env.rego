# METADATA
# title: Instance, node-pool, database or cache type not allowed in this environment
# description: |
#   Dev and preview environments multiply: one per branch, per developer, per demo. A size
#   that is fine in production turns into a large bill when every copy runs it. Each
#   environment may list the types it allows; anything else is reported. The environment is
#   the resource's effective `env` tag or label (`hygiene.env_tag`), else the app's entry in
#   `hygiene.app_envs` (app path -> environment). Configuration: `hygiene.allowed_types`, a map
#   from environment to glob patterns (`*` matches within one dot-separated part, e.g.
#   `t3.*`, `e2-*`, `Standard_B*`); by default dev and preview allow burstable and shared-core
#   sizes only, other environments are not restricted. GPU and bare-metal types are reported
#   in every environment by cost-disallowed-instance-type.
# custom:
#   id: disallowed-type-for-env
#   family: hygiene
#   severity: medium
#   fix: 'Pick a type the environment allows (hygiene.allowed_types; by default t3/t4g, db.t3/db.t4g, cache.t3/cache.t4g, e2-micro..e2-medium, Standard_B*), or size the environment per variable so previews stay small.'
#   types: [aws_instance, aws_launch_template, aws_db_instance, aws_rds_cluster_instance, aws_elasticache_cluster, aws_elasticache_replication_group, aws_eks_node_group, google_compute_instance, google_container_node_pool, google_sql_database_instance, azurerm_linux_virtual_machine, azurerm_windows_virtual_machine, azurerm_kubernetes_cluster, azurerm_kubernetes_cluster_node_pool, azurerm_postgresql_flexible_server, azurerm_mysql_flexible_server]
package gatepost.rules.disallowed_type_for_env

import data.gatepost.lib.tags

# Where each type names its size.
size_paths := {
	"aws_instance": ["instance_type"],
	"aws_launch_template": ["instance_type"],
	"aws_db_instance": ["instance_class"],
	"aws_rds_cluster_instance": ["instance_class"],
	"aws_elasticache_cluster": ["node_type"],
	"aws_elasticache_replication_group": ["node_type"],
	"google_compute_instance": ["machine_type"],
	"google_container_node_pool": ["node_config", 0, "machine_type"],
	"google_sql_database_instance": ["settings", 0, "tier"],
	"azurerm_linux_virtual_machine": ["size"],
	"azurerm_windows_virtual_machine": ["size"],
	"azurerm_kubernetes_cluster": ["default_node_pool", 0, "vm_size"],
	"azurerm_kubernetes_cluster_node_pool": ["vm_size"],
	"azurerm_postgresql_flexible_server": ["sku_name"],
	"azurerm_mysql_flexible_server": ["sku_name"],
}

env_tag := object.get(input.config, ["hygiene", "env_tag"], "env")

allowed_types := object.get(input.config, ["hygiene", "allowed_types"], {})

sizes contains item if {
	some t, path in size_paths
	some r in input.by_type[t]
	size := object.get(r.attrs, path, null)
	is_string(size)
	item := {"r": r, "size": size, "pointer": tags.pointer_of(path)}
}

sizes contains item if {
	some r in input.by_type.aws_eks_node_group
	some i, size in object.get(r.attrs, "instance_types", [])
	is_string(size)
	item := {"r": r, "size": size, "pointer": sprintf("/instance_types/%d", [i])}
}

# The environment a resource serves: its effective tag, else the app's configured one.
env_of(r) := lower(e) if {
	e := object.get(r, ["links", "tags", "effective", env_tag], null)
	is_string(e)
	not tags.is_unresolved(e)
} else := lower(e) if {
	e := object.get(input.config, ["hygiene", "app_envs", r.app], null)
	is_string(e)
}

allowed(patterns, size) if {
	some p in patterns
	glob.match(p, [], size)
}

deny contains finding if {
	some item in sizes
	not tags.is_unresolved(item.size)
	env := env_of(item.r)
	patterns := allowed_types[env]
	not allowed(patterns, item.size)
	finding := {
		"address": item.r.address,
		"pointer": item.pointer,
		"message": sprintf("%s uses %s, which the %s environment does not allow (allowed: %s)", [item.r.address, item.size, env, concat(", ", patterns)]),
	}
}

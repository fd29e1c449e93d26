# METADATA
# title: Azure custom role allows every action, or lets its holder write roles
# description: |
#   A custom role definition with actions = ["*"] is Owner under another name, and one that
#   allows Microsoft.Authorization role definition or assignment writes lets its holder grant
#   themselves anything. Owner assigned at subscription scope has the same reach.
# related_resources:
#   - https://learn.microsoft.com/azure/role-based-access-control/best-practices
# custom:
#   id: azure-role-definition-wildcard
#   family: iam
#   severity: high
#   fix: 'List the resource provider operations the app needs (e.g. "Microsoft.Storage/storageAccounts/blobServices/containers/read") and assign the role at resource-group scope.'
#   types: [azurerm_role_definition, azurerm_role_assignment]
package gatepost.rules.azure_role_definition_wildcard

escalating := {
	"*", "Microsoft.Authorization/*", "Microsoft.Authorization/*/write",
	"Microsoft.Authorization/roleDefinitions/write", "Microsoft.Authorization/roleDefinitions/*",
	"Microsoft.Authorization/roleAssignments/write", "Microsoft.Authorization/roleAssignments/*",
}

deny contains finding if {
	some r in input.by_type.azurerm_role_definition
	some i, p in r.attrs.permissions
	some j, a in p.actions
	a in escalating
	finding := {
		"address": r.address,
		"pointer": sprintf("/permissions/%d/actions/%d", [i, j]),
		"message": sprintf("%s allows %q", [r.address, a]),
	}
}

deny contains finding if {
	some r in input.by_type.azurerm_role_assignment
	r.attrs.role_definition_name == "Owner"
	regex.match(`^/subscriptions/[^/]+/?$`, r.attrs.scope)
	finding := {
		"address": r.address,
		"pointer": "/role_definition_name",
		"message": sprintf("%s assigns Owner on the whole subscription", [r.address]),
	}
}

resource "azurerm_role_definition" "app" {
  name  = "app"
  scope = "/subscriptions/00000000-0000-0000-0000-000000000000"
  permissions {
    actions     = ["*"] # expect: azure-role-definition-wildcard
    not_actions = []
  }
}

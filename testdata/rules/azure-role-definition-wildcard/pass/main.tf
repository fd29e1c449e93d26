resource "azurerm_role_definition" "app" {
  name  = "app"
  scope = "/subscriptions/00000000-0000-0000-0000-000000000000"
  permissions {
    actions     = ["Microsoft.Storage/storageAccounts/blobServices/containers/read"]
    not_actions = []
  }
}

provider "azurerm" {
  features {}
}

resource "azurerm_resource_group" "menus" {
  name     = "menus"
  location = "westeurope"
  tags     = { app = "menus", owner = "lunch-team", env = "dev", "cost-center" = "cc-42" }
}

resource "azurerm_storage_account" "photos" {
  name                     = "menusphotos"
  resource_group_name      = azurerm_resource_group.menus.name
  location                 = "westeurope"
  account_tier             = "Standard"
  account_replication_type = "LRS"
  tags                     = azurerm_resource_group.menus.tags
}

resource "azurerm_role_assignment" "reader" {
  scope                = azurerm_storage_account.photos.id
  role_definition_name = "Storage Blob Data Reader"
  principal_id         = "00000000-0000-0000-0000-000000000000"
}

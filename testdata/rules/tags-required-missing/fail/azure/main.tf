provider "azurerm" {
  features {}
}

resource "azurerm_resource_group" "menus" {
  name     = "menus"
  location = "westeurope"
  tags     = { app = "menus", env = "dev", "cost-center" = "cc-42" } # expect: tags-required-missing
}

# Every tag present, but cost-center is not of the configured form (tag_patterns)
resource "azurerm_storage_account" "photos" {
  name                     = "menusphotos"
  resource_group_name      = azurerm_resource_group.menus.name
  location                 = "westeurope"
  account_tier             = "Standard"
  account_replication_type = "LRS"
  tags = { # expect: tags-required-missing
    app           = "menus"
    owner         = "lunch-team"
    env           = "dev"
    "cost-center" = "marketing"
  }
}

# No tags at all
resource "azurerm_linux_web_app" "api" { # expect: tags-required-missing
  name                = "menus-api"
  resource_group_name = azurerm_resource_group.menus.name
  location            = "westeurope"
  service_plan_id     = "plan"
  site_config {}
}

# Cannot carry tags: not reported
resource "azurerm_role_assignment" "reader" {
  scope                = azurerm_storage_account.photos.id
  role_definition_name = "Storage Blob Data Reader"
  principal_id         = "00000000-0000-0000-0000-000000000000"
}

resource "azurerm_storage_account" "menus" {
  name                            = "where2eatmenus"
  resource_group_name             = "app"
  location                        = "westeurope"
  account_tier                    = "Standard"
  account_replication_type        = "LRS"
  allow_nested_items_to_be_public = true # expect: azure-storage-account-public
  network_rules {
    default_action = "Allow" # expect: azure-storage-account-public
  }
}

resource "azurerm_storage_container" "photos" {
  name                  = "photos"
  storage_account_name  = "where2eat"
  container_access_type = "private"
}

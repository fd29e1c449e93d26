resource "google_storage_bucket" "menus" {
  name                        = "where2eat-menus"
  location                    = "EU"
  uniform_bucket_level_access = false # expect: gcp-storage-uniform-access-disabled
}

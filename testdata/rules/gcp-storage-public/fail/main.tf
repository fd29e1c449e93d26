resource "google_storage_bucket_iam_member" "menus" {
  bucket = "where2eat-menus"
  role   = "roles/storage.objectViewer"
  member = "allUsers" # expect: gcp-storage-public
}

resource "google_storage_bucket_iam_member" "menus" {
  bucket = "where2eat-menus"
  role   = "roles/storage.objectViewer"
  member = "serviceAccount:app@where2eat.iam.gserviceaccount.com"
}

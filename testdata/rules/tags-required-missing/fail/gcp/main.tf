provider "google" {
  project        = "menus"
  default_labels = { app = "menus", env = "dev" }
}

resource "google_storage_bucket" "photos" {
  name     = "menus-photos"
  location = "EU"
  labels   = { owner = "lunch-team" } # expect: tags-required-missing
}

resource "google_storage_bucket_iam_member" "public" {
  bucket = google_storage_bucket.photos.name
  role   = "roles/storage.objectViewer"
  member = "user:a@example.com"
}

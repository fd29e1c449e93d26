resource "google_project_iam_member" "app" {
  project = "where2eat"
  role    = "roles/editor" # expect: gcp-iam-privileged-role
  member  = "serviceAccount:app@where2eat.iam.gserviceaccount.com"
}

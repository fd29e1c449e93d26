resource "google_project_iam_member" "app" {
  project = "where2eat"
  role    = "roles/cloudsql.client"
  member  = "serviceAccount:app@where2eat.iam.gserviceaccount.com"
}

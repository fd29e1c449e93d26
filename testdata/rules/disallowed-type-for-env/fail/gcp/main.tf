resource "google_sql_database_instance" "db" {
  database_version = "POSTGRES_16"
  settings {
    tier        = "db-custom-4-16384" # expect: disallowed-type-for-env
    user_labels = { env = "dev" }
  }
}

resource "google_compute_instance" "vm" {
  name         = "vm"
  zone         = "europe-west1-b"
  machine_type = "e2-small"
  labels       = { env = "dev" }
}

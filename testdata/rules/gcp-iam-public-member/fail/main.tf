resource "google_pubsub_topic_iam_binding" "orders" {
  topic   = "orders"
  role    = "roles/pubsub.publisher"
  members = ["allUsers"] # expect: gcp-iam-public-member
}

resource "google_pubsub_topic_iam_binding" "orders" {
  topic   = "orders"
  role    = "roles/pubsub.publisher"
  members = ["serviceAccount:app@where2eat.iam.gserviceaccount.com"]
}

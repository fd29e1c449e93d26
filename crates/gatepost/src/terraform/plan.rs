//! `terraform show -json` plans.

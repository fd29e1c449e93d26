//! gatepost: policy-as-code for micro-apps.
pub mod cost;
pub mod model;
pub mod parse;
pub mod secrets;
pub mod terraform;

//! gatepost: policy-as-code for micro-apps.
//!
//! Files → format parsers that keep spans → one normalized model → native facts (secrets,
//! prices) → Rego rules evaluated by regorus → located findings → renderers.
pub mod api;
pub mod baseline;
pub mod config;
pub mod cost;
pub mod discover;
pub mod engine;
pub mod kubernetes;
pub mod link;
pub mod model;
pub mod par;
pub mod parse;
pub mod policy;
pub mod quantity;
pub mod render;
pub mod report;
pub mod scan;
pub mod secrets;
pub mod suppress;
pub mod terraform;
pub mod testing;
pub mod workflow;

pub use discover::SourceFile;
pub use policy::Severity;
pub use report::{Finding, Report, ScanError};
#[cfg(not(target_arch = "wasm32"))]
pub use scan::scan_paths;
pub use scan::{scan_sources, Options};

pub const VERSION: &str = env!("CARGO_PKG_VERSION");

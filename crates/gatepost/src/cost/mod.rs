//! Offline monthly cost estimates from a bundled price table.

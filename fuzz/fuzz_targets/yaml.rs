//! The YAML stream parser (anchors, aliases, depth limits) never panics.
#![no_main]
use gatepost::parse::yaml;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let _ = yaml::parse_stream(&text, yaml::Limits::default());
});

//! The HCL parser returns a tree or an error for any text, never panics.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let _ = gatepost::parse::hcl::parse(&text);
});

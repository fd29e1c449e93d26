//! A whole scan of one file at `k8s/f.yaml`: parser, normalizer, rules and locating.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    gatepost_fuzz::scan_one("k8s/f.yaml", data);
});

//! A whole scan of one file at `.gitlab-ci.yml`: parser, normalizer, rules and locating.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    gatepost_fuzz::scan_one(".gitlab-ci.yml", data);
});

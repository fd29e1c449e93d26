//! The normalized model of up to four in-memory files (every parser, the normalizer and
//! its cross-file links, secret candidates; no rule evaluated): the normalizer's own target,
//! several times faster per input than `scan`, which also runs every rule.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    gatepost_fuzz::model_files(gatepost_fuzz::split_files(data));
});

//! A scan of up to four in-memory files, so cross-file linking sees hostile input too.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    gatepost_fuzz::scan_files(gatepost_fuzz::split_files(data));
});

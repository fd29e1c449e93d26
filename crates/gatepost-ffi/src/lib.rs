//! C ABI over `gatepost::api`. Opaque handles with explicit `gatepost_*_free`, UTF-8 with
//! explicit lengths both ways, a status code from every call that can fail plus a
//! per-thread last-error message. No panic crosses the boundary: each entry point catches.
//!
//! The header `include/gatepost.h` is generated from this file by cbindgen (see build.rs).

#![allow(clippy::missing_safety_doc)]

use gatepost::api;
use std::cell::RefCell;
use std::ffi::{c_char, CString};
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::ptr;

/// What a call returned. Details are in `gatepost_last_error`.
#[repr(C)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GatepostStatus {
    Ok = 0,
    /// A required pointer was NULL.
    NullPointer = 1,
    /// A string argument was not valid UTF-8.
    InvalidUtf8 = 2,
    /// The options, a format name or a user policy was rejected.
    InvalidArgument = 3,
    /// An internal error (a caught panic). The library stays usable.
    Internal = 4,
}

/// In-memory files to scan: build with `gatepost_files_new` / `gatepost_files_add`.
pub struct GatepostFiles {
    files: Vec<(String, Vec<u8>)>,
}

/// A finished scan. Render it with `gatepost_report_render`; its model with
/// `gatepost_report_model_json`.
pub struct GatepostReport {
    scan: api::Scan,
}

thread_local! {
    static LAST_ERROR: RefCell<Option<CString>> = const { RefCell::new(None) };
}

struct Fail(GatepostStatus, String);

fn set_error(msg: &str) {
    let c = CString::new(msg.replace('\0', "\\0")).unwrap_or_default();
    LAST_ERROR.with(|e| *e.borrow_mut() = Some(c));
}

/// Run an entry point: clears the last error, catches panics, records failures.
fn call(f: impl FnOnce() -> Result<(), Fail>) -> GatepostStatus {
    LAST_ERROR.with(|e| *e.borrow_mut() = None);
    let r = catch_unwind(AssertUnwindSafe(f)).unwrap_or_else(|_| {
        Err(Fail(
            GatepostStatus::Internal,
            "internal error (panic)".into(),
        ))
    });
    match r {
        Ok(()) => GatepostStatus::Ok,
        Err(Fail(code, msg)) => {
            set_error(&msg);
            code
        }
    }
}

fn from_api(msg: String) -> Fail {
    let code = if msg.starts_with("internal error") {
        GatepostStatus::Internal
    } else {
        GatepostStatus::InvalidArgument
    };
    Fail(code, msg)
}

unsafe fn bytes<'a>(p: *const u8, len: usize, what: &str) -> Result<&'a [u8], Fail> {
    if len == 0 {
        return Ok(&[]);
    }
    if p.is_null() {
        return Err(Fail(GatepostStatus::NullPointer, format!("{what} is NULL")));
    }
    Ok(std::slice::from_raw_parts(p, len))
}

unsafe fn text<'a>(p: *const c_char, len: usize, what: &str) -> Result<&'a str, Fail> {
    if p.is_null() {
        return Err(Fail(GatepostStatus::NullPointer, format!("{what} is NULL")));
    }
    std::str::from_utf8(bytes(p.cast(), len, what)?)
        .map_err(|e| Fail(GatepostStatus::InvalidUtf8, format!("{what}: {e}")))
}

/// Options may be NULL (all defaults).
unsafe fn options<'a>(p: *const c_char, len: usize) -> Result<&'a str, Fail> {
    if p.is_null() {
        Ok("")
    } else {
        text(p, len, "options")
    }
}

/// A caller's handle, or a NullPointer failure naming it.
unsafe fn handle<'a, T>(p: *const T, what: &str) -> Result<&'a T, Fail> {
    p.as_ref()
        .ok_or_else(|| Fail(GatepostStatus::NullPointer, format!("{what} is NULL")))
}

/// `count` paths, `paths[i]` of `lens[i]` bytes (both arrays may be NULL when `count` is 0).
unsafe fn path_list(
    paths: *const *const c_char,
    lens: *const usize,
    count: usize,
) -> Result<Vec<String>, Fail> {
    if count == 0 {
        return Ok(Vec::new());
    }
    handle(paths, "paths")?;
    handle(lens, "path_lens")?;
    (0..count)
        .map(|i| text(*paths.add(i), *lens.add(i), "path").map(str::to_string))
        .collect()
}

/// Check an out-parameter and clear it, so a failed call never leaves a stale pointer.
unsafe fn clear<T>(out: *mut *mut T) -> Result<(), Fail> {
    if out.is_null() {
        return Err(Fail(GatepostStatus::NullPointer, "out is NULL".into()));
    }
    *out = ptr::null_mut();
    Ok(())
}

/// An entry point that hands back a report: `*out` is cleared, then set on success.
unsafe fn report_call(
    out: *mut *mut GatepostReport,
    f: impl FnOnce() -> Result<api::Scan, Fail>,
) -> GatepostStatus {
    call(|| {
        clear(out)?;
        let scan = f()?;
        *out = Box::into_raw(Box::new(GatepostReport { scan }));
        Ok(())
    })
}

/// An entry point that hands back a string: `*out` is cleared, then set on success.
unsafe fn string_call(
    out: *mut *mut c_char,
    out_len: *mut usize,
    f: impl FnOnce() -> Result<String, Fail>,
) -> GatepostStatus {
    call(|| {
        clear(out)?;
        give_string(f()?, out, out_len);
        Ok(())
    })
}

/// A library-owned string: `len` bytes then a NUL, with the length stored before it so
/// `gatepost_string_free` needs only the pointer.
const HEADER: usize = std::mem::size_of::<usize>();

unsafe fn give_string(s: String, out: *mut *mut c_char, out_len: *mut usize) {
    let len = s.len();
    let mut buf = Vec::with_capacity(HEADER + len + 1);
    buf.extend_from_slice(&len.to_ne_bytes());
    buf.extend_from_slice(s.as_bytes());
    buf.push(0);
    let raw = Box::into_raw(buf.into_boxed_slice()) as *mut u8;
    *out = raw.add(HEADER).cast();
    if !out_len.is_null() {
        *out_len = len;
    }
}

/// The library version, a static NUL-terminated string.
#[no_mangle]
pub extern "C" fn gatepost_version() -> *const c_char {
    concat!(env!("CARGO_PKG_VERSION"), "\0").as_ptr().cast()
}

/// The message of the last failed call on this thread (NUL-terminated, UTF-8), or NULL.
/// Valid until the next gatepost call on this thread. `len` may be NULL.
#[no_mangle]
pub unsafe extern "C" fn gatepost_last_error(len: *mut usize) -> *const c_char {
    LAST_ERROR.with(|e| match &*e.borrow() {
        Some(c) => {
            if !len.is_null() {
                *len = c.as_bytes().len();
            }
            c.as_ptr()
        }
        None => ptr::null(),
    })
}

/// A new, empty set of in-memory files. Free with `gatepost_files_free`.
#[no_mangle]
pub extern "C" fn gatepost_files_new() -> *mut GatepostFiles {
    Box::into_raw(Box::new(GatepostFiles { files: Vec::new() }))
}

/// Add a file: `path` (UTF-8, `path_len` bytes, as it should appear in findings) and its
/// contents (any bytes; `data` may be NULL when `data_len` is 0). Both are copied.
#[no_mangle]
pub unsafe extern "C" fn gatepost_files_add(
    files: *mut GatepostFiles,
    path: *const c_char,
    path_len: usize,
    data: *const u8,
    data_len: usize,
) -> GatepostStatus {
    call(|| {
        let files = files
            .as_mut()
            .ok_or_else(|| Fail(GatepostStatus::NullPointer, "files is NULL".into()))?;
        let path = text(path, path_len, "path")?.to_string();
        let data = bytes(data, data_len, "data")?.to_vec();
        files.files.push((path, data));
        Ok(())
    })
}

/// Free a file set. NULL is ignored.
#[no_mangle]
pub unsafe extern "C" fn gatepost_files_free(files: *mut GatepostFiles) {
    if !files.is_null() {
        drop(Box::from_raw(files));
    }
}

/// Scan in-memory files. `options` is a JSON object (NULL or empty: defaults); see the README.
/// On success `*out` is a report to free with `gatepost_report_free`.
#[no_mangle]
pub unsafe extern "C" fn gatepost_scan(
    files: *const GatepostFiles,
    options: *const c_char,
    options_len: usize,
    out: *mut *mut GatepostReport,
) -> GatepostStatus {
    report_call(out, || {
        let files = handle(files, "files")?.files.clone();
        api::scan(files, self::options(options, options_len)?).map_err(from_api)
    })
}

/// Scan files and directories on disk, as `gatepost scan PATH...`: `count` paths, each
/// `paths[i]` of `path_lens[i]` bytes.
#[no_mangle]
pub unsafe extern "C" fn gatepost_scan_paths(
    paths: *const *const c_char,
    path_lens: *const usize,
    count: usize,
    options: *const c_char,
    options_len: usize,
    out: *mut *mut GatepostReport,
) -> GatepostStatus {
    report_call(out, || {
        let list = path_list(paths, path_lens, count)?;
        api::scan_paths(&list, self::options(options, options_len)?).map_err(from_api)
    })
}

/// Render a report as `json`, `sarif`, `text` or `github` (`format` NULL: the format the
/// options asked for). `*out` (NUL-terminated, `*out_len` bytes before the NUL) is freed
/// with `gatepost_string_free`. `out_len` may be NULL.
#[no_mangle]
pub unsafe extern "C" fn gatepost_report_render(
    report: *const GatepostReport,
    format: *const c_char,
    format_len: usize,
    out: *mut *mut c_char,
    out_len: *mut usize,
) -> GatepostStatus {
    string_call(out, out_len, || {
        let scan = &handle(report, "report")?.scan;
        if format.is_null() {
            scan.output()
        } else {
            scan.render(text(format, format_len, "format")?)
        }
        .map_err(from_api)
    })
}

/// The normalized model the rules saw, as JSON: the same bytes `gatepost model` prints for
/// the same input. `*out` is freed with `gatepost_string_free`; `out_len` may be NULL.
#[no_mangle]
pub unsafe extern "C" fn gatepost_report_model_json(
    report: *const GatepostReport,
    out: *mut *mut c_char,
    out_len: *mut usize,
) -> GatepostStatus {
    string_call(out, out_len, || {
        let scan = &handle(report, "report")?.scan;
        api::guard(|| Ok(scan.model_json())).map_err(from_api)
    })
}

/// Number of findings (0 for NULL).
#[no_mangle]
pub unsafe extern "C" fn gatepost_report_finding_count(report: *const GatepostReport) -> usize {
    report.as_ref().map_or(0, |r| r.scan.report.findings.len())
}

/// Number of errors: files that could not be read or parsed, policies that failed (0 for NULL).
#[no_mangle]
pub unsafe extern "C" fn gatepost_report_error_count(report: *const GatepostReport) -> usize {
    report.as_ref().map_or(0, |r| r.scan.report.errors.len())
}

/// The CLI's exit code for this report: 0 clean, 1 findings at or above `fail_on`, 2 errors
/// (-1 for NULL).
#[no_mangle]
pub unsafe extern "C" fn gatepost_report_exit_code(report: *const GatepostReport) -> i32 {
    report.as_ref().map_or(-1, |r| r.scan.exit_code())
}

/// Free a report. NULL is ignored.
#[no_mangle]
pub unsafe extern "C" fn gatepost_report_free(report: *mut GatepostReport) {
    if !report.is_null() {
        drop(Box::from_raw(report));
    }
}

/// The bundled rules as JSON (as `gatepost rules --format json`). Free with
/// `gatepost_string_free`. `out_len` may be NULL.
#[no_mangle]
pub unsafe extern "C" fn gatepost_rules_json(
    out: *mut *mut c_char,
    out_len: *mut usize,
) -> GatepostStatus {
    string_call(out, out_len, || Ok(api::rules_json()))
}

/// Free a string the library returned. NULL is ignored.
#[no_mangle]
pub unsafe extern "C" fn gatepost_string_free(s: *mut c_char) {
    if s.is_null() {
        return;
    }
    let base = (s as *mut u8).sub(HEADER);
    let len = usize::from_ne_bytes(*(base as *const [u8; HEADER]));
    let total = HEADER + len + 1;
    drop(Box::from_raw(ptr::slice_from_raw_parts_mut(base, total)));
}

#[cfg(test)]
mod tests {
    use super::*;

    unsafe fn last_error() -> String {
        let p = gatepost_last_error(ptr::null_mut());
        assert!(!p.is_null(), "no error recorded");
        std::ffi::CStr::from_ptr(p).to_string_lossy().into_owned()
    }

    #[test]
    fn a_panic_becomes_an_internal_error() {
        let status = call(|| panic!("boom"));
        assert_eq!(status, GatepostStatus::Internal);
        assert!(unsafe { last_error() }.contains("panic"));
        assert_eq!(call(|| Ok(())), GatepostStatus::Ok);
        assert!(unsafe { gatepost_last_error(ptr::null_mut()) }.is_null());
    }

    #[test]
    fn null_pointers_and_bad_utf8_are_errors_and_clear_the_out_pointer() {
        unsafe {
            let mut report = ptr::NonNull::<GatepostReport>::dangling().as_ptr();
            assert_eq!(
                gatepost_scan(ptr::null(), ptr::null(), 0, &mut report),
                GatepostStatus::NullPointer
            );
            assert!(report.is_null());
            assert_eq!(last_error(), "files is NULL");
            assert_eq!(
                gatepost_scan_paths(ptr::null(), ptr::null(), 2, ptr::null(), 0, &mut report),
                GatepostStatus::NullPointer
            );
            assert_eq!(last_error(), "paths is NULL");

            let files = gatepost_files_new();
            let bad = [b'a', 0xff, b'.', b't', b'f'];
            assert_eq!(
                gatepost_files_add(files, bad.as_ptr().cast(), bad.len(), ptr::null(), 0),
                GatepostStatus::InvalidUtf8
            );
            assert_eq!(
                gatepost_files_add(files, b"x.tf".as_ptr().cast(), 4, ptr::null(), 3),
                GatepostStatus::NullPointer
            );
            let opts = b"{\"format\": 1}";
            assert_eq!(
                gatepost_scan(files, opts.as_ptr().cast(), opts.len(), &mut report),
                GatepostStatus::InvalidArgument
            );
            assert!(last_error().starts_with("options:"));
            assert_eq!(
                gatepost_scan(files, ptr::null(), 0, ptr::null_mut()),
                GatepostStatus::NullPointer
            );
            assert_eq!(last_error(), "out is NULL");

            let mut out = ptr::NonNull::<c_char>::dangling().as_ptr();
            assert_eq!(
                gatepost_report_render(ptr::null(), ptr::null(), 0, &mut out, ptr::null_mut()),
                GatepostStatus::NullPointer
            );
            assert!(out.is_null());
            assert_eq!(last_error(), "report is NULL");
            gatepost_files_free(files);
        }
    }

    #[test]
    fn a_scan_round_trips() {
        unsafe {
            let files = gatepost_files_new();
            let tf = b"resource \"aws_s3_bucket\" \"b\" {\n  acl = \"public-read\"\n}\n";
            assert_eq!(
                gatepost_files_add(
                    files,
                    b"app/main.tf".as_ptr().cast(),
                    11,
                    tf.as_ptr(),
                    tf.len()
                ),
                GatepostStatus::Ok
            );
            let mut report = ptr::null_mut();
            assert_eq!(
                gatepost_scan(files, ptr::null(), 0, &mut report),
                GatepostStatus::Ok
            );
            assert!(gatepost_report_finding_count(report) > 0);
            let (mut out, mut len) = (ptr::null_mut(), 0usize);
            let fmt = b"sarif";
            assert_eq!(
                gatepost_report_render(report, fmt.as_ptr().cast(), fmt.len(), &mut out, &mut len),
                GatepostStatus::Ok
            );
            let s = std::ffi::CStr::from_ptr(out).to_str().unwrap();
            assert_eq!(s.len(), len);
            assert!(s.contains("aws-s3-public-acl"));
            gatepost_string_free(out);
            let bad = b"xml";
            assert_eq!(
                gatepost_report_render(report, bad.as_ptr().cast(), bad.len(), &mut out, &mut len),
                GatepostStatus::InvalidArgument
            );
            assert!(out.is_null());
            assert_eq!(
                gatepost_report_model_json(report, &mut out, &mut len),
                GatepostStatus::Ok
            );
            let model = std::ffi::CStr::from_ptr(out).to_str().unwrap();
            assert_eq!(model.len(), len);
            assert!(model.starts_with("{\n  \"resources\": ["), "{model}");
            assert!(
                model.contains("\"address\": \"aws_s3_bucket.b\""),
                "{model}"
            );
            gatepost_string_free(out);
            assert_eq!(
                gatepost_report_model_json(ptr::null(), &mut out, &mut len),
                GatepostStatus::NullPointer
            );
            assert!(out.is_null());
            assert_eq!(
                gatepost_rules_json(&mut out, ptr::null_mut()),
                GatepostStatus::Ok
            );
            assert!(std::ffi::CStr::from_ptr(out).to_bytes().starts_with(b"["));
            gatepost_string_free(out);
            gatepost_report_free(report);
            gatepost_files_free(files);
        }
    }
}

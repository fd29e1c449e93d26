//! The Node-API addon: a thin layer over `gatepost::api`. `index.js` wraps it in the
//! documented JavaScript API (`scan`, `scanSync`, `rules`, `version`).

use gatepost::api;
use napi::bindgen_prelude::*;
use napi_derive::napi;

/// One in-memory file.
#[napi(object)]
pub struct SourceInput {
    pub path: String,
    pub contents: Buffer,
}

/// A finished scan, kept whole so it can be rendered in any format afterwards.
#[napi]
pub struct NativeReport {
    scan: api::Scan,
}

#[napi]
impl NativeReport {
    /// `json`, `sarif`, `text` or `github`; none: the format the options asked for.
    #[napi]
    pub fn render(&self, format: Option<String>) -> Result<String> {
        api::guard(|| match format.as_deref() {
            Some(f) => self.scan.render(f),
            None => self.scan.output(),
        })
        .map_err(fail)
    }

    /// The normalized model the rules saw, as `gatepost model` prints it.
    #[napi]
    pub fn model_json(&self) -> Result<String> {
        api::guard(|| Ok(self.scan.model_json())).map_err(fail)
    }

    /// 0 clean, 1 findings at or above `fail_on`, 2 errors, as the CLI exits.
    #[napi]
    pub fn exit_code(&self) -> i32 {
        self.scan.exit_code()
    }
}

enum Input {
    Files(Vec<(String, Vec<u8>)>),
    Paths(Vec<String>),
}

fn run(input: Input, options: &str) -> Result<api::Scan> {
    match input {
        Input::Files(files) => api::scan(files, options),
        Input::Paths(paths) => api::scan_paths(&paths, options),
    }
    .map_err(fail)
}

fn files(list: Vec<SourceInput>) -> Input {
    Input::Files(
        list.into_iter()
            .map(|f| (f.path, f.contents.to_vec()))
            .collect(),
    )
}

fn fail(msg: String) -> Error {
    Error::new(Status::InvalidArg, msg)
}

/// Runs a scan on the libuv thread pool, off the event loop.
pub struct ScanTask {
    input: Option<Input>,
    options: String,
}

impl Task for ScanTask {
    type Output = api::Scan;
    type JsValue = NativeReport;

    fn compute(&mut self) -> Result<api::Scan> {
        let input = self.input.take().unwrap_or(Input::Files(Vec::new()));
        run(input, &self.options)
    }

    fn resolve(&mut self, _env: Env, scan: api::Scan) -> Result<NativeReport> {
        Ok(NativeReport { scan })
    }
}

#[napi]
pub fn scan_files_sync(
    files_in: Vec<SourceInput>,
    options: Option<String>,
) -> Result<NativeReport> {
    let scan = run(files(files_in), options.as_deref().unwrap_or(""))?;
    Ok(NativeReport { scan })
}

#[napi]
pub fn scan_paths_sync(paths: Vec<String>, options: Option<String>) -> Result<NativeReport> {
    let scan = run(Input::Paths(paths), options.as_deref().unwrap_or(""))?;
    Ok(NativeReport { scan })
}

#[napi]
pub fn scan_files(files_in: Vec<SourceInput>, options: Option<String>) -> AsyncTask<ScanTask> {
    AsyncTask::new(ScanTask {
        input: Some(files(files_in)),
        options: options.unwrap_or_default(),
    })
}

#[napi]
pub fn scan_paths(paths: Vec<String>, options: Option<String>) -> AsyncTask<ScanTask> {
    AsyncTask::new(ScanTask {
        input: Some(Input::Paths(paths)),
        options: options.unwrap_or_default(),
    })
}

#[napi]
pub fn rules_json() -> String {
    api::rules_json()
}

#[napi]
pub fn version() -> String {
    api::version().to_string()
}

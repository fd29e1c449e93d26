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

/// A finished scan: the report JSON, the rendering the options asked for, the exit code.
#[napi(object)]
pub struct ScanOutput {
    pub json: String,
    pub output: String,
    pub exit_code: i32,
}

enum Input {
    Files(Vec<(String, Vec<u8>)>),
    Paths(Vec<String>),
}

fn run(input: Input, options: &str) -> std::result::Result<ScanOutput, String> {
    let scan = match input {
        Input::Files(files) => api::scan(files, options)?,
        Input::Paths(paths) => api::scan_paths(&paths, options)?,
    };
    api::guard(|| {
        Ok(ScanOutput {
            json: scan.render("json")?,
            output: scan.output()?,
            exit_code: scan.exit_code(),
        })
    })
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
    type Output = ScanOutput;
    type JsValue = ScanOutput;

    fn compute(&mut self) -> Result<ScanOutput> {
        let input = self.input.take().unwrap_or(Input::Files(Vec::new()));
        run(input, &self.options).map_err(fail)
    }

    fn resolve(&mut self, _env: Env, output: ScanOutput) -> Result<ScanOutput> {
        Ok(output)
    }
}

#[napi]
pub fn scan_files_sync(files_in: Vec<SourceInput>, options: Option<String>) -> Result<ScanOutput> {
    run(files(files_in), options.as_deref().unwrap_or("")).map_err(fail)
}

#[napi]
pub fn scan_paths_sync(paths: Vec<String>, options: Option<String>) -> Result<ScanOutput> {
    run(Input::Paths(paths), options.as_deref().unwrap_or("")).map_err(fail)
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

//! A progress bar for slow scans: shown on stderr after one second, only on a terminal
//! and never in CI logs.

use std::io::IsTerminal;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::Arc;
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

pub struct Progress {
    pub counter: Arc<AtomicUsize>,
    done: Arc<AtomicBool>,
    thread: Option<JoinHandle<()>>,
}

/// Whether a bar may be drawn at all.
pub fn wanted() -> bool {
    std::io::stderr().is_terminal() && std::env::var_os("CI").is_none()
}

impl Progress {
    /// Start watching; `total` files are to be parsed.
    pub fn start(total: usize, enabled: bool) -> Progress {
        let counter = Arc::new(AtomicUsize::new(0));
        let done = Arc::new(AtomicBool::new(false));
        let thread = enabled.then(|| {
            let (counter, done) = (counter.clone(), done.clone());
            std::thread::spawn(move || {
                let start = Instant::now();
                while start.elapsed() < Duration::from_secs(1) {
                    if done.load(Ordering::Relaxed) {
                        return;
                    }
                    std::thread::sleep(Duration::from_millis(20));
                }
                let bar = indicatif::ProgressBar::new(total as u64);
                bar.set_style(
                    indicatif::ProgressStyle::with_template(
                        "{spinner} scanning {pos}/{len} files [{bar:30}] {elapsed} {msg}",
                    )
                    .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar())
                    .progress_chars("=> "),
                );
                while !done.load(Ordering::Relaxed) {
                    let n = counter.load(Ordering::Relaxed) as u64;
                    bar.set_position(n);
                    if n as usize >= total {
                        bar.set_message("evaluating rules");
                    }
                    bar.tick();
                    std::thread::sleep(Duration::from_millis(80));
                }
                bar.finish_and_clear();
            })
        });
        Progress {
            counter,
            done,
            thread,
        }
    }

    pub fn finish(mut self) {
        self.done.store(true, Ordering::Relaxed);
        if let Some(t) = self.thread.take() {
            let _ = t.join();
        }
    }
}

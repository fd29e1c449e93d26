//! The date rules compare against, from the system clock or one the host sets.

/// Today's date in UTC as `YYYY-MM-DD`, for rules that compare dates (`input.config.today`).
pub fn today_utc() -> String {
    civil_date((now_secs() / 86_400) as i64)
}

/// A clock set by the host; 0 means "ask the system". wasm32-unknown-unknown has no clock
/// (`SystemTime::now` panics there), so the WebAssembly binding sets it before each scan.
static HOST_NOW_SECS: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);

/// Seconds since the Unix epoch, as the host reads them (JavaScript: `Date.now() / 1000`).
pub fn set_now_secs(secs: u64) {
    HOST_NOW_SECS.store(secs, std::sync::atomic::Ordering::Relaxed);
}

fn now_secs() -> u64 {
    let host = HOST_NOW_SECS.load(std::sync::atomic::Ordering::Relaxed);
    if host != 0 || cfg!(target_arch = "wasm32") {
        return host;
    }
    system_now_secs()
}

#[cfg(not(target_arch = "wasm32"))]
fn system_now_secs() -> u64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0)
}

#[cfg(target_arch = "wasm32")]
fn system_now_secs() -> u64 {
    0
}

/// The proleptic Gregorian date of a day count since 1970-01-01 (H. Hinnant's algorithm).
pub fn civil_date(days: i64) -> String {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    format!("{y:04}-{m:02}-{d:02}")
}

#[cfg(test)]
mod date_tests {
    use super::civil_date;

    #[test]
    fn civil_dates_from_day_counts() {
        assert_eq!(civil_date(0), "1970-01-01");
        assert_eq!(civil_date(59), "1970-03-01");
        assert_eq!(civil_date(11_016), "2000-02-29");
        assert_eq!(civil_date(19_782), "2024-02-29");
        assert_eq!(civil_date(20_454), "2026-01-01");
        assert_eq!(civil_date(-1), "1969-12-31");
    }
}

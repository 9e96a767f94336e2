//! Today's date, overridable so that CI runs are reproducible (CONTENT-REVIEW-DUE depends on it).

use jiff::civil::Date;

/// The date used for date-dependent checks: `--today`, else `CLEARLEAF_TODAY`, else
/// `SOURCE_DATE_EPOCH` (the reproducible-builds convention), else the system clock (UTC).
pub fn resolve(cli: Option<Date>) -> Result<Date, String> {
    if let Some(d) = cli {
        return Ok(d);
    }
    if let Ok(s) = std::env::var("CLEARLEAF_TODAY") {
        return s.trim().parse().map_err(|_| format!("CLEARLEAF_TODAY must be a date like 2026-03-01, not {s:?}"));
    }
    if let Ok(s) = std::env::var("SOURCE_DATE_EPOCH") {
        let secs: i64 = s.trim().parse().map_err(|_| format!("SOURCE_DATE_EPOCH must be whole seconds, not {s:?}"))?;
        let ts = jiff::Timestamp::from_second(secs).map_err(|e| e.to_string())?;
        return Ok(ts.to_zoned(jiff::tz::TimeZone::UTC).date());
    }
    Ok(jiff::Timestamp::now().to_zoned(jiff::tz::TimeZone::UTC).date())
}

//! TMX dates: `YYYYMMDDThhmmssZ`, UTC.

use std::fmt;
use std::str::FromStr;
use std::time::{SystemTime, UNIX_EPOCH};

use crate::error::{Error, Result};

/// A date in TMX's format, `YYYYMMDDThhmmssZ` (UTC), e.g.
/// `20261201T081500Z`. Callers pass one to [`super::Memory::update`], so the
/// output is reproducible.
///
/// ```
/// use brief::tm::TmxDate;
/// let d = TmxDate::from_unix_seconds(1_796_112_600);
/// assert_eq!(d.as_str(), "20261201T081000Z");
/// assert_eq!("20261201T081000Z".parse::<TmxDate>().unwrap(), d);
/// assert!("2026-12-01".parse::<TmxDate>().is_err());
/// ```
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct TmxDate(String);

impl TmxDate {
    /// The date `seconds` after 1970-01-01T00:00:00Z.
    pub fn from_unix_seconds(seconds: u64) -> TmxDate {
        let days = (seconds / 86_400) as i64;
        let rest = seconds % 86_400;
        let (y, m, d) = civil_from_days(days);
        TmxDate(format!(
            "{y:04}{m:02}{d:02}T{:02}{:02}{:02}Z",
            rest / 3600,
            rest / 60 % 60,
            rest % 60
        ))
    }

    /// The current time (the system clock; before 1970 reads as 1970).
    pub fn now() -> TmxDate {
        let seconds = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map(|d| d.as_secs())
            .unwrap_or(0);
        TmxDate::from_unix_seconds(seconds)
    }

    /// The date as TMX writes it.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// Whether `s` is a well-formed TMX date (which then sorts as text).
pub(super) fn is_tmx_date(s: &str) -> bool {
    let b = s.as_bytes();
    if b.len() != 16 || b[8] != b'T' || b[15] != b'Z' {
        return false;
    }
    if !b[..8].iter().chain(&b[9..15]).all(u8::is_ascii_digit) {
        return false;
    }
    let num = |r: std::ops::Range<usize>| s[r].parse::<u32>().unwrap_or(u32::MAX);
    (1..=12).contains(&num(4..6))
        && (1..=31).contains(&num(6..8))
        && num(9..11) < 24
        && num(11..13) < 60
        && num(13..15) <= 60
}

impl FromStr for TmxDate {
    type Err = Error;

    fn from_str(s: &str) -> Result<TmxDate> {
        if is_tmx_date(s) {
            Ok(TmxDate(s.to_string()))
        } else {
            Err(Error::InvalidSetting {
                key: "translation memory date".into(),
                message: format!(
                    "{s:?} is not a TMX date (YYYYMMDDThhmmssZ, e.g. 20261201T081500Z)"
                ),
            })
        }
    }
}

impl fmt::Display for TmxDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// Year, month and day of a day count since 1970-01-01 (proleptic
/// Gregorian calendar; Howard Hinnant's algorithm).
fn civil_from_days(days: i64) -> (i64, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let y = yoe + era * 400 + i64::from(m <= 2);
    (y, m, d)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unix_seconds_become_calendar_dates() {
        assert_eq!(TmxDate::from_unix_seconds(0).as_str(), "19700101T000000Z");
        assert_eq!(
            TmxDate::from_unix_seconds(951_782_400).as_str(),
            "20000229T000000Z"
        );
        assert_eq!(
            TmxDate::from_unix_seconds(1_709_251_199).as_str(),
            "20240229T235959Z"
        );
        assert!(is_tmx_date(TmxDate::now().as_str()));
    }

    #[test]
    fn malformed_dates_are_refused() {
        for bad in [
            "",
            "20261301T000000Z",
            "20261200T000000Z",
            "20261201T240000Z",
            "20261201 000000Z",
            "2026120lT000000Z",
            "20261201T000000",
        ] {
            assert!(bad.parse::<TmxDate>().is_err(), "{bad}");
        }
    }
}

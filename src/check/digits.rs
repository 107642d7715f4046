//! Digits of every script the checks read, as ASCII: a leaf module, so that
//! the numbers check and the number words it reads both use it.

/// The ASCII digit for a Latin, Persian or Arabic-Indic digit.
pub(crate) fn ascii_digit(c: char) -> Option<char> {
    match c {
        '0'..='9' => Some(c),
        '\u{06F0}'..='\u{06F9}' => char::from_u32(c as u32 - 0x06F0 + '0' as u32),
        '\u{0660}'..='\u{0669}' => char::from_u32(c as u32 - 0x0660 + '0' as u32),
        _ => None,
    }
}

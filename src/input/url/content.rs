//! Content codings (`Content-Encoding: gzip, deflate, br`), decoded with the
//! size limit applied to the decoded bytes: a small body that inflates
//! without end (a compression bomb) is refused once it passes the limit,
//! holding at most the limit of decoded bytes (beside the compressed body,
//! itself at most the limit).

use std::io::Read;

/// Why a body could not be decoded.
#[derive(Debug, PartialEq, Eq)]
pub(super) enum ContentError {
    /// More than the limit after decoding.
    TooLarge,
    /// A coding brief does not know (such as `compress` or `zstd`).
    Unsupported(String),
    /// Not valid data for its coding.
    Corrupt(String),
}

/// The most codings applied one over another that are undone.
const MAX_LAYERS: usize = 3;

/// Undoes the codings listed in `codings` (a `Content-Encoding` value, in
/// the order they were applied) on `body`, keeping at most `limit` bytes.
pub(super) fn decode(body: Vec<u8>, codings: &str, limit: u64) -> Result<Vec<u8>, ContentError> {
    let layers: Vec<String> = codings
        .split(',')
        .map(|c| c.trim().to_ascii_lowercase())
        .filter(|c| !c.is_empty() && c != "identity")
        .collect();
    if layers.len() > MAX_LAYERS {
        return Err(ContentError::Unsupported(format!(
            "{} codings one over another",
            layers.len()
        )));
    }
    let mut bytes = body;
    for coding in layers.iter().rev() {
        bytes = match coding.as_str() {
            "gzip" | "x-gzip" => {
                bounded(flate2::read::MultiGzDecoder::new(&bytes[..]), limit, coding)?
            }
            "deflate" => {
                // The standard says zlib-wrapped; some servers send raw deflate.
                if is_zlib_header(&bytes) {
                    bounded(flate2::read::ZlibDecoder::new(&bytes[..]), limit, coding)?
                } else {
                    bounded(flate2::read::DeflateDecoder::new(&bytes[..]), limit, coding)?
                }
            }
            "br" => bounded(
                brotli_decompressor::Decompressor::new(&bytes[..], 4096),
                limit,
                coding,
            )?,
            other => return Err(ContentError::Unsupported(other.to_string())),
        };
    }
    if bytes.len() as u64 > limit {
        return Err(ContentError::TooLarge);
    }
    Ok(bytes)
}

fn is_zlib_header(bytes: &[u8]) -> bool {
    match bytes {
        [cmf, flg, ..] => cmf & 0x0F == 8 && (u16::from(*cmf) << 8 | u16::from(*flg)) % 31 == 0,
        _ => false,
    }
}

/// Reads at most `limit` bytes of decoded output; one more is an error.
fn bounded(reader: impl Read, limit: u64, coding: &str) -> Result<Vec<u8>, ContentError> {
    let mut out = Vec::new();
    reader
        .take(limit.saturating_add(1))
        .read_to_end(&mut out)
        .map_err(|e| ContentError::Corrupt(format!("not valid {coding} data: {e}")))?;
    if out.len() as u64 > limit {
        return Err(ContentError::TooLarge);
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use std::io::Write;

    use super::*;

    fn gzip(data: &[u8]) -> Vec<u8> {
        let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
        e.write_all(data).unwrap();
        e.finish().unwrap()
    }

    #[test]
    fn each_coding_round_trips() {
        let text = "Привет, мир. سلام دنیا. ".repeat(50);
        let data = text.as_bytes();
        assert_eq!(decode(gzip(data), "gzip", 1 << 20).unwrap(), data);
        let mut z = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::default());
        z.write_all(data).unwrap();
        assert_eq!(
            decode(z.finish().unwrap(), "deflate", 1 << 20).unwrap(),
            data
        );
        let mut raw =
            flate2::write::DeflateEncoder::new(Vec::new(), flate2::Compression::default());
        raw.write_all(data).unwrap();
        assert_eq!(
            decode(raw.finish().unwrap(), "Deflate", 1 << 20).unwrap(),
            data
        );
        // Applied gzip first, then... gzip again: undone in reverse order.
        assert_eq!(
            decode(gzip(&gzip(data)), "gzip, gzip", 1 << 20).unwrap(),
            data
        );
        assert_eq!(decode(data.to_vec(), "identity", 1 << 20).unwrap(), data);
    }

    #[test]
    fn brotli_is_read() {
        // "hello", compressed by Google's reference brotli encoder (the
        // Python `brotli` package, default quality).
        let stream = [0x0b, 0x02, 0x80, 0x68, 0x65, 0x6c, 0x6c, 0x6f, 0x03];
        assert_eq!(decode(stream.to_vec(), "br", 100).unwrap(), b"hello");
    }

    #[test]
    fn a_bomb_stops_at_the_limit() {
        let bomb = gzip(&vec![0u8; 20 << 20]);
        assert!(bomb.len() < 100_000);
        assert_eq!(
            decode(bomb.clone(), "gzip", 1 << 20),
            Err(ContentError::TooLarge)
        );
        assert_eq!(
            decode(bomb, "gzip", 20 << 20).map(|b| b.len()),
            Ok(20 << 20)
        );
    }

    #[test]
    fn unknown_and_corrupt_codings_are_named() {
        assert_eq!(
            decode(b"x".to_vec(), "zstd", 10),
            Err(ContentError::Unsupported("zstd".into()))
        );
        assert!(
            matches!(decode(b"not gzip".to_vec(), "gzip", 10), Err(ContentError::Corrupt(m)) if m.contains("gzip"))
        );
        assert!(matches!(
            decode(b"x".to_vec(), "gzip,gzip,gzip,gzip", 10),
            Err(ContentError::Unsupported(_))
        ));
        // Uncompressed but over the limit.
        assert_eq!(decode(vec![b'a'; 11], "", 10), Err(ContentError::TooLarge));
    }
}

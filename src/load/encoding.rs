//! Text files in the encodings Chinese research data comes in: UTF-8 (with
//! or without a byte-order mark), UTF-16 (with one) and GB18030, which
//! covers GBK and GB2312, the "Save as CSV" of Chinese Windows. DuckDB's
//! reader takes UTF-8 only, so any other encoding is transcoded, as a
//! stream, into a temporary UTF-8 file that DuckDB then parses as before.
//! A byte that is not valid in the encoding rejects the file with its line
//! and column: nothing is silently replaced.

use std::io::{BufWriter, Read, Write};
use std::path::{Path, PathBuf};

use encoding_rs::{DecoderResult, Encoding, GB18030, UTF_8, UTF_16BE, UTF_16LE};

use crate::error::{Error, Result};

/// How much of a file the detection looks at.
const SAMPLE: usize = 64 * 1024;
/// Bytes read and decoded at a time.
const CHUNK: usize = 256 * 1024;

/// The `--encoding` of a load: one encoding, or `None` to detect it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct EncodingChoice(pub Option<&'static Encoding>);

/// `--encoding`: a name people type, or `auto`.
pub fn parse_encoding(text: &str) -> std::result::Result<EncodingChoice, String> {
    let name = text.to_ascii_lowercase().replace('_', "-");
    Ok(EncodingChoice(Some(match name.as_str() {
        "auto" => return Ok(EncodingChoice(None)),
        "utf-8" | "utf8" => UTF_8,
        "utf-16" | "utf16" | "utf-16le" => UTF_16LE,
        "utf-16be" => UTF_16BE,
        "gb18030" | "gbk" | "gb2312" | "cp936" => GB18030,
        _ => {
            return Err(format!(
                "'{text}' is not an encoding clusterql reads: utf-8, utf-16, utf-16be, gb18030 (also for GBK and GB2312) or auto"
            ));
        }
    })))
}

/// The encoding of the file: its byte-order mark if it has one, else
/// UTF-8 if its first bytes are, else GB18030, what Chinese Windows saves;
/// unless they look like another East Asian encoding (Big5, Shift_JIS,
/// EUC), which is an error that says what to do. A short sample often
/// looks like some single-byte encoding to the detector: that is no
/// reason to doubt GB18030.
pub fn detect(path: &Path) -> Result<&'static Encoding> {
    let mut sample = Vec::with_capacity(SAMPLE);
    std::fs::File::open(path)
        .and_then(|file| file.take(SAMPLE as u64).read_to_end(&mut sample))
        .map_err(|e| Error::io(path, e))?;
    detect_in(path, &sample, sample.len() < SAMPLE)
}

/// [`detect`] on the first bytes of a file (`whole`: all of them).
fn detect_in(path: &Path, sample: &[u8], whole: bool) -> Result<&'static Encoding> {
    if let Some((encoding, _)) = Encoding::for_bom(sample) {
        return Ok(encoding);
    }
    match std::str::from_utf8(sample) {
        Ok(_) => return Ok(UTF_8),
        // A character cut by the end of the sample is still UTF-8.
        Err(error) if error.error_len().is_none() && !whole => return Ok(UTF_8),
        Err(_) => {}
    }
    let mut detector = chardetng::EncodingDetector::new();
    detector.feed(sample, whole);
    let guess = detector.guess(None, false);
    let other_east_asian = [
        encoding_rs::BIG5,
        encoding_rs::SHIFT_JIS,
        encoding_rs::EUC_JP,
        encoding_rs::EUC_KR,
        encoding_rs::ISO_2022_JP,
    ];
    if !other_east_asian.contains(&guess) {
        return Ok(GB18030);
    }
    Err(Error::LoadRejected(format!(
        "{}: not UTF-8, UTF-16 or GB18030 text (it looks like {}); convert it, e.g. iconv -f {} -t UTF-8, or name its encoding with --encoding",
        path.display(),
        guess.name(),
        guess.name()
    )))
}

/// A small text file (a SQL script) as text, in whichever of the encodings
/// above it is in; with the encoding, so that the caller can say it.
pub fn read_text_file(path: &Path) -> Result<(String, &'static Encoding)> {
    let bytes = std::fs::read(path).map_err(|e| Error::io(path, e))?;
    let encoding = detect_in(path, &bytes, true).map_err(|error| match error {
        Error::LoadRejected(message) => Error::Usage(message),
        other => other,
    })?;
    let (text, _, had_errors) = encoding.decode(&bytes);
    if !had_errors {
        return Ok((text.into_owned(), encoding));
    }
    // Locate the first byte that is not valid in the encoding.
    let mut decoder = encoding.new_decoder_with_bom_removal();
    let mut scratch = String::with_capacity(bytes.len() * 3 + 16);
    let (result, consumed) =
        decoder.decode_to_string_without_replacement(&bytes, &mut scratch, true);
    let start = match result {
        DecoderResult::Malformed(bad, after) => {
            consumed.saturating_sub(usize::from(after) + usize::from(bad))
        }
        _ => consumed,
    };
    let mut position = Position::default();
    position.advance(&bytes[..start], encoding);
    Err(Error::Usage(format!(
        "{}:{}:{}: not valid {} text; convert it, e.g. iconv -f {} -t UTF-8 {}",
        path.display(),
        position.line,
        position.column,
        encoding.name().to_uppercase(),
        encoding.name().to_uppercase(),
        path.display()
    )))
}

/// A UTF-8 copy of a file in another encoding, removed when dropped.
pub struct Transcoded {
    pub original: String,
    pub copy: PathBuf,
}

impl Drop for Transcoded {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.copy);
    }
}

/// Writes `path`, read as `encoding`, as UTF-8 into a temporary file.
/// Memory stays at a chunk whatever the file's size.
pub fn transcode(path: &Path, encoding: &'static Encoding) -> Result<Transcoded> {
    static COUNTER: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
    let number = COUNTER.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let stem = path
        .file_stem()
        .map_or_else(|| "file".to_string(), |s| s.to_string_lossy().to_string());
    let copy = std::env::temp_dir().join(format!(
        "clusterql-{}-{number}-{stem}.csv",
        std::process::id()
    ));
    let transcoded = Transcoded {
        original: path.display().to_string(),
        copy,
    };
    let mut input = std::fs::File::open(path).map_err(|e| Error::io(path, e))?;
    let output =
        std::fs::File::create(&transcoded.copy).map_err(|e| Error::io(&transcoded.copy, e))?;
    let mut output = BufWriter::new(output);
    // The BOM, if any, is dropped: the copy is plain UTF-8.
    let mut decoder = encoding.new_decoder_with_bom_removal();
    let mut position = Position::default();
    let mut bytes = vec![0u8; CHUNK];
    let mut text = String::with_capacity(CHUNK * 3);
    loop {
        let read = input.read(&mut bytes).map_err(|e| Error::io(path, e))?;
        let last = read == 0;
        let mut pending = &bytes[..read];
        loop {
            text.clear();
            let (result, consumed) =
                decoder.decode_to_string_without_replacement(pending, &mut text, last);
            output
                .write_all(text.as_bytes())
                .map_err(|e| Error::io(&transcoded.copy, e))?;
            match result {
                DecoderResult::InputEmpty => {
                    position.advance(pending, encoding);
                    break;
                }
                DecoderResult::OutputFull => {
                    position.advance(&pending[..consumed], encoding);
                    pending = &pending[consumed..];
                    text.reserve(CHUNK * 3);
                }
                DecoderResult::Malformed(bad, after) => {
                    // The bad sequence may have begun in the previous chunk.
                    let end = consumed.saturating_sub(usize::from(after));
                    let start = end.saturating_sub(usize::from(bad));
                    position.advance(&pending[..start], encoding);
                    return Err(Error::LoadRejected(format!(
                        "{}:{}:{}: not valid {} text (byte {}); nothing was loaded",
                        transcoded.original,
                        position.line,
                        position.column,
                        encoding.name().to_uppercase(),
                        pending[start..end.max(start)]
                            .iter()
                            .map(|b| format!("0x{b:02X}"))
                            .collect::<Vec<_>>()
                            .join(" ")
                    )));
                }
            }
        }
        if last {
            break;
        }
    }
    output.flush().map_err(|e| Error::io(&transcoded.copy, e))?;
    Ok(transcoded)
}

/// Line and column (in bytes, from 1) of the next byte of the input.
struct Position {
    line: u64,
    column: u64,
}

impl Default for Position {
    fn default() -> Self {
        Position { line: 1, column: 1 }
    }
}

impl Position {
    fn advance(&mut self, bytes: &[u8], encoding: &'static Encoding) {
        // In UTF-16 a line break is a two-byte unit.
        let unit = if encoding == UTF_16LE || encoding == UTF_16BE {
            2
        } else {
            1
        };
        let newline: &[u8] = match encoding {
            e if e == UTF_16LE => b"\n\0",
            e if e == UTF_16BE => b"\0\n",
            _ => b"\n",
        };
        let mut index = 0;
        while index + unit <= bytes.len() {
            if &bytes[index..index + unit] == newline {
                self.line += 1;
                self.column = 1;
            } else {
                self.column += unit as u64;
            }
            index += unit;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_people_type_are_understood() {
        assert_eq!(parse_encoding("GBK"), Ok(EncodingChoice(Some(GB18030))));
        assert_eq!(parse_encoding("utf8"), Ok(EncodingChoice(Some(UTF_8))));
        assert_eq!(parse_encoding("auto"), Ok(EncodingChoice(None)));
        assert!(parse_encoding("latin-9").is_err());
    }

    #[test]
    fn positions_count_lines_and_bytes() {
        let mut position = Position::default();
        position.advance(b"ab\ncd\nef", GB18030);
        assert_eq!((position.line, position.column), (3, 3));
    }
}

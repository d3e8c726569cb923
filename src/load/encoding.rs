//! Text files in the encodings Chinese research data comes in: UTF-8 (with
//! or without a byte-order mark), UTF-16 (with one) and GB18030, which
//! covers GBK and GB2312, the "Save as CSV" of Chinese Windows. DuckDB's
//! reader takes UTF-8 only, so any other encoding is transcoded, as a
//! stream, into a temporary UTF-8 file that DuckDB then parses as before.
//! A byte that is not valid in the encoding rejects the file with its line
//! and column: nothing is silently replaced.

use std::io::{BufWriter, Read, Write};
use std::path::Path;

use encoding_rs::{BIG5, DecoderResult, Encoding, GB18030, UTF_8, UTF_16BE, UTF_16LE};

use crate::error::{Error, Result};
use crate::t;

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
        "big5" | "big5-hkscs" | "cp950" => BIG5,
        _ => {
            return Err(t!("encoding-unknown", text = text));
        }
    })))
}

/// The encoding of the file: its byte-order mark if it has one, else
/// UTF-8 if its first bytes are (a stray byte among UTF-8 characters is
/// UTF-8 with an error), else GB18030, what Chinese Windows saves, when the
/// detector or the bytes say so; anything else is an error that names what
/// the bytes look like, so that nothing is read as the wrong characters.
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
        // UTF-8 characters before a stray byte: UTF-8 with a bad byte,
        // which the load then reports at its line and column.
        Err(error) if sample[..error.valid_up_to()].iter().any(|b| *b >= 0x80) => {
            return Ok(UTF_8);
        }
        Err(_) => {}
    }
    let mut detector = chardetng::EncodingDetector::new();
    detector.feed(sample, whole);
    let guess = detector.guess(None, false);
    // Traditional characters as Taiwan and Hong Kong save them: their
    // byte pairs are mostly valid GB18030 too, and decoded so they would
    // load as other characters without an error.
    if guess == BIG5 {
        return Ok(BIG5);
    }
    if guess == GB18030 || guess == encoding_rs::GBK || looks_like_chinese(sample) {
        return Ok(GB18030);
    }
    let first_foreign = sample.iter().position(|b| *b >= 0x80).unwrap_or(0);
    let mut position = Position::default();
    position.advance(&sample[..first_foreign], UTF_8);
    Err(Error::LoadRejected(format!(
        "{}:{}:{}: {}",
        path.display(),
        position.line,
        position.column,
        t!("encoding-foreign", guess = guess.name())
    )))
}

/// Whether the high bytes come in the pairs of GB2312's Chinese characters
/// (both bytes 0xA1-0xFE), nearly all of them: a short sample of Chinese
/// text often looks like a single-byte encoding to the detector, while a
/// Latin-1 `é` before an ASCII letter is no such pair.
pub(super) fn looks_like_chinese(sample: &[u8]) -> bool {
    let (mut pairs, mut strays) = (0usize, 0usize);
    let mut index = 0;
    while index < sample.len() {
        let byte = sample[index];
        if byte < 0x80 {
            index += 1;
            continue;
        }
        let chinese = |b: u8| (0xA1..=0xFE).contains(&b);
        if chinese(byte) && sample.get(index + 1).copied().is_some_and(chinese) {
            pairs += 1;
            index += 2;
        } else {
            strays += 1;
            index += 1;
        }
    }
    pairs > 0 && pairs >= 4 * strays
}

/// Text in whichever of the encodings above it is in, without its
/// byte-order mark; `path` names it in errors.
pub fn decode_text(path: &Path, bytes: &[u8]) -> Result<(String, &'static Encoding)> {
    let encoding = detect_in(path, bytes, true).map_err(|error| match error {
        Error::LoadRejected(message) => Error::Usage(message),
        other => other,
    })?;
    let (text, _, had_errors) = encoding.decode(bytes);
    if !had_errors {
        return Ok((text.into_owned(), encoding));
    }
    // Locate the first byte that is not valid in the encoding.
    let mut decoder = encoding.new_decoder_with_bom_removal();
    let mut scratch = String::with_capacity(bytes.len() * 3 + 16);
    let (result, consumed) =
        decoder.decode_to_string_without_replacement(bytes, &mut scratch, true);
    let start = match result {
        DecoderResult::Malformed(bad, after) => {
            consumed.saturating_sub(usize::from(after) + usize::from(bad))
        }
        _ => consumed,
    };
    let mut position = Position::default();
    position.advance(&bytes[..start], encoding);
    Err(Error::Usage(format!(
        "{}:{}:{}: {}",
        path.display(),
        position.line,
        position.column,
        t!(
            "encoding-invalid-script",
            encoding = encoding.name().to_uppercase(),
            file = path.display().to_string()
        )
    )))
}

/// A UTF-8 copy of a file in another encoding, removed when dropped.
pub struct Transcoded {
    pub original: String,
    pub copy: tempfile::TempPath,
    /// Lines of the original above the copy's first (a title cut away).
    pub lines_above: usize,
}

/// Writes `path`, read as `encoding`, as UTF-8 into a temporary file.
/// Memory stays at a chunk whatever the file's size.
pub fn transcode(path: &Path, encoding: &'static Encoding) -> Result<Transcoded> {
    let extension = path
        .extension()
        .map_or_else(|| "csv".to_string(), |e| e.to_string_lossy().to_string());
    let (output, copy) = super::copies::new_copy(&extension)?;
    let transcoded = Transcoded {
        original: path.display().to_string(),
        copy,
        lines_above: 0,
    };
    let mut input = std::fs::File::open(path).map_err(|e| Error::io(path, e))?;
    let mut output = BufWriter::new(output);
    // A byte-order mark decides over the encoding given (a UTF-16BE file
    // stays UTF-16BE), and is dropped: the copy is plain UTF-8.
    let mut decoder = encoding.new_decoder();
    // Bytes of the file decoded so far; the line and column of a bad byte
    // are counted only when there is one, so that good files pay nothing.
    let mut offset = 0u64;
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
                    offset += pending.len() as u64;
                    break;
                }
                DecoderResult::OutputFull => {
                    offset += consumed as u64;
                    pending = &pending[consumed..];
                    text.reserve(CHUNK * 3);
                }
                DecoderResult::Malformed(bad, after) => {
                    // The bad sequence may have begun in the previous chunk.
                    let end = consumed.saturating_sub(usize::from(after));
                    let start = end.saturating_sub(usize::from(bad));
                    let position = position_at(path, offset + start as u64, encoding)?;
                    let bytes = pending[start..end.max(start)]
                        .iter()
                        .map(|b| format!("0x{b:02X}"))
                        .collect::<Vec<_>>()
                        .join(" ");
                    return Err(Error::LoadRejected(format!(
                        "{}:{}:{}: {}",
                        transcoded.original,
                        position.line,
                        position.column,
                        t!(
                            "encoding-invalid-byte",
                            encoding = encoding.name().to_uppercase(),
                            bytes = bytes
                        )
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

/// The offset of the first byte of the file that is not UTF-8, read a
/// chunk at a time (memory stays at a chunk whatever the file's size);
/// `None` when it is all UTF-8.
pub(super) fn first_invalid_utf8(path: &Path) -> Result<Option<u64>> {
    let mut input = std::fs::File::open(path).map_err(|e| Error::io(path, e))?;
    let mut bytes = vec![0u8; CHUNK];
    let mut offset = 0u64;
    // A character cut by the end of a read is carried to the next.
    let mut carried = 0;
    loop {
        let read = input
            .read(&mut bytes[carried..])
            .map_err(|e| Error::io(path, e))?;
        let filled = carried + read;
        match std::str::from_utf8(&bytes[..filled]) {
            Ok(_) if read == 0 => return Ok(None),
            Ok(_) => {
                offset += filled as u64;
                carried = 0;
            }
            Err(error) if error.error_len().is_none() && read > 0 => {
                let valid = error.valid_up_to();
                offset += valid as u64;
                bytes.copy_within(valid..filled, 0);
                carried = filled - valid;
            }
            Err(error) => return Ok(Some(offset + error.valid_up_to() as u64)),
        }
    }
}

/// The line and column (in bytes, from 1) of the byte at `offset` of a
/// UTF-8 file, and up to 4 KiB of the bytes from there.
pub(super) fn at_offset(path: &Path, offset: u64) -> Result<(u64, u64, Vec<u8>)> {
    let position = position_at(path, offset, UTF_8)?;
    let mut input = std::fs::File::open(path).map_err(|e| Error::io(path, e))?;
    std::io::Seek::seek(&mut input, std::io::SeekFrom::Start(offset))
        .map_err(|e| Error::io(path, e))?;
    let mut rest = Vec::new();
    input
        .take(4096)
        .read_to_end(&mut rest)
        .map_err(|e| Error::io(path, e))?;
    Ok((position.line, position.column, rest))
}

/// The line and column of the byte at `offset` of the file.
fn position_at(path: &Path, offset: u64, encoding: &'static Encoding) -> Result<Position> {
    let mut input = std::fs::File::open(path)
        .map_err(|e| Error::io(path, e))?
        .take(offset);
    let mut position = Position::default();
    let mut bytes = vec![0u8; CHUNK];
    // UTF-16 units may straddle two reads: carry an odd byte over.
    let mut carried = 0;
    loop {
        let read = input
            .read(&mut bytes[carried..])
            .map_err(|e| Error::io(path, e))?;
        if read == 0 {
            return Ok(position);
        }
        let filled = carried + read;
        let whole = if encoding == UTF_16LE || encoding == UTF_16BE {
            filled - filled % 2
        } else {
            filled
        };
        position.advance(&bytes[..whole], encoding);
        bytes.copy_within(whole..filled, 0);
        carried = filled - whole;
    }
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
    fn chinese_pairs_are_told_from_latin_letters() {
        // "产业集群" in GB18030, and "café" in Latin-1.
        assert!(looks_like_chinese(&[
            0xB2, 0xFA, 0xD2, 0xB5, 0xBC, 0xAF, 0xC8, 0xBA
        ]));
        assert!(!looks_like_chinese(b"caf\xE9 au lait"));
        let latin = detect_in(Path::new("x.csv"), b"name\ncaf\xE9\n", true);
        assert!(matches!(latin, Err(Error::LoadRejected(_))));
    }

    #[test]
    fn positions_count_lines_and_bytes() {
        let mut position = Position::default();
        position.advance(b"ab\ncd\nef", GB18030);
        assert_eq!((position.line, position.column), (3, 3));
    }
}

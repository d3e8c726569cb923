//! The file itself: format 118's sections in their order, the rows as
//! they stream, and at the end the observation count and the section map
//! patched in place, so no row is held back.

use std::io::{self, BufWriter, Seek, SeekFrom, Write};

use duckdb::arrow::record_batch::RecordBatch;

use super::cells::{Cells, fill};
use super::dates::time_stamp;
use super::plan::{DtaPlan, clip};
use super::strls::{Spill, Strl};
use super::types::{FORMAT_FIELD, LABEL_FIELD, NAME_FIELD, Storage, YES_NO_LABEL};
use super::write_failed;
use crate::error::{Error, Result};

/// The output with the count of bytes written, for the section map.
struct Counted<W: Write + Seek> {
    out: BufWriter<W>,
    position: u64,
}

impl<W: Write + Seek> Counted<W> {
    fn put(&mut self, bytes: &[u8]) -> Result<()> {
        self.out.write_all(bytes).map_err(Error::Output)?;
        self.position += bytes.len() as u64;
        Ok(())
    }

    /// `text` cut to `width - 1` bytes between characters, NUL-padded.
    fn put_fixed(&mut self, text: &str, width: usize) -> Result<()> {
        let text = clip(text, usize::MAX, width - 1);
        self.put(text.as_bytes())?;
        self.put(&vec![0; width - text.len()])
    }

    /// A section of one fixed-width text a variable: `<tag>`, the texts,
    /// `</tag>`.
    fn put_fixed_section<'t>(
        &mut self,
        tag: &str,
        texts: impl Iterator<Item = &'t str>,
        width: usize,
    ) -> Result<()> {
        self.put(format!("<{tag}>").as_bytes())?;
        for text in texts {
            self.put_fixed(text, width)?;
        }
        self.put(format!("</{tag}>").as_bytes())
    }
}

/// Index of each section in `<map>`.
mod section {
    pub const MAP: usize = 1;
    pub const VARIABLE_TYPES: usize = 2;
    pub const VARNAMES: usize = 3;
    pub const SORTLIST: usize = 4;
    pub const FORMATS: usize = 5;
    pub const VALUE_LABEL_NAMES: usize = 6;
    pub const VARIABLE_LABELS: usize = 7;
    pub const CHARACTERISTICS: usize = 8;
    pub const DATA: usize = 9;
    pub const STRLS: usize = 10;
    pub const VALUE_LABELS: usize = 11;
    pub const CLOSE: usize = 12;
    pub const END: usize = 13;
}

/// Writes one result as a Stata file: [`begin`](Self::begin) with the
/// plan, [`push`](Self::push) each batch, [`finish`](Self::finish).
pub struct DtaWriter<W: Write + Seek> {
    out: Counted<W>,
    plan: Option<DtaPlan>,
    map: [u64; 14],
    /// Where N, the observation count, is patched at the end.
    count_at: u64,
    rows: u64,
    row_width: usize,
    offsets: Vec<usize>,
    /// One block of rows, reused batch after batch.
    block: Vec<u8>,
    spills: Vec<Option<Spill>>,
}

impl<W: Write + Seek> DtaWriter<W> {
    /// A writer to `out`, a new file (or one it may overwrite from its
    /// current position, which must be its start).
    pub fn new(out: W) -> Self {
        DtaWriter {
            out: Counted {
                out: BufWriter::with_capacity(1 << 20, out),
                position: 0,
            },
            plan: None,
            map: [0; 14],
            count_at: 0,
            rows: 0,
            row_width: 0,
            offsets: Vec::new(),
            block: Vec::new(),
            spills: Vec::new(),
        }
    }

    /// Writes everything before the rows: header, map, variables, labels.
    pub fn begin(&mut self, plan: DtaPlan) -> Result<()> {
        let out = &mut self.out;
        out.put(b"<stata_dta><header><release>118</release><byteorder>LSF</byteorder><K>")?;
        out.put(&(plan.variables.len() as u16).to_le_bytes())?;
        out.put(b"</K><N>")?;
        self.count_at = out.position;
        out.put(&0u64.to_le_bytes())?;
        out.put(b"</N><label>")?;
        out.put(&(plan.dataset_label.len() as u16).to_le_bytes())?;
        out.put(plan.dataset_label.as_bytes())?;
        out.put(b"</label><timestamp>")?;
        match plan.timestamp.and_then(time_stamp) {
            Some(stamp) => {
                out.put(&[stamp.len() as u8])?;
                out.put(stamp.as_bytes())?;
            }
            None => out.put(&[0])?,
        }
        out.put(b"</timestamp></header>")?;

        self.map[section::MAP] = out.position;
        out.put(b"<map>")?;
        out.put(&[0; 14 * 8])?;
        out.put(b"</map>")?;

        self.map[section::VARIABLE_TYPES] = out.position;
        out.put(b"<variable_types>")?;
        for variable in &plan.variables {
            out.put(&variable.storage.code().to_le_bytes())?;
        }
        out.put(b"</variable_types>")?;

        self.map[section::VARNAMES] = out.position;
        let names = plan.variables.iter().map(|v| v.name.as_str());
        out.put_fixed_section("varnames", names, NAME_FIELD)?;

        self.map[section::SORTLIST] = out.position;
        out.put(b"<sortlist>")?;
        out.put(&vec![0; (plan.variables.len() + 1) * 2])?;
        out.put(b"</sortlist>")?;

        self.map[section::FORMATS] = out.position;
        let formats = plan.variables.iter().map(|v| v.format.as_str());
        out.put_fixed_section("formats", formats, FORMAT_FIELD)?;

        self.map[section::VALUE_LABEL_NAMES] = out.position;
        let value_labels = plan
            .variables
            .iter()
            .map(|v| v.value_label.as_deref().unwrap_or(""));
        out.put_fixed_section("value_label_names", value_labels, NAME_FIELD)?;

        self.map[section::VARIABLE_LABELS] = out.position;
        let labels = plan.variables.iter().map(|v| v.label.as_str());
        out.put_fixed_section("variable_labels", labels, LABEL_FIELD)?;

        // The whole query as the dataset's one note: `_dta[note0]` counts
        // the notes, `_dta[note1]` is the first.
        self.map[section::CHARACTERISTICS] = out.position;
        out.put(b"<characteristics>")?;
        for (name, contents) in [("note0", "1"), ("note1", plan.note.as_str())] {
            let length = (2 * NAME_FIELD + contents.len() + 1) as u32;
            out.put(b"<ch>")?;
            out.put(&length.to_le_bytes())?;
            out.put_fixed("_dta", NAME_FIELD)?;
            out.put_fixed(name, NAME_FIELD)?;
            out.put(contents.as_bytes())?;
            out.put(&[0])?;
            out.put(b"</ch>")?;
        }
        out.put(b"</characteristics>")?;

        self.map[section::DATA] = out.position;
        out.put(b"<data>")?;

        self.offsets = plan
            .variables
            .iter()
            .scan(0, |offset, variable| {
                let at = *offset;
                *offset += variable.storage.width();
                Some(at)
            })
            .collect();
        self.row_width = plan.variables.iter().map(|v| v.storage.width()).sum();
        self.spills = plan
            .variables
            .iter()
            .map(|v| (v.storage == Storage::StrL).then(Spill::new).transpose())
            .collect::<io::Result<_>>()
            .map_err(Error::Output)?;
        self.plan = Some(plan);
        Ok(())
    }

    /// Writes a batch's rows.
    pub fn push(&mut self, batch: &RecordBatch) -> Result<()> {
        let DtaWriter {
            out,
            plan,
            rows,
            row_width,
            offsets,
            block,
            spills,
            ..
        } = self;
        let plan = plan
            .as_ref()
            .ok_or_else(|| write_failed("rows before the header"))?;
        if batch.num_columns() != plan.variables.len() {
            return Err(write_failed("a batch of another shape"));
        }
        let count = batch.num_rows();
        if count == 0 || *row_width == 0 {
            return Ok(());
        }
        block.clear();
        block.resize(count * *row_width, 0);
        for (index, variable) in plan.variables.iter().enumerate() {
            let cells = Cells {
                rows: block.as_mut_slice(),
                row_width: *row_width,
                offset: offsets[index],
                width: variable.storage.width(),
            };
            let strl = Strl {
                variable: index as u32 + 1,
                first_observation: *rows + 1,
                spill: spills[index].as_mut(),
            };
            fill(variable, batch.column(index).as_ref(), count, cells, strl)?;
        }
        out.put(block.as_slice())?;
        *rows += count as u64;
        Ok(())
    }

    /// Ends the data, copies the strLs in, writes the value labels and
    /// patches N and the map; returns the output, flushed.
    pub fn finish(mut self, row_count: u64) -> Result<W> {
        let plan = self.plan.take().ok_or_else(|| write_failed("no header"))?;
        debug_assert_eq!(row_count, self.rows, "rows pushed and rows counted differ");
        let out = &mut self.out;
        out.put(b"</data>")?;

        self.map[section::STRLS] = out.position;
        out.put(b"<strls>")?;
        for spill in self.spills.iter_mut().filter_map(Option::take) {
            out.position += spill.copy_to(&mut out.out)?;
        }
        out.put(b"</strls>")?;

        self.map[section::VALUE_LABELS] = out.position;
        out.put(b"<value_labels>")?;
        if plan.has_booleans() {
            let (no, yes) = (&plan.yes_no.0, &plan.yes_no.1);
            let text_length = no.len() + 1 + yes.len() + 1;
            // n, txtlen, off[2], val[2], txt.
            let table_length = 4 + 4 + 2 * 4 + 2 * 4 + text_length;
            out.put(b"<lbl>")?;
            out.put(&(table_length as i32).to_le_bytes())?;
            out.put_fixed(YES_NO_LABEL, NAME_FIELD)?;
            out.put(&[0; 3])?;
            for number in [2, text_length as i32, 0, no.len() as i32 + 1, 0, 1] {
                out.put(&i32::to_le_bytes(number))?;
            }
            for text in [no, yes] {
                out.put(text.as_bytes())?;
                out.put(&[0])?;
            }
            out.put(b"</lbl>")?;
        }
        out.put(b"</value_labels>")?;

        self.map[section::CLOSE] = out.position;
        out.put(b"</stata_dta>")?;
        self.map[section::END] = out.position;

        let map_at = self.map[section::MAP] + b"<map>".len() as u64;
        patch(&mut out.out, self.count_at, self.rows, map_at, &self.map).map_err(Error::Output)?;
        self.out
            .out
            .into_inner()
            .map_err(|e| Error::Output(e.into_error()))
    }
}

/// Writes N, the observation count, and the map in their places.
fn patch<W: Write + Seek>(
    file: &mut BufWriter<W>,
    count_at: u64,
    rows: u64,
    map_at: u64,
    map: &[u64; 14],
) -> io::Result<()> {
    file.seek(SeekFrom::Start(count_at))?;
    file.write_all(&rows.to_le_bytes())?;
    file.seek(SeekFrom::Start(map_at))?;
    for offset in map {
        file.write_all(&offset.to_le_bytes())?;
    }
    file.seek(SeekFrom::End(0))?;
    file.flush()
}

#[cfg(test)]
mod tests {
    // moved from src/render/dta.rs
    use super::*;
    use std::io::Cursor;
    use std::sync::Arc;

    use duckdb::arrow::array::{
        ArrayRef, BooleanArray, Date32Array, Decimal128Array, Float64Array, Int64Array, NullArray,
        StringArray, TimestampMicrosecondArray,
    };
    use duckdb::arrow::datatypes::{DataType, Field, Schema, TimeUnit};

    use crate::i18n::Lang;
    use crate::render::dta::ColumnStats;
    use crate::render::dta::types::{DOUBLE_MISSING, LONG_MISSING};

    /// The eight bytes at `at` as a little-endian u64.
    fn u64_at(bytes: &[u8], at: usize) -> u64 {
        u64::from_le_bytes(bytes[at..at + 8].try_into().unwrap())
    }

    fn sample() -> (Schema, RecordBatch) {
        let long_text = "长".repeat(700); // 2100 bytes: a strL
        let fields = vec![
            Field::new("n", DataType::Int64, true),
            Field::new("big", DataType::Decimal128(38, 0), true),
            Field::new("x", DataType::Float64, true),
            Field::new("flag", DataType::Boolean, true),
            Field::new("day", DataType::Date32, true),
            Field::new("at", DataType::Timestamp(TimeUnit::Microsecond, None), true),
            Field::new("name", DataType::Utf8, true),
            Field::new("note", DataType::Utf8, true),
            Field::new("nothing", DataType::Null, true),
        ];
        let schema = Schema::new(fields);
        let columns: Vec<ArrayRef> = vec![
            Arc::new(Int64Array::from(vec![Some(7), None])),
            Arc::new(
                Decimal128Array::from(vec![Some(3_000_000_000i128), None])
                    .with_precision_and_scale(38, 0)
                    .unwrap(),
            ),
            Arc::new(Float64Array::from(vec![Some(1.5), None])),
            Arc::new(BooleanArray::from(vec![Some(true), None])),
            Arc::new(Date32Array::from(vec![Some(0), None])),
            Arc::new(TimestampMicrosecondArray::from(vec![Some(1_000), None])),
            Arc::new(StringArray::from(vec![Some("中文"), None])),
            Arc::new(StringArray::from(vec![Some(long_text.as_str()), Some("")])),
            Arc::new(NullArray::new(2)),
        ];
        let batch = RecordBatch::try_new(Arc::new(schema.clone()), columns).unwrap();
        (schema, batch)
    }

    fn stats_of_sample() -> Vec<ColumnStats> {
        let range = |min: f64, max: f64| ColumnStats {
            min: Some(min),
            max: Some(max),
            max_bytes: None,
        };
        let bytes = |n: u64| ColumnStats {
            max_bytes: Some(n),
            ..ColumnStats::default()
        };
        vec![
            range(7.0, 7.0),
            range(3e9, 3e9),
            ColumnStats::default(),
            ColumnStats::default(),
            ColumnStats::default(),
            ColumnStats::default(),
            bytes(6),
            bytes(2100),
            ColumnStats::default(),
        ]
    }

    #[test]
    fn a_file_has_its_sections_where_the_map_says_and_the_rows_patched_in() {
        let (schema, batch) = sample();
        let plan = DtaPlan::in_language(Lang::En, &schema, &stats_of_sample(), "select 1").unwrap();
        let storages: Vec<Storage> = plan.variables.iter().map(|v| v.storage).collect();
        assert_eq!(
            storages,
            vec![
                Storage::Byte,
                Storage::Double,
                Storage::Double,
                Storage::Byte,
                Storage::Long,
                Storage::Double,
                Storage::Str(6),
                Storage::StrL,
                Storage::Byte,
            ]
        );
        let mut writer = DtaWriter::new(Cursor::new(Vec::new()));
        writer.begin(plan).unwrap();
        writer.push(&batch).unwrap();
        let bytes = writer.finish(2).unwrap().into_inner();

        assert!(bytes.starts_with(
            b"<stata_dta><header><release>118</release><byteorder>LSF</byteorder><K>"
        ));
        assert_eq!(u16::from_le_bytes([bytes[70], bytes[71]]), 9);
        assert_eq!(&bytes[72..79], b"</K><N>");
        assert_eq!(u64_at(&bytes, 79), 2);
        assert!(bytes.ends_with(b"</stata_dta>"));

        let map_at = bytes.windows(5).position(|w| w == b"<map>").unwrap();
        let map: Vec<u64> = (0..14)
            .map(|i| u64_at(&bytes, map_at + 5 + 8 * i))
            .collect();
        assert_eq!(map[0], 0);
        assert_eq!(map[1], map_at as u64);
        let tags: [(usize, &[u8]); 11] = [
            (2, b"<variable_types>"),
            (3, b"<varnames>"),
            (4, b"<sortlist>"),
            (5, b"<formats>"),
            (6, b"<value_label_names>"),
            (7, b"<variable_labels>"),
            (8, b"<characteristics>"),
            (9, b"<data>"),
            (10, b"<strls>"),
            (11, b"<value_labels>"),
            (12, b"</stata_dta>"),
        ];
        for (index, tag) in tags {
            assert!(
                bytes[map[index] as usize..].starts_with(tag),
                "map entry {index}"
            );
        }
        assert_eq!(map[13], bytes.len() as u64);

        // Row 1: 7, 3e9, 1.5, 1, day 3653, 315619200001 ms, "中文", strL (8,1), missing.
        let data = map[9] as usize + b"<data>".len();
        let row_width = 1 + 8 + 8 + 1 + 4 + 8 + 6 + 8 + 1;
        let row = &bytes[data..data + row_width];
        assert_eq!(row[0], 7);
        assert_eq!(f64::from_le_bytes(row[1..9].try_into().unwrap()), 3e9);
        assert_eq!(f64::from_le_bytes(row[9..17].try_into().unwrap()), 1.5);
        assert_eq!(row[17], 1);
        assert_eq!(i32::from_le_bytes(row[18..22].try_into().unwrap()), 3653);
        assert_eq!(
            f64::from_le_bytes(row[22..30].try_into().unwrap()),
            315_619_200_001.0
        );
        assert_eq!(&row[30..36], "中文".as_bytes());
        assert_eq!(u64_at(row, 36), 8 | (1 << 16));
        assert_eq!(row[44], 101);
        // Row 2: every value missing, text empty, the empty strL (0, 0).
        let row = &bytes[data + row_width..data + 2 * row_width];
        assert_eq!(row[0], 101);
        assert_eq!(u64_at(row, 1), DOUBLE_MISSING);
        assert_eq!(row[17], 101);
        assert_eq!(
            i32::from_le_bytes(row[18..22].try_into().unwrap()),
            LONG_MISSING
        );
        assert_eq!(&row[30..36], &[0; 6]);
        assert_eq!(u64_at(row, 36), 0);
        assert_eq!(&bytes[data + 2 * row_width..map[10] as usize], b"</data>");

        // One GSO: variable 8, observation 1, text, with its NUL.
        let strls = map[10] as usize + b"<strls>".len();
        assert_eq!(&bytes[strls..strls + 3], b"GSO");
        assert_eq!(
            u32::from_le_bytes(bytes[strls + 3..strls + 7].try_into().unwrap()),
            8
        );
        assert_eq!(u64_at(&bytes, strls + 7), 1);
        assert_eq!(bytes[strls + 15], 130);
        assert_eq!(
            u32::from_le_bytes(bytes[strls + 16..strls + 20].try_into().unwrap()),
            2101
        );
        assert_eq!(
            &bytes[strls + 20 + 2100..strls + 20 + 2101 + 8],
            b"\0</strls>"
        );

        // The yes/no label.
        let labels = &bytes[map[11] as usize..map[12] as usize];
        assert!(labels.windows(5).any(|w| w == b"yesno"));
        assert!(labels.windows(4).any(|w| w == b"yes\0"));
    }

    #[test]
    fn a_value_outside_the_measured_range_stops_the_file() {
        let schema = Schema::new(vec![
            Field::new("visits", DataType::Int64, true),
            Field::new("label_text", DataType::Utf8, true),
        ]);
        let batch = |visits: i64, text: &str| {
            let columns: Vec<ArrayRef> = vec![
                Arc::new(Int64Array::from(vec![visits])),
                Arc::new(StringArray::from(vec![text])),
            ];
            RecordBatch::try_new(Arc::new(schema.clone()), columns).unwrap()
        };
        let measured = [
            ColumnStats {
                min: Some(0.0),
                max: Some(5.0),
                max_bytes: None,
            },
            ColumnStats {
                max_bytes: Some(3),
                ..ColumnStats::default()
            },
        ];
        let writer = || {
            let plan = DtaPlan::in_language(Lang::En, &schema, &measured, "q").unwrap();
            let mut writer = DtaWriter::new(Cursor::new(Vec::new()));
            writer.begin(plan).unwrap();
            writer
        };
        // Past the measures but within the types they chose: written.
        assert!(writer().push(&batch(100, "abc")).is_ok());
        // Past a byte: refused, naming the column.
        let message = writer().push(&batch(101, "abc")).unwrap_err().to_string();
        assert!(message.contains("visits"), "{message}");
        // Longer than its str3.
        let message = writer().push(&batch(1, "abcd")).unwrap_err().to_string();
        assert!(message.contains("label_text"), "{message}");
    }
}

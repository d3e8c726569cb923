//! Lists, structs, maps and dictionary-encoded columns (DuckDB's enums),
//! whose values are written by the writers of their children's types.

use duckdb::arrow::array::{
    Array, DictionaryArray, FixedSizeListArray, GenericListArray, MapArray, StructArray,
};

use super::text::write_quoted;
use super::{Nesting, Writer, value_writer};

fn write_sequence(
    out: &mut String,
    values: &dyn Array,
    child: &Writer<'_>,
    start: usize,
    end: usize,
) {
    out.push('[');
    for index in start..end {
        if index > start {
            out.push_str(", ");
        }
        if values.is_null(index) {
            out.push_str("NULL");
        } else {
            child(index, out);
        }
    }
    out.push(']');
}

pub(super) fn list_writer<'a, O: duckdb::arrow::array::OffsetSizeTrait>(
    list: &'a GenericListArray<O>,
) -> Writer<'a> {
    let values = list.values();
    let child = value_writer(values.as_ref(), Nesting::Nested);
    Box::new(move |row, out: &mut String| {
        let offsets = list.value_offsets();
        let (start, end) = (offsets[row].as_usize(), offsets[row + 1].as_usize());
        write_sequence(out, values.as_ref(), &child, start, end)
    })
}

pub(super) fn fixed_size_list_writer<'a>(list: &'a FixedSizeListArray) -> Writer<'a> {
    let child = value_writer(list.values().as_ref(), Nesting::Nested);
    let values = list.values();
    let size = list.value_length() as usize;
    Box::new(move |row, out: &mut String| {
        let start = list.value_offset_at(row);
        write_sequence(out, values.as_ref(), &child, start, start + size)
    })
}

pub(super) fn struct_writer<'a>(array: &'a StructArray) -> Writer<'a> {
    let fields: Vec<(String, &'a dyn Array, Writer<'a>)> = array
        .fields()
        .iter()
        .zip(array.columns())
        .map(|(field, column)| {
            let mut key = String::new();
            write_quoted(&mut key, field.name());
            (
                key,
                column.as_ref(),
                value_writer(column.as_ref(), Nesting::Nested),
            )
        })
        .collect();
    Box::new(move |row, out: &mut String| {
        out.push('{');
        for (index, (key, column, writer)) in fields.iter().enumerate() {
            if index > 0 {
                out.push_str(", ");
            }
            out.push_str(key);
            out.push_str(": ");
            if column.is_null(row) {
                out.push_str("NULL");
            } else {
                writer(row, out);
            }
        }
        out.push('}');
    })
}

pub(super) fn map_writer<'a>(map: &'a MapArray) -> Writer<'a> {
    let keys = map.keys();
    let values = map.values();
    let key_writer = value_writer(keys.as_ref(), Nesting::Nested);
    let value_writer = value_writer(values.as_ref(), Nesting::Nested);
    Box::new(move |row, out: &mut String| {
        let offsets = map.value_offsets();
        let (start, end) = (offsets[row] as usize, offsets[row + 1] as usize);
        out.push('{');
        for index in start..end {
            if index > start {
                out.push_str(", ");
            }
            key_writer(index, out);
            out.push('=');
            if values.is_null(index) {
                out.push_str("NULL");
            } else {
                value_writer(index, out);
            }
        }
        out.push('}');
    })
}

pub(super) fn dictionary_writer<'a, K>(
    array: &'a DictionaryArray<K>,
    nesting: Nesting,
) -> Writer<'a>
where
    K: duckdb::arrow::datatypes::ArrowDictionaryKeyType,
    K::Native: num_index::IntoIndex,
{
    let values = array.values();
    let value_writer = value_writer(values.as_ref(), nesting);
    let keys = array.keys();
    Box::new(move |row, out: &mut String| {
        use num_index::IntoIndex;
        value_writer(keys.value(row).into_index(), out)
    })
}

/// Dictionary keys of the unsigned types DuckDB uses for enums, as indexes.
mod num_index {
    pub trait IntoIndex {
        fn into_index(self) -> usize;
    }
    impl IntoIndex for u8 {
        fn into_index(self) -> usize {
            usize::from(self)
        }
    }
    impl IntoIndex for u16 {
        fn into_index(self) -> usize {
            usize::from(self)
        }
    }
    impl IntoIndex for u32 {
        fn into_index(self) -> usize {
            self as usize
        }
    }
}

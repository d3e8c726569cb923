//! The keys and references of the roster tables. The schema gives these
//! tables no index (an index over tens of millions of rows made a load four
//! times slower than DuckDB's reader), so `load` checks them itself, with
//! set queries over the table as the load's transaction leaves it.

/// A roster table's key and the columns that refer to another table.
pub(super) struct UnindexedKeys {
    pub key: &'static [&'static str],
    pub references: &'static [(&'static str, &'static str)],
}

const ROSTER_KEYS: &[(&str, UnindexedKeys)] = &[
    (
        "enterprises",
        UnindexedKeys {
            key: &["enterprise_id"],
            references: &[("cluster_id", "clusters")],
        },
    ),
    (
        "enterprise_honors",
        UnindexedKeys {
            // Honors are a history: one row per tier an enterprise reached.
            key: &["enterprise_id", "tier"],
            references: &[("enterprise_id", "enterprises")],
        },
    ),
];

pub(super) fn unindexed_keys(table: &str) -> Option<&'static UnindexedKeys> {
    ROSTER_KEYS
        .iter()
        .find(|(name, _)| *name == table)
        .map(|(_, keys)| keys)
}

/// The key of a roster table when it is one column: a load can watch it
/// as it goes in ([`super::id_watch`]).
pub(super) fn single_key(table: &str) -> Option<&'static str> {
    match unindexed_keys(table)?.key {
        [column] => Some(column),
        _ => None,
    }
}

/// The roster tables whose rows refer to `table`, and by which column: a
/// load that replaces `table` must not leave them pointing at nothing.
pub(super) fn referrers(table: &str) -> Vec<(&'static str, &'static str)> {
    ROSTER_KEYS
        .iter()
        .flat_map(|(referrer, keys)| {
            keys.references
                .iter()
                .filter(move |(_, target)| *target == table)
                .map(move |(column, _)| (*referrer, *column))
        })
        .collect()
}

/// A query of the 64-bit hash of every row's key, when the table's key has
/// no index; a caller sorts them and looks for two alike. A collision only
/// sends the load to the detailed validation, which compares the keys
/// themselves.
pub(super) fn key_hash_query(table: &str) -> Option<String> {
    let keys = unindexed_keys(table)?;
    Some(format!(
        "SELECT hash({}) FROM main.{table}",
        keys.key.join(", ")
    ))
}

/// A query answering whether the table, as the load leaves it, refers to
/// a missing row, or has lost a row that a roster table refers to; `None`
/// when indexes check all of that. Duplicate keys: [`key_hash_query`].
pub(super) fn violation_query(table: &str) -> Option<String> {
    let mut tests = Vec::new();
    if let Some(keys) = unindexed_keys(table) {
        for (column, target) in keys.references {
            tests.push(format!(
                "EXISTS (SELECT 1 FROM main.{table} AS t ANTI JOIN main.{target} AS r ON t.{column} = r.{column})"
            ));
        }
    }
    for (referrer, column) in referrers(table) {
        tests.push(format!(
            "EXISTS (SELECT 1 FROM main.{referrer} AS t ANTI JOIN main.{table} AS r ON t.{column} = r.{column})"
        ));
    }
    (!tests.is_empty()).then(|| format!("SELECT {}", tests.join(" OR ")))
}

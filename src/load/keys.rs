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
            key: &["enterprise_id"],
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

/// A query answering whether the table now holds a duplicate key or a
/// reference to a missing row; `None` for tables whose index checks that.
pub(super) fn violation_query(table: &str) -> Option<String> {
    let keys = unindexed_keys(table)?;
    let key_list = keys.key.join(", ");
    // Grouping by the key's 64-bit hash is quicker than by its text; a
    // collision only sends the load to the detailed validation, which
    // compares the keys themselves.
    let mut tests = vec![format!(
        "EXISTS (SELECT 1 FROM main.{table} GROUP BY hash({key_list}) HAVING count(*) > 1)"
    )];
    for (column, target) in keys.references {
        tests.push(format!(
            "EXISTS (SELECT 1 FROM main.{table} AS t ANTI JOIN main.{target} AS r ON t.{column} = r.{column})"
        ));
    }
    Some(format!("SELECT {}", tests.join(" OR ")))
}

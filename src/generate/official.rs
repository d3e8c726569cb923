//! The real clusters found in public reports (data/official_clusters.csv,
//! with a source address and a status note for every row), compiled into
//! the binary so that generation works from any directory.

pub struct OfficialCluster {
    pub batch_year: i32,
    pub province_en: String,
    pub locality_zh: String,
    pub name_zh: String,
    pub industry_zh: String,
    pub industry_en: String,
    /// The caveats of the row as its compiler wrote them (`status_note`).
    pub status_note: String,
}

const OFFICIAL_CSV: &str = include_str!("../../data/official_clusters.csv");

pub fn official_clusters() -> Vec<OfficialCluster> {
    crate::csv_line::records(OFFICIAL_CSV)
        .filter_map(|fields| {
            Some(OfficialCluster {
                batch_year: fields.first()?.parse().ok()?,
                province_en: fields.get(2)?.clone(),
                locality_zh: fields.get(3)?.clone(),
                name_zh: fields.get(4)?.clone(),
                industry_zh: fields.get(5)?.clone(),
                industry_en: fields.get(6)?.clone(),
                status_note: fields.get(8).cloned().unwrap_or_default(),
            })
        })
        .collect()
}

/// The doubts a reader of the data should see without opening the list,
/// each with the words of the status notes that raise it. The notes are
/// free text, but the list keeps to these phrasings (official_clusters.md,
/// "Flags follow the v2 conventions"); a note that words a doubt otherwise
/// goes unmarked, which the test below would show for the rows it names.
const FLAGS: &[(&str, &[&str])] = &[
    // A short form in the source, completed as locality + industry +
    // 产业集群 or given a locality it lacked. A short form kept as written
    // ("short form as given") is the source's own name and no flag.
    ("name rebuilt", &["name rebuilt", "prefix added"]),
    // The source does not name the batch; its year follows from a date,
    // the 2025 review (which covered the 2022 batch only) or "首批".
    (
        "batch year inferred",
        &["batch year inferred", "batch year from", "hence 2023 batch"],
    ),
    // Seen in a 公示 (the list put up for comment), the final list not.
    ("public notice only", &["final list not seen"]),
    // The compiler could not tie the source to the list beyond doubt.
    ("unverified", &["verify"]),
];

impl OfficialCluster {
    /// `name_source` of this cluster: `public report` (no ministry list was
    /// found, so every real name is a report's), followed by its flags:
    /// `public report, name rebuilt, batch year inferred`.
    pub fn name_source(&self) -> String {
        let mut text = String::from("public report");
        for (flag, phrases) in FLAGS {
            if phrases.iter().any(|p| self.status_note.contains(p)) {
                text.push_str(", ");
                text.push_str(flag);
            }
        }
        text
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_all_rows_with_quoted_commas() {
        let clusters = official_clusters();
        // official_clusters.md: 59 of 2022, 38 of 2023, 37 of 2024, 23 of 2025.
        assert_eq!(clusters.iter().filter(|c| c.batch_year == 2022).count(), 59);
        assert_eq!(clusters.iter().filter(|c| c.batch_year == 2023).count(), 38);
        assert_eq!(clusters.iter().filter(|c| c.batch_year == 2024).count(), 37);
        assert_eq!(clusters.iter().filter(|c| c.batch_year == 2025).count(), 23);
        assert!(
            clusters
                .iter()
                .any(|c| c.industry_en == "luggage, bags and leather goods")
        );
        // The note is the ninth field, read past the quoted commas before it.
        let tengzhou = clusters.iter().find(|c| c.locality_zh == "滕州市");
        assert!(tengzhou.is_some_and(|c| c.status_note.ends_with("(全省7个)")));
    }

    /// The rows official_clusters.md names under "Flagged rows" carry its
    /// flags, and a row it calls firm carries none.
    #[test]
    fn flagged_rows_are_marked() {
        let clusters = official_clusters();
        let source = |locality: &str, year: i32| {
            clusters
                .iter()
                .find(|c| c.locality_zh == locality && c.batch_year == year)
                .map(OfficialCluster::name_source)
                .unwrap_or_else(|| panic!("{locality} {year} is in the list"))
        };
        assert_eq!(
            source("滕州市", 2022),
            "public report, name rebuilt, batch year inferred"
        );
        assert_eq!(
            source("博兴县", 2022),
            "public report, name rebuilt, batch year inferred"
        );
        assert_eq!(source("无为市", 2023), "public report, name rebuilt");
        assert_eq!(source("舒城县", 2023), "public report, name rebuilt");
        assert_eq!(
            source("仁怀市", 2022),
            "public report, name rebuilt, unverified"
        );
        assert_eq!(
            source("正安县", 2022),
            "public report, name rebuilt, unverified"
        );
        assert_eq!(
            source("成都市温江区", 2023),
            "public report, batch year inferred"
        );
        assert_eq!(source("东阳市", 2022), "public report, batch year inferred");
        assert_eq!(
            source("泰兴市", 2025),
            "public report, batch year inferred, unverified"
        );
        assert_eq!(
            source("绍兴市上虞区", 2022),
            "public report, public notice only"
        );
        assert_eq!(
            source("扬州市邗江区", 2023),
            "public report, public notice only"
        );
        assert_eq!(source("肥城市", 2023), "public report, public notice only");
        // Firm: the source names the cluster and its batch.
        assert_eq!(source("祁县", 2022), "public report");
        assert_eq!(source("忠县", 2023), "public report");
        assert_eq!(source("阿拉尔市", 2022), "public report");
    }
}

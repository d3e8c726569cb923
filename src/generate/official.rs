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
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_all_rows_with_quoted_commas() {
        let clusters = official_clusters();
        assert_eq!(clusters.iter().filter(|c| c.batch_year == 2022).count(), 48);
        assert_eq!(clusters.iter().filter(|c| c.batch_year == 2023).count(), 19);
        assert_eq!(clusters.iter().filter(|c| c.batch_year == 2024).count(), 37);
        assert_eq!(clusters.iter().filter(|c| c.batch_year == 2025).count(), 21);
        assert!(
            clusters
                .iter()
                .any(|c| c.industry_en == "luggage, bags and leather goods")
        );
    }
}

//! China's provincial-level divisions as a tile map: one square each, in
//! its rough place (columns west to east, rows north to south), so that a
//! count per province reads as geography without a map file.

/// Columns and rows of the grid.
pub const GRID: (usize, usize) = (9, 8);

/// Each province's English name (as `clusters.province` holds it) and its
/// tile's column and row.
pub const TILES: &[(&str, usize, usize)] = &[
    ("Heilongjiang", 8, 0),
    ("Inner Mongolia", 5, 1),
    ("Beijing", 6, 1),
    ("Liaoning", 7, 1),
    ("Jilin", 8, 1),
    ("Xinjiang", 1, 2),
    ("Ningxia", 4, 2),
    ("Shanxi", 5, 2),
    ("Hebei", 6, 2),
    ("Tianjin", 7, 2),
    ("Qinghai", 2, 3),
    ("Gansu", 3, 3),
    ("Shaanxi", 4, 3),
    ("Henan", 5, 3),
    ("Shandong", 6, 3),
    ("Tibet", 1, 4),
    ("Sichuan", 3, 4),
    ("Chongqing", 4, 4),
    ("Hubei", 5, 4),
    ("Anhui", 6, 4),
    ("Jiangsu", 7, 4),
    ("Shanghai", 8, 4),
    ("Yunnan", 2, 5),
    ("Guizhou", 3, 5),
    ("Hunan", 4, 5),
    ("Jiangxi", 5, 5),
    ("Zhejiang", 7, 5),
    ("Fujian", 6, 6),
    ("Guangxi", 3, 6),
    ("Guangdong", 4, 6),
    ("Hainan", 4, 7),
];

/// The name a tile shows: the Chinese short name (浙江, 内蒙古) or the
/// English one.
pub fn short_name(province: &str, lang: crate::i18n::Lang) -> String {
    if lang == crate::i18n::Lang::En {
        return province.to_string();
    }
    let Some(full) = crate::generate::geography::PROVINCES
        .iter()
        .find(|p| p.name == province)
        .map(|p| p.name_zh)
    else {
        return province.to_string();
    };
    for suffix in [
        "壮族自治区",
        "回族自治区",
        "维吾尔自治区",
        "自治区",
        "省",
        "市",
    ] {
        if let Some(short) = full.strip_suffix(suffix) {
            return short.to_string();
        }
    }
    full.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_province_has_one_tile_of_its_own() {
        let provinces = crate::generate::geography::PROVINCES;
        assert_eq!(TILES.len(), provinces.len());
        for province in provinces {
            assert_eq!(
                TILES
                    .iter()
                    .filter(|(name, _, _)| *name == province.name)
                    .count(),
                1,
                "{}",
                province.name
            );
        }
        for (i, a) in TILES.iter().enumerate() {
            assert!(a.1 < GRID.0 && a.2 < GRID.1, "{a:?} is off the grid");
            for b in &TILES[i + 1..] {
                assert!((a.1, a.2) != (b.1, b.2), "{a:?} and {b:?} share a square");
            }
        }
        assert_eq!(
            short_name("Inner Mongolia", crate::i18n::Lang::Zh),
            "内蒙古"
        );
        assert_eq!(short_name("Zhejiang", crate::i18n::Lang::Zh), "浙江");
    }
}

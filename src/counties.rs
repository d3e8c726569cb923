//! Every county-level division of China (`data/counties.csv`: the National
//! Bureau of Statistics' 2023 statistical division codes, 2,978 counties,
//! county-level cities and urban districts, with their prefecture and
//! province). The one module that knows places: the generator puts
//! clusters in real counties with it, and the database gets the same rows
//! as the table `counties`.
//!
//! Names repeat across provinces (宝山区 is in Shanghai and in
//! Shuangyashan), so a name is only ever matched to a code within its
//! province.

use std::sync::OnceLock;

/// Also hashed whole into the cached catalogues' key, which must not parse
/// it at every start.
pub(crate) const COUNTIES_CSV: &str = include_str!("../data/counties.csv");

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct County {
    /// The six-digit division code.
    pub code: &'static str,
    pub name: &'static str,
    pub prefecture_code: &'static str,
    pub prefecture: &'static str,
    /// The province's two digits, the first two of `code`.
    pub province_code: &'static str,
    pub province: &'static str,
}

impl County {
    /// The name a reader places: the county after its prefecture
    /// (`杭州市余杭区`), or after its province where the prefecture is no
    /// place of its own (a municipality's `市辖区`, a province's directly
    /// administered counties), or alone where it is its own prefecture
    /// (`东莞市`).
    pub fn full_name(&self) -> String {
        let above = if self.prefecture == "市辖区"
            || self.prefecture == "县"
            || self.prefecture.ends_with("直辖县级行政区划")
        {
            self.province
        } else {
            self.prefecture
        };
        if above == self.name {
            self.name.to_string()
        } else {
            format!("{above}{}", self.name)
        }
    }
}

/// Every county, in the order of their codes.
pub fn all() -> &'static [County] {
    static COUNTIES: OnceLock<Vec<County>> = OnceLock::new();
    COUNTIES.get_or_init(|| {
        COUNTIES_CSV
            .lines()
            .skip(1)
            .filter_map(|line| {
                // The file has no quoted fields: names hold no commas.
                let mut fields = line.split(',');
                Some(County {
                    code: fields.next()?,
                    name: fields.next()?,
                    prefecture_code: fields.next()?,
                    prefecture: fields.next()?,
                    province_code: fields.next()?,
                    province: fields.next()?,
                })
            })
            .collect()
    })
}

/// The county of a six-digit code.
pub fn by_code(code: &str) -> Option<&'static County> {
    let all = all();
    all.binary_search_by(|county| county.code.cmp(code))
        .ok()
        .map(|index| &all[index])
}

/// The counties of the province whose code is `province_code`.
pub fn in_province(province_code: &str) -> impl Iterator<Item = &'static County> + '_ {
    all()
        .iter()
        .filter(move |county| county.province_code == province_code)
}

/// The county a locality names within its province: the county's name
/// (`海淀区`), with its prefecture (`北京市海淀区`, `泉州市晋江市`) or its
/// province (`北京市海淀区`) before it, or a place inside a county that has
/// no counties of its own (`东莞市万江街道`). `None` when no county or more
/// than one fits.
pub fn locate(province_code: &str, locality: &str) -> Option<&'static County> {
    let candidates: Vec<&County> = in_province(province_code).collect();
    let province = candidates.first()?.province;
    let rest = locality.strip_prefix(province).unwrap_or(locality);
    let exact: Vec<&County> = candidates
        .iter()
        .copied()
        .filter(|c| rest == c.name || rest.strip_prefix(c.prefecture) == Some(c.name))
        .collect();
    let found = if exact.is_empty() {
        candidates
            .iter()
            .copied()
            .filter(|c| rest.starts_with(c.name) && rest.len() > c.name.len())
            .collect()
    } else {
        exact
    };
    match found.as_slice() {
        [one] => Some(one),
        _ => None,
    }
}

/// Endings of province names that offices leave off (江苏 for 江苏省,
/// 广西 for 广西壮族自治区), longest first.
const PROVINCE_ENDINGS: &[&str] = &[
    "壮族自治区",
    "回族自治区",
    "维吾尔自治区",
    "自治区",
    "省",
    "市",
];

/// The code of a province named as offices write it: in full (`江苏省`,
/// `广西壮族自治区`) or without its ending (`江苏`, `广西`).
pub fn province_code_named(name: &str) -> Option<&'static str> {
    let name = name.trim();
    provinces()
        .iter()
        .find(|(_, full, short)| name == *full || name == *short)
        .map(|(code, _, _)| *code)
}

/// Each province's code, full name and short name, in code order.
fn provinces() -> &'static [(&'static str, &'static str, &'static str)] {
    static PROVINCES: OnceLock<Vec<(&str, &str, &str)>> = OnceLock::new();
    PROVINCES.get_or_init(|| {
        let mut list: Vec<(&str, &str, &str)> = Vec::new();
        for county in all() {
            if list
                .last()
                .is_some_and(|(code, _, _)| *code == county.province_code)
            {
                continue;
            }
            let full = county.province;
            let short = PROVINCE_ENDINGS
                .iter()
                .find_map(|ending| full.strip_suffix(ending))
                .unwrap_or(full);
            list.push((county.province_code, full, short));
        }
        list
    })
}

/// The county of a name written with its province apart: `county_code(
/// '江苏省', '常熟市')`. `None` when the province is unknown, or no county
/// or more than one of it fits the name.
pub fn by_name(province: &str, county: &str) -> Option<&'static County> {
    locate(province_code_named(province)?, county.trim())
}

/// The county a place names as offices write it: with its province and
/// prefecture (`江苏省苏州市常熟市`, `上海市宝山区`), with its prefecture
/// (`苏州市常熟市`), or alone (`常熟市`). `None` where the name is unknown
/// or fits more than one county (`宝山区`, in Shanghai and Shuangyashan):
/// never a guess.
pub fn by_place(place: &str) -> Option<&'static County> {
    let place = place.trim();
    for (code, full, short) in provinces() {
        for name in [*full, *short] {
            let Some(rest) = place.strip_prefix(name) else {
                continue;
            };
            // 吉林 of 吉林市 is a prefecture's name, not the province's.
            if name == *short && rest.starts_with(['市', '省']) {
                continue;
            }
            if rest.is_empty() {
                return None;
            }
            // 海南 of 海南藏族自治州 is a prefecture of Qinghai, not the
            // province: a place the province does not hold is looked for
            // everywhere.
            if let Some(county) = locate(code, rest) {
                return Some(county);
            }
        }
    }
    let found: Vec<&County> = all()
        .iter()
        .filter(|c| {
            place == c.name
                || place.strip_prefix(c.prefecture) == Some(c.name)
                || place == c.full_name()
        })
        .collect();
    match found.as_slice() {
        [one] => Some(one),
        _ => None,
    }
}

/// A county's place as offices write it, its province first
/// (`江苏省苏州市常熟市`, `上海市宝山区`): what [`by_place`] reads back.
pub fn place_name(code: &str) -> Option<String> {
    let county = by_code(code.trim())?;
    let name = county.full_name();
    Some(if name.starts_with(county.province) {
        name
    } else {
        format!("{}{name}", county.province)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_county_once_in_code_order() {
        let all = all();
        assert_eq!(all.len(), 2978);
        assert!(all.windows(2).all(|pair| pair[0].code < pair[1].code));
        assert!(
            all.iter()
                .all(|c| c.code.len() == 6 && c.code.starts_with(c.province_code))
        );
    }

    #[test]
    fn names_are_matched_within_their_province() {
        assert_eq!(by_code("110108").map(|c| c.name), Some("海淀区"));
        // 宝山区 is in Shanghai and in Shuangyashan (Heilongjiang).
        assert_eq!(locate("31", "上海市宝山区").map(|c| c.code), Some("310113"));
        assert_eq!(locate("23", "宝山区").map(|c| c.code), Some("230506"));
        assert_eq!(locate("11", "北京市海淀区").map(|c| c.code), Some("110108"));
        assert_eq!(
            locate("44", "东莞市万江街道").map(|c| c.code),
            Some("441900")
        );
        assert_eq!(locate("33", "海淀区"), None);
        assert_eq!(
            by_code("110108").map(County::full_name).as_deref(),
            Some("北京市海淀区")
        );
        assert_eq!(
            by_code("441900").map(County::full_name).as_deref(),
            Some("东莞市")
        );
        assert_eq!(
            by_code("330110").map(County::full_name).as_deref(),
            Some("杭州市余杭区")
        );
    }

    #[test]
    fn places_as_offices_write_them() {
        let code = |place: &str| by_place(place).map(|c| c.code);
        assert_eq!(code("上海市宝山区"), Some("310113"));
        assert_eq!(code("黑龙江省双鸭山市宝山区"), Some("230506"));
        assert_eq!(code("宝山区"), None);
        assert_eq!(code("江苏省苏州市常熟市"), Some("320581"));
        assert_eq!(code("苏州市常熟市"), Some("320581"));
        assert_eq!(code("常熟市"), Some("320581"));
        assert_eq!(code("江苏常熟市"), Some("320581"));
        assert_eq!(code("吉林市船营区"), Some("220204"));
        assert_eq!(code("新疆阿拉尔市"), Some("659002"));
        assert_eq!(code("江苏省"), None);
        assert_eq!(code("海南藏族自治州共和县"), Some("632521"));
        assert_eq!(code("火星市"), None);
        let named = |province: &str, county: &str| by_name(province, county).map(|c| c.code);
        assert_eq!(named("上海市", "宝山区"), Some("310113"));
        assert_eq!(named("黑龙江", "宝山区"), Some("230506"));
        assert_eq!(named("江苏", "苏州市常熟市"), Some("320581"));
        assert_eq!(named("广西壮族自治区", "东兴市"), Some("450681"));
        assert_eq!(named("火星", "宝山区"), None);
    }

    #[test]
    fn every_county_is_found_by_its_place_name() {
        for county in all() {
            let place = place_name(county.code).expect("named");
            assert_eq!(
                by_place(&place).map(|c| c.code),
                Some(county.code),
                "{place}"
            );
        }
    }
}
